using System.Text.Json;
using System.Text.RegularExpressions;

namespace Humas.UnitTests.Architecture;

/// <summary>
/// apps.txt is the one list of applications (name, project, port, health path). Every service
/// folder with a web project is in it, and every place CONTRIBUTING.md ("Adding a service")
/// names agrees with it: the gateway's route and cluster, docker-compose.yml, deploy/k8s, the
/// solution and the launch settings.
/// </summary>
public sealed class ApplicationListTests
{
    private static IEnumerable<App> ServiceApps => Repository.Apps.Where(a => !a.IsGateway);

    public static TheoryData<string> ServiceNames => new(Repository.Services.Select(s => s.Name));

    public static TheoryData<string> ListedServices => new(ServiceApps.Select(a => a.Name));

    public static TheoryData<string> ListedApps => new(Repository.Apps.Select(a => a.Name));

    private static App AppNamed(string name) => Repository.Apps.Single(a => a.Name == name);

    [Fact]
    public void The_list_names_each_application_and_port_once_and_one_gateway()
    {
        Assert.Equal(Repository.Apps.Count, Repository.Apps.Select(a => a.Name).Distinct().Count());
        Assert.Equal(Repository.Apps.Count, Repository.Apps.Select(a => a.Port).Distinct().Count());
        Assert.Equal(Repository.Apps.Count, Repository.Apps.Select(a => a.ProjectDirectory).Distinct().Count());
        var gateway = Assert.Single(Repository.Apps, a => a.IsGateway);
        Assert.StartsWith("gateway/", gateway.ProjectDirectory, StringComparison.Ordinal);
        Assert.All(Repository.Apps, app => Assert.Matches("^[a-z][a-z0-9-]*$", app.Name));
        Assert.All(Repository.Apps, app => Assert.StartsWith("/", app.HealthPath, StringComparison.Ordinal));
        Assert.All(ServiceApps, app => Assert.StartsWith("services/", app.ProjectDirectory, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Every_service_with_a_web_project_is_in_the_list(string serviceName)
    {
        var service = Repository.Services.Single(s => s.Name == serviceName);
        foreach (var web in service.Projects.Where(p => p.IsWeb))
        {
            var directory = Repository.Relative(web.Directory);
            Assert.True(Repository.Apps.Any(a => a.ProjectDirectory == directory),
                $"{directory} is a web project of service {service.Name} but apps.txt does not list it (see CONTRIBUTING.md, \"Adding a service\").");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_folder_holds_Humas_NAME_and_its_contracts(string serviceName)
    {
        var service = Repository.Services.Single(s => s.Name == serviceName);
        Assert.All(service.Projects, p => Assert.Contains(p.Name, new[] { $"Humas.{service.Name}", $"Humas.{service.Name}.Contracts" }));
        Assert.Contains(service.Projects, p => p.Name == $"Humas.{service.Name}");
    }

    [Theory]
    [MemberData(nameof(ListedApps))]
    public void Every_listed_application_is_a_web_project_in_the_solution_with_its_port(string name)
    {
        var app = AppNamed(name);
        var project = Path.Combine(Repository.Root, app.ProjectDirectory, app.ProjectName + ".csproj");
        Assert.True(File.Exists(project), $"apps.txt: {app.Name}: {Repository.Relative(project)} does not exist.");
        Assert.Contains(Repository.Projects, p => p.FilePath == project && p.IsWeb);

        var solution = Repository.ReadText("Humas.sln");
        Assert.Contains($"\"{app.ProjectDirectory.Replace('/', '\\')}\\{app.ProjectName}.csproj\"", solution, StringComparison.Ordinal);

        var launchSettings = Path.Combine(app.ProjectDirectory, "Properties", "launchSettings.json");
        if (File.Exists(Path.Combine(Repository.Root, launchSettings)))
            Assert.Contains($"127.0.0.1:{app.Port}\"", Repository.ReadText(launchSettings), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ListedServices))]
    public void The_gateway_has_a_route_and_a_cluster_for_every_listed_service(string name)
    {
        var app = AppNamed(name);
        using var settings = JsonDocument.Parse(Repository.ReadText("gateway/Humas.Gateway/appsettings.json"),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var proxy = settings.RootElement.GetProperty("ReverseProxy");

        Assert.True(proxy.GetProperty("Clusters").TryGetProperty(app.Name, out var cluster), $"gateway appsettings.json has no cluster '{app.Name}'.");
        Assert.True(cluster.GetProperty("Destinations").TryGetProperty($"{app.Name}-1", out var destination), $"cluster '{app.Name}' has no destination '{app.Name}-1'.");
        Assert.Equal($"http://127.0.0.1:{app.Port}", destination.GetProperty("Address").GetString());
        Assert.Equal(app.HealthPath, cluster.GetProperty("HealthCheck").GetProperty("Active").GetProperty("Path").GetString());

        var routes = proxy.GetProperty("Routes").EnumerateObject()
            .Where(route => route.Value.GetProperty("ClusterId").GetString() == app.Name).ToArray();
        Assert.True(routes.Length > 0, $"gateway appsettings.json has no route to cluster '{app.Name}'.");
        // The portal serves the pages: every address the APIs do not take. The identity service also
        // answers the OpenID Connect paths at the root.
        var prefix = app.Name == "portal" ? "/" : $"/api/{PublicPaths.GetValueOrDefault(app.Name, app.Name)}/";
        Assert.All(routes, route =>
        {
            var path = route.Value.GetProperty("Match").GetProperty("Path").GetString()!;
            Assert.True(path.StartsWith(prefix, StringComparison.Ordinal) || OpenIdConnectPaths.Any(p => app.Name == "identity" && path.StartsWith(p, StringComparison.Ordinal)),
                $"route '{route.Name}' of cluster '{app.Name}' matches '{path}', outside {prefix}.");
        });
        // Nothing but the OpenID Connect provider answers the standard OpenID Connect paths.
        Assert.All(proxy.GetProperty("Routes").EnumerateObject().Where(route => OpenIdConnectPaths.Any(p =>
                route.Value.GetProperty("Match").GetProperty("Path").GetString()!.StartsWith(p, StringComparison.Ordinal))),
            route => Assert.Equal("identity", route.Value.GetProperty("ClusterId").GetString()));
    }

    /// <summary>Paths the identity service (the OpenID Connect provider) serves at the root: its protocol endpoints, discovery and sign-in pages.</summary>
    private static readonly string[] OpenIdConnectPaths = ["/connect/", "/.well-known/", "/account/"];

    /// <summary>
    /// Services whose public address is not their name: MediaRelations answers at /api/media, the
    /// address journalists' tools and feed readers already follow.
    /// </summary>
    private static readonly Dictionary<string, string> PublicPaths = new() { ["mediarelations"] = "media" };

    [Theory]
    [MemberData(nameof(ListedApps))]
    public void Docker_compose_builds_and_runs_every_listed_application(string name)
    {
        var app = AppNamed(name);
        var service = ComposeService(app.Name);
        Assert.True(service is not null, $"docker-compose.yml has no service '{app.Name}'.");
        Assert.Matches($@"(?m)^\s+PROJECT:\s*{Regex.Escape(app.ProjectDirectory)}\s*$", service);
        if (app.IsGateway) return;
        var gateway = ComposeService(App.GatewayName)!;
        Assert.Contains($"ReverseProxy__Clusters__{app.Name}__Destinations__{app.Name}-1__Address: http://{app.Name}:8080", gateway, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ListedApps))]
    public void Kubernetes_has_a_manifest_for_every_listed_application(string name)
    {
        var app = AppNamed(name);
        var manifestPath = Path.Combine("deploy", "k8s", app.Name + ".yaml");
        Assert.True(File.Exists(Path.Combine(Repository.Root, manifestPath)), $"{manifestPath} is missing.");
        var manifest = Repository.ReadText(manifestPath);
        Assert.Matches($@"(?m)^kind:\s*Deployment\s*$", manifest);
        Assert.Matches($@"(?m)^\s+name:\s*{Regex.Escape(app.Name)}\s*$", manifest);
        Assert.Matches($@"(?m)^\s+path:\s*{Regex.Escape(app.HealthPath)}\s*$", manifest);

        var kustomization = Repository.ReadText(Path.Combine("deploy", "k8s", "kustomization.yaml"));
        Assert.Matches($@"(?m)^\s+-\s*{Regex.Escape(app.Name)}\.yaml\s*$", kustomization);
        Assert.Matches($@"(?m)^\s+-\s*name:\s*\S+/humas/{Regex.Escape(app.Name)}\s*$", kustomization);
        if (app.IsGateway) return;
        var gateway = Repository.ReadText(Path.Combine("deploy", "k8s", App.GatewayName + ".yaml"));
        Assert.Matches($@"(?m)^\s+-\s*name:\s*ReverseProxy__Clusters__{Regex.Escape(app.Name)}__Destinations__{Regex.Escape(app.Name)}-1__Address\s*$", gateway);
    }

    /// <summary>The lines of docker-compose.yml's service NAME (under the top-level 'services:'), or null.</summary>
    private static string? ComposeService(string name)
    {
        var lines = Repository.ReadText("docker-compose.yml").Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var services = Array.IndexOf(lines, "services:");
        if (services < 0) return null;
        var block = new List<string>();
        var inside = false;
        foreach (var line in lines.Skip(services + 1))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#')) break; // the next top-level key
            if (Regex.IsMatch(line, @"^  \S"))
            {
                if (inside) break;
                inside = line == $"  {name}:";
                continue;
            }
            if (inside) block.Add(line);
        }
        return inside ? string.Join('\n', block) : null;
    }
}
