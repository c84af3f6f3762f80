"""Ingest: read a file (or a string), decode it, strip markup, hash it.

The result is a :class:`litopys.chronicle.Document` whose ``text`` is what every
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
import zlib
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from litopys.chronicle import Document
from litopys.errors import Errors, InputError, Warnings, display_path, message
from litopys.lang import DEFAULT_LANGUAGE, load

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
logger = logging.getLogger("litopys.ingest")


def warn(template: str, **kwargs: object) -> None:
    """Log a coded warning (``errors.Warnings``) on the ``litopys.ingest`` logger.

    The input was read, but not all of it or not surely right; the message names
    the file and what happened. Without logging configured it goes to stderr.
    """
    logger.warning(message(template, **kwargs))
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


def is_editor_lock(name: str) -> bool:
    """Is a file name an editor's lock file (``~$x.docx``, ``.~lock.x.odt#``)? A directory
    walk skips them: they hold no text of their own."""
    return name.startswith(_LOCK_PREFIXES)

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
    text = _newlines(text)
    if fmt == "html":
        text = html_to_text(text)
    return Document(id=doc_id(text), path=path, text=text, encoding="utf-8", format=fmt)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- reading -----------------------------------------------------------------
def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file into a Document.

    ``Document.path`` is the name's lossless display form
    (:func:`litopys.errors.display_path`): a name with undecodable bytes or a
    newline is stored and shown escaped, on one line.

    path (str | Path): the file.
    max_bytes (int): files larger than this are refused (E004).
    RETURNS (Document): the decoded document.
    RAISES (InputError): unreadable (E001), binary (E002), empty (E003), too
        large (E004), undecodable (E005), unsupported (E007), a PDF without
        text (E008), a broken DOCX/ODT/PDF (E009), a missing optional
        package (E012), no text after markup is removed (E013), a DOCX/ODT
        holding more text than the limit (E014), or a directory that
        :func:`iter_paths` could not list (E015).
    """
    p = Path(path)
    try:
        st = p.stat()
    except OSError as err:
        raise InputError(Errors.E001, path=p, reason=_reason(err)) from None
    if stat.S_ISDIR(st.st_mode):
        try:
            with os.scandir(p):
                pass
        except OSError as err:
            raise InputError(Errors.E015, path=p, reason=_reason(err)) from None
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
        doc = _document(data, "<stdin>", "html" if _looks_like_html(data) else "text")
        _require_text(doc, "<stdin>", data)
        doc.path = None
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
    if fmt == "html" and not encoding.startswith("utf-"):
        # a page that declares its charset is more reliable than our guess
        declared = _declared_charset(data)
        if declared:
            try:
                text, encoding = data.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                pass
    if not text.strip():
        raise InputError(Errors.E013, path=where, reason="it holds only whitespace")
    doc = _document(text, where, fmt)
    doc.encoding = encoding
    _require_text(doc, where, text)
    return doc


def _document(text: str, where: str, fmt: str) -> Document:
    """A Document for decoded text; HTML is reduced to its visible text, with a
    warning (W001) when an element left open swallowed part of it."""
    text = _newlines(text)
    if fmt == "html":
        try:
            text, unclosed = _html_text(text)
        except Exception as err:  # noqa: BLE001 - HTMLParser on hostile markup
            raise InputError(Errors.E009, path=where, fmt="HTML", reason=str(err)) from None
        if unclosed:
            tag, dropped = unclosed
            warn(Warnings.W001, path=where, dropped=dropped, fmt="HTML",
                 reason=f"a <{tag}> element is never closed")
    return Document(id=doc_id(text), path=display_path(where), text=text, encoding="utf-8",
                    format=fmt)


