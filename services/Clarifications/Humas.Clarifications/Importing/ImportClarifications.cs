using System.Security.Claims;
using System.Text.Json;
using Humas.Clarifications.Matching;
using Humas.Clarifications.Published;
using Humas.Clarifications.Verdicts;
using Humas.Eventing.Store;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases.Access;
using Humas.UseCases.Idempotency;

namespace Humas.Clarifications.Importing;

/// <summary>
/// Bringing in clarifications a unit published before: a JSON array (or CSV with the same columns),
/// all or nothing. Each row becomes a published clarification marked as imported, with a number of
/// its unit and year, and takes part in matching at once. Bad rows are reported by position.
/// </summary>
public static class ImportClarifications
{
    public const int MaxRows = 1000;

    public sealed record Row(string? UnitId, string? Label, string? Title, string? Claim, string? Explanation, DateTimeOffset? PublishedAt, string? SourceUrl);

    public sealed record Imported(IReadOnlyList<string> Numbers);

    /// <summary>Humas officers (and supervisors) of the unit or of a unit overseeing it.</summary>
    public static readonly ActOn HumasOfficer = new(Actors.Officer, [HumasRoles.HumasOfficer, HumasRoles.Supervisor]);

    public static void MapImportClarifications(this RouteGroupBuilder api) =>
        api.MapPost("/imports", HandleAsync)
            .RequireAuthorization(HumasPolicies.HumasOfficer).WithIdempotencyKey("import-clarifications")
            .WithTags("Import").WithName("ImportClarifications")
            .WithSummary("Import published clarifications: a JSON array or CSV (unitId, label, title, claim, explanation, publishedAt, sourceUrl); all or nothing")
            .Accepts<List<Row>>("application/json", "text/csv")
            .Produces<Imported>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Every row checked; a field of a bad row is named by its position, e.g. rows[2].label.</summary>
    public static Validation Validate(IReadOnlyList<Row?> rows, UnitDirectory units, DateTimeOffset now)
    {
        var errors = new Validation();
        if (rows.Count == 0) return errors.Add("rows", "clarification.import.empty");
        if (rows.Count > MaxRows) return errors.Add("rows", "clarification.import.too-many", MaxRows);
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"rows[{i}]";
            if (rows[i] is not { } row) { errors.Add(at, "field.required", at); continue; }
            if (string.IsNullOrWhiteSpace(row.UnitId)) errors.Add($"{at}.unitId", "field.required", "unitId");
            else errors.FailWhen(units.Find(row.UnitId.Trim()) is null, $"{at}.unitId", "field.unknown-unit", row.UnitId);
            if (string.IsNullOrWhiteSpace(row.Label)) errors.Add($"{at}.label", "field.required", "label");
            else errors.FailWhen(VerdictLabels.Find(row.Label) is null, $"{at}.label", "clarification.label.unknown", row.Label);
            errors.Text(row.Title, $"{at}.title", 300).Text(row.Claim, $"{at}.claim", 4000).Text(row.Explanation, $"{at}.explanation", 20000);
            if (row.PublishedAt is not { } published) errors.Add($"{at}.publishedAt", "field.required", "publishedAt");
            else errors.FailWhen(published > now.AddMinutes(5) || published.Year < 2000 || !DateWindow.Contains(published), $"{at}.publishedAt",
                "field.date-out-of-range", "publishedAt");
            if (!string.IsNullOrWhiteSpace(row.SourceUrl))
                errors.FailWhen(row.SourceUrl.Length > 2000 || !Uri.TryCreate(row.SourceUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"),
                    $"{at}.sourceUrl", "clarification.url.invalid", "sourceUrl");
        }
        return errors;
    }

    /// <summary>The decision for one valid row: the imported clarification's event.</summary>
    public static ClarificationImported Decide(Row row, Guid id, string number, string? importedBy, DateTimeOffset now) =>
        new(id, number, row.UnitId!.Trim(), VerdictLabels.Find(row.Label)!.Code, row.Title!.Trim(), row.Claim!.Trim(), row.Explanation!.Trim(),
            row.PublishedAt!.Value.ToUniversalTime(), string.IsNullOrWhiteSpace(row.SourceUrl) ? null : row.SourceUrl.Trim(), importedBy, now);

    private static async Task<IResult> HandleAsync(HttpContext http, ClaimsPrincipal user, UnitDirectory units, TimeProvider clock, ResourceAccess access,
        MatchIndex index, CancellationToken ct)
    {
        var rows = await ReadRowsAsync(http.Request, ct);
        var now = clock.GetUtcNow();
        Validate(rows, units, now).ThrowIfInvalid();
        foreach (var unitId in rows.Select(r => r!.UnitId!.Trim()).Distinct())
            await access.DemandForUnitAsync(http, unitId, HumasOfficer);

        var actor = user.FindFirstValue(HumasClaims.Subject);
        var imported = new List<ClarificationImported>(rows.Count);
        await using (var write = await WriteSession.OpenAsync(http, ct))
        {
            foreach (var row in rows)
            {
                var unit = units.Find(row!.UnitId!.Trim())!;
                var number = await ClarificationNumbers.NextAsync(write.Session, unit.Id, unit.TimeZone.ToLocal(row.PublishedAt!.Value).Year, ct);
                var e = Decide(row, Guid.CreateVersion7(), number, actor, now);
                await write.Session.AppendAsync(Clarification.StreamId(e.ClarificationId), Clarification.StreamType, ExpectedVersion.NoStream, [e],
                    new EventMetadata(Actor: actor), ct);
                imported.Add(e);
            }
            await write.CommitAsync(ct);
        }
        foreach (var e in imported) index.Upsert(new MatchCandidate(e.Number, e.Title, e.Label, e.Claim));
        return TypedResults.Created("/api/clarifications/imports", new Imported(imported.Select(e => e.Number).ToList()));
    }

    private static async Task<List<Row?>> ReadRowsAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            return Csv.ReadWithHeader(text).Select(FromCsv).ToList();
        try
        {
            return JsonSerializer.Deserialize<List<Row?>>(text, JsonOptions) ?? throw Refusal.Invalid("rows", "clarification.import.not-an-array");
        }
        catch (JsonException)
        {
            throw Refusal.Invalid("rows", "clarification.import.not-an-array");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static Row? FromCsv(Dictionary<string, string> r)
    {
        string? Get(string name) => r.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        DateTimeOffset? published = DateTimeOffset.TryParse(Get("publishedAt"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var p) ? p : null;
        return new Row(Get("unitId"), Get("label"), Get("title"), Get("claim"), Get("explanation"), published, Get("sourceUrl"));
    }
}
