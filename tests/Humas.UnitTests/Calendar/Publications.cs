using Humas.Calendar.Publications;
using Humas.ReferenceData;

namespace Humas.UnitTests.Calendar;

/// <summary>Planned items and decision contexts for Given/When/Then tests of the calendar's deciders.</summary>
public static class Publications
{
    public static readonly IndonesianTimeZone Wit = IndonesianTimeZone.Wit;

    /// <summary>Planned for 2026-03-02 10:00 WIT (Kota Jayapura).</summary>
    public static readonly DateTimeOffset PlannedAt = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(9));

    public static PublicationContent Content(string title = "Siaran pers hasil pleno") =>
        new(title, ContentKind.PressRelease, [Channel.Website, Channel.Instagram], "officer-1", null, null, Visibility.Public, null);

    public static PublicationPlanned Planned(DateTimeOffset? at = null) => new(Guid.NewGuid(), "kpu-91.71", Content(), at ?? PlannedAt);

    public static Publication Given(params object[] later) =>
        later.Prepend(Planned()).Aggregate(Publication.Initial, Publication.Evolve);

    public static Publication Unscheduled() =>
        Publication.Evolve(Publication.Initial, new PublicationPlanned(Guid.NewGuid(), "kpu-91.71", Content(), null));

    /// <summary>A decision at a local moment in WIT.</summary>
    public static PublicationContext At(int year, int month, int day, int hour = 10) =>
        new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(9)), Wit, "officer-1");
}
