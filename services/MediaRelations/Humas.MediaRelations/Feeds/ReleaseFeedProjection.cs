using Humas.Eventing.Store;
using Humas.MediaRelations.PressReleases;
using Npgsql;

namespace Humas.MediaRelations.Feeds;

/// <summary>
/// Keeps press_release_feed in the appending transaction, so a feed never shows a release before it
/// is public. The row also holds the body of the version the release is at, rendered to safe HTML
/// (<see cref="MarkdownRenderer"/>) as each version is written, so that the feeds need not render
/// Markdown and sanitise HTML for every item of every request.
/// </summary>
public sealed class ReleaseFeedProjection(MarkdownRenderer markdown) : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            (string Sql, (string, object)[] Parameters)? statement = recorded.Data switch
            {
                PressReleaseDrafted e => ("INSERT INTO press_release_feed (release_id, unit_id, subjects, updated_at, body_html) VALUES (@id, @unit, @subjects, @at, @html)",
                    [("unit", e.UnitId), ("subjects", e.Content.Subjects.ToArray()), ("at", e.DraftedAt), Html(e.Content)]),
                PressReleaseRevised e => ("UPDATE press_release_feed SET subjects = @subjects, body_html = @html WHERE release_id = @id",
                    [("subjects", e.Content.Subjects.ToArray()), Html(e.Content)]),
                PressReleasePublishedInternally { EmbargoUntil: null } e => ("UPDATE press_release_feed SET public_since = @at, updated_at = @at WHERE release_id = @id", [("at", e.PublishedAt)]),
                PressReleasePublishedInternally { EmbargoUntil: { } until } => ("UPDATE press_release_feed SET embargo_until = @until WHERE release_id = @id", [("until", until)]),
                PressReleaseEmbargoLifted e => ("UPDATE press_release_feed SET public_since = @at, updated_at = @at WHERE release_id = @id", [("at", e.LiftedAt)]),
                PressReleaseCorrected e => ("UPDATE press_release_feed SET subjects = @subjects, updated_at = @at, body_html = @html WHERE release_id = @id",
                    [("subjects", e.Content.Subjects.ToArray()), ("at", e.CorrectedAt), Html(e.Content)]),
                PressReleaseWithdrawn e => ("UPDATE press_release_feed SET withdrawn = true, updated_at = @at WHERE release_id = @id", [("at", e.WithdrawnAt)]),
                _ => null,
            };
            if (statement is not { } s) continue;
            await using var command = new NpgsqlCommand(s.Sql, connection, transaction);
            command.Parameters.AddWithValue("id", Guid.Parse(recorded.StreamId["press-release-".Length..]));
            foreach (var (name, value) in s.Parameters) command.Parameters.AddWithValue(name, value);
            await command.ExecuteNonQueryAsync(ct);
            ReleaseFeeds.Changed();
        }
    }

    private (string, object) Html(ReleaseContent content) => ("html", markdown.ToSafeHtml(content.BodyMarkdown));
}
