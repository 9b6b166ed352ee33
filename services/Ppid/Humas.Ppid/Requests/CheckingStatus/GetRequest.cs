using Humas.ServiceDefaults.Http;
using Humas.UseCases.Access;
using System.Security.Claims;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.Ppid.Objections;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Ppid.Requests.CheckingStatus;

/// <summary>
/// A request as its requester (with the access code) or an officer of its unit sees it. Only
/// the unit's officers see the requester's personal data, with the NIK and phone number masked;
/// <c>?reveal=true</c> shows them whole, and who did so and when is recorded
/// (<c>personal_data_reveals</c>). No answer is cached.
/// </summary>
public static class GetRequest
{
    public const string AccessCodeHeader = ResourceAccess.AccessCodeHeader;

    public sealed record RequesterView(string FullName, string? Nik, string Address, string? Phone, string? Email, bool Erased, bool Revealed = false);

    public sealed record RequestView(
        string RegistrationNumber,
        string UnitId,
        RequestStatus Status,
        string Channel,
        DateTimeOffset ReceivedAt,
        DateOnly DueDate,
        bool DueDateProvisional,
        bool Extended,
        bool Overdue,
        AnswerOutcome? Outcome,
        string InformationRequested,
        long Version,
        RequesterView? Requester,
        string? ClarificationQuestion = null,
        IReadOnlyList<string>? Objections = null);

    public sealed record HistoryEntry(long Version, string Type, DateTimeOffset At, string? Actor);

    public static void MapGetRequest(this RouteGroupBuilder requests)
    {
        requests.MapGet("/{registrationNumber}/history", HistoryAsync).RequireAuthorization(HumasPolicies.PpidOfficer).WithName("GetRequestHistory")
            .WithSummary("What happened to a request, step by step (officers of the unit); no personal data")
            .Produces<IReadOnlyList<HistoryEntry>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("/{registrationNumber}", HandleAsync).AllowAnonymous().AcceptsAccessCode().CarriesPersonalData().WithName("GetRequest")
            .WithSummary("Follow a request with its registration number and access code (header X-Access-Code), or as an officer of its unit (NIK and phone masked unless reveal=true, which is recorded)")
            .Produces<RequestView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> HistoryAsync(string registrationNumber, HttpContext http, EventStore store, UnitDirectory units,
        Npgsql.NpgsqlDataSource db, ResourceAccess access, CancellationToken ct)
    {
        var row = await RequestLookup.FindAsync(db, registrationNumber, ct);
        await access.DemandAsync(http, row is null ? null : new ProtectedResource(row.UnitId), ActOn.PpidOfficer, "request.not-found", registrationNumber);
        var zone = units.Find(row!.UnitId)!.TimeZone;
        var events = await store.ReadStreamAsync(InformationRequest.StreamId(row.RequestId), ct);
        return TypedResults.Ok(events.Select(e => new HistoryEntry(e.Version, e.TypeName, zone.ToLocal(e.Created), e.Metadata.Actor)).ToList());
    }

    private static async Task<IResult> HandleAsync(
        string registrationNumber, [FromHeader(Name = AccessCodeHeader)] string? accessCode, bool? reveal, ClaimsPrincipal user, HttpContext http,
        EventStore store, PersonalDataVault vault, UnitDirectory units, ResourceAccess access, CancellationToken ct)
    {
        var row = await RequestLookup.FindAsync(http.RequestServices.GetRequiredService<Npgsql.NpgsqlDataSource>(), registrationNumber, ct);
        var events = row is null ? [] : await store.ReadStreamAsync(InformationRequest.StreamId(row.RequestId), ct);
        var state = events.Aggregate(InformationRequest.Initial, (s, e) => InformationRequest.Evolve(s, e.Data));
        await access.DemandAsync(http, row is null ? null : RequestChanges.Protection(state), ActOn.RequesterOrPpidOfficer, "request.not-found", registrationNumber);
        var isOfficer = await access.AllowsAsync(user, RequestChanges.Protection(state), ActOn.PpidOfficer);
        var registered = events.Select(e => e.Data).OfType<RequestRegistered>().Single();
        RequesterView? requester = null;
        IReadOnlyList<string>? objections = null;
        if (isOfficer)
        {
            // The unit's officers reach the request's objections from it (their decisions, the dispute that may follow).
            objections = (await ObjectionLookup.ForRequestAsync(http.RequestServices.GetRequiredService<Npgsql.NpgsqlDataSource>(), row!.RequestId, ct))
                .Select(o => o.ObjectionNumber).ToList();
            var details = state.RequesterErased ? null : await vault.OpenAsync<RequesterDetails>(registered.RequesterSubjectId, registered.SealedRequester, ct);
            if (details is not null && reveal == true)
                await PersonalDataReveals.RecordAsync(http.RequestServices.GetRequiredService<Npgsql.NpgsqlDataSource>(), row!.RequestId, state.RegistrationNumber,
                    user.FindFirstValue(HumasClaims.Subject) ?? "unknown", ["nik", "phone"], ct);
            requester = details is null ? Erased
                : reveal == true ? new RequesterView(details.FullName, details.Nik, details.Address, details.Phone, details.Email, Erased: false, Revealed: true)
                : new RequesterView(details.FullName, Masking.Nik(details.Nik), details.Address, Masking.Phone(details.Phone), details.Email, Erased: false);
        }

        // While the request waits for the requester, the question they are to answer.
        var question = state.Status == RequestStatus.AwaitingClarification
            ? events.Select(e => e.Data).OfType<ClarificationRequested>().LastOrDefault()?.Question
            : null;
        EntityTags.Set(http.Response, events[^1].Version);
        return TypedResults.Ok(new RequestView(state.RegistrationNumber, state.UnitId, state.Status, row!.Channel, units.Find(row.UnitId)!.TimeZone.ToLocal(registered.ReceivedAt),
            state.DueDate, registered.DueDateProvisional, state.Extended, state.Overdue, state.Outcome, registered.InformationRequested, events[^1].Version, requester,
            question, objections));
    }

    private static readonly RequesterView Erased = new("[dihapus / erased]", null, "[dihapus / erased]", null, null, Erased: true);
}
