using System.Text.Json;
using Dapper;
using Humas.Identity.Accounts;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Humas.Identity.Oidc;

/// <summary>
/// Puts the clients of the configuration into OpenIddict's store at start-up (created, or updated
/// to match). A client already stored as configured is read with one SQL query and left alone:
/// most starts change nothing, and going through OpenIddict's manager would compile EF Core's
/// query pipeline at every start, some megabytes of code resident for the process's life even
/// when nobody signs in.
/// </summary>
public sealed class ClientRegistration(IServiceProvider services, IdentitySettings settings, NpgsqlDataSource dataSource) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var descriptor in Descriptors())
        {
            var stored = await StoredClient.FindAsync(dataSource, descriptor.ClientId!, ct);
            if (stored is not null && stored.Matches(descriptor)) continue;
            var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            if (await manager.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing)
                await manager.UpdateAsync(existing, descriptor, ct);
            else
                await manager.CreateAsync(descriptor, ct);
        }
    }

    /// <summary>The clients as configured: the portal and each machine client.</summary>
    internal IEnumerable<OpenIddictApplicationDescriptor> Descriptors()
    {
        var portal = new OpenIddictApplicationDescriptor
        {
            ClientId = settings.Portal.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Humas portal",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Prefixes.Scope + TokenClaims.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in settings.Portal.RedirectUris) portal.RedirectUris.Add(new Uri(uri));
        foreach (var uri in settings.Portal.PostLogoutRedirectUris) portal.PostLogoutRedirectUris.Add(new Uri(uri));
        yield return portal;

        foreach (var machine in settings.MachineClients)
        {
            if (machine.ClientSecret.Length < 32)
                throw new InvalidOperationException($"Humas:Identity:MachineClients: the secret of '{machine.ClientId}' must have at least 32 characters.");
            yield return new OpenIddictApplicationDescriptor
            {
                ClientId = machine.ClientId,
                ClientSecret = machine.ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = machine.ClientId,
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + TokenClaims.ApiScope,
                },
            };
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// A row of OpenIddictApplications as OpenIddict's Entity Framework store writes it. Whatever
    /// this comparison does not know (display names in other languages, settings, properties, a key
    /// set) counts as a difference, so the manager writes the client: an unneeded write at worst,
    /// never a client left unlike its configuration.
    /// </summary>
    internal sealed record StoredClient(
        string? ApplicationType, string? ClientSecret, string? ClientType, string? ConsentType, string? DisplayName,
        string? DisplayNames, string? JsonWebKeySet, string? Permissions, string? PostLogoutRedirectUris, string? Properties,
        string? RedirectUris, string? Requirements, string? Settings)
    {
        public static async Task<StoredClient?> FindAsync(NpgsqlDataSource dataSource, string clientId, CancellationToken ct)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            return await connection.QuerySingleOrDefaultAsync<StoredClient>(new CommandDefinition("""
                SELECT "ApplicationType", "ClientSecret", "ClientType", "ConsentType", "DisplayName", "DisplayNames",
                       "JsonWebKeySet", "Permissions", "PostLogoutRedirectUris", "Properties", "RedirectUris", "Requirements", "Settings"
                FROM "OpenIddictApplications" WHERE "ClientId" = @clientId
                """, new { clientId }, cancellationToken: ct));
        }

        public bool Matches(OpenIddictApplicationDescriptor descriptor)
        {
            if (ApplicationType != descriptor.ApplicationType || ClientType != descriptor.ClientType
                || ConsentType != descriptor.ConsentType || DisplayName != descriptor.DisplayName) return false;
            if (descriptor.DisplayNames.Count > 0 || descriptor.JsonWebKeySet is not null || descriptor.Properties.Count > 0 || descriptor.Settings.Count > 0
                || !Empty(DisplayNames) || !Empty(JsonWebKeySet) || !Empty(Properties) || !Empty(Settings)) return false;
            if (!SameSet(Permissions, descriptor.Permissions) || !SameSet(Requirements, descriptor.Requirements)
                || !SameSet(RedirectUris, descriptor.RedirectUris.Select(uri => uri.OriginalString))
                || !SameSet(PostLogoutRedirectUris, descriptor.PostLogoutRedirectUris.Select(uri => uri.OriginalString))) return false;
            if (descriptor.ClientSecret is null) return ClientSecret is null;
            return ClientSecret is not null && SecretMatches(ClientSecret, descriptor.ClientSecret);
        }

        /// <summary>
        /// OpenIddict stores a secret as PBKDF2 in the layout of ASP.NET Core Identity's password hashes
        /// (version 3: marker, PRF, iterations and salt length, salt, subkey), which Identity's hasher
        /// verifies from the parameters in the hash. Any other layout reads as a mismatch, and the
        /// secret is written again through OpenIddict.
        /// </summary>
        private static bool SecretMatches(string hashed, string secret)
        {
            try
            {
                return new PasswordHasher<HumasUser>().VerifyHashedPassword(new HumasUser(), hashed, secret) != PasswordVerificationResult.Failed;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static bool Empty(string? json) => json is null or "" or "{}" or "[]";

        private static bool SameSet(string? json, IEnumerable<string> configured)
        {
            var stored = Empty(json) ? [] : JsonSerializer.Deserialize<string[]>(json!) ?? [];
            return new HashSet<string>(stored, StringComparer.Ordinal).SetEquals(configured);
        }
    }
}
