using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Humas.Eventing;
using Humas.Eventing.Store;
using Humas.IntegrationTests.Infrastructure;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.UseCases;
using Humas.UseCases.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Humas.IntegrationTests.EventStore;

/// <summary>
/// When the connection is lost during COMMIT, nobody can tell whether the transaction committed.
/// The answer says exactly that (503, code store.commit-unknown), not "nothing was changed"; and
/// a create repeated with the same Idempotency-Key is safe, because the key's row commits (or
/// not) together with the creation.
/// </summary>
public sealed class CommitOutcomeTests : IAsyncLifetime
{
    private const string Database = "test_commit_outcome";
    private WebApplication app = null!;
    private HttpClient client = null!;
    private string connectionString = "";

    public sealed record ThingBody(string What);

    /// <summary>Asks the test's endpoint to have the connection cut at commit; outside the body, so a repeat without it is the same request.</summary>
    private const string CutHeader = "X-Test-Cut-At-Commit";

    public async Task InitializeAsync()
    {
        connectionString = await TestInfrastructure.FreshDatabaseAsync(Database);
        var rabbitMq = await TestInfrastructure.FreshVirtualHostAsync("test-commit-outcome");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = TestInfrastructure.PostgresServer,
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
            ["Humas:PersonalData:MasterKey"] = Convert.ToBase64String(new byte[32]),
            ["Humas:Auth:SigningKey"] = new string('k', 32),
        });
        builder.AddServiceDefaults("tests");
        builder.AddEventing("tests", Database, eventing => eventing
            .Event<ThingHappened>("thing-happened")
            .MigrationsFrom(typeof(EventingHost).Assembly));
        builder.Services.AddUseCases();
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        app = builder.Build();
        app.UseServiceDefaults("/api/tests");
        app.MapPost("/api/tests/things", CreateAsync).WithIdempotencyKey("create-thing");
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // At COMMIT, a deferred trigger ends the session's own backend when the transaction asked
        // for it: the connection is lost between the last statement and the commit's answer.
        await ExecuteAsync("""
            CREATE FUNCTION cut_connection_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF current_setting('tests.cut_at_commit', true) = 'on' THEN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                END IF;
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER cut_connection_at_commit AFTER INSERT ON events
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cut_connection_at_commit();
            """);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>A create as services write one: in the transaction the Idempotency-Key filter opened, which commits it.</summary>
    private static async Task<IResult> CreateAsync(ThingBody body, HttpContext http, CancellationToken ct)
    {
        await using var write = await WriteSession.OpenAsync(http, ct);
        if (http.Request.Headers.ContainsKey(CutHeader))
        {
            await using var arm = write.Session.CreateCommand("SET LOCAL tests.cut_at_commit = 'on'");
            await arm.ExecuteNonQueryAsync(ct);
        }
        var id = Guid.CreateVersion7();
        await write.Session.AppendAsync($"thing-{id}", "thing", ExpectedVersion.NoStream, [new ThingHappened(body.What, 1)], ct: ct);
        await write.CommitAsync(ct);
        return TypedResults.Created($"/api/tests/things/{id}", new { id });
    }

    [Fact]
    public async Task A_connection_lost_during_commit_is_answered_as_an_unknown_outcome_and_the_retry_with_the_same_key_creates_exactly_once()
    {
        var key = Guid.NewGuid().ToString();

        var lost = await PostAsync(key, new ThingBody("lost at commit"), cutAtCommit: true);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        var problem = await lost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("store.commit-unknown", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("Tidak ada yang diubah", problem.GetProperty("detail").GetString());
        Assert.True(lost.Headers.RetryAfter is not null, "a 503 says when to retry");
        // Here the trigger ended the backend before the commit record: nothing, not even the key, was kept.
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM streams"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM idempotency_keys"));

        // The client repeats the same request with the same key: created once, then answered from the key.
        var retried = await PostAsync(key, new ThingBody("lost at commit"));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var again = await PostAsync(key, new ThingBody("lost at commit"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True(again.Headers.TryGetValues(IdempotencyFilter.ReplayedHeader, out _), "the second repeat is answered from the key");
        Assert.Equal(retried.Headers.Location, again.Headers.Location);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM streams"));
    }

    [Fact]
    public async Task A_commit_the_server_refuses_is_a_known_outcome_not_an_unknown_one()
    {
        await ExecuteAsync("""
            CREATE OR REPLACE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.data->>'what' = 'refused at commit' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '40001'; END IF;
                RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS refuse_at_commit ON events;
            CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON events
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit();
            """);

        var refused = await PostAsync(Guid.NewGuid().ToString(), new ThingBody("refused at commit"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("store.unavailable", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string key, ThingBody body, bool cutAtCommit = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tests/things") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyFilter.Header, key);
        if (cutAtCommit) request.Headers.Add(CutHeader, "on");
        return await client.SendAsync(request);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
