using Humas.Clarifications.Cases;
using Humas.Eventing.Store;

namespace Humas.Clarifications.Reports;

public enum ReportChannel { Public, Officer }

/// <summary>What matching found at intake: the best published clarification and its tier.</summary>
public sealed record IntakeMatch(string Number, string Title, string Label, double Score, string Tier);

/// <summary>
/// A claim was reported. The reporter's contact, when given, is sealed with a key of its own
/// (crypto-shredding): the event never holds it in clear. A confirmed match links the report to
/// the published clarification (LinkedNumber); otherwise the report opened a case (CaseId).
/// </summary>
public sealed record ReportReceived(
    Guid ReportId,
    string Number,
    string UnitId,
    ReportChannel Channel,
    string? ReportedBy,
    string Claim,
    SeenOn SeenOn,
    string? Outlet,
    string? Url,
    string? ArchiveUrl,
    DateTimeOffset? FirstSeenAt,
    ClaimReach Reach,
    Guid? ContactSubjectId,
    string? SealedContact,
    string AccessCodeHash,
    IntakeMatch? Match,
    Guid? CaseId,
    string? LinkedNumber,
    DateTimeOffset ReceivedAt);

/// <summary>A screenshot of the claim was attached: its bytes are in clarification_screenshots, written in the same transaction.</summary>
public sealed record ScreenshotAttached(Guid ScreenshotId, string MediaType, int Size, string Sha256, string By, DateTimeOffset At);

/// <summary>The reporter's optional contact, only ever stored sealed.</summary>
public sealed record ReporterContact(string? Name, string? Phone, string? Email);

/// <summary>The state of one report, folded from its events.</summary>
public sealed record Report(Guid Id, string Number, string UnitId, string AccessCodeHash, Guid? ContactSubjectId, string? SealedContact, ReportReceived? Received,
    IReadOnlyList<ScreenshotAttached> Screenshots)
{
    public const string StreamType = "clarification-report";

    public static Report Initial { get; } = new(Guid.Empty, "", "", "", null, null, null, []);

    public static string StreamId(Guid reportId) => $"report-{reportId}";

    public static Report Evolve(Report state, object @event) => @event switch
    {
        ReportReceived e => new Report(e.ReportId, e.Number, e.UnitId, e.AccessCodeHash, e.ContactSubjectId, e.SealedContact, e, []),
        ScreenshotAttached e => state with { Screenshots = [.. state.Screenshots, e] },
        _ => state,
    };
}

/// <summary>Report numbers per unit and year without gaps (KPU-33.21-LAP-2026-00001), taken in the transaction that records the report.</summary>
public static class ReportNumbers
{
    public const string Series = "LAP";

    public static async Task<string> NextAsync(EventSession session, string unitId, int year, CancellationToken ct)
    {
        await using var command = session.CreateCommand("""
            INSERT INTO clarification_report_sequences (unit_id, year, last) VALUES (@unit, @year, 1)
            ON CONFLICT (unit_id, year) DO UPDATE SET last = clarification_report_sequences.last + 1
            RETURNING last
            """);
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("year", year);
        var number = (int)(await command.ExecuteScalarAsync(ct))!;
        return $"{unitId.ToUpperInvariant()}-{Series}-{year}-{number:D5}";
    }
}
