using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Humas.UnitTests.Architecture;

/// <summary>
/// The same boundaries on the compiled assemblies, whatever way a reference came in (a project
/// reference, a hint path, a copied file): a service's types use another service's types only
/// from its Contracts assembly, and contracts, building blocks and the gateway use no service's
/// types. The assemblies are read from each project's build output; Humas.UnitTests builds them.
/// </summary>
public sealed class AssemblyReferenceTests
{
    [Fact]
    public void The_assemblies_are_read_and_references_through_contracts_are_seen()
    {
        var seen =
            from service in Repository.Services
            from project in service.MainProjects
            from used in UsedTypes(project)
            where used.Assembly.EndsWith(".Contracts", StringComparison.Ordinal)
                  && Repository.Services.Any(other => other != service && other.ContractProjects.Any(c => c.Name == used.Assembly))
            select used;
        Assert.NotEmpty(seen);
    }

    [Fact]
    public void A_service_uses_another_service_only_through_its_contracts()
    {
        var violations =
            from service in Repository.Services
            from project in service.Projects
            from used in UsedTypes(project)
            from other in Repository.Services
            where other != service && other.MainProjects.Any(p => p.Name == used.Assembly)
            select $"{project.Name} (service {service.Name}) uses {used.Type} from {used.Assembly} (service {other.Name}): use its Contracts";
        Repository.AssertNone(violations);
    }

    [Fact]
    public void Contracts_use_no_other_humas_assembly()
    {
        var violations =
            from contracts in Repository.Projects.Where(p => p.IsContracts)
            from used in UsedTypes(contracts)
            where used.Assembly.StartsWith("Humas.", StringComparison.Ordinal) && used.Assembly != contracts.Name
            select $"{contracts.Name} uses {used.Type} from {used.Assembly}";
        Repository.AssertNone(violations);
    }

    [Fact]
    public void Building_blocks_and_the_gateway_use_no_service()
    {
        var serviceAssemblies = Repository.Services.SelectMany(s => s.Projects).Select(p => p.Name).ToHashSet();
        var violations =
            from project in Repository.BuildingBlockProjects.Concat(Repository.GatewayProjects)
            from used in UsedTypes(project)
            where serviceAssemblies.Contains(used.Assembly)
            select $"{project.Name} uses {used.Type} from {used.Assembly}";
        Repository.AssertNone(violations);
    }

    /// <summary>
    /// Every type the assembly refers to in another assembly, with that assembly's name; an
    /// assembly it references whose types it never names (a bare reference) counts too.
    /// </summary>
    private static IReadOnlyList<(string Assembly, string Type)> UsedTypes(Project project)
    {
        var path = project.AssemblyPath;
        if (!File.Exists(path))
            Assert.Fail($"{Repository.Relative(path)} is missing: build the solution (`dotnet build Humas.sln -c {Repository.Configuration}`) before running these tests.");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var used = new List<(string, string)>();
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            var scope = type.ResolutionScope;
            // Nested types name their declaring type as scope: climb to the outermost one.
            var name = metadata.GetString(type.Name);
            while (scope.Kind == HandleKind.TypeReference)
            {
                var outer = metadata.GetTypeReference((TypeReferenceHandle)scope);
                name = metadata.GetString(outer.Name) + "+" + name;
                type = outer;
                scope = outer.ResolutionScope;
            }
            if (scope.Kind != HandleKind.AssemblyReference) continue;
            var assembly = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            var ns = metadata.GetString(type.Namespace);
            used.Add((assembly, ns.Length == 0 ? name : ns + "." + name));
        }
        foreach (var handle in metadata.AssemblyReferences)
        {
            var assembly = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
            if (!used.Any(u => u.Item1 == assembly)) used.Add((assembly, "(a reference to the assembly)"));
        }
        return used;
    }
}
