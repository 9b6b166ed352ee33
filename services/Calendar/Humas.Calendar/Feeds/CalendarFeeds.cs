using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Npgsql;

namespace Humas.Calendar.Feeds;

/// <summary>
/// iCalendar subscriptions. The public feed of a unit: election stages and its public items.
/// The private feed: a secret, revocable URL an officer creates for a unit they act for, with
/// its internal items, berkala obligations and PPID request due dates; calendar programs cannot
/// send tokens, so the URL itself is the secret. Both answer with a strong ETag and 304 to a
/// repeated request.
/// </summary>
public static class CalendarFeeds
{
    public sealed record CreateBody([property: MaxLength(40)] string? UnitId);

    public sealed record Feed(Guid FeedId, string UnitId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Url);

    public static void MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar/units/{unitId}/calendar.ics", PublicAsync).AllowAnonymous().WithTags("Feeds").WithName("GetPublicCalendarFeed")
            .WithSummary("A unit's public calendar as iCalendar: election stages and its public items (If-None-Match answered 304)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/calendar/feeds/{token}/calendar.ics", PrivateAsync).AllowAnonymous().WithTags("Feeds").WithName("GetPrivateCalendarFeed")
            .WithSummary("An officer's private calendar of a unit at its secret URL: internal items, berkala obligations, PPID request due dates")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var feeds = app.MapGroup("/api/calendar/feeds").WithTags("Feeds").RequireAuthorization(HumasPolicies.Authenticated);
        feeds.MapPost("/", CreateAsync).WithName("CreatePrivateFeed")
            .WithSummary("Create a secret calendar URL for a unit you act for; the URL is shown once")
            .Produces<Feed>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        feeds.MapGet("/", ListAsync).WithName("ListPrivateFeeds")
            .WithSummary("Your private calendar URLs (without their secret)")
            .Produces<IReadOnlyList<Feed>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        feeds.MapDelete("/{feedId:guid}", RevokeAsync).WithName("RevokePrivateFeed")
            .WithSummary("Revoke a private calendar URL: it answers 404 from then on")
            .Produces<Feed>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PublicAsync(string unitId, HttpContext http, UnitDirectory units, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var unit = units.Find(unitId) ?? throw Refusal.NotFound("resource.not-found", unitId);
        return await RenderAsync(http, db, unit, internalToo: false, clock, ct);
    }

    private static async Task<IResult> PrivateAsync(string token, HttpContext http, UnitDirectory units, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            var unitId = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT unit_id FROM private_feeds WHERE token_hash = @hash AND revoked_at IS NULL", new { hash = Hash(token) }, cancellationToken: ct));
            if (unitId is null || units.Find(unitId) is not { } unit) throw Refusal.NotFound("feed.not-found");
            http.Response.Headers.CacheControl = "private, no-cache";
            return await RenderAsync(http, db, unit, internalToo: true, clock, ct);
        }
    }

    private static async Task<IResult> RenderAsync(HttpContext http, NpgsqlDataSource db, Unit unit, bool internalToo, TimeProvider clock, CancellationToken ct)
    {
        string body;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            var today = DateOnly.FromDateTime(unit.TimeZone.ToLocal(clock.GetUtcNow()).DateTime);
            body = FeedRenderer.Render(await FeedQueries.LoadAsync(connection, unit, internalToo, today, ct));
        }
        var bytes = Encoding.UTF8.GetBytes(body);
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..32].ToLowerInvariant()}\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "*")))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(bytes, FeedRenderer.ContentType, $"{unit.Id}.ics");
    }

    private static async Task<IResult> CreateAsync(CreateBody body, HttpContext http, UnitDirectory units, NpgsqlDataSource db, ResourceAccess access, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Validation();
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(body.UnitId.Trim()) is null, "unitId", "field.unknown-unit", body.UnitId);
        errors.ThrowIfInvalid();
        var unitId = body.UnitId!.Trim();
        await access.DemandForUnitAsync(http, unitId, ActOn.AnyOfficer);

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = new Feed(Guid.CreateVersion7(), unitId, clock.GetUtcNow(), null, $"/api/calendar/feeds/{token}/calendar.ics");
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO private_feeds (feed_id, token_hash, unit_id, owner, created_at) VALUES (@id, @hash, @unit, @owner, @at)",
            new { id = feed.FeedId, hash = Hash(token), unit = unitId, owner = Owner(http.User), at = feed.CreatedAt.UtcDateTime }, cancellationToken: ct));
        return TypedResults.Created($"/api/calendar/feeds/{feed.FeedId}", feed);
    }

    private sealed record Row(Guid FeedId, string UnitId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    private static async Task<IResult> ListAsync(HttpContext http, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT feed_id, unit_id, created_at, revoked_at FROM private_feeds WHERE owner = @owner ORDER BY created_at", new { owner = Owner(http.User) },
            cancellationToken: ct));
        return TypedResults.Ok(rows.Select(r => new Feed(r.FeedId, r.UnitId, r.CreatedAt, r.RevokedAt, null)).ToList());
    }

    /// <summary>Its owner (or an administrator) revokes a link; revoking again is harmless.</summary>
    private static async Task<IResult> RevokeAsync(Guid feedId, HttpContext http, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            UPDATE private_feeds SET revoked_at = coalesce(revoked_at, @at)
            WHERE feed_id = @id AND (owner = @owner OR @admin)
            RETURNING feed_id, unit_id, created_at, revoked_at
            """, new { id = feedId, owner = Owner(http.User), admin = http.User.IsInRole(HumasRoles.Admin), at = clock.GetUtcNow().UtcDateTime },
            cancellationToken: ct)) ?? throw Refusal.NotFound("feed.not-found");
        return TypedResults.Ok(new Feed(row.FeedId, row.UnitId, row.CreatedAt, row.RevokedAt, null));
    }

    private static string Owner(ClaimsPrincipal user) => user.FindFirstValue(HumasClaims.Subject) ?? "";

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
