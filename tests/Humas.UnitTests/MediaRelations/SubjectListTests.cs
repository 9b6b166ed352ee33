using Humas.MediaRelations.Subjects;

namespace Humas.UnitTests.MediaRelations;

public sealed class SubjectListTests
{
    [Fact]
    public void The_controlled_list_loads_with_unique_lower_case_ids_and_both_labels()
    {
        var subjects = SubjectList.Load();
        Assert.NotEmpty(subjects.All);
        Assert.Equal(subjects.All.Count, subjects.All.Select(s => s.Id).Distinct().Count());
        Assert.All(subjects.All, s => Assert.Matches("^[a-z][a-z0-9-]*$", s.Id));
        Assert.All(subjects.All, s => Assert.False(string.IsNullOrWhiteSpace(s.IndonesianLabel) || string.IsNullOrWhiteSpace(s.EnglishLabel), s.Id));
        Assert.NotNull(subjects.Find("pemilu"));
        Assert.Null(subjects.Find("sepak-bola"));
    }
}
