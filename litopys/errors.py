"""Coded error messages: what failed, the value, and the fix.

Every user-facing failure is a :class:`LitopysError` with a code. ``cli.py``
turns them into ``click.ClickException`` so that users never see a traceback.
"""

from __future__ import annotations

import os
import re
from typing import Any


class Errors:
    """Message templates, filled with ``str.format``."""

    E001 = "E001 Cannot read '{path}': {reason}. Check that the file exists and is readable."
    E002 = (
        "E002 '{path}' looks like a binary file ({reason}), not text. "
        "Give litopys a .txt, .md, .html, .docx, .odt or .pdf file."
    )
    E003 = "E003 '{path}' is empty. There is nothing to extract; remove it from the input."
    E004 = (
        "E004 '{path}' is {size} bytes, over the limit of {limit} bytes. "
        "Split it, or raise the limit with --max-bytes / LITOPYS_MAX_BYTES."
    )
    E005 = (
        "E005 Cannot decode '{path}' as text (tried {tried}). "
        "Convert it to UTF-8, e.g. `iconv -f CP1251 -t UTF-8`."
    )
    E006 = "E006 No input files found under '{path}' (looked for {suffixes})."
    E007 = "E007 Unsupported file type '{suffix}' for '{path}'. Supported: {supported}."
    E008 = "E008 '{path}' has no text layer (a scanned PDF?). Run OCR on it first."
    E010 = (
        "E010 Malformed gold file '{path}': {where}: {reason}. "
        "See shared/eval/FORMAT.md for the expected fields."
    )
    E011 = "E011 No '*.gold.json' files with a matching '.txt' found in '{path}'."
    E020 = (
        "E020 The database '{path}' has schema version {found}, newer than this litopys "
        "supports ({supported}). Upgrade litopys."
    )
    E021 = "E021 '{path}' is not a litopys database ({reason}). Give another --db file."
    E022 = "E022 No database at '{path}'. Run `litopys extract FILE --db {path}` first."
    # -- appended for issue 17 (stores, batch runs) --
    E023 = (
        "E023 Cannot write to the database '{path}' ({reason}): the file or its directory "
        "is read-only. Give a --db in a writable directory, or copy the store there."
    )
    E024 = (
        "E024 The disk is full: cannot write to '{path}' ({reason}). Free some space (or give "
        "a --db on another disk) and run the same command again; what was stored is kept."
    )
    E025 = (
        "E025 The database '{path}' is damaged ({reason}). Run `litopys check --db {path}`; "
        "restore it from a backup or extract the texts again into a new --db."
    )
    E026 = (
        "E026 The database '{path}' stayed locked by another process for {seconds} s. Let the "
        "other litopys run finish, or give another --db."
    )
    E027 = (
        "E027 No Dask scheduler answers at '{address}' after {seconds} s ({reason}). Start "
        "one (`dask scheduler`), check the address, or use --dask local."
    )
    E029 = (
        "E029 Input/output error on the database '{path}' ({reason}): the disk may be full "
        "or failing, or a file size limit (ulimit -f) was reached. Check free space (`df`) "
        "and the disk, then run the same command again; what was stored is kept."
    )
    E030 = ("E030 Invalid date '{value}' for {option}: use YYYY, YYYY-MM or YYYY-MM-DD "
            "(a real date: months 01-12, days of that month, no year 0000).")
    E040 = "E040 Cannot load the NER model from '{path}': {reason}. Reinstall litopys."
    E050 = "E050 Unknown export format '{fmt}'. Choose one of: {choices}."
    E051 = ("E051 The '{fmt}' export writes several files; give a directory with "
            "--out DIRECTORY (e.g. --out {fmt}/).")
    E052 = ("E052 Cannot write the '{fmt}' export to '{path}': {reason}. Give --out a "
            "{target} path you can write to.")
    # -- appended for issue 7 (ingest robustness) --
    E009 = (
        "E009 '{path}' is not a readable {fmt} file ({reason}). "
        "Open it in its editor and save it again, or export it as .txt."
    )
    E012 = (
        "E012 Reading '{path}' needs the '{package}' package, which is not installed. "
        "Install it with `pip install {package}`."
    )
    E013 = (
        "E013 '{path}' has no text to extract ({reason}). "
        "Check that it is the file you meant, or remove it from the input."
    )
    E090 = ("E090 Cannot apply the correction to document '{document}': {reason}. "
            "Reload the page (the document may have been extracted again) and retry.")
    E091 = "E091 Invalid {field} '{value}' in a correction: {reason}."
    E092 = "E092 No correction {id}. List them with /corrections.json."
    E093 = ("E093 brat file '{path}': {where}: {reason}. Fix the line in brat or INCEpTION, "
            "or export again with `litopys export --format brat`.")
    E094 = ("E094 brat file '{path}' names document '{document}', which is not in the store. "
            "Import into the --db the export came from.")
    # -- appended for issue 17 (ingest reliability) --
    E014 = (
        "E014 '{path}' unpacks to more than {limit} bytes of {what}, over the size limit. "
        "Split the document, or raise the limit with --max-bytes / LITOPYS_MAX_BYTES."
    )
    E015 = "E015 Cannot list the directory '{path}': {reason}. Its files were not read; fix its permissions."
    E031 = "E031 Invalid value '{value}' for {option}: {reason}. {fix}"


