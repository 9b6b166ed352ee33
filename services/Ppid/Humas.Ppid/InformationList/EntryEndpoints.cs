using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Microsoft.Extensions.Primitives;

namespace Humas.Ppid.InformationList;

/// <summary>An entry as its unit's officers see it, times in the unit's own zone; the version is also the ETag.</summary>
public sealed record EntryView(
    Guid EntryId, string UnitId, EntryStatus Status, string Title, string Summary, InformationCategory Category, string ResponsibleOfficial,
    IReadOnlyList<DocumentFormat> Formats, string RetentionPeriod, int Year, string? ExemptionClause, string? ConsequenceTest,
    DateTimeOffset? ListedAt, string? Url, long Version)
{
    public static EntryView From(InformationEntry e, long version, UnitDirectory units) => new(
        e.Id, e.UnitId, e.Status, e.Content.Title, e.Content.Summary, e.Content.Category, e.Content.ResponsibleOfficial, e.Content.Formats,
        e.Content.RetentionPeriod, e.Content.Year, e.Content.Exemption?.Clause, e.Content.Exemption?.ConsequenceTest,
        e.ListedAt is { } listedAt ? units.Find(e.UnitId)?.TimeZone.ToLocal(listedAt) ?? listedAt : null, e.Url, version);
}

/// <summary>
/// What every change to an existing entry shares: load it, check the officer acts for its unit,
/// require If-Match to name the current version, run the use case's decider, append.
/// </summary>
internal static class EntryEndpoints
{
    /// <summary>The answers every change to an entry can give, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesEntryChange(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<EntryView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static string Location(Guid entryId) => $"/api/ppid/information-list/{entryId}";

    public static async Task<IResult> ChangeAsync(
        Guid entryId, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units,
        Func<InformationEntry, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var current = await store.AggregateAsync(InformationEntry.StreamId(entryId), InformationEntry.Initial, InformationEntry.Evolve, ct);
        if (current is null) return NotFound(entryId);
        var (state, version) = current.Value;
        if (!OfficerAccess.MayActFor(user, state.UnitId, units)) return OfficerAccess.Forbidden(state.UnitId);

        var ifMatch = http.Request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(ifMatch))
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match diperlukan / If-Match required",
                detail: $"Send the entry's current version as If-Match (its ETag, now \"{version}\") so that no one else's change is overwritten.");
        if (!Matches(ifMatch, version))
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Data telah berubah / The resource has changed",
                detail: $"If-Match is {ifMatch} but the entry is at version \"{version}\". Reload it and try again.");

        IReadOnlyList<object> events;
        try
        {
            events = decide(state);
        }
        catch (EntryChangeRefused refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Perubahan ditolak / Change refused", detail: refused.Message,
                extensions: new Dictionary<string, object?> { ["code"] = refused.Code });
        }

        if (events.Count > 0)
        {
            var result = await store.AppendAsync(InformationEntry.StreamId(entryId), InformationEntry.StreamType, version, events,
                new EventMetadata(Actor: user.FindFirstValue(HumasClaims.Subject)), ct);
            state = events.Aggregate(state, InformationEntry.Evolve);
            version = result.Version;
        }
        http.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(EntryView.From(state, version, units));
    }

    public static IResult NotFound(Guid entryId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tidak ditemukan / Not found", detail: $"No information-list entry '{entryId}'.");

    /// <summary>Strong comparison (RFC 9110 §13.1.1): a weak tag never matches; <c>*</c> matches an existing entry.</summary>
    private static bool Matches(StringValues ifMatch, long version) =>
        ifMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(tag => tag == "*" || tag == $"\"{version}\"");
}
