using System.Globalization;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Localization;

namespace Humas.Portal;

public static class PortalSetup
{
    public const string ServiceName = "portal";

    /// <summary>The cookie that keeps the language a reader chose.</summary>
    public const string LanguageCookie = "humas-lang";

    /// <summary>
    /// Pages are in Indonesian unless the reader chose English (<c>?lang=en</c> on any page, kept
    /// in a cookie) or their browser asks for it. Only the language of texts follows the choice.
    /// </summary>
    public static IApplicationBuilder UsePortalLanguages(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Query["lang"].ToString() is "id" or "en" && HttpMethods.IsGet(context.Request.Method))
                context.Response.Cookies.Append(LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(context.Request.Query["lang"].ToString())),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return next(context);
        });
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, TextCatalog.Indonesian),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [TextCatalog.Indonesian, TextCatalog.English],
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider { CookieName = LanguageCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
            ApplyCurrentCultureToResponseHeaders = true,
        });
    }

    /// <summary>
    /// The system's public address (the gateway's, as officers' sign-in names it), for addresses a
    /// reader copies into another program (a calendar subscription): behind the gateway the portal's
    /// own request names the portal's internal address.
    /// </summary>
    public static string PublicAddress(IConfiguration configuration, HttpRequest request) =>
        (configuration["Humas:Auth:Authority"] ?? configuration["Humas:Gateway"] ?? $"{request.Scheme}://{request.Host}").TrimEnd('/');

    /// <summary>The same page in the other language: its path and query with <c>lang</c> set.</summary>
    public static string OtherLanguageLink(HttpRequest request, string language)
    {
        var query = request.Query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return $"{request.PathBase}{request.Path}?{string.Join("&", query.Append($"lang={language}"))}";
    }
}

/// <summary>A route segment that is a unit's id (kpu, bawaslu-33, kpu-33.21): other addresses are not a unit's pages.</summary>
public sealed partial class UnitIdConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string id && UnitId().IsMatch(id);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(kpu|bawaslu)(-[0-9]{2}(\.[0-9]{2})?)?$")]
    private static partial System.Text.RegularExpressions.Regex UnitId();
}
