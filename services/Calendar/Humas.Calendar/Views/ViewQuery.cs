using Humas.Calendar.Publications;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;

namespace Humas.Calendar.Views;

/// <summary>
/// What every view of the calendar is asked: a unit, a range of local dates and optional filters
/// (channel, status, kind, stage as <c>electionId</c> or <c>electionId/stageId</c>). The scope is
/// the unit and, for a province or national unit, every unit of its body beneath it.
/// </summary>
public sealed record ViewQuery(Unit Unit, DateOnly From, DateOnly To, Channel? Channel, PublicationStatus? Status, ContentKind? Kind, string? ElectionId, string? StageId)
{
    public const int MaxDays = 400;

    public static ViewQuery Parse(string? unitId, DateOnly? from, DateOnly? to, string? channel, string? status, string? kind, string? stage, UnitDirectory units)
    {
        var errors = new Validation();
        Unit? unit = null;
        if (string.IsNullOrWhiteSpace(unitId)) errors.Add("unitId", "field.required", "unitId");
        else if ((unit = units.Find(unitId.Trim())) is null) errors.Add("unitId", "field.unknown-unit", unitId);
        if (from is null) errors.Add("from", "field.required", "from");
        if (to is null) errors.Add("to", "field.required", "to");
        if (from is { } f && to is { } t)
        {
            if (t < f) errors.Add("to", "field.from-after-to");
            else errors.FailWhen(t.DayNumber - f.DayNumber >= MaxDays, "to", "view.range-too-long", MaxDays);
        }
        var parsedChannel = Enum<Channel>(channel, "channel", errors);
        var parsedStatus = Enum<PublicationStatus>(status, "status", errors);
        var parsedKind = Enum<ContentKind>(kind, "kind", errors);
        string? election = null, stageId = null;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            var parts = stage.Trim().Split('/', 2);
            election = parts[0];
            stageId = parts.Length > 1 ? parts[1] : null;
            errors.FailWhen(stage.Length > 121 || election.Length == 0, "stage", "field.invalid", "stage");
        }
        errors.ThrowIfInvalid();
        return new ViewQuery(unit!, from!.Value, to!.Value, parsedChannel, parsedStatus, parsedKind, election, stageId);
    }

    private static T? Enum<T>(string? value, string field, Validation errors) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parsed = KebabNames.Parse<T>(value);
        if (parsed is null) errors.Add(field, "field.unknown-value", field, value, string.Join(", ", KebabNames.All<T>()));
        return parsed;
    }

    /// <summary>The SQL condition on the publications (alias p) in scope and matching the filters, with its parameters.</summary>
    public (string Where, object Parameters) PublicationFilter(bool publicOnly) => (
        $"""
        {Scope("p")} AND p.agenda_date BETWEEN @from AND @to
          AND (@channel::text IS NULL OR @channel = ANY (p.channels))
          AND (@status::text IS NULL OR p.status = @status)
          AND (@kind::text IS NULL OR p.kind = @kind)
          AND (@election::text IS NULL OR p.election_id = @election)
          AND (@stage::text IS NULL OR p.stage_id = @stage)
          {(publicOnly ? "AND p.visibility = 'public'" : "")}
        """,
        Parameters());

    public object Parameters() => new
    {
        unit = Unit.Id, institution = KebabNames.Of(Unit.Institution), province = Unit.ProvinceCode, from = From, to = To,
        channel = KebabNames.Of(Channel), status = KebabNames.Of(Status), kind = KebabNames.Of(Kind), election = ElectionId, stage = StageId,
    };

    /// <summary>The unit itself; a province with its regencies; a national unit with its whole body.</summary>
    public string Scope(string alias) => Unit.Level switch
    {
        UnitLevel.Regency => $"{alias}.unit_id = @unit",
        UnitLevel.Province => $"{alias}.institution = @institution AND {alias}.province_code = @province",
        _ => $"{alias}.institution = @institution",
    };
}
