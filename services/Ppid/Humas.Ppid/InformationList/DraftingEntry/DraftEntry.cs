using Humas.UseCases.Idempotency;
using Humas.UseCases.Changes;
using Humas.UseCases.Access;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
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
    public static void MapDraftEntry(this RouteGroupBuilder list) =>
        list.MapPost("/", HandleAsync).RequireAuthorization(HumasPolicies.PpidOfficer).WithIdempotencyKey("draft-information-entry")
            .WithName("DraftEntry")
            .WithSummary("Draft an entry of a unit's list of public information (officers of the unit)")
            .Produces<EntryView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static Validation Validate(EntryBody body, UnitDirectory units, int currentYear)
    {
        var errors = body.ValidateContent(currentYear);
        if (string.IsNullOrWhiteSpace(body.UnitId)) errors.Add("unitId", "field.required", "unitId");
        else errors.FailWhen(units.Find(body.UnitId) is null, "unitId", "field.unknown-unit", body.UnitId);
        return errors;
    }

    public static InformationEntryDrafted Decide(EntryBody body, Guid entryId) => new(entryId, body.UnitId!.Trim(), body.ToContent());

    private static async Task<IResult> HandleAsync(
        EntryBody body, HttpContext http, EventStore store, UnitDirectory units, TimeProvider clock, ResourceAccess access, CancellationToken ct)
    {
        Validate(body, units, clock.GetUtcNow().Year).ThrowIfInvalid();
        var unitId = body.UnitId!.Trim();
        await access.DemandForUnitAsync(http, unitId, ActOn.PpidOfficer);

        await using var write = await WriteSession.OpenAsync(http, ct);
        var drafted = Decide(body, Guid.CreateVersion7());
        var result = await write.Session.AppendAsync(InformationEntry.StreamId(drafted.EntryId), InformationEntry.StreamType, ExpectedVersion.NoStream, [drafted],
            new EventMetadata(Actor: ChangeFlow<InformationEntry, DateTimeOffset, EntryView>.ActorOf(http)), ct);
        await write.CommitAsync(ct);

        EntityTags.Set(http.Response, result.Version);
        return TypedResults.Created(EntryChanges.Location(drafted.EntryId), EntryView.From(InformationEntry.Evolve(InformationEntry.Initial, drafted), result.Version, units));
    }
}
