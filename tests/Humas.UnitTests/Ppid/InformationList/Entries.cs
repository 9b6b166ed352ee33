using Humas.Ppid.InformationList;

namespace Humas.UnitTests.Ppid.InformationList;

/// <summary>Bodies and histories the information-list tests share.</summary>
internal static class Entries
{
    public static readonly Guid Id = Guid.Parse("0195f000-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    public static EntryBody Public(InformationCategory category = InformationCategory.Berkala) => new(
        "kpu-33.21", "Laporan keuangan 2025", "Realisasi anggaran KPU Kabupaten Demak tahun 2025", category,
        "Subbagian Keuangan, Umum dan Logistik", [DocumentFormat.Softcopy, DocumentFormat.Hardcopy], "5 tahun", 2025, null, null);

    public static EntryBody Exempt(string clause = "h") => Public(InformationCategory.Dikecualikan) with
    {
        Title = "Salinan KTP anggota PPK",
        ExemptionClause = clause,
        ConsequenceTest = "Membuka data ini mengungkap rahasia pribadi; kerugian lebih besar daripada manfaatnya.",
    };

    public static InformationEntryDrafted Drafted(EntryBody body) => new(Id, "kpu-33.21", body.ToContent());

    public static InformationEntry Given(params object[] events) => events.Aggregate(InformationEntry.Initial, InformationEntry.Evolve);

    public static InformationEntry DraftOf(EntryBody body) => Given(Drafted(body));

    public static InformationEntry PublishedEntry() =>
        Given(Drafted(Public()), new InformationEntryPublished(Id, "kpu-33.21", "Laporan keuangan 2025", InformationCategory.Berkala, Now, null));

    public static InformationEntry RecordedExempt() => Given(Drafted(Exempt()), new InformationEntryRecordedAsExempt(Id, "kpu-33.21", Now));

    public static InformationEntry Withdrawn(InformationEntry entry) => InformationEntry.Evolve(entry, new InformationEntryWithdrawn(Id, "Diganti", Now));
}
