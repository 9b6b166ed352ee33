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

    public static void MapListMyRequests(this WebApplication app) =>
        app.MapGet("/api/ppid/my-requests", HandleAsync).RequireAuthorization(HumasPolicies.Authenticated).WithTags("Requests")
            .WithName("ListMyRequests").WithSummary("The signed-in citizen's own requests")
            .Produces<IReadOnlyList<MyRequest>>().ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(ClaimsPrincipal user, NpgsqlDataSource db, UnitDirectory units, CancellationToken ct)
    {
        if (!user.IsInRole(HumasRoles.Citizen) || user.FindFirstValue(HumasClaims.Subject) is not { } account)
            throw Refusal.Forbidden("request.mine.citizens-only");
        await using var command = db.CreateCommand("""
            SELECT registration_number, unit_id, status, outcome, received_at, due_date, overdue, version
            FROM ppid_requests WHERE requester_account = @account ORDER BY received_at DESC LIMIT 500
            """);
        command.Parameters.AddWithValue("account", account);
        var mine = new List<MyRequest>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var unitId = reader.GetString(1);
            mine.Add(new MyRequest(reader.GetString(0), unitId, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                units.Find(unitId)!.TimeZone.ToLocal(reader.GetFieldValue<DateTimeOffset>(4)), reader.GetFieldValue<DateOnly>(5), reader.GetBoolean(6), reader.GetInt64(7)));
        }
        return TypedResults.Ok(mine);
    }
}
