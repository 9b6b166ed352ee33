using Humas.Calendar.Contracts;
using Humas.Eventing.Store;

namespace Humas.Calendar.Berkala;

/// <summary>What Ppid (its compliance view) and others learn of the obligations: scheduled, due, overdue.</summary>
public sealed class BerkalaIntegrationEvents : IIntegrationEventTranslator
{
    public IEnumerable<object> Translate(RecordedEvent recorded)
    {
        if (!recorded.StreamId.StartsWith("berkala-", StringComparison.Ordinal)) yield break;
        var id = Guid.Parse(recorded.StreamId["berkala-".Length..]);
        switch (recorded.Data)
        {
            case BerkalaObligationStarted e:
                yield return new PeriodicPublicationScheduled
                {
                    ObligationId = id, UnitId = e.UnitId, Title = e.Title, Category = e.Category, LastPublishedAt = e.PublishedAt, DueDate = e.DueDate,
                    ObligationVersion = recorded.Version,
                };
                break;
            case BerkalaObligationRenewed e:
                yield return new PeriodicPublicationScheduled
                {
                    ObligationId = id, UnitId = e.UnitId, Title = e.Title, Category = e.Category, LastPublishedAt = e.PublishedAt, DueDate = e.DueDate,
                    ObligationVersion = recorded.Version,
                };
                break;
            case BerkalaObligationCameDue e:
                yield return new PeriodicPublicationDue
                {
                    ObligationId = id, UnitId = e.UnitId, Title = e.Title, Category = e.Category, DueDate = e.DueDate, NoticedAt = e.At,
                    ObligationVersion = recorded.Version,
                };
                break;
            case BerkalaObligationBecameOverdue e:
                yield return new PeriodicPublicationOverdue
                {
                    ObligationId = id, UnitId = e.UnitId, Title = e.Title, Category = e.Category, DueDate = e.DueDate, DetectedAt = e.At,
                    ObligationVersion = recorded.Version,
                };
                break;
        }
    }
}
