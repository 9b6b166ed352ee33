using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Humas.Eventing.Store;
using Humas.Ppid.Requests;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Humas.Ppid.InformationList.DraftingEntry;

/// <summary>
/// A unit's PPID officer drafts an entry of its Daftar Informasi Publik. A draft is not public
/// until it is published (or, for exempt information, recorded as exempt).
/// </summary>
public static class DraftEntry
{
    private const string IdempotencyScope = "draft-information-entry";

    public static void MapDraftEntry(this RouteGroupBuilder list) =>
        list.MapPost("/", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer)
            .WithSummary("Draft an entry of a unit's list of public information (officers of the unit)")
            .Produces<EntryView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Dictionary<string, string[]> Validate(EntryBody body, UnitDirectory units, int currentYear)
    {
        var errors = body.ValidateContent(currentYear);
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors["unitId"] = ["Unit wajib diisi / unitId is required."];
        else if (units.Find(body.UnitId) is null) errors["unitId"] = [$"Unit '{body.UnitId}' tidak dikenal / unknown unit."];
        return errors;
    }

    public static InformationEntryDrafted Decide(EntryBody body, Guid entryId) => new(entryId, body.UnitId!.Trim(), body.ToContent());

    private static async Task<IResult> HandleAsync(
        EntryBody body, HttpContext http, ClaimsPrincipal user, EventStore store, UnitDirectory units, TimeProvider clock,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        var errors = Validate(body, units, clock.GetUtcNow().Year);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Entri tidak lengkap / The entry is incomplete");
        var unitId = body.UnitId!.Trim();
        if (!OfficerAccess.MayActFor(user, unitId, units)) return OfficerAccess.Forbidden(unitId);

        var actor = user.FindFirstValue(HumasClaims.Subject);
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 200) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = ["At most 200 characters."] });
        await using var session = await store.OpenSessionAsync(ct);
        if (idempotencyKey.Length > 0)
        {
            var fingerprint = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { body, actor })));
            if (await IdempotencyKeys.ClaimAsync(session, IdempotencyScope, idempotencyKey, fingerprint, ct) is { } earlier)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
                if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
                return Results.Text(earlier.Body, "application/json", Encoding.UTF8, earlier.Status);
            }
        }

        var drafted = Decide(body, Guid.CreateVersion7());
        var result = await session.AppendAsync(InformationEntry.StreamId(drafted.EntryId), InformationEntry.StreamType, ExpectedVersion.NoStream, [drafted],
            new EventMetadata(Actor: actor), ct);
        var view = EntryView.From(InformationEntry.Evolve(InformationEntry.Initial, drafted), result.Version, units);
        var location = EntryEndpoints.Location(drafted.EntryId);
        if (idempotencyKey.Length > 0)
            await IdempotencyKeys.CompleteAsync(session, IdempotencyScope, idempotencyKey, StatusCodes.Status201Created, location,
                JsonSerializer.Serialize(view, json.Value.SerializerOptions), ct);
        await session.CommitAsync(ct);

        http.Response.Headers.ETag = $"\"{result.Version}\"";
        return TypedResults.Created(location, view);
    }
}
