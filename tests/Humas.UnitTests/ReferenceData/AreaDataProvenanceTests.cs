using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Humas.ReferenceData;
using Humas.UnitTests.Architecture;

namespace Humas.UnitTests.ReferenceData;

/// <summary>
/// The region data is committed (so that a build needs no Node.js): unmodified copies of files of
/// the npm package idn-area-data, recorded in AreaData/provenance.json with the package's version,
/// the integrity hash package-lock.json pins, their licence and each file's sha256. These tests
/// hold the copies, the record, the lock file, the project and NOTICE to one another.
/// </summary>
public sealed class AreaDataProvenanceTests
{
    private const string Folder = "services/BuildingBlocks/Humas.ReferenceData/AreaData";

    private static JsonElement Provenance()
    {
        using var document = JsonDocument.Parse(Repository.ReadText($"{Folder}/provenance.json"));
        return document.RootElement.Clone();
    }

    public static TheoryData<string> RecordedFiles =>
        new(Provenance().GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!));

    [Theory]
    [MemberData(nameof(RecordedFiles))]
    public void Each_committed_file_is_byte_for_byte_the_one_recorded(string file)
    {
        var recorded = Provenance().GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == file);
        var bytes = File.ReadAllBytes(Path.Combine(Repository.Root, Folder, file));

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));

        Assert.True(recorded.GetProperty("sha256").GetString() == actual,
            $"{Folder}/{file} has sha256 {actual}, provenance.json records {recorded.GetProperty("sha256").GetString()}: " +
            "the file was changed by hand (or its line endings by git). Restore it with ./humas refresh-region-data.");
    }

    [Fact]
    public void The_record_names_the_package_version_and_integrity_that_package_lock_pins()
    {
        var provenance = Provenance();
        var name = provenance.GetProperty("package").GetString()!;
        using var lockFile = JsonDocument.Parse(Repository.ReadText($"{Folder}/package-lock.json"));
        var locked = lockFile.RootElement.GetProperty("packages").GetProperty($"node_modules/{name}");
        using var packageJson = JsonDocument.Parse(Repository.ReadText($"{Folder}/package.json"));

        Assert.Equal("idn-area-data", name);
        Assert.Equal(locked.GetProperty("version").GetString(), provenance.GetProperty("version").GetString());
        Assert.Equal(locked.GetProperty("integrity").GetString(), provenance.GetProperty("integrity").GetString());
        Assert.StartsWith("sha512-", provenance.GetProperty("integrity").GetString(), StringComparison.Ordinal);
        Assert.Equal(provenance.GetProperty("version").GetString(), packageJson.RootElement.GetProperty("dependencies").GetProperty(name).GetString());
        Assert.Equal("ODbL-1.0", provenance.GetProperty("dataLicence").GetString());
        Assert.True(File.Exists(Path.Combine(Repository.Root, Folder, "LICENSE-ODbL.md")), "the ODbL text that comes with the data is missing");
    }

    [Fact]
    public void NOTICE_attributes_the_version_that_is_committed()
    {
        var version = Provenance().GetProperty("version").GetString()!;
        var notice = Repository.ReadText("NOTICE");

        Assert.Matches($@"idn-area-data,\s+version\s+{Regex.Escape(version)}\b", notice);
        Assert.Contains("Open Database License (ODbL)", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_embeds_exactly_the_recorded_files_and_fetches_nothing_at_build_time()
    {
        var project = Repository.ReadText("services/BuildingBlocks/Humas.ReferenceData/Humas.ReferenceData.csproj");
        var embedded = Regex.Matches(project, @"Include=""AreaData/([^""]+)""").Select(m => m.Groups[1].Value).Order().ToArray();
        var recorded = Provenance().GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).Order().ToArray();

        Assert.Equal(recorded, embedded);
        Assert.DoesNotContain("npm", project, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<Exec", project, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_copies_are_the_committed_files()
    {
        var assembly = typeof(UnitDirectory).Assembly;
        foreach (var file in Provenance().GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!))
        {
            using var stream = assembly.GetManifestResourceStream($"Humas.ReferenceData.{file}")!;
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, Folder, file)), ReadAll(stream));
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
