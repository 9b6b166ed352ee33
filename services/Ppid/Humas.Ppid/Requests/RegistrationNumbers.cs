using Humas.Eventing.Store;

namespace Humas.Ppid.Requests;

/// <summary>
/// Registration numbers run per unit, series and year without gaps: the counter is taken in the
/// same transaction that registers the request (or objection), so a failed registration gives
/// its number back. Requests read KPU-33.21-2026-00042; objections KPU-33.21-KEB-2026-00003.
/// </summary>
public static class RegistrationNumbers
{
    public const string ObjectionSeries = "KEB";

    public static async Task<string> NextAsync(EventSession session, string unitId, int year, CancellationToken ct, string? series = null)
    {
        await using var command = session.CreateCommand("""
            INSERT INTO registration_counters (unit_id, year, last_number) VALUES (@unit, @year, 1)
            ON CONFLICT (unit_id, year) DO UPDATE SET last_number = registration_counters.last_number + 1
            RETURNING last_number
            """);
        command.Parameters.AddWithValue("unit", series is null ? unitId : $"{unitId}:{series}");
        command.Parameters.AddWithValue("year", year);
        var number = (int)(await command.ExecuteScalarAsync(ct))!;
        return Format(unitId, year, number, series);
    }

    public static string Format(string unitId, int year, int number, string? series = null) =>
        $"{unitId.ToUpperInvariant()}{(series is null ? "" : "-" + series)}-{year}-{number:D5}";
}
