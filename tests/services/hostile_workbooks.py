"""Hostile workbooks built in a few milliseconds, for the reader's tests (issue 17).

Each builder writes a small file that would make calamine allocate gigabytes or keep the guard busy
for a minute: rows and cells placed by counting (no `r=` attributes), a worksheet part whose name
does not end in `.xml`, hundreds of parts that each inflate just under the per-part limits. The
zip is written by hand so that a part compressed once can be stored many times (a 2.4 GB package
is written in well under a second).
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    "{overrides}</Types>"
)
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    "<sheets>{sheets}</sheets></workbook>"
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "{rels}</Relationships>"
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


@dataclass(frozen=True, slots=True)
class Part:
    """One entry of the package: its name, its compressed bytes, and what they inflate to."""

    name: str
    deflated: bytes
    crc: int
    size: int


def deflate(data: bytes) -> Part:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Part("", compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))


def deflate_chunks(chunks: list[tuple[bytes, int]]) -> Part:
    """Compresses `block × count` pieces without building the whole inflated text."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    out: list[bytes] = []
    crc = size = 0
    for block, count in chunks:
        for _ in range(count):
            out.append(compressor.compress(block))
            crc = zlib.crc32(block, crc)
            size += len(block)
    out.append(compressor.flush())
    return Part("", b"".join(out), crc, size)


def named(part: Part, name: str) -> Part:
    return Part(name, part.deflated, part.crc, part.size)


def write_zip(path: Path, parts: list[Part]) -> Path:
    """A zip of already-deflated parts (zip64 where sizes need it)."""
    with path.open("wb") as out:
        central: list[bytes] = []
        for part in parts:
            offset = out.tell()
            name = part.name.encode()
            big = part.size >= 0xFFFFFFFF or len(part.deflated) >= 0xFFFFFFFF
            extra = struct.pack("<HHQQ", 1, 16, part.size, len(part.deflated)) if big else b""
            sizes = (0xFFFFFFFF, 0xFFFFFFFF) if big else (len(part.deflated), part.size)
            version = 45 if big else 20
            local = (0x04034B50, version, 0, 8, 0, 0x21, part.crc, *sizes, len(name), len(extra))
            out.write(struct.pack("<IHHHHHIIIHH", *local) + name + extra)
            out.write(part.deflated)
            central_extra = (
                struct.pack("<HHQQ", 1, 16, part.size, len(part.deflated)) if big else b""
            )
            entry = (0x02014B50, version, version, 0, 8, 0, 0x21, part.crc, *sizes, len(name),
                     len(central_extra), 0, 0, 0, 0, offset)  # fmt: skip
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", *entry) + name + central_extra)
        start = out.tell()
        directory = b"".join(central)
        out.write(directory)
        end = (0x06054B50, 0, 0, len(parts), len(parts), len(directory), start, 0)
        out.write(struct.pack("<IHHHHIIH", *end))
    return path


def package(path: Path, sheets: list[tuple[str, str, Part]], extra: list[Part] = ()) -> Path:  # type: ignore[assignment]
    """An .xlsx package: `sheets` are (sheet name, part name, worksheet part)."""
    entries = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (name, _, _) in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/worksheet" Target="{part.removeprefix("xl/")}"/>'
        for i, (_, part, _) in enumerate(sheets, start=1)
    )
    overrides = "".join(
        f'<Override PartName="/{part}" ContentType="{WORKSHEET_TYPE}"/>' for _, part, _ in sheets
    )
    parts = [
        named(deflate(CONTENT_TYPES.format(overrides=overrides).encode()), "[Content_Types].xml"),
        named(deflate(PACKAGE_RELS.encode()), "_rels/.rels"),
        named(deflate(WORKBOOK.format(sheets=entries).encode()), "xl/workbook.xml"),
        named(deflate(WORKBOOK_RELS.format(rels=rels).encode()), "xl/_rels/workbook.xml.rels"),
        *(named(data, part) for _, part, data in sheets),
        *extra,
    ]
    return write_zip(path, parts)


HEADER_ROW = (
    b'<row><c t="inlineStr"><is><t>R\xc3\xa9f\xc3\xa9rence</t></is></c>'
    b'<c t="inlineStr"><is><t>Acronyme</t></is></c></row>'
)


