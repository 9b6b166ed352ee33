using System.Text.RegularExpressions;

namespace Humas.UnitTests.Architecture;

/// <summary>
/// What each application is given where it is deployed (its appsettings, docker-compose.yml,
/// deploy/k8s): the personal-data master key only where personal data is sealed, a database role
/// of its own per service, and a development gateway reachable from this machine only.
/// </summary>
public sealed class DeploymentSecretsTests
{
    private const string MasterKey = "PersonalData__MasterKey";

    public static TheoryData<string> ListedServices => new(Repository.Apps.Where(a => !a.IsGateway).Select(a => a.Name));

    /// <summary>The services that keep data of their own (the portal keeps none: it calls the others).</summary>
    public static TheoryData<string> ServicesWithData => new(Repository.Apps.Where(a => !a.IsGateway && a.Name != "portal").Select(a => a.Name));

    public static TheoryData<string> ListedApps => new(Repository.Apps.Select(a => a.Name));

    /// <summary>A service seals personal data when its setup says so (<c>.SealsPersonalData()</c> in its eventing).</summary>
    private static bool SealsPersonalData(App app) =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, app.ProjectDirectory), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(path => File.ReadAllText(path).Contains(".SealsPersonalData()", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(ListedApps))]
    public void Only_a_service_that_seals_personal_data_is_given_the_master_key(string name)
    {
        var app = Repository.Apps.Single(a => a.Name == name);
        var seals = !app.IsGateway && SealsPersonalData(app);
        var places = new List<string>();
        foreach (var settings in Directory.EnumerateFiles(Path.Combine(Repository.Root, app.ProjectDirectory), "appsettings*.json"))
            if (Regex.IsMatch(File.ReadAllText(settings), @"""PersonalData""\s*:\s*\{[^}]*""MasterKey""")) places.Add(Repository.Relative(settings));
        if (Compose.Service(app.Name) is { } compose && compose.Contains(MasterKey, StringComparison.Ordinal)) places.Add("docker-compose.yml");
        if (Kubernetes.Environment(app.Name).Contains(MasterKey, StringComparison.Ordinal)) places.Add($"deploy/k8s/{app.Name}.yaml");

        if (seals)
        {
            Assert.True(places.Count >= 2, $"{app.Name} seals personal data; it needs the master key in development and in deploy/k8s (found in: {string.Join(", ", places)}).");
            Assert.Contains($"deploy/k8s/{app.Name}.yaml", places);
        }
        else
        {
            Assert.True(places.Count == 0, $"{app.Name} seals no personal data but is given the master key in: {string.Join(", ", places)}.");
        }
    }

    [Theory]
    [MemberData(nameof(ServicesWithData))]
    public void Each_service_connects_to_its_own_database_with_its_own_role(string name)
    {
        var role = $"humas_{name.Replace('-', '_')}";
        var compose = Compose.Service(name)!;
        Assert.Matches($@"ConnectionStrings__Postgres:\s*Host=postgres;Port=5432;Username={role};", compose);
        Assert.Contains($"CREATE ROLE {role} ", Repository.ReadText("deploy/compose/postgres-init.sql"), StringComparison.Ordinal);

        var manifest = Repository.ReadText($"deploy/k8s/{name}.yaml");
        Assert.Matches($@"(?m)^\s+name: humas-postgres-{Regex.Escape(name)}\s*$", manifest);
        Assert.DoesNotMatch(@"(?m)^\s+name: humas-postgres-credentials\s*$", manifest);
        var postgres = Repository.ReadText("deploy/k8s/postgres.yaml");
        Assert.Matches($@"(?m)^\s+- name: {role}\s*$", postgres);
        Assert.Matches($@"(?ms)^kind: Database\s*$.*?^\s+name: {Regex.Escape(name)}\s*$\s*^\s+owner: {role}\s*$", postgres);
    }

    [Fact]
    public void Docker_compose_publishes_the_gateway_on_the_loopback_address_only()
    {
        var gateway = Compose.Service("gateway")!;
        var published = Regex.Matches(gateway, @"(?m)^\s+-\s*""?([^""\s]+)""?\s*$").Select(m => m.Groups[1].Value)
            .Where(p => Regex.IsMatch(p, @"^[\d.:\[\]]+$")).ToList();
        Assert.NotEmpty(published);
        Assert.All(published, port => Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal));
        var others = Repository.Apps.Where(a => !a.IsGateway).Select(a => Compose.Service(a.Name)!);
        Assert.All(others, service => Assert.DoesNotContain("ports:", service, StringComparison.Ordinal));
    }

    /// <summary>docker-compose.yml's service blocks, with the anchors they merge (<c>&lt;&lt;: *name</c>) written out.</summary>
    private static class Compose
    {
        public static string? Service(string name)
        {
            var text = Repository.ReadText("docker-compose.yml");
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            var services = Array.IndexOf(lines, "services:");
            var block = new List<string>();
            var inside = false;
            foreach (var line in lines.Skip(services + 1))
            {
                if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#')) break;
                if (Regex.IsMatch(line, @"^  \S"))
                {
                    if (inside) break;
                    inside = line == $"  {name}:";
                    continue;
                }
                if (inside) block.Add(line);
            }
            if (!inside) return null;
            var merged = string.Join('\n', block);
            foreach (Match anchor in Regex.Matches(merged, @"<<:\s*\*([\w-]+)"))
                merged += "\n" + Anchor(lines, anchor.Groups[1].Value);
            return merged;
        }

        private static string Anchor(string[] lines, string name)
        {
            var start = Array.FindIndex(lines, l => Regex.IsMatch(l, $@"&{Regex.Escape(name)}\s*$"));
            if (start < 0) return "";
            var indent = lines[start].Length - lines[start].TrimStart().Length;
            return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent));
        }
    }

    /// <summary>
    /// What a deploy/k8s manifest gives its containers: its own text and every Secret or ConfigMap it
    /// takes whole or by key, whether applied from deploy/k8s (ConfigMaps) or created once by
    /// deploy/k8s/create-secrets.sh (Secrets: a `kubectl create secret generic NAME` command with
    /// its continuation lines).
    /// </summary>
    private static class Kubernetes
    {
        public static string Environment(string app)
        {
            var manifest = Repository.ReadText($"deploy/k8s/{app}.yaml");
            var referenced = Regex.Matches(manifest, @"(?m)(?:secretRef|configMapRef|secretKeyRef|configMapKeyRef):\s*\n\s+name:\s*(\S+)")
                .Select(m => m.Groups[1].Value).ToHashSet();
            var documents = Directory.EnumerateFiles(Path.Combine(Repository.Root, "deploy", "k8s"), "*.yaml")
                .SelectMany(path => File.ReadAllText(path).Split("\n---"))
                .Where(doc => Regex.IsMatch(doc, @"(?m)^kind:\s*(Secret|ConfigMap)\s*$"))
                .Where(doc => Regex.Match(doc, @"(?m)^  name:\s*(\S+)").Groups[1].Value is var n && referenced.Contains(n));
            var created = Regex.Matches(Repository.ReadText("deploy/k8s/create-secrets.sh"), @"create secret generic ""?([\w-]+)""?(?:[^\n]*\\\n)*[^\n]*")
                .Where(m => referenced.Contains(m.Groups[1].Value))
                .Select(m => m.Value);
            return string.Join("\n", documents.Concat(created).Prepend(manifest));
        }
    }
}
