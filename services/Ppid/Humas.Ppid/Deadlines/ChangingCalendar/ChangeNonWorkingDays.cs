using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Humas.ServiceDefaults.Problems;
using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Ppid.Deadlines.ChangingCalendar;

/// <summary>
/// An administrator adds a holiday decreed late, or removes one a later decree moved. The change
/// and the request to count every open request and objection again commit together; the counting
/// runs in the background (<see cref="DueDateRecomputer"/>), each due date that moves recorded on
/// its own stream with the cause. The answer is 202 with the address to follow it at.
/// </summary>
public static class ChangeNonWorkingDays
{
    public sealed record AddBody(DateOnly? Date, NonWorkingDayKind? Kind, [property: MaxLength(200)] string? NameId, [property: MaxLength(200)] string? NameEn, [property: MaxLength(500)] string? Source);

    public static void MapChangeNonWorkingDays(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/ppid/admin/non-working-days").WithTags("Administration").RequireAuthorization(HumasPolicies.Admin);
        admin.MapGet("/", async (PpidCalendar calendar, CancellationToken ct) => TypedResults.Ok((await calendar.CurrentAsync(ct)).Calendar.NonWorkingDays))
            .WithName("ListNonWorkingDays").WithSummary("Every non-working day the deadlines are counted with");
        admin.MapPost("/", AddAsync).WithName("AddNonWorkingDay")
            .WithSummary("Add a national holiday or cuti bersama; open deadlines are recomputed in the background (follow the Location)")
            .Produces<DueDateRecomputations.View>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/{date}", RemoveAsync).WithName("RemoveNonWorkingDay")
            .WithSummary("Remove a non-working day; open deadlines are recomputed in the background (follow the Location)")
            .Produces<DueDateRecomputations.View>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/changes/{calendarVersion:long}", GetChangeAsync).WithName("GetNonWorkingDayChange")
            .WithSummary("How far the recomputation of open deadlines after a calendar change has come")
            .Produces<DueDateRecomputations.View>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AddAsync(AddBody body, ClaimsPrincipal user, EventStore store, PpidCalendar calendar, NpgsqlDataSource db,
        DueDateRecomputer recomputer, TimeProvider clock, CancellationToken ct)
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
        return await ChangeAsync(added, $"{added.NameId} ({added.Date:yyyy-MM-dd}) ditambahkan / added", version, store, db, recomputer, ct);
    }

    private static async Task<IResult> RemoveAsync(DateOnly date, [MaxLength(2000)] string? reason, ClaimsPrincipal user, EventStore store, PpidCalendar calendar,
        NpgsqlDataSource db, DueDateRecomputer recomputer, TimeProvider clock, CancellationToken ct)
    {
        var (current, version) = await calendar.CurrentAsync(ct);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A holiday set by Keppres for a fixed date stays a holiday whatever is listed: only a change to the data moves it.
        if (current.FixedDateHolidayOn(date) is { } fixedDate) throw Refusal.Conflict("non-working-day.fixed-date", day, fixedDate.NameId, fixedDate.Source);
        if (current.ListedOn(date) is null) throw Refusal.NotFound("non-working-day.not-found", day);
        if (string.IsNullOrWhiteSpace(reason)) throw Refusal.Invalid("reason", "non-working-day.reason.required");
        var removed = new NonWorkingDayRemoved(date, reason.Trim(), user.FindFirstValue(HumasClaims.Subject) ?? "admin", clock.GetUtcNow());
        return await ChangeAsync(removed, $"{date:yyyy-MM-dd} dihapus dari hari libur / removed", version, store, db, recomputer, ct);
    }

    private static async Task<IResult> ChangeAsync(object change, string cause, long version, EventStore store, NpgsqlDataSource db,
        DueDateRecomputer recomputer, CancellationToken ct)
    {
        long calendarVersion;
        await using (var session = await store.OpenSessionAsync(ct))
        {
            calendarVersion = (await session.AppendAsync(PpidCalendar.StreamId, PpidCalendar.StreamType, version, [change], ct: ct)).Version;
            await DueDateRecomputations.RecordAsync(session, calendarVersion, cause, ct);
            await session.CommitAsync(ct);
        }
        recomputer.Wake();
        var recomputation = await DueDateRecomputations.FindAsync(db, calendarVersion, ct);
        return TypedResults.Accepted(ChangeLocation(calendarVersion), recomputation!.ToView());
    }

    private static async Task<IResult> GetChangeAsync(long calendarVersion, NpgsqlDataSource db, CancellationToken ct) =>
        await DueDateRecomputations.FindAsync(db, calendarVersion, ct) is { } found
            ? TypedResults.Ok(found.ToView())
            : throw Refusal.NotFound("non-working-day.change-not-found", calendarVersion);

    private static string ChangeLocation(long calendarVersion) => $"/api/ppid/admin/non-working-days/changes/{calendarVersion}";
}
