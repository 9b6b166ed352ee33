using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
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
            .WithSummary("Information-request due dates of a unit, as the calendar learned them from Ppid")
            .Produces<UnitDeadlines>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(string? unitId, HttpContext http, UnitDirectory units, NpgsqlDataSource db, ResourceAccess access, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unitId) || units.Find(unitId) is null) throw Refusal.Invalid("unitId", "field.unknown-unit", unitId);
        await access.DemandForUnitAsync(http, unitId, ActOn.AnyOfficer);

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
