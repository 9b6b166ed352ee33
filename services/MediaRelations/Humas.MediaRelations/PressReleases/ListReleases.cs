using System.ComponentModel.DataAnnotations;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.MediaRelations.PressReleases;

/// <summary>A release in a unit's list, as its humas officers see it (the newsroom desk): where it stands, not its text.</summary>
public sealed record ReleaseSummary(
    Guid ReleaseId, string UnitId, ReleaseStatus Status, string Headline, string Author, string? ApprovedBy, DateTimeOffset? PublishAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? EmbargoUntil, bool UnderEmbargo, int ReleaseVersion, DateTimeOffset UpdatedAt, long Version);

/// <summary>
/// GET /api/media/releases?unitId=&amp;status=: the releases of a unit and the units under it, the
/// latest changed first, in every state (drafts and embargoed ones too), for its humas officers.
/// </summary>
public static class ListReleases
{
    public const int Size = 500;

    public static void MapListReleases(this RouteGroupBuilder releases) =>
        releases.MapGet("/", HandleAsync).RequireAuthorization(HumasPolicies.Authenticated)
            .WithName("ListReleases")
            .WithSummary("The releases of a unit and the units under it in every state, latest changed first, optionally of one status (humas officers)")
            .Produces<ReleaseSummary[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync([MaxLength(ReleaseBody.UnitIdLength)] string? unitId, [MaxLength(20)] string? status, HttpContext http,
        UnitDirectory units, ResourceAccess access, NpgsqlDataSource db, EventStore store, CancellationToken ct)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(unitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(unitId) is null, "unitId", "field.unknown-unit", unitId);
        var statuses = Enum.GetValues<ReleaseStatus>().Select(KebabNames.Of).ToList();
        errors.FailWhen(status is not null && !statuses.Contains(status), "status", "field.unknown-value", "status", status, string.Join(", ", statuses));
        errors.ThrowIfInvalid();
        await access.DemandForUnitAsync(http, unitId!, ReleaseChanges.MediaOfficer);

        var rows = new List<(Guid Id, DateTimeOffset UpdatedAt)>();
        await using (var command = db.CreateCommand($"""
            SELECT release_id, updated_at FROM press_release_feed
            WHERE unit_id = @unit OR unit_id LIKE @unit || '.%' OR (position('-' in @unit) = 0 AND unit_id LIKE @unit || '-%')
            ORDER BY updated_at DESC, release_id DESC LIMIT {Size}
            """))
        {
            command.Parameters.AddWithValue("unit", unitId!);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }
        var streams = await store.ReadStreamsAsync(rows.Select(r => PressRelease.StreamId(r.Id)).ToArray(), ct);
        var list = new List<ReleaseSummary>();
        foreach (var (id, _) in rows)
        {
            if (!streams.TryGetValue(PressRelease.StreamId(id), out var events)) continue;
            var r = events.Select(e => e.Data).Aggregate(PressRelease.Initial, PressRelease.Evolve);
            if (status is not null && KebabNames.Of(r.Status) != status) continue;
            list.Add(new ReleaseSummary(r.Id, r.UnitId, r.Status, r.Content.Headline, r.Author, r.ApprovedBy, r.PublishAt, r.PublishedAt, r.EmbargoUntil,
                r.IsUnderEmbargo, r.CurrentVersion, events[^1].Created, events[^1].Version));
        }
        return TypedResults.Ok(list);
    }
}
