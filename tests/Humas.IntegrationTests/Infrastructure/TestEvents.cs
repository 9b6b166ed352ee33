namespace Humas.IntegrationTests.Infrastructure;

public sealed record ThingHappened(string What, int Number);

public sealed record ThingFailed(string Why);

/// <summary>An integration event the tests publish through the outbox.</summary>
public sealed record ThingAnnounced
{
    public required string What { get; init; }
    public required int Number { get; init; }
}
