namespace Humas.ServiceDefaults.Problems;

/// <summary>
/// The dates Humas accepts from a caller: years 2000 to 2100. Wide enough for any register,
/// report or deadline it keeps, narrow enough that counting days from it can never run off the
/// calendar (year 9999) or mean nothing (year 1). A date outside is refused with
/// <c>field.date-out-of-range</c> naming the field.
/// </summary>
public static class DateWindow
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const string Code = "field.date-out-of-range";

    public static bool Contains(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    /// <summary>Both the moment as written (its own offset) and in UTC fall inside.</summary>
    public static bool Contains(DateTimeOffset moment) => moment.Year is >= FirstYear and <= LastYear && moment.UtcDateTime.Year is >= FirstYear and <= LastYear;

    public static bool Contains(DateTime moment) => moment.Year is >= FirstYear and <= LastYear;
}
