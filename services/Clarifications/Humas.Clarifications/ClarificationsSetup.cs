using Humas.Clarifications.Cases;
using Humas.Clarifications.Contracts;
using Humas.Clarifications.Feeds;
using Humas.Clarifications.Importing;
using Humas.Clarifications.Matching;
using Humas.Clarifications.Published;
using Humas.Clarifications.Rendering;
using Humas.Clarifications.Reports;
using Humas.Clarifications.Statistics;
using Humas.Clarifications.Verdicts;
using Humas.Eventing;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Texts;
using Humas.UseCases;
using Humas.UseCases.Access;

namespace Humas.Clarifications;

public static class ClarificationsSetup
{
    public const string ServiceName = "clarifications";

    /// <summary>The HMAC key reporters' access codes are stored under (base64 of at least 32 random bytes); never change it.</summary>
    public const string AccessCodeKeySetting = "Humas:Clarifications:AccessCodeKey";

    public static WebApplicationBuilder AddClarifications(this WebApplicationBuilder builder)
    {
        builder.AddEventing(ServiceName, builder.Configuration["Humas:Database"] ?? ServiceName, Eventing);
        builder.Services.AddUseCases();
        var accessCodes = new AccessCodeOptions { Key = builder.Configuration[AccessCodeKeySetting] ?? "" };
        accessCodes.KeyBytes(AccessCodeKeySetting); // no start without it
        builder.Services.Configure<AccessCodeOptions>(options => options.Key = accessCodes.Key);
        builder.Services.AddTexts(typeof(ClarificationsSetup).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Humas:Clarifications:Matching").Get<MatchingSettings>() ?? new MatchingSettings());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Humas:Clarifications:Targets").Get<ResponseTargets>() ?? new ResponseTargets());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Humas:Clarifications:Screenshots").Get<ScreenshotSettings>() ?? new ScreenshotSettings());
        builder.Services.AddSingleton<MatchIndex>();
        builder.Services.AddSingleton<MatchIndexSync>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MatchIndexSync>());
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<ClarificationFeeds>();
        builder.Services.AddHostedService<CaseSweepService>();
        return builder;
    }

    /// <summary>The service's events under their stable names, what it publishes and consumes, its schema and read models.</summary>
    public static void Eventing(EventingBuilder eventing) => eventing
        .Event<ClarificationImported>("clarification-imported")
        .Event<ReportReceived>("report-received")
        .Event<ScreenshotAttached>("screenshot-attached")
        .Event<CaseOpened>("case-opened")
        .Event<CaseReportAttached>("case-report-attached")
        .Event<CaseSuggestionConfirmed>("case-suggestion-confirmed")
        .Event<CaseSuggestionRejected>("case-suggestion-rejected")
        .Event<SimilarCaseKeptApart>("similar-case-kept-apart")
        .Event<CaseMerged>("case-merged")
        .Event<VerifierAssigned>("verifier-assigned")
        .Event<EvidenceAdded>("evidence-added")
        .Event<VerdictGiven>("verdict-given")
        .Event<DraftWritten>("draft-written")
        .Event<DraftApproved>("draft-approved")
        .Event<LegalReviewRecorded>("legal-review-recorded")
        .Event<CaseFlaggedPastTarget>("case-flagged-past-target")
        .Event<CaseClarificationPublished>("case-clarification-published")
        .Event<ClarificationCorrected>("clarification-corrected")
        .Event<ClarificationRetracted>("clarification-retracted")
        .Event<StatementLinked>("statement-linked")
        .Publishes<ClarificationPublished>()
        .MigrationsFrom(typeof(ClarificationsSetup).Assembly)
        .SealsPersonalData()
        .InlineProjection<PublishedProjection>()
        .InlineProjection<CasesProjection>()
        // After PublishedProjection: a correction or retraction is published again from the row it updated.
        .InlineProjection<ClarificationIntegrationEvents>()
        .Consumer<PressReleasePublishedConsumer>();

    public static WebApplication MapClarifications(this WebApplication app)
    {
        // Every endpoint's dates and texts are checked before its handler runs (InputChecks).
        var api = app.MapGroup("/api/clarifications").CheckInput();
        api.MapVerdictLabels();
        api.MapGetMatches();
        api.MapImportClarifications();
        api.MapSubmitReport();
        api.MapGetReport();
        api.MapScreenshots(app.Services.GetRequiredService<ScreenshotSettings>());
        api.MapCases();
        api.MapCaseSweep();
        api.MapGetStatistics();
        ClarificationFeeds.Map(api);
        api.MapGetClarification();
        return app;
    }
}
