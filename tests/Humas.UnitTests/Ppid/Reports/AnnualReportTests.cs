using Humas.Ppid.Objections;
using Humas.Ppid.Reports;
using Humas.Ppid.Requests;

namespace Humas.UnitTests.Ppid.Reports;

public sealed class AnnualReportTests
{
    [Fact]
    public void Given_a_seeded_year_then_every_figure_matches_a_count_made_independently()
    {
        var now = Given.Received;
        var extended = new DeadlineExtended(4, "arsip", new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 14), "o", now);
        var overdue = new RequestBecameOverdue(new DateOnly(2026, 1, 8), now);
        var streams = new List<IReadOnlyList<object>>();
        void Seed(int count, params object[] later)
        {
            for (var i = 0; i < count; i++) streams.Add([Given.Registered(), .. later]);
        }
        Seed(5, Given.Answered(AnswerOutcome.Granted, days: 4));
        Seed(2, extended, Given.Answered(AnswerOutcome.Granted, days: 14));
        Seed(3, Given.Answered(AnswerOutcome.GrantedInPart, days: 9));
        Seed(2, Given.Answered(AnswerOutcome.Refused, days: 10, exemption: Exemption.H));
        Seed(1, overdue, Given.Answered(AnswerOutcome.Refused, days: 12, late: true, exemption: Exemption.C));
        Seed(1, Given.Answered(AnswerOutcome.NotHeld, days: 2));
        Seed(1, Given.Answered(AnswerOutcome.NotYetDocumented, days: 6));
        Seed(1, new RequestReferred("BPS", "bukan data KPU", "o", now));
        Seed(1, new RequestWithdrawn(null, now));
        Seed(2, overdue);
        Seed(1);

        ObjectionFiled Filed() => new(Guid.NewGuid(), "N", Guid.NewGuid(), "R", "kpu-33.21", [ObjectionGround.RefusedUnderExemption], "x",
            new DateOnly(2026, 1, 8), now, new DateOnly(2026, 1, 9), new DateOnly(2026, 2, 20));
        ObjectionDecided Decided(ObjectionDecision d, bool late) => new(d, "alasan", "s", now, late, new DateOnly(2026, 3, 10));
        var objections = new List<IReadOnlyList<object>>
        {
            new object[] { Filed(), Decided(ObjectionDecision.Accepted, false) },
            new object[] { Filed(), Decided(ObjectionDecision.Rejected, true), new DisputeFiled(null, true, now, new DateOnly(2026, 3, 30), "p") },
            new object[] { Filed() },
        };

        var report = AnnualReport.Compute("kpu-33.21", 2025, streams, objections);

        // The expected figures are counted from the seeding above, not from the code under test.
        int[] answerDays = [4, 4, 4, 4, 4, 14, 14, 9, 9, 9, 10, 10, 12, 2, 6];
        Assert.Equal(20, report.RequestsReceived);
        Assert.Equal(7, report.AnsweredInFull);
        Assert.Equal(3, report.AnsweredInPart);
        Assert.Equal(3, report.Refused);
        Assert.Equal(new Dictionary<string, int> { ["pasal-17-c"] = 1, ["pasal-17-h"] = 2 }, report.RefusedByExemption);
        Assert.Equal((1, 1, 1, 1), (report.NotHeld, report.NotYetDocumented, report.Referred, report.Withdrawn));
        Assert.Equal(3, report.StillOpen);
        Assert.Equal(Math.Round(answerDays.Average(), 1), report.AverageAnswerWorkingDays);
        Assert.Equal(14, report.LongestAnswerWorkingDays);
        Assert.Equal(2, report.Extensions);
        Assert.Equal(1, report.AnsweredLate);
        Assert.Equal(2, report.OverdueUnanswered);
        Assert.Equal((3, 1, 1, 1, 1, 1), (report.ObjectionsFiled, report.ObjectionsAccepted, report.ObjectionsRejected, report.ObjectionsUndecided,
            report.ObjectionsDecidedLate, report.Disputes));
    }

    [Fact]
    public void Given_a_year_without_answers_then_average_and_longest_are_absent_not_zero()
    {
        var report = AnnualReport.Compute("kpu-33.21", 2025, [[Given.Registered()]], []);

        Assert.Equal(1, report.RequestsReceived);
        Assert.Null(report.AverageAnswerWorkingDays);
        Assert.Null(report.LongestAnswerWorkingDays);
    }
}
