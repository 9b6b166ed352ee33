namespace Humas.Ppid.InformationList;

/// <summary>
/// The grounds on which public information may be withheld. Source: UU 14/2008 tentang
/// Keterbukaan Informasi Publik, Pasal 17 huruf a–j. The labels are short paraphrases for the
/// public list; the statute's text governs.
/// </summary>
public static class Pasal17Exemptions
{
    public sealed record Ground(string Clause, string Indonesian, string English)
    {
        public string LegalBasis => $"UU 14/2008 Pasal 17 huruf {Clause}";
    }

    public static IReadOnlyDictionary<string, Ground> ByClause { get; } = new Ground[]
    {
        new("a", "Menghambat proses penegakan hukum", "Would obstruct law enforcement"),
        new("b", "Mengganggu perlindungan hak kekayaan intelektual dan persaingan usaha yang sehat", "Would harm intellectual property protection or fair competition"),
        new("c", "Membahayakan pertahanan dan keamanan negara", "Would endanger national defence and security"),
        new("d", "Mengungkapkan kekayaan alam Indonesia", "Would reveal Indonesia's natural wealth"),
        new("e", "Merugikan ketahanan ekonomi nasional", "Would harm national economic resilience"),
        new("f", "Merugikan kepentingan hubungan luar negeri", "Would harm foreign relations"),
        new("g", "Mengungkapkan isi akta otentik yang bersifat pribadi atau wasiat seseorang", "Would reveal a private authentic deed or a person's will"),
        new("h", "Mengungkap rahasia pribadi", "Would reveal personal secrets"),
        new("i", "Memorandum atau surat antar/intra badan publik yang sifatnya dirahasiakan", "Confidential correspondence within or between public bodies"),
        new("j", "Tidak boleh diungkapkan berdasarkan undang-undang", "Must not be disclosed under another law"),
    }.ToDictionary(g => g.Clause, StringComparer.OrdinalIgnoreCase);
}
