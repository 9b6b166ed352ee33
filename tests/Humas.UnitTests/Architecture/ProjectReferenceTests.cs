using System.Xml.Linq;

namespace Humas.UnitTests.Architecture;

/// <summary>
/// The boundaries of ARCHITECTURE.md, checked on the project files: services know each other
/// only through Contracts projects, contracts depend on nothing, and the building blocks do not
/// lean on any service.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly string Root = FindRoot();

    private static readonly IReadOnlyDictionary<string, string[]> References = Directory
        .EnumerateFiles(Path.Combine(Root, "services"), "*.csproj", SearchOption.AllDirectories)
        .Concat(Directory.EnumerateFiles(Path.Combine(Root, "gateway"), "*.csproj", SearchOption.AllDirectories))
        .ToDictionary(path => Path.GetFileNameWithoutExtension(path)!, path => XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToArray());

    private static readonly string[] Services = ["Humas.Ppid", "Humas.Calendar"];

    [Fact]
    public void The_projects_are_found() =>
        Assert.Superset(new HashSet<string>(["Humas.Ppid", "Humas.Ppid.Contracts", "Humas.Calendar", "Humas.Gateway", "Humas.Eventing"]), References.Keys.ToHashSet());

    [Fact]
    public void A_service_references_another_service_only_through_its_contracts()
    {
        foreach (var service in Services)
            Assert.All(References[service], reference => Assert.DoesNotContain(reference, Services.Where(s => s != service)));
    }

    [Fact]
    public void Contracts_depend_on_nothing() =>
        Assert.All(References.Where(p => p.Key.EndsWith(".Contracts", StringComparison.Ordinal)), contracts => Assert.Empty(contracts.Value));

    [Fact]
    public void Building_blocks_and_the_gateway_know_no_service()
    {
        var serviceProjects = References.Keys.Where(k => Services.Any(s => k.StartsWith(s, StringComparison.Ordinal))).ToHashSet();
        foreach (var project in new[] { "Humas.Eventing", "Humas.ServiceDefaults", "Humas.ReferenceData", "Humas.Gateway" })
            Assert.All(References[project], reference => Assert.DoesNotContain(reference, serviceProjects));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Humas.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository: Humas.sln was not found above " + AppContext.BaseDirectory);
    }
}
