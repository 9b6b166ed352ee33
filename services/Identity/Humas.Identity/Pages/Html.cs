using System.Globalization;
using System.Net;
using System.Text;
using Humas.ServiceDefaults.Texts;
using Microsoft.AspNetCore.Antiforgery;

namespace Humas.Identity.Pages;

/// <summary>
/// Server-rendered pages without script: every text from the resource files in the caller's
/// language (Accept-Language), every value HTML-encoded, every form with an antiforgery token.
/// An error carries its stable code in <c>data-code</c>.
/// </summary>
public sealed class Html(HttpContext context, TextCatalog texts, IAntiforgery antiforgery)
{
    private readonly StringBuilder body = new();

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    public string T(string key, params object?[] arguments) => texts[key, arguments];

    public Html Heading(string key)
    {
        body.Append("<h1>").Append(Encode(T(key))).Append("</h1>\n");
        return this;
    }

    public Html Paragraph(string key, params object?[] arguments)
    {
        body.Append("<p>").Append(Encode(T(key, arguments))).Append("</p>\n");
        return this;
    }

    public Html Errors(IEnumerable<(string Field, string Code)> errors)
    {
        foreach (var (field, code) in errors)
            body.Append("<p class=\"error\" role=\"alert\" data-field=\"").Append(Encode(field)).Append("\" data-code=\"").Append(Encode(code)).Append("\">")
                .Append(Encode(T(code, field))).Append("</p>\n");
        return this;
    }

    public Html Raw(string html)
    {
        body.Append(html);
        return this;
    }

    public Html Link(string href, string key)
    {
        body.Append("<p><a href=\"").Append(Encode(href)).Append("\">").Append(Encode(T(key))).Append("</a></p>\n");
        return this;
    }

    /// <summary>A form posting to <paramref name="action"/>; fields are (name, type, label key, value).</summary>
    public Html Form(string action, string submitKey, IEnumerable<(string Name, string Type, string? LabelKey, string? Value)> fields)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        body.Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\">\n");
        body.Append("<input type=\"hidden\" name=\"").Append(Encode(tokens.FormFieldName)).Append("\" value=\"").Append(Encode(tokens.RequestToken)).Append("\">\n");
        foreach (var (name, type, labelKey, value) in fields)
        {
            if (type == "hidden")
            {
                body.Append("<input type=\"hidden\" name=\"").Append(Encode(name)).Append("\" value=\"").Append(Encode(value)).Append("\">\n");
                continue;
            }
            body.Append("<p><label for=\"").Append(Encode(name)).Append("\">").Append(Encode(T(labelKey!))).Append("</label><br>");
            if (type == "select-kind")
            {
                body.Append("<select id=\"kind\" name=\"kind\">");
                foreach (var kind in new[] { "citizen", "journalist" })
                    body.Append("<option value=\"").Append(kind).Append('"').Append(value == kind ? " selected" : "").Append('>')
                        .Append(Encode(T($"account.kind.{kind}"))).Append("</option>");
                body.Append("</select></p>\n");
                continue;
            }
            body.Append("<input id=\"").Append(Encode(name)).Append("\" name=\"").Append(Encode(name)).Append("\" type=\"").Append(Encode(type)).Append('"');
            if (type != "password") body.Append(" value=\"").Append(Encode(value)).Append('"');
            if (type == "password") body.Append(" minlength=\"12\" maxlength=\"128\"");
            body.Append(type switch { "email" => " autocomplete=\"username\"", "password" => " autocomplete=\"current-password\"", _ => " autocomplete=\"one-time-code\" inputmode=\"numeric\"" });
            body.Append("></p>\n");
        }
        body.Append("<p><button type=\"submit\">").Append(Encode(T(submitKey))).Append("</button></p>\n</form>\n");
        return this;
    }

    public IResult Result(string titleKey, int status = StatusCodes.Status200OK)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";
        var page = $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(T(titleKey))} · Humas</title>
            </head>
            <body>
            <main>
            {body}</main>
            </body>
            </html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Frame-Options"] = "DENY";
        context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'";
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
