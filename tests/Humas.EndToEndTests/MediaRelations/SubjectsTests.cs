using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.MediaRelations;

public sealed class SubjectsTests
{
    [Fact]
    public async Task Anyone_reads_the_controlled_list_of_subjects_through_the_gateway()
    {
        using var anyone = await Gateway.ClientAsync();
        var subjects = await Steps.GetAsync(anyone, "/api/media/subjects");
        var ids = subjects.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains("pemilu", ids);
        Assert.All(subjects.EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("labelEn").GetString())));
    }
}