def _finish(text: str, where: str, fmt: str, encoding: str) -> Document:
    """Wrap the text extracted from a container format."""
    doc = from_text(text, path=display_path(where), fmt=fmt)
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
        "mac_cyrillic", ..., several joined by "+" for a file that mixes them).
    RAISES (InputError): empty (E003), binary (E002) or undecodable (E005).

    Bytes that no encoding could read become U+FFFD; a warning (W003) says how
    many, so that garbled text is never silent.
    """
    text, encoding = _decode(data, where)
    if "\ufffd" in text:
        genuine = {"utf-16-le": b"\xfd\xff", "utf-16-be": b"\xff\xfd"}.get(
            encoding, b"\xef\xbf\xbd" if encoding.startswith("utf-8") else b"")
        replaced = text.count("\ufffd") - (data.count(genuine) if genuine else 0)
        if replaced > 0:
            warn(Warnings.W003, path=where, count=replaced, encoding=encoding)
    return text, encoding


def _decode(data: bytes, where: str) -> tuple[str, str]:
    """:func:`decode` without the check for replaced bytes."""
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
    mixed = _decode_runs(data)
    if mixed is not None:
        text, encoding = mixed
        _refuse_controls(text, where)
        if "+" in encoding:
            warn(Warnings.W002, path=where, encodings=encoding.replace("+", ", "))
        return text, encoding
    best = _detect(data)
    if best is None:
        raise InputError(Errors.E005, path=where,
                         tried="utf-8, utf-16, " + ", ".join(FALLBACK_ENCODINGS))
    _refuse_controls(best[0], where)
    return best


# a paragraph of an 8-bit file is decoded with another code page than the file's
# only if that reads better by this much in all (log-likelihood, nats) and per
# non-ASCII character, and it has at least MIXED_MIN_CHARS of them
MIXED_MARGIN = 20.0
MIXED_MARGIN_PER_CHAR = 0.3
MIXED_MIN_CHARS = 20
# what a wrong code page leaves in Cyrillic text: a lower-case letter followed by an
# upper-case one inside a word (KOI8 read as windows-1251), or symbols that are
# neither letters nor typography (CP866 box drawing); a paragraph without them is
# not scored again (a regex pass, not a Python loop over the characters)
_SUSPECT = re.compile("[а-яёіїєґў][А-ЯЁІЇЄҐЎ]|[^\\x00-\\x7f\\w\\s"
                      + re.escape("«»—–…’‘“”„№°§\u00a0") + "]")
# non-ASCII characters a Ukrainian text in UTF-8 would not hold (Latin-1 and Latin
# Extended, Greek, Armenian, ...: what a windows-1251 line gives read as UTF-8)
_NOT_CYRILLIC = re.compile("[^\x00-\x7f\u0400-\u052f\u2000-\u206f\u00a0\u00ab\u00bb"
                           "\u00b0\u00a7\u2116\ufffd]")
_PARAGRAPH_BREAK = re.compile(rb"(\r?\n[ \t]*\r?\n)")


def _decode_runs(data: bytes) -> tuple[str, str] | None:
    """Decode a file that is not valid UTF-8, one run of lines at a time.

    Lines that are UTF-8 (or UTF-8 with a broken byte or two) are read as UTF-8;
    the other lines with the code page under which they read most like Ukrainian,
    paragraph by paragraph, so a file pasted together from a UTF-8 and a
    windows-1251 source, or a windows-1251 and a KOI8-U one, is read right in
    every part instead of half of it turning into mojibake.

    data (bytes): the raw content (not valid UTF-8).
    RETURNS (tuple[str, str] | None): the text and its encoding, several joined
        with "+" (e.g. "utf-8+cp1251") when the file mixes them; None when no
        code page decodes it.
    """
    lines = data.splitlines(keepends=True)
    utf8: list[bool | None] = []  # per line: True UTF-8, False 8-bit, None ASCII
    for line in lines:
        if line.isascii():
            utf8.append(None)
            continue
        try:
            line.decode("utf-8")
            utf8.append(True)
        except UnicodeDecodeError:
            fixed = line.decode("utf-8", errors="replace")
            high = len(line) - len(line.translate(None, _HIGH_BYTES))
            utf8.append(fixed.count("\ufffd") * 50 <= high)
    if True not in utf8:
        return _decode_8bit(data)
    eight = b"".join(line for line, u in zip(lines, utf8, strict=True) if u is False)
    best = _detect(eight) if eight else None
    if best is None or _mean_loglik(best[0]) < math.log(0.005):
        # the odd lines read as no code page: UTF-8 with their broken bytes replaced
        return data.decode("utf-8", errors="replace"), "utf-8"
    for k, (line, u) in enumerate(zip(lines, utf8, strict=True)):
        # a short windows-1251 line can be valid UTF-8 by chance ("Ді" -> "ĳ"): one
        # with letters outside Cyrillic stays UTF-8 only if it reads better so
        if not u:
            continue
        as_utf8 = line.decode("utf-8", errors="replace")
        if _NOT_CYRILLIC.search(as_utf8) and _mean_loglik(as_utf8) < _mean_loglik(
                line.decode(best[1], errors="replace")):
            utf8[k] = False
    if True not in utf8:
        return _decode_8bit(data, best[1])
    out: list[str] = []
    used: list[str] = []
    run: list[bytes] = []

    def flush() -> None:
        if run:
            text, encs = _decode_paragraphs(b"".join(run), best[1])
            out.append(text)
            used.extend(e for e in encs if e not in used)
            run.clear()

    for line, u in zip(lines, utf8, strict=True):
        if u is False or (u is None and run):
            run.append(line)
        else:
            flush()
            out.append(line.decode("utf-8", errors="replace"))
            if u and "utf-8" not in used:
                used.append("utf-8")
    flush()
    return "".join(out), "+".join(used)


def _decode_8bit(data: bytes, encoding: str | None = None) -> tuple[str, str] | None:
    """A file in 8-bit code pages only: the best one overall (``encoding`` if
    already found), refined per paragraph."""
    if encoding is None:
        best = _detect(data)
        if best is None:
            return None
        if best[1] not in FALLBACK_ENCODINGS or _PARAGRAPH_BREAK.search(data) is None:
            return best
        encoding = best[1]
    text, encs = _decode_paragraphs(data, encoding)
    return text, "+".join(encs) or encoding


def _decode_paragraphs(data: bytes, default: str) -> tuple[str, list[str]]:
    """Decode paragraph by paragraph, switching code page where a paragraph reads
    far better in another (``MIXED_MARGIN``); a paragraph too short to judge keeps
    the code page of the one before (sources change at document boundaries).

    Only a paragraph that looks wrong (``_suspect``, regex passes) is scored in every
    code page, so a file in one code page costs a few regex passes over its text.

    RETURNS (tuple[str, list[str]]): the text and the code pages used, in order of
        appearance.
    """
    out: list[str] = []
    used: list[str] = []
    current = default
    for piece in _PARAGRAPH_BREAK.split(data):
        high = len(piece) - len(piece.translate(None, _HIGH_BYTES))
        text = piece.decode(current, errors="replace")
        if high >= MIXED_MIN_CHARS and _suspect(text, high):
            current, text = _better_code_page(piece, current, text, high)
        if high and current not in used:
            used.append(current)
        out.append(text)
    return "".join(out), used


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _suspect(text: str, high: int) -> bool:
    """Does a decoding look wrong (see ``_SUSPECT``) in 2 % of its non-ASCII characters,
    or is it in capitals with a word like "ыНА" (windows-1251 read as KOI8 swaps the
    cases: prose turns to capitals, a capital to a small letter)?

    A paragraph in capitals without such a word is not suspected: capitals read in
    the wrong code page are nearly as likely as in the right one, so judging it per
    paragraph would flip right paragraphs too.
    """
    hits = len(_SUSPECT.findall(text))
    if hits * 50 > high:
        return True
    return bool(hits) and len(_UPPER.findall(text)) > 2 * len(_LOWER.findall(text))


_UPPER = re.compile("[А-ЯЁІЇЄҐЎ]")
_LOWER = re.compile("[а-яёіїєґў]")


def _better_code_page(piece: bytes, current: str, text: str, high: int) -> tuple[str, str]:
    """The code page for a paragraph that looks wrong in ``current``.

    RETURNS (tuple[str, str]): the code page and the paragraph decoded with it
        (``current`` and ``text`` unless another reads better by ``MIXED_MARGIN``).
    """
    own = _mean_loglik(text)
    decoded: list[tuple[str, str]] = []
    for enc in FALLBACK_ENCODINGS:
        if enc == current:
            continue
        try:
            decoded.append((enc, piece.decode(enc)))
        except UnicodeDecodeError:
            continue
    scored = [(_mean_loglik(other), enc, other) for enc, other in decoded]
    score, enc, other = max(scored, default=(own, current, text))
    gain = score - own
    if gain > MIXED_MARGIN_PER_CHAR and gain * high > MIXED_MARGIN:
        return enc, other
    return current, text


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


def _refuse_controls(text: str, where: str) -> None:
    """Refuse text that is mostly control characters: it is binary data."""
    sample = text[:65536]
    if not sample:
        return
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f\v\x1b")
                   or 0x7F <= ord(c) < 0xA0)
    if controls > len(sample) * 0.05:
        raise InputError(Errors.E002, path=where, reason="it is mostly control characters")


# The letter model of the language (``litopys/lang/<lang>/ingest.yaml``): relative
# frequencies (per cent) of its letters, rare letters of neighbouring alphabets and
# its typography; a unigram model to pick a code page.
_LANG = load("ingest", DEFAULT_LANGUAGE)
_LOGP = {c: math.log(f / 100) for c, f in _LANG["letter_frequencies"].items()}
_LOGP.update({c: math.log(f / 100) for c, f in _LANG["rare_letters"].items()})
_PUNCT = frozenset(_LANG["typography"])
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
# A page starts with a doctype or an <html> root (after a BOM, an XML declaration
# or comments); a mention of a tag in prose ("the <head> tag") never makes text HTML.
_HTML_ROOT = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.I | re.S,
)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,9})\b[^<>]{0,500}>")
_HTML_TAGS = frozenset(
    "a abbr b blockquote body br caption center div em font h1 h2 h3 h4 h5 h6 head hr html "
    "i img li link meta ol p pre section article span strong style sub sup table tbody td "
    "th thead title tr u ul nav header footer main figure script".split()
)
HTML_MIN_TAGS = 6  # a fragment needs this many HTML tags in its first 5,000 characters
HTML_MIN_MARKUP = 0.05  # ... making up this share of those characters


def _looks_like_html(text: str) -> bool:
    """Is this text an HTML page or fragment (for a file whose suffix does not say)?

    Yes if it opens with a doctype or an ``<html>`` root, or if HTML tags (opening
    and closing) are dense in its first 5,000 characters; a text that only
    mentions a tag or two stays text.
    """
    head = text[:5000]
    if _HTML_ROOT.match(head):
        return True
    tags = [m for m in _TAG.finditer(head) if m.group(1).lower() in _HTML_TAGS]
    if len(tags) < 2 or not any(m.group(0).startswith("</") for m in tags):
        return False
    share = sum(m.end() - m.start() for m in tags) / max(1, len(head.strip()))
    if len(tags) >= HTML_MIN_TAGS and share >= HTML_MIN_MARKUP:
        return True
    # a short fragment: it opens with a tag and is mostly markup ("<p>Текст</p>")
    return tags[0].start() == len(head) - len(head.lstrip()) and share >= 4 * HTML_MIN_MARKUP


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML page; drop script, style and head.

    What an element that is never closed swallows is counted (``dropped``), so
    the reader can say so instead of silently cutting the text short.
    """

    SKIP = {"script", "style", "head", "noscript", "template", "svg", "iframe", "object"}
    BLOCK = {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "blockquote", "table", "ul", "ol", "title", "header", "footer",
    }
    # what may stand in <head>; anything else ends an unclosed head (as browsers do)
    IN_HEAD = {"title", "meta", "link", "style", "script", "base", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open_skips: list[str] = []  # skipped elements now open, outermost first
        self.pending = 0  # characters dropped since the outermost of them opened

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open_skips == ["head"] and tag not in self.IN_HEAD:
            self._close("head")
        if tag in self.SKIP:
            if not self.open_skips:
                self.pending = 0
            self.open_skips.append(tag)
        elif tag in self.BLOCK and not self.open_skips:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and <script/> open nothing
        if tag in self.BLOCK and not self.open_skips:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open_skips:
            self._close(tag)
        elif tag in self.BLOCK and not self.open_skips:
            self.parts.append("\n")

    def _close(self, tag: str) -> None:
        """Close ``tag`` and whatever skipped element is open inside it."""
        k = len(self.open_skips) - 1 - self.open_skips[::-1].index(tag)
        del self.open_skips[k:]

    def handle_data(self, data: str) -> None:
        if self.open_skips:
            self.pending += len(data.strip())
        else:
            self.parts.append(data)

    def unclosed(self) -> tuple[str, int] | None:
        """After ``close()``: the skipped element left open and the characters it
        swallowed (an unclosed <script> or <style> leaves them unparsed), or None."""
        dropped = self.pending + len(self.rawdata.strip())
        if self.open_skips and dropped:
            return self.open_skips[0], dropped
        return None


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one block per line.

    html (str): the page.
    RETURNS (str): its text; scripts, styles and the head are dropped.
    """
    return _html_text(html)[0]


def _html_text(html: str) -> tuple[str, tuple[str, int] | None]:
    """The visible text, and (tag, characters) when an unclosed element dropped text."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts)), parser.unclosed()


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
# Word nests at most a few dozen tables; deeper XML is a hostile or broken file
# (the reader is iterative, so this bounds only its stack of open elements)
MAX_XML_DEPTH = 500
_CHUNK = 1 << 20  # archive members are unpacked and parsed a megabyte at a time


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
            reader = _BodyReader("docx", where, max_bytes)
            _zip_xml(zf, "word/document.xml", where, "DOCX", max_bytes, reader)
            return "docx", reader.text()
        if "content.xml" in names and _odt_mimetype(zf, names):
            reader = _BodyReader("odt", where, max_bytes)
            _zip_xml(zf, "content.xml", where, "ODT", max_bytes, reader)
            return "odt", reader.text()
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
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError,
            NotImplementedError, zlib.error):
        return False


