"""Ingest: every format, every encoding, every bad input with its code and message.

All inputs are made by the tests (DOCX, ODT and PDF by the small builders
below); nothing is read from a corpus.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from litopys.errors import InputError
from litopys.pipeline.ingest import (
    ODT_MIMETYPE,
    TEXT_SUFFIXES,
    decode,
    from_text,
    iter_paths,
    markdown_mask,
    read_bytes,
    read_path,
    read_stdin,
)


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold the given lines, with a ToUnicode map so any script extracts."""
    chars = sorted({c for page in pages for line in page for c in line} - {" "})
    if len(chars) > 200:
        raise ValueError("too many distinct characters for a one-byte font")
    codes = {" ": 0x20}
    for k, c in enumerate(chars):
        codes[c] = 0x21 + k if 0x21 + k < 0x7F else 0xA1 + (k - 0x5E)
    objs: list[bytes] = []
    cmap_lines = "\n".join(f"<{codes[c]:02X}> <{''.join(f'{u:04X}' for u in _utf16(c))}>"
                           for c in codes)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Test def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{cmap_lines}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 cmap, then page/content pairs
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>")
    objs.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    for i, page in enumerate(pages):
        ops = ["BT /F1 12 Tf 50 780 Td 14 TL"]
        for line in page:
            ops.append("<" + "".join(f"{codes[c]:02X}" for c in line) + "> Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode() if page else b"0 0 100 100 re f"
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {6 + 2 * i} 0 R >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objs) + 1, xref))
    return out.getvalue()


def _utf16(c: str) -> list[int]:
    b = c.encode("utf-16-be")
    return [int.from_bytes(b[i:i + 2], "big") for i in range(0, len(b), 2)]


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None,
              deleted: str | None = None) -> bytes:
    """A minimal DOCX: paragraphs (a run each), an optional table, an optional tracked deletion."""
    body = []
    for p in paragraphs:
        runs = f'<w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r>'
        if deleted:
            runs += f"<w:del><w:r><w:delText>{escape(deleted)}</w:delText></w:r></w:del>"
        body.append(f"<w:p><w:pPr/>{runs}</w:p>")
    if table:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{escape(c)}</w:t></w:r></w:p></w:tc>"
                               for c in row) + "</w:tr>" for row in table)
        body.append(f"<w:tbl>{rows}</w:tbl>")
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def make_odt(heading: str, paragraphs: list[str], table: list[list[str]] | None = None,
             note: str | None = None) -> bytes:
    """A minimal ODT: a heading, paragraphs, an optional table and footnote."""
    parts = [f'<text:h text:outline-level="1">{escape(heading)}</text:h>']
    for p in paragraphs:
        extra = ""
        if note:
            extra = (f'<text:note text:note-class="footnote"><text:note-citation>1'
                     f'</text:note-citation><text:note-body><text:p>{escape(note)}</text:p>'
                     f'</text:note-body></text:note>')
        first, _, rest = p.partition(" ")
        parts.append(f'<text:p>{escape(first)}<text:s/><text:span>{escape(rest)}</text:span>'
                     f'{extra}</text:p>')
    if table:
        rows = "".join("<table:table-row>" + "".join(
            f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row)
            + "</table:table-row>" for row in table)
        parts.append(f"<table:table>{rows}</table:table>")
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
           f'<office:body><office:text>{"".join(parts)}</office:text></office:body>'
           f"</office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", xml)
    return buf.getvalue()


# -- texts ---------------------------------------------------------------------------
SENTENCES = [
    "12 грудня 1932 року Литвинов підписав у Женеві угоду з Польщею.",
    "Їхня зустріч з'ясувала, що Ґалаґан і Єфремов не дійшли згоди.",
    "Щоб уникнути війни, уряд УРСР звернувся до Ліги Націй у березні 1934 року.",
    "ПРОТОКОЛ № 5 засідання Політбюро ЦК КП(б)У від 14 січня 1933 року.",
    "Київ.",
    "Ось ще: «Русь» — це слово, яке в літописі вживається в кількох значеннях.",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-u",
             "cp866", "cp1125", "mac_cyrillic"]
