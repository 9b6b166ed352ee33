using System.Xml.Linq;

namespace Humas.UnitTests.Architecture;

/// <summary>One project of the repository: its name (the assembly's), folder and project references.</summary>
public sealed record Project(string Name, string Directory, string FilePath, bool IsWeb, IReadOnlyList<string> References)
{
    public bool IsContracts => Name.EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>The assembly in the project's own build output, for the configuration the tests were built in.</summary>
    public string AssemblyPath => Path.Combine(Directory, "bin", Repository.Configuration, Repository.TargetFramework, Name + ".dll");
}

/// <summary>A folder services/NAME/ other than BuildingBlocks, and the projects in it.</summary>
public sealed record Service(string Name, IReadOnlyList<Project> Projects)
{
    public IEnumerable<Project> MainProjects => Projects.Where(p => !p.IsContracts);
    public IEnumerable<Project> ContractProjects => Projects.Where(p => p.IsContracts);
    public override string ToString() => Name;
}

/// <summary>A line of apps.txt: NAME PROJECT_DIR PORT HEALTH_PATH.</summary>
public sealed record App(string Name, string ProjectDirectory, int Port, string HealthPath)
{
    public const string GatewayName = "gateway";
    public bool IsGateway => Name == GatewayName;
    public string ProjectName => Path.GetFileName(ProjectDirectory);
    public override string ToString() => Name;
}

/// <summary>The repository as the architecture tests see it: found by folder, never by a list in code.</summary>
public static class Repository
{
    public const string BuildingBlocks = "BuildingBlocks";

    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the tests read the other assemblies from the same configuration's output.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string TargetFramework { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    /// <summary>Every project under services/ and gateway/.</summary>
    public static IReadOnlyList<Project> Projects { get; } = new[] { "services", "gateway" }
        .SelectMany(folder => System.IO.Directory.EnumerateFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories))
        .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
        .Select(ReadProject).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Every folder services/NAME/ except BuildingBlocks.</summary>
    public static IReadOnlyList<Service> Services { get; } = System.IO.Directory
        .EnumerateDirectories(Path.Combine(Root, "services"))
        .Where(directory => Path.GetFileName(directory) != BuildingBlocks)
        .Select(directory => new Service(Path.GetFileName(directory), Projects.Where(p => IsUnder(p.FilePath, directory)).ToArray()))
        .OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<Project> BuildingBlockProjects { get; } =
        Projects.Where(p => IsUnder(p.FilePath, Path.Combine(Root, "services", BuildingBlocks))).ToArray();

    public static IReadOnlyList<Project> GatewayProjects { get; } =
        Projects.Where(p => IsUnder(p.FilePath, Path.Combine(Root, "gateway"))).ToArray();

    /// <summary>The service whose folder holds the project file at PATH, if any.</summary>
    public static Service? ServiceOf(string projectPath) => Services.FirstOrDefault(s => s.Projects.Any(p => p.FilePath == projectPath));

    public static IReadOnlyList<App> Apps { get; } = ReadApps(Path.Combine(Root, "apps.txt"));

    /// <summary>Fails with every violation on a line of its own.</summary>
    public static void AssertNone(IEnumerable<string> violations)
    {
        var found = violations.Distinct().ToArray();
        if (found.Length > 0) Assert.Fail(string.Join(Environment.NewLine, found));
    }

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static Project ReadProject(string path)
    {
        var document = XDocument.Load(path);
        var directory = Path.GetDirectoryName(path)!;
        var references = document.Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(directory, r.Attribute("Include")!.Value.Replace('\\', '/'))))
            .ToArray();
        var isWeb = (string?)document.Root!.Attribute("Sdk") == "Microsoft.NET.Sdk.Web";
        return new Project(Path.GetFileNameWithoutExtension(path), directory, path, isWeb, references);
    }

    private static IReadOnlyList<App> ReadApps(string path)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing: it lists the applications (see CONTRIBUTING.md).");
        var apps = new List<App>();
        foreach (var (line, number) in File.ReadLines(path).Select((line, index) => (line, index + 1)))
        {
            var content = line.Split('#')[0];
            var fields = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) continue;
            if (fields.Length != 4 || !int.TryParse(fields[2], out var port))
                throw new InvalidOperationException($"apps.txt line {number}: expected NAME PROJECT_DIR PORT HEALTH_PATH, found: {line}");
            apps.Add(new App(fields[0], fields[1], port, fields[3]));
        }
        return apps;
    }

    private static bool IsUnder(string path, string directory) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Humas.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository: Humas.sln was not found above " + AppContext.BaseDirectory);
    }
}
