"""The sources the events of a TimelineJS timeline cite: its links and media (Qt-free)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from viewer.importers.common import Ids, make_id, name, title, url
from viewer.importers.html_text import HtmlText, Link

# A web address written out in text, as TimelineJS finds them to make links of
# them in a media's credit and caption (``TL.Util.linkify``): one with its
# scheme, or one starting "www." (which TimelineJS links as http). It ends on a
# letter, digit or one of "-+&@#/%=~_|", so a full stop or a closing
# parenthesis after it is not part of it.
_BARE_ADDRESS = re.compile(
    r"\b(?:https?://[a-z0-9\-+&@#/%?=~_|!:,.;]*[a-z0-9\-+&@#/%=~_|]"
    r"|www\.[a-z0-9\-+&@#/%?=~_|!:,.;]*[a-z0-9\-+&@#/%=~_|])",
    re.IGNORECASE,
)


class Sources:
    """The sources the events cite: one per web link, one per distinct media."""

    def __init__(self) -> None:
        self._ids = Ids()
        self._by_url: dict[str, str] = {}
        self._by_media: dict[tuple[str, str | None, str | None], str] = {}
        self.records: list[dict[str, Any]] = []

    def link(self, link: Link) -> str | None:
        address = web_address(link.href)
        if address is None:
            return None
        known = self._by_url.get(address)
        if known is not None:
            return known
        try:
            parts = urlsplit(address)
            host = parts.hostname
        except ValueError:  # "http://[oops/x": not an address after all
            return None
        where = (host or "") + parts.path.rstrip("/")
        said = title(link.text)
        record: dict[str, Any] = {
            "id": self._ids.unique(make_id(where or address)),
            "title": said if said and said != link.href.strip() else title(where or address),
        }
        if host:
            record["publisher"] = name(parts.hostname)
        record["url"] = address
        self.records.append(record)
        self._by_url[address] = record["id"]
        return str(record["id"])

    def media(self, event_id: str, title_: str, publisher: str | None, address: str | None) -> str:
        key = (title_, publisher, address)
        known = self._by_media.get(key)
        if known is not None:
            return known
        record: dict[str, Any] = {
            "id": self._ids.unique(make_id(event_id, prefix="media-")),
            "title": title_,
        }
        if publisher:
            record["publisher"] = publisher
        if address:
            record["url"] = address
        self.records.append(record)
        self._by_media[key] = record["id"]
        return str(record["id"])


def web_address(href: str) -> str | None:
    """``href`` as a web address the model keeps (``//host/...`` read as https), or None."""
    address = href.strip()
    if address.startswith("//"):
        address = "https:" + address
    return url(address)


def bare_links(read: HtmlText) -> list[Link]:
    """The web addresses written out in the text of ``read``, outside its links
    (TimelineJS links them; a link's own text is already a link), as links with
    no text."""
    text = read.text
    for link in read.links:
        if link.text:
            text = text.replace(link.text, " ")
    found = []
    for match in _BARE_ADDRESS.finditer(text):
        address = match.group(0)
        if address[:4].lower() == "www.":
            address = "http://" + address
        found.append(Link(address, ""))
    return found


def only_an_address(text: str) -> bool:
    """Whether ``text`` is one web address and nothing else."""
    return _BARE_ADDRESS.fullmatch(text.strip()) is not None
