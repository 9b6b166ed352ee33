using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using System.Security.Claims;
using Humas.Clarifications.Cases;
using Humas.Clarifications.Matching;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Humas.UseCases.Idempotency;

namespace Humas.Clarifications.Reports;

/// <summary>
/// Intake: a citizen (anonymous; the gateway limits anonymous writes per address) or a humas
/// officer reports a claim. The claim is matched at once against the published clarifications:
/// a confirmed match links the report to that clarification and answers the reporter with it; a
/// suggested match (or none) opens a case, where an officer confirms or rejects the suggestion.
/// Short of a confirmed clarification, it is matched against the open cases of its unit too: a
/// confirmed one takes the report in; a suggested one is named on the new case for an officer to
/// group the two (merge) or not.
/// The reporter gets a number and an access code to follow the report with.
/// </summary>
public static class SubmitReport
{
    public sealed record ReachBody(long? Shares, long? Views, IReadOnlyList<string>? QuotedByOutlets);

    public sealed record ContactBody([property: MaxLength(200)] string? Name, [property: MaxLength(30)] string? Phone, [property: MaxLength(254)] string? Email);

    public sealed record Body(
        [property: MaxLength(50)] string? UnitId,
        [property: MaxLength(4000)] string? Claim,
        [property: MaxLength(30)] string? SeenOn,
        [property: MaxLength(200)] string? Outlet,
        [property: MaxLength(2000)] string? Url,
        [property: MaxLength(2000)] string? ArchiveUrl,
        DateTimeOffset? FirstSeenAt,
        ReachBody? Reach,
        ContactBody? Contact);

    public sealed record ClarificationLink(string Number, string Title, string Label, string Url);

    public sealed record Received(string Number, string AccessCode, string UnitId, DateTimeOffset ReceivedAt, string Status, IntakeMatch? Match,
        ClarificationLink? Clarification, CaseInReview? Case = null);

    /// <summary>
    /// What the reporter is told of the case their report is in while officers check it: how many
    /// reports of the same claim it holds (more than one: theirs joined a case already open) and
    /// the time the unit aims to answer by.
    /// </summary>
    public sealed record CaseInReview(int Reports, DateTimeOffset RespondBy);

    /// <summary>Humas officers (and supervisors) of the unit or of a unit overseeing it.</summary>
    public static readonly ActOn HumasOfficer = new(Actors.Officer, [HumasRoles.HumasOfficer, HumasRoles.Supervisor]);