def _zip_xml(zf: zipfile.ZipFile, name: str, where: str, fmt: str, max_bytes: int,
             reader: _BodyReader) -> None:
    """Unpack one XML member in bounded chunks and feed it to ``reader``.

    Neither the XML nor the text is ever held whole beyond its limit: the XML may
    unpack to ``UNZIP_FACTOR`` x ``max_bytes`` (E009, a zip bomb), the text it
    holds to ``max_bytes`` (E014); a DTD (entity attacks) and nesting deeper than
    ``MAX_XML_DEPTH`` are refused (E009).
    """
    info = zf.getinfo(name)
    limit = max_bytes * UNZIP_FACTOR
    if info.file_size > limit:
        raise InputError(Errors.E009, path=where, fmt=fmt,
                         reason=f"{name} unpacks to {info.file_size} bytes, "
                                f"over {UNZIP_FACTOR} x the size limit")
    parser = reader.parser()
    total = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    raise InputError(Errors.E009, path=where, fmt=fmt,
                                     reason=f"{name} unpacks to more than {limit} bytes")
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except InputError:
        raise
    except _Refused as err:
        raise InputError(Errors.E009, path=where, fmt=fmt, reason=f"{name} {err}") from None
    except expat.ExpatError as err:
        raise InputError(Errors.E009, path=where, fmt=fmt,
                         reason=f"{name} is not well-formed XML: {err}") from None
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError,
            NotImplementedError, zlib.error) as err:
        # RuntimeError: encrypted member; BadZipFile: CRC error; NotImplementedError:
        # an unknown compression method
        raise InputError(Errors.E009, path=where, fmt=fmt,
                         reason=f"cannot unpack {name}: {err}") from None


