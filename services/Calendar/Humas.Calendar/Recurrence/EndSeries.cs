using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Dapper;
using Humas.Calendar.Publications;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;
using Npgsql;

namespace Humas.Calendar.Recurrence;

/// <summary>
/// A humas officer ends a recurring item after a given day (If-Match with the series' version):
/// no occurrence is planned after it any more, and those already planned after it that nobody
/// started are cancelled with the reason. Occurrences already in progress or published stay.
/// </summary>
public static class EndSeries
{
    public sealed record Body(DateOnly? LastDate, [property: MaxLength(500)] string? Reason);

    public sealed record SeriesState(Guid SeriesId, string UnitId, string Title, DateOnly Start, RecurrenceRule Rule, long Version);

    public static readonly ChangeFlow<Series, PublicationContext, SeriesState> Flow = new()
    {
        Aggregate = new(Series.StreamType, Series.Initial, Series.Evolve),
        NotFoundCode = "series.not-found",
        FindStream = (_, key, _) => Task.FromResult(Guid.TryParse(key, out var id) ? Series.StreamId(id) : null),
        Protect = (_, s, _) => Task.FromResult(new ProtectedResource(s.UnitId)),
        Context = (http, s, _) => Task.FromResult(PublicationChanges.ContextFor(http.RequestServices, s.UnitId, http.User.FindFirstValue(HumasClaims.Subject))),
        View = (_, s, version) => new SeriesState(s.Id, s.UnitId, s.Template.Title, s.Start, s.Rule, version),
    };

    public static IReadOnlyList<object> Decide(Series series, Body body, PublicationContext context)
    {
        var errors = new Validation();
        errors.FailWhen(body.LastDate is null, "lastDate", "field.required", "lastDate");
        errors.Text(body.Reason, "reason", 500, required: false);
        errors.ThrowIfInvalid();
        var last = body.LastDate!.Value;
        if (last < series.Start) throw Refusal.Invalid("lastDate", "series.end.before-start", series.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (series.Rule.Until is { } until && until <= last) return [];
        return [new SeriesEnded(last, body.Reason?.Trim(), context.Now)];
    }

    public static void MapEndSeries(this RouteGroupBuilder series) =>
        series.MapPost("/{seriesId:guid}/end", (Guid seriesId, Body body, HttpContext http) =>
                Flow.RunAsync(http, seriesId.ToString(), PublicationChanges.HumasOfficer, (s, context) => Decide(s, body, context), http.RequestAborted,
                    afterChange: s => CancelAfterAsync(http.RequestServices, s, body.Reason, http.RequestAborted)))
            .WithName("EndSeries")
            .WithSummary("End a recurring item after a day (If-Match with its version); occurrences planned after it are cancelled")
            .ProducesChange<SeriesState>();

    /// <summary>Runs on a repeated request too, so a crash between the end and the cancellations loses nothing.</summary>
    private static async Task CancelAfterAsync(IServiceProvider services, Series series, string? reason, CancellationToken ct)
    {
        if (series.Rule.Until is not { } last) return;
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var store = services.GetRequiredService<EventStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        var after = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT publication_id FROM publications WHERE series_id = @id AND occurrence_date > @last AND status = 'planned'",
            new { id = series.Id, last }, cancellationToken: ct));
        var text = string.IsNullOrWhiteSpace(reason) ? $"Pengulangan diakhiri / recurring item ended {last:yyyy-MM-dd}" : reason.Trim();
        foreach (var publicationId in after)
            await store.DecideAsync(Publication.StreamId(publicationId), Publication.StreamType, Publication.Initial, Publication.Evolve,
                p => p.Status == PublicationStatus.Planned ? [new PublicationCancelled(now, text, Skipped: false)] : [], new EventMetadata(Actor: "recurrence"), ct);
    }
}
