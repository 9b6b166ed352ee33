using Humas.Clarifications.Importing;
using Humas.Clarifications.Matching;
using Humas.Clarifications.Published;
using Humas.Clarifications.Verdicts;
using Humas.Eventing;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Texts;
using Humas.UseCases;

namespace Humas.Clarifications;

public static class ClarificationsSetup
{
    public const string ServiceName = "clarifications";

    public static WebApplicationBuilder AddClarifications(this WebApplicationBuilder builder)
    {
        builder.AddEventing(ServiceName, builder.Configuration["Humas:Database"] ?? ServiceName, eventing => eventing
            .Event<ClarificationImported>("clarification-imported")
            .MigrationsFrom(typeof(ClarificationsSetup).Assembly)
            .InlineProjection<PublishedProjection>());
        builder.Services.AddUseCases();
        builder.Services.AddTexts(typeof(ClarificationsSetup).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Humas:Clarifications:Matching").Get<MatchingSettings>() ?? new MatchingSettings());
        builder.Services.AddSingleton<MatchIndex>();
        builder.Services.AddSingleton<MatchIndexSync>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MatchIndexSync>());
        return builder;
    }

    public static WebApplication MapClarifications(this WebApplication app)
    {
        app.MapVerdictLabels();
        app.MapGetMatches();
        app.MapImportClarifications();
        return app;
    }
}
