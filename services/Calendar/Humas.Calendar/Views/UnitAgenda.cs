using Dapper;
using Humas.Calendar.Elections.ReadingElections;
using Humas.ReferenceData;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Calendar.Views;

/// <summary>
/// A unit's agenda for any range of local dates (a day, a week, a month): its planned and
/// published items, the election stages that fall in the range and, for its officers, its
/// internal items, the unscheduled pool and its berkala obligations due in the range. The public
/// sees public items and stages only.
/// </summary>
public static class UnitAgenda
{
    public sealed record Agenda(string UnitId, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<PublicationRow> Items,
        IReadOnlyList<ReadElections.StageRow> Stages, IReadOnlyList<PublicationRow>? Unscheduled, IReadOnlyList<ObligationRow>? Obligations);

    public static void MapUnitAgenda(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calendar/units/{unitId}/agenda", HandleAsync).AllowAnonymous().WithTags("Views").WithName("GetUnitAgenda")
            .WithSummary("A unit's agenda between two local dates, filterable by channel, status, kind and stage; internal items only for its officers")
            .Produces<Agenda>()
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string unitId, DateOnly? from, DateOnly? to, string? channel, string? status, string? kind, string? stage,
        HttpContext http, UnitDirectory units, NpgsqlDataSource db, ResourceAccess access, CancellationToken ct)
    {
        var query = ViewQuery.Parse(unitId, from, to, channel, status, kind, stage, units) with { };
        var officer = await access.AllowsAsync(http.User, new ProtectedResource(query.Unit.Id), ActOn.AnyOfficer);
        // The agenda is the unit's own: a province's agenda does not list its regencies' items (the roll-up does).
        var own = query with { Unit = query.Unit with { Level = UnitLevel.Regency } };
        var (where, parameters) = own.PublicationFilter(publicOnly: !officer);
        var offset = query.Unit.TimeZone.UtcOffset;

        await using var connection = await db.OpenConnectionAsync(ct);
        var items = (await connection.QueryAsync<PublicationRow>(new CommandDefinition(
            $"SELECT {PublicationRow.Columns} FROM publications p WHERE {where} ORDER BY p.agenda_date, p.planned_at NULLS LAST, p.title",
            parameters, cancellationToken: ct))).Select(r => r.InZone(offset)).ToList();
        var stages = await ReadElections.StagesBetweenAsync(connection, query.From, query.To, ct);
        List<PublicationRow>? unscheduled = null;
        List<ObligationRow>? obligations = null;
        if (officer)
        {
            unscheduled = (await connection.QueryAsync<PublicationRow>(new CommandDefinition(
                $"SELECT {PublicationRow.Columns} FROM publications p WHERE p.unit_id = @unit AND p.planned_at IS NULL AND NOT p.unplanned AND p.status IN ('planned', 'in-progress') ORDER BY p.title",
                new { unit = query.Unit.Id }, cancellationToken: ct))).AsList();
            obligations = (await connection.QueryAsync<ObligationRow>(new CommandDefinition(
                $"SELECT {ObligationRow.Columns} FROM berkala_obligations b WHERE b.unit_id = @unit AND b.due_date BETWEEN @from AND @to ORDER BY b.due_date, b.title",
                new { unit = query.Unit.Id, from = query.From, to = query.To }, cancellationToken: ct))).AsList();
        }
        return TypedResults.Ok(new Agenda(query.Unit.Id, query.Unit.TimeZone.Abbreviation, query.From, query.To, items, stages, unscheduled, obligations));
    }
}
