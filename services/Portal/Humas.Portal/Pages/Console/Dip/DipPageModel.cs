using Humas.Portal.Api;
using Humas.ReferenceData;

namespace Humas.Portal.Pages.Console.Dip;

/// <summary>
/// What the pages of the DIP desk share: the units the officer keeps lists for (its own and those
/// under it; the service decides) and the entry form.
/// </summary>
public abstract class DipPageModel(UnitDirectory units) : ConsolePageModel
{
    public static readonly string[] Categories = ["berkala", "serta-merta", "setiap-saat", "dikecualikan"];
    public static readonly string[] Statuses = ["draft", "published", "recorded-as-exempt", "withdrawn"];
    public static readonly string[] Formats = ["softcopy", "hardcopy"];
    public static readonly string[] ExemptionClauses = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];

    /// <summary>The entry form of the page (drafting or revising), as typed.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty] public DipEntryForm Entry { get; set; } = new();

    /// <summary>The officer's unit first, then those under it.</summary>
    public IReadOnlyList<Unit> Units => listed ??= OfficerUnit is { } own ? units.Below(own).ToList() : [];

    private IReadOnlyList<Unit>? listed;

    /// <summary>The unit asked for if the officer keeps its list, else the officer's own.</summary>
    public Unit? UnitOf(string? asked) => Units.FirstOrDefault(u => u.Id == asked) ?? Units.FirstOrDefault();
}

/// <summary>An entry's content as the officer types it; the year stays as typed so a refused form shows it again.</summary>
public sealed class DipEntryForm
{
    public string? UnitId { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Category { get; set; }
    public string? ResponsibleOfficial { get; set; }
    public List<string> Formats { get; set; } = [];
    public string? RetentionPeriod { get; set; }
    public string? Year { get; set; }
    public string? ExemptionClause { get; set; }
    public string? ConsequenceTest { get; set; }

    /// <summary>For a revision: the version the officer saw.</summary>
    public long Version { get; set; }

    /// <summary>For a draft: the same key each time this form is sent, so it drafts once.</summary>
    public string? Key { get; set; }

    /// <summary>The exemption's clause and consequence test go only with an exempt entry; the service refuses them on any other.</summary>
    public DipEntryBody ToBody(string? unitId)
    {
        var exempt = Category == "dikecualikan";
        return new DipEntryBody(unitId, Title, Summary, Empty(Category), ResponsibleOfficial, Formats.Where(DipPageModel.Formats.Contains).ToList(), RetentionPeriod,
            int.TryParse(Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null,
            exempt ? Empty(ExemptionClause) : null, exempt ? ConsequenceTest : null);
    }

    public static DipEntryForm Of(DipEntryView e) => new()
    {
        UnitId = e.UnitId, Title = e.Title, Summary = e.Summary, Category = e.Category, ResponsibleOfficial = e.ResponsibleOfficial, Formats = [.. e.Formats],
        RetentionPeriod = e.RetentionPeriod, Year = e.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ExemptionClause = e.ExemptionClause,
        ConsequenceTest = e.ConsequenceTest, Version = e.Version,
    };

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
