using System.Text.Json;
using System.Text.Json.Serialization;

namespace Humas.Ppid.InformationList;

/// <summary>The four categories of UU 14/2008: berkala (Pasal 9), serta-merta (Pasal 10), setiap saat (Pasal 11), dikecualikan (Pasal 17).</summary>
public enum InformationCategory { Berkala, SertaMerta, SetiapSaat, Dikecualikan }

public enum DocumentFormat { Softcopy, Hardcopy }

/// <summary>
/// Draft: being prepared, not public. Published: on the public list with its document.
/// RecordedAsExempt: on the public list as exempt; the document itself stays withheld.
/// Withdrawn: off the list for good.
/// </summary>
public enum EntryStatus { Draft, Published, RecordedAsExempt, Withdrawn }

/// <summary>Why an entry is exempt: the Pasal 17 clause (a–j) and the consequence test (uji konsekuensi, Pasal 2(4)).</summary>
public sealed record Exemption(string Clause, string ConsequenceTest);

/// <summary>What the list says about one piece of information; drafted and revised as a whole.</summary>
public sealed record EntryContent(
    string Title,
    string Summary,
    InformationCategory Category,
    string ResponsibleOfficial,
    IReadOnlyList<DocumentFormat> Formats,
    string RetentionPeriod,
    int Year,
    Exemption? Exemption)
{
    [JsonIgnore]
    public bool IsExempt => Category == InformationCategory.Dikecualikan;

    // Records compare lists by reference; a revision that changes nothing must compare equal.
    public bool Equals(EntryContent? other) =>
        other is not null && Title == other.Title && Summary == other.Summary && Category == other.Category
        && ResponsibleOfficial == other.ResponsibleOfficial && Formats.SequenceEqual(other.Formats)
        && RetentionPeriod == other.RetentionPeriod && Year == other.Year && Exemption == other.Exemption;

    public override int GetHashCode() => HashCode.Combine(Title, Category, Year);
}

public sealed record InformationEntryDrafted(Guid EntryId, string UnitId, EntryContent Content);

public sealed record InformationEntryRevised(Guid EntryId, EntryContent Content);

/// <summary>What went on the public list, as it stood then: the integration event is made from this alone.</summary>
public sealed record InformationEntryPublished(Guid EntryId, string UnitId, string Title, InformationCategory Category, DateTimeOffset PublishedAt, string? Url);

/// <summary>An exempt entry was put on the public list with its exemption; its document is not released.</summary>
public sealed record InformationEntryRecordedAsExempt(Guid EntryId, string UnitId, DateTimeOffset RecordedAt);

public sealed record InformationEntryWithdrawn(Guid EntryId, string Reason, DateTimeOffset WithdrawnAt);

/// <summary>One entry of a unit's Daftar Informasi Publik, folded from its events.</summary>
public sealed record InformationEntry(Guid Id, string UnitId, EntryContent Content, EntryStatus Status, DateTimeOffset? ListedAt, string? Url)
{
    public static InformationEntry Initial { get; } = new(Guid.Empty, "", new EntryContent("", "", InformationCategory.Berkala, "", [], "", 0, null), EntryStatus.Draft, null, null);

    public const string StreamType = "information-entry";

    public static string StreamId(Guid entryId) => $"dip-{entryId}";

    public static InformationEntry Evolve(InformationEntry state, object @event) => @event switch
    {
        InformationEntryDrafted e => new InformationEntry(e.EntryId, e.UnitId, e.Content, EntryStatus.Draft, null, null),
        InformationEntryRevised e => state with { Content = e.Content },
        InformationEntryPublished e => state with { Status = EntryStatus.Published, ListedAt = e.PublishedAt, Url = e.Url },
        InformationEntryRecordedAsExempt e => state with { Status = EntryStatus.RecordedAsExempt, ListedAt = e.RecordedAt },
        InformationEntryWithdrawn => state with { Status = EntryStatus.Withdrawn },
        _ => state,
    };
}


