using Humas.Eventing;
using Humas.MediaRelations.Contracts;
using Humas.MediaRelations.Feeds;
using Humas.MediaRelations.Journalists;
using Humas.MediaRelations.OfficialStatements;
using Humas.MediaRelations.PressReleases;
using Humas.MediaRelations.Subjects;
using Humas.MediaRelations.Webhooks;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Texts;
using Humas.UseCases;

namespace Humas.MediaRelations;

public static class MediaSetup
{
    public const string ServiceName = "mediarelations";

    public static WebApplicationBuilder AddMediaRelations(this WebApplicationBuilder builder)
    {
        builder.AddEventing(ServiceName, builder.Configuration["Humas:Database"] ?? ServiceName, eventing => eventing
            .Event<PressReleaseDrafted>("press-release-drafted")
            .Event<PressReleaseRevised>("press-release-revised")
            .Event<PressReleaseSubmitted>("press-release-submitted")
            .Event<PressReleaseSentBack>("press-release-sent-back")
            .Event<PressReleaseApproved>("press-release-approved")
            .Event<PressReleaseScheduled>("press-release-scheduled")
            .Event<PressReleasePublishedInternally>("press-release-published")
            .Event<PressReleaseEmbargoLifted>("press-release-embargo-lifted")
            .Event<PressReleases.PressReleaseCorrected>("press-release-corrected")
            .Event<PressReleases.PressReleaseWithdrawn>("press-release-withdrawn")
            .Event<PressReleaseAttachmentAdded>("press-release-attachment-added")
            .Event<JournalistRegistered>("journalist-registered")
            .Event<JournalistAccredited>("journalist-accredited")
            .Event<JournalistAccreditationRevoked>("journalist-accreditation-revoked")
            .Event<JournalistTokenIssued>("journalist-token-issued")
            .Event<WebhookSubscribed>("webhook-subscribed")
            .Event<WebhookSubscriptionCancelled>("webhook-subscription-cancelled")
            .Event<WebhookDeliveriesReplayed>("webhook-deliveries-replayed")
            .Event<JournalistPersonalDataErased>("journalist-personal-data-erased")
            .SealsPersonalData()
            .Publishes<PressReleasePublished>()
            .Publishes<Contracts.PressReleaseCorrected>()
            .Publishes<Contracts.PressReleaseWithdrawn>()
            .MigrationsFrom(typeof(MediaSetup).Assembly)
            .InlineProjection<ReleaseTimersProjection>()
            .InlineProjection<ReleaseFeedProjection>()
            .InlineProjection<JournalistProjection>()
            .InlineProjection<WebhookProjection>()
            .Translator<ReleaseIntegrationEvents>()
            .Consumer<ClarificationPublishedConsumer>());

        builder.Services.AddUseCases();
        builder.Services.AddTexts(typeof(MediaSetup).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        builder.Services.AddSingleton(_ => SubjectList.Load());
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<ReleaseFeeds>();
        builder.Services.AddHostedService<ReleaseTimerService>();
        builder.Services.Configure<JournalistTokenOptions>(builder.Configuration.GetSection("Humas:Media"));
        builder.Services.AddSingleton<JournalistTokens>();
        builder.Services.AddHostedService<WebhookDeliveryService>();
        return builder;
    }

    public static WebApplication MapMediaRelations(this WebApplication app)
    {
        // Every endpoint's dates and texts are checked before its handler runs (InputChecks).
        var api = app.MapGroup("").CheckInput();
        api.MapListSubjects();
        var releases = api.MapGroup("/api/media/releases").WithTags("Press releases");
        releases.MapReleaseWorkflow();
        releases.MapGetRelease();
        releases.MapListReleases();
        releases.MapCorrectingAndWithdrawing();
        releases.MapGetReleaseVersions();
        releases.MapAttachments();
        ReleaseFeeds.Map(api);
        api.MapGetReleaseNinjs();
        api.MapGroup("/api/media/journalists").WithTags("Journalists").MapJournalists();
        api.MapEmbargoedChannel();
        var webhooks = api.MapGroup("/api/media/webhooks").WithTags("Webhooks");
        webhooks.MapWebhooks();
        webhooks.MapDeadDeliveries();
        webhooks.MapSubscriberList();
        return app;
    }
}

/// <summary>The service's texts (Resources/Texts*.resx), for places that build text outside a request.</summary>
public static class MediaTexts
{
    public static readonly TextCatalog Catalog = new([new TextSource(typeof(MediaTexts).Assembly)]);
}
