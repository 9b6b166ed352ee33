using System.Security.Claims;
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

    private static async Task<IResult> HandleAsync(string? unitId, ClaimsPrincipal user, UnitDirectory units, NpgsqlDataSource db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unitId) || units.Find(unitId) is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unitId"] = [$"Unit '{unitId}' tidak dikenal / unknown or missing unit."] });
        var officerUnit = user.FindFirstValue(HumasClaims.Unit);
        var isOfficer = user.IsInRole(HumasRoles.PpidOfficer) || user.IsInRole(HumasRoles.HumasOfficer) || user.IsInRole(HumasRoles.Supervisor);
        if (!user.IsInRole(HumasRoles.Admin) && !(isOfficer && officerUnit is not null && units.Oversees(officerUnit, unitId)))
            return TypedResults.Problem(statusCode: 403, title: "Tidak berwenang / Forbidden", detail: $"Your account does not act for unit '{unitId}'.");

        await using var command = db.CreateCommand("""
            SELECT registration_number, unit_id, received_at, due_date, due_date_provisional, overdue, answered_at, outcome
            FROM request_deadlines WHERE unit_id = @unit ORDER BY due_date, registration_number;
            SELECT coalesce((SELECT registered FROM unit_request_counts WHERE unit_id = @unit), 0);
            """);
        command.Parameters.AddWithValue("unit", unitId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var deadlines = new List<Deadline>();
        while (await reader.ReadAsync(ct))
            deadlines.Add(new Deadline(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateOnly>(3), reader.GetBoolean(4),
                reader.GetBoolean(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return TypedResults.Ok(new UnitDeadlines(unitId, reader.GetInt32(0), deadlines));
    }
}
