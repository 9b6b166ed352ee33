using Humas.Eventing;
using Humas.Ppid.Compliance;
using Humas.Ppid.Contracts;
using Humas.Ppid.Deadlines;
using Humas.Ppid.Deadlines.ChangingCalendar;
using Humas.Ppid.Deadlines.ComputingDeadline;
using Humas.Ppid.Objections;
using Humas.Ppid.Objections.DecidingObjection;
using Humas.Ppid.Objections.FilingObjection;
using Humas.Ppid.Objections.RecordingDispute;
using Humas.Ppid.Register;
using Humas.Ppid.Reports;
using Humas.Ppid.InformationList;
using Humas.Ppid.Requests;
using Humas.Ppid.Requests.AnsweringRequest;
using Humas.Ppid.Requests.CheckingStatus;
using Humas.Ppid.Requests.ClarifyingRequest;
using Humas.Ppid.Requests.DetectingOverdue;
using Humas.Ppid.Requests.ErasingRequester;
using Humas.Ppid.Requests.ExtendingDeadline;
using Humas.Ppid.Requests.FollowingOwnRequests;
using Humas.Ppid.Requests.RegisteringRequest;
using Humas.Ppid.Requests.RoutingRequest;
using Humas.Ppid.Requests.WithdrawingRequest;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Texts;
using Humas.UseCases;
using Humas.UseCases.Access;

namespace Humas.Ppid;

public static class PpidSetup
{
    public const string ServiceName = "ppid";

    public static WebApplicationBuilder AddPpid(this WebApplicationBuilder builder)
    {
        builder.AddEventing(ServiceName, builder.Configuration["Humas:Database"] ?? "ppid", Eventing);
        builder.Services.AddUseCases();
        var accessCodes = new AccessCodeOptions { Key = builder.Configuration[AccessCodeHasher.Setting] ?? "" };
        accessCodes.KeyBytes(AccessCodeHasher.Setting); // no start without it
        builder.Services.Configure<AccessCodeOptions>(options => options.Key = accessCodes.Key);
        builder.Services.AddTexts(typeof(PpidSetup).Assembly);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        builder.Services.AddSingleton(new PpidRules
        {
            PauseClockDuringClarification = builder.Configuration.GetValue("Humas:Ppid:Rules:PauseClockDuringClarification", false),
            WorkingDays = WorkingDayRules.Default with
            {
                CutiBersamaIsNonWorking = builder.Configuration.GetValue("Humas:Ppid:Rules:CutiBersamaIsNonWorking", true),
            },
        });
        builder.Services.AddSingleton<PpidCalendar>();
        builder.Services.AddHostedService<OverdueDetector>();
        builder.Services.AddSingleton<DueDateRecomputer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DueDateRecomputer>());
        return builder;
    }

    /// <summary>Ppid's events under their stable names, what it publishes, its schema and its inline projections (also hosted by the integration tests).</summary>
    public static void Eventing(EventingBuilder eventing) => eventing
        .Event<RequestRegistered>("request-registered")
        .Event<RequestRouted>("request-routed")
        .Event<RequestReferred>("request-referred")
        .Event<ClarificationRequested>("clarification-requested")
        .Event<ClarificationReceived>("clarification-received")
        .Event<DeadlineExtended>("deadline-extended")
        .Event<RequestAnswered>("request-answered")
        .Event<RequestBecameOverdue>("request-became-overdue")
        .Event<RequestWithdrawn>("request-withdrawn")
        .Event<DueDateRecomputed>("due-date-recomputed")
        .Event<RequesterDataErased>("requester-data-erased")
        .Event<Objections.ObjectionFiled>("objection-filed")
        .Event<Objections.ObjectionDecided>("objection-decided")
        .Event<DisputeFiled>("dispute-filed")
        .Event<ObjectionDueDateRecomputed>("objection-due-date-recomputed")
        .Event<NonWorkingDayAdded>("non-working-day-added")
        .Event<NonWorkingDayRemoved>("non-working-day-removed")
        .Publishes<InformationRequestRegistered>()
        .Publishes<InformationRequestAnswered>()
        .Publishes<InformationRequestOverdue>()
        .Publishes<InformationRequestDueDateChanged>()
        .Publishes<InformationRequestRouted>()
        .Publishes<Contracts.ObjectionFiled>()
        .Publishes<Contracts.ObjectionDecided>()
        .Publishes<NonWorkingDayChanged>()
        .Translator<Deadlines.ChangingCalendar.CalendarIntegrationEvents>()
        .MigrationsFrom(typeof(PpidSetup).Assembly)
        .SealsPersonalData()
        .InlineProjection<RequestRegisterProjection>()
        .InlineProjection<RequesterErasure>()
        .InlineProjection<ObjectionRegisterProjection>()
        .InlineProjection<RequestIntegrationEvents>()
        .AddInformationList()
        .Consumer<PeriodicPublicationScheduledConsumer>().Consumer<PeriodicPublicationDueConsumer>().Consumer<PeriodicPublicationOverdueConsumer>();

    public static WebApplication MapPpid(this WebApplication app)
    {
        // Every endpoint's dates and texts are checked before its handler runs (InputChecks).
        var api = app.MapGroup("").CheckInput();
        var requests = api.MapGroup("/api/ppid/requests").WithTags("Requests");
        requests.MapRegisterRequest();
        requests.MapGetRequest();
        requests.MapListRegister();
        requests.MapRouteRequest();
        requests.MapClarifyRequest();
        requests.MapExtendDeadline();
        requests.MapAnswerRequest();
        requests.MapWithdrawRequest();
        requests.MapEraseRequester();
        requests.MapFileObjection();

        var objections = api.MapGroup("/api/ppid/objections").WithTags("Objections");
        objections.MapReadingObjections();
        objections.MapDecideObjection();
        objections.MapRecordDispute();

        api.MapListMyRequests();
        api.MapComputeDeadline();
        api.MapChangeNonWorkingDays();
        api.MapGetAnnualReport();
        api.MapRunOverdueSweep();
        api.MapInformationList();
        api.MapComplianceView();
        return app;
    }
}
