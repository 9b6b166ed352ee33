using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>
/// With RabbitMQ down, registrations still succeed: their integration events wait in Ppid's
/// outbox. Once it is back, every event reaches the Calendar, and each takes effect once.
/// </summary>
public sealed class BrokerOutageTests
{
    private const int Requests = 200;

    [Fact]
    public async Task Requests_registered_while_the_broker_is_down_all_reach_the_calendar_once_it_is_back()
    {
        var unit = Infrastructure.Requests.RandomRegencyUnit("35");
        var countBefore = (await Infrastructure.Requests.CalendarDeadlinesAsync(unit)).GetProperty("registeredCount").GetInt32();
        var officer = await Gateway.TokenAsync("officer-outage", "ppid-officer", unit);
        using var client = await Gateway.ClientAsync(officer);

        var (stopCode, stopOutput) = await Gateway.RunCtlAsync("rabbitmq", "stop");
        Assert.True(stopCode == 0, $"could not stop RabbitMQ: {stopOutput}");
        var numbers = new List<string>();
        try
        {
            for (var i = 0; i < Requests; i++)
            {
                var response = await client.PostAsJsonAsync("/api/ppid/requests", Infrastructure.Requests.Valid(unit));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNumber").GetString()!);
            }
        }
        finally
        {
            var (startCode, startOutput) = await Gateway.RunCtlAsync("rabbitmq", "start");
            Assert.True(startCode == 0, $"could not start RabbitMQ again: {startOutput}");
        }

        JsonElement calendar = default;
        await Gateway.EventuallyAsync(async () =>
        {
            calendar = await Infrastructure.Requests.CalendarDeadlinesAsync(unit);
            return calendar.GetProperty("registeredCount").GetInt32() >= countBefore + Requests;
        }, TimeSpan.FromMinutes(3), $"all {Requests} registrations to reach the Calendar");

        var listed = calendar.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("registrationNumber").GetString()).ToHashSet();
        Assert.All(numbers, number => Assert.Contains(number, listed));
        // Give any redelivery a moment to arrive, then check that nothing took effect twice.
        await Task.Delay(TimeSpan.FromSeconds(3));
        calendar = await Infrastructure.Requests.CalendarDeadlinesAsync(unit);
        Assert.Equal(countBefore + Requests, calendar.GetProperty("registeredCount").GetInt32());
    }
}
