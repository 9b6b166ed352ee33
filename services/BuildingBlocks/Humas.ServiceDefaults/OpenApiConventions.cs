using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Humas.ServiceDefaults;

/// <summary>
/// What makes the services' OpenAPI documents usable by client generators and linters:
/// <list type="bullet">
/// <item>every operation has a stable, unique, camelCase operationId: the endpoint's name
/// (<c>WithName</c>), else one derived from the method and the route;</item>
/// <item>every operation states its security: a JWT <c>bearer</c> token, the request's
/// <c>accessCode</c> (header X-Access-Code) or a token, or anonymous (an empty requirement);</item>
/// <item>every operation answers its 4xx as problem details (RFC 9457): the ones the endpoint
/// declares, plus 400/401/403/404 where its parameters, body and security make them possible;</item>
/// <item>the server is "/": the paths already carry the /api/&lt;service&gt; prefix the gateway
/// forwards unchanged, so the document works from the gateway and from the service alike;</item>
/// <item>types of the same name (each use case's nested <c>Body</c>) get distinct schema names.</item>
/// </list>
/// </summary>
public static class OpenApiConventions
{
    public const string BearerScheme = "bearer";
    public const string AccessCodeScheme = "accessCode";
    public const string AccessCodeHeader = "X-Access-Code";

    private const string ProblemJson = "application/problem+json";
    private const string ProblemSchema = "ProblemDetails";
    private const string ValidationProblemSchema = "HttpValidationProblemDetails";

