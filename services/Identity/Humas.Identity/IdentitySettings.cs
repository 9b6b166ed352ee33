namespace Humas.Identity;

/// <summary>Humas:Identity in the configuration.</summary>
public sealed class IdentitySettings
{
    public const string DefaultKeysFolder = "keys";

    /// <summary>The public address of the provider (the gateway's), the "iss" of every token, e.g. https://humas.example.go.id/.</summary>
    public string Issuer { get; set; } = "";

    public string KeysFolder { get; set; } = DefaultKeysFolder;

    /// <summary>Accept plain HTTP (development, or behind a proxy that terminates TLS and says so).</summary>
    public bool AllowHttp { get; set; }

    public PortalClient Portal { get; set; } = new();

    public List<MachineClient> MachineClients { get; set; } = [];

    public FirstAdministrators FirstAdmins { get; set; } = new();

    public Uri IssuerUri => Issuer is { Length: > 0 } && Uri.TryCreate(Issuer.EndsWith('/') ? Issuer : Issuer + "/", UriKind.Absolute, out var uri)
        ? uri
        : throw new InvalidOperationException("Humas:Identity:Issuer (the provider's public address, e.g. https://humas.example.go.id/) is required.");
}

/// <summary>The portal: a public client (authorization code with PKCE, refresh tokens).</summary>
public sealed class PortalClient
{
    public string ClientId { get; set; } = "humas-portal";

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

/// <summary>A confidential client for a machine (client credentials); its tokens carry this role and unit.</summary>
public sealed class MachineClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string Role { get; set; } = "";

    public string? Unit { get; set; }
}

/// <summary>The first administrator of each body, created once when missing.</summary>
public sealed class FirstAdministrators
{
    public string KpuEmail { get; set; } = "admin@kpu.humas.local";

    public string BawasluEmail { get; set; } = "admin@bawaslu.humas.local";

    /// <summary>Set passwords (else generated).</summary>
    public string? KpuPassword { get; set; }

    public string? BawasluPassword { get; set; }

    /// <summary>Where a generated password is written (mode 600) for the operator to read once; without it, to the log is never done.</summary>
    public string? PasswordFile { get; set; }
}

public sealed class MailSettings
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1025;

    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Humas <no-reply@humas.local>";
}
