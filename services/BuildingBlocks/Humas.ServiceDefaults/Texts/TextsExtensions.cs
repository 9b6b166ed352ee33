using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Humas.ServiceDefaults.Texts;

public static class TextsExtensions
{
    /// <summary>Adds an assembly's texts (its <c>Resources/Texts.resx</c> and <c>Texts.en.resx</c>) to the catalog.</summary>
    public static IServiceCollection AddTexts(this IServiceCollection services, Assembly assembly)
    {
        services.AddSingleton(new TextSource(assembly));
        services.TryAddSingleton<TextCatalog>();
        return services;
    }

    /// <summary>
    /// Answers in the language of Accept-Language, Indonesian unless English is asked for. Only
    /// the language of texts follows it: numbers and dates in JSON and CSV stay culture-invariant.
    /// The answer says its language in Content-Language, unless it already carries one (a proxy's
    /// answer passes on the language its service set, once).
    /// </summary>
    public static IApplicationBuilder UseHumasLanguages(this IApplicationBuilder app)
    {
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, TextCatalog.Indonesian),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [TextCatalog.Indonesian, TextCatalog.English],
            RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
            ApplyCurrentCultureToResponseHeaders = false,
        });
        return app.Use((context, next) =>
        {
            var language = CultureInfo.CurrentUICulture.Name;
            context.Response.OnStarting(() =>
            {
                if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(context.Response.Headers.ContentLanguage))
                    context.Response.Headers.ContentLanguage = language;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
