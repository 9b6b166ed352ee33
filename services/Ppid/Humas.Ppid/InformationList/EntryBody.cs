namespace Humas.Ppid.InformationList;

/// <summary>
/// An entry as an officer writes it, for drafting and for revising (which replaces the whole
/// content). For a <c>dikecualikan</c> entry the Pasal 17 clause and the consequence test are
/// required; for the other categories they must be absent.
/// </summary>
public sealed record EntryBody(
    string? UnitId,
    string? Title,
    string? Summary,
    InformationCategory? Category,
    string? ResponsibleOfficial,
    IReadOnlyList<DocumentFormat>? Formats,
    string? RetentionPeriod,
    int? Year,
    string? ExemptionClause,
    string? ConsequenceTest)
{
    /// <summary>The earliest year an entry may describe: a plausibility bound, not a legal one.</summary>
    public const int EarliestYear = 1945;

    public Dictionary<string, string[]> ValidateContent(int currentYear)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        Text(Title, "title", 300, Fail, "Judul informasi");
        Text(Summary, "summary", 4000, Fail, "Ringkasan isi informasi");
        Text(ResponsibleOfficial, "responsibleOfficial", 200, Fail, "Pejabat/unit penanggung jawab");
        Text(RetentionPeriod, "retentionPeriod", 200, Fail, "Jangka waktu penyimpanan");
        if (Category is null) Fail("category", "Kategori wajib diisi (berkala, serta-merta, setiap-saat, dikecualikan) / category is required.");
        if (Formats is null || Formats.Count == 0) Fail("formats", "Bentuk informasi wajib dipilih (softcopy, hardcopy) / choose at least one format.");
        if (Year is null) Fail("year", "Tahun wajib diisi / year is required.");
        else if (Year < EarliestYear || Year > currentYear + 1) Fail("year", $"Tahun harus antara {EarliestYear} dan {currentYear + 1} / year must be between {EarliestYear} and {currentYear + 1}.");

        if (Category == InformationCategory.Dikecualikan)
        {
            if (string.IsNullOrWhiteSpace(ExemptionClause))
                Fail("exemptionClause", "Dasar pengecualian (Pasal 17 huruf a–j) wajib diisi / the Pasal 17 clause (a–j) is required for exempt information.");
            else if (!Pasal17Exemptions.ByClause.ContainsKey(ExemptionClause.Trim()))
                Fail("exemptionClause", $"'{ExemptionClause}' bukan huruf Pasal 17 (a–j) / not a Pasal 17 clause (a–j).");
            Text(ConsequenceTest, "consequenceTest", 4000, Fail, "Uji konsekuensi");
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(ExemptionClause))
                Fail("exemptionClause", "Dasar pengecualian hanya untuk kategori dikecualikan / only exempt information has an exemption clause.");
            if (!string.IsNullOrWhiteSpace(ConsequenceTest))
                Fail("consequenceTest", "Uji konsekuensi hanya untuk kategori dikecualikan / only exempt information has a consequence test.");
        }
        return errors;
    }

    /// <summary>Only after validation found nothing.</summary>
    public EntryContent ToContent() => new(
        Title!.Trim(), Summary!.Trim(), Category!.Value, ResponsibleOfficial!.Trim(), Formats!.Distinct().Order().ToList(),
        RetentionPeriod!.Trim(), Year!.Value,
        Category == InformationCategory.Dikecualikan ? new Exemption(ExemptionClause!.Trim().ToLowerInvariant(), ConsequenceTest!.Trim()) : null);

    internal static void Text(string? value, string field, int max, Action<string, string> fail, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) fail(field, $"{label} wajib diisi / {field} is required.");
        else if (value.Length > max) fail(field, $"{label} paling banyak {max} karakter / {field} is limited to {max} characters.");
    }
}
