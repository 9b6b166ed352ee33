namespace Humas.Eventing.Outbox;

/// <summary>
/// The integration-event types a service publishes, by their full name. Contracts live in a
/// stable namespace, so the name in an outbox row still resolves after a redeploy.
/// </summary>
public sealed class MessageTypeRegistry
{
    private readonly Dictionary<string, Type> byName = new(StringComparer.Ordinal);

    public MessageTypeRegistry Register(Type type)
    {
        byName[NameOf(type)] = type;
        return this;
    }

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public bool IsRegistered(Type type) => byName.ContainsKey(NameOf(type));

    public Type? Find(string name) => byName.GetValueOrDefault(name);
}
