using Humas.ReferenceData;

namespace Humas.UnitTests.ReferenceData;

public class AreaDataParsingTests
{
    [Fact]
    public void Given_quoted_fields_with_commas_quotes_and_line_breaks_When_reading_CSV_Then_each_field_is_whole()
    {
        const string csv = "code,name\r\n\"11\",\"Aceh, \"\"Serambi\"\" Mekkah\"\r\n12,\"Sumatera\nUtara\"\n\n13,\n";

        var rows = CsvReader.ReadRows(csv);

        Assert.Equal(4, rows.Count);
        Assert.Equal(["11", "Aceh, \"Serambi\" Mekkah"], rows[1]);
        Assert.Equal(["12", "Sumatera\nUtara"], rows[2]);
        Assert.Equal(["13", ""], rows[3]);
    }

    [Fact]
    public void Given_a_quote_that_never_closes_When_reading_CSV_Then_it_is_rejected()
    {
        Assert.Throws<FormatException>(() => CsvReader.ReadRows("code,name\n11,\"Aceh\n"));
    }

    [Fact]
    public void Given_a_regency_whose_province_is_not_listed_When_parsing_the_area_data_Then_loading_fails()
    {
        Assert.Throws<FormatException>(() => AreaCatalog.Parse("code,name\n33,Jawa Tengah\n", "code,province_code,name\n34.71,34,Kota Yogyakarta\n"));
    }

    [Theory]
    [InlineData("KABUPATEN PANGKAJENE DAN KEPULAUAN", "Kabupaten Pangkajene dan Kepulauan")]
    [InlineData("KABUPATEN TOLI-TOLI", "Kabupaten Toli-Toli")]
    [InlineData("  Kota   Semarang ", "Kota Semarang")]
    [InlineData("Kabupaten Pangkajene dan Kepulauan", "Kabupaten Pangkajene dan Kepulauan")]
    public void Given_an_area_name_When_normalising_it_Then_it_reads_in_title_case(string raw, string expected)
    {
        Assert.Equal(expected, AreaNameCasing.Normalize(raw));
    }

    [Fact]
    public void Given_a_province_missing_from_the_time_zone_file_When_building_units_Then_loading_fails_naming_the_province()
    {
        var areas = AreaCatalog.Parse("code,name\n33,Jawa Tengah\n99,Provinsi Baru\n", "code,province_code,name\n");
        var zones = ProvinceTimeZones.Parse("""
            { "source": "Keppres 41/1987", "nationalUnitsZone": "WIB",
              "provinces": [ { "code": "33", "name": "Jawa Tengah", "zone": "WIB", "note": "" } ] }
            """);

        var error = Assert.Throws<InvalidOperationException>(() => UnitDirectory.Build(areas, zones));
        Assert.Contains("99", error.Message);
    }

    [Fact]
    public void Given_the_embedded_time_zone_file_When_reading_it_Then_every_listed_province_has_a_zone()
    {
        var zones = ProvinceTimeZones.LoadEmbedded();
        var areas = AreaCatalog.LoadEmbedded();

        Assert.All(areas.Provinces, province => Assert.NotNull(zones.ZoneOf(province.Code, province.Name)));
        Assert.Equal(IndonesianTimeZone.Wib, zones.NationalZone);
    }

    [Fact]
    public void Given_the_three_zones_When_reading_their_offsets_Then_they_are_fixed_at_7_8_and_9_hours()
    {
        Assert.Equal(
            [("WIB", "Asia/Jakarta", 7.0), ("WITA", "Asia/Makassar", 8.0), ("WIT", "Asia/Jayapura", 9.0)],
            IndonesianTimeZone.All.Select(zone => (zone.Abbreviation, zone.IanaId, zone.UtcOffset.TotalHours)));
        Assert.Same(IndonesianTimeZone.Wita, IndonesianTimeZone.FromAbbreviation("wita"));
        Assert.Throws<ArgumentException>(() => IndonesianTimeZone.FromAbbreviation("CET"));
    }
}
