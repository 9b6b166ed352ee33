using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Humas.Ppid;
using Humas.Ppid.Deadlines;
using Humas.ServiceDefaults.Texts;
using Humas.UnitTests.Architecture;

namespace Humas.UnitTests.Toolkit;

/// <summary>Every user-facing text exists in Indonesian and English, and every code the code uses has its text.</summary>
public partial class TextsTests
{
    public static TheoryData<string> Assemblies => new() { "Humas.ServiceDefaults", "Humas.Ppid", "Humas.Calendar", "Humas.MediaRelations", "Humas.Clarifications", "Humas.Portal", "Humas.Identity" };

    private static Dictionary<string, string> Read(string assemblyName, CultureInfo culture)
    {
        var assembly = Assembly.Load(assemblyName);
        var manager = new ResourceManager($"{assemblyName}.Resources.Texts", assembly);
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{assemblyName} has no texts for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_text_has_both_languages_with_the_same_placeholders(string assemblyName)
    {
        var indonesian = Read(assemblyName, CultureInfo.InvariantCulture);
        var english = Read(assemblyName, TextCatalog.English);
        Assert.NotEmpty(indonesian);
        Assert.Equal(indonesian.Keys.Order(), english.Keys.Order());
        foreach (var (key, text) in indonesian)
            Assert.True(Placeholders(text).SetEquals(Placeholders(english[key])), $"'{key}' has other placeholders in English: '{text}' / '{english[key]}'");
    }

    [Fact]
    public void Every_code_in_the_services_has_a_text()
    {
        var catalog = new TextCatalog([new TextSource(typeof(PpidTexts).Assembly), new TextSource(typeof(Humas.Calendar.CalendarSetup).Assembly), new TextSource(typeof(Humas.MediaRelations.MediaTexts).Assembly),
            new TextSource(typeof(Humas.Clarifications.Verdicts.VerdictLabels).Assembly), new TextSource(typeof(Humas.Identity.IdentitySetup).Assembly)]);
        var missing = Directory.EnumerateFiles(Path.Combine(Repository.Root, "services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Code: m.Groups[1].Value)))
            .Where(c => !catalog.Has(c.Code) && !TraceAttributes.Contains(c.Code))
            .ToList();
        Assert.True(missing.Count == 0, "Codes without a text: " + string.Join(", ", missing.Select(m => $"{m.Code} ({m.File})")));
    }

    /// <summary>OpenTelemetry's attribute names that share a code family's first word: not codes.</summary>
    private static readonly HashSet<string> TraceAttributes = ["server.address", "server.port"];

    /// <summary>The portal's pages name their texts as <c>T["portal…"]</c>; the ones built from a value (a status, a category) are listed here.</summary>
    [Fact]
    public void Every_text_the_portal_pages_name_exists()
    {
        var catalog = new TextCatalog([new TextSource(typeof(Humas.Portal.PortalSetup).Assembly)]);
        var pages = Directory.EnumerateFiles(Path.Combine(Repository.Root, "services", "Portal"), "*.cshtml", SearchOption.AllDirectories).ToList();
        var named = pages.SelectMany(f => PortalText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        string[] built =
        [
            .. new[] { "registered", "awaiting-clarification", "answered", "referred", "withdrawn" }.Select(s => $"portal.status.{s}"),
            .. Humas.Portal.Pages.Ppid.RequestModel.ObtainMethods.Select(m => $"portal.request.obtain.{m}"),
            .. Humas.Portal.Pages.Ppid.RequestModel.DeliveryMethods.Select(m => $"portal.request.delivery.{m}"),
            .. Humas.Portal.Pages.Ppid.InformationListModel.Categories.Select(c => $"portal.dip.{c}"),
            .. new[] { "hoaks", "disinformasi", "misinformasi", "belum-terbukti", "benar" }
                .SelectMany(l => new[] { $"portal.clarification.label.{l}", $"portal.clarification.conclusion.{l}" }),
            .. new[] { "confirmed", "suggested" }.Select(t => $"portal.check.tier.{t}"),
            .. new[] { "in-review", "answered", "retracted" }.Select(s => $"portal.follow-report.status.{s}"),
            .. Humas.Portal.Pages.Clarifications.ReportModel.Places.Select(p => $"portal.report.seen-on.{p}"),
            .. Humas.Portal.Pages.Ppid.FollowModel.ObjectionGrounds.Select(g => $"portal.follow.objection.ground.{g}"),
            .. new[] { "clarify", "withdraw", "object" }.Select(f => $"portal.follow.done.{f}"),
            .. Humas.Portal.Pages.Ppid.AnnualReportModel.Figures.Select(f => $"portal.annual.{f}"),
        ];
        Assert.True(named.Count > 80, $"only {named.Count} texts named in {pages.Count} pages");
        var missing = named.Concat(built).Where(key => !catalog.Has(key)).ToList();
        Assert.True(missing.Count == 0, "Portal texts without a text: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_text_is_chosen_by_the_language_asked_for_with_Indonesian_as_the_default()
    {
        var catalog = new TextCatalog([new TextSource(typeof(PpidTexts).Assembly)]);
        Assert.Equal("Perpanjangan hanya boleh satu kali.", catalog.Get("request.extension.already-extended", TextCatalog.Indonesian));
        Assert.Equal("The deadline can be extended only once.", catalog.Get("request.extension.already-extended", CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("Perpanjangan hanya boleh satu kali.", catalog.Get("request.extension.already-extended", CultureInfo.GetCultureInfo("fr")));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(10, "10th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(111, "111th")]
    public void English_ordinals_read_as_a_reader_expects(int n, string expected) =>
        Assert.Equal(expected, DeadlineView.Ordinal(n, TextCatalog.English));

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"T\[""(portal\.[a-z0-9.-]+)""")]
    private static partial Regex PortalText();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    /// <summary>A string literal shaped like a text code: one of the code families, a dot, then lower-case words.</summary>
    [GeneratedRegex(@"""((?:field|clarification|request|election|publication|view|sweep|feed|series|berkala|entry|objection|non-working-day|gateway|report|auth|resource|idempotency|deadline|problem|store|server|service|release|journalist|subscription|account|mail)\.[a-z0-9.-]+)""")]
    private static partial Regex Code();
}
