using System.Data;
using Dapper;

namespace Humas.Eventing.Store;

/// <summary>
/// How services read rows with Dapper: columns map to a record's constructor parameters by
/// name, snake_case to PascalCase (registration_number to RegistrationNumber), and Dapper checks
/// every name, so a renamed or reordered column fails loudly instead of landing in the wrong
/// field. Npgsql reports timestamptz as a UTC DateTime and text[] as an Array; the handlers here
/// give the records DateTimeOffset (offset zero, as GetFieldValue&lt;DateTimeOffset&gt; does) and
/// string[]. date is DateOnly already. Dapper's settings are process-wide; AddEventing applies them.
/// </summary>
public static class DapperMapping
{
    private static int configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new StringArrayHandler());
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value;

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset offset => offset,
            DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
            _ => throw new InvalidCastException($"Cannot read a {value.GetType().Name} as DateTimeOffset: only timestamptz (a UTC DateTime) maps to it."),
        };
    }

    private sealed class StringArrayHandler : SqlMapper.TypeHandler<string[]>
    {
        public override void SetValue(IDbDataParameter parameter, string[]? value) => parameter.Value = value;

        public override string[] Parse(object value) => (string[])value;
    }
}
