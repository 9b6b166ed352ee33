using Humas.Eventing.Store;
using Humas.Ppid.Contracts;
using Humas.ServiceDefaults.Http;

namespace Humas.Ppid.Deadlines.ChangingCalendar;

/// <summary>What other services learn of the working-day calendar: each administrator's change, numbered by the calendar's version.</summary>
public sealed class CalendarIntegrationEvents : IIntegrationEventTranslator
{
    public IEnumerable<object> Translate(RecordedEvent recorded)
    {
        if (recorded.StreamId != PpidCalendar.StreamId) yield break;
        switch (recorded.Data)
        {
            case NonWorkingDayAdded e:
                yield return new NonWorkingDayChanged
                {
                    CalendarVersion = recorded.Version, Date = e.Date, NonWorking = true, Kind = KebabNames.Of(e.Kind), NameId = e.NameId,
                    NameEn = e.NameEn, Source = e.Source, ChangedAt = e.At,
                };
                break;
            case NonWorkingDayRemoved e:
                yield return new NonWorkingDayChanged { CalendarVersion = recorded.Version, Date = e.Date, NonWorking = false, ChangedAt = e.At };
                break;
        }
    }
}
