using System.Reflection;
using System.Text.RegularExpressions;

namespace Humas.Eventing.Store;

/// <summary>
/// The schema migrations an assembly carries as embedded files named after the id they are
/// recorded under in schema_migrations: <c>Migrations/&lt;prefix&gt;-&lt;NNN&gt;-&lt;name&gt;.sql</c>, e.g.
/// <c>Migrations/ppid-001-request-register.sql</c>. The project embeds them with
/// <c>&lt;EmbeddedResource Include="Migrations/*.sql" LogicalName="Migrations/%(Filename)%(Extension)" /&gt;</c>.
/// All files of one assembly share one prefix and are numbered 001, 002, … without gaps or
/// duplicates; they are applied in that order. A file, once applied somewhere, is never edited
/// or renamed: a change is a new file with the next number.
/// </summary>
public static partial class EmbeddedMigrations
{
    public const string Folder = "Migrations/";

    public static IReadOnlyList<SchemaMigration> From(Assembly assembly)
    {
        var source = assembly.GetName().Name ?? assembly.FullName ?? "an assembly";
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.Replace('\\', '/').StartsWith(Folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            .Select(name => (FileName: name.Replace('\\', '/')[Folder.Length..], Sql: (Func<string>)(() => Read(assembly, name))))
            .ToList();
        if (files.Count == 0)
            throw new InvalidOperationException(
                $"Schema migrations of {source}: the assembly embeds no {Folder}*.sql file. Add " +
                "<EmbeddedResource Include=\"Migrations/*.sql\" LogicalName=\"Migrations/%(Filename)%(Extension)\" /> to its project.");
        return Ordered(source, files);
    }

    /// <summary>Checks the file names and returns the migrations in number order.</summary>
    internal static IReadOnlyList<SchemaMigration> Ordered(string source, IReadOnlyList<(string FileName, Func<string> Sql)> files)
    {
        var parsed = new List<(string FileName, string Id, string Prefix, int Number, Func<string> Sql)>();
        foreach (var (fileName, sql) in files)
        {
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
                throw new InvalidOperationException(
                    $"Schema migrations of {source}: '{Folder}{fileName}' is not named '<prefix>-<NNN>-<name>.sql' " +
                    "(lower-case letters, digits and hyphens, a three-digit number), e.g. 'ppid-001-request-register.sql'.");
            parsed.Add((fileName, match.Groups["id"].Value, match.Groups["prefix"].Value, int.Parse(match.Groups["number"].Value), sql));
        }

        var prefixes = parsed.Select(p => p.Prefix).Distinct().Order(StringComparer.Ordinal).ToList();
        if (prefixes.Count > 1)
            throw new InvalidOperationException(
                $"Schema migrations of {source}: the files use more than one prefix ({string.Join(", ", prefixes)}); all of one assembly share one.");

        foreach (var duplicate in parsed.GroupBy(p => p.Number).Where(g => g.Count() > 1).OrderBy(g => g.Key))
            throw new InvalidOperationException(
                $"Schema migrations of {source}: number {duplicate.Key:000} is used by more than one file " +
                $"({string.Join(", ", duplicate.Select(p => p.FileName).Order(StringComparer.Ordinal))}); each number is used once.");

        var ordered = parsed.OrderBy(p => p.Number).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var expected = i + 1;
            if (ordered[i].Number != expected)
                throw new InvalidOperationException(
                    $"Schema migrations of {source}: number {expected:000} is missing " +
                    $"(the files run from {ordered[0].Number:000} to {ordered[^1].Number:000}); numbers start at 001 and leave no gaps.");
        }

        return ordered.Select(p => new SchemaMigration(p.Id, p.Sql())).ToList();
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' of {assembly.GetName().Name} could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<id>(?<prefix>[a-z][a-z0-9]*)-(?<number>[0-9]{3})-[a-z0-9]+(?:-[a-z0-9]+)*)\.sql$")]
    private static partial Regex FileNamePattern();
}
