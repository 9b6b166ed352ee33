using Humas.Eventing.PersonalData;
using Humas.MediaRelations.PressReleases;
using Humas.ServiceDefaults;
using Humas.UseCases.Access;
using Humas.UseCases.Changes;

namespace Humas.MediaRelations.Journalists;

public sealed record JournalistContext(DateTimeOffset Now, string Actor);

/// <summary>
/// A journalist as the officers of their unit (and the journalist) see it: with the personal data
/// opened from the vault, or none (and PersonalDataErased) when it has been erased.
/// </summary>
public sealed record JournalistView(
    Guid JournalistId, string UnitId, string Outlet, DewanPersStatus DewanPersStatus, AccreditationStatus Status,
    string? FullName, string? Email, string? PressCardNumber, bool HasToken, DateTimeOffset RegisteredAt, DateTimeOffset? AccreditedAt, long Version, string? Token = null,
    bool PersonalDataErased = false)
{
    public static async Task<JournalistView> FromAsync(Journalist j, long version, PersonalDataVault vault, CancellationToken ct)
    {
        var details = j.PersonalDataErased ? null : await vault.OpenAsync<JournalistDetails>(j.PersonalDataSubject, j.SealedDetails, ct);
        return new(j.Id, j.UnitId, j.Outlet, j.DewanPersStatus, j.Status, details?.FullName, details?.Email, details?.PressCardNumber,
            j.TokenHash is not null, j.RegisteredAt, j.AccreditedAt, version, PersonalDataErased: j.PersonalDataErased);
    }
}

/// <summary>
/// How a change to a journalist runs through the toolkit's pipeline: humas officers of the unit
/// (or of a unit overseeing it) accredit and revoke; the journalist, by their own account, has
/// tokens issued.
/// </summary>
internal static class JournalistChanges
{
    public static readonly ActOn Officer = ReleaseChanges.MediaOfficer;

    /// <summary>The journalist themselves: the account that registered (see the Requester handler).</summary>
    public static readonly ActOn Self = ActOn.Requester;

    /// <summary>The journalist, or a humas officer of their unit (or of a unit overseeing it).</summary>
    public static readonly ActOn SelfOrOfficer = new(Actors.Officer | Actors.Requester, Officer.OfficerRoles);

    public static readonly ChangeFlow<Journalist, JournalistContext, JournalistView> Flow = new()
    {
        Aggregate = new(Journalist.StreamType, Journalist.Initial, Journalist.Evolve),
        NotFoundCode = "journalist.not-found",
        FindStream = (_, key, _) => Task.FromResult(Guid.TryParse(key, out var id) ? Journalist.StreamId(id) : null),
        Protect = (_, j, _) => Task.FromResult(new ProtectedResource(j.UnitId, new RequesterKeys("", j.Account))),
        Context = (http, _, _) => Task.FromResult(new JournalistContext(
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            ChangeFlow<Journalist, JournalistContext, JournalistView>.ActorOf(http) ?? "")),
        // The pipeline's view is synchronous; the personal data is opened by the endpoints that show it.
        // A token being issued is shown once, in this answer (see IssueToken).
        View = (http, j, version) => new JournalistView(j.Id, j.UnitId, j.Outlet, j.DewanPersStatus, j.Status, null, null, null,
            j.TokenHash is not null, j.RegisteredAt, j.AccreditedAt, version, http.Items[IssuedTokenItem] as string, j.PersonalDataErased),
    };

    public const string IssuedTokenItem = "humas.journalist-token";

    public static Task<IResult> RunAsync(HttpContext http, Guid journalistId, ActOn who, Decider<Journalist, JournalistContext> decide) =>
        Flow.RunAsync(http, journalistId.ToString(), who, decide, http.RequestAborted);

    public static string Location(Guid journalistId) => $"/api/media/journalists/{journalistId}";

    public static bool IsJournalistAccount(HttpContext http) => http.User.IsInRole(HumasRoles.Journalist);
}
