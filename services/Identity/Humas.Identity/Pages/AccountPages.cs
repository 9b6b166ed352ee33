using System.Net.Mail;
using System.Security.Claims;
using Humas.Identity.Accounts;
using Humas.Identity.Audit;
using Humas.Identity.Mail;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Humas.Identity.Pages;

/// <summary>Sign-in, two-factor, registration, e-mail confirmation and password reset, as plain HTML forms.</summary>
public static class AccountPages
{
    private const string Email = "email";
    private const string Password = "password";
    private const string Code = "code";

    public static WebApplication MapAccountPages(this WebApplication app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/login", (HttpContext c, string? returnUrl) => LoginPage(Page(c), Local(returnUrl), null, []));
        account.MapPost("/login", LoginAsync);
        account.MapGet("/two-factor", (HttpContext c, string? returnUrl) => TwoFactorPage(Page(c), Local(returnUrl), []));
        account.MapPost("/two-factor", TwoFactorAsync);
        account.MapGet("/two-factor/setup", SetupPageAsync);
        account.MapPost("/two-factor/setup", SetupAsync);
        account.MapGet("/register", (HttpContext c) => RegisterPage(Page(c), null, "citizen", []));
        account.MapPost("/register", RegisterAsync);
        account.MapGet("/confirm", ConfirmAsync);
        account.MapGet("/forgot-password", (HttpContext c) => ForgotPage(Page(c), []));
        account.MapPost("/forgot-password", ForgotAsync);
        account.MapGet("/reset-password", (HttpContext c, string? userId, string? code) => ResetPage(Page(c), userId, code, []));
        account.MapPost("/reset-password", ResetAsync);
        account.MapGet("/signed-in", (HttpContext c) => Page(c).Heading("account.signed-in.title").Paragraph("account.signed-in.text").Result("account.signed-in.title"));
        account.MapGet("/signed-out", (HttpContext c) => Page(c).Heading("account.signed-out.title").Link("/account/login", "account.login.title").Result("account.signed-out.title"));
        return app;
    }

    private static Html Page(HttpContext context) => new(context,
        context.RequestServices.GetRequiredService<TextCatalog>(), context.RequestServices.GetRequiredService<IAntiforgery>());

    /// <summary>Only a path of this site: never an open redirect.</summary>
    private static string Local(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] is not '/' and not '\\' ? url : "/account/signed-in";

