using Humas.MediaRelations.Journalists;
using Humas.ReferenceData;
using JournalistUseCases = Humas.MediaRelations.Journalists.Journalists;

namespace Humas.UnitTests.MediaRelations;

public sealed class JournalistTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("0195a000-0000-7000-8000-0000000000a1");
    private static readonly UnitDirectory Units = UnitDirectory.Load();

    private static JournalistUseCases.RegisterBody Body(string? email = "rina@example.org") =>
        new("kpu-33", "Rina Wartawati", "Suara Semarang", email, "PWI-0001", DewanPersStatus.FactuallyVerified);

    private static Journalist Apply(Journalist state, IEnumerable<object> events) => events.Aggregate(state, Journalist.Evolve);

    private static Journalist Registered() =>
        Journalist.Evolve(Journalist.Initial, JournalistUseCases.Register(Body(), Id, "account-1", Guid.NewGuid(), "v2:sealed", Now));

    private static JournalistContext By(string actor) => new(Now, actor);

    [Fact]
    public void A_registration_keeps_no_personal_data_in_the_clear()
    {
        var registered = JournalistUseCases.Register(Body(), Id, "account-1", Guid.NewGuid(), "v2:sealed", Now);
        var text = System.Text.Json.JsonSerializer.Serialize(registered);
        Assert.DoesNotContain("Rina", text);
        Assert.DoesNotContain("rina@example.org", text);
        Assert.DoesNotContain("PWI-0001", text);
        Assert.Equal("Suara Semarang", registered.Outlet);
    }

    [Fact]
    public void An_officer_accredits_then_the_journalist_gets_a_token_and_a_revocation_makes_it_useless()
    {
        var state = Registered();
        Assert.Equal("journalist.not-accredited", Refusals.Conflict(() => JournalistUseCases.IssueToken(state, "h1", By("account-1"))).Code);

        state = Apply(state, JournalistUseCases.Accredit(state, By("officer")));
        Assert.Equal(AccreditationStatus.Accredited, state.Status);
        Assert.Empty(JournalistUseCases.Accredit(state, By("officer")));

        state = Apply(state, JournalistUseCases.IssueToken(state, "h1", By("account-1")));
        Assert.True(state.Admits("h1"));
        state = Apply(state, JournalistUseCases.IssueToken(state, "h2", By("account-1")));
        Assert.False(state.Admits("h1"));
        Assert.True(state.Admits("h2"));

        state = Apply(state, JournalistUseCases.Revoke(state, "Melanggar embargo", By("officer")));
        Assert.Equal(AccreditationStatus.Revoked, state.Status);
        Assert.False(state.Admits("h2"));
        Assert.Empty(JournalistUseCases.Revoke(state, "lagi", By("officer")));

        // Accredited again: the old token stays dead; a new one has to be issued.
        state = Apply(state, JournalistUseCases.Accredit(state, By("officer")));
        Assert.False(state.Admits("h2"));
    }

    [Fact]
    public void Only_an_accredited_journalist_is_revoked()
    {
        Assert.Equal("journalist.not-accredited", Refusals.Conflict(() => JournalistUseCases.Revoke(Registered(), "alasan", By("officer"))).Code);
    }

    [Fact]
    public void An_erasure_ends_the_accreditation_with_the_personal_data_unlinks_the_account_and_happens_once()
    {
        var state = Registered();
        state = Apply(state, JournalistUseCases.Accredit(state, By("officer")));
        state = Apply(state, JournalistUseCases.IssueToken(state, "h1", By("account-1")));

        var erased = JournalistUseCases.Erase(state, By("account-1"));
        Assert.IsType<JournalistAccreditationRevoked>(erased[0]);
        var record = Assert.IsType<JournalistPersonalDataErased>(erased[1]);
        Assert.Equal(state.PersonalDataSubject, record.PersonalDataSubject);
        state = Apply(state, erased);
        Assert.True(state.PersonalDataErased);
        Assert.Equal(AccreditationStatus.Revoked, state.Status);
        Assert.False(state.Admits("h1"));
        Assert.Equal("", state.Account);
        Assert.Equal("", state.SealedDetails);
        Assert.Equal("Suara Semarang", state.Outlet);
        Assert.Empty(JournalistUseCases.Erase(state, By("officer")));
        Assert.Equal("journalist.erased", Refusals.Conflict(() => JournalistUseCases.Accredit(state, By("officer"))).Code);

        // Never accredited: the erasure alone.
        Assert.IsType<JournalistPersonalDataErased>(Assert.Single(JournalistUseCases.Erase(Registered(), By("officer"))));
    }

    [Fact]
    public void Bad_registrations_name_their_fields()
    {
        var errors = JournalistUseCases.Validate(new JournalistUseCases.RegisterBody("kpu-99", "", null, "bukan-email", null, null), Units);
        var refusal = Assert.Throws<Humas.ServiceDefaults.Problems.Refusal>(errors.ThrowIfInvalid);
        var fields = refusal.Fields.Select(e => e.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "unitId", "fullName", "outlet", "email", "pressCardNumber", "dewanPersStatus" }, fields);
        JournalistUseCases.Validate(Body(), Units).ThrowIfInvalid();
    }
}
