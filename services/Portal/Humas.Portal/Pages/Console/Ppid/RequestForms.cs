namespace Humas.Portal.Pages.Console.Ppid;

/// <summary>The forms of the request page, one per action, each naming the version of the request it was shown with.</summary>
public sealed partial class RequestModel
{
    public sealed class ExtendForm
    {
        public long Version { get; set; }
        public int? WorkingDays { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class AnswerForm
    {
        public long Version { get; set; }
        public string? Outcome { get; set; }
        public string? Summary { get; set; }
        public string? Exemption { get; set; }
        public string? ConsequenceTest { get; set; }
        public List<WithheldPartForm> WithheldParts { get; set; } = [];
        public string? Delivery { get; set; }
        public string? Format { get; set; }

        /// <summary>The rows the officer wrote something in; the blank ones are not sent.</summary>
        public IReadOnlyList<WithheldPartForm> TypedWithheldParts() =>
            WithheldParts.Where(p => !string.IsNullOrWhiteSpace(p.Part) || !string.IsNullOrWhiteSpace(p.Exemption) || !string.IsNullOrWhiteSpace(p.Reason)).ToList();

        /// <summary>The rows to show: those typed, then <see cref="BlankWithheldRows"/> empty ones.</summary>
        public IReadOnlyList<WithheldPartForm> RowsToShow() => [.. TypedWithheldParts(), .. Enumerable.Range(0, BlankWithheldRows).Select(_ => new WithheldPartForm())];
    }

    public sealed class WithheldPartForm
    {
        public string? Part { get; set; }
        public string? Exemption { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class RouteForm
    {
        public long Version { get; set; }
        public string? ToUnitId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ReferForm
    {
        public long Version { get; set; }
        public string? Agency { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ClarifyForm
    {
        public long Version { get; set; }
        public string? Question { get; set; }
    }

    public sealed class ClarificationAnswerForm
    {
        public long Version { get; set; }
        public string? Answer { get; set; }
    }
}
