using Humas.Clarifications.Cases;
using Humas.Clarifications.Contracts;
using Humas.Eventing.Store;

namespace Humas.Clarifications.Published;

/// <summary>
/// What other services learn of clarifications: that one was published (from a case, with its
/// reach and the case; or imported), never who reported the claim.
/// </summary>
public sealed class ClarificationIntegrationEvents : IIntegrationEventTranslator
{
    public IEnumerable<object> Translate(RecordedEvent recorded)
    {
        switch (recorded.Data)
        {
            case CaseClarificationPublished e:
                yield return new ClarificationPublished(e.CaseId, e.Number, 1, e.UnitId, e.Label, e.Title, e.Claim, e.At, $"/api/clarifications/{e.Number}",
                    false, e.CaseId, new ClarificationReach(e.Reach.Shares, e.Reach.Views, e.Reach.QuotedByOutlets, e.Reach.QuotedByMassMedia));
                break;
            case ClarificationImported e:
                yield return new ClarificationPublished(e.ClarificationId, e.Number, 1, e.UnitId, e.Label, e.Title, e.Claim, e.PublishedAt,
                    $"/api/clarifications/{e.Number}", true, null, new ClarificationReach(0, 0, [], false));
                break;
        }
    }
}
