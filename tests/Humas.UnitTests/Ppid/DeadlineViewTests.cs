using Humas.Ppid.Deadlines;
using Humas.ReferenceData;

namespace Humas.UnitTests.Ppid;

public sealed class DeadlineViewTests
{
    [Fact]
    public void The_explanation_names_each_skipped_holiday_in_both_languages()
    {
        var calculation = WorkingDayCalendar.LoadDefault().ComputeDeadline(
            new DateTimeOffset(2025, 12, 22, 10, 0, 0, TimeSpan.FromHours(7)), IndonesianTimeZone.Wib, LegalPeriods.Answer, WorkingDayRules.Default);

        var view = DeadlineView.From(calculation, IndonesianTimeZone.Wib);

        Assert.Equal(new DateOnly(2026, 1, 8), view.DueDate);
        Assert.Contains("Kamis, 8 Januari 2026", view.Explanation.Id);
        Assert.Contains("Thursday 8 January 2026", view.Explanation.En);
        Assert.Contains("cuti bersama", view.Explanation.Id);
        Assert.Contains("25 Desember 2025", view.Explanation.Id);
        Assert.Contains("1 January 2026", view.Explanation.En);
        Assert.False(view.Provisional);
    }

    [Fact]
    public void A_receipt_after_office_hours_says_why_day_zero_moved()
    {
        var calculation = WorkingDayCalendar.LoadDefault().ComputeDeadline(
            new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.FromHours(8)), IndonesianTimeZone.Wita, LegalPeriods.Answer, WorkingDayRules.Default);

        var view = DeadlineView.From(calculation, IndonesianTimeZone.Wita);

        Assert.Equal(new DateOnly(2026, 3, 3), view.DayZero);
        Assert.Contains("di luar jam layanan", view.Explanation.Id);
        Assert.Contains("outside office hours", view.Explanation.En);
    }

    [Fact]
    public void A_deadline_running_into_an_unloaded_year_is_marked_provisional()
    {
        var calculation = WorkingDayCalendar.LoadDefault().ComputeDeadline(
            new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(7)), IndonesianTimeZone.Wib, LegalPeriods.Answer, WorkingDayRules.Default);

        var view = DeadlineView.From(calculation, IndonesianTimeZone.Wib);

        Assert.True(view.Provisional);
        Assert.Contains("2027", view.Explanation.En);
    }
}
