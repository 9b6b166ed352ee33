using System.ComponentModel.DataAnnotations;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Humas.UseCases.Idempotency;
using System.Net.Mail;
using System.Security.Claims;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Requests.RegisteringRequest;

/// <summary>
/// Registering a public-information request (UU 14/2008 Pasal 22): online by a citizen, or by a
/// PPID officer for a requester who came to the desk or wrote a letter (the channel and the
/// moment received as the officer enters them). Answers at once with the registration
/// number, the legal due date and the access code the requester follows it with.
/// </summary>
public static class RegisterRequest
{
    public sealed record Body(
        [property: MaxLength(50)] string? UnitId,
        RequesterBody? Requester,
        [property: MaxLength(4000)] string? InformationRequested,
        [property: MaxLength(2000)] string? Purpose,
        IReadOnlyList<ObtainMethod>? ObtainBy,
        DeliveryMethod? DeliveryBy,
        DateTimeOffset? ReceivedAt = null,
        RegistrationChannel? Channel = null);

    /// <summary>E-mail: at most 254 characters (RFC 5321 §4.5.3.1.3 limits a path to 256, brackets included).</summary>
    public sealed record RequesterBody(
        RequesterType? Type,
        [property: MaxLength(200)] string? FullName,
        [property: MaxLength(16)] string? Nik,
        [property: MaxLength(200)] string? LegalEntityDecree,
        [property: MaxLength(500)] string? Address,
        [property: MaxLength(30)] string? Phone,
        [property: MaxLength(254)] string? Email,
        [property: MaxLength(500)] string? PowerOfAttorney);

    public sealed record Registered(
        string RegistrationNumber,
        string AccessCode,
        RequestStatus Status,
        string UnitId,
        DateTimeOffset ReceivedAt,
        DateOnly DueDate,
        DeadlineView Deadline);

