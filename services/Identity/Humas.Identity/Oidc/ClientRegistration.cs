using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Humas.Identity.Oidc;

/// <summary>Puts the clients of the configuration into OpenIddict's store at start-up (created, or updated to match).</summary>
public sealed class ClientRegistration(IServiceProvider services, IdentitySettings settings) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

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
        await UpsertAsync(manager, portal, ct);

        foreach (var machine in settings.MachineClients)
        {
            if (machine.ClientSecret.Length < 32)
                throw new InvalidOperationException($"Humas:Identity:MachineClients: the secret of '{machine.ClientId}' must have at least 32 characters.");
            await UpsertAsync(manager, new OpenIddictApplicationDescriptor
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
            }, ct);
        }
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager manager, OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        if (await manager.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing)
            await manager.UpdateAsync(existing, descriptor, ct);
        else
            await manager.CreateAsync(descriptor, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
