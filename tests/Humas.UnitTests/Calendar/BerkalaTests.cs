using Microsoft.Extensions.Configuration;
using Humas.Calendar;
using Humas.Calendar.Berkala;
using Humas.Calendar.Berkala.CheckingObligations;
using Humas.Calendar.Berkala.Consuming;
using Humas.Calendar.Publications;
using Humas.Calendar.Publications.Completing;
using Humas.ReferenceData;

namespace Humas.UnitTests.Calendar;

/// <summary>Berkala obligations from Ppid's publications, due and overdue once each; planned items completed by the publication.</summary>
public class BerkalaTests
{
    private static readonly Guid Entry = Guid.NewGuid();
    private static readonly IndonesianTimeZone Wita = IndonesianTimeZone.Wita;
    private static readonly DateTimeOffset Jan15 = new(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(8));

    private static TrackObligation.Published Published(DateTimeOffset at) => new(Entry, "kpu-73.71", "Laporan keuangan", "berkala", at);

    private static BerkalaObligation Fold(params object[] events) => events.Aggregate(BerkalaObligation.Initial, BerkalaObligation.Evolve);

    [Fact]
    public void A_first_publication_starts_an_obligation_due_six_months_after_its_local_date()
    {
        // 23:30 UTC on 14 January is already 15 January in WITA.
        var started = Assert.IsType<BerkalaObligationStarted>(Assert.Single(TrackObligation.Decide(null, Published(new(2026, 1, 14, 23, 30, 0, TimeSpan.Zero)), 6, Wita)));
        Assert.Equal(new DateOnly(2026, 7, 15), started.DueDate);
    }

    [Fact]
    public void The_same_publication_again_or_an_older_one_changes_nothing_and_a_newer_one_renews()
    {
        var state = Fold(TrackObligation.Decide(null, Published(Jan15), 6, Wita).ToArray());
        Assert.Empty(TrackObligation.Decide(state, Published(Jan15), 6, Wita));
        Assert.Empty(TrackObligation.Decide(state, Published(Jan15.AddDays(-10)), 6, Wita));
        var renewed = Assert.IsType<BerkalaObligationRenewed>(Assert.Single(TrackObligation.Decide(state, Published(Jan15.AddMonths(5)), 6, Wita)));
        Assert.Equal((new DateOnly(2026, 7, 15), new DateOnly(2026, 12, 15), false), (renewed.PreviousDueDate, renewed.DueDate, renewed.MetLate));
        Assert.True(Assert.IsType<BerkalaObligationRenewed>(Assert.Single(TrackObligation.Decide(state, Published(Jan15.AddMonths(7)), 6, Wita))).MetLate);
    }

    [Fact]
    public void Month_ends_roll_back_to_the_last_day_of_the_shorter_month() =>
        Assert.Equal(new DateOnly(2026, 2, 28),
            Assert.IsType<BerkalaObligationStarted>(TrackObligation.Decide(null, Published(new(2025, 8, 31, 10, 0, 0, TimeSpan.FromHours(8))), 6, Wita)[0]).DueDate);

    [Fact]
    public void An_obligation_comes_due_within_the_notice_period_and_becomes_overdue_after_its_day_each_once()
    {
        var state = Fold(new BerkalaObligationStarted(Entry, "kpu-73.71", "Laporan", "berkala", Jan15, new DateOnly(2026, 7, 15)));
        Assert.Empty(CheckObligations.Decide(state, new(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(8)), Wita, 14));
        var due = Assert.IsType<BerkalaObligationCameDue>(Assert.Single(CheckObligations.Decide(state, new(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)), Wita, 14)));
        state = BerkalaObligation.Evolve(state, due);
        Assert.Empty(CheckObligations.Decide(state, new(2026, 7, 15, 23, 59, 0, TimeSpan.FromHours(8)), Wita, 14));
        var overdue = Assert.IsType<BerkalaObligationBecameOverdue>(Assert.Single(CheckObligations.Decide(state, new(2026, 7, 16, 0, 0, 0, TimeSpan.FromHours(8)), Wita, 14)));
        Assert.Equal(new DateOnly(2026, 7, 15), overdue.DueDate);
        Assert.Empty(CheckObligations.Decide(BerkalaObligation.Evolve(state, overdue), new(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(8)), Wita, 14));
    }

    [Fact]
    public void The_period_is_configurable_per_category()
    {
        var rules = BerkalaRules.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Humas:Calendar:Berkala:PeriodMonths:berkala"] = "3", ["Humas:Calendar:Berkala:PeriodMonths:setiap-saat"] = "12",
        }).Build());
        Assert.Equal((3, 12, (int?)null), (rules.PeriodOf("berkala")!.Value, rules.PeriodOf("setiap-saat")!.Value, rules.PeriodOf("serta-merta")));
        Assert.Equal(6, BerkalaRules.Default.PeriodOf("berkala"));
    }

    private static readonly CompleteFromPublication.Published FromPpid =
        new("ppid-information", $"ppid-information:{Entry}", "kpu-91.71", "Laporan keuangan", ContentKind.DipInformation, new(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(9)), "https://x.go.id/a.pdf");

    [Fact]
    public void A_publication_event_completes_the_planned_item_late_after_its_day_and_a_repeat_changes_nothing()
    {
        var p = Publications.Given();
        var published = Assert.IsType<PublicationPublished>(Assert.Single(CompleteFromPublication.Decide(p, FromPpid, IndonesianTimeZone.Wit)));
        Assert.Equal((true, "ppid-information", "https://x.go.id/a.pdf"), (published.Late, published.Source, published.Url));
        Assert.Empty(CompleteFromPublication.Decide(Publication.Evolve(p, published), FromPpid, IndonesianTimeZone.Wit));
        Assert.Empty(CompleteFromPublication.Decide(Publications.Given(new PublicationCancelled(FromPpid.PublishedAt, null, false)), FromPpid, IndonesianTimeZone.Wit));
    }

    [Fact]
    public void An_unplanned_publication_has_the_same_stream_for_the_same_message()
    {
        Assert.Equal(CompleteFromPublication.Unplanned(FromPpid).PublicationId, CompleteFromPublication.Unplanned(FromPpid).PublicationId);
        Assert.NotEqual(CompleteFromPublication.Unplanned(FromPpid).PublicationId, CompleteFromPublication.Unplanned(FromPpid with { PublishedAt = FromPpid.PublishedAt.AddDays(1) }).PublicationId);
        Assert.Equal(DeterministicId.From("a"), DeterministicId.From("a"));
    }
}
