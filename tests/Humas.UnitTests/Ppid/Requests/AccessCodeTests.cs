using System.Security.Cryptography;
using System.Text;
using Humas.UseCases.Access;
using Microsoft.Extensions.Options;

namespace Humas.UnitTests.Ppid.Requests;

public sealed class AccessCodeTests
{
    public static readonly string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes("unit-tests-access-code-key-32-bytes!"));

    public static readonly AccessCodeHasher Hasher = new(Options.Create(new AccessCodeOptions { Key = Key }));

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
        var hash = Hasher.Hash(code);

        Assert.True(Hasher.Matches(code, hash));
        Assert.True(Hasher.Matches($" {code.ToLowerInvariant()} ", hash));
        Assert.False(Hasher.Matches(AccessCodes.New(), hash));
        Assert.False(Hasher.Matches(null, hash));
    }

    [Fact]
    public void The_stored_hash_is_keyed_so_that_without_the_key_a_guess_cannot_be_tested()
    {
        var code = AccessCodes.New();
        var hash = Hasher.Hash(code);
        var otherKey = new AccessCodeHasher(Options.Create(new AccessCodeOptions { Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));

        Assert.StartsWith(AccessCodeHasher.Prefix, hash, StringComparison.Ordinal);
        Assert.NotEqual(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code))), hash[AccessCodeHasher.Prefix.Length..]);
        Assert.False(otherKey.Matches(code, hash));
    }

    [Fact]
    public void A_request_registered_with_the_earlier_bare_sha256_keeps_its_code_working()
    {
        var code = AccessCodes.New();
        var earlier = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

        Assert.True(Hasher.Matches(code, earlier));
        Assert.True(Hasher.Matches(code.ToLowerInvariant(), earlier));
        Assert.False(Hasher.Matches(AccessCodes.New(), earlier));
    }

    [Fact]
    public void Without_a_key_of_32_bytes_nothing_is_hashed()
    {
        var unkeyed = new AccessCodeHasher(Options.Create(new AccessCodeOptions { Key = "c2hvcnQ=" }));
        Assert.Contains(AccessCodeHasher.Setting, Assert.Throws<InvalidOperationException>(() => unkeyed.Hash("ABCDEFGHJK")).Message);
    }
}
