using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Npgsql;

namespace Humas.MediaRelations.Journalists;

/// <summary>
/// Keeps the journalists table in the appending transaction: a revoked accreditation or a replaced
/// token stops matching at once. An erasure destroys the subject's key in that transaction too, so
/// the log never says "erased" while the data can still be opened.
/// </summary>
public sealed class JournalistProjection(PersonalDataVault vault) : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            (string Sql, (string, object)[] Parameters)? statement = recorded.Data switch
            {
                JournalistRegistered e => ("INSERT INTO journalists (journalist_id, unit_id, account, status, registered_at) VALUES (@id, @unit, @account, 'registered', @at)",
                    [("unit", e.UnitId), ("account", e.Account), ("at", e.RegisteredAt)]),
                JournalistAccredited => ("UPDATE journalists SET status = 'accredited' WHERE journalist_id = @id", []),
                JournalistAccreditationRevoked => ("UPDATE journalists SET status = 'revoked', token_hash = NULL WHERE journalist_id = @id", []),
                JournalistTokenIssued e => ("UPDATE journalists SET token_hash = @hash WHERE journalist_id = @id", [("hash", e.TokenHash)]),
                JournalistPersonalDataErased => ("UPDATE journalists SET account = NULL, token_hash = NULL WHERE journalist_id = @id", []),
                _ => null,
            };
            if (recorded.Data is JournalistPersonalDataErased erased) await vault.EraseAsync(connection, transaction, erased.PersonalDataSubject, ct);
            if (statement is not { } s) continue;
            await using var command = new NpgsqlCommand(s.Sql, connection, transaction);
            command.Parameters.AddWithValue("id", Guid.Parse(recorded.StreamId["journalist-".Length..]));
            foreach (var (name, value) in s.Parameters) command.Parameters.AddWithValue(name, value);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
