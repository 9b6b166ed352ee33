using Humas.Ppid.Requests;
using Humas.Ppid.Requests.RegisteringRequest;
using Humas.ReferenceData;

namespace Humas.UnitTests.Ppid.Requests;

public sealed class RegisterRequestTests
{
    private static readonly UnitDirectory Units = UnitDirectory.Load();

    private static RegisterRequest.Body Valid() => new(
        "kpu-33.21",
        new RegisterRequest.RequesterBody(RequesterType.Individual, "Siti Aminah", "3321015708900001", null, "Jl. Sultan Fatah 1", "0812 3456 7890", null, null),
        "Salinan berita acara", "Penelitian", [ObtainMethod.Copy, ObtainMethod.Copy], DeliveryMethod.Email);

    [Fact]
    public void Given_a_complete_request_then_validation_finds_nothing() => Assert.Empty(RegisterRequest.Validate(Valid(), Units));

    [Fact]
    public void Given_an_empty_request_then_every_missing_field_is_named()
    {
        var errors = RegisterRequest.Validate(new RegisterRequest.Body(null, null, null, null, null, null), Units);

        Assert.Equal(["deliveryBy", "informationRequested", "obtainBy", "purpose", "requester", "unitId"], errors.Keys.Order());
    }

    [Fact]
    public void Given_a_requester_without_contact_then_phone_or_email_is_asked_for()
    {
        var body = Valid() with { Requester = Valid().Requester! with { Phone = null, Email = null } };

        Assert.Contains("requester.phone", RegisterRequest.Validate(body, Units).Keys);
    }

    [Fact]
    public void Given_a_legal_entity_then_the_decree_number_replaces_the_nik()
    {
        var entity = Valid() with { Requester = Valid().Requester! with { Type = RequesterType.LegalEntity, Nik = null } };
        Assert.Equal(["requester.legalEntityDecree"], RegisterRequest.Validate(entity, Units).Keys);

        var withDecree = entity with { Requester = entity.Requester! with { LegalEntityDecree = "AHU-0001234.AH.01.07.2020" } };
        Assert.Empty(RegisterRequest.Validate(withDecree, Units));
    }

    [Theory]
    [InlineData("not-an-email", null)]
    [InlineData(null, "12345")]
    [InlineData(null, "0812-abc-7890")]
    public void Given_malformed_contact_details_then_they_are_refused(string? email, string? phone)
    {
        var body = Valid() with { Requester = Valid().Requester! with { Email = email, Phone = phone } };

        Assert.NotEmpty(RegisterRequest.Validate(body, Units));
    }

    [Fact]
    public void Given_too_long_a_description_then_it_is_refused() =>
        Assert.Contains("informationRequested", RegisterRequest.Validate(Valid() with { InformationRequested = new string('x', 4001) }, Units).Keys);

    [Fact]
    public void Deciding_keeps_the_sealed_requester_and_no_personal_data_in_clear()
    {
        var deadline = WorkingDayCalendar.LoadDefault().ComputeDeadline(new DateTimeOffset(2025, 12, 22, 10, 0, 0, TimeSpan.FromHours(7)), IndonesianTimeZone.Wib, 10, WorkingDayRules.Default);

        var registered = RegisterRequest.Decide(Valid(), Guid.NewGuid(), "KPU-33.21-2025-00001", RegistrationChannel.Online, null,
            deadline.ReceivedAtLocal!.Value, deadline, Guid.NewGuid(), "v1:sealed", "HASH");

        Assert.Equal(new DateOnly(2026, 1, 8), registered.DueDate);
        Assert.Equal([ObtainMethod.Copy], registered.ObtainBy);
        var serialized = Humas.Eventing.Store.EventSerializer.Serialize(registered);
        Assert.DoesNotContain("3321015708900001", serialized);
        Assert.DoesNotContain("Siti", serialized);
        Assert.DoesNotContain("Sultan Fatah", serialized);
        Assert.DoesNotContain("0812", serialized);
    }
}
