namespace Humas.UnitTests.Architecture;

/// <summary>
/// The boundaries of ARCHITECTURE.md, checked on the project files: services know each other
/// only through Contracts projects, contracts depend on nothing, and the building blocks do not
/// lean on any service. A service is a folder services/NAME/ (other than BuildingBlocks).
/// </summary>
public sealed class ProjectReferenceTests
{
    [Fact]
    public void The_services_and_their_projects_are_found()
    {
        Assert.Superset(new HashSet<string>(["Ppid", "Calendar"]), Repository.Services.Select(s => s.Name).ToHashSet());
        Assert.All(Repository.Services, service => Assert.NotEmpty(service.MainProjects));
        Assert.Contains(Repository.Projects, p => p.Name == "Humas.Ppid.Contracts");
        Assert.Superset(new HashSet<string>(["Humas.Eventing", "Humas.ServiceDefaults", "Humas.ReferenceData"]), Repository.BuildingBlockProjects.Select(p => p.Name).ToHashSet());
        Assert.Contains(Repository.GatewayProjects, p => p.Name == "Humas.Gateway");
    }

    [Fact]
    public void A_service_references_another_service_only_through_its_contracts()
    {
        var violations =
            from service in Repository.Services
            from project in service.Projects
            from reference in project.References
            let owner = Repository.ServiceOf(reference)
            where owner is not null && owner != service && !Path.GetFileNameWithoutExtension(reference).EndsWith(".Contracts", StringComparison.Ordinal)
            select $"{project.Name} (service {service.Name}) references {Repository.Relative(reference)} of service {owner.Name}";
        Repository.AssertNone(violations);
    }

    /// <summary>The gateway and the portal take the service defaults; they must not pull in Npgsql and MassTransit with the event store.</summary>
    [Fact]
    public void The_service_defaults_and_the_gateway_do_not_lean_on_the_event_store()
    {
        var light = Repository.BuildingBlockProjects.Where(p => p.Name == "Humas.ServiceDefaults").Concat(Repository.GatewayProjects).ToList();
        Assert.Equal(2, light.Count);
        var closure = light.SelectMany(p => Closure(p.FilePath)).Select(path => Path.GetFileNameWithoutExtension(path));
        Assert.DoesNotContain("Humas.Eventing", closure);
        Assert.DoesNotContain("Humas.UseCases", closure);
    }

    private static IEnumerable<string> Closure(string projectPath)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([projectPath]);
        while (pending.TryPop(out var path))
            foreach (var reference in Repository.Projects.Single(p => p.FilePath == path).References)
                if (seen.Add(reference)) pending.Push(reference);
        return seen;
    }

    [Fact]
    public void Contracts_depend_on_nothing() =>
        Assert.All(Repository.Projects.Where(p => p.IsContracts), contracts => Assert.Empty(contracts.References.Select(Repository.Relative)));

    [Fact]
    public void Building_blocks_and_the_gateway_know_no_service()
    {
        var violations =
            from project in Repository.BuildingBlockProjects.Concat(Repository.GatewayProjects)
            from reference in project.References
            let owner = Repository.ServiceOf(reference)
            where owner is not null
            select $"{project.Name} references {Repository.Relative(reference)} of service {owner.Name}";
        Repository.AssertNone(violations);
    }
}
