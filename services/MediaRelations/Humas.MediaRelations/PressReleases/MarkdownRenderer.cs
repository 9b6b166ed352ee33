using Ganss.Xss;
using Markdig;

namespace Humas.MediaRelations.PressReleases;

/// <summary>
/// A release's body, Markdown, to HTML that is safe to put in a page or a feed: Markdig with raw
/// HTML disabled (it comes out escaped, as text), then HtmlSanitizer over the result, which keeps
/// the usual formatting and drops scripts, event handlers and javascript: addresses.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseAutoLinks().Build();
    private readonly HtmlSanitizer sanitizer = new();

    public string ToSafeHtml(string markdown) => sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
}
