namespace Humas.ServiceDefaults;

/// <summary>The roles of ARCHITECTURE's identity section; a token carries them in the "role" claim.</summary>
public static class HumasRoles
{
    public const string Citizen = "citizen";
    public const string PpidOfficer = "ppid-officer";
    public const string HumasOfficer = "humas-officer";
    public const string Journalist = "journalist";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly string[] All = [Citizen, PpidOfficer, HumasOfficer, Journalist, Supervisor, Admin];
}

public static class HumasClaims
{
    public const string Role = "role";
    public const string Subject = "sub";

    /// <summary>The unit an officer acts for, e.g. kpu-33.21.</summary>
    public const string Unit = "unit";
}

/// <summary>Authorization policies; each requires the role (an administrator passes every one).</summary>
public static class HumasPolicies
{
    public const string Authenticated = "authenticated";
    public const string PpidOfficer = "ppid-officer";
    public const string HumasOfficer = "humas-officer";
    public const string Journalist = "journalist";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
}
