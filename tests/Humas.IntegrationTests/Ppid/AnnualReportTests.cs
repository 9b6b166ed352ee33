using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Humas.Ppid;
using Humas.Ppid.Objections;
using Humas.Ppid.Reports;
using Humas.Ppid.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Humas.IntegrationTests.Ppid;

/// <summary>
/// The annual report is counted by PostgreSQL from the register tables that Ppid's inline
/// projections keep: seeded here through the real event store and projections, then read.
/// </summary>
public sealed class AnnualReportTests : IAsyncLifetime
{
    private const string Database = "test_ppid_annual_report";
    private const string Unit = "kpu-33.21";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    // 22 December 2025, 10:00 WIB; moments in events are UTC, as the service records them.
    private static readonly DateTimeOffset Received = new(2025, 12, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Year2025 = new(2025, 1, 1, 0, 0, 0, Wib);
    private IHost host = null!;
    private int sequence;

    public async Task InitializeAsync()
    {
        await TestInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await TestInfrastructure.FreshVirtualHostAsync("test-ppid-annual-report");
        host = await EventingHost.StartAsync(Database, rabbitMq, PpidSetup.Eventing);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Given_a_seeded_year_then_every_figure_matches_a_count_made_independently()
    {
        var extended = new DeadlineExtended(4, "arsip", new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 14), "o", Received);
        var overdue = new RequestBecameOverdue(new DateOnly(2026, 1, 8), Received);
        async Task Seed(int count, params object[] later)
        {
            for (var i = 0; i < count; i++) await SeedRequestAsync(Unit, Received, later);
        }
        await Seed(5, Answered(AnswerOutcome.Granted, days: 4));
        await Seed(2, extended, Answered(AnswerOutcome.Granted, days: 14));
        await Seed(3, Answered(AnswerOutcome.GrantedInPart, days: 9));
        await Seed(2, Answered(AnswerOutcome.Refused, days: 10, exemption: Exemption.H));
        await Seed(1, overdue, Answered(AnswerOutcome.Refused, days: 12, late: true, exemption: Exemption.C));
        await Seed(1, Answered(AnswerOutcome.NotHeld, days: 2));
        await Seed(1, Answered(AnswerOutcome.NotYetDocumented, days: 6));
        await Seed(1, new RequestReferred("BPS", "bukan data KPU", "o", Received));
        await Seed(1, new RequestWithdrawn(null, Received));
        await Seed(2, overdue);
        await Seed(1);
        await SeedObjectionAsync(Unit, Received, Decided(ObjectionDecision.Accepted, late: false));
        await SeedObjectionAsync(Unit, Received, Decided(ObjectionDecision.Rejected, late: true), new DisputeFiled(null, true, Received, new DateOnly(2026, 3, 30), "p"));
        await SeedObjectionAsync(Unit, Received);
        // Neither another year nor another unit counts.
        await SeedRequestAsync(Unit, Year2025.AddYears(1).ToUniversalTime(), Answered(AnswerOutcome.Granted, days: 30, late: true));
        await SeedRequestAsync(Unit, Year2025.AddSeconds(-1).ToUniversalTime(), Answered(AnswerOutcome.Refused, days: 30, exemption: Exemption.A));
        await SeedRequestAsync("kpu-33.22", Received, Answered(AnswerOutcome.Granted, days: 30));
        await SeedObjectionAsync(Unit, Year2025.AddYears(1).ToUniversalTime(), Decided(ObjectionDecision.Accepted, late: true));

        var report = await AnnualReport.ReadAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), Unit, 2025, Year2025, Year2025.AddYears(1), default);

        // The expected figures are counted from the seeding above, not from the code under test.
        int[] answerDays = [4, 4, 4, 4, 4, 14, 14, 9, 9, 9, 10, 10, 12, 2, 6];
        Assert.Equal((Unit, 2025), (report.UnitId, report.Year));
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
    public async Task Given_a_year_without_answers_then_average_and_longest_are_absent_not_zero()
    {
        await SeedRequestAsync("kpu-34.01", Received);

        var report = await AnnualReport.ReadAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), "kpu-34.01", 2025, Year2025, Year2025.AddYears(1), default);

        Assert.Equal(1, report.RequestsReceived);
        Assert.Null(report.AverageAnswerWorkingDays);
        Assert.Null(report.LongestAnswerWorkingDays);
        Assert.Empty(report.RefusedByExemption);
        Assert.Equal(0, report.ObjectionsFiled);
    }

    private async Task SeedRequestAsync(string unit, DateTimeOffset receivedAt, params object[] later)
    {
        var id = Guid.NewGuid();
        var registered = new RequestRegistered(id, $"{unit.ToUpperInvariant()}-{receivedAt.Year}-{Interlocked.Increment(ref sequence):D5}", unit,
            RegistrationChannel.Online, null, receivedAt.ToUniversalTime(), DateOnly.FromDateTime(receivedAt.DateTime), DateOnly.FromDateTime(receivedAt.DateTime.AddDays(14)),
            false, RequesterType.Individual, Guid.NewGuid(), "v1:sealed", "Salinan berita acara", "Penelitian", [ObtainMethod.Copy], DeliveryMethod.Email, "hash");
        await host.Store().AppendAsync(InformationRequest.StreamId(id), InformationRequest.StreamType, ExpectedVersion.NoStream, [registered, .. later]);
    }

    private async Task SeedObjectionAsync(string unit, DateTimeOffset filedAt, params object[] later)
    {
        var id = Guid.NewGuid();
        var filed = new ObjectionFiled(id, $"{unit.ToUpperInvariant()}-KEB-{filedAt.Year}-{Interlocked.Increment(ref sequence):D5}", Guid.NewGuid(), "R", unit,
            [ObjectionGround.RefusedUnderExemption], "x", DateOnly.FromDateTime(filedAt.DateTime), filedAt.ToUniversalTime(),
            DateOnly.FromDateTime(filedAt.DateTime), DateOnly.FromDateTime(filedAt.DateTime.AddDays(42)));
        await host.Store().AppendAsync(Objection.StreamId(id), Objection.StreamType, ExpectedVersion.NoStream, [filed, .. later]);
    }

    private static RequestAnswered Answered(AnswerOutcome outcome, int days, bool late = false, Exemption? exemption = null) =>
        new(outcome, "Jawaban", [], exemption, exemption is null ? null : "Uji konsekuensi", DeliveryMethod.Email, "PDF", days, late, "officer-1", Received.AddDays(days));

    private static ObjectionDecided Decided(ObjectionDecision decision, bool late) => new(decision, "alasan", "s", Received, late, new DateOnly(2026, 3, 10));
}
