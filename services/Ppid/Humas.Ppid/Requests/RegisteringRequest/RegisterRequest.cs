using System.Net.Mail;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Humas.Ppid.Requests.RegisteringRequest;

/// <summary>
/// Registering a public-information request (UU 14/2008 Pasal 22): online by a citizen, or by a
/// PPID officer on behalf of a walk-in requester. Answers at once with the registration
/// number, the legal due date and the access code the requester follows it with.
/// </summary>
public static class RegisterRequest
{
    public sealed record Body(
        string? UnitId,
        RequesterBody? Requester,
        string? InformationRequested,
        string? Purpose,
        IReadOnlyList<ObtainMethod>? ObtainBy,
        DeliveryMethod? DeliveryBy,
        DateTimeOffset? ReceivedAt = null);

    public sealed record RequesterBody(
        RequesterType? Type,
        string? FullName,
        string? Nik,
        string? LegalEntityDecree,
        string? Address,
        string? Phone,
        string? Email,
        string? PowerOfAttorney);

    public sealed record Registered(
        string RegistrationNumber,
        string AccessCode,
        RequestStatus Status,
        string UnitId,
        DateTimeOffset ReceivedAt,
        DateOnly DueDate,
        DeadlineView Deadline);

    public static void MapRegisterRequest(this RouteGroupBuilder requests) =>
        requests.MapPost("/", HandleAsync).AllowAnonymous()
            .WithSummary("Register a public-information request")
            .Produces<Registered>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Dictionary<string, string[]> Validate(Body body, UnitDirectory units)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(body.UnitId)) Fail("unitId", "Unit wajib diisi / unitId is required.");
        else if (units.Find(body.UnitId) is null) Fail("unitId", $"Unit '{body.UnitId}' tidak dikenal / unknown unit.");

        Text(body.InformationRequested, "informationRequested", 4000, Fail, "Rincian informasi yang diminta");
        Text(body.Purpose, "purpose", 2000, Fail, "Tujuan penggunaan informasi");
        if (body.ObtainBy is null || body.ObtainBy.Count == 0) Fail("obtainBy", "Cara memperoleh informasi wajib dipilih / choose how to obtain the information.");
        if (body.DeliveryBy is null) Fail("deliveryBy", "Cara pengiriman wajib dipilih / choose how it is to be sent.");

        var requester = body.Requester;
        if (requester is null)
        {
            Fail("requester", "Identitas pemohon wajib diisi / requester is required.");
            return errors;
        }
        if (requester.Type is null) Fail("requester.type", "Jenis pemohon wajib diisi (individual atau legal-entity) / requester type is required.");
        Text(requester.FullName, "requester.fullName", 200, Fail, "Nama lengkap");
        Text(requester.Address, "requester.address", 500, Fail, "Alamat");
        if (requester.Type == RequesterType.Individual && Nik.Problem(requester.Nik, units) is { } nikProblem) Fail("requester.nik", nikProblem);
        if (requester.Type == RequesterType.LegalEntity && string.IsNullOrWhiteSpace(requester.LegalEntityDecree))
            Fail("requester.legalEntityDecree", "Nomor SK badan hukum wajib diisi / the legal-entity decree number is required.");
        if (string.IsNullOrWhiteSpace(requester.Phone) && string.IsNullOrWhiteSpace(requester.Email))
            Fail("requester.phone", "Isi nomor telepon atau e-mail / give a phone number or an e-mail address.");
        if (!string.IsNullOrWhiteSpace(requester.Phone) && !IsPhone(requester.Phone))
            Fail("requester.phone", "Nomor telepon tidak valid / the phone number is invalid.");
        if (!string.IsNullOrWhiteSpace(requester.Email) && !MailAddress.TryCreate(requester.Email, out _))
            Fail("requester.email", "Alamat e-mail tidak valid / the e-mail address is invalid.");
        return errors;
    }

    /// <summary>The decision: everything the event holds is known here, so it stays a pure function.</summary>
    public static RequestRegistered Decide(Body body, Guid requestId, string registrationNumber, RegistrationChannel channel, string? registeredBy,
        DateTimeOffset receivedAt, DeadlineCalculation deadline, Guid requesterSubject, string sealedRequester, string accessCodeHash, string? requesterAccount = null) =>
        new(requestId, registrationNumber, body.UnitId!, channel, registeredBy, receivedAt, deadline.DayZero, deadline.DueDate, deadline.Provisional,
            body.Requester!.Type!.Value, requesterSubject, sealedRequester, body.InformationRequested!.Trim(), body.Purpose!.Trim(),
            body.ObtainBy!.Distinct().ToList(), body.DeliveryBy!.Value, accessCodeHash, requesterAccount);

    private static async Task<IResult> HandleAsync(
        Body body, HttpContext http, ClaimsPrincipal user, EventStore store, PersonalDataVault vault,
        UnitDirectory units, PpidCalendar calendar, TimeProvider clock, IOptions<JsonOptions> jsonOptions,
        CancellationToken ct)
    {
        var errors = Validate(body, units);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Permintaan tidak lengkap / The request is incomplete");

        var unit = units.Find(body.UnitId!)!;
        var channel = RegistrationChannel.Online;
        string? registeredBy = null;
        var now = clock.GetUtcNow();
        var receivedAt = now;
        var isOfficer = user.IsInRole(HumasRoles.PpidOfficer) || user.IsInRole(HumasRoles.Admin);
        if (isOfficer)
        {
            if (!OfficerAccess.MayActFor(user, unit.Id, units)) return OfficerAccess.Forbidden(unit.Id);
            channel = RegistrationChannel.WalkIn;
            registeredBy = user.FindFirstValue(HumasClaims.Subject);
            // A letter or walk-in request entered later keeps the moment it was received.
            if (body.ReceivedAt is { } received)
            {
                if (received > now.AddMinutes(5) || received < now.AddYears(-3))
                    return Problems.Invalid("receivedAt", "Waktu diterima tidak boleh di masa depan atau lebih dari 3 tahun lalu / receivedAt must not be in the future or over 3 years ago.");
                receivedAt = received.ToUniversalTime();
            }
        }
        else if (body.ReceivedAt is not null)
        {
            return Problems.Invalid("receivedAt", "Waktu diterima dicatat oleh sistem / receivedAt is set by the service for online requests.");
        }
        var requesterAccount = user.IsInRole(HumasRoles.Citizen) ? user.FindFirstValue(HumasClaims.Subject) : null;

        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        await using var session = await store.OpenSessionAsync(ct);
        if (idempotencyKey.Length > 0)
        {
            if (idempotencyKey.Length > 200) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = ["At most 200 characters."] });
            var earlier = await IdempotencyKeys.ClaimAsync(session, "register-request", idempotencyKey, Fingerprint(body, registeredBy), ct);
            if (earlier is not null) return Replay(http, earlier);
        }

        var deadline = await calendar.AnswerDeadlineAsync(receivedAt, unit.TimeZone, ct);
        var requestId = Guid.CreateVersion7();
        var number = await RegistrationNumbers.NextAsync(session, unit.Id, unit.TimeZone.ToLocal(receivedAt).Year, ct);
        var requesterSubject = Guid.CreateVersion7();
        var sealedRequester = await vault.SealAsync(session.Connection, session.Transaction, requesterSubject, Details(body.Requester!), ct);
        var accessCode = AccessCode.New();

        var registered = Decide(body, requestId, number, channel, registeredBy, receivedAt, deadline, requesterSubject, sealedRequester, AccessCode.Hash(accessCode), requesterAccount);
        var result = await session.AppendAsync(InformationRequest.StreamId(requestId), InformationRequest.StreamType, ExpectedVersion.NoStream, [registered],
            new EventMetadata(Actor: registeredBy ?? user.FindFirstValue(HumasClaims.Subject)), ct);

        var response = new Registered(number, accessCode, RequestStatus.Registered, unit.Id, unit.TimeZone.ToLocal(receivedAt), deadline.DueDate,
            DeadlineView.From(deadline, unit.TimeZone));
        var location = $"/api/ppid/requests/{number}";
        if (idempotencyKey.Length > 0)
            await IdempotencyKeys.CompleteAsync(session, "register-request", idempotencyKey, StatusCodes.Status201Created, location,
                JsonSerializer.Serialize(response, jsonOptions.Value.SerializerOptions), ct);
        await session.CommitAsync(ct);

        http.Response.Headers.ETag = $"\"{result.Version}\"";
        return TypedResults.Created(location, response);
    }

    private static RequesterDetails Details(RequesterBody r) =>
        new(r.FullName!.Trim(), r.Nik, r.LegalEntityDecree?.Trim(), r.Address!.Trim(), r.Phone?.Trim(), r.Email?.Trim(), r.PowerOfAttorney?.Trim());

    private static IResult Replay(HttpContext http, IdempotencyKeys.StoredResponse earlier)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
        return Results.Text(earlier.Body, "application/json", Encoding.UTF8, earlier.Status);
    }

    private static string Fingerprint(Body body, string? registeredBy) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { body, registeredBy })));

    private static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
    }

    private static void Text(string? value, string field, int max, Action<string, string> fail, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) fail(field, $"{label} wajib diisi / {field} is required.");
        else if (value.Length > max) fail(field, $"{label} paling banyak {max} karakter / {field} is limited to {max} characters.");
    }
}
