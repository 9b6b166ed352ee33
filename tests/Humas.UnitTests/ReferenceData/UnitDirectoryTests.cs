using Humas.ReferenceData;

namespace Humas.UnitTests.ReferenceData;

public class UnitDirectoryTests
{
    private static readonly UnitDirectory Directory = UnitDirectory.Load();

    [Fact]
    public void Given_the_embedded_area_data_When_loading_Then_there_are_1106_units_from_38_provinces_and_514_regencies()
    {
        Assert.Equal(1106, Directory.All.Count);
        Assert.Equal(38, Directory.ProvinceCount);
        Assert.Equal(514, Directory.RegencyCount);
        Assert.Equal(98, Directory.CityCount);
        Assert.Equal(2 * 38, Directory.All.Count(unit => unit.Level == UnitLevel.Province));
        Assert.Equal(2 * 416, Directory.All.Count(unit => unit.Name.StartsWith("KPU Kabupaten ") || unit.Name.StartsWith("Bawaslu Kabupaten ")));
        Assert.Equal(1106, Directory.All.Select(unit => unit.Id).Distinct().Count());
    }

    [Fact]
    public void Given_loading_twice_from_several_threads_When_comparing_Then_the_same_directory_is_returned()
    {
        var loaded = Enumerable.Range(0, 8).AsParallel().Select(_ => UnitDirectory.Load()).ToList();

        Assert.All(loaded, directory => Assert.Same(Directory, directory));
    }

    [Fact]
    public void Given_kpu_33_21_When_looking_it_up_Then_it_is_KPU_Kabupaten_Demak_under_KPU_Jawa_Tengah_in_WIB()
    {
        Assert.True(Directory.TryFind("kpu-33.21", out var demak));

        Assert.Equal(new Unit("kpu-33.21", Institution.Kpu, UnitLevel.Regency, "KPU Kabupaten Demak", "33", "33.21",
            IndonesianTimeZone.Wib, "kpu-33"), demak);
        Assert.Equal("KPU Provinsi Jawa Tengah", Directory.Find(demak.ParentId!)?.Name);
        Assert.Equal("kpu", Directory.Find("kpu-33")?.ParentId);
    }

    [Fact]
    public void Given_the_national_units_When_looking_them_up_Then_they_are_named_RI_sit_in_WIB_and_have_no_parent()
    {
        Assert.Equal(new Unit("kpu", Institution.Kpu, UnitLevel.National, "KPU RI", null, null, IndonesianTimeZone.Wib, null), Directory.Find("kpu"));
        Assert.Equal("Bawaslu RI", Directory.Find("bawaslu")?.Name);
    }

    [Theory]
    [InlineData("bawaslu-51", "WITA", "Bawaslu Provinsi Bali")]
    [InlineData("kpu-91", "WIT", "KPU Provinsi Papua")]
    [InlineData("bawaslu-61", "WIB", "Bawaslu Provinsi Kalimantan Barat")]
    [InlineData("kpu-64.72", "WITA", "KPU Kota Samarinda")]
    [InlineData("kpu-95.01", "WIT", "KPU Kabupaten Jayawijaya")]
    public void Given_a_unit_id_When_looking_it_up_Then_it_carries_its_provinces_time_zone(string id, string zone, string name)
    {
        var unit = Directory.Find(id);

        Assert.Equal(zone, unit?.TimeZone.Abbreviation);
        Assert.Equal(name, unit?.Name);
    }

    [Theory]
    [InlineData("kpu-99")]
    [InlineData("kpu-33.99")]
    [InlineData("KPU-33")]
    [InlineData("kip-11")]
    // Merauke moved from Papua (91.01) to Papua Selatan (93.01) in 2022.
    [InlineData("kpu-91.01")]
    [InlineData("")]
    public void Given_an_unknown_id_When_looking_it_up_Then_nothing_is_found(string id)
    {
        Assert.False(Directory.TryFind(id, out _));
        Assert.Null(Directory.Find(id));
        Assert.Empty(Directory.Below(id));
        Assert.False(Directory.Oversees(id, "kpu-33.21"));
        Assert.False(Directory.Oversees("kpu", id));
    }

    [Theory]
    [InlineData("kpu-33", "kpu-33.21", true)]
    [InlineData("kpu-33", "kpu-33", true)]
    [InlineData("kpu", "kpu-91.03", true)]
    [InlineData("bawaslu", "bawaslu-33.21", true)]
    [InlineData("kpu-33.21", "kpu-33", false)]
    [InlineData("kpu-33", "kpu-34.71", false)]
    [InlineData("bawaslu-33", "kpu-33.21", false)]
    [InlineData("kpu", "bawaslu", false)]
    [InlineData("kpu-33.21", "kpu-33.22", false)]
    public void Given_an_officers_unit_When_asking_whether_it_oversees_another_Then_only_its_own_branch_counts(
        string officerUnit, string targetUnit, bool expected)
    {
        Assert.Equal(expected, Directory.Oversees(officerUnit, targetUnit));
    }

    [Fact]
    public void Given_a_province_or_national_unit_When_listing_below_it_Then_it_sees_itself_and_its_institutions_units_beneath()
    {
        var jawaTengah = Directory.Below("bawaslu-33").ToList();

        Assert.Equal(36, jawaTengah.Count);
        Assert.Equal("bawaslu-33", jawaTengah[0].Id);
        Assert.All(jawaTengah, unit => Assert.Equal(Institution.Bawaslu, unit.Institution));
        Assert.Equal(553, Directory.Below("kpu").Count());
        Assert.Equal(["kpu-33.21"], Directory.Below("kpu-33.21").Select(unit => unit.Id));
    }

    [Theory]
    [InlineData("33", "21", true)]
    [InlineData("33", "74", true)]
    [InlineData("96", "71", true)]
    [InlineData("33", "99", false)]
    [InlineData("20", "01", false)]
    public void Given_the_first_four_digits_of_a_NIK_When_checking_them_Then_only_listed_regencies_are_known(
        string province, string regency, bool expected)
    {
        Assert.Equal(expected, Directory.IsKnownRegencyCode(province, regency));
        Assert.Equal(province != "20", Directory.IsKnownProvinceCode(province));
    }
}
