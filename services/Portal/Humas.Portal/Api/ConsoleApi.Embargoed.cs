namespace Humas.Portal.Api;

public sealed partial class ConsoleApi
{
    /// <summary>The releases under embargo a signed-in, accredited journalist may read (the service decides from the account).</summary>
    public Task<ApiResult<List<EmbargoedRelease>>> ListEmbargoedAsync(CancellationToken ct) =>
        CallAsync<List<EmbargoedRelease>>(HttpMethod.Get, "/api/media/embargoed", null, null, ct);
}

/// <summary>A ninjs 2.2 item of the embargoed channel, as far as the journalist's page shows it.</summary>
public sealed record EmbargoedRelease(
    string Uri, string Version, DateTimeOffset FirstCreated, DateTimeOffset VersionCreated, string Language, DateTimeOffset Embargoed,
    List<NinjsText> Headlines, List<NinjsText>? Descriptions, List<NinjsText>? Bodies, string? By, string? Located)
{
    public string Headline => Headlines.FirstOrDefault()?.Value ?? "";
    public string? Summary => Descriptions?.FirstOrDefault()?.Value;
    public string? BodyHtml => Bodies?.FirstOrDefault(b => b.ContentType == "text/html")?.Value;

    /// <summary>An id for the release's anchor on the page: the last segment of its address.</summary>
    public string Anchor => "embargo-" + Uri.TrimEnd('/').Split('/')[^1];
}

public sealed record NinjsText(string? Value, string? ContentType);
