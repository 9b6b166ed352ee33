using Humas.Eventing.Store;
using Humas.Ppid.Contracts;

namespace Humas.Ppid.Requests;

/// <summary>What other services learn of a request: the facts they act on, never the requester.</summary>
public sealed class RequestIntegrationEvents : IIntegrationEventTranslator
{
    public IEnumerable<object> Translate(RecordedEvent recorded)
    {
        if (recorded.Data is RequestRegistered e)
        {
            yield return new InformationRequestRegistered
            {
                RequestId = e.RequestId,
                RegistrationNumber = e.RegistrationNumber,
                UnitId = e.UnitId,
                ReceivedAt = e.ReceivedAt,
                DueDate = e.DueDate,
                DueDateProvisional = e.DueDateProvisional,
                Channel = e.Channel == RegistrationChannel.WalkIn ? "walk-in" : "online",
            };
        }
    }
}
