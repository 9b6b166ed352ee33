using Humas.ServiceDefaults.Http;
using Humas.Eventing.Store;
using Humas.Ppid.Contracts;

namespace Humas.Ppid.InformationList;

/// <summary>Other services learn that information went public (Calendar marks a berkala obligation met); drafts and exemptions stay inside.</summary>
public sealed class InformationListIntegrationEvents : IIntegrationEventTranslator
{
    public IEnumerable<object> Translate(RecordedEvent recorded)
    {
        if (recorded.Data is InformationEntryPublished e)
        {
            yield return new InformationPublished
            {
                EntryId = e.EntryId,
                UnitId = e.UnitId,
                Title = e.Title,
                Category = KebabNames.Of(e.Category),
                PublishedAt = e.PublishedAt,
                Url = e.Url,
            };
        }
    }
}
