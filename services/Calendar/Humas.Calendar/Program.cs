using Humas.UseCases;
using Humas.Calendar.RequestDeadlines;
using Humas.Eventing;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("calendar");
builder.AddEventing("calendar", builder.Configuration["Humas:Database"] ?? "calendar", eventing => eventing
    .Migration("calendar-001-request-deadlines", RequestDeadlinesSchema.Sql)
    .Migration("calendar-002-request-progress", RequestDeadlinesSchema.Progress)
    .Migration("calendar-003-due-date-version", RequestDeadlinesSchema.DueDateVersion)
    .Consumer<InformationRequestRegisteredConsumer>()
    .Consumer<InformationRequestDueDateChangedConsumer>()
    .Consumer<InformationRequestAnsweredConsumer>()
    .Consumer<InformationRequestOverdueConsumer>());
builder.Services.AddSingleton(_ => UnitDirectory.Load());
builder.Services.AddUseCases();

var app = builder.Build();
app.UseServiceDefaults("/api/calendar");
app.MapListRequestDeadlines();
app.Run();

public partial class Program;