REPORTED = {"utf-16": ("utf-16-le", "utf-16-be"), "utf-8-sig": ("utf-8-sig",)}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("text", SENTENCES)
def test_ingest_decode_every_encoding(text: str, encoding: str) -> None:
    if encoding not in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251"):
        # DOS and KOI8 code pages have no typographic quotes, dashes or №
        text = text.translate(str.maketrans({"«": '"', "»": '"', "—": "-", "№": "N"}))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        # CP866 has no і, ї, є, ґ: Ukrainian DOS texts are CP1125
        assert encoding == "cp866"
        encoding = "cp1125"
        data = text.encode(encoding)
    decoded, found = decode(data, "x.txt")
    assert decoded == text
    if encoding in REPORTED:
        assert found in REPORTED[encoding]
    elif encoding in ("koi8-u",):
        assert found in ("koi8-u", "koi8-r")  # the same for these letters
    elif encoding in ("cp866", "cp1125"):
        assert found in ("cp866", "cp1125")  # the same for Russian letters
    else:
        assert found == encoding


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-u", "cp1125", "mac_cyrillic", "utf-16-le",
                                      "utf-16-be"])
def test_ingest_read_path_reports_encoding(tmp_path: Path, encoding: str) -> None:
    text = "\n".join(SENTENCES) + "\n"
    text = text.translate(str.maketrans({"«": '"', "»": '"', "—": "-", "№": "N"}))
    f = tmp_path / "doc.txt"
    f.write_bytes(text.encode(encoding))
    doc = read_path(f)
    assert doc.text == text
    assert doc.encoding.startswith(encoding.split("-le")[0].split("-be")[0][:5])
    assert doc.format == "text"


def test_ingest_utf16_bom_crlf(tmp_path: Path) -> None:
    f = tmp_path / "w.txt"
    f.write_bytes("Рядок один\r\nРядок два\r\n".encode("utf-16"))
    doc = read_path(f)
    assert doc.text == "Рядок один\nРядок два\n"


def test_ingest_mostly_utf8_with_a_broken_byte() -> None:
    data = ("Литвинов підписав угоду. " * 20).encode() + b"\xff" + " кінець".encode()
    text, enc = decode(data, "x")
    assert enc == "utf-8"
    assert text.count("\ufffd") == 1


def test_ingest_html_declared_charset(tmp_path: Path) -> None:
    html = ('<html><head><meta charset="windows-1251"><title>Т</title></head>'
            "<body><p>Литвинов у Женеві.</p></body></html>")
    f = tmp_path / "p.html"
    f.write_bytes(html.encode("cp1251"))
    doc = read_path(f)
    assert doc.text == "Литвинов у Женеві.\n"
    assert doc.encoding == "cp1251"


# -- formats -----------------------------------------------------------------------
def test_ingest_html_drops_script_and_style(tmp_path: Path) -> None:
    f = tmp_path / "a.html"
    f.write_text(
        "<html><head><style>p{color:red}</style><script>alert('x')</script></head>"
        "<body><p>Перший абзац.</p><script>document.write('ЗЛО')</script>"
        "<noscript>увімкніть JS</noscript><p>Другий &amp; останній.</p></body></html>",
        encoding="utf-8",
    )
    doc = read_path(f)
    assert doc.format == "html"
    assert doc.text == "Перший абзац.\n\nДругий & останній.\n"
    assert "alert" not in doc.text and "ЗЛО" not in doc.text and "color" not in doc.text


