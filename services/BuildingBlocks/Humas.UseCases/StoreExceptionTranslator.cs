using Humas.Eventing.Store;
using Humas.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;

namespace Humas.UseCases;

/// <summary>The event store's exceptions as the answers a caller can act on.</summary>
internal sealed class StoreExceptionTranslator : IExceptionTranslator
{
    public Exception Translate(HttpContext context, Exception exception) => PostgresErrors.Translate(exception) switch
    {
        // A lost race: 412 for a caller who named a version, 409 for one who did not (a create).
        ConcurrencyException conflict => new Refusal(context.Request.Headers.IfMatch.Count > 0 ? RefusalKind.Stale : RefusalKind.Conflict,
            "resource.changed", conflict.ActualVersion?.ToString() ?? "-"),
        IdempotencyKeyReusedException reused => new Refusal(RefusalKind.Unprocessable, "idempotency.key-reused", reused.Key),
        StoreUnavailableException unavailable => new TemporarilyUnavailableException("store.unavailable", unavailable),
        // Not "nothing was changed": the change may have been saved. A create retried with the
        // same Idempotency-Key gets its first answer if it was; a change retried with If-Match gets 412.
        CommitOutcomeUnknownException unknown => new TemporarilyUnavailableException("store.commit-unknown", unknown),
        var other => other,
    };
}
