using Humas.Ppid.Requests;
using Humas.ReferenceData;

namespace Humas.UnitTests.Ppid.Requests;

public sealed class NikTests
{
    private static readonly UnitDirectory Units = UnitDirectory.Load();

    [Theory]
    [InlineData("3321015708900001")] // a woman born 17-08-1990 in Demak
    [InlineData("3321011708900001")] // a man born 17-08-1990
    [InlineData("9101014101000123")] // an old Papua regency code still on issued cards
    public void A_well_formed_nik_has_no_problem(string nik) => Assert.Null(Nik.Problem(nik, Units));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("332101570890000")]
    [InlineData("33210157089000011")]
    [InlineData("33210157089O0001")]
    [InlineData("0021015708900001")]
    [InlineData("3300015708900001")]
    [InlineData("3321005708900001")]
    [InlineData("3321010008900001")]
    [InlineData("3321013208900001")]
    [InlineData("3321017208900001")]
    [InlineData("3321011700900001")]
    [InlineData("3321011713900001")]
    [InlineData("3321011708900000")]
    public void A_malformed_nik_is_refused(string? nik) => Assert.NotNull(Nik.Problem(nik, Units));

    [Fact]
    public void A_masked_nik_shows_neither_the_region_nor_the_serial() =>
        Assert.Equal("******57089000**", Nik.Mask("3321015708900001"));
}