class Warnings:
    """Warning templates: the input was read, but not all of it, or not surely right."""

    W001 = (
        "W001 '{path}': {dropped} characters of {fmt} text were dropped ({reason}). "
        "Check the file's markup, or save it as .txt."
    )
    W002 = (
        "W002 '{path}' mixes text encodings ({encodings}); each run of lines was decoded "
        "with its own. Check the text, or convert the file to UTF-8."
    )
    W003 = (
        "W003 '{path}': {count} bytes could not be read as {encoding} and were replaced "
        "by U+FFFD. Check the file, or convert it to UTF-8."
    )


def message(template: str, **kwargs: object) -> str:
    """Fill a template with its values made printable on one line.

    A ``path`` value is shown with :func:`display_path` (lossless); every other
    string with :func:`one_line`, so a crafted file name or a reason holding a
    newline cannot split the message or forge another line.

    template (str): an ``Errors`` or ``Warnings`` template.
    RETURNS (str): the message.
    """
    safe: dict[str, Any] = {}
    for key, value in kwargs.items():
        if key == "path" and value is not None:
            safe[key] = display_path(value)  # type: ignore[arg-type]
        elif isinstance(value, str):
            safe[key] = one_line(value)
        else:
            safe[key] = value
    return template.format(**safe)


# control characters (C0, DEL, C1), line/paragraph separators, and surrogates: lone
# ones and the U+DC80-U+DCFF that ``surrogateescape`` gives undecodable bytes
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    c = m.group(0)
    o = ord(c)
    if c in _NAMED:
        return _NAMED[c]
    if 0xDC80 <= o <= 0xDCFF:
        return f"\\x{o - 0xDC00:02x}"  # an undecodable byte of a file name
    if o < 0x80:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}"  # C1 controls too: \\x80-\\xff are a name's raw bytes


def one_line(text: str) -> str:
    """``text`` with control characters, line separators and surrogates escaped."""
    return _UNPRINTABLE.sub(_escape, text)


def display_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name as printable UTF-8 on one line, losslessly.

    Undecodable bytes (``surrogateescape``) become ``\\xNN``, control characters
    ``\\n``, ``\\t``, ``\\xNN``; on POSIX a backslash becomes ``\\\\`` so that
    :func:`path_from_display` can give back the exact bytes. Apply it once, to the raw
    name: the display form is what the store keeps and what messages show.

    path (str | bytes | PathLike): the name as the OS gave it.
    RETURNS (str): the display form (equal to the name for ordinary names).
    """
    name = os.fsdecode(os.fspath(path))
    if os.sep != "\\":
        name = name.replace("\\", "\\\\")
    return one_line(name)


_UNESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|([nrt\\]))")


def path_from_display(shown: str) -> bytes:
    """The exact bytes of a file name from its :func:`display_path` form (POSIX).

    shown (str): the display form.
    RETURNS (bytes): the name for ``open()``.
    """
    def back(m: re.Match[str]) -> str:
        if m.group(1):
            o = int(m.group(1), 16)
            return chr(0xDC00 + o) if o >= 0x80 else chr(o)
        if m.group(2):
            return chr(int(m.group(2), 16))
        return {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}[m.group(3)]

    return os.fsencode(_UNESCAPE.sub(back, shown))


class LitopysError(Exception):
    """A failure the user can act on. ``str(err)`` is the full message, on one line."""

    def __init__(self, template: str, **kwargs: object) -> None:
        self.code = template.split(" ", 1)[0]
        self.kwargs = kwargs
        super().__init__(message(template, **kwargs))


class InputError(LitopysError):
    """A document could not be read; batch runs log it and go on."""


class GoldError(LitopysError):
    """A gold chronicle is malformed."""


class StoreError(LitopysError):
    """The SQLite store cannot be used."""


class CorrectionError(LitopysError):
    """A correction cannot be applied or is malformed."""
