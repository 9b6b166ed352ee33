using Humas.ServiceDefaults.Problems;
using Humas.ServiceDefaults.Http;
using Humas.ReferenceData;

namespace Humas.Ppid.Deadlines.ComputingDeadline;

/// <summary>
/// Anyone can check the arithmetic: the due date of any rule for a unit and a moment of
/// receipt, with the days skipped and why.
/// </summary>
public static class ComputeDeadline
{
    public static void MapComputeDeadline(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/ppid/deadlines", HandleAsync).AllowAnonymous().WithTags("Deadlines").WithName("ComputeDeadline")
            .WithSummary("Compute a due date: rule = answer | extension | objection-filing | objection-decision | dispute-filing")
            .Produces<DeadlineView>().ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string? unitId, string? rule, DateTimeOffset? receivedAt, DateOnly? from,
        UnitDirectory units, PpidCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validation();
        var unit = unitId is null ? null : units.Find(unitId);
        errors.FailWhen(unit is null, "unitId", "field.unknown-unit", unitId);
        var parsed = rule is null ? DeadlineRule.Answer : KebabNames.Parse<DeadlineRule>(rule);
        errors.FailWhen(parsed is null, "rule", "field.unknown-value", "rule", rule, string.Join(", ", KebabNames.All<DeadlineRule>()));
        errors.ThrowIfInvalid();

        var (current, _) = await calendar.CurrentAsync(ct);
        var days = LegalPeriods.Of(parsed!.Value);
        var calculation = from is { } day
            ? current.ComputeDeadlineFromDay(day, days, calendar.Rules.WorkingDays)
            : current.ComputeDeadline(receivedAt ?? clock.GetUtcNow(), unit!.TimeZone, days, calendar.Rules.WorkingDays);
        return TypedResults.Ok(DeadlineView.From(calculation, unit!.TimeZone));
    }

}
