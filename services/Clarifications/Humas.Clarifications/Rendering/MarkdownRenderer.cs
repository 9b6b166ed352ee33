using Ganss.Xss;
using Markdig;

namespace Humas.Clarifications.Rendering;

/// <summary>
/// A clarification's Markdown to HTML that is safe in a page or a feed: Markdig with raw HTML
/// disabled (any HTML in the text comes out escaped), then HtmlSanitizer over the result, which
/// keeps ordinary formatting and drops scripts, event handlers and javascript: addresses.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
    private readonly HtmlSanitizer sanitizer = new();

    public string ToSafeHtml(string markdown) => sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
}
