using System.ComponentModel.DataAnnotations;
using Humas.Calendar.WorkingDays;
using System.Globalization;
using System.Security.Claims;
using Dapper;
using Humas.Calendar.Publications;
using Humas.Calendar.Publications.Planning;
using Humas.Calendar.Views;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Humas.UseCases.Idempotency;
using Npgsql;

namespace Humas.Calendar.Recurrence;

/// <summary>
/// Recurring items: a humas officer sets up a rule for their unit, its occurrences are planned
/// ahead, and each occurrence is then changed (like any planned item) or skipped on its own.
/// </summary>
public static class SeriesApi
{
    public sealed record Body(
        [property: MaxLength(40)] string? UnitId, string? Title, ContentKind? Kind, IReadOnlyList<Channel>? Channels, string? Owner, StageRef? Stage, string? Notes,
        Visibility? Visibility, [property: MaxLength(10)] string? Time, DateOnly? Start, RecurrenceRule? Rule)
        : ContentBody(Title, Kind, Channels, Owner, Stage, Notes, Visibility, null);

    /// <summary>A recurring item with its occurrences; its version (also the ETag) is the one ending it names in If-Match.</summary>
    public sealed record SeriesView(Guid SeriesId, string UnitId, string Title, string Time, string TimeZone, DateOnly Start, RecurrenceRule Rule,
        IReadOnlyList<PublicationRow> Occurrences, long Version);

    public static void MapSeries(this IEndpointRouteBuilder app)
    {
        var series = app.MapGroup("/api/calendar/series").WithTags("Recurring items").RequireAuthorization(HumasPolicies.Authenticated);
        series.MapPost("/", CreateAsync).WithIdempotencyKey("create-series").WithName("CreateSeries")
            .WithSummary("Set up a recurring item for a unit; its occurrences are planned ahead (humas officers of the unit)")
            .Produces<SeriesView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        series.MapGet("/{seriesId:guid}", GetAsync).WithName("GetSeries")
            .WithSummary("A recurring item with its planned occurrences (officers of its unit)")
            .Produces<SeriesView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        series.MapPost("/{seriesId:guid}/occurrences/{date}/skip", SkipAsync).WithName("SkipOccurrence")
            .WithSummary("Skip one occurrence (If-Match with the occurrence's version once it is planned; none needed before)")
            .ProducesChange<PublicationView>();
        series.MapEndSeries();
    }

