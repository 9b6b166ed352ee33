using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Humas.ServiceDefaults.Problems;
using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.Ppid.Objections;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

namespace Humas.Ppid.Deadlines.ChangingCalendar;

/// <summary>
/// An administrator adds a holiday decreed late, or removes one a later decree moved. Every open
/// request and objection is then counted again, and each due date that moves is recorded on
/// its own stream with the cause.
/// </summary>
public static class ChangeNonWorkingDays
{
    public sealed record AddBody(DateOnly? Date, NonWorkingDayKind? Kind, [property: MaxLength(200)] string? NameId, [property: MaxLength(200)] string? NameEn, [property: MaxLength(500)] string? Source);

    public sealed record Recomputed(string Number, DateOnly PreviousDueDate, DateOnly DueDate);

    public sealed record Changed(long CalendarVersion, IReadOnlyList<Recomputed> Recomputed);

    public static void MapChangeNonWorkingDays(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/ppid/admin/non-working-days").WithTags("Administration").RequireAuthorization(HumasPolicies.Admin);
        admin.MapGet("/", async (PpidCalendar calendar, CancellationToken ct) => TypedResults.Ok((await calendar.CurrentAsync(ct)).Calendar.NonWorkingDays))
            .WithName("ListNonWorkingDays").WithSummary("Every non-working day the deadlines are counted with");
        admin.MapPost("/", AddAsync).WithName("AddNonWorkingDay").WithSummary("Add a national holiday or cuti bersama; open deadlines are recomputed")
            .Produces<Changed>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/{date}", RemoveAsync).WithName("RemoveNonWorkingDay").WithSummary("Remove a non-working day; open deadlines are recomputed")
            .Produces<Changed>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> AddAsync(AddBody body, ClaimsPrincipal user, EventStore store, PpidCalendar calendar, IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validation();
        errors.FailWhen(body.Date is null, "date", "field.required", "date");
        errors.FailWhen(body.Kind is null, "kind", "non-working-day.kind.required");
        errors.Text(body.NameId, "nameId", 200).Text(body.NameEn, "nameEn", 200, required: false).Text(body.Source, "source", 500);
        errors.ThrowIfInvalid();
        var (current, version) = await calendar.CurrentAsync(ct);
        if (current.ListedOn(body.Date!.Value) is { } existing && existing.Kind == body.Kind)
            throw Refusal.Invalid("date", "non-working-day.already", body.Date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), existing.NameId);

        var actor = user.FindFirstValue(HumasClaims.Subject) ?? "admin";
        var added = new NonWorkingDayAdded(body.Date.Value, body.Kind!.Value, body.NameId!.Trim(), body.NameEn?.Trim() ?? body.NameId.Trim(), body.Source!.Trim(), actor, clock.GetUtcNow());
        return await ChangeAsync(added, $"{added.NameId} ({added.Date:yyyy-MM-dd}) ditambahkan / added", version, store, services, ct);
    }

    private static async Task<IResult> RemoveAsync(DateOnly date, [MaxLength(2000)] string? reason, ClaimsPrincipal user, EventStore store, PpidCalendar calendar, IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        var (current, version) = await calendar.CurrentAsync(ct);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A holiday set by Keppres for a fixed date stays a holiday whatever is listed: only a change to the data moves it.
        if (current.FixedDateHolidayOn(date) is { } fixedDate) throw Refusal.Conflict("non-working-day.fixed-date", day, fixedDate.NameId, fixedDate.Source);
        if (current.ListedOn(date) is null) throw Refusal.NotFound("non-working-day.not-found", day);
        if (string.IsNullOrWhiteSpace(reason)) throw Refusal.Invalid("reason", "non-working-day.reason.required");
        var removed = new NonWorkingDayRemoved(date, reason.Trim(), user.FindFirstValue(HumasClaims.Subject) ?? "admin", clock.GetUtcNow());
        return await ChangeAsync(removed, $"{date:yyyy-MM-dd} dihapus dari hari libur / removed", version, store, services, ct);
    }

    private static async Task<IResult> ChangeAsync(object change, string cause, long version, EventStore store, IServiceProvider services, CancellationToken ct)
    {
        var appended = await store.AppendAsync(PpidCalendar.StreamId, PpidCalendar.StreamType, version, [change], ct: ct);
        var recomputed = new List<Recomputed>();
        recomputed.AddRange(await RecomputeDueDates.ForRequestsAsync(services, cause, ct));
        recomputed.AddRange(await RecomputeObjectionDueDates.ForObjectionsAsync(services, cause, ct));
        return TypedResults.Ok(new Changed(appended.Version, recomputed));
    }
}