    public static void MapSubmitReport(this RouteGroupBuilder api) =>
        api.MapPost("/reports", HandleAsync).AllowAnonymous().CarriesPersonalData().WithIdempotencyKey("report-claim")
            .WithTags("Reports").WithName("SubmitReport")
            .WithSummary("Report a claim (anonymous or a humas officer): answers with a number, an access code and, when the claim repeats a published clarification, that clarification")
            .Produces<Received>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Validation Validate(Body body, UnitDirectory units, DateTimeOffset now)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(body.UnitId.Trim()) is null, "unitId", "field.unknown-unit", body.UnitId);
        errors.Text(body.Claim, "claim", CaseDecisions.MaxText);
        var seenOn = ParseSeenOn(body.SeenOn, errors);
        errors.FailWhen(seenOn == Cases.SeenOn.MassMedia && string.IsNullOrWhiteSpace(body.Outlet), "outlet", "field.required", "outlet");
        errors.Text(body.Outlet, "outlet", 200, required: false);
        errors.FailWhen(body.Url is not null && !CaseDecisions.IsWebAddress(body.Url), "url", "clarification.url.invalid", "url");
        errors.FailWhen(body.ArchiveUrl is not null && !CaseDecisions.IsWebAddress(body.ArchiveUrl), "archiveUrl", "clarification.url.invalid", "archiveUrl");
        errors.FailWhen(body.FirstSeenAt is { } seen && seen > now.AddMinutes(5), "firstSeenAt", "clarification.first-seen.future");
        if (body.Reach is { } reach)
        {
            errors.FailWhen(reach.Shares is < 0, "reach.shares", "clarification.reach.negative", "reach.shares");
            errors.FailWhen(reach.Views is < 0, "reach.views", "clarification.reach.negative", "reach.views");
            var outlets = reach.QuotedByOutlets ?? [];
            errors.FailWhen(outlets.Count > 50, "reach.quotedByOutlets", "clarification.reach.too-many-outlets", 50);
            for (var i = 0; i < outlets.Count; i++) errors.Text(outlets[i], $"reach.quotedByOutlets[{i}]", 200);
        }
        if (body.Contact is { } contact)
        {
            errors.Text(contact.Name, "contact.name", 200, required: false);
            errors.FailWhen(string.IsNullOrWhiteSpace(contact.Phone) && string.IsNullOrWhiteSpace(contact.Email), "contact.phone", "clarification.contact.phone-or-email");
            errors.FailWhen(!string.IsNullOrWhiteSpace(contact.Phone) && !IsPhone(contact.Phone), "contact.phone", "clarification.contact.phone-invalid");
            errors.FailWhen(!string.IsNullOrWhiteSpace(contact.Email) && (contact.Email.Length > 254 || !MailAddress.TryCreate(contact.Email, out _)),
                "contact.email", "clarification.contact.email-invalid");
        }
        return errors;
    }

    public static SeenOn? ParseSeenOn(string? value, Validation errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("seenOn", "field.required", "seenOn");
            return null;
        }
        var found = Enum.GetValues<SeenOn>().Cast<SeenOn?>().FirstOrDefault(s => KebabNames.Of(s!.Value) == value.Trim().ToLowerInvariant());
        if (found is null) errors.Add("seenOn", "field.unknown-value", "seenOn", value, string.Join(", ", Enum.GetValues<SeenOn>().Select(KebabNames.Of)));
        return found;
    }

    public static ClaimReach ReachOf(Body body)
    {
        var outlets = (body.Reach?.QuotedByOutlets ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        if (KebabNames.Of(SeenOn.MassMedia) == body.SeenOn?.Trim().ToLowerInvariant() && body.Outlet is { } outlet) outlets.Add(outlet.Trim());
        return new ClaimReach(body.Reach?.Shares ?? 0, body.Reach?.Views ?? 0, outlets.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>An open case of the unit the claim resembles, as it stands, with matching's score and tier.</summary>
    public sealed record OpenCaseMatch(ClarificationCase Case, Match Match);

    /// <summary>What intake decided: the report; the case it opens, or the events of the open case it joins; or neither when it repeats a published clarification.</summary>
    public sealed record Intake(ReportReceived Report, CaseOpened? Opened, IReadOnlyList<object> Joined)
    {
        public void Deconstruct(out ReportReceived report, out CaseOpened? opened) => (report, opened) = (Report, Opened);
    }

    /// <summary>
    /// The decision, pure. <paramref name="best"/> is matching's best published clarification, if any: confirmed, it
    /// links the report and no case is needed. Otherwise <paramref name="openCase"/>, the open case of the unit the claim
    /// resembles most: confirmed (and still open), the report joins it; suggested, the new case names it for an officer
    /// to group the two or not. With neither, the report opens a case of its own.
    /// </summary>
    public static Intake Decide(Body body, Guid reportId, string number, ReportChannel channel, string? reportedBy,
        Match? best, Guid caseId, Guid? contactSubject, string? sealedContact, string accessCodeHash, ResponseTargets targets, DateTimeOffset now,
        OpenCaseMatch? openCase = null)
    {
        var errors = new Validation();
        var seenOn = ParseSeenOn(body.SeenOn, errors)!.Value;
        var reach = ReachOf(body);
        var match = best is null ? null : new IntakeMatch(best.Number, best.Title, best.Label, best.Score, best.Tier == MatchTier.Confirmed ? "confirmed" : "suggested");
        var linked = best is { Tier: MatchTier.Confirmed } ? best.Number : null;
        var joining = linked is null && openCase is { Match.Tier: MatchTier.Confirmed, Case.Status: CaseStatus.Open } ? openCase.Case : null;
        var claim = body.Claim!.Trim();
        var unitId = body.UnitId!.Trim();
        var firstSeen = body.FirstSeenAt?.ToUniversalTime();
        var report = new ReportReceived(reportId, number, unitId, channel, reportedBy, claim, seenOn, body.Outlet?.Trim(), body.Url?.Trim(), body.ArchiveUrl?.Trim(),
            firstSeen, reach, contactSubject, sealedContact, accessCodeHash, match, linked is null ? joining?.Id ?? caseId : null, linked, now);
        if (linked is not null) return new Intake(report, null, []);
        if (joining is not null)
            return new Intake(report, null, CaseDecisions.AttachReport(joining, reportId, number, reach, seenOn, new CaseContext(now, reportedBy ?? "reporter", targets)));
        var track = CaseDecisions.TrackOf(reach, seenOn);
        var suggestion = best is null ? null : new SuggestedMatch(best.Number, best.Title, best.Label, best.Score);
        var similar = openCase is null ? null : new SimilarCase(openCase.Case.Id, openCase.Match.Score);
        var opened = new CaseOpened(caseId, unitId, reportId, number, claim, seenOn, body.Url?.Trim(), firstSeen, reach, track, now + targets.For(track), suggestion, now,
            similar);
        return new Intake(report, opened, []);
    }

    private static async Task<IResult> HandleAsync(
        Body body, HttpContext http, ClaimsPrincipal user, PersonalDataVault vault, UnitDirectory units, TimeProvider clock, ResourceAccess access,
        AccessCodeHasher codes, MatchIndex index, MatchIndexSync sync, MatchingSettings matching, ResponseTargets targets, EventStore store, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Validate(body, units, now).ThrowIfInvalid();
        var unit = units.Find(body.UnitId!.Trim())!;
        var channel = ReportChannel.Public;
        string? reportedBy = null;
        if (user.IsInRole(HumasRoles.HumasOfficer) || user.IsInRole(HumasRoles.Admin))
        {
            await access.DemandForUnitAsync(http, unit.Id, HumasOfficer);
            channel = ReportChannel.Officer;
            reportedBy = user.FindFirstValue(HumasClaims.Subject);
        }

        await sync.Loaded.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var best = index.Search(body.Claim!, matching).FirstOrDefault();
        var (openCase, openCaseVersion) = best is { Tier: MatchTier.Confirmed } ? default : await OpenCaseAsync(body.Claim!, unit.Id, index, matching, store, ct);

        await using var write = await WriteSession.OpenAsync(http, ct);
        var session = write.Session;
        var reportId = Guid.CreateVersion7();
        var number = await ReportNumbers.NextAsync(session, unit.Id, unit.TimeZone.ToLocal(now).Year, ct);
        Guid? contactSubject = null;
        string? sealedContact = null;
        if (body.Contact is { } contact)
        {
            contactSubject = Guid.CreateVersion7();
            sealedContact = await vault.SealAsync(session.Connection, session.Transaction, contactSubject.Value,
                new ReporterContact(contact.Name?.Trim(), contact.Phone?.Trim(), contact.Email?.Trim()), ct);
        }
        var accessCode = AccessCodes.New();
        var (report, opened, joined) = Decide(body, reportId, number, channel, reportedBy, best, Guid.CreateVersion7(), contactSubject, sealedContact,
            codes.Hash(accessCode), targets, now, openCase);
        var metadata = new EventMetadata(Actor: reportedBy ?? "reporter");
        await session.AppendAsync(Report.StreamId(reportId), Report.StreamType, ExpectedVersion.NoStream, [report], metadata, ct);
        if (opened is not null)
            await session.AppendAsync(ClarificationCase.StreamId(opened.CaseId), ClarificationCase.StreamType, ExpectedVersion.NoStream, [opened], metadata, ct);
        if (joined.Count > 0)
            await session.AppendAsync(ClarificationCase.StreamId(openCase!.Case.Id), ClarificationCase.StreamType, openCaseVersion, joined, metadata, ct);
        await write.CommitAsync(ct);
        if (opened is not null) index.Upsert(MatchIndexSync.OpenCase(opened.CaseId, opened.UnitId, opened.Claim));

        var link = report.LinkedNumber is { } linked && best is not null
            ? new ClarificationLink(linked, best.Title, best.Label, $"/api/clarifications/{linked}")
            : null;
        var inReview = opened is not null ? new CaseInReview(1, opened.DueAt)
            : joined.Count > 0 && joined.Aggregate(openCase!.Case, ClarificationCase.Evolve) is var joinedCase
                ? new CaseInReview(joinedCase.ReportNumbers.Count, joinedCase.DueAt)
                : null;
        return TypedResults.Created($"/api/clarifications/reports/{number}",
            new Received(number, accessCode, unit.Id, now, link is null ? "in-review" : "answered", report.Match, link, link is null ? inReview : null));
    }

    /// <summary>The open case of the unit the claim resembles most, as it stands now, or none.</summary>
    private static async Task<(OpenCaseMatch? Match, long Version)> OpenCaseAsync(string claim, string unitId, MatchIndex index, MatchingSettings matching,
        EventStore store, CancellationToken ct)
    {
        if (index.SearchOpenCases(claim, matching, unitId) is not [var (caseId, match), ..]) return (null, 0);
        var found = await store.AggregateAsync(ClarificationCase.StreamId(caseId), ClarificationCase.Initial, ClarificationCase.Evolve, ct);
        return found is var (state, version) ? (new OpenCaseMatch(state, match), version) : (null, 0);
    }

    private static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
    }
}
