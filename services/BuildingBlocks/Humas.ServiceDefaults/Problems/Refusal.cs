namespace Humas.ServiceDefaults.Problems;

/// <summary>How a refusal is answered: the HTTP status is the value.</summary>
public enum RefusalKind
{
    Invalid = 400,
    Unauthenticated = 401,
    Forbidden = 403,
    NotFound = 404,
    Conflict = 409,
    Stale = 412,
    Unprocessable = 422,
    PreconditionRequired = 428,
}

/// <summary>One field a caller got wrong: the field's JSON path, the text's code and its arguments.</summary>
public sealed record FieldError(string Field, string Code, params object?[] Arguments);

/// <summary>
/// The one way a use case says no. Deciders, validators and the pipeline throw it; the service
/// defaults answer it once as problem details whose <c>code</c> is <see cref="Code"/> (stable, for
/// clients) and whose texts come from the resource files in the caller's language. The code is
/// also the key of the message text.
/// </summary>
public sealed class Refusal : Exception
{
    public Refusal(RefusalKind kind, string code, params object?[] arguments) : this(kind, code, [], arguments) { }

    private Refusal(RefusalKind kind, string code, IReadOnlyList<FieldError> fields, object?[] arguments) : base(code)
    {
        Kind = kind;
        Code = code;
        Fields = fields;
        Arguments = arguments;
    }

    public RefusalKind Kind { get; }

    public string Code { get; }

    /// <summary>The fields at fault, for a 400; empty otherwise.</summary>
    public IReadOnlyList<FieldError> Fields { get; }

    public object?[] Arguments { get; }

    /// <summary>The first field at fault, if any.</summary>
    public string? Field => Fields.Count > 0 ? Fields[0].Field : null;

    public int Status => (int)Kind;

    public static Refusal Invalid(string field, string code, params object?[] arguments) =>
        new(RefusalKind.Invalid, code, [new FieldError(field, code, arguments)], arguments);

    public static Refusal Invalid(IReadOnlyList<FieldError> fields) =>
        fields.Count > 0 ? new(RefusalKind.Invalid, fields[0].Code, fields, fields[0].Arguments) : throw new ArgumentException("No field is at fault.", nameof(fields));

    public static Refusal Conflict(string code, params object?[] arguments) => new(RefusalKind.Conflict, code, arguments);

    public static Refusal NotFound(string code, params object?[] arguments) => new(RefusalKind.NotFound, code, arguments);

    public static Refusal Forbidden(string code, params object?[] arguments) => new(RefusalKind.Forbidden, code, arguments);

    public static Refusal Unauthenticated(string code, params object?[] arguments) => new(RefusalKind.Unauthenticated, code, arguments);
}

/// <summary>Collects every field error of a body before refusing it, so a form shows them all at once.</summary>
public sealed class Validation : IReadOnlyCollection<FieldError>
{
    private readonly List<FieldError> errors = [];

    public bool IsValid => errors.Count == 0;

    public int Count => errors.Count;

    /// <summary>The fields at fault, in the order found.</summary>
    public IEnumerable<string> Keys => errors.Select(e => e.Field).Distinct();

    public IEnumerator<FieldError> GetEnumerator() => errors.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Has(string field) => errors.Any(e => e.Field == field);

    public Validation Add(string field, string code, params object?[] arguments)
    {
        if (!Has(field)) errors.Add(new FieldError(field, code, arguments));
        return this;
    }

    /// <summary>Adds the error when the condition holds; answers whether it did.</summary>
    public bool FailWhen(bool condition, string field, string code, params object?[] arguments)
    {
        if (condition) Add(field, code, arguments);
        return condition;
    }

    /// <summary>A required text: present, not blank, at most <paramref name="maxLength"/> characters.</summary>
    public Validation Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "field.required", field);
        }
        else if (value.Length > maxLength) Add(field, "field.too-long", field, maxLength);
        return this;
    }

    /// <summary>A date, if given, inside <see cref="DateWindow"/>.</summary>
    public Validation Date(DateOnly? value, string field)
    {
        if (value is { } date && !DateWindow.Contains(date)) AddOutOfRange(field);
        return this;
    }

    /// <summary>A moment, if given, inside <see cref="DateWindow"/>.</summary>
    public Validation Date(DateTimeOffset? value, string field)
    {
        if (value is { } moment && !DateWindow.Contains(moment)) AddOutOfRange(field);
        return this;
    }

    public Validation Date(DateTime? value, string field)
    {
        if (value is { } moment && !DateWindow.Contains(moment)) AddOutOfRange(field);
        return this;
    }

    private void AddOutOfRange(string field) => Add(field, DateWindow.Code, field, DateWindow.FirstYear, DateWindow.LastYear);

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw Refusal.Invalid(errors);
    }
}
