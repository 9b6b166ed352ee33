using Dapper;
using Humas.Identity.Accounts;
using Npgsql;

namespace Humas.Identity.Audit;

public static class AuditKinds
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "signed-out";
    public const string TokenRefreshed = "token-refreshed";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorFailed = "two-factor-failed";
    public const string Registered = "registered";
    public const string EmailConfirmed = "email-confirmed";
    public const string PasswordReset = "password-reset";
    public const string OfficerCreated = "officer-created";
    public const string AssignmentChanged = "assignment-changed";
}

public sealed record AuditEntry(long Seq, DateTimeOffset At, string Kind, string? AccountId, string? ActorId, string? Unit, string? Role, string? PreviousRole, string? PreviousUnit);

/// <summary>
/// An append-only table (the database refuses UPDATE and DELETE on it): who signed in, failed,
/// was locked out, and whose role or unit changed, by whom. It names accounts by id, never by
/// e-mail address.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource database, TimeProvider clock)
{
    public async Task RecordAsync(string kind, HumasUser? account, string? actorId = null, string? previousRole = null, string? previousUnit = null)
    {
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO audit_log (at, kind, account_id, actor_id, unit, role, previous_role, previous_unit)
            VALUES (@at, @kind, @accountId, @actorId, @unit, @role, @previousRole, @previousUnit)
            """,
            new { at = clock.GetUtcNow(), kind, accountId = account?.Id, actorId, unit = account?.Unit, role = account?.Role, previousRole, previousUnit });
    }

    /// <summary>The newest entries about the given units (or about accounts without a unit, when <paramref name="includeUnitless"/>).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(IReadOnlyCollection<string> units, bool includeUnitless, long? before, int limit)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<AuditEntry>(
            """
            SELECT seq, at, kind, account_id, actor_id, unit, role, previous_role, previous_unit
            FROM audit_log
            WHERE (unit = ANY(@units) OR previous_unit = ANY(@units) OR (@includeUnitless AND unit IS NULL))
              AND (@before::bigint IS NULL OR seq < @before)
            ORDER BY seq DESC
            LIMIT @limit
            """,
            new { units = units.ToArray(), includeUnitless, before, limit });
        return rows.ToList();
    }
}
