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
            .WithSummary("A unit's list of public information (Daftar Informasi Publik), optionally of one category")
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

    private static async Task<IResult> HandleAsync(string? unitId, string? category, UnitDirectory units, NpgsqlDataSource db, CancellationToken ct)
    {
        Validate(unitId, category, units).ThrowIfInvalid();

        await using var command = db.CreateCommand("""
            SELECT entry_id, unit_id, status, category, title, summary, responsible_official, formats, retention_period, year,
                   exemption_clause, consequence_test, listed_at, url
            FROM dip_entries
            WHERE unit_id = @unit AND status IN ('published', 'recorded-as-exempt') AND (@category::text IS NULL OR category = @category)
            ORDER BY array_position(ARRAY['berkala', 'serta-merta', 'setiap-saat', 'dikecualikan'], category), year DESC, title
            """);
        var unit = units.Find(unitId!)!;
        command.Parameters.AddWithValue("unit", unit.Id);
        command.Parameters.AddWithValue("category", category is null ? DBNull.Value : KebabNames.Of(KebabNames.Parse<InformationCategory>(category)!.Value));
        var entries = new List<ListedEntry>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var exempt = r.GetString(2) == "recorded-as-exempt";
            var listedAt = unit.TimeZone.ToLocal(r.GetFieldValue<DateTimeOffset>(12));
            entries.Add(new ListedEntry(r.GetGuid(0), r.GetString(1), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.GetFieldValue<string[]>(7), r.GetString(8), r.GetInt32(9),
                exempt ? null : listedAt, r.IsDBNull(13) ? null : r.GetString(13), exempt ? listedAt : null,
                exempt ? Exemption(r.GetString(10), r.GetString(11)) : null));
        }
        return TypedResults.Ok(entries);
    }

    private static ExemptionView Exemption(string clause, string consequenceTest)
    {
        var ground = Pasal17Exemptions.ByClause[clause];
        return new ExemptionView(ground.Clause, ground.LegalBasis, ground.Indonesian, ground.English, consequenceTest);
    }
}
