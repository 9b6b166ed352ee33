using Humas.Calendar.Berkala;
using Humas.Calendar.Berkala.Consuming;
using Humas.Calendar.Contracts;
using Humas.Calendar.Elections;
using Humas.Calendar.Feeds;
using Humas.Calendar.Elections.AddingElection;
using Humas.Calendar.Elections.AddingStage;
using Humas.Calendar.Elections.CorrectingStage;
using Humas.Calendar.Elections.ReadingElections;
using Humas.Calendar.Publications;
using Humas.Calendar.Publications.Completing;
using Humas.Calendar.Publications.ChangingStatus;
using Humas.Calendar.Publications.Editing;
using Humas.Calendar.Publications.Planning;
using Humas.Calendar.Publications.Reading;
using Humas.Calendar.Publications.Rescheduling;
using Humas.Calendar.Recurrence;
using Humas.Calendar.RequestDeadlines;
using Humas.Calendar.Views;
using Humas.Calendar.WorkingDays;
using Humas.Eventing;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Texts;
using Humas.UseCases;

namespace Humas.Calendar;

public static class CalendarSetup
{
    public const string ServiceName = "calendar";

    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.AddEventing(ServiceName, builder.Configuration["Humas:Database"] ?? "calendar", eventing => eventing
            .MigrationsFrom(typeof(CalendarSetup).Assembly)
            .AddCalendarEvents()
            .Consumer<PressReleasePublishedConsumer>()
            .Consumer<InformationRequestRegisteredConsumer>()
            .Consumer<InformationRequestDueDateChangedConsumer>()
            .Consumer<InformationRequestAnsweredConsumer>()
            .Consumer<InformationRequestOverdueConsumer>()
            .Consumer<InformationRequestRoutedConsumer>()
            .Consumer<InformationPublishedConsumer>()
            .Consumer<NonWorkingDayChangedConsumer>()
            .Consumer<Clarifications.ClarificationPublishedConsumer>());

        builder.Services.AddUseCases();
        builder.Services.AddTexts(typeof(CalendarSetup).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        builder.Services.AddSingleton<CalendarWorkingDays>();
        builder.Services.AddSingleton(BerkalaRules.From(builder.Configuration));
        builder.Services.AddHostedService<ShippedElections>();
        builder.Services.AddHostedService<SweepService>();
        return builder;
    }

    /// <summary>The calendar's events under stable names, its read models and what it tells other services.</summary>
    public static EventingBuilder AddCalendarEvents(this EventingBuilder eventing) => eventing
        .Event<ElectionAdded>("election-added")
        .Event<StageAdded>("stage-added")
        .Event<StageDatesCorrected>("stage-dates-corrected")
        .Event<PublicationPlanned>("publication-planned")
        .Event<PublicationEdited>("publication-edited")
        .Event<PublicationRescheduled>("publication-rescheduled")
        .Event<PublicationStarted>("publication-started")
        .Event<PublicationPublished>("publication-published")
        .Event<PublicationMissed>("publication-missed")
        .Event<PublicationCancelled>("publication-cancelled")
        .Event<UnplannedPublicationRecorded>("unplanned-publication-recorded")
        .Event<SeriesStarted>("series-started")
        .Event<SeriesEnded>("series-ended")
        .Event<BerkalaObligationStarted>("berkala-obligation-started")
        .Event<BerkalaObligationRenewed>("berkala-obligation-renewed")
        .Event<BerkalaObligationCameDue>("berkala-obligation-came-due")
        .Event<BerkalaObligationBecameOverdue>("berkala-obligation-became-overdue")
        .Publishes<PeriodicPublicationScheduled>()
        .Publishes<PeriodicPublicationDue>()
        .Publishes<PeriodicPublicationOverdue>()
        .InlineProjection<ElectionsProjection>()
        .InlineProjection<PublicationsProjection>()
        .InlineProjection<BerkalaProjection>()
        .Translator<BerkalaIntegrationEvents>();

    public static WebApplication MapCalendar(this WebApplication app)
    {
        // Every endpoint's dates and texts are checked before its handler runs (InputChecks).
        var api = app.MapGroup("").CheckInput();
        api.MapListRequestDeadlines();

        var elections = api.MapGroup("/api/calendar/elections").WithTags("Elections");
        elections.MapReadElections();
        elections.MapAddElection();
        elections.MapAddStage();
        elections.MapCorrectStageDates();

        var publications = api.MapGroup("/api/calendar/publications").WithTags("Publications");
        publications.MapPlanPublication();
        publications.MapReadPublication();
        publications.MapEditPublication();
        publications.MapReschedulePublication();
        publications.MapChangePublicationStatus();

        api.MapUnitAgenda();
        api.MapRollUp();
        api.MapMissedAndOverdue();
        api.MapLeadershipFigures();
        api.MapSeries();
        api.MapCalendarFeeds();
        api.MapSweep();
        return app;
    }
}
