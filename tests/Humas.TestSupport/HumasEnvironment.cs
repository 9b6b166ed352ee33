namespace Humas.TestSupport;

/// <summary>
/// Where the infrastructure and the gateway are, as ./humas runs them, so that a plain
/// `dotnet test` finds them after `./humas infra up` (or `./humas up`). The same variables as
/// ./humas move them: HUMAS_PG_PORT, HUMAS_RABBITMQ_PORT, HUMAS_APPS_FILE; HUMAS_POSTGRES, HUMAS_RABBITMQ and
/// HUMAS_GATEWAY_URL (which ./humas test sets) name them whole. The gateway's port comes from
/// apps.txt, the list of applications.
/// </summary>
public static class HumasEnvironment
{
    public const string User = "humas";
    public const string Password = "humas";
    public const int DefaultPostgresPort = 25432;
    public const int DefaultRabbitMqPort = 25682;
    public const int DefaultGatewayPort = 8080;

    public static int PostgresPort => Port("HUMAS_PG_PORT", DefaultPostgresPort);

    public static int RabbitMqPort => Port("HUMAS_RABBITMQ_PORT", DefaultRabbitMqPort);

    /// <summary>The PostgreSQL server (no database named).</summary>
    public static string PostgresServer =>
        Variable("HUMAS_POSTGRES") ?? $"Host=127.0.0.1;Port={PostgresPort};Username={User};Password={Password}";

    /// <summary>The database role a service connects with (./humas creates one per service: humas_NAME, whose development password is its name too).</summary>
    public static string ServiceRole(string service) => $"humas_{service.Replace('-', '_')}";

    /// <summary>The RabbitMQ broker, virtual host '/'.</summary>
    public static string RabbitMqServer =>
        Variable("HUMAS_RABBITMQ") ?? $"amqp://{User}:{Password}@127.0.0.1:{RabbitMqPort}/";

    /// <summary>The gateway: the port apps.txt (or the list HUMAS_APPS_FILE names) gives the application named 'gateway'.</summary>
    public static Uri GatewayUrl => new(Variable("HUMAS_GATEWAY_URL") ?? $"http://127.0.0.1:{GatewayPort()}");

    private static int GatewayPort() => AppPort("gateway") ?? DefaultGatewayPort;

    /// <summary>An application of apps.txt (or HUMAS_APPS_FILE) reached directly, without the gateway.</summary>
    public static Uri AppUrl(string name) =>
        new($"http://127.0.0.1:{AppPort(name) ?? throw new InvalidOperationException($"No application '{name}' in the list of applications.")}");

    /// <summary>maildev's web inbox and REST API (HUMAS_MAILDEV_URL, else 127.0.0.1:HUMAS_MAILDEV_PORT, default 1080).</summary>
    public static Uri MaildevUrl => new(Variable("HUMAS_MAILDEV_URL") ?? $"http://127.0.0.1:{Port("HUMAS_MAILDEV_PORT", 1080)}");

    private static int? AppPort(string name)
    {
        var apps = Variable("HUMAS_APPS_FILE") ?? Path.Combine(HumasControl.RepositoryRoot(), "apps.txt");
        if (!File.Exists(apps)) return null;
        foreach (var line in File.ReadLines(apps))
        {
            var fields = line.Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3 && fields[0] == name && int.TryParse(fields[2], out var port)) return port;
        }
        return null;
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static int Port(string name, int fallback)
    {
        var value = Variable(name);
        if (value is null) return fallback;
        return int.TryParse(value, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{name}={value} is not a port number.");
    }
}
