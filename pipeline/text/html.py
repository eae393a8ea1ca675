"""HTML pages in; the article's visible text (the text vnie extracts from) and page metadata.

The text of a page is defined as follows, and record offsets of an ``.html`` input are
indices into exactly this text:

- the page is decoded from its bytes: a byte-order mark, else a ``<meta charset>`` /
  ``http-equiv`` declaration, else :func:`pipeline.text.ingest.decode` (UTF-8, then legacy
  Vietnamese encodings);
- character references are decoded (``&amp;`` → ``&``, ``&#7889;`` → ``ố``);
  ``&nbsp;`` and every other whitespace run become one space (``<pre>`` keeps its
  whitespace);
- the contents of ``head`` (and so ``title``), ``script``, ``style``, ``noscript``,
  ``template``, ``nav``, ``aside``, ``footer``, ``form``, ``iframe``, ``svg``,
  ``canvas``, ``button`` and ``select`` are dropped, and so is ``header`` unless it sits
  inside ``article`` or ``main`` (where it holds the headline);
- each block element (``p``, ``div``, ``h1``–``h6``, ``li``, ``tr``, ``br``, ``blockquote``,
  ``figcaption`` …) starts a new line; lines are stripped and empty lines dropped, so
  the text is one paragraph per line joined by ``\\n``, with no trailing newline;
- table cells in one row are joined by a single space; images and other media give
  no text.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pipeline.errors import DecodeError, EmptyInputError, MalformedHtmlError
from pipeline.text.ingest import decode

#: Elements whose whole content is dropped.
SKIPPED = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "footer",
        "form",
        "iframe",
        "svg",
        "canvas",
        "button",
        "select",
        "object",
    }
)
#: ``header`` is page chrome except inside these, where it holds the article headline.
HEADER_KEPT_INSIDE = frozenset({"article", "main"})
#: Elements that start and end a line of text.
BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    }
)
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)

#: ``<meta>`` names/properties read into the page metadata, by metadata key.
META_KEYS: dict[str, str] = {
    "og:url": "url",
    "twitter:url": "url",
    "article:published_time": "published",
    "pubdate": "published",
    "publishdate": "published",
    "date": "published",
    "dc.date": "published",
    "dc.date.issued": "published",
    "og:site_name": "source",
    "author": "author",
    "article:author": "author",
}

_SPACES = re.compile(r"\s+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class HtmlDocument:
    """A page's visible text (see module docstring) and metadata read from its markup.

    ``metadata`` has at most ``url`` (canonical link or ``og:url``), ``published``,
    ``source`` (``og:site_name``) and ``author``, each as written in the page.
    """

    text: str
    metadata: dict[str, str] = field(default_factory=dict)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.metadata: dict[str, str] = {}
        self._line: list[str] = []
        self._skip: list[str] = []
        self._open: list[str] = []
        self._pre = 0

    # -- structure -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag == "link":
            self._link(dict(attrs))
        if tag == "body":
            self._skip.clear()  # an unclosed <head> ends where the body starts
        if tag in _VOID:
            if not self._skip and tag in BLOCKS:
                self._break()
            return
        if self._skip or self._is_skipped(tag):
            self._skip.append(tag)
            return
        self._open.append(tag)
        if tag == "pre":
            self._pre += 1
        if tag in BLOCKS:
            self._break()
        elif tag in _CELLS:
            self._line.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag == "link":
            self._link(dict(attrs))
        if not self._skip and tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:
                while self._skip.pop() != tag:
                    pass
            return
        if tag not in self._open:
            if tag in BLOCKS:  # a stray </p> still ends a paragraph
                self._break()
            return
        while self._open:
            closed = self._open.pop()
            if closed == "pre":
                self._pre -= 1
            if closed == tag:
                break
        if tag in BLOCKS:
            self._break()
        elif tag in _CELLS:
            self._line.append(" ")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre:
            first, *rest = data.split("\n")
            self._line.append(first)
            for line in rest:
                self._break(keep_spaces=True)
                self._line.append(line)
        else:
            self._line.append(_SPACES.sub(" ", data))

    def close(self) -> None:
        super().close()
        self._break()

    # -- helpers ---------------------------------------------------------------------
    def _is_skipped(self, tag: str) -> bool:
        if tag in SKIPPED:
            return True
        return tag == "header" and not HEADER_KEPT_INSIDE.intersection(self._open)

    def _break(self, *, keep_spaces: bool = False) -> None:
        raw = "".join(self._line)
        self._line = []
        line = raw.strip() if keep_spaces else _SPACES.sub(" ", raw).strip()
        if line:
            self.lines.append(line)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
        key = META_KEYS.get(name.strip().casefold())
        if name.strip().casefold() == "datepublished":
            key = "published"
        content = (attrs.get("content") or "").strip()
        if key and content:
            self.metadata.setdefault(key, content)

    def _link(self, attrs: dict[str, str | None]) -> None:
        rel = (attrs.get("rel") or "").casefold().split()
        href = (attrs.get("href") or "").strip()
        if "canonical" in rel and href:
            self.metadata["url"] = href  # the canonical link wins over og:url


def html_to_text(markup: str, *, path: str | None = None) -> HtmlDocument:
    """The visible text and metadata of an HTML page (see the module docstring).

    Raises :class:`MalformedHtmlError` where the standard parser gives up (it asserts on
    some broken markup, such as an unknown ``<![`` marked section).
    """
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError as err:
        raise MalformedHtmlError(f"HTML the parser cannot read: {err}", path=path) from None
    return HtmlDocument("\n".join(parser.lines), parser.metadata)


def decode_html(data: bytes, *, path: str | None = None) -> str:
    """Decode an HTML page's bytes: BOM, then declared charset, then :func:`ingest.decode`.

    Raises the :class:`pipeline.errors.InputError` subclasses of ``decode`` (empty,
    binary, undecodable) naming ``path``.
    """
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _declared_charset(data[:4096])
        if declared is not None and declared not in ("utf-8", "utf_8"):
            try:
                return data.decode(declared)
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"undecodable bytes for the declared charset {declared} at byte {err.start}",
                    path=path,
                ) from err
    return decode(data, path=path, max_chars=sys.maxsize).text


def _declared_charset(head: bytes) -> str | None:
    match = _CHARSET.search(head)
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def read_html(data: bytes, *, path: str | None = None) -> HtmlDocument:
    """Decode and convert one page; raises :class:`EmptyInputError` when it has no text."""
    document = html_to_text(decode_html(data, path=path), path=path)
    if not document.text:
        raise EmptyInputError("HTML page has no visible text", path=path)
    return document


def read_html_file(path: str | Path) -> HtmlDocument:
    """:func:`read_html` of a file: what a batch run extracts from an ``.html`` input."""
    return read_html(Path(path).read_bytes(), path=str(path))
