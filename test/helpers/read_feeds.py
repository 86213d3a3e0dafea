"""Parses feeds with feedparser (Debian's python3-feedparser) and prints what a reader sees, as JSON."""
import json
import sys
from html.parser import HTMLParser

import feedparser


class _Text(HTMLParser):
    """The text of an HTML fragment, as a reader shows it (tags dropped, references decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def seen(value, detail):
    """What a reader shows for a feed field: HTML rendered to text, plain text as it is."""
    if value is None or not detail or detail.get("type") != "text/html":
        return value
    parser = _Text()
    parser.feed(value)
    parser.close()
    return "".join(parser.parts)


out = {}
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    out[path] = {
        "bozo": bool(d.bozo),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "version": d.version,
        "title": seen(d.feed.get("title"), d.feed.get("title_detail")),
        "self": [l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "self"],
        "entries": [
            {
                "id": e.get("id"),
                "title": seen(e.get("title"), e.get("title_detail")),
                "link": e.get("link"),
                "published": e.get("published"),
                "summary": seen(e.get("summary"), e.get("summary_detail")),
                "tags": [t.get("term") for t in e.get("tags", [])],
            }
            for e in d.entries
        ],
    }
print(json.dumps(out))