    public static void Configure(OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = SchemaReferenceId;
        options.AddSchemaTransformer((schema, _, _) =>
        {
            // The JSON options read "5" as 5, which the generator writes as integer|string with a pattern;
            // the services always write numbers, and clients should send them.
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String) && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.OperationId = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName is { Length: > 0 } name
                ? CamelCase(name)
                : DeriveOperationId(context.Description.HttpMethod, context.Description.RelativePath);
            var access = AccessOf(metadata, operation);
            operation.Security = Requirements(access, context.Document);
            AddProblemResponses(operation, access, context.Description, context.Document);
            DescribeCsv(operation);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(async (document, context, ct) =>
        {
            document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway (or the service itself): paths carry the /api/<service> prefix." }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token of the identity provider (in development: POST /dev/tokens on the gateway).",
            };
            if (UsesScheme(document, AccessCodeScheme)) document.Components.SecuritySchemes[AccessCodeScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AccessCodeHeader,
                Description = "The access code a requester without an account was given when the request was registered.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            if (!document.Components.Schemas.ContainsKey(ProblemSchema))
                document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct));
            if (!document.Components.Schemas.ContainsKey(ValidationProblemSchema))
                document.AddComponent(ValidationProblemSchema, await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, ct));
            MakeOperationIdsUnique(document);
        });
    }

    private static bool UsesScheme(OpenApiDocument document, string scheme) =>
        (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .Any(operation => operation.Security?.Any(requirement => requirement.Keys.Any(key => key.Reference?.Id == scheme)) == true);

    /// <summary>The endpoint also accepts the requester's access code (header X-Access-Code) instead of a token.</summary>
    public static TBuilder AcceptsAccessCode<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AccessCodeMetadata.Instance);

    private enum Access { Anonymous, Token, AccessCodeOrToken }

    private static Access AccessOf(IList<object> metadata, OpenApiOperation operation)
    {
        if (metadata.OfType<AccessCodeMetadata>().Any()
            || operation.Parameters?.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, AccessCodeHeader, StringComparison.OrdinalIgnoreCase)) == true)
            return Access.AccessCodeOrToken;
        if (metadata.OfType<IAllowAnonymous>().Any()) return Access.Anonymous;
        return metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any() ? Access.Token : Access.Anonymous;
    }

    private static List<OpenApiSecurityRequirement> Requirements(Access access, OpenApiDocument? document)
    {
        OpenApiSecurityRequirement Scheme(string name) => new() { [new OpenApiSecuritySchemeReference(name, document)] = [] };
        return access switch
        {
            Access.Token => [Scheme(BearerScheme)],
            Access.AccessCodeOrToken => [Scheme(AccessCodeScheme), Scheme(BearerScheme)],
            // An empty requirement: anyone may call it.
            _ => [new OpenApiSecurityRequirement()],
        };
    }

    private static void AddProblemResponses(OpenApiOperation operation, Access access, ApiDescription description, OpenApiDocument? document)
    {
        operation.Responses ??= new OpenApiResponses();
        var responses = operation.Responses;

        // Declared 4xx answers without a body are problem details too (that is what every Humas error is).
        foreach (var (status, response) in responses.ToList())
        {
            if (status.StartsWith('4') && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
                bare.Content = ProblemContent(status == "400" ? ValidationProblemSchema : ProblemSchema, document);
        }

        var takesInput = operation.RequestBody is not null
            || operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header) == true;
        if (takesInput) Add("400", "Bad request: a value is missing, malformed or not allowed", ValidationProblemSchema);
        if (access != Access.Anonymous)
        {
            Add("401", access == Access.Token ? "No valid access token" : "Neither an access code nor a valid access token", ProblemSchema);
            Add("403", "Not allowed for this caller", ProblemSchema);
        }
        if (description.RelativePath?.Contains('{') == true) Add("404", "Not found", ProblemSchema);
        if (!responses.Keys.Any(status => status.StartsWith('4'))) Add("400", "Bad request", ProblemSchema);

        void Add(string status, string text, string schema)
        {
            if (!responses.ContainsKey(status))
                responses[status] = new OpenApiResponse { Description = text, Content = ProblemContent(schema, document) };
        }
    }

    /// <summary>An endpoint that answers JSON or, with format=csv, the same as a spreadsheet: the CSV is text.</summary>
    private static void DescribeCsv(OpenApiOperation operation)
    {
        foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
        {
            if (response.Content?.TryGetValue("text/csv", out var csv) == true)
                csv.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
        }
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(string schema, OpenApiDocument? document) =>
        new() { [ProblemJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document) } };

    /// <summary>GET /api/ppid/requests/{registrationNumber}/history → getRequestsByRegistrationNumberHistory.</summary>
    public static string DeriveOperationId(string? httpMethod, string? relativePath)
    {
        var segments = (relativePath ?? "").Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        // The /api/<service> prefix is the same for every operation of a document.
        if (segments.Count >= 2 && segments[0] == "api") segments.RemoveRange(0, 2);
        var id = new StringBuilder((httpMethod ?? "get").ToLowerInvariant());
        foreach (var segment in segments)
        {
            if (segment.StartsWith('{'))
            {
                var parameter = segment.Trim('{', '}').Split(':', '=', '?')[0].TrimStart('*');
                id.Append("By").Append(Pascal(parameter));
            }
            else
            {
                id.Append(Pascal(segment));
            }
        }
        return id.ToString();
    }

    private static string Pascal(string text)
    {
        var result = new StringBuilder();
        foreach (var word in text.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries))
            result.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
        return result.ToString();
    }

    private static string CamelCase(string name)
    {
        var pascal = Pascal(name);
        return pascal.Length == 0 ? name : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    private static void MakeOperationIdsUnique(OpenApiDocument document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, path) in (document.Paths ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (_, operation) in (path.Operations ?? []).OrderBy(o => o.Key.ToString(), StringComparer.Ordinal))
            {
                var id = operation.OperationId ?? "operation";
                var unique = id;
                for (var n = 2; !seen.Add(unique); n++) unique = $"{id}{n}";
                operation.OperationId = unique;
            }
        }
    }

    /// <summary>
    /// The default schema name, except that a nested type whose name another type of its assembly
    /// also has (every use case's <c>Body</c>) is prefixed with the type it is declared in:
    /// RegisterRequest.Body → RegisterRequestBody. Without it all of them would share one schema.
    /// </summary>
    private static string? SchemaReferenceId(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        var type = info.Type;
        if (id is null || type.DeclaringType is null || type.IsGenericType || id != type.Name) return id;
        return SharedNames.GetOrAdd(type.Assembly, NamesUsedTwice).Contains(type.Name) ? type.DeclaringType.Name + id : id;
    }

    private static readonly ConcurrentDictionary<Assembly, HashSet<string>> SharedNames = new();

    private static HashSet<string> NamesUsedTwice(Assembly assembly)
    {
        Type?[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException partial) { types = partial.Types; }
        return types.OfType<Type>().Where(t => !t.IsGenericType).GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>Endpoint metadata: the endpoint accepts the requester's access code as well as a token.</summary>
public sealed class AccessCodeMetadata
{
    public static readonly AccessCodeMetadata Instance = new();

    private AccessCodeMetadata() { }
}
