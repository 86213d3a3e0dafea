"""Parses feeds with feedparser (Debian's python3-feedparser) and prints what a reader sees, as JSON."""
import json
import sys

import feedparser

out = {}
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    out[path] = {
        "bozo": bool(d.bozo),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "version": d.version,
        "title": d.feed.get("title"),
        "self": [l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "self"],
        "entries": [
            {
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "published": e.get("published"),
                "summary": e.get("summary"),
                "tags": [t.get("term") for t in e.get("tags", [])],
            }
            for e in d.entries
        ],
    }
print(json.dumps(out))
