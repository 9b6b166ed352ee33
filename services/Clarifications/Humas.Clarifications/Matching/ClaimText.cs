using System.Globalization;
using System.Text;

namespace Humas.Clarifications.Matching;

/// <summary>
/// A claim in Indonesian reduced to the terms matching compares: lower case without accents,
/// punctuation or emoji; informal spellings (gak, udah, yg, dgn, tdk, ...) and place-name variants
/// (Jogja, Jateng, ...) written out; common phrases and synonyms of the election domain mapped to
/// one term; particles, possessives and affixes stripped by a light stemmer; function words dropped.
/// Pure and deterministic: the same text always gives the same terms.
/// </summary>
public static class ClaimText
{
    /// <summary>The words of the text as a reader counts them (after removing punctuation and emoji).</summary>
    public static int WordCount(string? text) => Tokens(text).Count;

    public static IReadOnlyList<string> Terms(string? text)
    {
        var words = new List<string>();
        foreach (var token in Tokens(text))
        {
            var word = token.Length > 6 && token.EndsWith("nya", StringComparison.Ordinal) && !Informal.ContainsKey(token) ? token[..^3] : token;
            if (Informal.TryGetValue(word, out var formal)) words.AddRange(formal.Split(' '));
            else words.Add(word);
        }
        words = NumberWords(words);
        var terms = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 2 < words.Count && Phrases.TryGetValue($"{words[i]} {words[i + 1]} {words[i + 2]}", out var three)) { terms.Add(Synonyms.GetValueOrDefault(three, three)); i += 2; continue; }
            if (i + 1 < words.Count && Phrases.TryGetValue($"{words[i]} {words[i + 1]}", out var two)) { terms.Add(Synonyms.GetValueOrDefault(two, two)); i += 1; continue; }
            if (Stopwords.Contains(words[i])) continue;
            if (Synonyms.TryGetValue(words[i], out var same)) { terms.Add(same); continue; }
            var stem = Stem(words[i]);
            if (stem.Length == 0 || Stopwords.Contains(stem)) continue;
            terms.Add(Synonyms.GetValueOrDefault(stem, stem));
        }
        return terms;
    }

    private static readonly Dictionary<string, int> Units = new()
    {
        ["satu"] = 1, ["se"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5, ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9,
        ["sepuluh"] = 10, ["sebelas"] = 11, ["seratus"] = 100, ["seribu"] = 1000,
    };

    /// <summary>Numbers written in words ("lima ratus", "seratus lima puluh") as digits, so that they meet "500" and "150".</summary>
    private static List<string> NumberWords(List<string> words)
    {
        var result = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (!Units.ContainsKey(words[i]) || words[i] == "se") { result.Add(words[i]); continue; }
            long total = 0, current = 0;
            var j = i;
            for (; j < words.Count; j++)
            {
                var w = words[j];
                if (Units.TryGetValue(w, out var unit) && w != "se") { if (unit >= 100) { total += unit; } else current += unit; }
                else if (w == "belas") current += 10;
                else if (w == "puluh") current *= 10;
                else if (w == "ratus") { total += Math.Max(current, 1) * 100; current = 0; }
                else break;
            }
            result.Add((total + current).ToString(CultureInfo.InvariantCulture));
            i = j - 1;
        }
        return result;
    }

    /// <summary>The normalised text stored for matching: the terms, space separated.</summary>
    public static string Normalised(string? text) => string.Join(' ', Terms(text));

    internal static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return tokens;
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length == 0) return;
            var token = CollapseRepeats(current.ToString());
            current.Clear();
            // Reduplication written with a 2 ("anak2") means the plural: the word itself.
            if (token.Length > 2 && token[^1] == '2' && char.IsAsciiLetterLower(token[^2])) token = token[..^1];
            tokens.Add(token);
        }
        char previous = ' ';
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z')
            {
                // "500rb" is "500 rb": letters after digits start a new word.
                if (char.IsAsciiDigit(previous)) Flush();
                current.Append(c);
            }
            else if (char.IsAsciiDigit(c))
            {
                if (char.IsAsciiLetterLower(previous) && !(current.Length > 0 && c == '2')) Flush();
                current.Append(c);
            }
            else if (c is '-' && char.IsAsciiLetterLower(previous)) { current.Append(c); }
            else Flush();
            previous = c;
        }
        Flush();
        // Reduplication with a hyphen ("anak-anak", "tiba-tiba") is the word; other hyphens split.
        var result = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            var parts = token.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == parts[1]) result.Add(parts[0]);
            else result.AddRange(parts);
        }
        return result;
    }

    private static string CollapseRepeats(string token)
    {
        var builder = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (i >= 2 && token[i] == token[i - 1] && token[i] == token[i - 2] && !char.IsAsciiDigit(token[i])) continue;
            builder.Append(token[i]);
        }
        var collapsed = builder.ToString();
        // "bangett" / "bgtt": a doubled final consonant is emphasis, but not in digits.
        return collapsed.Length > 3 && collapsed[^1] == collapsed[^2] && !"aeiou".Contains(collapsed[^1]) && !char.IsAsciiDigit(collapsed[^1])
            ? collapsed[..^1] : collapsed;
    }

    /// <summary>A light Indonesian stemmer: particles, possessives, one derivational suffix and up to two prefixes.</summary>
    internal static string Stem(string word)
    {
        if (word.Length <= 4 || word.Any(char.IsAsciiDigit) || Protected.Contains(word)) return word;
        var w = word;
        foreach (var particle in (string[])["lah", "kah", "pun", "tah"])
            if (w.Length - particle.Length >= 4 && w.EndsWith(particle, StringComparison.Ordinal)) { w = w[..^particle.Length]; break; }
        foreach (var possessive in (string[])["nya", "ku", "mu"])
            if (w.Length - possessive.Length >= 4 && w.EndsWith(possessive, StringComparison.Ordinal)) { w = w[..^possessive.Length]; break; }
        if (Protected.Contains(w)) return w;
        // Derivational suffixes, including the informal -in of spoken Jakarta Indonesian (bagiin, dibatalin).
        foreach (var suffix in (string[])["kan", "in", "an", "i"])
            if (w.Length - suffix.Length >= 4 && w.EndsWith(suffix, StringComparison.Ordinal)) { w = w[..^suffix.Length]; break; }
        if (Protected.Contains(w)) return w;
        return StripPrefixes(w);
    }

    private static string StripPrefixes(string w)
    {
        for (var round = 0; round < 2; round++)
        {
            var next = StripPrefix(w, second: round == 1);
            if (next == w || next.Length < 3) return w;
            w = next;
            if (Protected.Contains(w)) return w;
        }
        return w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string StripPrefix(string w, bool second)
    {
        if (w.Length < 5) return w;
        if (second)
            return w.StartsWith("per", StringComparison.Ordinal) || w.StartsWith("ber", StringComparison.Ordinal) || w.StartsWith("ter", StringComparison.Ordinal) ? w[3..] : w;
        if (w.StartsWith("nge", StringComparison.Ordinal) && !IsVowel(w[3])) return w[3..];
        if (w.StartsWith("ng", StringComparison.Ordinal) && IsVowel(w[2])) return "k" + w[2..];
        if (w.StartsWith("meny", StringComparison.Ordinal) || w.StartsWith("peny", StringComparison.Ordinal)) return IsVowel(w[4]) ? "s" + w[4..] : w;
        if (w.StartsWith("meng", StringComparison.Ordinal) || w.StartsWith("peng", StringComparison.Ordinal)) return IsVowel(w[4]) ? "k" + w[4..] : w[4..];
        if (w.StartsWith("mem", StringComparison.Ordinal) || w.StartsWith("pem", StringComparison.Ordinal)) return IsVowel(w[3]) ? "p" + w[3..] : w[3..];
        if (w.StartsWith("men", StringComparison.Ordinal) || w.StartsWith("pen", StringComparison.Ordinal)) return IsVowel(w[3]) ? "t" + w[3..] : w[3..];
        if (w.StartsWith("me", StringComparison.Ordinal) && !IsVowel(w[2])) return w[2..];
        if (w.StartsWith("per", StringComparison.Ordinal) || w.StartsWith("ber", StringComparison.Ordinal) || w.StartsWith("ter", StringComparison.Ordinal)) return w[3..];
        if (w.StartsWith("di", StringComparison.Ordinal) || w.StartsWith("ke", StringComparison.Ordinal) || w.StartsWith("se", StringComparison.Ordinal)) return w[2..];
        if (w.StartsWith("be", StringComparison.Ordinal) || w.StartsWith("pe", StringComparison.Ordinal)) return w[2..];
        return w;
    }

    /// <summary>Words the stemmer leaves alone (their affix-like letters belong to the root, or they are names).</summary>
    private static readonly HashSet<string> Protected =
    [
        "pemilu", "pilkada", "pilpres", "pileg", "kampanye", "petugas", "pendidikan", "perempuan", "pertama", "perlu", "berita", "bantuan",
        "senin", "selasa", "sabtu", "desember", "september", "november", "pesan", "sekolah", "kesehatan", "penyakit", "presiden", "menteri",
        "pemerintah", "partai", "penduduk", "peserta", "makan", "minum", "jalan", "saksi", "warga", "tentara", "polisi", "rupiah", "bansos",
        "teman", "negeri", "daerah", "demokrasi", "kotak", "sistem", "server", "pindah", "lansia", "baliho", "medsos", "kandidat", "anggaran",
        "bawaslu", "dewan", "pemilih", "perintah", "kertas", "keluarga", "petahana", "pemenang", "sembako", "kardus", "sanksi", "pakai", "kantor", "bantuan", "berkas", "tinta", "hitung", "diskon", "kartu", "uang", "dana", "undang", "bendera", "gedung", "kantor",
    ];

    /// <summary>Informal and abbreviated spellings, written out (several words where the short form stands for several).</summary>
    private static readonly Dictionary<string, string> Informal = new()
    {
        ["gak"] = "tidak", ["ga"] = "tidak", ["gk"] = "tidak", ["nggak"] = "tidak", ["ngga"] = "tidak", ["enggak"] = "tidak", ["engga"] = "tidak",
        ["tdk"] = "tidak", ["tak"] = "tidak", ["ndak"] = "tidak", ["kagak"] = "tidak", ["g"] = "tidak",
        ["udah"] = "sudah", ["udh"] = "sudah", ["sdh"] = "sudah", ["dah"] = "sudah", ["telah"] = "sudah",
        ["blm"] = "belum", ["blum"] = "belum", ["yg"] = "yang", ["dgn"] = "dengan", ["dg"] = "dengan", ["sm"] = "sama",
        ["krn"] = "karena", ["karna"] = "karena", ["utk"] = "untuk", ["buat"] = "untuk", ["dr"] = "dari", ["pd"] = "pada", ["tp"] = "tapi",
        ["jd"] = "jadi", ["jg"] = "juga", ["aja"] = "saja", ["aj"] = "saja", ["bgt"] = "banget", ["bngt"] = "banget", ["org"] = "orang",
        ["bs"] = "bisa", ["lg"] = "lagi", ["kalo"] = "kalau", ["klo"] = "kalau", ["kl"] = "kalau", ["gimana"] = "bagaimana", ["gmn"] = "bagaimana",
        ["emang"] = "memang", ["mmg"] = "memang", ["trs"] = "terus", ["skrg"] = "sekarang", ["skrng"] = "sekarang", ["sy"] = "saya", ["gw"] = "saya",
        ["gue"] = "saya", ["aku"] = "saya", ["km"] = "kamu", ["lu"] = "kamu", ["loe"] = "kamu", ["tau"] = "tahu", ["tahun"] = "tahun", ["thn"] = "tahun",
        ["bsk"] = "besok", ["kmrn"] = "kemarin", ["hr"] = "hari", ["bln"] = "bulan", ["dpt"] = "dpt", ["jt"] = "juta", ["jeti"] = "juta",
        ["rb"] = "ribu", ["rbu"] = "ribu", ["rp"] = "rupiah", ["pdhl"] = "padahal", ["sdgkan"] = "sedangkan", ["bener"] = "benar", ["bnr"] = "benar",
        ["dapet"] = "dapat", ["dpet"] = "dapat", ["kasih"] = "beri", ["ngasih"] = "beri", ["dikasih"] = "beri", ["bilang"] = "kata", ["ngomong"] = "kata",
        ["pake"] = "pakai", ["pakek"] = "pakai", ["bikin"] = "buat", ["dibikin"] = "buat", ["ntar"] = "nanti", ["tgl"] = "tanggal", ["smua"] = "semua",
        ["sampe"] = "sampai", ["dateng"] = "datang", ["tuker"] = "tukar", ["tetep"] = "tetap", ["kk"] = "kartu keluarga", ["x"] = "kali", ["golput"] = "tidak datang", ["sejuta"] = "1 juta", ["hp"] = "ponsel", ["handphone"] = "ponsel", ["bansos"] = "bantuan sosial", ["incumbent"] = "petahana", ["penyelenggara"] = "kpu", ["pengawas"] = "bawaslu", ["diem2"] = "diam", ["diem"] = "diam", ["abis"] = "habis", ["gampang"] = "mudah", ["pas"] = "saat", ["distop"] = "henti", ["stop"] = "henti", ["smp"] = "sampai", ["ampe"] = "sampai", ["nyoblos"] = "coblos", ["nyontreng"] = "coblos", ["ngitung"] = "hitung", ["ngapus"] = "hapus",
        ["dicoblos"] = "coblos", ["mencoblos"] = "coblos", ["pencoblosan"] = "coblos", ["ktp-el"] = "ktp", ["ektp"] = "ktp", ["e-ktp"] = "ktp",
        ["wa"] = "whatsapp", ["fb"] = "facebook", ["ig"] = "instagram", ["yt"] = "youtube", ["bpk"] = "bapak", ["pak"] = "bapak", ["bu"] = "ibu",
        ["pemda"] = "pemerintah daerah", ["pemkab"] = "pemerintah kabupaten", ["pemkot"] = "pemerintah kota", ["wna"] = "asing",
        ["pilpres"] = "pemilu presiden", ["pileg"] = "pemilu legislatif", ["capres"] = "calon presiden", ["cawapres"] = "calon wakil presiden",
        ["caleg"] = "calon legislatif", ["paslon"] = "calon", ["cakada"] = "calon kepala daerah", ["medsos"] = "media sosial",
        // Place names that vary.
        ["jogja"] = "yogyakarta", ["jogjakarta"] = "yogyakarta", ["yogya"] = "yogyakarta", ["yogja"] = "yogyakarta", ["diy"] = "yogyakarta",
        ["jkt"] = "jakarta", ["dki"] = "jakarta", ["jateng"] = "jawatengah", ["jatim"] = "jawatimur", ["jabar"] = "jawabarat",
        ["sumut"] = "sumaterautara", ["sumbar"] = "sumaterabarat", ["sumsel"] = "sumateraselatan", ["kalbar"] = "kalimantanbarat",
        ["kaltim"] = "kalimantantimur", ["kalsel"] = "kalimantanselatan", ["sulsel"] = "sulawesiselatan", ["sulut"] = "sulawesiutara",
        ["ntt"] = "nusatenggaratimur", ["ntb"] = "nusatenggarabarat", ["solo"] = "surakarta", ["sby"] = "surabaya", ["smg"] = "semarang",
        ["bdg"] = "bandung", ["mks"] = "makassar", ["sumatra"] = "sumatera", ["jogya"] = "yogyakarta",
    };

    /// <summary>Phrases that name one thing, and long forms of the usual abbreviations (after informal spellings are written out).</summary>
    private static readonly Dictionary<string, string> Phrases = new()
    {
        ["komisi pemilihan umum"] = "kpu", ["pemungutan suara"] = "coblos", ["memberikan suara"] = "coblos", ["hari pencoblosan"] = "coblos", ["penghitungan suara"] = "hitung", ["hitung suara"] = "hitung", ["panitia tps"] = "kpps", ["petugas tps"] = "kpps", ["petugas kpps"] = "kpps", ["penanda jari"] = "tinta", ["sistem rekap"] = "sirekap", ["aparat keamanan"] = "polisi", ["lalap api"] = "bakar", ["kpu pemilu"] = "kpu", ["bawaslu pemilu"] = "bawaslu", ["badan pengawas pemilu"] = "bawaslu", ["tempat pemungutan suara"] = "tps",
        ["daftar pemilih tetap"] = "dpt", ["kartu tanda penduduk"] = "ktp", ["pemilihan umum"] = "pemilu", ["pemilihan kepala daerah"] = "pilkada",
        ["surat suara"] = "suratsuara", ["kertas suara"] = "suratsuara", ["kartu suara"] = "suratsuara", ["kotak suara"] = "kotaksuara",
        ["jawa tengah"] = "jawatengah", ["jawa timur"] = "jawatimur", ["jawa barat"] = "jawabarat", ["daerah istimewa yogyakarta"] = "yogyakarta",
        ["sumatera utara"] = "sumaterautara", ["sumatera barat"] = "sumaterabarat", ["sumatera selatan"] = "sumateraselatan",
        ["nusa tenggara timur"] = "nusatenggaratimur", ["nusa tenggara barat"] = "nusatenggarabarat", ["luar negeri"] = "asing",
        ["warga negara asing"] = "asing", ["tidak boleh"] = "larang", ["tidak sah"] = "batal", ["media sosial"] = "medsos",
        ["serangan fajar"] = "politikuang", ["politik uang"] = "politikuang", ["bagi bagi uang"] = "politikuang", ["money politic"] = "politikuang",
        ["ppk"] = "petugas", ["pps"] = "petugas", ["tinta pemilu"] = "tinta", ["hari pemungutan"] = "harih",
        ["quick count"] = "hitungcepat", ["hitung cepat"] = "hitungcepat", ["real count"] = "hitung", ["hasil pemilu"] = "hasil",
        ["orang tua"] = "lansia", ["lanjut usia"] = "lansia", ["tni polri"] = "polisi", ["meninggal dunia"] = "meninggal",
    };

    /// <summary>Stems that say the same thing in this domain, mapped to one of them.</summary>
    private static readonly Dictionary<string, string> Synonyms = new()
    {
        ["undur"] = "tunda", ["mundur"] = "tunda", ["tangguh"] = "tunda", ["geser"] = "tunda",
        ["anulir"] = "batal", ["curang"] = "curang", ["manipulasi"] = "curang", ["culas"] = "curang", ["akal"] = "curang", ["gelembung"] = "curang",
        ["bodong"] = "palsu", ["abal"] = "palsu", ["fiktif"] = "palsu", ["tiru"] = "palsu", ["coret"] = "hapus", ["buang"] = "hapus",
        ["contreng"] = "coblos", ["centang"] = "coblos", ["duit"] = "uang", ["fulus"] = "uang", ["amplop"] = "uang",
        ["free"] = "gratis", ["tarif"] = "bayar", ["rekap"] = "rekap", ["rekapitulasi"] = "rekap", ["rekapitulas"] = "rekap", ["tabulasi"] = "rekap", ["api"] = "bakar", ["kebakaran"] = "bakar", ["ludes"] = "hangus", ["berkas"] = "dokumen", ["kantor"] = "gedung", ["karton"] = "kardus", ["sanksi"] = "denda", ["ponsel"] = "ponsel", ["daring"] = "online", ["tiada"] = "hapus", ["cabut"] = "henti", ["hentikan"] = "henti", ["giring"] = "arah", ["suruh"] = "perintah", ["video"] = "rekam", ["panitia"] = "petugas", ["honor"] = "bayar", ["gaji"] = "bayar", ["masjid"] = "ibadah", ["gereja"] = "ibadah", ["gambar"] = "foto", ["pekan"] = "minggu", ["difabel"] = "disabilitas", ["damping"] = "bantuan", ["parpol"] = "partai", ["wafat"] = "meninggal", ["pindah"] = "alih",
        ["tewas"] = "meninggal", ["mati"] = "meninggal", ["gugur"] = "meninggal",
        ["error"] = "rusak", ["eror"] = "rusak", ["galat"] = "rusak", ["retas"] = "bocor", ["hack"] = "bocor", ["jebol"] = "bocor", ["hacker"] = "bocor",
        ["unggul"] = "menang", ["harus"] = "wajib", ["mesti"] = "wajib", ["ganti"] = "ubah", ["rubah"] = "ubah", ["adu"] = "lapor",
        ["anggar"] = "dana", ["anggaran"] = "dana", ["biaya"] = "dana", ["tni"] = "tentara", ["militer"] = "tentara", ["polri"] = "polisi",
        ["aparat"] = "polisi", ["manula"] = "lansia", ["cacat"] = "disabilitas", ["viral"] = "sebar", ["beredar"] = "sebar",
        ["edar"] = "sebar", ["rakyat"] = "warga", ["masyarakat"] = "warga", ["penduduk"] = "warga", ["rupiah"] = "uang",
        ["kandidat"] = "calon", ["dukung"] = "pilih", ["coblos"] = "coblos", ["ditangkap"] = "tangkap", ["ciduk"] = "tangkap", 
        ["larang"] = "larang", ["cegah"] = "larang", ["blokir"] = "larang", ["kendali"] = "atur", ["asing"] = "asing", ["impor"] = "asing",
        ["pecat"] = "berhenti", ["copot"] = "berhenti", ["mundurkan"] = "berhenti", ["rusuh"] = "ricuh", ["bentrok"] = "ricuh", ["chaos"] = "ricuh",
        ["gratifikasi"] = "suap", ["sogok"] = "suap", ["pelicin"] = "suap", ["bakar"] = "bakar", ["robek"] = "rusak", ["sobek"] = "rusak",
        ["kirim"] = "kirim", ["sms"] = "pesan", ["whatsapp"] = "pesan", ["chat"] = "pesan", ["link"] = "tautan", ["klik"] = "tautan",
        ["hadiah"] = "hadiah", ["undi"] = "hadiah", ["bansos"] = "bantuan", ["bantu"] = "bantuan", ["sembako"] = "bantuan",
    };

    /// <summary>Function words that say nothing about which claim this is (including negation stays: "tidak" changes a claim).</summary>
    private static readonly HashSet<string> Stopwords =
    [
        "yang", "dan", "di", "ke", "dari", "pada", "untuk", "dengan", "ini", "itu", "adalah", "akan", "sudah", "juga", "saja", "karena", "atau",
        "ada", "oleh", "dalam", "para", "kita", "kami", "saya", "kamu", "anda", "mereka", "dia", "ia", "nya", "lah", "kah", "pun", "sih", "dong",
        "deh", "kok", "loh", "lho", "nih", "tuh", "ya", "yah", "kan", "wkwk", "wkwkwk", "banget", "sangat", "sekali", "bahwa", "jika", "kalau",
        "agar", "supaya", "sama", "lagi", "terus", "sekarang", "nanti", "tapi", "tetapi", "namun", "jadi", "bisa", "dapat", "mau", "ingin",
        "hanya", "cuma", "semua", "setiap", "tiap", "banyak", "beberapa", "sebuah", "seorang", "satu", "para", "hal", "soal", "katanya", "kata",
        "konon", "infonya", "kabar", "berita", "info", "viral", "heboh", "waspada", "hati", "awas", "tolong", "sebarkan", "share", "guys", "gaes",
        "bagaimana", "apa", "siapa", "mana", "kapan", "kenapa", "mengapa", "memang", "benar", "betul", "tahu", "orang", "bapak", "ibu", "sampai",
        "sedang", "masih", "belum", "pernah", "baru", "telah", "harap", "mohon", "semuanya", "lain", "the", "of", "wah", "astaga", "parah",
        "gitu", "begitu", "sebelum", "setelah", "sesudah", "selama", "seluruh", "sekitar", "melalui", "secara", "bakal", "saat", "ketika", "e", "gara", "main", "langsung", "buruan", "isi", "pesan", "sebar", "cukup", "nanti", "per", "perlu", "begini", "gini", "sebab", "oleh", "bagi", "tersebut", "sebagai", "sejak", "hingga", "antara", "bahkan", "pula",
    ];
}
