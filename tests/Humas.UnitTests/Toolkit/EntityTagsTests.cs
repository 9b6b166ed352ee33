using Humas.ServiceDefaults.Http;
using Humas.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;

namespace Humas.UnitTests.Toolkit;

/// <summary>One reading of If-Match for every change: RFC 9110 strong comparison, lists, and "*".</summary>
public class EntityTagsTests
{
    private static HttpRequest With(string? ifMatch)
    {
        var http = new DefaultHttpContext();
        if (ifMatch is not null) http.Request.Headers.IfMatch = ifMatch;
        return http.Request;
    }

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("*")]
    [InlineData("\"1\", \"3\"")]
    [InlineData("W/\"2\", \"3\"")]
    public void Given_a_matching_If_Match_then_the_current_version_is_expected(string ifMatch) =>
        Assert.Equal(3, EntityTags.RequireMatch(With(ifMatch), 3));

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("W/\"3\"")]
    [InlineData("\"1\", \"2\"")]
    public void Given_another_or_a_weak_tag_then_it_is_refused_as_stale(string ifMatch)
    {
        var refusal = Assert.Throws<Refusal>(() => EntityTags.RequireMatch(With(ifMatch), 3));
        Assert.Equal(RefusalKind.Stale, refusal.Kind);
        Assert.Equal("resource.changed", refusal.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Given_no_If_Match_then_it_is_required(string? ifMatch) =>
        Assert.Equal(RefusalKind.PreconditionRequired, Assert.Throws<Refusal>(() => EntityTags.RequireMatch(With(ifMatch), 3)).Kind);

    [Theory]
    [InlineData("3")]
    [InlineData("\"abc\"")]
    public void Given_something_that_is_not_one_of_our_tags_then_the_field_is_named(string ifMatch)
    {
        var refusal = Assert.Throws<Refusal>(() => EntityTags.RequireMatch(With(ifMatch), 3));
        Assert.Equal(RefusalKind.Invalid, refusal.Kind);
        Assert.Equal("If-Match", refusal.Field);
    }
}
