using Humas.Identity;
using Humas.Identity.Oidc;
using Humas.ServiceDefaults;

// `rotate-signing-key [FOLDER]` writes a new signing key (it signs from the next start on; the
// older ones stay published until their files are moved to retired/).
if (args is ["rotate-signing-key", ..])
{
    var folder = args.Length > 1 ? args[1] : IdentitySettings.DefaultKeysFolder;
    Console.WriteLine(SigningKeys.Rotate(folder));
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(IdentitySetup.ServiceName);
builder.AddIdentityService();

var app = builder.Build();
if (args is ["schema-script"])
{
    // Prints the SQL of the EF Core model (how Migrations/identity-001 was made).
    Console.WriteLine(IdentitySetup.SchemaScript(app.Services));
    return;
}
app.UseGatewayAddress();
app.UseServiceDefaults("/api/identity");
app.MapIdentityService();
app.Run();

public partial class Program;
