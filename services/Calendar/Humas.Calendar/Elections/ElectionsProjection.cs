using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Calendar.Elections;

/// <summary>The stages every agenda and feed shows, kept in the appending transaction.</summary>
public sealed class ElectionsProjection : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            switch (recorded.Data)
            {
                case ElectionAdded e:
                    await ExecuteAsync(connection, transaction, ct, """
                        INSERT INTO elections (election_id, name_id, name_en, source, version) VALUES (@election, @nameId, @nameEn, @source, @version)
                        """, ("election", e.ElectionId), ("nameId", e.NameId), ("nameEn", e.NameEn), ("source", e.Source), ("version", recorded.Version));
                    foreach (var stage in e.Stages) await InsertStageAsync(connection, transaction, e.ElectionId, stage, ct);
                    break;
                case StageAdded e:
                    await InsertStageAsync(connection, transaction, e.ElectionId, e.Stage, ct);
                    await VersionAsync(connection, transaction, e.ElectionId, recorded.Version, ct);
                    break;
                case StageDatesCorrected e:
                    await ExecuteAsync(connection, transaction, ct, """
                        UPDATE election_stages SET start_date = @start, end_date = @end, source = coalesce(@source, source), corrected = true
                        WHERE election_id = @election AND stage_id = @stage
                        """, ("election", e.ElectionId), ("stage", e.StageId), ("start", e.Start), ("end", e.End), ("source", e.Source));
                    await VersionAsync(connection, transaction, e.ElectionId, recorded.Version, ct);
                    break;
            }
        }
    }

    private static Task InsertStageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string electionId, Stage stage, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, ct, """
            INSERT INTO election_stages (election_id, stage_id, name_id, name_en, start_date, end_date, source)
            VALUES (@election, @stage, @nameId, @nameEn, @start, @end, @source)
            """, ("election", electionId), ("stage", stage.StageId), ("nameId", stage.NameId), ("nameEn", stage.NameEn), ("start", stage.Start),
            ("end", stage.End), ("source", stage.Source));

    private static Task VersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string electionId, long version, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, ct, "UPDATE elections SET version = @version WHERE election_id = @election", ("election", electionId), ("version", version));

    private static Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct, string sql,
        params (string Name, object? Value)[] parameters) => Sql.ExecuteAsync(connection, transaction, ct, sql, parameters);
}
