"""Independent checks of what the clarifications service publishes, run by PublishingTests:

    python3 check_clarification.py rss|atom|json < feed
    python3 check_clarification.py claimreview < json-ld

RSS and Atom are read with feedparser; JSON Feed (which this feedparser does not know) is
checked against the JSON Feed 1.1 specification's required fields and formats; the
ClaimReview is expanded with pyld, a JSON-LD processor, against schema.org's vocabulary, and
checked for the fields Google's fact-check markup and the ClaimReview project require and
recommend. Prints one JSON line; exits non-zero with the reason when the input does not pass.
"""
import json
import sys

SCHEMA = "http://schema.org/"


def rfc3339(value):
    from datetime import datetime
    assert isinstance(value, str) and "T" in value, value
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert parsed.tzinfo is not None, "date without an offset: " + value
    return parsed


def json_feed(data):
    feed = json.loads(data)
    assert feed.get("version") == "https://jsonfeed.org/version/1.1", feed.get("version")
    assert isinstance(feed.get("title"), str) and feed["title"], "feed without a title"
    assert isinstance(feed.get("items"), list), "feed without items"
    for key in ("home_page_url", "feed_url"):
        if key in feed:
            assert feed[key].startswith(("http://", "https://")), feed[key]
    items = []
    for item in feed["items"]:
        assert isinstance(item.get("id"), str) and item["id"], "item without an id"
        assert isinstance(item.get("content_html"), str) or isinstance(item.get("content_text"), str), "item without content"
        for key in ("date_published", "date_modified"):
            if key in item:
                rfc3339(item[key])
        for author in item.get("authors", []):
            assert any(k in author for k in ("name", "url", "avatar")), "author without name, url or avatar"
        items.append({"id": item["id"], "title": item.get("title"), "text": item.get("content_html", "") + item.get("summary", "")})
    return items


def feed(kind, data):
    if kind == "json":
        return json_feed(data)
    import feedparser
    content_type = {"rss": "application/rss+xml", "atom": "application/atom+xml"}[kind]
    parsed = feedparser.parse(data, response_headers={"content-type": content_type})
    assert not parsed.bozo, "feed not well-formed: %r" % (parsed.get("bozo_exception"),)
    expected = {"rss": "rss20", "atom": "atom10"}[kind]
    assert parsed.version == expected, "read as %r, expected %r" % (parsed.version, expected)
    assert parsed.feed.get("title"), "feed without a title"
    items = []
    for entry in parsed.entries:
        assert entry.get("title"), "entry without a title"
        assert entry.get("link") or entry.get("id"), "entry without a link or id"
        assert entry.get("published_parsed") or entry.get("updated_parsed"), "entry without a date"
        text = " ".join(c.get("value", "") for c in entry.get("content", [])) + entry.get("summary", "")
        items.append({"id": entry.get("id") or entry.get("link"), "title": entry.get("title"), "text": text})
    return items


def first(node, name):
    values = node.get(SCHEMA + name, [])
    return values[0] if values else None


def value(node, name):
    found = first(node, name)
    if found is None:
        return None
    return found.get("@value", found.get("@id"))


def claimreview(data):
    from pyld import jsonld
    document = json.loads(data)
    assert document.get("@context") in ("https://schema.org", "http://schema.org", "https://schema.org/"), document.get("@context")

    # No network here: schema.org's context maps every term into its vocabulary, as this one does.
    def loader(url, options=None):
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}

    expanded = jsonld.expand(document, {"documentLoader": loader})
    assert len(expanded) == 1, expanded
    review = expanded[0]
    assert review.get("@type") == [SCHEMA + "ClaimReview"], review.get("@type")
    # Required by Google's fact-check markup: claimReviewed, reviewRating, url; recommended: author, datePublished, itemReviewed.
    for required in ("claimReviewed", "reviewRating", "url", "author", "datePublished", "itemReviewed"):
        assert first(review, required) is not None, "ClaimReview without " + required
    rating = first(review, "reviewRating")
    assert rating.get("@type") == [SCHEMA + "Rating"], rating
    for required in ("ratingValue", "bestRating", "worstRating", "alternateName"):
        assert first(rating, required) is not None, "reviewRating without " + required
    best, worst, rated = int(value(rating, "bestRating")), int(value(rating, "worstRating")), int(value(rating, "ratingValue"))
    assert worst <= rated <= best, (worst, rated, best)
    author = first(review, "author")
    assert value(author, "name"), "author without a name"
    claim = first(review, "itemReviewed")
    assert claim.get("@type") == [SCHEMA + "Claim"], claim
    assert first(claim, "datePublished") is not None, "Claim without datePublished"
    appearance = first(claim, "appearance")
    first_appearance = first(claim, "firstAppearance")
    return {
        "url": value(review, "url"),
        "claimReviewed": value(review, "claimReviewed"),
        "datePublished": value(review, "datePublished"),
        "author": value(author, "name"),
        "ratingValue": rated,
        "bestRating": best,
        "worstRating": worst,
        "alternateName": value(rating, "alternateName"),
        "appearance": value(appearance, "url") if appearance else None,
        "firstAppearance": value(first_appearance, "url") if first_appearance else None,
        "claimDatePublished": value(claim, "datePublished"),
    }


if __name__ == "__main__":
    body = sys.stdin.buffer.read()
    kind = sys.argv[1]
    result = claimreview(body) if kind == "claimreview" else feed(kind, body)
    print(json.dumps(result))
