"""Ingest: read a file (or a string), decode it, strip markup, hash it.

The result is a :class:`litopys.model.Document` whose ``text`` is what every
later offset points into. Each format is reduced to that text first:

- plain text: decoded (BOM, UTF-8, UTF-16 with or without BOM, windows-1251,
  KOI8-U/R, CP866, CP1125 (Ukrainian DOS), ISO 8859-5, Mac Cyrillic) and kept
  as it is;
- Markdown: kept verbatim, so offsets are offsets into the ``.md`` file; the
  pipeline analyses a copy with markup symbols blanked (:func:`markdown_mask`,
  same length, so the offsets hold);
- HTML: its visible text, scripts, styles and the head dropped;
- DOCX and ODT: the paragraphs and table cells of the body, read from the XML
  inside the ZIP (no extra dependency), one blank line between paragraphs;
- PDF: the text layer through ``pypdf``, lines reflowed into paragraphs; a PDF
  without a text layer is refused (E008).

What cannot be read is refused with a coded :class:`InputError` naming the
file and the fix (see ``docs/ROBUSTNESS.md``).

DOCS: docs/ROBUSTNESS.md
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree as ET

from litopys.errors import Errors, InputError
from litopys.model import Document

TEXT_SUFFIXES = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".odt", ".pdf",
)
SUPPORTED = ".txt, .md, .html, .docx, .odt, .pdf"
_FALLBACK_MAX_BYTES = 50 * 1024 * 1024


def _env_max_bytes() -> int:
    """LITOPYS_MAX_BYTES if it is a positive integer, else 50 MB.

    A bad value must not crash the import; the CLI validates the option itself.
    """
    raw = os.environ.get("LITOPYS_MAX_BYTES", "")
    try:
        value = int(raw)
    except ValueError:
        return _FALLBACK_MAX_BYTES
    return value if value > 0 else _FALLBACK_MAX_BYTES


DEFAULT_MAX_BYTES = _env_max_bytes()
# An archive member may unpack to at most this many times the size limit
# (DOCX/ODT XML is verbose, but a zip bomb is far beyond this).
UNZIP_FACTOR = 20
# Cyrillic code pages first: a Ukrainian archive is far more likely to be
# windows-1251 or KOI8-U than Latin-1. The order breaks ties.
FALLBACK_ENCODINGS = (
    "cp1251", "koi8-u", "koi8-r", "cp866", "cp1125", "iso8859_5", "mac_cyrillic",
)
# Files that editors leave next to documents; they are never input.
_LOCK_PREFIXES = ("~$", ".~lock.")

# Magic numbers of things that are never text. Checked before any decoding.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", ""),  # checked further in _magic_reason (BMP is too short a magic)
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", ""),  # DOS/Windows executable, checked further
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", ""),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old MS Office file (.doc/.xls); save it as .docx"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "a FLAC file"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"wOFF", "a web font"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
)


def doc_id(text: str) -> str:
    """Content hash used as the document id.

    text (str): the decoded text.
    RETURNS (str): the first 16 hex digits of its SHA-256.
    """
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


def from_text(text: str, path: str | None = None, fmt: str = "text") -> Document:
    """Wrap a string as a Document (no decoding needed).

    text (str): the text; line ends are normalised to ``\\n``.
    path (str | None): where it came from.
    fmt (str): "text", "markdown", "html" (reduced to its text), "docx", "odt", "pdf".
    RETURNS (Document): the document.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "html":
        text = html_to_text(text)
    return Document(id=doc_id(text), path=path, text=text, encoding="utf-8", format=fmt)


