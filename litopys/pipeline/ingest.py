"""Ingest: read a file (or a string), decode it, strip markup, hash it.

The result is a :class:`litopys.model.Document` whose ``text`` is what every
later offset points into. HTML is reduced to its text (scripts and styles
dropped) before anything else, so offsets are offsets into that text.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from litopys.errors import Errors, InputError
from litopys.model import Document

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
DEFAULT_MAX_BYTES = int(os.environ.get("LITOPYS_MAX_BYTES", 50 * 1024 * 1024))
# Cyrillic code pages first: a Ukrainian archive is far more likely to be
# windows-1251 or KOI8-U than Latin-1.
FALLBACK_ENCODINGS = ("cp1251", "koi8-u", "koi8-r", "cp866", "iso8859_5", "mac_cyrillic")


def doc_id(text: str) -> str:
    """Content hash used as the document id.

    text (str): the decoded text.
    RETURNS (str): the first 16 hex digits of its SHA-256.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def from_text(text: str, path: str | None = None, fmt: str = "text") -> Document:
    """Wrap a string as a Document (no decoding needed)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "html":
        text = html_to_text(text)
    return Document(id=doc_id(text), path=path, text=text, encoding="utf-8", format=fmt)


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document.

    path (str | Path): the file.
    max_bytes (int): files larger than this are refused (E004).
    RETURNS (Document): the decoded document.
    RAISES (InputError): unreadable, empty, binary, too large or undecodable.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(Errors.E004, path=p, size=size, limit=max_bytes)
        data = p.read_bytes()
    except InputError:
        raise
    except OSError as err:
        raise InputError(Errors.E001, path=p, reason=err.strerror or str(err)) from None
    suffix = p.suffix.lower()
    fmt = "html" if suffix in (".html", ".htm") else ("markdown" if suffix == ".md" else "text")
    text, encoding = decode(data, str(p))
    if fmt == "text" and _looks_like_html(text):
        fmt = "html"
    doc = from_text(text, path=str(p), fmt=fmt)
    doc.encoding = encoding
    if not doc.text.strip():
        raise InputError(Errors.E003, path=p)
    return doc


def read_stdin(stream) -> Document:  # type: ignore[no-untyped-def]
    """Read standard input (bytes) into a Document."""
    data = stream.read()
    if isinstance(data, str):
        text, enc = data, "utf-8"
    else:
        text, enc = decode(data, "<stdin>")
    doc = from_text(text, path=None, fmt="html" if _looks_like_html(text) else "text")
    doc.encoding = enc
    if not doc.text.strip():
        raise InputError(Errors.E003, path="<stdin>")
    return doc


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes, detecting BOMs, UTF-8 and Cyrillic code pages.

    data (bytes): the raw content.
    where (str): file name for messages.
    RETURNS (tuple[str, str]): the text and the encoding used.
    """
    if not data:
        raise InputError(Errors.E003, path=where)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        # UTF-16 without BOM has a NUL every other byte in Cyrillic text too,
        # but then every other byte is NUL; anything else is binary.
        sample = data[:4096]
        if sample[1::2].count(0) > len(sample) // 4:
            try:
                return data.decode("utf-16-le"), "utf-16-le"
            except UnicodeDecodeError:
                pass
        raise InputError(Errors.E002, path=where, reason="it contains NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = _detect(data)
    if best is not None:
        return best
    raise InputError(Errors.E005, path=where, tried="utf-8, " + ", ".join(FALLBACK_ENCODINGS))


def _detect(data: bytes) -> tuple[str, str] | None:
    """Pick the code page under which the bytes read most like Ukrainian."""
    scored: list[tuple[float, str, str]] = []
    for enc in FALLBACK_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((_cyrillic_score(text), enc, text))
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data).best()
        if match is not None:
            text = str(match)
            scored.append((_cyrillic_score(text) + 0.01, match.encoding, text))
    except Exception:  # pragma: no cover - detector is optional help
        pass
    if not scored:
        return None
    scored.sort(key=lambda s: s[0], reverse=True)
    score, enc, text = scored[0]
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text) * 0.05:
        raise InputError(Errors.E002, path="input", reason="it is mostly control characters")
    return text, enc


_COMMON = set("оаеинітрсвлкудмпзяьбгчйхжшюцщєїфґ ")


def _cyrillic_score(text: str) -> float:
    sample = text[:20000].lower()
    if not sample:
        return 0.0
    return sum(1 for c in sample if c in _COMMON) / len(sample)


_HTML_RE = re.compile(r"<\s*(html|body|p|div|br|head|script|span|h[1-6])\b", re.I)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_RE.search(text[:5000]))


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML page; drop script, style and head."""

    SKIP = {"script", "style", "head", "noscript", "template", "svg"}
    BLOCK = {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "blockquote", "table", "ul", "ol", "title", "header", "footer",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one block per line."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def iter_paths(paths: list[str], suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> Iterator[Path]:
    """Expand files and directories (recursively) into input files, sorted."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes
            )
            if not found:
                raise InputError(Errors.E006, path=p, suffixes=", ".join(suffixes))
            yield from found
        else:
            yield p
