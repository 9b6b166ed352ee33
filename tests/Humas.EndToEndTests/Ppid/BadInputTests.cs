using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Humas.EndToEndTests.Infrastructure;

namespace Humas.EndToEndTests.Ppid;

/// <summary>Every kind of bad input gets a 4xx problem-details answer naming what was wrong, and changes nothing.</summary>
public sealed class BadInputTests
{
    private const string Unit = "kpu-33.22";

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_registers_nothing() =>
        await AssertRejectedAsync(Raw("{\"unitId\": \"kpu-33.22\", "), HttpStatusCode.BadRequest, problem =>
            Assert.Contains("JSON", problem.GetProperty("detail").GetString()));

    [Fact]
    public async Task Missing_fields_are_a_400_problem_naming_each_field() =>
        await AssertRejectedAsync(JsonContent.Create(new { unitId = Unit }), HttpStatusCode.BadRequest, problem =>
        {
            var errors = problem.GetProperty("errors");
            foreach (var field in new[] { "requester", "informationRequested", "purpose", "obtainBy", "deliveryBy" })
                Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        });

    [Theory]
    [InlineData("33210157089000", "16")]        // too short
    [InlineData("3321015708900A01", "16")]      // not digits
    [InlineData("0021015708900001", "provinsi")] // no such province
    [InlineData("3321013508900001", "Tanggal")]  // day 35
    [InlineData("3321015713900001", "Bulan")]    // month 13
    [InlineData("3321015708900000", "urut")]     // serial 0000
    public async Task A_bad_nik_is_a_400_problem_naming_the_nik(string nik, string expectedWord) =>
        await AssertRejectedAsync(JsonContent.Create(Requests.Valid(Unit, nik)), HttpStatusCode.BadRequest, problem =>
            Assert.Contains(expectedWord, problem.GetProperty("errors").GetProperty("requester.nik")[0].GetString()));

    [Fact]
    public async Task An_unknown_unit_is_a_400_problem_naming_the_unit() =>
        await AssertRejectedAsync(JsonContent.Create(Requests.Valid("kpu-99.99")), HttpStatusCode.BadRequest, problem =>
            Assert.True(problem.GetProperty("errors").TryGetProperty("unitId", out _)));

    [Fact]
    public async Task An_unknown_delivery_method_is_a_400_problem() =>
        await AssertRejectedAsync(Raw(JsonSerializer.Serialize(Requests.Valid(Unit)).Replace("\"email\"", "\"pigeon\"")), HttpStatusCode.BadRequest, problem =>
            Assert.Contains("deliveryBy", problem.GetProperty("detail").GetString()));

    [Fact]
    public async Task An_oversized_body_is_a_413_problem() =>
        await AssertRejectedAsync(Raw($"{{\"purpose\": \"{new string('x', 200_000)}\"}}"), HttpStatusCode.RequestEntityTooLarge, _ => { });

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task AssertRejectedAsync(HttpContent body, HttpStatusCode expected, Action<JsonElement> inspect)
    {
        var before = await Requests.RegisterCountAsync(Unit);
        using var client = await Gateway.ClientAsync();

        var response = await client.PostAsync("/api/ppid/requests", body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("code").GetString()));
        inspect(problem);
        Assert.Equal(before, await Requests.RegisterCountAsync(Unit));
    }
}
