using System.Security.Claims;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;

namespace Humas.Ppid.Requests.CheckingStatus;

/// <summary>
/// A request as its requester (with the access code) or an officer of its unit sees it. Only
/// the unit's officers see the requester's personal data.
/// </summary>
public static class GetRequest
{
    public const string AccessCodeHeader = OpenApiConventions.AccessCodeHeader;

    public sealed record RequesterView(string FullName, string? Nik, string Address, string? Phone, string? Email, bool Erased);

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
        RequesterView? Requester);

    public sealed record HistoryEntry(long Version, string Type, DateTimeOffset At, string? Actor);

    public static void MapGetRequest(this RouteGroupBuilder requests)
    {
        requests.MapGet("/{registrationNumber}/history", HistoryAsync).RequireAuthorization(HumasPolicies.PpidOfficer).WithName("GetRequestHistory")
            .WithSummary("What happened to a request, step by step (officers of the unit); no personal data")
            .Produces<IReadOnlyList<HistoryEntry>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("/{registrationNumber}", HandleAsync).AllowAnonymous().AcceptsAccessCode().WithName("GetRequest")
            .WithSummary("Follow a request with its registration number and access code (header X-Access-Code), or as an officer of its unit")
            .Produces<RequestView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> HistoryAsync(string registrationNumber, ClaimsPrincipal user, EventStore store, UnitDirectory units,
        Npgsql.NpgsqlDataSource db, CancellationToken ct)
    {
        var row = await RequestLookup.FindAsync(db, registrationNumber, ct);
        if (row is null) return Problems.NotFound(registrationNumber);
        if (!OfficerAccess.MayActFor(user, row.UnitId, units)) return OfficerAccess.Forbidden(row.UnitId);
        var zone = units.Find(row.UnitId)!.TimeZone;
        var events = await store.ReadStreamAsync(InformationRequest.StreamId(row.RequestId), ct);
        return TypedResults.Ok(events.Select(e => new HistoryEntry(e.Version, e.TypeName, zone.ToLocal(e.Created), e.Metadata.Actor)).ToList());
    }

    private static async Task<IResult> HandleAsync(
        string registrationNumber, [FromHeader(Name = AccessCodeHeader)] string? accessCode, ClaimsPrincipal user, HttpContext http,
        EventStore store, PersonalDataVault vault, UnitDirectory units, CancellationToken ct)
    {
        var row = await RequestLookup.FindAsync(http.RequestServices.GetRequiredService<Npgsql.NpgsqlDataSource>(), registrationNumber, ct);
        var isOfficer = row is not null && OfficerAccess.MayActFor(user, row.UnitId, units);
        var isRequester = row is not null && RequesterAccess.IsRequester(http, row);
        if (!isOfficer && !isRequester && string.IsNullOrWhiteSpace(accessCode) && user.Identity?.IsAuthenticated != true)
            return TypedResults.Problem(statusCode: 401, title: "Kode akses diperlukan / Access code required",
                detail: $"Send the access code given at registration in the {AccessCodeHeader} header, or sign in as an officer of the unit.");
        if (row is null)
            return TypedResults.Problem(statusCode: 404, title: "Tidak ditemukan / Not found", detail: $"No request is registered as '{registrationNumber}'.");
        if (!isOfficer && !isRequester)
            return TypedResults.Problem(statusCode: 403, title: "Tidak berwenang / Forbidden",
                detail: "The access code does not match this request, and your account does not act for its unit.");

        var events = await store.ReadStreamAsync(InformationRequest.StreamId(row.RequestId), ct);
        var registered = events.Select(e => e.Data).OfType<RequestRegistered>().Single();
        var state = events.Aggregate(InformationRequest.Initial, (s, e) => InformationRequest.Evolve(s, e.Data));
        RequesterView? requester = null;
        if (isOfficer)
        {
            var details = state.RequesterErased ? null : await vault.OpenAsync<RequesterDetails>(registered.RequesterSubjectId, registered.SealedRequester, ct);
            requester = details is null ? Erased : new RequesterView(details.FullName, details.Nik, details.Address, details.Phone, details.Email, Erased: false);
        }

        http.Response.Headers.ETag = $"\"{events[^1].Version}\"";
        return TypedResults.Ok(new RequestView(state.RegistrationNumber, state.UnitId, state.Status, row.Channel, units.Find(row.UnitId)!.TimeZone.ToLocal(registered.ReceivedAt),
            state.DueDate, registered.DueDateProvisional, state.Extended, state.Overdue, state.Outcome, registered.InformationRequested, events[^1].Version, requester));
    }

    private static readonly RequesterView Erased = new("[dihapus / erased]", null, "[dihapus / erased]", null, null, Erased: true);
}
