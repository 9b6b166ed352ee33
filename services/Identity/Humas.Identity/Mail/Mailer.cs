using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Humas.Identity.Mail;

/// <summary>Sends mail through the configured SMTP server (Humas:Mail) with MailKit.</summary>
public sealed class Mailer(MailSettings settings, ILogger<Mailer> logger)
{
    public async Task SendAsync(string to, string subject, string text, CancellationToken ct = default)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (settings.UserName is { Length: > 0 }) await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        // The address is personal data: the log says only that a mail went out.
        logger.LogInformation("Sent a mail ({Subject})", subject);
    }
}
