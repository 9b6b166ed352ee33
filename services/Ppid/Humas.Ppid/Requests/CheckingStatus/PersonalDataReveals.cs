using Npgsql;

namespace Humas.Ppid.Requests.CheckingStatus;

/// <summary>How personal data is shown by default: enough to recognise, not enough to reuse.</summary>
public static class Masking
{
    /// <summary>The last four digits of a NIK; the region and date of birth it encodes stay hidden.</summary>
    public static string? Nik(string? nik) => nik is null ? null : Keep(nik, 4);

    /// <summary>The last three digits of a phone number.</summary>
    public static string? Phone(string? phone) => phone is null ? null : Keep(phone, 3);

    private static string Keep(string value, int lastDigits)
    {
        var chars = value.ToCharArray();
        var kept = 0;
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(chars[i])) continue;
            if (kept < lastDigits) kept++;
            else chars[i] = '*';
        }
        return new string(chars);
    }
}

/// <summary>Every time an officer asked to see a requester's personal data whole: who, when, which request, which fields.</summary>
public static class PersonalDataReveals
{
    public static async Task RecordAsync(NpgsqlDataSource db, Guid requestId, string registrationNumber, string actor, string[] fields, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO personal_data_reveals (request_id, registration_number, actor, fields) VALUES (@request, @number, @actor, @fields)
            """);
        command.Parameters.AddWithValue("request", requestId);
        command.Parameters.AddWithValue("number", registrationNumber);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("fields", fields);
        await command.ExecuteNonQueryAsync(ct);
    }
}
