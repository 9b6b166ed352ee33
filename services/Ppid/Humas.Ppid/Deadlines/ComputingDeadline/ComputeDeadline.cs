using Humas.ReferenceData;

namespace Humas.Ppid.Deadlines.ComputingDeadline;

/// <summary>
/// Anyone can check the arithmetic: the due date of any rule for a unit and a moment of
/// receipt, with the days skipped and why.
/// </summary>
public static class ComputeDeadline
{
    public static void MapComputeDeadline(this WebApplication app) =>
        app.MapGet("/api/ppid/deadlines", HandleAsync).AllowAnonymous().WithTags("Deadlines").WithName("ComputeDeadline")
            .WithSummary("Compute a due date: rule = answer | extension | objection-filing | objection-decision | dispute-filing")
            .Produces<DeadlineView>().ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(string? unitId, string? rule, DateTimeOffset? receivedAt, DateOnly? from,
        UnitDirectory units, PpidCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unit = unitId is null ? null : units.Find(unitId);
        if (unit is null) errors["unitId"] = [$"Unit '{unitId}' tidak dikenal / unknown or missing unit."];
        var parsed = rule is null ? DeadlineRule.Answer : Enum.GetValues<DeadlineRule>().Cast<DeadlineRule?>().FirstOrDefault(r => RuleName(r!.Value) == rule);
        if (parsed is null) errors["rule"] = [$"Aturan '{rule}' tidak dikenal / unknown rule; use {string.Join(", ", Enum.GetValues<DeadlineRule>().Select(RuleName))}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var (current, _) = await calendar.CurrentAsync(ct);
        var days = LegalPeriods.Of(parsed!.Value);
        var calculation = from is { } day
            ? current.ComputeDeadlineFromDay(day, days, calendar.Rules.WorkingDays)
            : current.ComputeDeadline(receivedAt ?? clock.GetUtcNow(), unit!.TimeZone, days, calendar.Rules.WorkingDays);
        return TypedResults.Ok(DeadlineView.From(calculation, unit!.TimeZone));
    }

    private static string RuleName(DeadlineRule rule) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(rule.ToString());
}
