namespace Humas.Portal.Api;

/// <summary>
/// The portal calls the APIs through the gateway on behalf of the person whose page it renders.
/// The gateway's per-address limits (anonymous writes, expensive reads, sign-ins) must count that
/// person, not the portal: otherwise every citizen filing a request through the portal would
/// share the portal's one bucket, and the 31st request of a minute would be refused for all of
/// them. So each call names the person's address in X-Forwarded-For, as the gateway wrote it
/// when it passed the page request on (the last entry: earlier ones are the caller's to write).
/// The gateway believes it because the portal is one of its trusted proxies (loopback here, the
/// pod network in Kubernetes); a call made outside a page request names nobody.
/// </summary>
public sealed class CitizenAddressForwarding(IHttpContextAccessor context) : DelegatingHandler
{
    public const string Header = "X-Forwarded-For";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CitizenAddress(context.HttpContext) is { } address)
        {
            request.Headers.Remove(Header);
            request.Headers.TryAddWithoutValidation(Header, address);
        }
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The address the gateway saw the page request come from, when it said so.</summary>
    public static string? CitizenAddress(HttpContext? http)
    {
        if (http is null) return null;
        var forwarded = http.Request.Headers[Header].ToString();
        var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is not null && System.Net.IPAddress.TryParse(last, out var parsed) ? parsed.ToString() : null;
    }
}
