using Humas.UseCases.Access;
using Humas.ServiceDefaults.Problems;
using Humas.ServiceDefaults.Http;
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

    /// <summary>A page of a unit's deadlines, soonest due first; <see cref="RegisteredCount"/> counts every request the unit registered.</summary>
    public sealed record UnitDeadlines(string UnitId, int RegisteredCount, IReadOnlyList<Deadline> Deadlines);

    /// <summary>Where a page ends: its last deadline's due date and number.</summary>
    public sealed record DeadlineKey(DateOnly DueDate, string RegistrationNumber);

    public static void MapListRequestDeadlines(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calendar/request-deadlines", HandleAsync)
            .RequireAuthorization(HumasPolicies.Authenticated)
            .WithTags("Request deadlines")
            .WithName("ListRequestDeadlines")
            .WithSummary("Information-request due dates of a unit, as the calendar learned them from Ppid, soonest first; a page of limit (cursor from the Link header)")
            .Produces<UnitDeadlines>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(string? unitId, int? limit, string? cursor, HttpContext http, UnitDirectory units, NpgsqlDataSource db,
        ResourceAccess access, CancellationToken ct)
    {
        var errors = new Validation();
        errors.FailWhen(string.IsNullOrWhiteSpace(unitId) || units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
        var page = Paging.Read<DeadlineKey>(limit, cursor, errors);
        errors.ThrowIfInvalid();
        await access.DemandForUnitAsync(http, unitId!, ActOn.AnyOfficer);

        // Rows map to Deadline by column name (see Humas.Eventing.Store.DapperMapping).
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT registration_number, unit_id, received_at, due_date, due_date_provisional, overdue, answered_at, outcome
            FROM request_deadlines
            WHERE unit_id = @unit AND registered AND (@afterDue::date IS NULL OR (due_date, registration_number) > (@afterDue, @afterNumber::text))
            ORDER BY due_date, registration_number
            LIMIT @limit;
            SELECT coalesce((SELECT registered FROM unit_request_counts WHERE unit_id = @unit), 0) AS registered;
            """, new { unit = unitId, limit = page.FetchLimit, afterDue = page.After?.DueDate, afterNumber = page.After?.RegistrationNumber },
            cancellationToken: ct));
        var deadlines = (await results.ReadAsync<Deadline>()).AsList();
        var registered = await results.ReadSingleAsync<int>();
        return TypedResults.Ok(new UnitDeadlines(unitId!, registered, Paging.Answer(http, deadlines, page, d => new DeadlineKey(d.DueDate, d.RegistrationNumber))));
    }
}
