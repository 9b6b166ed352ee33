using Dapper;
using Humas.ServiceDefaults.Problems;
using Humas.ServiceDefaults.Http;
using Humas.ReferenceData;
using Npgsql;

namespace Humas.Ppid.InformationList.ListingEntries;

/// <summary>
/// The public list of a unit's information, for anyone, with times in the unit's own zone: published entries with their document,
/// and exempt entries with the ground and the consequence test, which the public is entitled
/// to see even though the document is withheld.
/// </summary>
public static class ListEntries
{
    public sealed record ExemptionView(string Clause, string LegalBasis, string Ground, string GroundEnglish, string ConsequenceTest);

    public sealed record ListedEntry(
        Guid EntryId, string UnitId, string Category, string Title, string Summary, string ResponsibleOfficial, IReadOnlyList<string> Formats,
        string RetentionPeriod, int Year, DateTimeOffset? PublishedAt, string? Url, DateTimeOffset? RecordedAt, ExemptionView? Exemption);

    public static void MapListEntries(this RouteGroupBuilder list) =>
        list.MapGet("/", HandleAsync).AllowAnonymous().WithName("ListEntries")
            .WithSummary("A unit's list of public information (Daftar Informasi Publik), optionally of one category, by category, newest year, title; a page of limit (cursor from the Link header)")
            .Produces<IReadOnlyList<ListedEntry>>()
            .ProducesValidationProblem();

    public static Validation Validate(string? unitId, string? category, UnitDirectory units)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(unitId)) errors.Add("unitId", "field.required", "unitId");
        else if (units.Find(unitId) is null) errors.Add("unitId", "field.unknown-unit", unitId);
        if (category is not null && KebabNames.Parse<InformationCategory>(category) is null)
            errors.Add("category", "field.unknown-value", "category", category, "berkala, serta-merta, setiap-saat, dikecualikan");
        return errors;
    }

    /// <summary>Where a page ends: its last entry's place in the order (category, newest year first, title, id).</summary>
    public sealed record EntryKey(int Rank, int Year, string Title, Guid EntryId);

    private static async Task<IResult> HandleAsync(string? unitId, string? category, int? limit, string? cursor, HttpContext http, UnitDirectory units,
        NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = Validate(unitId, category, units);
        var page = Paging.Read<EntryKey>(limit, cursor, errors);
        errors.ThrowIfInvalid();

        var unit = units.Find(unitId!)!;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT entry_id, unit_id, status, category, title, summary, responsible_official, formats, retention_period, year,
                   exemption_clause, consequence_test, listed_at, url, rank
            FROM (SELECT *, array_position(ARRAY['berkala', 'serta-merta', 'setiap-saat', 'dikecualikan'], category) AS rank FROM dip_entries) entries
            WHERE unit_id = @unit AND status IN ('published', 'recorded-as-exempt') AND (@category::text IS NULL OR category = @category)
              AND (@afterId::uuid IS NULL OR (rank, -year, title, entry_id) > (@afterRank::int, -@afterYear::int, @afterTitle::text, @afterId::uuid))
            ORDER BY rank, year DESC, title, entry_id
            LIMIT @limit
            """, new
            {
                unit = unit.Id, category = category is null ? null : KebabNames.Of(KebabNames.Parse<InformationCategory>(category)!.Value),
                limit = page.FetchLimit, afterRank = page.After?.Rank, afterYear = page.After?.Year, afterTitle = page.After?.Title, afterId = page.After?.EntryId,
            },
            cancellationToken: ct))).AsList();
        var entries = Paging.Answer(http, rows, page, r => new EntryKey(r.Rank, r.Year, r.Title, r.EntryId)).Select(r =>
        {
            var exempt = r.Status == "recorded-as-exempt";
            var listedAt = unit.TimeZone.ToLocal(r.ListedAt);
            return new ListedEntry(r.EntryId, r.UnitId, r.Category, r.Title, r.Summary, r.ResponsibleOfficial, r.Formats, r.RetentionPeriod, r.Year,
                exempt ? null : listedAt, r.Url, exempt ? listedAt : null, exempt ? Exemption(r.ExemptionClause!, r.ConsequenceTest!) : null);
        }).ToList();
        return TypedResults.Ok(entries);
    }

    private static ExemptionView Exemption(string clause, string consequenceTest)
    {
        var ground = Pasal17Exemptions.ByClause[clause];
        return new ExemptionView(ground.Clause, ground.LegalBasis, ground.Indonesian, ground.English, consequenceTest);
    }

    private sealed record Row(Guid EntryId, string UnitId, string Status, string Category, string Title, string Summary, string ResponsibleOfficial,
        string[] Formats, string RetentionPeriod, int Year, string? ExemptionClause, string? ConsequenceTest, DateTimeOffset ListedAt, string? Url, int Rank);
}
