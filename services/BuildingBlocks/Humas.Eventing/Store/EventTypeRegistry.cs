namespace Humas.Eventing.Store;

/// <summary>
/// Maps stable event-type names (<c>request-registered</c>) to CLR types and back. The name is
/// what is stored, so renaming or moving a class never orphans the events already written.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> byType = new();

    public EventTypeRegistry Register<TEvent>(string name) => Register(typeof(TEvent), name);

    public EventTypeRegistry Register(Type type, string name)
    {
        if (byName.TryGetValue(name, out var existing) && existing != type)
            throw new InvalidOperationException($"Event type name '{name}' is already used by {existing.Name}.");
        byName[name] = type;
        byType[type] = name;
        return this;
    }

    public string NameOf(Type type) =>
        byType.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"{type.Name} is not a registered event type; register it with a stable name.");

    public Type TypeOf(string name) =>
        byName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"No event type is registered under the name '{name}'.");

    public bool IsRegistered(Type type) => byType.ContainsKey(type);
}