def _counted_far_cells(rows: int, columns: int) -> list[tuple[bytes, int]]:
    return [
        (SHEET_HEAD + HEADER_ROW, 1),
        (b"<row/>" * 1024, (rows - 2) // 1024),
        (b"<row/>", (rows - 2) % 1024),
        (b"<row>", 1),
        (b"<c/>" * 1024, (columns - 1) // 1024),
        (b"<c/>", (columns - 1) % 1024),
        (b"<c><v>1</v></c></row>" + SHEET_TAIL, 1),
    ]


def counted_far_cells(rows: int, columns: int) -> Part:
    """A worksheet without any `r=`: a header row in A1:B1, then `rows - 2` empty rows, then a
    row of `columns - 1` empty cells and one number: calamine places that number at (rows,
    columns) by counting, and the rectangle from A1 is rows × columns cells."""
    return deflate_chunks(_counted_far_cells(rows, columns))


def counted_far_cells_xml(rows: int, columns: int) -> bytes:
    """The same worksheet's text."""
    return b"".join(block * count for block, count in _counted_far_cells(rows, columns))


def small_sheet() -> Part:
    return deflate(
        SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>R\xc3\xa9f\xc3\xa9rence</t></is>'
        b'</c><c r="B1" t="inlineStr"><is><t>Acronyme</t></is></c></row><row r="2">'
        b'<c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2" t="inlineStr"><is><t>ALPHA'
        b"</t></is></c></row>" + SHEET_TAIL
    )


def no_r_abort(path: Path) -> Path:
    """About 11 KB: calamine would allocate 1,048,576 × 16,384 cells (549 GB) and abort."""
    return package(
        path, [("Projets", "xl/worksheets/sheet1.xml", counted_far_cells(1_048_576, 16_384))]
    )


def no_r_grows(path: Path) -> Path:
    """About 2 KB: 20,000 × 16,384 cells, some 10 GB that calamine would allocate and fill."""
    return package(
        path, [("Projets", "xl/worksheets/sheet1.xml", counted_far_cells(20_000, 16_384))]
    )


def bin_named_sheet(path: Path) -> Path:
    """The worksheet part is `xl/worksheets/sheet1.bin` (named so in the content types and the
    workbook's relationships): calamine reads it all the same."""
    return package(
        path, [("Projets", "xl/worksheets/sheet1.bin", counted_far_cells(1_048_576, 16_384))]
    )


def many_parts(path: Path, count: int = 300, *, size: int = 8 * 2**20 - 1) -> Path:
    """`count` worksheets of `size` bytes each, every one just under the per-part limits (below
    the 8 MiB floor under which an entry's ratio is not checked, by default)."""
    filler = deflate_chunks([(SHEET_HEAD, 1), (b" " * 4096, (size - len(SHEET_HEAD) - len(SHEET_TAIL)) // 4096),
                             (b" " * ((size - len(SHEET_HEAD) - len(SHEET_TAIL)) % 4096), 1), (SHEET_TAIL, 1)])  # fmt: skip
    sheets = [("Projets", "xl/worksheets/sheet1.xml", small_sheet())]
    sheets += [(f"F{i}", f"xl/worksheets/sheet{i}.xml", filler) for i in range(2, count + 2)]
    return package(path, sheets)


def near_ratio_parts(path: Path, count: int = 300, *, ratio: int = 95) -> Path:
    """`count` parts of 9 MiB each that inflate `ratio` times (under the per-part 100)."""
    size = 9 * 2**20
    noise = os.urandom(size // ratio)
    blank = size - len(noise) - len(SHEET_HEAD) - len(SHEET_TAIL)
    filler = deflate_chunks([(SHEET_HEAD, 1), (noise, 1), (b" " * 4096, blank // 4096),
                             (b" " * (blank % 4096), 1), (SHEET_TAIL, 1)])  # fmt: skip
    sheets = [("Projets", "xl/worksheets/sheet1.xml", small_sheet())]
    extra = [named(filler, f"xl/media/blob{i}.xml") for i in range(count)]
    return package(path, sheets, extra)


def shared_string_amplifier(path: Path, cells: int = 200_000, length: int = 32_767) -> Path:
    """One shared string as long as Excel allows, in 200,000 cells of one column: every limit of
    the guard holds (few cells, no text run past 4 MiB, a modest ratio), and calamine still makes
    a copy of the string for each cell, 6.5 GB in all. Only the reading process's memory limit
    stops it."""
    strings = deflate(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>' + b"x" * length + b"</t></si></sst>"
    )
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (n, n) for n in range(1, cells + 1)
    )
    sheet = deflate(SHEET_HEAD + rows + SHEET_TAIL)
    return package(
        path,
        [("Projets", "xl/worksheets/sheet1.xml", sheet)],
        [named(strings, "xl/sharedStrings.xml")],
    )
