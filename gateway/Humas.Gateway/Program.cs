using Humas.Gateway;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Texts;

var builder = WebApplication.CreateBuilder(args);
builder.UseInlineIo();
builder.Services.AddHumasTelemetry("gateway");
builder.Services.AddMemoryTrim();
builder.Services.AddHumasProblemDetails();
builder.Services.AddHumasAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddGatewayPolicies(builder.Configuration);
builder.Services.AddHealthChecks();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.UseClientAddresses();
app.UseHumasLanguages();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthChecks("/health/live");
app.MapHealthChecks("/health/ready");
app.MapDevelopmentTokens();
app.MapOpenApiIndex();
app.MapReverseProxy(proxy =>
{
    proxy.UseRequestBodyLimits();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();

public partial class Program;
