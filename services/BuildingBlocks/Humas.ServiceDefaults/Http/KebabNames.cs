using System.Text.Json;

namespace Humas.ServiceDefaults.Http;

/// <summary>
/// How enum values read everywhere outside the code — JSON, read models, CSV, integration events,
/// query parameters: <c>serta-merta</c>, <c>granted-in-part</c>. The same policy as the JSON options.
/// </summary>
public static class KebabNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string? Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Of(v) : null;

    public static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => string.Equals(Of(v!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<string> All<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => Of(v));
}
