using Humas.Eventing.Store;

namespace Humas.Ppid.Requests;

/// <summary>
/// Registration numbers run per unit and year without gaps: the counter is taken in the same
/// transaction that registers the request, so a failed registration gives its number back.
/// </summary>
public static class RegistrationNumbers
{
    public static async Task<string> NextAsync(EventSession session, string unitId, int year, CancellationToken ct)
    {
        await using var command = session.CreateCommand("""
            INSERT INTO registration_counters (unit_id, year, last_number) VALUES (@unit, @year, 1)
            ON CONFLICT (unit_id, year) DO UPDATE SET last_number = registration_counters.last_number + 1
            RETURNING last_number
            """);
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("year", year);
        var number = (int)(await command.ExecuteScalarAsync(ct))!;
        return Format(unitId, year, number);
    }

    public static string Format(string unitId, int year, int number) => $"{unitId.ToUpperInvariant()}-{year}-{number:D5}";
}
