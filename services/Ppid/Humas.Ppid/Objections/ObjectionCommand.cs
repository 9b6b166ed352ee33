using System.Security.Claims;
using Humas.Eventing.Store;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Npgsql;

namespace Humas.Ppid.Objections;

public enum ObjectionActor { Superior, RequesterOrOfficer }

/// <summary>The path every change to an objection takes, as <see cref="RequestCommand"/> is for requests.</summary>
public static class ObjectionCommand
{
    public sealed record Changed(string ObjectionNumber, ObjectionStatus Status, ObjectionDecision? Decision, DateOnly DecisionDueDate, DateOnly? DisputeFilingDueDate, long Version);

    public static async Task<IResult> ExecuteAsync(HttpContext http, string objectionNumber, ObjectionActor actor,
        Func<Objection, DecisionContext, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var units = services.GetRequiredService<UnitDirectory>();
        var row = await ObjectionLookup.FindAsync(db, objectionNumber, ct);
        if (row is null) return Problems.NotFound(objectionNumber);
        if (await DenyAsync(http, actor, row, units, db, ct) is { } denied) return denied;
        if (!Problems.TryReadIfMatch(http, out var expected, out var preconditionProblem)) return preconditionProblem!;

        var store = services.GetRequiredService<EventStore>();
        var streamId = Objection.StreamId(row.ObjectionId);
        var (state, version) = (await store.AggregateAsync(streamId, Objection.Initial, Objection.Evolve, ct))!.Value;
        if (version != expected) return Problems.Stale(version);
        var calendar = services.GetRequiredService<PpidCalendar>();
        var context = new DecisionContext(services.GetRequiredService<TimeProvider>().GetUtcNow(), calendar.Rules, (await calendar.CurrentAsync(ct)).Calendar,
            units.Find(state.UnitId)!.TimeZone, http.User.FindFirstValue(HumasClaims.Subject) ?? "requester");
        IReadOnlyList<object> decided = [];
        if (RequestGuards.Refusal(() => decided = decide(state, context)) is { } refused) return refused;
        var result = await store.AppendAsync(streamId, Objection.StreamType, version, decided, new EventMetadata(Actor: context.Actor), ct);
        var after = decided.Aggregate(state, Objection.Evolve);
        http.Response.Headers.ETag = $"\"{result.Version}\"";
        return TypedResults.Ok(new Changed(after.Number, after.Status, after.Decision, after.DecisionDueDate, after.DisputeFilingDueDate, result.Version));
    }

    private static async Task<IResult?> DenyAsync(HttpContext http, ObjectionActor actor, ObjectionRow row, UnitDirectory units, NpgsqlDataSource db, CancellationToken ct)
    {
        var user = http.User;
        if (actor == ObjectionActor.Superior)
        {
            var isSuperior = user.IsInRole(HumasRoles.Admin)
                || (user.IsInRole(HumasRoles.Supervisor) && user.FindFirstValue(HumasClaims.Unit) is { } unit && units.Oversees(unit, row.UnitId));
            if (isSuperior) return null;
            return user.Identity?.IsAuthenticated == true
                ? Problems.Forbidden($"Only the atasan PPID (supervisor) of unit '{row.UnitId}' decides its objections.")
                : Problems.Unauthorized("Sign in as the atasan PPID of the unit.");
        }
        if (OfficerAccess.MayActFor(user, row.UnitId, units)) return null;
        var request = await RequestLookup.FindAsync(db, row.RegistrationNumber, ct);
        if (request is not null && RequesterAccess.IsRequester(http, request)) return null;
        return user.Identity?.IsAuthenticated == true || http.Request.Headers.ContainsKey("X-Access-Code")
            ? Problems.Forbidden("Only the requester (with the access code) or an officer of the unit may do this.")
            : Problems.Unauthorized("Send the request's access code in the X-Access-Code header.");
    }
}
