using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Humas.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Humas.ServiceDefaults.Http;

/// <summary>
/// The checks every endpoint's input gets before its handler runs, read from the declared types
/// alone so that no endpoint can forget one:
/// <list type="bullet">
/// <item>every date and moment, whether a query or route parameter or a field anywhere in the body,
/// lies inside <see cref="DateWindow"/> (<c>field.date-out-of-range</c>);</item>
/// <item>every text with a <see cref="MaxLengthAttribute"/>, a parameter or a body field
/// (<c>[property: MaxLength(n)]</c> on a record), is at most that long (<c>field.too-long</c>).</item>
/// </list>
/// All faults are answered together as one 400 naming each field by its JSON path
/// (<c>requester.email</c>; items of a list as <c>withheldParts.part</c>), before anything is read or written.
/// The body is the handler's parameter named <c>body</c> or marked [FromBody], as for the Idempotency-Key filter.
/// </summary>
public static class InputChecks
{
    /// <summary>Metadata marking an endpoint whose input is checked, for tests that every endpoint is.</summary>
    public sealed class Marker
    {
        public static readonly Marker Instance = new();
    }

    public static TBuilder CheckInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker.Instance).AddEndpointFilterFactory((factory, next) =>
        {
            var checks = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (Index: index, Check: ForParameter(parameter)))
                .Where(c => c.Check is not null)
                .ToArray();
            if (checks.Length == 0) return next;
            return invocation =>
            {
                var errors = new Validation();
                foreach (var (index, check) in checks) check!(invocation.Arguments[index], errors);
                errors.ThrowIfInvalid();
                return next(invocation);
            };
        });

    private delegate void Check(object? value, Validation errors);

    private static Check? ForParameter(ParameterInfo parameter)
    {
        if (parameter.Name == "body" || parameter.GetCustomAttributes().OfType<IFromBodyMetadata>().Any())
            return ForType(parameter.ParameterType, "", []);
        var name = parameter.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
            ?? parameter.GetCustomAttributes().OfType<IFromRouteMetadata>().FirstOrDefault()?.Name
            ?? parameter.Name!;
        return parameter.ParameterType == typeof(string)
            ? ForText(parameter.GetCustomAttribute<MaxLengthAttribute>(), name)
            : ForDate(parameter.ParameterType, name);
    }

    private static Check? ForText(MaxLengthAttribute? maxLength, string field) => maxLength is { Length: var max and > 0 }
        ? (value, errors) =>
        {
            if (value is string text && text.Length > max) errors.Add(field, "field.too-long", field, max);
        }
        : null;

    private static Check? ForDate(Type type, string field) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(DateOnly) => (value, errors) => errors.Date(value as DateOnly?, field),
        var t when t == typeof(DateTimeOffset) => (value, errors) => errors.Date(value as DateTimeOffset?, field),
        var t when t == typeof(DateTime) => (value, errors) => errors.Date(value as DateTime?, field),
        _ => null,
    };

    /// <summary>The checks of a body type, walked once when the endpoint is built; <paramref name="visiting"/> stops at a type that holds itself.</summary>
    private static Check? ForType(Type type, string path, HashSet<Type> visiting)
    {
        if (ForDate(type, path) is { } date) return date;
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string) || plain.IsPrimitive || plain.IsEnum || IsFramework(plain) && ElementType(plain) is null) return null;
        if (ElementType(plain) is { } element)
        {
            var item = ForType(element, path, visiting);
            return item is null ? null : (value, errors) =>
            {
                if (value is IEnumerable items)
                    foreach (var one in items) item(one, errors);
            };
        }
        if (!visiting.Add(plain)) return null;
        var checks = new List<Check>();
        foreach (var property in plain.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var field = path.Length == 0 ? JsonName(property) : $"{path}.{JsonName(property)}";
            var check = property.PropertyType == typeof(string) ? ForText(property.GetCustomAttribute<MaxLengthAttribute>(), field) : ForType(property.PropertyType, field, visiting);
            if (check is not null) checks.Add((value, errors) => check(value is null ? null : property.GetValue(value), errors));
        }
        visiting.Remove(plain);
        return checks.Count == 0 ? null : (value, errors) =>
        {
            if (value is null) return;
            foreach (var check in checks) check(value, errors);
        };
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool IsFramework(Type type) => type.Namespace is { } ns && (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal));

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
