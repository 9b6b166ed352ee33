using Dapper;
using Npgsql;

namespace Humas.Ppid.Reports;

/// <summary>
/// The annual public information service report (UU 14/2008 Pasal 12; Perki 1/2021 Pasal 56)
/// of a unit: its requests received and objections filed in the year, counted by the database
/// from the register tables (one indexed pass over the unit's year), never by loading its
/// requests. Not cached: a figure changes the moment a request does.
/// </summary>
public sealed record AnnualReport(
    string UnitId,
    int Year,
    int RequestsReceived,
    int AnsweredInFull,
    int AnsweredInPart,
    int Refused,
    IReadOnlyDictionary<string, int> RefusedByExemption,
    int NotHeld,
    int NotYetDocumented,
    int Referred,
    int Withdrawn,
    int StillOpen,
    double? AverageAnswerWorkingDays,
    int? LongestAnswerWorkingDays,
    int Extensions,
    int AnsweredLate,
    int OverdueUnanswered,
    int ObjectionsFiled,
    int ObjectionsAccepted,
    int ObjectionsRejected,
    int ObjectionsUndecided,
    int ObjectionsDecidedLate,
    int Disputes)
{
    private const string Open = "status IN ('registered', 'awaiting-clarification')";

    /// <summary>The report of what <paramref name="unitId"/> received from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    public static async Task<AnnualReport> ReadAsync(NpgsqlDataSource db, string unitId, int year, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition($"""
            SELECT count(*)::int AS received,
                   count(*) FILTER (WHERE outcome = 'granted')::int AS granted,
                   count(*) FILTER (WHERE outcome = 'granted-in-part')::int AS granted_in_part,
                   count(*) FILTER (WHERE outcome = 'refused')::int AS refused,
                   count(*) FILTER (WHERE outcome = 'not-held')::int AS not_held,
                   count(*) FILTER (WHERE outcome = 'not-yet-documented')::int AS not_yet_documented,
                   count(*) FILTER (WHERE status = 'referred')::int AS referred,
                   count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
                   count(*) FILTER (WHERE {Open})::int AS still_open,
                   avg(answer_working_days) FILTER (WHERE outcome IS NOT NULL)::float8 AS average_answer_working_days,
                   max(answer_working_days) FILTER (WHERE outcome IS NOT NULL) AS longest_answer_working_days,
                   count(*) FILTER (WHERE extended)::int AS extensions,
                   count(*) FILTER (WHERE answered_late)::int AS answered_late,
                   count(*) FILTER (WHERE overdue AND {Open})::int AS overdue_unanswered
            FROM ppid_requests WHERE unit_id = @unit AND received_at >= @start AND received_at < @end;

            SELECT 'pasal-17-' || exemption AS exemption, count(*)::int AS requests
            FROM ppid_requests WHERE unit_id = @unit AND received_at >= @start AND received_at < @end AND outcome = 'refused' AND exemption IS NOT NULL
            GROUP BY exemption ORDER BY exemption;

            SELECT count(*)::int AS filed,
                   count(*) FILTER (WHERE decision = 'accepted')::int AS accepted,
                   count(*) FILTER (WHERE decision = 'rejected')::int AS rejected,
                   count(*) FILTER (WHERE status = 'filed')::int AS undecided,
                   count(*) FILTER (WHERE decided_late)::int AS decided_late,
                   count(*) FILTER (WHERE dispute_filed_at IS NOT NULL)::int AS disputes
            FROM ppid_objections WHERE unit_id = @unit AND filed_at >= @start AND filed_at < @end;
            """, new { unit = unitId, start = start.ToUniversalTime(), end = end.ToUniversalTime() }, cancellationToken: ct));
        var r = await results.ReadSingleAsync<RequestFigures>();
        var refusedByExemption = (await results.ReadAsync<ExemptionFigure>()).ToDictionary(e => e.Exemption, e => e.Requests);
        var o = await results.ReadSingleAsync<ObjectionFigures>();

        return new AnnualReport(unitId, year, r.Received, r.Granted, r.GrantedInPart, r.Refused, refusedByExemption, r.NotHeld, r.NotYetDocumented,
            r.Referred, r.Withdrawn, r.StillOpen,
            r.AverageAnswerWorkingDays is { } average ? Math.Round(average, 1) : null, r.LongestAnswerWorkingDays,
            r.Extensions, r.AnsweredLate, r.OverdueUnanswered,
            o.Filed, o.Accepted, o.Rejected, o.Undecided, o.DecidedLate, o.Disputes);
    }

    private sealed record RequestFigures(int Received, int Granted, int GrantedInPart, int Refused, int NotHeld, int NotYetDocumented, int Referred,
        int Withdrawn, int StillOpen, double? AverageAnswerWorkingDays, int? LongestAnswerWorkingDays, int Extensions, int AnsweredLate, int OverdueUnanswered);

    private sealed record ExemptionFigure(string Exemption, int Requests);

    private sealed record ObjectionFigures(int Filed, int Accepted, int Rejected, int Undecided, int DecidedLate, int Disputes);
}
