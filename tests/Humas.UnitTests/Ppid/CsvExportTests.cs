using System.Text;
using Humas.Ppid.Register;

namespace Humas.UnitTests.Ppid;

public sealed class CsvExportTests
{
    private static readonly string[] Header = ["nomor_registrasi", "nama_pemohon", "batas_waktu", "terlambat"];

    [Fact]
    public async Task Given_rows_still_coming_When_exporting_Then_the_rows_so_far_are_already_written_not_held_until_the_last()
    {
        using var output = new MemoryStream();
        var waiting = new TaskCompletionSource();
        var more = new TaskCompletionSource();
        async IAsyncEnumerable<IReadOnlyList<object?>> Rows()
        {
            for (var i = 0; i < 2000; i++) yield return [$"KPU-33.21-2026-{i:D5}", "Siti Aminah, Demak", new DateOnly(2026, 1, 8), false];
            waiting.SetResult();
            await more.Task;
            yield return ["KPU-33.21-2026-99999", "=HYPERLINK(\"x\")", null, true];
        }

        var export = Csv.WriteAsync(output, Header, Rows(), default);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(export.IsCompleted);
        Assert.True(output.Length >= 64 * 1024, $"only {output.Length} bytes written while 2000 rows were read");
        more.SetResult();
        await export;
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2002, lines.Length);
        Assert.StartsWith("\uFEFFnomor_registrasi,nama_pemohon,batas_waktu,terlambat", lines[0]);
        Assert.StartsWith("KPU-33.21-2026-00000,\"Siti Aminah, Demak\",2026-01-08,", lines[1]);
        Assert.StartsWith("KPU-33.21-2026-99999,\"'=HYPERLINK(\"\"x\"\")\",,", lines[^1]);
    }
}
