using System.Net.Http.Json;
using Humas.EndToEndTests.Infrastructure;
using Npgsql;

namespace Humas.EndToEndTests.Ppid;

/// <summary>NIK, name, address and phone reach no event, outbox message, other service's table or log in clear.</summary>
public sealed class PersonalDataTests
{
    [Fact]
    public async Task A_requesters_personal_data_is_stored_nowhere_in_clear_but_in_sight_of_the_units_officers()
    {
        var unit = Requests.RandomRegencyUnit();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var nik = $"332101{Random.Shared.Next(10, 28)}0890{Random.Shared.Next(1000, 9999)}";
        var name = $"Pemohon {marker}";
        var address = $"Jalan {marker} No. 7";
        var phone = $"0812{Random.Shared.Next(10_000_000, 99_999_999)}";
        using var officer = await Steps.AsAsync("ppid-officer", unit);
        var body = new
        {
            unitId = unit,
            requester = new { type = "individual", fullName = name, nik, address, phone },
            informationRequested = "Daftar calon tetap", purpose = "Liputan", obtainBy = new[] { "read" }, deliveryBy = "collect",
        };
        var registered = await Steps.OkAsync(await officer.PostAsJsonAsync("/api/ppid/requests", body));
        var number = registered.GetProperty("registrationNumber").GetString()!;

        var seen = await Steps.GetAsync(officer, $"/api/ppid/requests/{number}?reveal=true");
        Assert.Equal(nik, seen.GetProperty("requester").GetProperty("nik").GetString());
        await Gateway.EventuallyAsync(async () => (await Requests.CalendarDeadlinesAsync(unit)).GetProperty("deadlines").EnumerateArray()
            .Any(d => d.GetProperty("registrationNumber").GetString() == number), TimeSpan.FromSeconds(30), "the calendar to learn of the request");

        string[] secrets = [nik, name, address, phone];
        foreach (var (database, sql) in new[]
        {
            ("ppid", "SELECT data::text FROM events UNION ALL SELECT metadata::text FROM events UNION ALL SELECT body::text FROM outbox UNION ALL SELECT row_to_json(r)::text FROM ppid_requests r"),
            ("calendar", "SELECT row_to_json(d)::text FROM request_deadlines d"),
        })
        {
            var rows = await ReadAllAsync(database, sql);
            Assert.NotEmpty(rows);
            foreach (var secret in secrets) Assert.DoesNotContain(rows, row => row.Contains(secret, StringComparison.Ordinal));
        }

        var logs = Path.Combine(Path.GetDirectoryName(Gateway.Ctl)!, ".humas", "logs");
        foreach (var log in new[] { "ppid.log", "calendar.log", "gateway.log" }.Select(f => Path.Combine(logs, f)).Where(File.Exists))
        {
            var text = await File.ReadAllTextAsync(log);
            foreach (var secret in secrets) Assert.DoesNotContain(secret, text);
        }
    }

    private static async Task<List<string>> ReadAllAsync(string database, string sql)
    {
        await using var connection = await Databases.OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