class _Refused(Exception):
    """Structure an Office body never has: a DTD, or absurd nesting."""


# what the reader is inside of (one entry per open XML element)
_BLOCK, _TBL, _ROW, _ROWX, _CELL, _PARA, _NESTED, _INLINE, _TEXTRUN, _SKIP = range(10)

_DOCX_CONTAINERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"})
_DOCX_SKIP = frozenset({f"{_W}delText", f"{_W}instrText", f"{_W}del", f"{_W}softHyphen"})
_DOCX_CHAR = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_ODT_SKIP_BLOCK = frozenset({f"{_TEXT}tracked-changes", f"{_TEXT}sequence-decls",
                             f"{_OFFICE}forms", f"{_TEXT}variable-decls"})
_ODT_SKIP_INLINE = frozenset({f"{_TEXT}note", f"{_OFFICE}annotation", f"{_TEXT}bookmark-ref"})
_ODT_CHAR = {f"{_TEXT}tab": "\t", f"{_TEXT}line-break": "\n"}


class _BodyReader:
    """The text of a DOCX or ODT body, read from a stream of XML events.

    One state machine, no recursion and no element tree, so neither nesting
    nor size can exhaust the stack or the memory:

    - DOCX: body paragraphs, tables row by row (cells tab-separated, a cell's
      paragraphs and nested tables joined), content controls, custom XML and
      tracked insertions; tracked deletions, field codes, soft hyphens and
      ``mc:Fallback`` copies skipped; a paragraph inside a paragraph (a text
      box) is set off by line breaks;
    - ODT: headings, paragraphs, lists, sections, frames, tables; ``text:s``
      spaces expanded; notes, annotations and bookmark references skipped.

    kind (str): "docx" or "odt".
    where (str): the file name, for messages.
    max_bytes (int): the limit on the text (UTF-8 bytes).
    """

    def __init__(self, kind: str, where: str, max_bytes: int) -> None:
        self.docx = kind == "docx"
        self.where = where
        self.max_bytes = max_bytes
        self.size = 0
        # the element the body starts at; everything outside it is ignored
        self.root_path = ((f"{_W}document", f"{_W}body") if self.docx
                          else (f"{_OFFICE}document-content", f"{_OFFICE}body", f"{_OFFICE}text"))
        self.outside: list[str] = []  # open elements above the body
        self.kinds: list[int] = []
        self.collectors: list[list[str]] = [[]]  # blocks of the body, then of each open cell
        self.rows: list[list[str]] = []  # cells of each open row
        self.paras: list[list[str]] = []  # parts of each open paragraph
        self.para_tags = ({f"{_W}p"} if self.docx else {f"{_TEXT}p", f"{_TEXT}h"})
        self.table = f"{_W}tbl" if self.docx else f"{_TABLE}table"
        self.row = f"{_W}tr" if self.docx else f"{_TABLE}table-row"
        self.cell = f"{_W}tc" if self.docx else f"{_TABLE}table-cell"

    def parser(self) -> expat.XMLParserType:
        """A namespace-aware expat parser wired to this reader."""
        p = expat.ParserCreate(namespace_separator="}")
        p.buffer_text = True
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.chars
        p.StartDoctypeDeclHandler = self.refuse_dtd
        p.EntityDeclHandler = self.refuse_dtd
        return p

    def text(self) -> str:
        """The blocks read so far, one blank line apart."""
        return _join_blocks(self.collectors[0])

    # -- expat handlers ---------------------------------------------------------
    def refuse_dtd(self, *args: object) -> None:
        raise _Refused("declares a DTD, which Office files never do")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = "{" + name if "}" in name else name
        if not self.kinds:
            # not in the body yet: follow the path to it
            depth = len(self.outside)
            if depth < len(self.root_path) and tag == self.root_path[depth] \
                    and self.outside == list(self.root_path[:depth]):
                self.outside.append(tag)
                if depth + 1 == len(self.root_path):
                    self.kinds.append(_BLOCK)
                return
            self.outside.append("")
            if len(self.outside) > MAX_XML_DEPTH:
                raise _Refused(f"nests elements more than {MAX_XML_DEPTH} levels deep")
            return
        if len(self.kinds) + len(self.outside) >= MAX_XML_DEPTH:
            raise _Refused(f"nests elements more than {MAX_XML_DEPTH} levels deep")
        parent = self.kinds[-1]
        push = self.kinds.append
        if parent == _SKIP:
            push(_SKIP)
        elif parent in (_BLOCK, _CELL):
            if tag in self.para_tags:
                self.paras.append([])
                push(_PARA)
            elif tag == self.table:
                push(_TBL)
            elif self.docx:
                push(_BLOCK if tag in _DOCX_CONTAINERS else _SKIP)
            else:
                # lists, list items, sections, index bodies, frames
                push(_SKIP if tag in _ODT_SKIP_BLOCK else _BLOCK)
        elif parent == _TBL:
            if tag == self.row:
                self.rows.append([])
                push(_ROW)
            else:
                push(_TBL)  # header-row groups, content controls around rows
        elif parent in (_ROW, _ROWX):
            if tag == self.cell:
                self.collectors.append([])
                push(_CELL)
            else:
                push(_ROWX)
        elif self.docx:
            self._docx_inline(tag, push)
        else:
            self._odt_inline(tag, attrs, push)

    def _docx_inline(self, tag: str, push: Callable[[int], None]) -> None:
        parts = self.paras[-1]
        if tag in _DOCX_SKIP or tag.endswith("}Fallback"):
            # mc:Fallback repeats mc:Choice's text box for old readers
            push(_SKIP)
        elif tag == f"{_W}t":
            push(_TEXTRUN)
        elif tag in self.para_tags:
            # a text box's paragraph inside this one
            self._add(parts, "\n")
            push(_NESTED)
        else:
            char = _DOCX_CHAR.get(tag)
            if char:
                self._add(parts, char)
            push(_INLINE)

    def _odt_inline(self, tag: str, attrs: dict[str, str], push: Callable[[int], None]) -> None:
        parts = self.paras[-1]
        if tag in _ODT_SKIP_INLINE:
            push(_SKIP)
            return
        if tag == f"{_TEXT}s":
            try:
                count = max(1, min(int(attrs.get(f"{_TEXT[1:]}c", "1")), 100))
            except ValueError:
                count = 1
            self._add(parts, " " * count)
        else:
            char = _ODT_CHAR.get(tag)
            if char:
                self._add(parts, char)
        push(_INLINE)

    def end(self, name: str) -> None:
        if not self.kinds:
            if self.outside:
                self.outside.pop()
            return
        kind = self.kinds.pop()
        if not self.kinds:
            # the body closed
            self.outside.pop()
        elif kind == _PARA:
            parts = self.paras.pop()
            self.collectors[-1].append("".join(parts))
        elif kind == _NESTED:
            self._add(self.paras[-1], "\n")
        elif kind == _CELL:
            inner = self.collectors.pop()
            self.rows[-1].append(" ".join(b.strip() for b in inner if b.strip()))
        elif kind == _ROW:
            cells = self.rows.pop()
            self.collectors[-1].append("\t".join(c for c in cells if c))

    def chars(self, data: str) -> None:
        if not self.kinds:
            return
        kind = self.kinds[-1]
        if kind == _TEXTRUN or (not self.docx and kind in (_PARA, _NESTED, _INLINE)):
            self._add(self.paras[-1], data)

    def _add(self, parts: list[str], piece: str) -> None:
        self.size += len(piece.encode("utf-8", "surrogatepass"))
        if self.size > self.max_bytes:
            raise InputError(Errors.E014, path=self.where, limit=self.max_bytes,
                             what="text")
        parts.append(piece)


