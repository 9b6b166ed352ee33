using Humas.Identity.Accounts;
using Humas.Identity.Pages;
using Humas.ReferenceData;
using Humas.ServiceDefaults.Problems;

namespace Humas.UnitTests.Identity;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("", "field.required")]
    [InlineData("elevenchars", "account.password.too-short")]
    [InlineData("twelve chars", null)]
    [InlineData("alllowercaseandlong", null)]
    public void Passwords_are_judged_by_length_only(string password, string? expected) =>
        Assert.Equal(expected, PasswordRules.Check(password));

    [Fact]
    public void A_password_over_128_characters_is_refused() =>
        Assert.Equal("account.password.too-long", PasswordRules.Check(new string('a', 129)));

    [Theory]
    [InlineData("someone@example.org", null)]
    [InlineData("", "field.required")]
    [InlineData("not an address", "account.email.invalid")]
    [InlineData("Someone <someone@example.org>", "account.email.invalid")]
    [InlineData("someone@localhost", "account.email.invalid")]
    public void E_mail_addresses_are_plain_addresses(string email, string? expected) =>
        Assert.Equal(expected, AccountPages.EmailProblem(email));

    [Theory]
    [InlineData("ppid-officer", "kpu-33.21", new string[0])]
    [InlineData("citizen", "kpu-33", new[] { "role" })]
    [InlineData("supervisor", "kpu-99", new[] { "unitId" })]
    [InlineData("", "", new[] { "role", "unitId" })]
    public void An_officer_has_an_officer_role_and_a_known_unit(string role, string unit, string[] faulty)
    {
        var errors = new Validation();
        AccountApi.CheckAssignment(errors, role, unit, UnitDirectory.Load());
        Assert.Equal(faulty, errors.Keys.ToArray());
    }
}