def test_ingest_html_sniffed_in_txt(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("<!DOCTYPE html><body><p>Текст</p><script>x()</script></body>", "utf-8")
    assert read_path(f).text == "Текст\n"


def test_ingest_markdown_kept_verbatim_and_mask_keeps_offsets(tmp_path: Path) -> None:
    md = ("# Заголовок\n\n> Цитата **Литвинова** з `коду`.\n\n"
          "- пункт [посилання](http://x.org/a) і _курсив_\n\n```\ncode\n```\n| а | б |\n")
    f = tmp_path / "a.md"
    f.write_text(md, encoding="utf-8")
    doc = read_path(f)
    assert doc.format == "markdown"
    assert doc.text == md
    masked = markdown_mask(md)
    assert len(masked) == len(md)
    assert [i for i, c in enumerate(md) if c == "\n"] == [
        i for i, c in enumerate(masked) if c == "\n"]
    for word in ("Заголовок", "Литвинова", "коду", "посилання", "курсив", "пункт"):
        i = md.index(word)
        assert masked[i:i + len(word)] == word
    for gone in ("#", "**", "`", "](", "http", "|", ">"):
        assert gone not in masked


def test_ingest_markdown_offsets_through_pipeline(pipeline) -> None:
    md = "# Хроніка\n\n**Литвинов** підписав угоду з _Польщею_ 12 грудня 1932 року.\n"
    ch = pipeline(from_text(md, fmt="markdown"))
    assert ch.document.text == md
    assert ch.timexes and md[ch.timexes[0].start:ch.timexes[0].end] == ch.timexes[0].text
    for e in ch.entities:
        for m in e.mentions:
            assert md[m.start:m.end] == m.text
            assert "*" not in m.text and "_" not in m.text


def test_ingest_docx_paragraphs_tables_no_deletions(tmp_path: Path) -> None:
    f = tmp_path / "a.docx"
    f.write_bytes(make_docx(["Перший абзац.", "Другий абзац з «лапками» & <дужками>."],
                            table=[["Литвинов", "1932"], ["Бек", "1934"]], deleted="ВИДАЛЕНО"))
    doc = read_path(f)
    assert doc.format == "docx" and doc.encoding == "docx"
    assert doc.text.startswith("Перший абзац.\n\nДругий абзац з «лапками» & <дужками>.")
    assert "Литвинов 1932" in doc.text and "Бек 1934" in doc.text
    assert "ВИДАЛЕНО" not in doc.text


def test_ingest_odt_heading_paragraphs_tables_no_notes(tmp_path: Path) -> None:
    f = tmp_path / "a.odt"
    f.write_bytes(make_odt("Хроніка", ["Литвинов підписав угоду.", "Бек відповів."],
                           table=[["Варшава", "Женева"]], note="ПРИМІТКА"))
    doc = read_path(f)
    assert doc.format == "odt"
    assert doc.text == ("Хроніка\n\nЛитвинов підписав угоду.\n\nБек відповів.\n\n"
                        "Варшава Женева\n")


def test_ingest_pdf_text_layer_reflowed(tmp_path: Path) -> None:
    f = tmp_path / "a.pdf"
    f.write_bytes(make_pdf([["12 грудня 1932 року Литвинов", "підписав угоду з Польщею.",
                             "Друге речення."], ["Третя сторін-", "ка тексту."]]))
    doc = read_path(f)
    assert doc.format == "pdf"
    assert doc.text == ("12 грудня 1932 року Литвинов підписав угоду з Польщею.\n"
                        "Друге речення.\n\nТретя сторінка тексту.")


def test_ingest_pdf_detected_by_content_not_suffix(tmp_path: Path) -> None:
    f = tmp_path / "renamed.txt"
    f.write_bytes(make_pdf([["Текст у PDF."]]))
    assert read_path(f).format == "pdf"


def test_ingest_stdin_bytes_and_text() -> None:
    doc = read_stdin(io.BytesIO("Литвинов у Женеві.".encode("cp1251")))
    assert doc.text == "Литвинов у Женеві." and doc.encoding == "cp1251" and doc.path is None
    doc = read_stdin(io.StringIO("<p>Текст</p><script>x</script>"))
    assert doc.text == "Текст\n" and doc.format == "html"


def test_ingest_iter_paths_suffixes_locks_and_broken_links(tmp_path: Path) -> None:
    for name in ("a.txt", "b.docx", "c.odt", "d.pdf", "e.md", "f.html", "g.png", "~$b.docx"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found = [p.name for p in iter_paths([str(tmp_path)])]
    assert found == ["a.txt", "b.docx", "c.odt", "d.pdf", "e.md", "f.html", "gone.txt"]
    assert {".docx", ".odt", ".pdf"} <= set(TEXT_SUFFIXES)


# -- bad input ---------------------------------------------------------------------
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200)
ELF = b"\x7fELF\x02\x01\x01" + bytes(100)
GZIP = b"\x1f\x8b\x08\x00" + bytes(50)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


BAD = [
    ("img.png", PNG, "E002", "PNG image"),
    ("photo.jpg.txt", JPEG, "E002", "JPEG image"),
    ("prog.txt", ELF, "E002", "ELF executable"),
    ("a.txt.gz", GZIP, "E002", "gzip"),
    ("old.doc", OLE, "E002", "save it as .docx"),
    ("archive.zip", _zip({"a.txt": b"hello"}), "E002", "ZIP archive that is not DOCX or ODT"),
    ("nul.txt", "текст".encode() + b"\x00\x01\x02\x00" + bytes(30), "E002", "NUL bytes"),
    ("controls.txt", bytes(range(1, 32)) * 10, "E002", "control characters"),
    ("empty.txt", b"", "E003", "is empty"),
    ("blank.txt", b" \n\t\r\n  \n", "E013", "only whitespace"),
    ("blank16.txt", " \n \n".encode("utf-16"), "E013", "only whitespace"),
    ("scripts.html", b"<html><script>alert(1)</script><style>p{}</style></html>", "E013",
     "HTML markup holds no visible text"),
    ("fake.docx", "просто текст".encode(), "E009", "not a valid ZIP archive"),
    ("other.docx", _zip({"x.xml": b"<a/>"}), "E009", "no word/document.xml"),
    ("broken.docx", _zip({"word/document.xml": b"<w:document"}), "E009", "not well-formed"),
    ("bomb.docx", _zip({"word/document.xml": b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'}),
     "E009", "declares a DTD"),
    ("empty.docx", make_docx([]), "E013", "DOCX document holds no text"),
    ("fake.pdf", b"not a pdf at all", "E009", "does not start with %PDF-"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", "E009", "PDF"),
    ("scan.pdf", make_pdf([[]]), "E008", "no text layer"),
    ("letter.rtf", b"{\\rtf1\\ansi hello}", "E007", "Unsupported file type"),
]


@pytest.mark.parametrize("name,data,code,message", BAD, ids=[b[0] for b in BAD])
def test_ingest_bad_input(tmp_path: Path, name: str, data: bytes, code: str,
                          message: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_path(f)
    err = info.value
    assert err.code == code
    text = str(err)
    assert text.startswith(code + " ") and "\n" not in text
    assert str(f) in text
    assert message in text


def test_ingest_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_path(tmp_path / "vanished.txt")
    assert info.value.code == "E001" and "no such file" in str(info.value)


def test_ingest_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "target.txt")
    with pytest.raises(InputError) as info:
        read_path(link)
    assert info.value.code == "E001" and "symlink" in str(info.value)


def test_ingest_directory_as_file(tmp_path: Path) -> None:
    d = tmp_path / "dir.txt"
    d.mkdir()
    with pytest.raises(InputError) as info:
        read_path(d)
    assert info.value.code == "E001" and "directory" in str(info.value)


def test_ingest_fifo_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as info:
        read_path(fifo)  # must not block
    assert info.value.code == "E001" and "not a regular file" in str(info.value)


def test_ingest_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests run as root, where chmod 000 does not stop reading: simulate it
    f = tmp_path / "secret.txt"
    f.write_text("текст", encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError) as info:
        read_path(f)
    assert info.value.code == "E001" and "permission denied" in str(info.value)


def test_ingest_over_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("слово " * 100, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_path(f, max_bytes=100)
    assert info.value.code == "E004"
    assert "--max-bytes" in str(info.value) and "LITOPYS_MAX_BYTES" in str(info.value)


def test_ingest_stdin_over_size_limit() -> None:
    with pytest.raises(InputError) as info:
        read_stdin(io.BytesIO(b"a" * 101), max_bytes=100)
    assert info.value.code == "E004"


def test_ingest_zip_bomb_member_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a>" + b" " * 2_000_000 + b"</a>")
    f = tmp_path / "bomb.docx"
    f.write_bytes(buf.getvalue())
    assert f.stat().st_size < 50_000
    with pytest.raises(InputError) as info:
        read_path(f, max_bytes=50_000)
    assert info.value.code == "E009" and "unpacks to" in str(info.value)


def test_ingest_pdf_without_pypdf(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_pypdf(name: str, *args: object, **kwargs: object) -> object:
        if name == "pypdf":
            raise ImportError("no pypdf")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    with pytest.raises(InputError) as info:
        read_bytes(make_pdf([["Текст"]]), "a.pdf", ".pdf")
    assert info.value.code == "E012" and "pip install pypdf" in str(info.value)


def test_ingest_max_bytes_env_garbage_does_not_crash() -> None:
    import subprocess
    import sys

    env = dict(os.environ, LITOPYS_MAX_BYTES="lots")
    out = subprocess.run(
        [sys.executable, "-c", "import litopys.pipeline.ingest as i; print(i.DEFAULT_MAX_BYTES)"],
        env=env, capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == str(50 * 1024 * 1024)


# -- issue 17: reliability of reading ---------------------------------------------------
def _docx_xml(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<w:body>{body}</w:body></w:document>").encode()


def _docx_from_xml(xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def _odt_from_body(body: str) -> bytes:
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
           f"<office:body><office:text>{body}</office:text></office:body>"
           f"</office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", xml)
    return buf.getvalue()


RUN = "<w:r><w:t>12 грудня 1932 року СРСР і Китай відновили відносини.</w:t></w:r>"
ODT_RUN = "12 грудня 1932 року СРСР і Китай відновили відносини."


def nested_docx(kind: str, depth: int) -> bytes:
    """A DOCX whose text sits ``depth`` levels down in one kind of nesting."""
    if kind == "sdt":
        body = "<w:sdt><w:sdtContent>" * depth + f"<w:p>{RUN}</w:p>" + \
            "</w:sdtContent></w:sdt>" * depth
    elif kind == "table":
        body = "<w:tbl><w:tr><w:tc>" * depth + f"<w:p>{RUN}</w:p>" + \
            "</w:tc></w:tr></w:tbl>" * depth
    else:  # hyperlinks inside one paragraph
        body = "<w:p>" + '<w:hyperlink r:id="x">' * depth + RUN + "</w:hyperlink>" * depth + \
            "</w:p>"
    return _docx_from_xml(_docx_xml(body))


def nested_odt(kind: str, depth: int) -> bytes:
    """An ODT whose text sits ``depth`` levels down in sections or spans."""
    if kind == "section":
        body = '<text:section text:name="s">' * depth + f"<text:p>{ODT_RUN}</text:p>" + \
            "</text:section>" * depth
    else:
        body = "<text:p>" + "<text:span>" * depth + ODT_RUN + "</text:span>" * depth + \
            "</text:p>"
    return _odt_from_body(body)


NESTED = [("sdt.docx", nested_docx, "sdt"), ("table.docx", nested_docx, "table"),
          ("hyperlink.docx", nested_docx, "hyperlink"), ("section.odt", nested_odt, "section"),
          ("span.odt", nested_odt, "span")]


@pytest.mark.parametrize("name,make,kind", NESTED, ids=[n[0] for n in NESTED])
def test_ingest_deep_nesting_is_one_coded_error(tmp_path: Path, name: str, make, kind: str
                                                 ) -> None:
    """900 nested levels used to raise RecursionError and stop every run."""
    f = tmp_path / name
    f.write_bytes(make(kind, 900 if kind != "sdt" else 600))
    with pytest.raises(InputError) as info:
        read_path(f)
    assert info.value.code == "E009" and "levels deep" in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name,make,kind", NESTED, ids=[n[0] for n in NESTED])
def test_ingest_nesting_read_without_recursion(tmp_path: Path, name: str, make, kind: str
                                               ) -> None:
    """Nesting within the cap is read with a Python stack of a few dozen frames: the
    walk is iterative, whatever the depth of the file."""
    import inspect
    import sys

    depth = {"sdt": 150, "table": 100}.get(kind, 300)
    f = tmp_path / name
    f.write_bytes(make(kind, depth))
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 60)
    try:
        doc = read_path(f)
    finally:
        sys.setrecursionlimit(old)
    assert doc.text == ODT_RUN + "\n"


def test_ingest_nested_table_rows_read_once(tmp_path: Path) -> None:
    inner = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Варшава</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    body = (f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Литвинов</w:t></w:r></w:p>{inner}</w:tc>"
            "<w:tc><w:p><w:r><w:t>1932</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    f = tmp_path / "t.docx"
    f.write_bytes(_docx_from_xml(_docx_xml(body)))
    assert read_path(f).text == "Литвинов Варшава 1932\n"


def test_ingest_docx_text_over_limit(tmp_path: Path) -> None:
    """A small DOCX must not unpack to more text than --max-bytes allows (it used to
    allow 20 x the limit: a 1.4 MB file became 106 M characters)."""
    para = "<w:p><w:r><w:t>" + "Литвинов підписав угоду. " * 40 + "</w:t></w:r></w:p>"
    f = tmp_path / "big.docx"
    f.write_bytes(_docx_from_xml(_docx_xml(para * 400)))
    assert f.stat().st_size < 20_000
    with pytest.raises(InputError) as info:
        read_path(f, max_bytes=200_000)
    assert info.value.code == "E014" and "200000 bytes of text" in str(info.value)
    assert len(read_path(f, max_bytes=2_000_000).text) > 300_000


@pytest.mark.parametrize("mention", ["<p", "<br>", "<head>", "<script>", "<span class=x>",
                                     "<svg>", "<html>", "</p> і <p>"])
def test_ingest_txt_mentioning_a_tag_keeps_every_character(tmp_path: Path, mention: str
                                                           ) -> None:
    text = (f"Автор згадує тег {mention} у тексті.\n"
            "12 грудня 1932 року СРСР і Китай відновили дипломатичні відносини.\n")
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    doc = read_path(f)
    assert doc.format == "text" and doc.text == text


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html><html><body><p>Текст</p></body></html>",
    "\ufeff<?xml version='1.0'?>\n<!-- saved --><html><p>Текст</p></html>",
    "<p>Текст</p><script>x</script>",
    "<div>" + "<p>Текст у абзаці.</p><br><span>ще</span>" * 10 + "</div>",
])
def test_ingest_real_markup_in_txt_is_html(tmp_path: Path, page: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(page, encoding="utf-8")
    doc = read_path(f)
    assert doc.format == "html" and "<" not in doc.text and "Текст" in doc.text


@pytest.mark.parametrize("page,kept,tag", [
    ("<html><head><title>Т</title><p>Перший абзац тексту.</p><p>Другий абзац.</p></html>",
     "Перший абзац тексту.\n\nДругий абзац.\n", None),
    ("<html><body><p>Перший.</p><script>var x = 1;<p>Другий абзац тексту.</p></body></html>",
     "Перший.\n", "script"),
    ("<html><body><p>Перший.</p><svg><text>Другий абзац тексту.</text></body></html>",
     "Перший.\n", "svg"),
])
def test_ingest_html_unclosed_element_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                            page: str, kept: str, tag: str | None) -> None:
    """An unclosed <head> ends where the body starts (as in browsers); an unclosed
    <script> or <svg> swallows the rest, and the reader says so (W001)."""
    f = tmp_path / "a.html"
    f.write_text(page, encoding="utf-8")
    with caplog.at_level("WARNING", logger="litopys.ingest"):
        doc = read_path(f)
    assert doc.text == kept
    warnings = [r.getMessage() for r in caplog.records]
    if tag is None:
        assert not warnings
    else:
        assert len(warnings) == 1 and warnings[0].startswith("W001 ")
        assert str(f) in warnings[0] and f"<{tag}>" in warnings[0]
        assert "characters of HTML text were dropped" in warnings[0]


BYTE_NAMES = [b"x\xff.txt", b"\xcf\xf0\xee\xf2\xee\xea\xee\xeb.txt", b"a\nE001 forged.txt",
              b"tab\there.txt", b"back\\slash.txt"]


@pytest.mark.parametrize("name", BYTE_NAMES, ids=["ff", "cp1251", "newline", "tab", "backslash"])
def test_ingest_odd_file_names_stored_and_shown_losslessly(tmp_path: Path, name: bytes) -> None:
    from litopys.errors import path_from_display

    d = os.fsencode(tmp_path)
    good = os.path.join(d, name)
    with open(good, "wb") as fh:
        fh.write("12 грудня 1932 року СРСР і Китай відновили відносини.".encode())
    doc = read_path(os.fsdecode(good))
    doc.path.encode("utf-8")  # storable and printable
    assert "\n" not in doc.path and path_from_display(doc.path) == good
    empty = os.path.join(d, b"empty-" + name)
    open(empty, "wb").close()
    with pytest.raises(InputError) as info:
        read_path(os.fsdecode(empty))
    message = str(info.value)
    assert "\n" not in message and message.startswith("E003 ")
    message.encode("utf-8")


MIXED = [
    (("utf-8", "cp1251"), "utf-8+cp1251"),
    (("cp1251", "utf-8"), "cp1251+utf-8"),
    (("cp1251", "koi8-u"), "cp1251+koi8-u"),
    (("koi8-u", "cp1251"), "koi8-u+cp1251"),
    (("utf-8", "koi8-u", "utf-8"), "utf-8+koi8-u"),
]


@pytest.mark.parametrize("encodings,reported", MIXED, ids=[m[1] for m in MIXED])
def test_ingest_mixed_encodings_decoded_per_paragraph(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, encodings: tuple[str, ...],
        reported: str) -> None:
    paragraphs = [SENTENCES[0], SENTENCES[2], SENTENCES[1]][:len(encodings)]
    f = tmp_path / "mixed.txt"
    f.write_bytes(b"\n\n".join(p.encode(e) for p, e in zip(paragraphs, encodings, strict=True)))
    with caplog.at_level("WARNING", logger="litopys.ingest"):
        doc = read_path(f)
    assert doc.text == "\n\n".join(paragraphs)
    assert doc.encoding == reported
    [warning] = [r.getMessage() for r in caplog.records]
    assert warning.startswith("W002 ") and str(f) in warning


def test_ingest_one_code_page_is_not_mixed(tmp_path: Path, caplog: pytest.LogCaptureFixture
                                           ) -> None:
    f = tmp_path / "one.txt"
    text = "\n\n".join(SENTENCES[:3])
    f.write_bytes(text.encode("koi8-u"))
    with caplog.at_level("WARNING", logger="litopys.ingest"):
        doc = read_path(f)
    assert doc.text == text and doc.encoding == "koi8-u"
    assert not caplog.records


def test_ingest_unreadable_subdirectory_reported(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A subdirectory that cannot be listed was skipped without a word."""
    (tmp_path / "a.txt").write_text("текст", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("текст", encoding="utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        # tests run as root, where chmod 000 does not stop listing: simulate it
        if os.fspath(path) == str(locked):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_paths([str(tmp_path)]))
    assert found == [tmp_path / "a.txt", locked]
    with pytest.raises(InputError) as info:
        read_path(found[1])
    assert info.value.code == "E015" and str(locked) in str(info.value)
    with pytest.raises(InputError) as info:
        list(iter_paths([str(locked)]))
    assert info.value.code == "E015"


def test_ingest_letter_model_from_language_data() -> None:
    """The code-page model is language data (lang/uk/ingest.yaml), not Python."""
    from litopys.lang import load
    from litopys.pipeline import ingest

    data = load("ingest", "uk")
    letters = set(data["letter_frequencies"])
    assert set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя") <= letters
    assert set(ingest._LOGP) == letters | set(data["rare_letters"])
    assert 95 < sum(data["letter_frequencies"].values()) < 101


@pytest.mark.parametrize("parts", [
    # a windows-1251 line that is valid UTF-8 by chance ("Ді" -> "ĳ")
    [(SENTENCES[0], "cp1251"), ("Ді", "cp1251"), (SENTENCES[2], "cp1251")],
    # a paragraph too short to judge keeps the code page of the one before
    [(SENTENCES[0], "cp1251"), (SENTENCES[2], "koi8-u"), ("Київ.", "koi8-u")],
    # a heading in capitals in a file of one code page stays as it is
    [(SENTENCES[0].upper(), "koi8-u"), (SENTENCES[2], "koi8-u")],
], ids=["chance-utf8", "short-follows", "capitals"])
def test_ingest_mixed_encodings_edge_cases(parts: list[tuple[str, str]]) -> None:
    data = b"\n\n".join(t.encode(e) for t, e in parts)
    text, _ = decode(data, "x.txt")
    assert text == "\n\n".join(t for t, _ in parts)


@pytest.mark.parametrize("data,count", [
    ("Литвинов підписав угоду з Польщею у Женеві".encode() + b"\xff" + " дванадцятого грудня."
     .encode(), 1),
    (b"\xef\xbb\xbf" + "Бек".encode() + b"\xc3(" + "відповів".encode(), 1),
    ("Литвинов і Бек".encode("utf-16-le")[:-1], 0),  # odd length: not UTF-16 at all
    ("текст з \ufffd у джерелі".encode(), 0),  # a U+FFFD the source holds is not news
])
def test_ingest_replaced_bytes_warn(caplog: pytest.LogCaptureFixture, data: bytes, count: int
                                    ) -> None:
    with caplog.at_level("WARNING", logger="litopys.ingest"):
        try:
            decode(data, "x.txt")
        except InputError:
            pass
    warnings = [r.getMessage() for r in caplog.records if r.getMessage().startswith("W003")]
    if count:
        assert len(warnings) == 1 and f"{count} bytes could not be read" in warnings[0]
    else:
        assert not warnings
