using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Requests.CheckingStatus;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Ppid.Requests;

/// <summary>Who may give a command on a request.</summary>
public enum RequestActor { Officer, Requester, Administrator }

/// <summary>
/// The path every change to a request takes: find it, check who is asking and that their view
/// is current (If-Match), let the pure decider decide, append with the expected version.
/// </summary>
public static class RequestCommand
{
    public sealed record Changed(string RegistrationNumber, string UnitId, RequestStatus Status, DateOnly DueDate, bool Overdue, AnswerOutcome? Outcome, long Version);

    public static async Task<IResult> ExecuteAsync(
        HttpContext http, string registrationNumber, RequestActor actor,
        Func<InformationRequest, DecisionContext, IReadOnlyList<object>> decide, CancellationToken ct,
        Func<InformationRequest, Task>? afterAppend = null)
    {
        var services = http.RequestServices;
        var units = services.GetRequiredService<UnitDirectory>();
        var row = await RequestLookup.FindAsync(services.GetRequiredService<NpgsqlDataSource>(), registrationNumber, ct);
        if (row is null) return Problems.NotFound(registrationNumber);
        if (Deny(http, actor, row, units) is { } denied) return denied;
        if (!Problems.TryReadIfMatch(http, out var expected, out var preconditionProblem)) return preconditionProblem!;

        var store = services.GetRequiredService<EventStore>();
        var streamId = InformationRequest.StreamId(row.RequestId);
        var events = await store.ReadStreamAsync(streamId, ct);
        var version = events[^1].Version;
        if (version != expected) return Problems.Stale(version);
        var state = events.Aggregate(InformationRequest.Initial, (s, e) => InformationRequest.Evolve(s, e.Data));

        var calendar = services.GetRequiredService<PpidCalendar>();
        var user = http.User;
        var context = new DecisionContext(services.GetRequiredService<TimeProvider>().GetUtcNow(), calendar.Rules,
            (await calendar.CurrentAsync(ct)).Calendar, units.Find(state.UnitId)!.TimeZone,
            user.FindFirstValue(HumasClaims.Subject) ?? "requester");
        IReadOnlyList<object> decided = [];
        if (RequestGuards.Refusal(() => decided = decide(state, context)) is { } refused) return refused;

        if (decided.Count > 0)
            version = (await store.AppendAsync(streamId, InformationRequest.StreamType, version, decided, new EventMetadata(Actor: context.Actor), ct)).Version;
        var after = decided.Aggregate(state, InformationRequest.Evolve);
        if (afterAppend is not null) await afterAppend(after);
        http.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(new Changed(after.RegistrationNumber, after.UnitId, after.Status, after.DueDate, after.Overdue, after.Outcome, version));
    }

    private static IResult? Deny(HttpContext http, RequestActor actor, RequestRow row, UnitDirectory units)
    {
        var user = http.User;
        return actor switch
        {
            RequestActor.Administrator when !user.IsInRole(HumasRoles.Admin) => Problems.Forbidden("Only an administrator may do this."),
            RequestActor.Officer when !OfficerAccess.MayActFor(user, row.UnitId, units) =>
                user.Identity?.IsAuthenticated == true ? OfficerAccess.Forbidden(row.UnitId) : Problems.Unauthorized("Sign in as a PPID officer of the unit."),
            RequestActor.Requester when !RequesterAccess.IsRequester(http, row) =>
                http.Request.Headers.ContainsKey(GetRequest.AccessCodeHeader) || user.Identity?.IsAuthenticated == true
                    ? Problems.Forbidden("The access code does not match this request.")
                    : Problems.Unauthorized($"Send the request's access code in the {GetRequest.AccessCodeHeader} header."),
            _ => null,
        };
    }
}

public static class RequesterAccess
{
    public static bool IsRequester(HttpContext http, RequestRow row) =>
        AccessCode.Matches(http.Request.Headers[GetRequest.AccessCodeHeader].FirstOrDefault(), row.AccessCodeHash)
        || (row.RequesterAccount is not null && http.User.FindFirstValue(HumasClaims.Subject) == row.RequesterAccount && http.User.IsInRole(HumasRoles.Citizen));
}
