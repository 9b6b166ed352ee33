using Humas.Clarifications;
using Humas.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ClarificationsSetup.ServiceName);
builder.AddClarifications();

var app = builder.Build();
app.UseServiceDefaults("/api/clarifications");
app.MapClarifications();
app.Run();
