using Humas.Eventing.PersonalData;
using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Ppid.Requests.ErasingRequester;

/// <summary>
/// Destroys the requester's key in the transaction that appends <see cref="RequesterDataErased"/>:
/// the log never says "erased" while the data can still be opened, and a failed erasure leaves both.
/// </summary>
public sealed class RequesterErasure(PersonalDataVault vault) : IInlineProjection
{
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var recorded in events)
        {
            if (recorded.Data is not RequesterDataErased) continue;
            await using var find = new NpgsqlCommand("SELECT requester_subject FROM ppid_requests WHERE request_id = @rid", connection, transaction);
            find.Parameters.AddWithValue("rid", Guid.Parse(recorded.StreamId["request-".Length..]));
            if (await find.ExecuteScalarAsync(ct) is Guid subject) await vault.EraseAsync(connection, transaction, subject, ct);
        }
    }
}
