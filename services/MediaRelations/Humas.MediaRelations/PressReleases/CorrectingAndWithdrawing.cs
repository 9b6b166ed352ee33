using System.ComponentModel.DataAnnotations;
using Humas.MediaRelations.Subjects;
using Humas.ServiceDefaults;
using Humas.ServiceDefaults.Problems;
using Humas.UseCases;

namespace Humas.MediaRelations.PressReleases;

/// <summary>
/// A published release is corrected by a new version with a note (the earlier versions stay
/// readable), or withdrawn with a notice (its address keeps answering, with the notice).
/// </summary>
public static class CorrectingAndWithdrawing
{
    public sealed record CorrectionBody(
        [property: MaxLength(300)] string? Headline, [property: MaxLength(2000)] string? Summary, [property: MaxLength(ReleaseBody.BodyLength)] string? Body,
        [property: MaxLength(10)] string? Language, IReadOnlyList<string>? Subjects, [property: MaxLength(200)] string? Place,
        [property: MaxLength(200)] string? ContactName, [property: MaxLength(200)] string? ContactRole, [property: MaxLength(30)] string? ContactPhone,
        [property: MaxLength(200)] string? ContactEmail, [property: MaxLength(2000)] string? CorrectionNote)
    {
        public ReleaseBody Release => new(null, Headline, Summary, Body, Language, Subjects, Place, ContactName, ContactRole, ContactPhone, ContactEmail);
    }

    public sealed record WithdrawalBody([property: MaxLength(2000)] string? Notice);

    public static void MapCorrectingAndWithdrawing(this RouteGroupBuilder releases)
    {
        releases.MapPost("/{releaseId:guid}/correct", (Guid releaseId, CorrectionBody body, HttpContext http, SubjectList subjects) =>
            {
                var errors = body.Release.ValidateContent(subjects);
                errors.Text(body.CorrectionNote, "correctionNote", 2000);
                errors.ThrowIfInvalid();
                return ReleaseChanges.RunAsync(http, releaseId, (state, context) => Correct(state, body.Release.ToContent(), body.CorrectionNote!.Trim(), context));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("CorrectRelease")
            .WithSummary("Publish a corrected version of a published release with a correction note (If-Match with its version)").ProducesChange<ReleaseView>();
        releases.MapPost("/{releaseId:guid}/withdraw", (Guid releaseId, WithdrawalBody? body, HttpContext http) =>
            {
                new Validation().Text(body?.Notice, "notice", 2000).ThrowIfInvalid();
                return ReleaseChanges.RunAsync(http, releaseId, (state, context) => Withdraw(state, body!.Notice!.Trim(), context));
            })
            .RequireAuthorization(HumasPolicies.Authenticated).WithName("WithdrawRelease")
            .WithSummary("Withdraw a published release with a notice (If-Match with its version)").ProducesChange<ReleaseView>();
    }

    public static IReadOnlyList<object> Correct(PressRelease state, ReleaseContent content, string note, ReleaseContext context) => state.Status switch
    {
        ReleaseStatus.Published when state.Content.Equals(content) => throw Refusal.Conflict("release.correction-unchanged"),
        ReleaseStatus.Published => [new PressReleaseCorrected(state.Id, state.UnitId, state.CurrentVersion + 1, content, note, context.Now, state.IsPublic)],
        ReleaseStatus.Withdrawn => throw Refusal.Conflict("release.withdrawn"),
        _ => throw Refusal.Conflict("release.not-published"),
    };

    public static IReadOnlyList<object> Withdraw(PressRelease state, string notice, ReleaseContext context) => state.Status switch
    {
        ReleaseStatus.Withdrawn => [],
        ReleaseStatus.Published => [new PressReleaseWithdrawn(state.Id, state.UnitId, notice, context.Now, state.IsPublic)],
        _ => throw Refusal.Conflict("release.not-published"),
    };
}