    public static void MapRegisterRequest(this RouteGroupBuilder requests) =>
        requests.MapPost("/", HandleAsync).AllowAnonymous().CarriesPersonalData().WithIdempotencyKey("register-request")
            .WithName("RegisterRequest")
            .WithSummary("Register a public-information request")
            .Produces<Registered>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Validation Validate(Body body, UnitDirectory units)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(body.UnitId) is null, "unitId", "field.unknown-unit", body.UnitId);

        errors.Text(body.InformationRequested, "informationRequested", 4000).Text(body.Purpose, "purpose", 2000);
        errors.FailWhen(body.ObtainBy is null || body.ObtainBy.Count == 0, "obtainBy", "request.obtain-by.required");
        errors.FailWhen(body.DeliveryBy is null, "deliveryBy", "request.delivery-by.required");

        var requester = body.Requester;
        if (requester is null) return errors.Add("requester", "field.required", "requester");
        errors.FailWhen(requester.Type is null, "requester.type", "request.requester-type.required");
        errors.Text(requester.FullName, "requester.fullName", 200).Text(requester.Address, "requester.address", 500);
        if (requester.Type == RequesterType.Individual && Nik.Problem(requester.Nik, units) is { } nikProblem) errors.Add("requester.nik", nikProblem);
        if (requester.Type == RequesterType.LegalEntity)
            errors.Text(requester.LegalEntityDecree, "requester.legalEntityDecree", 200);
        errors.FailWhen(string.IsNullOrWhiteSpace(requester.Phone) && string.IsNullOrWhiteSpace(requester.Email), "requester.phone", "request.contact.required");
        errors.FailWhen(!string.IsNullOrWhiteSpace(requester.Phone) && !IsPhone(requester.Phone), "requester.phone", "request.phone.invalid");
        errors.FailWhen(!string.IsNullOrWhiteSpace(requester.Email) && !MailAddress.TryCreate(requester.Email, out _),
            "requester.email", "request.email.invalid");
        errors.Text(requester.PowerOfAttorney, "requester.powerOfAttorney", 500, required: false);
        return errors;
    }

    /// <summary>The decision: everything the event holds is known here, so it stays a pure function.</summary>
    public static RequestRegistered Decide(Body body, Guid requestId, string registrationNumber, RegistrationChannel channel, string? registeredBy,
        DateTimeOffset receivedAt, DeadlineCalculation deadline, Guid requesterSubject, string sealedRequester, string accessCodeHash, string? requesterAccount = null) =>
        new(requestId, registrationNumber, body.UnitId!, channel, registeredBy, receivedAt, deadline.DayZero, deadline.DueDate, deadline.Provisional,
            body.Requester!.Type!.Value, requesterSubject, sealedRequester, body.InformationRequested!.Trim(), body.Purpose!.Trim(),
            body.ObtainBy!.Distinct().ToList(), body.DeliveryBy!.Value, accessCodeHash, requesterAccount);

    private static async Task<IResult> HandleAsync(
        Body body, HttpContext http, ClaimsPrincipal user, PersonalDataVault vault, UnitDirectory units, PpidCalendar calendar, TimeProvider clock,
        ResourceAccess access, AccessCodeHasher codes, CancellationToken ct)
    {
        Validate(body, units).ThrowIfInvalid();

        var unit = units.Find(body.UnitId!)!;
        var channel = RegistrationChannel.Online;
        string? registeredBy = null;
        var now = clock.GetUtcNow();
        var receivedAt = now;
        if (user.IsInRole(HumasRoles.PpidOfficer) || user.IsInRole(HumasRoles.Admin))
        {
            await access.DemandForUnitAsync(http, unit.Id, ActOn.PpidOfficer);
            channel = body.Channel ?? RegistrationChannel.WalkIn;
            if (channel == RegistrationChannel.Online) throw Refusal.Invalid("channel", "request.channel.desk");
            registeredBy = user.FindFirstValue(HumasClaims.Subject);
            // A letter or walk-in request entered later keeps the moment it was received.
            if (body.ReceivedAt is { } received)
            {
                if (received > now.AddMinutes(5) || received < now.AddYears(-3)) throw Refusal.Invalid("receivedAt", "request.received-at.out-of-range");
                receivedAt = received.ToUniversalTime();
            }
        }
        else if (body.ReceivedAt is not null)
        {
            throw Refusal.Invalid("receivedAt", "request.received-at.online");
        }
        else if (body.Channel is not (null or RegistrationChannel.Online))
        {
            throw Refusal.Invalid("channel", "request.channel.online");
        }
        var requesterAccount = user.IsInRole(HumasRoles.Citizen) ? user.FindFirstValue(HumasClaims.Subject) : null;

        await using var write = await WriteSession.OpenAsync(http, ct);
        var session = write.Session;
        var deadline = await calendar.AnswerDeadlineAsync(receivedAt, unit.TimeZone, ct);
        var requestId = Guid.CreateVersion7();
        var number = await RegistrationNumbers.NextAsync(session, unit.Id, unit.TimeZone.ToLocal(receivedAt).Year, ct);
        var requesterSubject = Guid.CreateVersion7();
        var sealedRequester = await vault.SealAsync(session.Connection, session.Transaction, requesterSubject, Details(body.Requester!), ct);
        var accessCode = AccessCodes.New();

        var registered = Decide(body, requestId, number, channel, registeredBy, receivedAt, deadline, requesterSubject, sealedRequester, codes.Hash(accessCode), requesterAccount);
        var result = await session.AppendAsync(InformationRequest.StreamId(requestId), InformationRequest.StreamType, ExpectedVersion.NoStream, [registered],
            new EventMetadata(Actor: registeredBy ?? user.FindFirstValue(HumasClaims.Subject)), ct);
        await write.CommitAsync(ct);

        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Created($"/api/ppid/requests/{number}", new Registered(number, accessCode, RequestStatus.Registered, unit.Id,
            unit.TimeZone.ToLocal(receivedAt), deadline.DueDate, DeadlineView.From(deadline, unit.TimeZone)));
    }

    private static RequesterDetails Details(RequesterBody r) =>
        new(r.FullName!.Trim(), r.Nik, r.LegalEntityDecree?.Trim(), r.Address!.Trim(), r.Phone?.Trim(), r.Email?.Trim(), r.PowerOfAttorney?.Trim());



    private static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
    }

}
