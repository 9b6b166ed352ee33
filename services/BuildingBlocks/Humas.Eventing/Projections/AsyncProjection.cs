using Humas.Eventing.Store;
using Npgsql;

namespace Humas.Eventing.Projections;

/// <summary>A read model built behind the log, outside the appending transaction.</summary>
public interface IAsyncProjection
{
    /// <summary>The checkpoint's name: stable across releases.</summary>
    string Name { get; }

    Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken ct);
}
