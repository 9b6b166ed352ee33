using Humas.Eventing.Store;

namespace Humas.Clarifications.Published;

/// <summary>
/// Numbers of published clarifications run per unit and year without gaps (KPU-33.21-KLR-2026-00001):
/// the counter is taken in the transaction that publishes, so a refused publication gives its number back.
/// </summary>
public static class ClarificationNumbers
{
    public const string Series = "KLR";

    public static async Task<string> NextAsync(EventSession session, string unitId, int year, CancellationToken ct)
    {
        await using var command = session.CreateCommand("""
            INSERT INTO clarification_number_sequences (unit_id, year, last) VALUES (@unit, @year, 1)
            ON CONFLICT (unit_id, year) DO UPDATE SET last = clarification_number_sequences.last + 1
            RETURNING last
            """);
        command.Parameters.AddWithValue("unit", unitId);
        command.Parameters.AddWithValue("year", year);
        var number = (int)(await command.ExecuteScalarAsync(ct))!;
        return Format(unitId, year, number);
    }

    public static string Format(string unitId, int year, int number) => $"{unitId.ToUpperInvariant()}-{Series}-{year}-{number:D5}";
}
