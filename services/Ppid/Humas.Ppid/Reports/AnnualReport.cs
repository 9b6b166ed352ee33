using Humas.Ppid.Objections;
using Humas.Ppid.Requests;

namespace Humas.Ppid.Reports;

/// <summary>
/// The annual public information service report (UU 14/2008 Pasal 12; Perki 1/2021 Pasal 56),
/// computed from the events of the unit's requests and objections of the year.
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
    /// <summary>Pure: each inner list is one stream's events in order.</summary>
    public static AnnualReport Compute(string unitId, int year, IEnumerable<IReadOnlyList<object>> requestStreams, IEnumerable<IReadOnlyList<object>> objectionStreams)
    {
        var requests = requestStreams.Select(events => (State: events.Aggregate(InformationRequest.Initial, InformationRequest.Evolve), Events: events)).ToList();
        var answers = requests.SelectMany(r => r.Events.OfType<RequestAnswered>()).ToList();
        int Outcome(AnswerOutcome outcome) => answers.Count(a => a.Outcome == outcome);
        var objections = objectionStreams.Select(events => events.Aggregate(Objection.Initial, Objection.Evolve)).ToList();
        var decisions = objectionStreams.SelectMany(events => events.OfType<ObjectionDecided>()).ToList();

        return new AnnualReport(
            unitId, year,
            RequestsReceived: requests.Count,
            AnsweredInFull: Outcome(AnswerOutcome.Granted),
            AnsweredInPart: Outcome(AnswerOutcome.GrantedInPart),
            Refused: Outcome(AnswerOutcome.Refused),
            RefusedByExemption: answers.Where(a => a.Outcome == AnswerOutcome.Refused && a.Exemption is not null)
                .GroupBy(a => $"pasal-17-{a.Exemption.ToString()!.ToLowerInvariant()}").OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            NotHeld: Outcome(AnswerOutcome.NotHeld),
            NotYetDocumented: Outcome(AnswerOutcome.NotYetDocumented),
            Referred: requests.Count(r => r.State.Status == RequestStatus.Referred),
            Withdrawn: requests.Count(r => r.State.Status == RequestStatus.Withdrawn),
            StillOpen: requests.Count(r => r.State.IsOpen),
            AverageAnswerWorkingDays: answers.Count == 0 ? null : Math.Round(answers.Average(a => a.WorkingDaysTaken), 1),
            LongestAnswerWorkingDays: answers.Count == 0 ? null : answers.Max(a => a.WorkingDaysTaken),
            Extensions: requests.Count(r => r.State.Extended),
            AnsweredLate: answers.Count(a => a.Late),
            OverdueUnanswered: requests.Count(r => r.State.IsOpen && r.State.Overdue),
            ObjectionsFiled: objections.Count,
            ObjectionsAccepted: decisions.Count(d => d.Decision == ObjectionDecision.Accepted),
            ObjectionsRejected: decisions.Count(d => d.Decision == ObjectionDecision.Rejected),
            ObjectionsUndecided: objections.Count(o => o.Status == ObjectionStatus.Filed),
            ObjectionsDecidedLate: decisions.Count(d => d.Late),
            Disputes: objections.Count(o => o.DisputeRecorded));
    }
}
