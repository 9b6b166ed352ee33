using Humas.Ppid.Deadlines;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;

namespace Humas.Ppid.Requests;

/// <summary>Everything a decision may depend on besides the state and the command: no I/O, no clock reads.</summary>
public sealed record DecisionContext(DateTimeOffset Now, PpidRules Rules, WorkingDayCalendar Calendar, IndonesianTimeZone Zone, string Actor)
{
    public DateOnly Today => DateOnly.FromDateTime(Zone.ToLocal(Now).DateTime);

    /// <summary>Whether the office day of the given date has closed in the unit's time zone.</summary>
    public bool HasPassed(DateOnly dueDate) => Now > new DateTimeOffset(dueDate.ToDateTime(Rules.WorkingDays.OfficeCloses), Zone.UtcOffset);
}

public static class RequestGuards
{
    /// <summary>A closed request (answered, referred, withdrawn) takes no further step: 409 saying why.</summary>
    public static void MustBeOpen(InformationRequest state)
    {
        switch (state.Status)
        {
            case RequestStatus.Answered: throw Refusal.Conflict("request.already-answered");
            case RequestStatus.Referred: throw Refusal.Conflict("request.already-referred");
            case RequestStatus.Withdrawn: throw Refusal.Conflict("request.already-withdrawn");
        }
    }

    public static string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Refusal.Invalid(field, "field.required", field);
        return value.Trim();
    }

    public static int WorkingDaysBetween(WorkingDayCalendar calendar, WorkingDayRules rules, DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (calendar.IsWorkingDay(day, rules)) days++;
        return days;
    }
}
