using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.UseCases.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Humas.UseCases.Changes;

/// <summary>An event-sourced aggregate as the pipeline folds it.</summary>
public sealed record AggregateType<TState>(string StreamType, TState Initial, Func<TState, object, TState> Evolve);

/// <summary>A decider: the events a command produces from the current state, or a <see cref="ServiceDefaults.Problems.Refusal"/>.</summary>
public delegate IReadOnlyList<object> Decider<in TState, in TContext>(TState state, TContext context);

/// <summary>
/// The one path a change to an existing aggregate takes, whatever the service: find the stream
/// the route names, fold it, authorize against the loaded state (401, 404, 403:
/// <see cref="ResourceAccess"/>), check If-Match (428, 400, 412: <see cref="EntityTags"/>), call
/// the pure decider, append with the version read (a lost race is 412), answer 200 with the new
/// ETag and the service's view. A service describes its aggregate once; each use case then
/// supplies only its requirement and its decider.
/// </summary>
public sealed class ChangeFlow<TState, TContext, TView>
    where TView : notnull
{
    public required AggregateType<TState> Aggregate { get; init; }

    /// <summary>The text code of the 404 when the route's key names nothing, e.g. <c>request.not-found</c>; its argument is the key.</summary>
    public required string NotFoundCode { get; init; }

    /// <summary>The stream the route's key names, or null when there is none.</summary>
    public required Func<HttpContext, string, CancellationToken, Task<string?>> FindStream { get; init; }

    /// <summary>What authorization sees of the loaded state.</summary>
    public required Func<HttpContext, TState, CancellationToken, Task<ProtectedResource>> Protect { get; init; }

    /// <summary>Everything besides the state that the decider may depend on (clock, rules, calendar): read here, so the decider stays pure.</summary>
    public required Func<HttpContext, TState, CancellationToken, Task<TContext>> Context { get; init; }

    /// <summary>What the caller gets back: the state after the change and its version.</summary>
    public required Func<HttpContext, TState, long, TView> View { get; init; }

    public async Task<IResult> RunAsync(HttpContext http, string key, ActOn who, Decider<TState, TContext> decide, CancellationToken ct,
        Func<TState, Task>? afterChange = null)
    {
        var services = http.RequestServices;
        var store = services.GetRequiredService<EventStore>();
        var streamId = await FindStream(http, key, ct);
        var current = streamId is null ? null : await store.AggregateAsync(streamId, Aggregate.Initial, Aggregate.Evolve, ct);
        var resource = current is { } found ? await Protect(http, found.State, ct) : null;
        await services.GetRequiredService<ResourceAccess>().DemandAsync(http, resource, who, NotFoundCode, key);

        var (state, version) = current!.Value;
        EntityTags.RequireMatch(http.Request, version);
        var events = decide(state, await Context(http, state, ct));
        if (events.Count > 0)
        {
            var appended = await store.AppendAsync(streamId!, Aggregate.StreamType, version, events,
                new EventMetadata(Actor: ActorOf(http)), ct);
            version = appended.Version;
            state = events.Aggregate(state, Aggregate.Evolve);
        }
        // Run on a repeat too: an effect outside the store (destroying a key) must not be lost to a crash after the append.
        if (afterChange is not null) await afterChange(state);
        EntityTags.Set(http.Response, version);
        return TypedResults.Ok(View(http, state, version));
    }

    /// <summary>Who the log records as having made a change: the account, or "requester" for a citizen with an access code.</summary>
    public static string? ActorOf(HttpContext http) =>
        http.User.FindFirstValue(HumasClaims.Subject)
        ?? (http.Request.Headers.ContainsKey(ResourceAccess.AccessCodeHeader) ? "requester" : null);
}