# -- reading -----------------------------------------------------------------
def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document.

    path (str | Path): the file.
    max_bytes (int): files larger than this are refused (E004).
    RETURNS (Document): the decoded document.
    RAISES (InputError): unreadable (E001), binary (E002), empty (E003), too
        large (E004), undecodable (E005), unsupported (E007), a PDF without
        text (E008), a broken DOCX/ODT/PDF (E009), a missing optional
        package (E012) or no text after markup is removed (E013).
    """
    p = Path(path)
    try:
        st = p.stat()
    except OSError as err:
        raise InputError(Errors.E001, path=p, reason=_reason(err)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(Errors.E001, path=p, reason="it is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        # a FIFO or a device would block or never end
        raise InputError(Errors.E001, path=p, reason="it is not a regular file")
    if st.st_size > max_bytes:
        raise InputError(Errors.E004, path=p, size=st.st_size, limit=max_bytes)
    try:
        with p.open("rb") as fh:
            # read one byte more than allowed: the file may have grown since stat
            data = fh.read(max_bytes + 1)
    except OSError as err:
        raise InputError(Errors.E001, path=p, reason=_reason(err)) from None
    if len(data) > max_bytes:
        raise InputError(Errors.E004, path=p, size=f"more than {max_bytes}", limit=max_bytes)
    return read_bytes(data, str(p), suffix=p.suffix.lower(), max_bytes=max_bytes)


def read_stdin(stream: BinaryIO | io.TextIOBase, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read standard input (bytes, or str from a text stream) into a Document.

    stream (BinaryIO | TextIOBase): the stream.
    max_bytes (int): input larger than this is refused (E004).
    RETURNS (Document): the document, path None.
    """
    data = stream.read(max_bytes + 1)
    if isinstance(data, str):
        if not data.strip():
            raise InputError(Errors.E003, path="<stdin>")
        doc = from_text(data, path=None, fmt="html" if _looks_like_html(data) else "text")
        _require_text(doc, "<stdin>", data)
        return doc
    if len(data) > max_bytes:
        raise InputError(Errors.E004, path="<stdin>", size=f"more than {max_bytes}", limit=max_bytes)
    doc = read_bytes(data, "<stdin>", suffix="", max_bytes=max_bytes)
    doc.path = None
    return doc


