using Microsoft.AspNetCore.Identity;

namespace Humas.Identity.Accounts;

/// <summary>Length over composition (NIST SP 800-63B): at least 12 characters, at most 128, no character-class rules.</summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }

    /// <summary>The text code of what is wrong with a password, or null.</summary>
    public static string? Check(string? password) => password switch
    {
        null or "" => "field.required",
        { Length: < MinLength } => "account.password.too-short",
        { Length: > MaxLength } => "account.password.too-long",
        _ => null,
    };
}

/// <summary>Refuses passwords longer than <see cref="PasswordRules.MaxLength"/> (Identity itself has no upper bound).</summary>
public sealed class MaxLengthPasswordValidator : IPasswordValidator<HumasUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<HumasUser> manager, HumasUser user, string? password) =>
        Task.FromResult(password is { Length: > PasswordRules.MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "account.password.too-long", Description = "account.password.too-long" })
            : IdentityResult.Success);
}
