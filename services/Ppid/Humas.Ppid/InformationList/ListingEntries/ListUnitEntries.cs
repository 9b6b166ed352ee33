using Dapper;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Ppid.InformationList.ListingEntries;

/// <summary>
/// A unit's list as its PPID officers keep it: every entry in every state (drafts and withdrawn
/// ones too), optionally of one category and one state, in the public list's order, each with
/// its version to send as If-Match. Only for officers of the unit (or of a unit overseeing it).
/// </summary>
public static class ListUnitEntries
{
    public sealed record UnitEntry(Guid EntryId, string UnitId, string Status, string Category, string Title, int Year, string? ExemptionClause,
        DateTimeOffset? ListedAt, string? Url, DateTimeOffset? WithdrawnAt, long Version);

    private static readonly string[] Statuses = ["draft", "published", "recorded-as-exempt", "withdrawn"];

    public static void MapListUnitEntries(this RouteGroupBuilder list) =>
        list.MapGet("/all", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer).WithName("ListUnitEntries")
            .WithSummary("Every entry of a unit's list in every state, for its officers: unitId, optionally category and status; a page of limit (cursor from the Link header)")
            .Produces<IReadOnlyList<UnitEntry>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Validation Validate(string? unitId, string? category, string? status, UnitDirectory units)
    {
        var errors = ListEntries.Validate(unitId, category, units);
        errors.FailWhen(status is not null && !Statuses.Contains(status), "status", "field.unknown-value", "status", status, string.Join(", ", Statuses));
        return errors;
    }

    private static async Task<IResult> HandleAsync(string? unitId, string? category, string? status, int? limit, string? cursor, HttpContext http,
        UnitDirectory units, NpgsqlDataSource db, ResourceAccess access, CancellationToken ct)
    {
        var errors = Validate(unitId, category, status, units);
        var page = Paging.Read<ListEntries.EntryKey>(limit, cursor, errors);
        errors.ThrowIfInvalid();
        var unit = units.Find(unitId!)!;
        await access.DemandForUnitAsync(http, unit.Id, ActOn.PpidOfficer);

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT entry_id, unit_id, status, category, title, year, exemption_clause, listed_at, url, withdrawn_at, version, rank
            FROM (SELECT *, array_position(ARRAY['berkala', 'serta-merta', 'setiap-saat', 'dikecualikan'], category) AS rank FROM dip_entries) entries
            WHERE unit_id = @unit AND (@category::text IS NULL OR category = @category) AND (@status::text IS NULL OR status = @status)
              AND (@afterId::uuid IS NULL OR (rank, -year, title, entry_id) > (@afterRank::int, -@afterYear::int, @afterTitle::text, @afterId::uuid))
            ORDER BY rank, year DESC, title, entry_id
            LIMIT @limit
            """, new
            {
                unit = unit.Id, category = category is null ? null : KebabNames.Of(KebabNames.Parse<InformationCategory>(category)!.Value), status,
                limit = page.FetchLimit, afterRank = page.After?.Rank, afterYear = page.After?.Year, afterTitle = page.After?.Title, afterId = page.After?.EntryId,
            },
            cancellationToken: ct))).AsList();
        var zone = unit.TimeZone;
        return TypedResults.Ok(Paging.Answer(http, rows, page, r => new ListEntries.EntryKey(r.Rank, r.Year, r.Title, r.EntryId))
            .Select(r => new UnitEntry(r.EntryId, r.UnitId, r.Status, r.Category, r.Title, r.Year, r.ExemptionClause,
                r.ListedAt is { } listed ? zone.ToLocal(listed) : null, r.Url, r.WithdrawnAt is { } withdrawn ? zone.ToLocal(withdrawn) : null, r.Version))
            .ToList());
    }

    private sealed record Row(Guid EntryId, string UnitId, string Status, string Category, string Title, int Year, string? ExemptionClause,
        DateTimeOffset? ListedAt, string? Url, DateTimeOffset? WithdrawnAt, long Version, int Rank);
}
