using Npgsql;

namespace Humas.Calendar;

internal static class Sql
{
    /// <summary>Runs a statement in the caller's transaction. Moments go to PostgreSQL in UTC, the only offset Npgsql writes to timestamptz.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct, string sql,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value switch { null => DBNull.Value, DateTimeOffset moment => moment.ToUniversalTime(), _ => value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
