using Humas.Eventing;
using Humas.MediaRelations.Subjects;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Texts;
using Humas.UseCases;

namespace Humas.MediaRelations;

public static class MediaSetup
{
    public const string ServiceName = "media";

    public static WebApplicationBuilder AddMediaRelations(this WebApplicationBuilder builder)
    {
        builder.AddEventing(ServiceName, builder.Configuration["Humas:Database"] ?? ServiceName, eventing => eventing
            .MigrationsFrom(typeof(MediaSetup).Assembly));

        builder.Services.AddUseCases();
        builder.Services.AddTexts(typeof(MediaSetup).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        builder.Services.AddSingleton(_ => SubjectList.Load());
        return builder;
    }

    public static WebApplication MapMediaRelations(this WebApplication app)
    {
        app.MapListSubjects();
        return app;
    }
}

/// <summary>The service's texts (Resources/Texts*.resx), for places that build text outside a request.</summary>
public static class MediaTexts
{
    public static readonly TextCatalog Catalog = new([new TextSource(typeof(MediaTexts).Assembly)]);
}
