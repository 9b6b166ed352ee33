using System.Net;
using Humas.EndToEndTests.Clarifications;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.MediaRelations;

/// <summary>
/// Across services, through the gateway: a clarification of a claim the mass media quoted opens a
/// draft official statement in MediaRelations; the unit's humas officers take it through review
/// and publish it; it is public, in the unit's feed, and the clarification links to it.
/// </summary>
public sealed class OfficialStatementTests
{
    [Fact]
    public async Task A_claim_quoted_by_the_mass_media_becomes_a_published_official_statement_the_clarification_links_to()
    {
        var village = CaseLifecycleTests.Village();
        var clarification = await CaseLifecycleTests.PublishAsync(village, new { shares = 10, views = 500, quotedByOutlets = new[] { "Harian Contoh" } },
            legalReview: true);

        var releaseId = Guid.Empty;
        await Gateway.EventuallyAsync(async () => (releaseId = await StatementDraftedForAsync(clarification.CaseId)) != Guid.Empty,
            TimeSpan.FromSeconds(60), "the draft official statement to be opened");
        var author = await Gateway.ClientAsync(await Gateway.TokenAsync($"media-author-{Guid.NewGuid():N}", "humas-officer", CaseLifecycleTests.Unit));
        var reviewer = await Gateway.ClientAsync(await Gateway.TokenAsync($"media-reviewer-{Guid.NewGuid():N}", "humas-officer", CaseLifecycleTests.Unit));
        var draft = await Steps.GetAsync(author, $"/api/media/releases/{releaseId}");
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(clarification.CaseId, draft.GetProperty("clarificationId").GetGuid());
        Assert.StartsWith("Pernyataan resmi:", draft.GetProperty("headline").GetString());
        Assert.Contains("Harian Contoh", draft.GetProperty("summary").GetString());
        using var anyone = await Gateway.ClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/api/media/releases/{releaseId}")).StatusCode);

        await Steps.OkAsync(await Steps.PostAsync(author, $"/api/media/releases/{releaseId}/submit", new { }, 1));
        Assert.Equal(HttpStatusCode.Forbidden, (await Steps.PostAsync(author, $"/api/media/releases/{releaseId}/approve", new { }, 2)).StatusCode);
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/approve", new { }, 2));
        await Steps.OkAsync(await Steps.PostAsync(reviewer, $"/api/media/releases/{releaseId}/publish", new { }, 3));

        var published = await Steps.GetAsync(anyone, $"/api/media/releases/{releaseId}");
        Assert.Equal(draft.GetProperty("headline").GetString(), published.GetProperty("headline").GetString());
        var feed = await FeedTests.ParseAsync("ninjs", await anyone.GetByteArrayAsync($"/api/media/feeds/ninjs?unitId={CaseLifecycleTests.Unit}"));
        Assert.Contains(feed.EnumerateArray(), i => i.GetProperty("id").GetString()!.EndsWith(releaseId.ToString(), StringComparison.Ordinal));

        await Gateway.EventuallyAsync(async () =>
            {
                var seen = await Steps.GetAsync(anyone, $"/api/clarifications/{clarification.Number}");
                return seen.TryGetProperty("statement", out var statement) && statement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && statement.GetProperty("releaseId").GetGuid() == releaseId;
            }, TimeSpan.FromSeconds(60), "the clarification to link the published statement");
    }

    /// <summary>The release MediaRelations drafted for the clarification, or none yet (read from its store: officers find it by its link there).</summary>
    private static async Task<Guid> StatementDraftedForAsync(Guid clarificationId)
    {
        await using var db = await Databases.OpenAsync("mediarelations");
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT (data->>'releaseId')::uuid FROM events WHERE type = 'press-release-drafted' AND data->>'clarificationId' = @id", db);
        command.Parameters.AddWithValue("id", clarificationId.ToString());
        return await command.ExecuteScalarAsync() is Guid id ? id : Guid.Empty;
    }
}