    public static Validation Validate(Body body, UnitDirectory units, out TimeOnly time)
    {
        var errors = body.ValidateContent();
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(body.UnitId.Trim()) is null, "unitId", "field.unknown-unit", body.UnitId);
        time = default;
        if (string.IsNullOrWhiteSpace(body.Time)) errors.Add("time", "field.required", "time");
        else errors.FailWhen(!TimeOnly.TryParseExact(body.Time.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time), "time", "series.time.invalid");
        if (body.Start is not { } start) errors.Add("start", "field.required", "start");
        else errors.FailWhen(start.Year < PlannedTime.EarliestYear || start.Year > 2100, "start", "field.date-out-of-range", "start", PlannedTime.EarliestYear, 2100);
        if (body.Rule is null) errors.Add("rule", "field.required", "rule");
        else if (body.Start is { } s) body.Rule.Validate(s, errors);
        return errors;
    }

    public static SeriesStarted Decide(Body body, TimeOnly time, string? caller, Guid id) =>
        new(id, body.UnitId!.Trim(), body.ToContent(caller), time, body.Start!.Value, body.Rule! with { Interval = body.Rule.Interval });

    private static async Task<IResult> CreateAsync(Body body, HttpContext http, UnitDirectory units, NpgsqlDataSource db, EventStore store, CalendarWorkingDays workingDays,
        TimeProvider clock, ResourceAccess access, CancellationToken ct)
    {
        var errors = Validate(body, units, out var time);
        if (errors.IsValid) await PlanPublication.StageMustExistAsync(body.Stage, db, errors, ct);
        errors.ThrowIfInvalid();
        var unit = units.Find(body.UnitId!.Trim())!;
        await access.DemandForUnitAsync(http, unit.Id, PublicationChanges.HumasOfficer);

        var started = Decide(body, time, http.User.FindFirstValue(HumasClaims.Subject), Guid.CreateVersion7());
        var metadata = new EventMetadata(Actor: ChangeFlow<Series, PublicationContext, SeriesView>.ActorOf(http));
        AppendResult result;
        await using (var write = await WriteSession.OpenAsync(http, ct))
        {
            result = await write.Session.AppendAsync(Series.StreamId(started.SeriesId), Series.StreamType, ExpectedVersion.NoStream, [started], metadata, ct);
            await write.CommitAsync(ct);
        }
        var series = Series.Evolve(Series.Initial, started);
        var calendar = await workingDays.CurrentAsync(ct);
        await GenerateOccurrences.PlanAsync(store, series, GenerateOccurrences.WindowEnd(http.RequestServices, clock.GetUtcNow(), unit.TimeZone), calendar, unit.TimeZone, metadata, ct);
        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Created($"/api/calendar/series/{series.Id}", await ViewAsync(db, series, unit, result.Version, ct));
    }

    private static async Task<IResult> GetAsync(Guid seriesId, HttpContext http, UnitDirectory units, NpgsqlDataSource db, EventStore store, ResourceAccess access,
        CancellationToken ct)
    {
        var current = await store.AggregateAsync(Series.StreamId(seriesId), Series.Initial, Series.Evolve, ct);
        await access.DemandAsync(http, current is null ? null : new ProtectedResource(current.Value.State.UnitId), ActOn.AnyOfficer, "series.not-found", seriesId);
        var (series, version) = current!.Value;
        EntityTags.Set(http.Response, version);
        return TypedResults.Ok(await ViewAsync(db, series, units.Find(series.UnitId)!, version, ct));
    }

    /// <summary>Skipping an occurrence cancels it as skipped; one beyond the window is planned and skipped at once, so generation leaves it skipped.</summary>
    private static async Task<IResult> SkipAsync(Guid seriesId, string date, HttpContext http, UnitDirectory units, EventStore store, CalendarWorkingDays workingDays,
        ResourceAccess access, CancellationToken ct)
    {
        var current = await store.AggregateAsync(Series.StreamId(seriesId), Series.Initial, Series.Evolve, ct);
        await access.DemandAsync(http, current is null ? null : new ProtectedResource(current.Value.State.UnitId), PublicationChanges.HumasOfficer, "series.not-found", seriesId);
        var series = current!.Value.State;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw Refusal.Invalid("date", "field.invalid", "date");
        var calendar = await workingDays.CurrentAsync(ct);
        if (!series.Rule.Occurrences(series.Start, day, calendar).Contains(day)) throw Refusal.NotFound("series.occurrence.not-found", date);

        var id = Series.OccurrenceId(series.Id, day);
        if (await store.AggregateAsync(Publication.StreamId(id), Publication.Initial, Publication.Evolve, ct) is not null)
            return await PublicationChanges.RunAsync(http, id, (p, context) => Skip(p, context));

        var zone = units.Find(series.UnitId)!.TimeZone;
        var planned = GenerateOccurrences.Decide(series, day, calendar, zone).Single(o => o.OccurrenceDate == day);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var skipped = new PublicationCancelled(now, null, Skipped: true);
        var result = await store.AppendAsync(Publication.StreamId(id), Publication.StreamType, ExpectedVersion.NoStream, [planned, skipped],
            new EventMetadata(Actor: ChangeFlow<Series, PublicationContext, SeriesView>.ActorOf(http)), ct);
        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Ok(PublicationView.From(new object[] { planned, skipped }.Aggregate(Publication.Initial, Publication.Evolve), result.Version, units));
    }

    public static IReadOnlyList<object> Skip(Publication p, PublicationContext context) =>
        p.Status switch
        {
            PublicationStatus.Cancelled => [],
            PublicationStatus.Published => throw Refusal.Conflict("publication.status.final", KebabNames.Of(p.Status)),
            _ => [new PublicationCancelled(context.Now, null, Skipped: true)],
        };

    private static async Task<SeriesView> ViewAsync(NpgsqlDataSource db, Series series, Unit unit, long version, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var occurrences = (await connection.QueryAsync<PublicationRow>(new CommandDefinition(
            $"SELECT {PublicationRow.Columns} FROM publications p WHERE p.series_id = @id ORDER BY p.occurrence_date", new { id = series.Id }, cancellationToken: ct)))
            .Select(r => r.InZone(unit.TimeZone.UtcOffset)).ToList();
        return new SeriesView(series.Id, series.UnitId, series.Template.Title, series.Time.ToString("HH:mm", CultureInfo.InvariantCulture), unit.TimeZone.Abbreviation,
            series.Start, series.Rule, occurrences, version);
    }
}
