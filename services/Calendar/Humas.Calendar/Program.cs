using Humas.UseCases;
using Humas.Calendar.RequestDeadlines;
using Humas.Eventing;
using Humas.ReferenceData;
using Humas.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("calendar");
builder.AddEventing("calendar", builder.Configuration["Humas:Database"] ?? "calendar", eventing => eventing
    .MigrationsFrom(typeof(Program).Assembly)
    .Consumer<InformationRequestRegisteredConsumer>()
    .Consumer<InformationRequestDueDateChangedConsumer>()
    .Consumer<InformationRequestAnsweredConsumer>()
    .Consumer<InformationRequestOverdueConsumer>()
    .Consumer<InformationRequestRoutedConsumer>());
builder.Services.AddSingleton(_ => UnitDirectory.Load());
builder.Services.AddUseCases();

var app = builder.Build();
app.UseServiceDefaults("/api/calendar");
app.MapListRequestDeadlines();
app.Run();

public partial class Program;
