using Humas.MediaRelations;
using Humas.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(MediaSetup.ServiceName);
builder.AddMediaRelations();

var app = builder.Build();
app.UseServiceDefaults("/api/media");
app.MapMediaRelations();
app.Run();

public partial class Program;
