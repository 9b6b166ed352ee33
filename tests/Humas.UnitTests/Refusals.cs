using Humas.ServiceDefaults.Problems;

namespace Humas.UnitTests;

/// <summary>Asserts that a decider refused, and how: a step the state does not allow (409) or a field at fault (400).</summary>
public static class Refusals
{
    public static Refusal Conflict(Action decide) => Of(RefusalKind.Conflict, decide);

    public static Refusal Conflict(Func<object> decide) => Of(RefusalKind.Conflict, () => decide());

    public static Refusal Invalid(Action decide) => Of(RefusalKind.Invalid, decide);

    public static Refusal Invalid(Func<object> decide) => Of(RefusalKind.Invalid, () => decide());

    private static Refusal Of(RefusalKind kind, Action decide)
    {
        var refusal = Assert.Throws<Refusal>(decide);
        Assert.Equal(kind, refusal.Kind);
        return refusal;
    }
}
