using Humas.ReferenceData;

namespace Humas.UnitTests.ReferenceData;

public class ReceiptTimingTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();
    private static readonly WorkingDayRules Rules = WorkingDayRules.Default;

    private static DateTimeOffset Wib(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Given_a_request_received_at_16_05_on_a_Friday_When_counting_Then_day_zero_is_the_next_Monday()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 11, 14, 16, 5), IndonesianTimeZone.Wib, 1, Rules);

        Assert.Equal(new ReceiptMove(ReceiptMoveReason.AfterOfficeHours, null, null), deadline.ReceiptMove);
        Assert.Equal(new DateOnly(2025, 11, 17), deadline.DayZero);
        Assert.Equal(new DateOnly(2025, 11, 18), deadline.DueDate);
    }

    [Fact]
    public void Given_closing_time_is_16_00_When_a_request_arrives_at_15_59_or_16_00_Then_only_the_later_one_moves()
    {
        var justBefore = Calendar.ComputeDeadline(Wib(2025, 11, 12, 15, 59), IndonesianTimeZone.Wib, 1, Rules);
        var atClosing = Calendar.ComputeDeadline(Wib(2025, 11, 12, 16, 0), IndonesianTimeZone.Wib, 1, Rules);

        Assert.Equal(new DateOnly(2025, 11, 12), justBefore.DayZero);
        Assert.Equal(new DateOnly(2025, 11, 13), atClosing.DayZero);
    }

    [Fact]
    public void Given_a_request_received_at_06_30_on_a_working_day_When_counting_Then_it_counts_from_that_day()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 11, 11, 6, 30), IndonesianTimeZone.Wib, 10, Rules);

        Assert.False(deadline.ReceiptMovedToNextWorkingDay);
        Assert.Equal(new DateOnly(2025, 11, 11), deadline.DayZero);
        Assert.Equal(new DateOnly(2025, 11, 25), deadline.DueDate);
    }

    [Fact]
    public void Given_a_request_received_on_a_Saturday_When_counting_Then_day_zero_moves_to_Monday_because_of_the_weekend()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 11, 15, 10), IndonesianTimeZone.Wib, 10, Rules);

        Assert.Equal(ReceiptMoveReason.Weekend, deadline.ReceiptMove?.Reason);
        Assert.Equal(new DateOnly(2025, 11, 17), deadline.DayZero);
        Assert.Equal(new DateOnly(2025, 12, 1), deadline.DueDate);
    }

    [Fact]
    public void Given_a_request_received_on_Christmas_2025_When_counting_Then_day_zero_moves_past_cuti_bersama_and_the_weekend()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 12, 25, 10), IndonesianTimeZone.Wib, 1, Rules);

        Assert.Equal(new ReceiptMove(ReceiptMoveReason.NationalHoliday, "Hari Raya Natal", "Christmas Day"), deadline.ReceiptMove);
        Assert.Equal(new DateOnly(2025, 12, 29), deadline.DayZero);
        Assert.Equal(new DateOnly(2025, 12, 30), deadline.DueDate);
    }

    [Fact]
    public void Given_08_30_UTC_When_received_by_a_WITA_unit_Then_it_is_16_30_local_and_counts_from_the_next_day()
    {
        var receivedAt = new DateTimeOffset(2025, 11, 12, 8, 30, 0, TimeSpan.Zero);

        var deadline = Calendar.ComputeDeadline(receivedAt, IndonesianTimeZone.Wita, 10, Rules);

        Assert.Equal(new DateTimeOffset(2025, 11, 12, 16, 30, 0, TimeSpan.FromHours(8)), deadline.ReceivedAtLocal);
        Assert.Equal(TimeSpan.FromHours(8), deadline.ReceivedAtLocal?.Offset);
        Assert.Equal(ReceiptMoveReason.AfterOfficeHours, deadline.ReceiptMove?.Reason);
        Assert.Equal(new DateOnly(2025, 11, 13), deadline.DayZero);
    }

    [Fact]
    public void Given_08_30_UTC_When_received_by_a_WIB_unit_Then_it_is_15_30_local_and_counts_from_the_same_day()
    {
        var receivedAt = new DateTimeOffset(2025, 11, 12, 8, 30, 0, TimeSpan.Zero);

        var deadline = Calendar.ComputeDeadline(receivedAt, IndonesianTimeZone.Wib, 10, Rules);

        Assert.Equal(new TimeOnly(15, 30), TimeOnly.FromDateTime(deadline.ReceivedAtLocal!.Value.DateTime));
        Assert.False(deadline.ReceiptMovedToNextWorkingDay);
        Assert.Equal(new DateOnly(2025, 11, 12), deadline.DayZero);
    }

    [Fact]
    public void Given_22_00_UTC_on_a_Sunday_When_received_by_a_WIT_unit_Then_it_is_Monday_morning_local()
    {
        var receivedAt = new DateTimeOffset(2025, 11, 16, 22, 0, 0, TimeSpan.Zero);

        var deadline = Calendar.ComputeDeadline(receivedAt, IndonesianTimeZone.Wit, 1, Rules);

        Assert.False(deadline.ReceiptMovedToNextWorkingDay);
        Assert.Equal(new DateOnly(2025, 11, 17), deadline.DayZero);
    }

    [Fact]
    public void Given_a_due_date_When_asking_when_it_becomes_overdue_Then_it_is_office_close_in_the_units_offset()
    {
        var deadline = Calendar.ComputeDeadline(Wib(2025, 12, 22, 10), IndonesianTimeZone.Wita, 10, Rules);

        var dueAt = deadline.DueAtOfficeClose(IndonesianTimeZone.Wita, Rules);

        Assert.Equal(new DateTimeOffset(2026, 1, 8, 16, 0, 0, TimeSpan.FromHours(8)), dueAt);
        Assert.False(deadline.IsOverdueAt(dueAt, IndonesianTimeZone.Wita, Rules));
        Assert.True(deadline.IsOverdueAt(dueAt.AddMinutes(1), IndonesianTimeZone.Wita, Rules));
    }
}
