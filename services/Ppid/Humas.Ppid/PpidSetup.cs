using Humas.Eventing;
using Humas.Ppid.Contracts;
using Humas.Ppid.Deadlines;
using Humas.Ppid.InformationList;
using Humas.Ppid.Requests;
using Humas.Ppid.Requests.CheckingStatus;
using Humas.Ppid.Requests.ListingRegister;
using Humas.Ppid.Requests.RegisteringRequest;
using Humas.ReferenceData;

namespace Humas.Ppid;

public static class PpidSetup
{
    public const string ServiceName = "ppid";

    public static WebApplicationBuilder AddPpid(this WebApplicationBuilder builder)
    {
        builder.AddEventing(ServiceName, builder.Configuration["Humas:Database"] ?? "ppid", eventing => eventing
            .Event<RequestRegistered>("request-registered")
            .Publishes<InformationRequestRegistered>()
            .Migration("ppid-001-request-register", RequestRegisterProjection.Schema)
            .InlineProjection<RequestRegisterProjection>()
            .Translator<RequestIntegrationEvents>()
            .AddInformationList());

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectory.Load());
        builder.Services.AddSingleton(_ => new PpidCalendar(WorkingDayCalendar.LoadDefault(), WorkingDayRules.Default));
        return builder;
    }

    public static WebApplication MapPpid(this WebApplication app)
    {
        var requests = app.MapGroup("/api/ppid/requests").WithTags("Requests");
        requests.MapRegisterRequest();
        requests.MapGetRequest();
        requests.MapListRegister();
        app.MapInformationList();
        return app;
    }
}
