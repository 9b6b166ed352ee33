using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using System.Security.Claims;
using Dapper;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Calendar.RequestDeadlines;

public static class ListRequestDeadlines
{
    public sealed record Deadline(string RegistrationNumber, string UnitId, DateTimeOffset ReceivedAt, DateOnly DueDate, bool DueDateProvisional,
        bool Overdue, DateTimeOffset? AnsweredAt, string? Outcome);

    public sealed record UnitDeadlines(string UnitId, int RegisteredCount, IReadOnlyList<Deadline> Deadlines);

    public static void MapListRequestDeadlines(this WebApplication app) =>
        app.MapGet("/api/calendar/request-deadlines", HandleAsync)
            .RequireAuthorization(HumasPolicies.Authenticated)
            .WithTags("Request deadlines")
            .WithName("ListRequestDeadlines")
            .WithSummary("Information-request due dates of a unit, as the calendar learned them from Ppid")
            .Produces<UnitDeadlines>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(string? unitId, HttpContext http, UnitDirectory units, NpgsqlDataSource db, ResourceAccess access, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unitId) || units.Find(unitId) is null) throw Refusal.Invalid("unitId", "field.unknown-unit", unitId);
        await access.DemandForUnitAsync(http, unitId, ActOn.AnyOfficer);

        // Rows map to Deadline by column name (see Humas.Eventing.Store.DapperMapping).
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT registration_number, unit_id, received_at, due_date, due_date_provisional, overdue, answered_at, outcome
            FROM request_deadlines WHERE unit_id = @unit ORDER BY due_date, registration_number;
            SELECT coalesce((SELECT registered FROM unit_request_counts WHERE unit_id = @unit), 0) AS registered;
            """, new { unit = unitId }, cancellationToken: ct));
        var deadlines = (await results.ReadAsync<Deadline>()).AsList();
        var registered = await results.ReadSingleAsync<int>();
        return TypedResults.Ok(new UnitDeadlines(unitId, registered, deadlines));
    }
}
