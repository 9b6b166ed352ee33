using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Humas.UseCases.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> for a creating POST: a client that repeats the request (a citizen on a
/// poor connection pressing submit twice) gets the first answer again, and nothing is created
/// twice. The key is claimed in the same transaction as the creation (the endpoint writes through
/// <see cref="WriteSession"/>), so a failed creation releases it and two concurrent repeats
/// serialize on it. The same key with another body is refused with 422.
/// <para>
/// The first answer may hold a secret the caller must get again on a replay (a new request's
/// access code). In a service that seals personal data the stored answer is sealed with the
/// vault's key for stored secrets, bound to the endpoint and key, so a reader of the table
/// learns the scope, key, status and size, not the answer. Answers stored in clear before that
/// (kept a day, see Housekeeping) are still replayed as they are. A service without a vault
/// has no such secrets in its answers and stores them as they are. Replays, like the answer,
/// are never cached.
/// </para>
/// </summary>
public static class IdempotencyFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    /// <summary>Honours Idempotency-Key on this endpoint; <paramref name="scope"/> keeps keys of different endpoints apart.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder endpoint, string scope) =>
        endpoint.AddEndpointFilterFactory((factory, next) =>
        {
            // The fingerprint covers the request body: the handler's parameter named "body" (or marked [FromBody]).
            var bodyIndex = Array.FindIndex(factory.MethodInfo.GetParameters(),
                p => p.Name == "body" || p.GetCustomAttributes(typeof(IFromBodyMetadata), inherit: false).Length > 0);
            return invocation => InvokeAsync(invocation, next, scope, bodyIndex);
        });

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, string scope, int bodyIndex)
    {
        var http = invocation.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0) return await next(invocation);
        if (key.Length > MaxKeyLength) throw Refusal.Invalid(Header, "idempotency.key-too-long", MaxKeyLength);

        var ct = http.RequestAborted;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using var session = await http.RequestServices.GetRequiredService<EventStore>().OpenSessionAsync(ct);
        var body = bodyIndex >= 0 ? invocation.Arguments[bodyIndex] : null;
        var earlier = await IdempotencyKeys.ClaimAsync(session, scope, key, Fingerprint(body, http.Request.Path, http.User, json), ct);
        if (earlier is not null) return Replay(http, earlier, scope, key);

        http.Features.Set(new WriteSession.Ambient(session));
        var result = await next(invocation);
        http.Features.Set<WriteSession.Ambient>(null);
        if (result is not (IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult answer)) return result;

        // Created<T> and CreatedAtRoute<T> carry the new resource's address.
        var location = result.GetType().GetProperty("Location")?.GetValue(result) as string;
        var stored = JsonSerializer.Serialize(answer.Value, json);
        if (http.RequestServices.GetService<PersonalDataVault>() is { } vault) stored = vault.SealSecret(stored, Context(scope, key));
        await IdempotencyKeys.CompleteAsync(session, scope, key, success.StatusCode ?? 200, location, stored, ct);
        await session.CommitAsync(ct);
        return result;
    }

    private static IResult Replay(HttpContext http, IdempotencyKeys.StoredResponse earlier, string scope, string key)
    {
        var body = PersonalDataVault.IsSealedSecret(earlier.Body)
            ? http.RequestServices.GetRequiredService<PersonalDataVault>().OpenSecret(earlier.Body, Context(scope, key))
            : earlier.Body;
        http.Response.Headers[ReplayedHeader] = "true";
        http.Response.Headers.CacheControl = "no-store";
        if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
        return Results.Text(body, "application/json", Encoding.UTF8, earlier.Status);
    }

    private static string Context(string scope, string key) => $"idempotency/{scope}/{key}";

    /// <summary>The same key means the same request only with the same body from the same caller.</summary>
    /// <summary>
    /// What a repeat must match: the body, the address (the same key sent for another resource, such
    /// as another report's screenshots, is refused, not answered with the first resource's answer)
    /// and the caller.
    /// </summary>
    private static string Fingerprint(object? body, PathString path, ClaimsPrincipal user, JsonSerializerOptions json) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { body, path = path.Value, caller = user.FindFirstValue(HumasClaims.Subject) }, json)));
}

/// <summary>
/// The transaction an endpoint writes in: the one a filter (such as <see cref="IdempotencyFilter"/>)
/// opened around it, which that filter commits, or a new one the endpoint commits itself.
/// </summary>
public sealed class WriteSession : IAsyncDisposable
{
    internal sealed record Ambient(EventSession Session);

    private readonly bool owned;

    private WriteSession(EventSession session, bool owned)
    {
        Session = session;
        this.owned = owned;
    }

    public EventSession Session { get; }

    public static async Task<WriteSession> OpenAsync(HttpContext http, CancellationToken ct) =>
        http.Features.Get<Ambient>() is { } ambient
            ? new WriteSession(ambient.Session, owned: false)
            : new WriteSession(await http.RequestServices.GetRequiredService<EventStore>().OpenSessionAsync(ct), owned: true);

    /// <summary>Commits when this endpoint owns the transaction; otherwise the filter that opened it commits after the endpoint answered.</summary>
    public Task CommitAsync(CancellationToken ct) => owned ? Session.CommitAsync(ct) : Task.CompletedTask;

    public ValueTask DisposeAsync() => owned ? Session.DisposeAsync() : ValueTask.CompletedTask;
}
