using Dapper;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using System.Security.Claims;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Ppid.Requests.FollowingOwnRequests;

/// <summary>A citizen with an account sees the requests they registered while signed in, and nobody else's.</summary>
public static class ListMyRequests
{
    public sealed record MyRequest(string RegistrationNumber, string UnitId, string Status, string? Outcome, DateTimeOffset ReceivedAt, DateOnly DueDate, bool Overdue, long Version);

    public static void MapListMyRequests(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/ppid/my-requests", HandleAsync).RequireAuthorization(HumasPolicies.Authenticated).CarriesPersonalData().WithTags("Requests")
            .WithName("ListMyRequests").WithSummary("The signed-in citizen's own requests, newest first; a page of limit (cursor from the Link header)")
            .Produces<IReadOnlyList<MyRequest>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(int? limit, string? cursor, HttpContext http, ClaimsPrincipal user, NpgsqlDataSource db, UnitDirectory units,
        CancellationToken ct)
    {
        if (!user.IsInRole(HumasRoles.Citizen) || user.FindFirstValue(HumasClaims.Subject) is not { } account)
            throw Refusal.Forbidden("request.mine.citizens-only");
        var errors = new Validation();
        var page = Paging.Read<RequestLookup.RegisterKey>(limit, cursor, errors);
        errors.ThrowIfInvalid();
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT registration_number, unit_id, status, outcome, received_at, due_date, overdue, version
            FROM ppid_requests
            WHERE requester_account = @account
              AND (@afterAt::timestamptz IS NULL OR (received_at, registration_number) < (@afterAt, @afterNumber::text))
            ORDER BY received_at DESC, registration_number DESC
            LIMIT @limit
            """, new { account, limit = page.FetchLimit, afterAt = page.After?.ReceivedAt.ToUniversalTime(), afterNumber = page.After?.RegistrationNumber },
            cancellationToken: ct))).AsList();
        var mine = Paging.Answer(http, rows, page, r => new RequestLookup.RegisterKey(r.ReceivedAt, r.RegistrationNumber)).Select(r => new MyRequest(r.RegistrationNumber, r.UnitId, r.Status, r.Outcome, units.Find(r.UnitId)!.TimeZone.ToLocal(r.ReceivedAt),
            r.DueDate, r.Overdue, r.Version)).ToList();
        return TypedResults.Ok(mine);
    }

    private sealed record Row(string RegistrationNumber, string UnitId, string Status, string? Outcome, DateTimeOffset ReceivedAt, DateOnly DueDate,
        bool Overdue, long Version);
}