    private static async Task<IFormCollection?> FormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType) return null;
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return await context.Request.ReadFormAsync();
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
    }

    private static IResult BadForm(HttpContext context) =>
        Page(context).Heading("account.form.invalid").Paragraph("account.form.invalid.text").Link("/account/login", "account.login.title")
            .Result("account.form.invalid", StatusCodes.Status400BadRequest);

    private static bool RequiresTwoFactor(HumasUser user) => user.Role is HumasRoles.Admin or HumasRoles.Supervisor;

    // --- Sign-in -------------------------------------------------------------------

    private static IResult LoginPage(Html page, string returnUrl, string? email, IEnumerable<(string, string)> errors, int status = 200) =>
        page.Heading("account.login.title").Errors(errors)
            .Form($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "account.login.submit",
                [(Email, "email", "account.field.email", email), (Password, "password", "account.field.password", null)])
            .Link("/account/forgot-password", "account.forgot.title")
            .Link("/account/register", "account.register.title")
            .Result("account.login.title", status);

    private static async Task<IResult> LoginAsync(HttpContext context, string? returnUrl, UserManager<HumasUser> users,
        SignInManager<HumasUser> signIn, AuditLog audit)
    {
        var form = await FormAsync(context);
        if (form is null) return BadForm(context);
        returnUrl = Local(returnUrl);
        string email = form[Email].ToString().Trim(), password = form[Password].ToString();
        if (email.Length == 0 || password.Length == 0 || password.Length > PasswordRules.MaxLength)
            return LoginPage(Page(context), returnUrl, email, [("credentials", "account.sign-in.failed")], 400);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await audit.RecordAsync(AuditKinds.SignInFailed, null);
            return LoginPage(Page(context), returnUrl, email, [("credentials", "account.sign-in.failed")], 400);
        }

        SignInResult result;
        if (RequiresTwoFactor(user) && !user.TwoFactorEnabled)
        {
            result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                // Password right, authenticator not yet set up: only the set-up page opens.
                await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));
                return Results.Redirect($"/account/two-factor/setup?returnUrl={Uri.EscapeDataString(returnUrl)}");
            }
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditKinds.SignedIn, user, actorId: user.Id);
            return Results.Redirect(returnUrl);
        }
        if (result.RequiresTwoFactor) return Results.Redirect($"/account/two-factor?returnUrl={Uri.EscapeDataString(returnUrl)}");
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditKinds.LockedOut, user);
            return LoginPage(Page(context), returnUrl, email, [("credentials", "account.locked")], 403);
        }
        if (result.IsNotAllowed)
            return LoginPage(Page(context), returnUrl, email, [(Email, "account.email-not-confirmed")], 403);
        await audit.RecordAsync(AuditKinds.SignInFailed, user);
        return LoginPage(Page(context), returnUrl, email, [("credentials", "account.sign-in.failed")], 400);
    }

    // --- Two-factor ----------------------------------------------------------------

    private static IResult TwoFactorPage(Html page, string returnUrl, IEnumerable<(string, string)> errors, int status = 200) =>
        page.Heading("account.two-factor.title").Errors(errors).Paragraph("account.two-factor.text")
            .Form($"/account/two-factor?returnUrl={Uri.EscapeDataString(returnUrl)}", "account.two-factor.submit",
                [(Code, "text", "account.field.code", null)])
            .Result("account.two-factor.title", status);

    private static async Task<IResult> TwoFactorAsync(HttpContext context, string? returnUrl, SignInManager<HumasUser> signIn, AuditLog audit)
    {
        var form = await FormAsync(context);
        if (form is null) return BadForm(context);
        returnUrl = Local(returnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var code = new string(form[Code].ToString().Where(char.IsDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditKinds.SignedIn, user, actorId: user.Id);
            return Results.Redirect(returnUrl);
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditKinds.LockedOut, user);
            return TwoFactorPage(Page(context), returnUrl, [(Code, "account.locked")], 403);
        }
        await audit.RecordAsync(AuditKinds.TwoFactorFailed, user);
        return TwoFactorPage(Page(context), returnUrl, [(Code, "account.two-factor.wrong")], 400);
    }

    private static async Task<IResult> SetupPageAsync(HttpContext context, string? returnUrl, SignInManager<HumasUser> signIn, UserManager<HumasUser> users) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is { TwoFactorEnabled: false } user
            ? await SetupPage(Page(context), Local(returnUrl), user, users, [])
            : Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(Local(returnUrl))}");

    private static async Task<IResult> SetupPage(Html page, string returnUrl, HumasUser user, UserManager<HumasUser> users, IEnumerable<(string, string)> errors, int status = 200)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var uri = $"otpauth://totp/Humas:{Uri.EscapeDataString(user.Id)}?secret={key}&issuer=Humas&digits=6&period=30";
        return page.Heading("account.two-factor.setup.title").Errors(errors).Paragraph("account.two-factor.setup.text")
            .Raw($"<p><code id=\"authenticator-key\">{Html.Encode(key)}</code></p>\n<p><code id=\"authenticator-uri\">{Html.Encode(uri)}</code></p>\n")
            .Form($"/account/two-factor/setup?returnUrl={Uri.EscapeDataString(returnUrl)}", "account.two-factor.submit",
                [(Code, "text", "account.field.code", null)])
            .Result("account.two-factor.setup.title", status);
    }

    private static async Task<IResult> SetupAsync(HttpContext context, string? returnUrl, SignInManager<HumasUser> signIn, UserManager<HumasUser> users, AuditLog audit)
    {
        var form = await FormAsync(context);
        if (form is null) return BadForm(context);
        returnUrl = Local(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { TwoFactorEnabled: false } user)
            return Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var code = new string(form[Code].ToString().Where(char.IsDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.RecordAsync(AuditKinds.TwoFactorFailed, user);
            return await SetupPage(Page(context), returnUrl, user, users, [(Code, "account.two-factor.wrong")], 400);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(AuditKinds.TwoFactorEnabled, user, actorId: user.Id);
        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "mfa");
        await audit.RecordAsync(AuditKinds.SignedIn, user, actorId: user.Id);
        return Results.Redirect(returnUrl);
    }

    // --- Registration and confirmation ------------------------------------------------

    private static IResult RegisterPage(Html page, string? email, string kind, IEnumerable<(string, string)> errors, int status = 200) =>
        page.Heading("account.register.title").Errors(errors).Paragraph("account.password.rule")
            .Form("/account/register", "account.register.submit",
                [(Email, "email", "account.field.email", email), (Password, "password", "account.field.password", null), ("kind", "select-kind", "account.field.kind", kind)])
            .Link("/account/login", "account.login.title")
            .Result("account.register.title", status);

    private static async Task<IResult> RegisterAsync(HttpContext context, UserManager<HumasUser> users, AccountMails mails, AuditLog audit)
    {
        var form = await FormAsync(context);
        if (form is null) return BadForm(context);
        string email = form[Email].ToString().Trim(), password = form[Password].ToString(), kind = form["kind"].ToString();
        var errors = new List<(string, string)>();
        if (EmailProblem(email) is { } emailProblem) errors.Add((Email, emailProblem));
        if (PasswordRules.Check(password) is { } passwordProblem) errors.Add((Password, passwordProblem));
        if (kind is not (HumasRoles.Citizen or HumasRoles.Journalist)) errors.Add(("kind", "account.kind.unknown"));
        if (errors.Count > 0) return RegisterPage(Page(context), email, kind, errors, 400);

        // The same answer whether or not the address already has an account: the page tells no one who is registered.
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new HumasUser { UserName = email, Email = email, Role = kind };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                return RegisterPage(Page(context), email, kind, created.Errors.Select(e => (Password, e.Code.StartsWith("account.", StringComparison.Ordinal) ? e.Code : "account.password.refused")), 400);
            await audit.RecordAsync(AuditKinds.Registered, user, actorId: user.Id);
            await mails.SendConfirmationAsync(user);
        }
        return Page(context).Heading("account.register.sent.title").Paragraph("account.register.sent.text").Result("account.register.sent.title");
    }

    internal static string? EmailProblem(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return "field.required";
        if (email.Length > 254) return "account.email.invalid";
        return MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal)
            ? null
            : "account.email.invalid";
    }

    private static async Task<IResult> ConfirmAsync(HttpContext context, string? userId, string? code, UserManager<HumasUser> users, AuditLog audit)
    {
        var token = AccountMails.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return Page(context).Heading("account.confirm.failed").Link("/account/register", "account.register.title")
                .Result("account.confirm.failed", StatusCodes.Status400BadRequest);
        await audit.RecordAsync(AuditKinds.EmailConfirmed, user, actorId: user.Id);
        return Page(context).Heading("account.confirm.done").Link("/account/login", "account.login.title").Result("account.confirm.done");
    }

    // --- Password reset ------------------------------------------------------------------

    private static IResult ForgotPage(Html page, IEnumerable<(string, string)> errors, int status = 200) =>
        page.Heading("account.forgot.title").Errors(errors)
            .Form("/account/forgot-password", "account.forgot.submit", [(Email, "email", "account.field.email", null)])
            .Result("account.forgot.title", status);

    private static async Task<IResult> ForgotAsync(HttpContext context, UserManager<HumasUser> users, AccountMails mails)
    {
        var form = await FormAsync(context);
        if (form is null) return BadForm(context);
        var email = form[Email].ToString().Trim();
        if (EmailProblem(email) is { } problem) return ForgotPage(Page(context), [(Email, problem)], 400);
        if (await users.FindByEmailAsync(email) is { } user) await mails.SendPasswordResetAsync(user, newAccount: false);
        return Page(context).Heading("account.forgot.sent.title").Paragraph("account.forgot.sent.text").Result("account.forgot.sent.title");
    }

    private static IResult ResetPage(Html page, string? userId, string? code, IEnumerable<(string, string)> errors, int status = 200) =>
        page.Heading("account.reset.title").Errors(errors).Paragraph("account.password.rule")
            .Form("/account/reset-password", "account.reset.submit",
                [("userId", "hidden", null, userId), (Code, "hidden", null, code), (Password, "password", "account.field.new-password", null)])
            .Result("account.reset.title", status);

    private static async Task<IResult> ResetAsync(HttpContext context, UserManager<HumasUser> users, AuditLog audit)
    {
        var form = await FormAsync(context);
        if (form is null) return BadForm(context);
        string userId = form["userId"].ToString(), code = form[Code].ToString(), password = form[Password].ToString();
        if (PasswordRules.Check(password) is { } problem) return ResetPage(Page(context), userId, code, [(Password, problem)], 400);
        var user = await users.FindByIdAsync(userId);
        var token = AccountMails.Decode(code);
        if (user is null || token is null) return ResetPage(Page(context), userId, code, [(Code, "account.reset.invalid")], 400);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
            return ResetPage(Page(context), userId, code,
                result.Errors.Select(e => e.Code == "InvalidToken" ? (Code, "account.reset.invalid") : (Password, e.Code.StartsWith("account.", StringComparison.Ordinal) ? e.Code : "account.password.refused")), 400);
        // The link came by mail: whoever used it reads that mailbox.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditKinds.PasswordReset, user, actorId: user.Id);
        return Page(context).Heading("account.reset.done").Link("/account/login", "account.login.title").Result("account.reset.done");
    }
}
