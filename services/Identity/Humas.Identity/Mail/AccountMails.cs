using System.Text.Encodings.Web;
using Humas.Identity.Accounts;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

namespace Humas.Identity.Mail;

/// <summary>The mails about an account: confirm the address, set or reset the password. Links point at the public address (the issuer).</summary>
public sealed class AccountMails(UserManager<HumasUser> users, Mailer mailer, IdentitySettings settings, TextCatalog texts)
{
    public async Task SendConfirmationAsync(HumasUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Link($"account/confirm?userId={UrlEncoder.Default.Encode(user.Id)}&code={code}");
        await mailer.SendAsync(user.Email!, texts["mail.confirm.subject"], texts["mail.confirm.body", link]);
    }

    public async Task SendPasswordResetAsync(HumasUser user, bool newAccount)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = Link($"account/reset-password?userId={UrlEncoder.Default.Encode(user.Id)}&code={code}");
        if (newAccount) await mailer.SendAsync(user.Email!, texts["mail.welcome.subject"], texts["mail.welcome.body", link]);
        else await mailer.SendAsync(user.Email!, texts["mail.reset.subject"], texts["mail.reset.body", link]);
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (code is null) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private string Link(string relative) => new Uri(settings.IssuerUri, relative).ToString();
}
