using Humas.Portal;
using Humas.Portal.Api;
using Humas.Portal.SignIn;
using Humas.ReferenceData;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.ResponseCompression;

if (args is ["new-key", ..]) return PortalKeyRing.CreateKeyCommand(args);

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHumasTelemetry(PortalSetup.ServiceName);
builder.Services.AddMemoryTrim();
builder.Services.AddHumasProblemDetails();
builder.Services.AddTexts(typeof(PortalSetup).Assembly);
builder.Services.AddHealthChecks();
builder.Services.AddSingleton(_ => UnitDirectory.Load());
builder.Services.AddSingleton(TimeProvider.System);
// The national clarifications and newsroom are the same pages as a unit's, without a unit.
builder.Services.AddRazorPages(options => options.Conventions
    .AddPageRoute("/Clarifications/List", "/klarifikasi")
    .AddPageRoute("/Media/Newsroom", "/berita"));
builder.Services.Configure<RouteOptions>(options => options.ConstraintMap["unit"] = typeof(UnitIdConstraint));
builder.Services.AddPortalKeyRing(builder.Configuration, builder.Environment);
builder.Services.AddAntiforgery(options => options.Cookie.Name = "humas-af");
builder.Services.AddResponseCompression(options =>
{
    options.EnableForHttps = true;
    options.Providers.Add<BrotliCompressionProvider>();
    options.Providers.Add<GzipCompressionProvider>();
});
builder.Services.AddHttpContextAccessor();
builder.Services.AddTransient<CitizenAddressForwarding>();
builder.Services.AddHttpClient<HumasApi>(client =>
{
    client.BaseAddress = new Uri(builder.Configuration["Humas:Gateway"] ?? throw new InvalidOperationException("Humas:Gateway (the gateway's address) is not set."));
    client.Timeout = TimeSpan.FromSeconds(15);
}).AddHttpMessageHandler<CitizenAddressForwarding>();
builder.Services.AddConsoleSignIn(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseResponseCompression();
app.UsePortalLanguages();
app.UseExceptionHandler("/galat");
app.UseStatusCodePagesWithReExecute("/galat", "?status={0}");
app.UseStaticFiles(new StaticFileOptions
{
    // Addresses carry the file's hash (asp-append-version), so a browser may keep them for a year.
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
});
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapHealthChecks("/health/live");
app.MapHealthChecks("/health/ready");
app.MapRazorPages();
app.Run();
return 0;

public partial class Program;