def _join_blocks(blocks: list[str]) -> str:
    """Paragraphs separated by a blank line (the pipeline's paragraph break)."""
    text = "\n\n".join(b.strip() for b in blocks if b.strip())
    return _tidy(text)


def docx_text(xml: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of a DOCX body (``word/document.xml``); see :class:`_BodyReader`.

    xml (bytes): the XML.
    max_bytes (int): the limit on the text (E014 beyond it).
    RETURNS (str): the text.
    """
    return _body_text("docx", xml, max_bytes)


def odt_text(xml: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of an ODT body (``content.xml``); see :class:`_BodyReader`.

    xml (bytes): the XML.
    max_bytes (int): the limit on the text (E014 beyond it).
    RETURNS (str): the text.
    """
    return _body_text("odt", xml, max_bytes)


def _body_text(kind: str, xml: bytes, max_bytes: int) -> str:
    reader = _BodyReader(kind, f"<{kind}>", max_bytes)
    parser = reader.parser()
    try:
        parser.Parse(xml, True)
    except _Refused as err:
        raise InputError(Errors.E009, path=f"<{kind}>", fmt=kind.upper(),
                         reason=str(err)) from None
    except expat.ExpatError as err:
        raise InputError(Errors.E009, path=f"<{kind}>", fmt=kind.upper(),
                         reason=f"not well-formed XML: {err}") from None
    return reader.text()


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
    them); editors' lock files (``~$x.docx``, ``.~lock.x.odt#``) are not. A
    subdirectory that cannot be listed is yielded itself, so that
    :func:`read_path` reports it (E015) instead of it being skipped unseen.
    Symlinks to directories are not followed (no loops).

    paths (list[str]): files and directories.
    suffixes (tuple[str, ...]): the suffixes a directory scan keeps.
    RETURNS (Iterator[Path]): the input files.
    RAISES (InputError): a directory that cannot be listed (E015) or holds no
        input file (E006).
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            try:
                with os.scandir(p):
                    pass
            except OSError as err:
                raise InputError(Errors.E015, path=p, reason=_reason(err)) from None
            found: list[Path] = []
            unlisted: list[Path] = []

            def failed(err: OSError, unlisted: list[Path] = unlisted) -> None:
                unlisted.append(Path(err.filename))

            for top, _dirs, files in os.walk(p, onerror=failed):
                for name in files:
                    f = Path(top, name)
                    if (f.suffix.lower() in suffixes and not is_editor_lock(name)
                            and (f.is_file() or (f.is_symlink() and not f.exists()))):
                        found.append(f)
            if not found and not unlisted:
                raise InputError(Errors.E006, path=p, suffixes=", ".join(suffixes))
            yield from sorted(found + unlisted)
        else:
            yield p
