"""Coded error messages: what failed, the value, and the fix.

Every user-facing failure is a :class:`LitopysError` with a code. ``cli.py``
turns them into ``click.ClickException`` so that users never see a traceback.
"""

from __future__ import annotations


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
    E030 = "E030 Invalid date '{value}' for {option}: use YYYY, YYYY-MM or YYYY-MM-DD."
    E040 = "E040 Cannot load the NER model from '{path}': {reason}. Reinstall litopys."
    E050 = "E050 Unknown export format '{fmt}'. Choose one of: {choices}."
    E051 = ("E051 The '{fmt}' export writes several files; give a directory with "
            "--out DIRECTORY (e.g. --out {fmt}/).")
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


class LitopysError(Exception):
    """A failure the user can act on. ``str(err)`` is the full message."""

    def __init__(self, template: str, **kwargs: object) -> None:
        self.code = template.split(" ", 1)[0]
        self.kwargs = kwargs
        super().__init__(template.format(**kwargs))


class InputError(LitopysError):
    """A document could not be read; batch runs log it and go on."""


class GoldError(LitopysError):
    """A gold chronicle is malformed."""


class StoreError(LitopysError):
    """The SQLite store cannot be used."""


class CorrectionError(LitopysError):
    """A correction cannot be applied or is malformed."""
