using Humas.Ppid.Requests;
using Humas.ReferenceData;

namespace Humas.UnitTests.Ppid.Requests;

public sealed class RecomputeDueDatesTests
{
    private static readonly NonWorkingDay LateHoliday = new(new DateOnly(2026, 1, 7), NonWorkingDayKind.NationalHoliday, "Libur tambahan", "Added holiday", "Keppres (test)");

    [Fact]
    public void Given_a_holiday_added_inside_the_answer_period_then_the_open_request_is_due_a_working_day_later()
    {
        var changed = Given.Calendar.WithNonWorkingDay(LateHoliday);

        var recomputed = Assert.IsType<DueDateRecomputed>(RecomputeDueDates.Decide(Given.Request(), changed, WorkingDayRules.Default, IndonesianTimeZone.Wib, "added", Given.Received).Single());

        Assert.Equal(new DateOnly(2026, 1, 8), recomputed.PreviousDueDate);
        Assert.Equal(new DateOnly(2026, 1, 9), recomputed.DueDate);
    }

    [Fact]
    public void Given_an_extended_request_then_the_extension_is_counted_again_from_the_recomputed_date()
    {
        var extended = Given.Request(new DeadlineExtended(7, "arsip", new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 20), "o", Given.Received));
        var changed = Given.Calendar.WithNonWorkingDay(LateHoliday);

        var recomputed = Assert.IsType<DueDateRecomputed>(RecomputeDueDates.Decide(extended, changed, WorkingDayRules.Default, IndonesianTimeZone.Wib, "added", Given.Received).Single());

        // Answer due 9 Jan; 7 working days after: 12, 13, 14, 15, 19, 20, 21 (16 Jan is Isra Mikraj).
        Assert.Equal(new DateOnly(2026, 1, 21), recomputed.DueDate);
    }

    [Fact]
    public void Given_a_holiday_removed_then_the_due_date_comes_back_earlier()
    {
        var withoutChristmasLeave = Given.Calendar.WithoutNonWorkingDay(new DateOnly(2025, 12, 26));

        var recomputed = Assert.IsType<DueDateRecomputed>(RecomputeDueDates.Decide(Given.Request(), withoutChristmasLeave, WorkingDayRules.Default, IndonesianTimeZone.Wib, "removed", Given.Received).Single());

        Assert.Equal(new DateOnly(2026, 1, 7), recomputed.DueDate);
    }

    [Fact]
    public void Given_a_change_outside_the_period_or_a_closed_request_then_nothing_is_recorded()
    {
        var farAway = Given.Calendar.WithNonWorkingDay(LateHoliday with { Date = new DateOnly(2026, 6, 3) });

        Assert.Empty(RecomputeDueDates.Decide(Given.Request(), farAway, WorkingDayRules.Default, IndonesianTimeZone.Wib, "x", Given.Received));
        Assert.Empty(RecomputeDueDates.Decide(Given.Request(Given.Answered(Humas.Ppid.Requests.AnswerOutcome.Granted)), Given.Calendar.WithNonWorkingDay(LateHoliday),
            WorkingDayRules.Default, IndonesianTimeZone.Wib, "x", Given.Received));
    }
}
