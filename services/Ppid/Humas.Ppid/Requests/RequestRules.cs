using Humas.Ppid.Deadlines;
using Humas.ReferenceData;

namespace Humas.Ppid.Requests;

/// <summary>A command that the request's current state does not allow; answered as 409 with the reason.</summary>
public class RuleViolation(string messageId, string messageEn) : Exception($"{messageId} / {messageEn}");

/// <summary>A field of the command is missing or out of range; answered as a 400 validation problem naming the field.</summary>
public sealed class InvalidField(string field, string messageId, string messageEn) : RuleViolation(messageId, messageEn)
{
    public string Field { get; } = field;
}

/// <summary>Everything a decision may depend on besides the state and the command: no I/O, no clock reads.</summary>
public sealed record DecisionContext(DateTimeOffset Now, PpidRules Rules, WorkingDayCalendar Calendar, IndonesianTimeZone Zone, string Actor)
{
    public DateOnly Today => DateOnly.FromDateTime(Zone.ToLocal(Now).DateTime);

    /// <summary>Whether the office day of the given date has closed in the unit's time zone.</summary>
    public bool HasPassed(DateOnly dueDate) => Now > new DateTimeOffset(dueDate.ToDateTime(Rules.WorkingDays.OfficeCloses), Zone.UtcOffset);
}

public static class RequestGuards
{
    /// <summary>Runs a decider and turns its refusals into problem details: 400 naming a bad field, 409 for a step the state does not allow.</summary>
    public static IResult? Refusal(Action decide)
    {
        try
        {
            decide();
            return null;
        }
        catch (InvalidField invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }, title: "Permintaan tidak valid / Invalid request");
        }
        catch (RuleViolation violation)
        {
            return TypedResults.Problem(statusCode: 409, title: "Tidak dapat dilakukan / Not allowed now", detail: violation.Message);
        }
    }

    public static void MustBeOpen(InformationRequest state, string action)
    {
        switch (state.Status)
        {
            case RequestStatus.Answered: throw new RuleViolation($"Permohonan sudah dijawab; tidak dapat {action}", $"the request has been answered; it cannot be {action}");
            case RequestStatus.Referred: throw new RuleViolation($"Permohonan sudah dirujuk ke badan publik lain; tidak dapat {action}", $"the request was referred to another agency; it cannot be {action}");
            case RequestStatus.Withdrawn: throw new RuleViolation($"Permohonan sudah dicabut; tidak dapat {action}", $"the request was withdrawn; it cannot be {action}");
        }
    }

    public static string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidField(field, $"{field} wajib diisi", $"{field} is required");
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
