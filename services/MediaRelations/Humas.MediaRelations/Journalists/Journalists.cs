using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.MediaRelations.PressReleases;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Humas.UseCases.Idempotency;
using Npgsql;

namespace Humas.MediaRelations.Journalists;

/// <summary>
/// Journalists: they register from their own account (role journalist) with the unit whose
/// releases they cover; humas officers of that unit or of a unit overseeing it accredit or revoke
/// them; an accredited journalist has a personal token issued for the embargoed channel, which a
/// new token or a revocation makes useless. Every decision is a pure function of the state.
/// </summary>
public static class Journalists
{
    public sealed record RegisterBody(
        [property: MaxLength(ReleaseBody.UnitIdLength)] string? UnitId, [property: MaxLength(200)] string? FullName, [property: MaxLength(200)] string? Outlet,
        [property: MaxLength(254)] string? Email, [property: MaxLength(50)] string? PressCardNumber, DewanPersStatus? DewanPersStatus);

    public sealed record RevokeBody([property: MaxLength(1000)] string? Reason);

    public static void MapJournalists(this RouteGroupBuilder journalists)
    {
        journalists.MapPost("/", RegisterAsync).RequireAuthorization(HumasPolicies.Authenticated).CarriesPersonalData().WithIdempotencyKey("register-journalist")
            .WithName("RegisterJournalist").WithSummary("Register as a journalist with a unit (from a journalist's account)")
            .Produces<JournalistView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        journalists.MapGet("/", ListAsync).RequireAuthorization(HumasPolicies.Authenticated).CarriesPersonalData()
            .WithName("ListJournalists").WithSummary("The journalists registered with a unit and the units under it (humas officers)")
            .Produces<JournalistView[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        journalists.MapGet("/{journalistId:guid}", GetAsync).RequireAuthorization(HumasPolicies.Authenticated).CarriesPersonalData()
            .WithName("GetJournalist").WithSummary("One journalist (humas officers of the unit, or the journalist)")
            .Produces<JournalistView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        journalists.MapPost("/{journalistId:guid}/accredit", (Guid journalistId, HttpContext http) =>
                JournalistChanges.RunAsync(http, journalistId, JournalistChanges.Officer, Accredit))
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("AccreditJournalist")
            .WithSummary("Accredit a registered (or revoked) journalist (humas officers; If-Match with its version)").ProducesChange<JournalistView>();
        journalists.MapPost("/{journalistId:guid}/revoke", (Guid journalistId, RevokeBody? body, HttpContext http) =>
            {
                new Validation().Text(body?.Reason, "reason", 1000).ThrowIfInvalid();
                return JournalistChanges.RunAsync(http, journalistId, JournalistChanges.Officer, (state, context) => Revoke(state, body!.Reason!.Trim(), context));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("RevokeJournalist")
            .WithSummary("Revoke a journalist's accreditation; their token and their webhook subscriptions stop at once (humas officers; If-Match with its version)")
            .ProducesChange<JournalistView>();
        journalists.MapDelete("/{journalistId:guid}/personal-data", (Guid journalistId, HttpContext http, PersonalDataVault vault) =>
                JournalistChanges.Flow.RunAsync(http, journalistId.ToString(), JournalistChanges.SelfOrOfficer, Erase, http.RequestAborted,
                    // A repeat also destroys a key an earlier, interrupted erasure left behind.
                    afterChange: state => vault.EraseAsync(state.PersonalDataSubject, http.RequestAborted)))
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("EraseJournalistPersonalData")
            .WithSummary("Erase a journalist's name, e-mail and press card number for good, ending their accreditation, token and webhooks (the journalist or humas officers; If-Match with its version)")
            .ProducesChange<JournalistView>();
        journalists.MapPost("/{journalistId:guid}/token", (Guid journalistId, HttpContext http, JournalistTokens tokens) =>
            {
                var token = JournalistTokens.New();
                http.Items[JournalistChanges.IssuedTokenItem] = token;
                var hash = tokens.Hash(token);
                return JournalistChanges.RunAsync(http, journalistId, JournalistChanges.Self, (state, context) => IssueToken(state, hash, context));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).CarriesPersonalData().WithName("IssueJournalistToken")
            .WithSummary("Issue the journalist a new personal token for the embargoed channel, shown once; the previous one stops working (the journalist; If-Match with its version)")
            .ProducesChange<JournalistView>();
    }

    public static Validation Validate(RegisterBody body, UnitDirectory units)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(body.UnitId.Trim()) is null, "unitId", "field.unknown-unit", body.UnitId);
        errors.Text(body.FullName, "fullName", 200).Text(body.Outlet, "outlet", 200).Text(body.PressCardNumber, "pressCardNumber", 50);
        if (string.IsNullOrWhiteSpace(body.Email)) errors.Add("email", "field.required", "email");
        else errors.FailWhen(body.Email.Length > 254 || !MailAddress.TryCreate(body.Email.Trim(), out _), "email", "journalist.email-invalid");
        errors.FailWhen(body.DewanPersStatus is null, "dewanPersStatus", "journalist.dewan-pers-status.required");
        return errors;
    }

    /// <summary>The registration: everything the event holds is known here (the details already sealed).</summary>
    public static JournalistRegistered Register(RegisterBody body, Guid journalistId, string account, Guid subject, string sealedDetails, DateTimeOffset now) =>
        new(journalistId, body.UnitId!.Trim(), account, body.Outlet!.Trim(), body.DewanPersStatus!.Value, subject, sealedDetails, now);

    public static IReadOnlyList<object> Accredit(Journalist state, JournalistContext context) => state.Status switch
    {
        _ when state.PersonalDataErased => throw Refusal.Conflict("journalist.erased"),
        AccreditationStatus.Accredited => [],
        _ => [new JournalistAccredited(state.Id, context.Actor, context.Now)],
    };

    public static IReadOnlyList<object> Revoke(Journalist state, string reason, JournalistContext context) => state.Status switch
    {
        AccreditationStatus.Revoked => [],
        AccreditationStatus.Accredited => [new JournalistAccreditationRevoked(state.Id, context.Actor, reason, context.Now)],
        _ => throw Refusal.Conflict("journalist.not-accredited"),
    };

    /// <summary>What an erasure ends with the personal data: an accreditation still in force is revoked first.</summary>
    public const string ErasureReason = "personal data erased on request / data pribadi dihapus atas permintaan";

    /// <summary>The erasure of the journalist's personal data, once; an accreditation in force ends with it.</summary>
    public static IReadOnlyList<object> Erase(Journalist state, JournalistContext context)
    {
        if (state.PersonalDataErased) return [];
        var erased = new JournalistPersonalDataErased(state.Id, state.PersonalDataSubject, context.Actor, context.Now);
        return state.Status == AccreditationStatus.Accredited
            ? [new JournalistAccreditationRevoked(state.Id, context.Actor, ErasureReason, context.Now), erased]
            : [erased];
    }

    /// <summary>Only an accredited journalist gets a token; each new one replaces the last.</summary>
    public static IReadOnlyList<object> IssueToken(Journalist state, string tokenHash, JournalistContext context) => state.Status switch
    {
        AccreditationStatus.Accredited => [new JournalistTokenIssued(state.Id, tokenHash, context.Now)],
        _ => throw Refusal.Conflict("journalist.not-accredited"),
    };

    private static async Task<IResult> RegisterAsync(
        RegisterBody body, HttpContext http, UnitDirectory units, TimeProvider clock, PersonalDataVault vault, NpgsqlDataSource db, CancellationToken ct)
    {
        Validate(body, units).ThrowIfInvalid();
        if (!JournalistChanges.IsJournalistAccount(http)) throw Refusal.Forbidden("journalist.account-required");
        var account = ChangeFlow<Journalist, JournalistContext, JournalistView>.ActorOf(http)!;
        var unitId = body.UnitId!.Trim();
        await using (var existing = db.CreateCommand("SELECT 1 FROM journalists WHERE account = @account AND unit_id = @unit"))
        {
            existing.Parameters.AddWithValue("account", account);
            existing.Parameters.AddWithValue("unit", unitId);
            if (await existing.ExecuteScalarAsync(ct) is not null) throw Refusal.Conflict("journalist.already-registered", unitId);
        }

        await using var write = await WriteSession.OpenAsync(http, ct);
        var session = write.Session;
        var subject = Guid.CreateVersion7();
        var details = new JournalistDetails(body.FullName!.Trim(), body.Email!.Trim(), body.PressCardNumber!.Trim());
        var sealedDetails = await vault.SealAsync(session.Connection, session.Transaction, subject, details, ct);
        var registered = Register(body, Guid.CreateVersion7(), account, subject, sealedDetails, clock.GetUtcNow());
        var result = await session.AppendAsync(Journalist.StreamId(registered.JournalistId), Journalist.StreamType, ExpectedVersion.NoStream, [registered],
            new EventMetadata(Actor: account), ct);
        await write.CommitAsync(ct);

        EntityTags.Set(http.Response, result.Version);
        var state = Journalist.Evolve(Journalist.Initial, registered);
        return TypedResults.Created(JournalistChanges.Location(registered.JournalistId),
            new JournalistView(state.Id, state.UnitId, state.Outlet, state.DewanPersStatus, state.Status, details.FullName, details.Email, details.PressCardNumber,
                false, state.RegisteredAt, null, result.Version));
    }

    private static async Task<IResult> GetAsync(Guid journalistId, HttpContext http, EventStore store, ResourceAccess access, PersonalDataVault vault, CancellationToken ct)
    {
        var found = await store.AggregateAsync(Journalist.StreamId(journalistId), Journalist.Initial, Journalist.Evolve, ct);
        var resource = found is var (j, _) ? new ProtectedResource(j.UnitId, new RequesterKeys("", j.Account)) : null;
        await access.DemandAsync(http, resource, JournalistChanges.SelfOrOfficer, "journalist.not-found", journalistId);
        var (journalist, version) = found!.Value;
        EntityTags.Set(http.Response, version);
        return TypedResults.Ok(await JournalistView.FromAsync(journalist, version, vault, ct));
    }

    private static async Task<IResult> ListAsync(string? unitId, HttpContext http, UnitDirectory units, ResourceAccess access, NpgsqlDataSource db,
        EventStore store, PersonalDataVault vault, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unitId)) throw Refusal.Invalid("unitId", "field.required", "unitId");
        if (units.Find(unitId) is null) throw Refusal.Invalid("unitId", "field.unknown-unit", unitId);
        await access.DemandForUnitAsync(http, unitId, JournalistChanges.Officer);
        var ids = new List<Guid>();
        await using (var command = db.CreateCommand("""
            SELECT journalist_id FROM journalists
            WHERE unit_id = @unit OR unit_id LIKE @unit || '.%' OR (position('-' in @unit) = 0 AND unit_id LIKE @unit || '-%')
            ORDER BY registered_at DESC LIMIT 500
            """))
        {
            command.Parameters.AddWithValue("unit", unitId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        }
        var streams = await store.ReadStreamsAsync(ids.Select(Journalist.StreamId).ToArray(), ct);
        var views = new List<JournalistView>();
        foreach (var id in ids)
        {
            if (!streams.TryGetValue(Journalist.StreamId(id), out var events)) continue;
            var j = events.Select(e => e.Data).Aggregate(Journalist.Initial, Journalist.Evolve);
            views.Add(await JournalistView.FromAsync(j, events[^1].Version, vault, ct));
        }
        return TypedResults.Ok(views);
    }
}
