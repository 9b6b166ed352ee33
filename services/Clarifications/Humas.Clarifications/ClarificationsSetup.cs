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
            .MigrationsFrom(typeof(ClarificationsSetup).Assembly));
        builder.Services.AddUseCases();
        builder.Services.AddTexts(typeof(ClarificationsSetup).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        return builder;
    }

    public static WebApplication MapClarifications(this WebApplication app)
    {
        app.MapVerdictLabels();
        return app;
    }
}