def read_bytes(data: bytes, where: str, suffix: str = "",
               max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Turn the raw bytes of one input into a Document.

    The content decides the format where it can (a PDF named .txt is still a
    PDF); the suffix decides between text, Markdown and HTML.

    data (bytes): the raw content.
    where (str): the file name, for messages and ``Document.path``.
    suffix (str): the lower-case file suffix, e.g. ".md"; "" if unknown.
    max_bytes (int): the size limit (also bounds what an archive may unpack to).
    RETURNS (Document): the document.
    RAISES (InputError): see :func:`read_path`.
    """
    if not data:
        raise InputError(Errors.E003, path=where)
    if data.startswith(b"%PDF-") or suffix == ".pdf":
        if b"%PDF-" not in data[:1024]:
            raise InputError(Errors.E009, path=where, fmt="PDF",
                             reason="it does not start with %PDF-")
        return _finish(pdf_to_text(data, where), where, "pdf", "pdf")
    if data.startswith(b"PK\x03\x04") or suffix in (".docx", ".odt"):
        kind, text = _read_zip(data, where, suffix, max_bytes)
        return _finish(text, where, kind, kind)
    if data.lstrip()[:6].lower() == b"{\\rtf1":
        raise InputError(Errors.E007, path=where, suffix=suffix or ".rtf", supported=SUPPORTED)
    reason = _magic_reason(data)
    if reason:
        raise InputError(Errors.E002, path=where, reason=reason)
    text, encoding = decode(data, where)
    if suffix in (".html", ".htm", ".xhtml"):
        fmt = "html"
    elif suffix in (".md", ".markdown"):
        fmt = "markdown"
    else:
        fmt = "html" if _looks_like_html(text) else "text"
    if fmt == "html" and encoding != "utf-8" and not encoding.startswith("utf-"):
        # a page that declares its charset is more reliable than our guess
        declared = _declared_charset(data)
        if declared:
            try:
                text, encoding = data.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                pass
    if not text.strip():
        raise InputError(Errors.E013, path=where, reason="it holds only whitespace")
    try:
        doc = from_text(text, path=where, fmt=fmt)
    except Exception as err:  # noqa: BLE001 - HTMLParser on hostile markup
        raise InputError(Errors.E009, path=where, fmt=fmt.upper(), reason=str(err)) from None
    doc.encoding = encoding
    _require_text(doc, where, text)
    return doc


def _finish(text: str, where: str, fmt: str, encoding: str) -> Document:
    """Wrap the text extracted from a container format."""
    doc = from_text(text, path=where, fmt=fmt)
    doc.encoding = encoding
    if not doc.text.strip():
        raise InputError(Errors.E013, path=where, reason=f"the {fmt.upper()} document holds no text")
    return doc


def _require_text(doc: Document, where: str, raw: str) -> None:
    """Refuse a document whose text is empty once markup is gone."""
    if doc.text.strip():
        return
    if not raw.strip():
        raise InputError(Errors.E013, path=where, reason="it holds only whitespace")
    raise InputError(Errors.E013, path=where,
                     reason=f"its {doc.format.upper()} markup holds no visible text")


def _reason(err: OSError) -> str:
    """A short reason for an OSError, e.g. 'No such file or directory'."""
    if isinstance(err, FileNotFoundError):
        return "no such file (it was moved or deleted, or a symlink points nowhere)"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "it is a directory, not a file"
    return err.strerror or str(err)


def _magic_reason(data: bytes) -> str | None:
    """What a binary file is, from its first bytes; None if it may be text."""
    for magic, reason in _MAGIC:
        if not data.startswith(magic):
            continue
        if reason:
            return reason
        if magic == b"BM" and len(data) > 14 and data[6:10] == b"\x00\x00\x00\x00":
            return "a BMP image"
        if magic == b"MZ" and b"\x00" in data[:64]:
            return "a Windows executable"
        if magic == b"BZh" and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
            return "a bzip2 archive"
    if data[8:12] in (b"WEBP", b"WAVE", b"AVI ") and data.startswith(b"RIFF"):
        return "a RIFF media file"
    if data[4:8] == b"ftyp":
        return "an MP4/HEIF media file"
    return None


_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if any and known."""
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", errors="ignore").lower()
    try:
        import codecs

        return codecs.lookup(name).name
    except LookupError:
        return None


# -- decoding ----------------------------------------------------------------
def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode bytes, detecting BOMs, UTF-8, UTF-16 and Cyrillic code pages.

    data (bytes): the raw content.
    where (str): file name for messages.
    RETURNS (tuple[str, str]): the text and the encoding used ("utf-8",
        "utf-8-sig", "utf-16-le", "utf-16-be", "cp1251", "koi8-u", "cp866",
        "mac_cyrillic", ...).
    RAISES (InputError): empty (E003), binary (E002) or undecodable (E005).
    """
    if not data:
        raise InputError(Errors.E003, path=where)
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
        _refuse_controls(text, where)
        return text, "utf-8-sig"
    if data.startswith(b"\xff\xfe") and not data.startswith(b"\xff\xfe\x00\x00"):
        return _decode_utf16(data[2:], "utf-16-le", where), "utf-16-le"
    if data.startswith(b"\xfe\xff"):
        return _decode_utf16(data[2:], "utf-16-be", where), "utf-16-be"
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:65536]:
        raise InputError(Errors.E002, path=where, reason="it contains NUL bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_controls(text, where)
        if _implausible_utf8(text):
            # short CP866 text can be valid UTF-8 by chance ("яблуко" -> CJK)
            best = _detect(data)
            if best is not None and _mean_loglik(best[0]) > math.log(0.005):
                return best
        return text, "utf-8"
    mostly = _mostly_utf8(data)
    if mostly is not None:
        _refuse_controls(mostly, where)
        return mostly, "utf-8"
    best = _detect(data)
    if best is None:
        raise InputError(Errors.E005, path=where,
                         tried="utf-8, utf-16, " + ", ".join(FALLBACK_ENCODINGS))
    _refuse_controls(best[0], where)
    return best


def _implausible_utf8(text: str) -> bool:
    """Are most non-ASCII characters outside European and Cyrillic scripts?"""
    high = [c for c in text[:50000] if c >= "\x80"]
    return bool(high) and sum(1 for c in high if not _plausible(c)) * 2 > len(high)


def _mean_loglik(text: str) -> float:
    """Mean log-likelihood per non-ASCII character (see _cyrillic_loglik)."""
    high = sum(1 for c in text[:50000] if c >= "\x80") or 1
    return _cyrillic_loglik(text) / high


def _decode_utf16(body: bytes, codec: str, where: str) -> str:
    """Decode UTF-16 after a BOM; an odd trailing byte or lone surrogate is replaced."""
    text = body.decode(codec, errors="replace")
    _refuse_controls(text, where)
    return text


def _plausible(c: str) -> bool:
    """A character a text in a European or Cyrillic script would contain."""
    o = ord(c)
    return (
        32 <= o < 127 or c in "\n\r\t\f" or 0xA0 <= o < 0x250 or 0x400 <= o < 0x530
        or 0x2000 <= o < 0x2070 or o in (0x2116, 0x2122, 0xFEFF)
    )


def _sniff_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: decode both ways, keep one that reads as text.

    ASCII bytes decoded as UTF-16 give CJK-like characters, and Cyrillic in
    UTF-16 has 0x04 (not NUL) for every other byte, so "nearly every character
    is Latin, Cyrillic or punctuation" separates UTF-16 from 8-bit text.
    """
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:65536]
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        # cheap gate: the high bytes of Latin/Cyrillic text are 0x00-0x05 or 0x20
        if sum(1 for b in high if b <= 0x05 or b == 0x20) < 0.9 * len(high):
            continue
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if not text:
            continue
        good = sum(1 for c in text if _plausible(c))
        if good >= 0.97 * len(text) and any(c.isalpha() for c in text):
            return data.decode(codec, errors="replace"), codec
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a bad copy-paste): decode, replacing those.

    Accepted only when nearly all non-ASCII bytes form valid UTF-8 sequences;
    otherwise the text is in an 8-bit code page.
    """
    high = sum(1 for b in data if b >= 0x80)
    if high == 0:
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad * 50 <= high and bad < len(text) / 100 + 1:
        return text
    return None


def _refuse_controls(text: str, where: str) -> None:
    """Refuse text that is mostly control characters: it is binary data."""
    sample = text[:65536]
    if not sample:
        return
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f\v\x1b")
                   or 0x7F <= ord(c) < 0xA0)
    if controls > len(sample) * 0.05:
        raise InputError(Errors.E002, path=where, reason="it is mostly control characters")


# Relative letter frequencies (per cent) of Ukrainian prose, with Russian-only
# letters rare but possible; used as a unigram model to pick a code page.
_FREQ = {
    "о": 9.4, "а": 7.2, "н": 6.5, "и": 6.1, "і": 5.6, "т": 5.5, "в": 5.3, "е": 4.9,
    "р": 4.6, "с": 4.2, "к": 3.6, "л": 3.5, "у": 3.4, "д": 3.2, "м": 3.1, "п": 2.9,
    "з": 2.3, "я": 2.2, "ь": 1.7, "г": 1.6, "б": 1.6, "ч": 1.4, "х": 1.2, "ц": 1.0,
    "й": 1.0, "ж": 0.9, "ю": 0.9, "ш": 0.8, "ї": 0.8, "є": 0.4, "щ": 0.4, "ф": 0.3,
    "ґ": 0.05, "ы": 0.3, "э": 0.1, "ё": 0.05, "ъ": 0.05,
}
_LOGP = {c: math.log(f / 100) for c, f in _FREQ.items()}
_LOGP.update({"ў": math.log(0.00005), "ј": math.log(0.0001)})
_PUNCT = set("«»—–…’‘“”„№°§\u00a0")
_LOG_PUNCT = math.log(0.003)
_LOG_OTHER = math.log(0.00001)
# case patterns of a word: lower, Capitalised, ALL CAPS, or mixed (improbable)
_LOG_CAPITAL = math.log(0.1)
_LOG_ALLCAPS = math.log(0.02)
_LOG_MIXED = math.log(0.00005)
_WORD = re.compile(r"[^\W\d_]+")


def _cyrillic_loglik(text: str) -> float:
    """Log-likelihood of the non-ASCII letters of a text as Ukrainian prose.

    ASCII decodes the same in every candidate code page, so only the other
    characters decide. Each letter scores by its frequency, each word by its
    case pattern: a mixed-case word ("пРОТОКОЛ") is improbable, which tells
    KOI8 (cases swapped) from windows-1251, and the frequencies tell
    windows-1251 from Mac Cyrillic (і/ґ, я). Symbols (box drawing, Latin-1
    accents) are very improbable.
    """
    sample = text[:50000]
    total = 0.0
    for m in _WORD.finditer(sample):
        word = m.group(0)
        if word.isascii():
            continue
        for c in word.lower():
            total += _LOGP.get(c, _LOG_OTHER) if c >= "\x80" else 0.0
        if word.islower():
            continue
        if word.isupper():
            total += _LOG_ALLCAPS if len(word) > 1 else _LOG_CAPITAL
        elif word[0].isupper() and word[1:].islower():
            total += _LOG_CAPITAL
        else:
            total += _LOG_MIXED
    for c in _NONWORD.sub("", sample):
        if c >= "\x80":
            total += _LOG_PUNCT if c in _PUNCT else _LOG_OTHER
    return total


_NONWORD = re.compile(r"[^\W\d_]+|[\x00-\x7f]+")


def _detect(data: bytes) -> tuple[str, str] | None:
    """Pick the code page under which the bytes read most like Ukrainian.

    RETURNS (tuple[str, str] | None): text and encoding, or None if nothing decodes.
    """
    scored: list[tuple[float, int, str, str]] = []
    for rank, enc in enumerate(FALLBACK_ENCODINGS):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        scored.append((_cyrillic_loglik(text), -rank, enc, text))
    if not scored:
        return None
    scored.sort(reverse=True)
    _, _, enc, text = scored[0]
    if _mean_loglik(text) < math.log(0.0005):
        # not Cyrillic at all (Greek? Latin-1?): ask the general detector
        guess = _charset_normalizer(data)
        if guess is not None:
            return guess
    return text, enc


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, if it is installed and has one."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - optional
        return None
    try:
        match = from_bytes(data[:200000]).best()
    except Exception:  # noqa: BLE001 - a detector failure only means "no guess"
        return None
    if match is None:
        return None
    try:
        return data.decode(match.encoding, errors="replace"), match.encoding
    except LookupError:
        return None


# -- HTML ----------------------------------------------------------------------
_HTML_RE = re.compile(r"<\s*(html|body|p|div|br|head|script|span|h[1-6]|!doctype)\b", re.I)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_RE.search(text[:5000]))


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML page; drop script, style and head."""

    SKIP = {"script", "style", "head", "noscript", "template", "svg", "iframe", "object"}
    BLOCK = {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "blockquote", "table", "ul", "ol", "title", "header", "footer",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and <script/> open nothing
        if tag in self.BLOCK:
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
    """The visible text of an HTML document, one block per line.

    html (str): the page.
    RETURNS (str): its text; scripts, styles and the head are dropped.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return _tidy(text)


def _tidy(text: str) -> str:
    """Collapse runs of spaces and blank lines; end with one newline."""
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.strip()
    return text + "\n" if text else ""


# -- Markdown ----------------------------------------------------------------
_MD_LINE = re.compile(
    r"^(?P<lead>[ \t]*(?:>[ \t]?)*(?:#{1,6}(?=[ \t]|$)|[-*+](?=[ \t])|(?:```|~~~).*$"
    r"|(?:[-*_][ \t]*){3,}$)?)",
    re.M,
)
_MD_INLINE = re.compile(
    r"!?\[(?=[^\]\n]*\]\()|\]\([^)\n]*\)|<[A-Za-z/!][^>\n]*>|\*+|`+|(?<!\w)_+|_+(?!\w)|\|"
)


def markdown_mask(text: str) -> str:
    """Blank Markdown markup to spaces, keeping every other character in place.

    Heading marks, quote marks, list bullets, code fences, rules, emphasis
    (``*``, ``_`` at word edges), backticks, table pipes, inline HTML tags and
    link targets become spaces. The result has the same length and the same
    line breaks, so an offset into it is an offset into the Markdown source:
    the pipeline analyses the masked copy and stores the source.

    text (str): the Markdown source.
    RETURNS (str): the masked text, ``len(result) == len(text)``.
    """
    chars = list(text)

    def blank(m: re.Match[str], group: int | str = 0) -> None:
        for k in range(m.start(group), m.end(group)):
            if chars[k] != "\n":
                chars[k] = " "

    for m in _MD_LINE.finditer(text):
        blank(m, "lead")
    for m in _MD_INLINE.finditer(text):
        blank(m)
    return "".join(chars)


# -- DOCX / ODT ----------------------------------------------------------------
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def _read_zip(data: bytes, where: str, suffix: str, max_bytes: int) -> tuple[str, str]:
    """Read a DOCX or ODT file. RETURNS (tuple[str, str]): its format and text."""
    want = {".docx": "DOCX", ".odt": "ODT"}.get(suffix, "DOCX or ODT")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        if suffix in (".docx", ".odt"):
            raise InputError(Errors.E009, path=where, fmt=want,
                             reason=f"it is not a valid ZIP archive: {err}") from None
        raise InputError(Errors.E002, path=where,
                         reason="a damaged ZIP archive") from None
    with zf:
        names = set(zf.namelist())
        if "word/document.xml" in names:
            root = _zip_xml(zf, "word/document.xml", where, "DOCX", max_bytes)
            return "docx", docx_text(root)
        if "content.xml" in names and _odt_mimetype(zf, names):
            root = _zip_xml(zf, "content.xml", where, "ODT", max_bytes)
            return "odt", odt_text(root)
    if suffix in (".docx", ".odt"):
        raise InputError(Errors.E009, path=where, fmt=want,
                         reason="the ZIP archive holds no word/document.xml or content.xml")
    raise InputError(Errors.E002, path=where, reason="a ZIP archive that is not DOCX or ODT")


def _odt_mimetype(zf: zipfile.ZipFile, names: set[str]) -> bool:
    """Is this an OpenDocument *text* (not a spreadsheet or a presentation)?"""
    if "mimetype" not in names:
        return True  # some writers omit it; content.xml decides
    try:
        return zf.read("mimetype")[:100].decode("ascii", "replace").strip() == ODT_MIMETYPE
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        return False


def _zip_xml(zf: zipfile.ZipFile, name: str, where: str, fmt: str,
             max_bytes: int) -> ET.Element:
    """Read and parse one XML member, refusing zip bombs and DTDs."""
    info = zf.getinfo(name)
    limit = max_bytes * UNZIP_FACTOR
    if info.file_size > limit:
        raise InputError(Errors.E009, path=where, fmt=fmt,
                         reason=f"{name} unpacks to {info.file_size} bytes, "
                                f"over {UNZIP_FACTOR} x the size limit")
    try:
        with zf.open(info) as fh:
            raw = fh.read(limit + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError) as err:
        # RuntimeError: encrypted member; BadZipFile: CRC error
        raise InputError(Errors.E009, path=where, fmt=fmt,
                         reason=f"cannot unpack {name}: {err}") from None
    if len(raw) > limit:
        raise InputError(Errors.E009, path=where, fmt=fmt,
                         reason=f"{name} unpacks to more than {limit} bytes")
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw:
        # Office XML never has a DTD; one here can only be an entity attack
        raise InputError(Errors.E009, path=where, fmt=fmt,
                         reason=f"{name} declares a DTD, which Office files never do")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as err:
        raise InputError(Errors.E009, path=where, fmt=fmt,
                         reason=f"{name} is not well-formed XML: {err}") from None


def _join_blocks(blocks: list[str]) -> str:
    """Paragraphs separated by a blank line (the pipeline's paragraph break)."""
    text = "\n\n".join(b.strip() for b in blocks if b.strip())
    return _tidy(text)


def _table_rows(table: ET.Element, row_tag: str, cell_tag: str,
                read: Callable[[ET.Element, list[str]], None], blocks: list[str]) -> None:
    """A table of a DOCX or ODT body, one block per row, cells tab-separated; ``read``
    collects the blocks inside a cell (cells may hold paragraphs and tables)."""
    for row in table.iter(row_tag):
        cells = []
        for cell in row.findall(cell_tag):
            inner: list[str] = []
            read(cell, inner)
            cells.append(" ".join(b.strip() for b in inner if b.strip()))
        blocks.append("\t".join(c for c in cells if c))


def docx_text(root: ET.Element) -> str:
    """The text of a DOCX body: paragraphs, and tables row by row (cells tab-separated).

    Tracked deletions (``w:delText``), field codes (``w:instrText``) and
    drawings' alternate content are skipped.

    root (Element): the parsed ``word/document.xml``.
    RETURNS (str): the text.
    """
    body = root.find(f"{_W}body")
    if body is None:
        return ""
    blocks: list[str] = []
    _docx_blocks(body, blocks)
    return _join_blocks(blocks)


def _docx_blocks(parent: ET.Element, blocks: list[str]) -> None:
    for el in parent:
        if el.tag == f"{_W}p":
            blocks.append(_docx_para(el))
        elif el.tag == f"{_W}tbl":
            _table_rows(el, f"{_W}tr", f"{_W}tc", _docx_blocks, blocks)
        elif el.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
            _docx_blocks(el, blocks)


def _docx_para(p: ET.Element) -> str:
    parts: list[str] = []
    skip = {f"{_W}delText", f"{_W}instrText", f"{_W}del"}

    def walk(el: ET.Element) -> None:
        for child in el:
            tag = child.tag
            if tag in skip or tag.endswith("}Fallback"):
                # mc:Fallback repeats mc:Choice's text box for old readers
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}softHyphen":
                continue
            elif tag == f"{_W}p":
                # a text box's paragraph inside this one
                parts.append("\n")
                walk(child)
                parts.append("\n")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def odt_text(root: ET.Element) -> str:
    """The text of an ODT body: headings, paragraphs, lists and tables.

    Notes (footnotes, endnotes) and their citation marks are skipped, so that
    a footnote does not break the sentence it is attached to.

    root (Element): the parsed ``content.xml``.
    RETURNS (str): the text.
    """
    body = root.find(f"{_OFFICE}body")
    text_el = body.find(f"{_OFFICE}text") if body is not None else None
    if text_el is None:
        return ""
    blocks: list[str] = []
    _odt_blocks(text_el, blocks)
    return _join_blocks(blocks)


def _odt_blocks(parent: ET.Element, blocks: list[str]) -> None:
    for el in parent:
        if el.tag in (f"{_TEXT}p", f"{_TEXT}h"):
            blocks.append(_odt_inline(el))
        elif el.tag == f"{_TABLE}table":
            _table_rows(el, f"{_TABLE}table-row", f"{_TABLE}table-cell", _odt_blocks, blocks)
        elif el.tag in (f"{_TEXT}tracked-changes", f"{_TEXT}sequence-decls",
                        f"{_OFFICE}forms", f"{_TEXT}variable-decls"):
            continue
        else:
            # lists, list items, sections, index bodies, frames
            _odt_blocks(el, blocks)


def _odt_inline(el: ET.Element) -> str:
    parts: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == f"{_TEXT}s":
            try:
                parts.append(" " * max(1, min(int(child.get(f"{_TEXT}c", "1")), 100)))
            except ValueError:
                parts.append(" ")
        elif tag == f"{_TEXT}tab":
            parts.append("\t")
        elif tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif tag in (f"{_TEXT}note", f"{_OFFICE}annotation", f"{_TEXT}bookmark-ref"):
            pass
        else:
            parts.append(_odt_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


# -- PDF -------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")


def pdf_to_text(data: bytes, where: str, extract: Callable[[bytes], list[str]] | None = None,
                ) -> str:
    """The text layer of a PDF, its lines reflowed into paragraphs.

    pypdf gives one line per printed line. A line break inside a sentence
    would end the sentence for the pipeline, so a break becomes a space unless
    the line ends a sentence; "слово-" at a line end followed by a lower-case
    letter is joined back. Pages are separated by a blank line.

    data (bytes): the PDF.
    where (str): file name for messages.
    extract (Callable | None): pages' text from the bytes (tests); default pypdf.
    RETURNS (str): the text.
    RAISES (InputError): no pypdf (E012), broken or encrypted (E009), no text (E008).
    """
    pages = extract(data) if extract is not None else _pypdf_pages(data, where)
    paras = [_reflow(p) for p in pages]
    text = "\n\n".join(p for p in paras if p.strip())
    if not text.strip():
        raise InputError(Errors.E008, path=where)
    return text


def _pypdf_pages(data: bytes, where: str = "<pdf>") -> list[str]:
    try:
        import pypdf
    except ImportError:
        raise InputError(Errors.E012, path=where, package="pypdf") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unsupported crypto
                ok = 0
            if not ok:
                raise InputError(Errors.E009, path=where, fmt="PDF",
                                 reason="it is encrypted with a password; save a copy without it")
        return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except RecursionError:
        raise InputError(Errors.E009, path=where, fmt="PDF",
                         reason="its structure is nested too deeply") from None
    except Exception as err:  # noqa: BLE001 - pypdf raises many kinds on broken files
        reason = f"{type(err).__name__}: {err}".splitlines()[0][:200]
        raise InputError(Errors.E009, path=where, fmt="PDF", reason=reason) from None


def _reflow(page: str) -> str:
    """Join a page's lines into paragraphs (see :func:`pdf_to_text`)."""
    out: list[str] = []
    lines = [ln.strip() for ln in page.replace("\r", "\n").split("\n")]
    for line in lines:
        if not line:
            if out and out[-1] != "\n\n":
                out.append("\n\n")
            continue
        if not out or out[-1] == "\n\n":
            out.append(line)
            continue
        prev = out[-1]
        if re.search(r"\w-$", prev) and line[:1].islower():
            out[-1] = prev[:-1] + line
        elif _SENTENCE_END.search(prev):
            out.append("\n")
            out.append(line)
        else:
            out[-1] = prev + " " + line
    return "".join(out).strip()


# -- directories -------------------------------------------------------------------
def iter_paths(paths: list[str], suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> Iterator[Path]:
    """Expand files and directories (recursively) into input files, sorted.

    Broken symlinks with a wanted suffix are yielded (so the reader reports
    them); editors' lock files (``~$x.docx``, ``.~lock.x.odt#``) are not.

    paths (list[str]): files and directories.
    suffixes (tuple[str, ...]): the suffixes a directory scan keeps.
    RETURNS (Iterator[Path]): the input files.
    RAISES (InputError): a directory with no input file (E006).
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.suffix.lower() in suffixes
                and not f.name.startswith(_LOCK_PREFIXES)
                and (f.is_file() or (f.is_symlink() and not f.exists()))
            )
            if not found:
                raise InputError(Errors.E006, path=p, suffixes=", ".join(suffixes))
            yield from found
        else:
            yield p
