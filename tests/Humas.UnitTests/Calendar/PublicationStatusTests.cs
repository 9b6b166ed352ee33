using Humas.Calendar.Publications;
using Humas.Calendar.Publications.ChangingStatus;
using Humas.Calendar.Publications.MarkingMissed;
using static Humas.UnitTests.Calendar.Publications;

namespace Humas.UnitTests.Calendar;

/// <summary>Every status change of a planned item, and every refusal.</summary>
public class PublicationStatusTests
{
    private static readonly DateTimeOffset Now = At(2026, 3, 2).Now;

    private static IReadOnlyList<object> Change(Publication p, PublicationStatus to, PublicationContext? context = null) =>
        ChangePublicationStatus.Decide(p, new ChangePublicationStatus.Body(to, "alasan", null), context ?? At(2026, 3, 2));

    [Fact]
    public void A_planned_item_goes_in_progress() =>
        Assert.IsType<PublicationStarted>(Assert.Single(Change(Given(), PublicationStatus.InProgress)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_planned_or_started_item_is_published_on_its_day_on_time(bool started)
    {
        var p = started ? Given(new PublicationStarted(Now)) : Given();
        var published = Assert.IsType<PublicationPublished>(Assert.Single(Change(p, PublicationStatus.Published, At(2026, 3, 2, 23))));
        Assert.False(published.Late);
        Assert.Equal("calendar", published.Source);
        Assert.Equal(PublicationStatus.Published, Publication.Evolve(p, published).Status);
    }

    [Fact]
    public void Published_the_day_after_in_the_units_zone_is_late_even_when_still_the_same_day_in_WIB()
    {
        // 00:30 WIT on 3 March is 22:30 WIB on 2 March: the unit's own zone decides.
        var context = new PublicationContext(new DateTimeOffset(2026, 3, 3, 0, 30, 0, TimeSpan.FromHours(9)), Wit, "officer-1");
        Assert.True(Assert.IsType<PublicationPublished>(Assert.Single(Change(Given(), PublicationStatus.Published, context))).Late);
    }

    [Fact]
    public void A_missed_item_can_still_be_published_late_or_cancelled()
    {
        var missed = Given(new PublicationMissed(Now, true));
        Assert.True(Assert.IsType<PublicationPublished>(Assert.Single(Change(missed, PublicationStatus.Published, At(2026, 3, 5)))).Late);
        Assert.IsType<PublicationCancelled>(Assert.Single(Change(missed, PublicationStatus.Cancelled)));
    }

    [Fact]
    public void An_unscheduled_item_is_never_late() =>
        Assert.False(Assert.IsType<PublicationPublished>(Assert.Single(Change(Unscheduled(), PublicationStatus.Published, At(2027, 1, 1)))).Late);

    [Theory]
    [InlineData(PublicationStatus.Missed)]
    [InlineData(PublicationStatus.Cancelled)]
    public void An_open_item_can_be_marked_missed_or_cancelled(PublicationStatus to) =>
        Assert.Single(Change(Given(new PublicationStarted(Now)), to));

    [Fact]
    public void Published_and_cancelled_are_final()
    {
        var published = Given(new PublicationPublished(Now, null, false, "calendar"));
        var cancelled = Given(new PublicationCancelled(Now, null, false));
        foreach (var to in new[] { PublicationStatus.InProgress, PublicationStatus.Missed, PublicationStatus.Cancelled })
            Assert.Equal("publication.status.final", Refusals.Conflict(() => Change(published, to)).Code);
        foreach (var to in new[] { PublicationStatus.InProgress, PublicationStatus.Missed, PublicationStatus.Published })
            Assert.Equal("publication.status.final", Refusals.Conflict(() => Change(cancelled, to)).Code);
    }

    [Fact]
    public void The_same_status_again_is_refused() =>
        Assert.Equal("publication.status.already", Refusals.Conflict(() => Change(Given(new PublicationStarted(Now)), PublicationStatus.InProgress)).Code);

    [Fact]
    public void A_missed_item_does_not_go_back_in_progress_or_missed_again()
    {
        var missed = Given(new PublicationMissed(Now, true));
        Assert.Equal("publication.status.not-allowed", Refusals.Conflict(() => Change(missed, PublicationStatus.InProgress)).Code);
        Assert.Equal("publication.status.already", Refusals.Conflict(() => Change(missed, PublicationStatus.Missed)).Code);
    }

    [Fact]
    public void Planned_is_not_a_status_to_set_and_a_missing_status_is_named()
    {
        Assert.Equal("status", Refusals.Invalid(() => Change(Given(), PublicationStatus.Planned)).Field);
        Assert.Equal("status", Refusals.Invalid(() => ChangePublicationStatus.Decide(Given(), new(null, null, null), At(2026, 3, 2))).Field);
        Assert.Equal("url", ChangePublicationStatus.Validate(new(PublicationStatus.Published, null, "ftp://x")).Keys.Single());
    }

    [Fact]
    public void The_service_marks_an_item_missed_once_its_planned_day_has_ended_in_the_units_zone()
    {
        var p = Given();
        Assert.Empty(MarkMissed.Decide(p, new DateTimeOffset(2026, 3, 2, 23, 59, 0, TimeSpan.FromHours(9)), Wit));
        var missed = Assert.IsType<PublicationMissed>(Assert.Single(MarkMissed.Decide(p, new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(9)), Wit)));
        Assert.True(missed.BySystem);
        Assert.Empty(MarkMissed.Decide(Publication.Evolve(p, missed), Now.AddDays(2), Wit));
        Assert.Empty(MarkMissed.Decide(Given(new PublicationPublished(Now, null, false, "calendar")), Now.AddDays(2), Wit));
        Assert.Empty(MarkMissed.Decide(Unscheduled(), Now.AddDays(2), Wit));
    }
}
