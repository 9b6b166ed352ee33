using Humas.Ppid;
using Humas.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(PpidSetup.ServiceName);
builder.AddPpid();

var app = builder.Build();
app.UseServiceDefaults("/api/ppid");
app.MapPpid();
app.Run();

public partial class Program;
