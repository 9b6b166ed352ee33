using Humas.UseCases.Access;
using Humas.Ppid.Requests;

namespace Humas.UnitTests.Ppid.Requests;

public sealed class AccessCodeTests
{
    [Fact]
    public void A_new_code_has_no_confusable_characters_and_differs_each_time()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => AccessCodes.New()).ToList();

        Assert.All(codes, code => Assert.Equal(AccessCodes.Length, code.Length));
        Assert.All(codes, code => Assert.DoesNotContain(code, c => "01OIL".Contains(c)));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void A_code_matches_its_hash_whatever_the_case_and_surrounding_spaces()
    {
        var code = AccessCodes.New();
        var hash = AccessCodes.Hash(code);

        Assert.True(AccessCodes.Matches(code, hash));
        Assert.True(AccessCodes.Matches($" {code.ToLowerInvariant()} ", hash));
        Assert.False(AccessCodes.Matches(AccessCodes.New(), hash));
        Assert.False(AccessCodes.Matches(null, hash));
    }
}
