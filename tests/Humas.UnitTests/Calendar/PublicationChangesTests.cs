using Humas.Calendar.Publications;
using Humas.Calendar.Publications.Editing;
using Humas.Calendar.Publications.Rescheduling;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;
using static Humas.UnitTests.Calendar.Publications;

namespace Humas.UnitTests.Calendar;

/// <summary>Rescheduling keeps the history; editing in place changes only what differs; the planned time reads in the unit's zone.</summary>
public class PublicationChangesTests
{
    private static readonly DateTimeOffset Now = At(2026, 3, 1).Now;

    [Fact]
    public void Rescheduling_records_where_it_came_from_and_a_missed_item_is_planned_again()
    {
        var to = PlannedAt.AddDays(3);
        var moved = Assert.IsType<PublicationRescheduled>(Assert.Single(ReschedulePublication.Decide(Given(), to, "Menunggu pleno", At(2026, 3, 1))));
        Assert.Equal((PlannedAt, to, false), (moved.From, moved.To, moved.WasMissed));

        var missed = Given(new PublicationMissed(Now, true));
        var again = Assert.IsType<PublicationRescheduled>(Assert.Single(ReschedulePublication.Decide(missed, to, null, At(2026, 3, 3))));
        Assert.True(again.WasMissed);
        Assert.Equal(PublicationStatus.Planned, Publication.Evolve(missed, again).Status);
    }

    [Fact]
    public void Into_the_unscheduled_pool_and_out_again()
    {
        var pooled = Assert.IsType<PublicationRescheduled>(Assert.Single(ReschedulePublication.Decide(Given(), null, null, At(2026, 3, 1))));
        var p = Publication.Evolve(Given(), pooled);
        Assert.Null(p.PlannedAt);
        Assert.Single(ReschedulePublication.Decide(p, PlannedAt, null, At(2026, 3, 1)));
    }

    [Fact]
    public void The_same_time_again_changes_nothing_and_the_past_or_a_final_item_is_refused()
    {
        Assert.Empty(ReschedulePublication.Decide(Given(), PlannedAt, null, At(2026, 3, 1)));
        Assert.Equal("plannedAt", Refusals.Invalid(() => ReschedulePublication.Decide(Given(), PlannedAt.AddDays(-5), null, At(2026, 3, 1))).Field);
        Assert.Equal("publication.reschedule.final",
            Refusals.Conflict(() => ReschedulePublication.Decide(Given(new PublicationPublished(Now, null, false, "calendar")), PlannedAt, null, At(2026, 3, 1))).Code);
        Assert.Equal("publication.reschedule.final",
            Refusals.Conflict(() => ReschedulePublication.Decide(Given(new PublicationCancelled(Now, null, false)), PlannedAt, null, At(2026, 3, 1))).Code);
    }

    [Fact]
    public void Editing_changes_only_what_differs_and_a_cancelled_item_is_not_edited()
    {
        var same = new ContentBody("Siaran pers hasil pleno", ContentKind.PressRelease, [Channel.Instagram, Channel.Website], "officer-1", null, null, Visibility.Public, null);
        Assert.Empty(EditPublication.Decide(Given(), same, At(2026, 3, 1)));
        var edited = Assert.IsType<PublicationEdited>(Assert.Single(EditPublication.Decide(Given(), same with { Title = "Siaran pers rekapitulasi", Channels = [Channel.X] }, At(2026, 3, 1))));
        Assert.Equal(("Siaran pers rekapitulasi", Channel.X), (edited.Content.Title, edited.Content.Channels.Single()));
        Assert.Equal("publication.cancelled", Refusals.Conflict(() => EditPublication.Decide(Given(new PublicationCancelled(Now, null, false)), same, At(2026, 3, 1))).Code);
    }

    [Fact]
    public void Content_is_validated_field_by_field()
    {
        var errors = new ContentBody("", null, [], new string('x', 201), new StageRef("", "voting"), null, null, null).ValidateContent();
        Assert.Equal(["title", "owner", "kind", "channels", "stage.electionId"], errors.Keys);
    }

    [Theory]
    [InlineData("2026-03-02T10:00", "WIT", "2026-03-02T01:00:00Z")]
    [InlineData("2026-03-02T10:00", "WIB", "2026-03-02T03:00:00Z")]
    [InlineData("2026-03-02T10:00", "WITA", "2026-03-02T02:00:00Z")]
    [InlineData("2026-03-02T10:00:00+07:00", "WIT", "2026-03-02T03:00:00Z")]
    [InlineData("2026-03-02T03:00:00Z", "WITA", "2026-03-02T03:00:00Z")]
    public void A_planned_time_is_the_units_local_time_unless_it_carries_an_offset(string text, string zone, string utc)
    {
        var errors = new Validation();
        var at = PlannedTime.Parse(text, IndonesianTimeZone.FromAbbreviation(zone), 2026, errors);
        Assert.True(errors.IsValid);
        Assert.Equal(DateTimeOffset.Parse(utc), at);
        Assert.Equal(IndonesianTimeZone.FromAbbreviation(zone).UtcOffset, at!.Value.Offset);
    }

    [Theory]
    [InlineData("besok pagi")]
    [InlineData("2026-02-30T10:00")]
    [InlineData("1999-12-31T10:00")]
    [InlineData("2040-01-01T10:00")]
    public void A_planned_time_that_is_no_time_or_out_of_range_is_named(string text)
    {
        var errors = new Validation();
        Assert.Null(PlannedTime.Parse(text, IndonesianTimeZone.Wib, 2026, errors));
        Assert.Equal("plannedAt", errors.Keys.Single());
    }
}
