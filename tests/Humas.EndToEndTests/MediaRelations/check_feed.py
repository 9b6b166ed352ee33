"""Independent checks of the media feeds, run by FeedTests: python3 check_feed.py FORMAT [SCHEMA] < body.

Parses with the Python standard library (XML) or jsonschema (ninjs) and prints one JSON line:
the items' ids, titles and versions as a parser outside .NET reads them.
"""
import json
import sys
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from datetime import datetime

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(data):
    root = ET.fromstring(data)
    assert root.tag == ATOM + "feed", root.tag
    for required in ("id", "title", "updated"):
        assert root.find(ATOM + required) is not None, "feed without " + required
    items = []
    for entry in root.findall(ATOM + "entry"):
        for required in ("id", "title", "updated"):
            assert entry.find(ATOM + required) is not None, "entry without " + required
        assert entry.find(ATOM + "author/" + ATOM + "name") is not None, "entry without author"
        assert entry.find(ATOM + "content") is not None or entry.find(ATOM + "link") is not None
        datetime.fromisoformat(entry.find(ATOM + "updated").text.replace("Z", "+00:00"))
        items.append({"id": entry.find(ATOM + "id").text, "title": entry.find(ATOM + "title").text})
    return items


def rss(data):
    root = ET.fromstring(data)
    assert root.tag == "rss" and root.get("version") == "2.0", root.tag
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        assert channel.find(required) is not None, "channel without " + required
    items = []
    for item in channel.findall("item"):
        assert item.find("title") is not None or item.find("description") is not None
        parsedate_to_datetime(item.find("pubDate").text)  # RFC 822
        items.append({"id": item.find("guid").text, "title": item.find("title").text})
    return items


def json_feed(data):
    feed = json.loads(data)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str)
    for item in feed["items"]:
        assert isinstance(item["id"], str)
        assert "content_html" in item or "content_text" in item
    return [{"id": i["id"], "title": i.get("title")} for i in feed["items"]]


def ninjs(data, schema_path):
    import jsonschema
    schema = json.load(open(schema_path, encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    items = json.loads(data)
    if isinstance(items, dict):
        items = [items]
    for item in items:
        errors = [e.message for e in validator.iter_errors(item)]
        assert not errors, errors
    return [{"id": i["uri"], "title": i["headlines"][0]["value"], "version": i.get("version"),
             "pubstatus": i.get("pubstatus"), "embargoed": i.get("embargoed")} for i in items]


if __name__ == "__main__":
    body = sys.stdin.buffer.read()
    kind = sys.argv[1]
    result = {"rss": rss, "atom": atom, "json": json_feed}[kind](body) if kind != "ninjs" else ninjs(body, sys.argv[2])
    print(json.dumps(result))
