using Dapper;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Clarifications.Reports;

/// <summary>
/// Following a report: the reporter with its number and access code (X-Access-Code), or a humas
/// officer of its unit (or above), who also sees the reporter's contact when one was left.
/// </summary>
public static class GetReport
{
    public static readonly ActOn ReporterOrHumasOfficer = new(Actors.Requester | Actors.Officer, [HumasRoles.HumasOfficer, HumasRoles.Supervisor]);

    public sealed record Row(Guid ReportId, string Number, string UnitId, Guid? CaseId, string? LinkedNumber, string? CaseStatus, string? CaseNumber,
        int? CaseReportCount = null, DateTimeOffset? CaseDueAt = null);

    public sealed record ReportView(
        string Number, string UnitId, DateTimeOffset ReceivedAt, string Claim, string SeenOn, string Status, IntakeMatch? Match,
        SubmitReport.ClarificationLink? Clarification, Guid? CaseId, ReporterContact? Contact, IReadOnlyList<ScreenshotLink> Screenshots,
        SubmitReport.CaseInReview? Case = null);

    /// <summary>A screenshot of the report and where its reporter or an officer of its unit fetches it.</summary>
    public sealed record ScreenshotLink(Guid ScreenshotId, string MediaType, int Size, string Url);

    public static async Task<Row?> FindAsync(NpgsqlDataSource db, string number, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT r.report_id, r.number, r.unit_id, r.case_id, r.linked_number, c.status AS case_status, c.number AS case_number,
                   c.report_count AS case_report_count, c.due_at AS case_due_at
            FROM clarification_reports r LEFT JOIN clarification_cases c ON c.case_id = r.case_id
            WHERE r.number = @number
            """, new { number = number.Trim().ToUpperInvariant() }, cancellationToken: ct));
    }

    public static void MapGetReport(this RouteGroupBuilder api) =>
        api.MapGet("/reports/{number}", HandleAsync).CarriesPersonalData().AcceptsAccessCode()
            .WithTags("Reports").WithName("GetReport")
            .WithSummary("A report as its reporter (X-Access-Code) or a humas officer of its unit sees it, with its screenshots")
            .Produces<ReportView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string number, HttpContext http, NpgsqlDataSource db, EventStore store, ResourceAccess access,
        PersonalDataVault vault, CancellationToken ct)
    {
        var row = await FindAsync(db, number, ct);
        var found = row is null ? null : await store.AggregateAsync(Report.StreamId(row.ReportId), Report.Initial, Report.Evolve, ct);
        var resource = found is var (state, _) ? new ProtectedResource(state.UnitId, new RequesterKeys(state.AccessCodeHash, null)) : null;
        await access.DemandAsync(http, resource, ReporterOrHumasOfficer, "clarification.report.not-found", number);

        var report = found!.Value.State;
        var received = report.Received!;
        var officer = await access.AllowsAsync(http.User, resource!, SubmitReport.HumasOfficer);
        ReporterContact? contact = null;
        if (officer && report.ContactSubjectId is { } subject && report.SealedContact is { } sealedContact)
            contact = await vault.OpenAsync<ReporterContact>(subject, sealedContact, ct);

        var answeredWith = row!.LinkedNumber ?? (row.CaseStatus is "published" or "retracted" ? row.CaseNumber : null);
        var status = row.CaseStatus == "retracted" ? "retracted" : answeredWith is not null ? "answered" : "in-review";
        var link = answeredWith is null ? null : new SubmitReport.ClarificationLink(answeredWith, "", "", $"/api/clarifications/{answeredWith}");
        if (link is not null && await TitleAsync(db, answeredWith!, ct) is { } published) link = link with { Title = published.Title, Label = published.Label };
        var inReview = status == "in-review" && row.CaseReportCount is { } reports && row.CaseDueAt is { } dueAt
            ? new SubmitReport.CaseInReview(reports, dueAt)
            : null;
        return TypedResults.Ok(new ReportView(report.Number, report.UnitId, received.ReceivedAt, received.Claim, KebabNames.Of(received.SeenOn), status,
            received.Match, link, officer ? row.CaseId : null, contact,
            report.Screenshots.Select(s => new ScreenshotLink(s.ScreenshotId, s.MediaType, s.Size,
                $"/api/clarifications/reports/{report.Number}/screenshots/{s.ScreenshotId}")).ToList(), inReview));
    }

    private sealed record Published(string Title, string Label);

    private static async Task<Published?> TitleAsync(NpgsqlDataSource db, string number, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Published>(new CommandDefinition(
            "SELECT title, label FROM clarifications_published WHERE number = @number", new { number }, cancellationToken: ct));
    }
}
