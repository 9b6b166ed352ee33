using Humas.Calendar;
using Humas.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(CalendarSetup.ServiceName);
builder.AddCalendar();

var app = builder.Build();
app.UseServiceDefaults("/api/calendar");
app.MapCalendar();
app.Run();

public partial class Program;
