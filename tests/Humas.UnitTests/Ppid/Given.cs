using Humas.UseCases.Access;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Requests;
using Humas.ReferenceData;

namespace Humas.UnitTests.Ppid;

/// <summary>Request histories and decision contexts for Given/When/Then tests of the deciders.</summary>
public static class Given
{
    public static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.LoadDefault();
    public static readonly DateTimeOffset Received = new(2025, 12, 22, 10, 0, 0, TimeSpan.FromHours(7));

    public static RequestRegistered Registered(Guid? id = null) => new(
        id ?? Guid.NewGuid(), "KPU-33.21-2025-00001", "kpu-33.21", RegistrationChannel.Online, null, Received.ToUniversalTime(),
        new DateOnly(2025, 12, 22), new DateOnly(2026, 1, 8), false, RequesterType.Individual, Guid.NewGuid(), "v1:sealed",
        "Salinan berita acara", "Penelitian", [ObtainMethod.Copy], DeliveryMethod.Email, Requests.AccessCodeTests.Hasher.Hash("ABCDEFGHJK"));

    public static InformationRequest Request(params object[] later) =>
        later.Prepend(Registered()).Aggregate(InformationRequest.Initial, InformationRequest.Evolve);

    /// <summary>A decision taken at the given local moment (WIB) by an officer.</summary>
    public static DecisionContext At(int year, int month, int day, int hour = 10, PpidRules? rules = null) =>
        new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(7)), rules ?? PpidRules.Default, Calendar, IndonesianTimeZone.Wib, "officer-1");

    public static RequestAnswered Answered(AnswerOutcome outcome, int days = 3, bool late = false, Exemption? exemption = null) =>
        new(outcome, "Jawaban", [], exemption, exemption is null ? null : "Uji konsekuensi", DeliveryMethod.Email, "PDF", days, late, "officer-1",
            Received.AddDays(days));
}
