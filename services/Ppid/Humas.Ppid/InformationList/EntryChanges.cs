using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

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

/// <summary>How a change to an entry runs through the toolkit's pipeline: only officers of its unit change it.</summary>
internal static class EntryChanges
{
    public static readonly ChangeFlow<InformationEntry, DateTimeOffset, EntryView> Flow = new()
    {
        Aggregate = new(InformationEntry.StreamType, InformationEntry.Initial, InformationEntry.Evolve),
        NotFoundCode = "entry.not-found",
        FindStream = (_, key, _) => Task.FromResult(Guid.TryParse(key, out var id) ? InformationEntry.StreamId(id) : null),
        Protect = (_, entry, _) => Task.FromResult(new ProtectedResource(entry.UnitId)),
        Context = (http, _, _) => Task.FromResult(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()),
        View = (http, entry, version) => EntryView.From(entry, version, http.RequestServices.GetRequiredService<UnitDirectory>()),
    };

    public static Task<IResult> RunAsync(HttpContext http, Guid entryId, Decider<InformationEntry, DateTimeOffset> decide) =>
        Flow.RunAsync(http, entryId.ToString(), ActOn.PpidOfficer, decide, http.RequestAborted);

    public static string Location(Guid entryId) => $"/api/ppid/information-list/{entryId}";
}
