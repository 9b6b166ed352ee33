namespace Humas.Calendar.RequestDeadlines;

/// <summary>
/// The deadline view: each open information request of a unit with its legal due date, so that
/// humas and PPID officers see what falls due on their calendar.
/// </summary>
public static class RequestDeadlinesSchema
{
    public const string Progress = """
        ALTER TABLE request_deadlines
            ADD COLUMN answered_at timestamptz,
            ADD COLUMN outcome text,
            ADD COLUMN overdue boolean NOT NULL DEFAULT false;
        """;

    /// <summary>The request version of the due date shown, so that a change arriving late does not undo a newer one.</summary>
    public const string DueDateVersion = """
        ALTER TABLE request_deadlines ADD COLUMN due_date_version bigint NOT NULL DEFAULT 1;
        """;

    public const string Sql = """
        CREATE TABLE request_deadlines (
            request_id           uuid PRIMARY KEY,
            registration_number  text NOT NULL,
            unit_id              text NOT NULL,
            received_at          timestamptz NOT NULL,
            due_date             date NOT NULL,
            due_date_provisional boolean NOT NULL
        );
        CREATE INDEX request_deadlines_unit_due ON request_deadlines (unit_id, due_date);
        -- A running count per unit: an effect that would double if a message were handled twice.
        CREATE TABLE unit_request_counts (
            unit_id     text PRIMARY KEY,
            registered  int NOT NULL
        );
        """;
}
