using System.Text.RegularExpressions;
using Humas.Portal.Pages.Console.Ppid;
using Humas.Portal.SignIn;
using Humas.ServiceDefaults.Texts;
using Humas.UnitTests.Architecture;

namespace Humas.UnitTests.Portal;

public sealed partial class ConsoleInboxTests
{
    /// <summary>The console's pages name their texts as <c>T["console…"]</c>; those built from a value (a status, an outcome, a step) are listed here.</summary>
    [Fact]
    public void Every_text_the_console_pages_name_exists_in_both_languages()
    {
        var catalog = new TextCatalog([new TextSource(typeof(Humas.Portal.PortalSetup).Assembly)]);
        var pages = Directory.EnumerateFiles(Path.Combine(Repository.Root, "services", "Portal", "Humas.Portal", "Pages", "Console"), "*.cshtml", SearchOption.AllDirectories).ToList();
        var named = pages.SelectMany(f => ConsoleText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        string[] steps = ["request-registered", "request-routed", "request-referred", "clarification-requested", "clarification-received", "deadline-extended",
            "request-answered", "request-became-overdue", "request-withdrawn", "due-date-recomputed", "requester-data-erased"];
        string[] built =
        [
            .. IndexModel.Statuses.Select(s => $"console.ppid.status.{s}"),
            .. IndexModel.Channels.Select(c => $"console.ppid.channel.{c}"),
            .. RequestModel.Outcomes.Select(o => $"console.outcome.{o}"),
            .. ConsoleSignIn.OfficerRoles.Select(r => $"console.role.{r}"),
            .. steps.Select(s => $"console.history.{s}"),
            "console.ppid.overdue", "console.ppid.due-soon", "console.request.done.extended", "console.request.done.answered",
        ];
        Assert.True(named.Count > 50, $"only {named.Count} texts named in {pages.Count} pages");
        var missing = named.Concat(built).Where(key => !catalog.Has(key)).ToList();
        Assert.True(missing.Count == 0, "Console texts without a text: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"T\[""(console\.[a-z0-9.-]+)""")]
    private static partial Regex ConsoleText();

    [Fact]
    public void Three_working_days_from_a_Thursday_skip_the_weekend_and_a_holiday()
    {
        var thursday = new DateOnly(2026, 12, 17);
        var nonWorking = new HashSet<DateOnly> { new(2026, 12, 19), new(2026, 12, 20), new(2026, 12, 21) }; // Saturday, Sunday, a holiday on Monday
        Assert.Equal(new DateOnly(2026, 12, 23), IndexModel.NthWorkingDay(thursday, 3, nonWorking)); // Friday, Tuesday, Wednesday
    }

    [Fact]
    public void Without_days_off_the_third_working_day_is_three_days_later()
    {
        var monday = new DateOnly(2026, 11, 23);
        Assert.Equal(new DateOnly(2026, 11, 26), IndexModel.NthWorkingDay(monday, 3, new HashSet<DateOnly>()));
    }
}
