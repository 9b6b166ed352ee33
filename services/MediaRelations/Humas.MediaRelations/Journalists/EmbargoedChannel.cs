using System.Text.Json;
using System.Text.Json.Nodes;
using Humas.Eventing.Store;
using Humas.MediaRelations.Feeds;
using Humas.MediaRelations.PressReleases;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Changes;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Humas.MediaRelations.Journalists;

/// <summary>
/// The accredited journalists' channel: <c>GET /api/media/embargoed</c> with the header
/// X-Journalist-Token lists, as ninjs, the releases of the journalist's unit (and the units under
/// it) published under an embargo still in force, each with <c>embargoed</c> set to its time.
/// Without the header, a signed-in journalist account (the portal's session) is admitted for
/// every unit where it is accredited. No token and no account is 401; a token that is unknown,
/// replaced, or of a journalist not (or no longer) accredited is 403, and so is an account
/// accredited nowhere. <c>GET /api/media/embargoed/{releaseId}</c> answers one such release the
/// same way; one that is not under embargo any more, not of the journalist's units, or unknown is
/// 404 alike (the public address serves it once it is public). Answers are never cached.
/// </summary>
public static class EmbargoedChannel
{
    public const int Size = 100;

    public static void MapEmbargoedChannel(this RouteGroupBuilder api)
    {
        api.MapGet("/api/media/embargoed", HandleAsync).AllowAnonymous()
            .WithTags("Journalists")
            .WithName("ListEmbargoedReleases")
            .WithSummary("Releases under embargo, as ninjs 2.2 marked embargoed, for an accredited journalist (header X-Journalist-Token)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/api/media/embargoed/{releaseId:guid}", GetOneAsync).AllowAnonymous()
            .WithTags("Journalists")
            .WithName("GetEmbargoedRelease")
            .WithSummary("One release under embargo, as a ninjs 2.2 item marked embargoed, for an accredited journalist of its unit (header X-Journalist-Token)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Whom the channel opens to: the journalist of the token when one is sent, otherwise the
    /// signed-in account's accredited registrations (one per unit); anyone else is refused.
    /// </summary>
    public static async Task<IReadOnlyList<Journalist>> AdmitAsync(
        string? token, HttpContext http, JournalistTokens tokens, NpgsqlDataSource db, EventStore store, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(token) || !JournalistChanges.IsJournalistAccount(http)
            || ChangeFlow<Journalist, JournalistContext, JournalistView>.ActorOf(http) is not { } account)
            return [await AdmitAsync(token, tokens, db, store, ct)];
        var ids = new List<Guid>();
        await using (var command = db.CreateCommand("SELECT journalist_id FROM journalists WHERE account = @account AND status = 'accredited'"))
        {
            command.Parameters.AddWithValue("account", account);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        }
        var streams = await store.ReadStreamsAsync(ids.Select(Journalist.StreamId).ToArray(), ct);
        var admitted = streams.Values.Select(events => events.Select(e => e.Data).Aggregate(Journalist.Initial, Journalist.Evolve))
            .Where(j => j.Status == AccreditationStatus.Accredited && j.Account == account).ToList();
        return admitted.Count > 0 ? admitted : throw Refusal.Forbidden("journalist.not-accredited-anywhere");
    }

    /// <summary>The journalist a token belongs to, if it opens the channel now; otherwise a refusal.</summary>
    public static async Task<Journalist> AdmitAsync(string? token, JournalistTokens tokens, NpgsqlDataSource db, EventStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token)) throw Refusal.Unauthenticated("journalist.token-required");
        var hash = tokens.Hash(token);
        await using var command = db.CreateCommand("SELECT journalist_id FROM journalists WHERE token_hash = @hash");
        command.Parameters.AddWithValue("hash", hash);
        if (await command.ExecuteScalarAsync(ct) is not Guid id) throw Refusal.Forbidden("journalist.token-invalid");
        var found = await store.AggregateAsync(Journalist.StreamId(id), Journalist.Initial, Journalist.Evolve, ct);
        if (found is not var (journalist, _) || !journalist.Admits(hash)) throw Refusal.Forbidden("journalist.token-invalid");
        return journalist;
    }

    private static async Task<IResult> GetOneAsync(
        Guid releaseId, [FromHeader(Name = JournalistTokens.Header)] string? token, HttpContext http, JournalistTokens tokens, NpgsqlDataSource db,
        EventStore store, UnitDirectory units, ReleaseFeeds feeds, TimeProvider clock, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var journalists = await AdmitAsync(token, http, tokens, db, store, ct);
        var found = await store.AggregateAsync(PressRelease.StreamId(releaseId), PressRelease.Initial, PressRelease.Evolve, ct);
        if (found is not var (release, _) || !release.IsUnderEmbargo || release.EmbargoUntil <= clock.GetUtcNow()
            || !journalists.Any(j => units.Oversees(j.UnitId, release.UnitId)))
            throw Refusal.NotFound("release.not-found", releaseId);
        var item = feeds.NinjsItem(release, $"{http.Request.Scheme}://{http.Request.Host}");
        return TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(item), "application/json; charset=utf-8");
    }

    private static async Task<IResult> HandleAsync(
        [FromHeader(Name = JournalistTokens.Header)] string? token, string? unitId, HttpContext http, JournalistTokens tokens, NpgsqlDataSource db,
        EventStore store, UnitDirectory units, ReleaseFeeds feeds, TimeProvider clock, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (unitId is not null && units.Find(unitId) is null) throw Refusal.Invalid("unitId", "field.unknown-unit", unitId);
        var journalists = await AdmitAsync(token, http, tokens, db, store, ct);
        if (unitId is not null && !journalists.Any(j => units.Oversees(j.UnitId, unitId))) throw Refusal.Forbidden("journalist.not-for-unit", unitId);
        // The units asked for, or every unit the journalist is accredited with (each with the units under it).
        var scopes = unitId is not null ? [unitId] : journalists.Select(j => j.UnitId).Distinct().ToArray();

        var ids = new List<Guid>();
        await using (var command = db.CreateCommand($"""
            SELECT release_id FROM press_release_feed, unnest(@units) AS scope(unit)
            WHERE embargo_until IS NOT NULL AND public_since IS NULL AND NOT withdrawn
              AND (unit_id = scope.unit OR unit_id LIKE scope.unit || '.%' OR (position('-' in scope.unit) = 0 AND unit_id LIKE scope.unit || '-%'))
            GROUP BY release_id, embargo_until
            ORDER BY embargo_until LIMIT {Size}
            """))
        {
            command.Parameters.AddWithValue("units", scopes);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        }
        var streams = await store.ReadStreamsAsync(ids.Select(PressRelease.StreamId).ToArray(), ct);
        var now = clock.GetUtcNow();
        var baseUri = $"{http.Request.Scheme}://{http.Request.Host}";
        var items = ids.Select(id => streams.TryGetValue(PressRelease.StreamId(id), out var events)
                ? events.Select(e => e.Data).Aggregate(PressRelease.Initial, PressRelease.Evolve) : null)
            .Where(r => r is not null && r.IsUnderEmbargo && r.EmbargoUntil > now)
            .Select(r => (JsonNode)feeds.NinjsItem(r!, baseUri)).ToArray();
        return TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(new JsonArray(items)), "application/json; charset=utf-8");
    }
}
