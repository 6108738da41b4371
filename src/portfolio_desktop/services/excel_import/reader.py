"""Reading a workbook safely: .xlsx, .xlsm, .xls, .ods and .csv, recognised by content.

python-calamine is the reader (fast, Rust); openpyxl reads the few .xlsx files calamine refuses.
Before calamine touches a zip package, every part of it, whatever its name (a worksheet can be
`sheet1.bin`), is inflated once here, in bounded chunks, to check what a hostile file could do:
entries and packages that inflate far beyond their size (zip bombs, sizes that lie, hundreds of
parts each just under the per-part limits), DTDs and entity declarations (entity bombs), text runs
longer than any cell, and cells placed so far away that calamine would allocate gigabytes for the
rectangle they span (calamine aborts the process when such an allocation fails, so this must be
caught before). Cells are placed as calamine places them: by their `r="B7"` reference, or by
counting rows and cells where the reference is absent. A `<dimension>` that claims a million rows is
not trusted either way: gnumeric writes `A1:XFD1048576` on every sheet, and calamine sizes its grid
by the cells it finds, so the cells are what is checked. On the way the check notes Excel's error
cells (`#DIV/0!`, `#N/A`…), which calamine hands over as empty cells. Encrypted, truncated, empty,
disguised and unsupported (.xlsb, Numbers) files get a specific `KnownError` code.

A CSV file is read in its BOM's encoding, else as UTF-8, else in the encoding charset-normalizer
detects (Windows-1252, Mac Roman, ISO-8859-15…) once the whole file is checked to decode in it;
what decodes in none is refused with its line, never read as « � ».

`isolation.read_isolated` runs all of this in a child process with a memory limit: what the guard
does not foresee then costs that process, never the window.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import html
import io
import logging
import re
import struct
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import KnownError
from ..progress import Progress
from .values import CellError

log = logging.getLogger(__name__)


class UnreadableFileError(KnownError):
    """The file cannot be read safely; nothing was written. The code says why."""

    code = "import_corrupt"


EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384


@dataclass(frozen=True, slots=True)
class Limits:
    """What the importer agrees to read. Generous for real portfolios, tight for hostile files."""

    max_file_bytes: int = 512 * 2**20
    max_entries: int = 10_000
    max_entry_bytes: int = 1536 * 2**20
    max_total_bytes: int = 3 * 2**30
    #: Inflated / compressed size beyond which an entry is a zip bomb (for entries above 8 MiB).
    max_ratio: int = 100
    ratio_floor_bytes: int = 8 * 2**20
    #: The same for the whole package (above 64 MiB inflated): hundreds of parts each under the
    #: per-part limits. Real workbooks inflate 4 to 15 times (the national one 9 times).
    max_total_ratio: int = 50
    total_ratio_floor_bytes: int = 64 * 2**20
    #: Excel's own sheet size, and the rectangle a sheet's cells span (what calamine allocates,
    #: 32 bytes a cell, and the rows of Python values made from it).
    max_rows: int = EXCEL_MAX_ROWS
    max_columns: int = EXCEL_MAX_COLUMNS
    max_cells: int = 30_000_000
    #: One cell's text: Excel holds 32,767 characters; an XML text run of 4 MiB is far past that.
    max_cell_chars: int = 1 << 20
    max_text_bytes: int = 4 << 20
    #: The whole check of a package, whatever its parts (a bound on time, not only on bytes).
    max_check_seconds: float = 60.0
    #: The address space of the child process that reads a workbook (`isolation`).
    max_reader_memory: int = 6 * 2**30


DEFAULT_LIMITS = Limits()


@dataclass(slots=True)
class SheetData:
    """One sheet's cells: `rows[i]` is the spreadsheet's row i + 1, column A first."""

    name: str
    rows: list[list[Any]]
    hidden: bool = False


@dataclass(slots=True)
class WorkbookData:
    """What was read from a file, and how."""

    path: Path
    file_kind: str  # xlsx, xlsm, xls, ods, csv
    sheets: list[SheetData]
    sha256: str
    size: int
    reader: str  # calamine, openpyxl, csv
    date1904: bool = False
    notes: list[str] = field(default_factory=list)
    #: A CSV file's text encoding as named to the user (« UTF-8 », « Windows-1252 »); "" for
    #: workbooks.
    encoding: str = ""

    def sheet(self, name: str) -> SheetData:
        return next(s for s in self.sheets if s.name == name)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20


def column_number(letters: str) -> int:
    """`A` → 1, `Z` → 26, `AA` → 27, `XFD` → 16384."""
    number = 0
    for char in letters.upper():
        number = number * 26 + (ord(char) - 64)
    return number


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def sniff(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """The file's real kind from its bytes: xlsx, xlsm, ods, xls or csv (or an error)."""
    if not path.exists():
        raise KnownError("file_not_found", path=str(path))
    if path.is_dir():
        if (path / "Index.zip").exists() or (path / "Index").is_dir():
            raise UnreadableFileError("import_format_unsupported", path=path.name, format="Numbers")
        raise UnreadableFileError("import_not_spreadsheet", path=path.name)
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFileError("import_file_empty", path=path.name)
    if size > limits.max_file_bytes:
        raise UnreadableFileError(
            "import_file_too_large", path=path.name, size_mb=size // 2**20,
            limit_mb=limits.max_file_bytes // 2**20,
        )  # fmt: skip
    with path.open("rb") as handle:
        head = handle.read(65536)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path)
    if head.startswith(_OLE):
        with path.open("rb") as handle:
            whole = handle.read(min(size, 64 * 2**20))
        if (
            "EncryptedPackage".encode("utf-16-le") in whole
            or "EncryptionInfo".encode("utf-16-le") in whole
        ):
            raise UnreadableFileError("import_encrypted", path=path.name)
        if "Workbook".encode("utf-16-le") in whole or "Book".encode("utf-16-le") in whole:
            return "xls"
        raise UnreadableFileError("import_not_spreadsheet", path=path.name)
    if head.startswith(b"%PDF"):
        raise UnreadableFileError("import_not_spreadsheet", path=path.name)
    if head.startswith(b"PK"):
        raise UnreadableFileError("import_corrupt", path=path.name, reason="import_reason_zip")
    if head.startswith(b"\x1f\x8b"):  # gzip: a Gnumeric workbook, or a compressed file
        format_name = "Gnumeric" if path.suffix.lower() == ".gnumeric" else "gzip"
        raise UnreadableFileError("import_format_unsupported", path=path.name, format=format_name)
    if head.startswith(b"ID;P"):
        raise UnreadableFileError("import_format_unsupported", path=path.name, format="SYLK")
    if (
        b"\x00" in head
        and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        and _bomless_utf16(head) is None
    ):
        raise UnreadableFileError("import_not_spreadsheet", path=path.name)
    lowered = head[:4096].lower().lstrip()
    if lowered.startswith((b"<html", b"<!doctype html", b"<table")) or (
        lowered.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head
    ):
        raise UnreadableFileError("import_html_spreadsheet", path=path.name)
    if lowered.startswith((b"<?xml", b"{")):
        raise UnreadableFileError("import_not_spreadsheet", path=path.name)
    return "csv"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = {n.replace("\\", "/").lower(): n for n in archive.namelist()}
            if "mimetype" in names:
                with archive.open(names["mimetype"]) as entry:
                    mimetype = entry.read(100)  # never more: the guard has not run yet
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
                raise UnreadableFileError("import_not_spreadsheet", path=path.name)
            if "content.xml" in names and "meta-inf/manifest.xml" in names:
                return "ods"
            if not names:
                raise UnreadableFileError("import_file_empty", path=path.name)
            if any(n.endswith("workbook.xml") for n in names):
                if any(n.endswith("vbaproject.bin") for n in names):
                    return "xlsm"
                return "xlsx"
            if any(n.endswith("workbook.bin") for n in names):
                raise UnreadableFileError(
                    "import_format_unsupported", path=path.name, format="Excel .xlsb"
                )
            if any(n.endswith(".iwa") for n in names):
                raise UnreadableFileError(
                    "import_format_unsupported", path=path.name, format="Numbers"
                )
            if any(n.startswith(("word/", "ppt/")) for n in names):
                raise UnreadableFileError("import_not_spreadsheet", path=path.name)
            raise UnreadableFileError(
                "import_corrupt", path=path.name, reason="import_reason_no_workbook"
            )
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        log.info("unreadable zip %s: %s", path.name, exc)
        raise UnreadableFileError(
            "import_corrupt", path=path.name, reason="import_reason_zip"
        ) from exc


# -- the zip guard -----------------------------------------------------------------------------------


def _inflate(handle: Any, info: zipfile.ZipInfo, limits: Limits, name: str) -> Iterator[bytes]:
    """The entry's bytes in chunks, never more than it declares (a lying size is a bomb)."""
    handle.seek(info.header_offset)
    header = handle.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise UnreadableFileError("import_corrupt", path=name, reason="import_reason_zip")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    handle.seek(info.header_offset + 30 + name_length + extra_length)
    remaining = info.compress_size
    declared = info.file_size
    produced = 0
    crc = 0
    if info.compress_type == zipfile.ZIP_STORED:
        inflater = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
    else:
        raise UnreadableFileError("import_corrupt", path=name, reason="import_reason_compression")
    pending = b""
    while remaining > 0 or pending:
        if not pending:
            block = handle.read(min(_CHUNK // 4, remaining))
            if not block:
                raise UnreadableFileError(
                    "import_corrupt", path=name, reason="import_reason_truncated"
                )
            remaining -= len(block)
        else:
            block, pending = pending, b""
        if inflater is None:
            out = block
        else:
            try:
                out = inflater.decompress(block, _CHUNK)
            except zlib.error as exc:
                log.info("%s: %s: %s", name, info.filename, exc)
                raise UnreadableFileError(
                    "import_corrupt", path=name, reason="import_reason_deflate"
                ) from exc
            pending = inflater.unconsumed_tail
        produced += len(out)
        if produced > declared:
            raise UnreadableFileError("import_zip_bomb", path=name, entry=info.filename)
        if out:
            crc = zlib.crc32(out, crc)
            yield out
        if inflater is not None and inflater.eof:
            break
    if produced != declared or crc != info.CRC:
        raise UnreadableFileError("import_corrupt", path=name, reason="import_reason_checksum")


@dataclass(slots=True)
class GuardReport:
    """What the check of a package found that the readers need: the workbook's date system and
    the error cells of each sheet (0-based row, column → `#DIV/0!`), which calamine empties."""

    date1904: bool = False
    errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)


def guard_zip(
    path: Path,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    *,
    parse: Callable[[str], None] | None = None,
) -> GuardReport:
    """Checks a zip package before any reader opens it: every entry, whatever its name.

    With `parse`, an .xlsx package is checked in an order that lets its sheets be read while
    the rest is still being checked: every part but the worksheets first (the workbook, shared
    strings, styles: what calamine reads on opening), then each worksheet, and `parse(sheet
    name)` is called once that sheet's own part has passed. The worksheets are the parts the
    workbook's relationships name, whatever their names; a sheet whose part cannot be told is
    left to the caller, once every entry has passed."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        log.info("unreadable zip %s: %s", name, exc)
        raise UnreadableFileError("import_corrupt", path=name, reason="import_reason_zip") from exc
    with archive, path.open("rb") as handle:
        infos = archive.infolist()  # folders too: a name ending in / can still hold bytes
        _check_directory(infos, limits, name)
        scan = _Scan(handle, limits, name, sum(i.compress_size for i in infos), progress)
        parts = _sheet_parts(archive, scan)
        sheet_of = {part: sheet for sheet, part in parts.items()}
        for info in infos:
            if info.filename not in sheet_of and info.header_offset not in scan.scanned:
                scan.part(info, None)
        # Every part but the sheets' has passed: each sheet is handed over as soon as its own has.
        for info in sorted(
            (i for i in infos if i.filename in sheet_of), key=lambda i: -i.file_size
        ):
            scan.part(info, sheet_of[info.filename])
            if parse is not None:
                parse(sheet_of[info.filename])
    return scan.report


def _check_directory(infos: list[zipfile.ZipInfo], limits: Limits, name: str) -> None:
    """The sizes the central directory declares (the inflating holds every entry to them)."""
    if len(infos) > limits.max_entries:
        raise UnreadableFileError(
            "import_zip_too_many_parts", path=name, parts=len(infos), limit=limits.max_entries
        )
    total = compressed = 0
    for info in infos:
        total += info.file_size
        compressed += info.compress_size
        ratio_ok = (
            info.file_size <= limits.ratio_floor_bytes
            or info.file_size <= limits.max_ratio * max(info.compress_size, 1)
        )
        if info.file_size > limits.max_entry_bytes or not ratio_ok:
            raise UnreadableFileError("import_zip_bomb", path=name, entry=info.filename)
    if total > limits.max_total_bytes or (
        total > limits.total_ratio_floor_bytes
        and total > limits.max_total_ratio * max(compressed, 1)
    ):
        raise UnreadableFileError(
            "import_zip_bomb_parts", path=name, parts=len(infos), size_mb=total >> 20
        )


class _Scan:
    """The zip guard's check of the parts, one by one, with its progress and its deadline."""

    def __init__(
        self, handle: Any, limits: Limits, name: str, work: int, progress: Progress | None
    ) -> None:
        self.handle, self.limits, self.name, self.progress = handle, limits, name, progress
        self.work = work or 1
        self.done = 0
        self.deadline = time.monotonic() + limits.max_check_seconds
        self.report = GuardReport()
        self.scanned: set[int] = set()  # entries checked, by their offset in the file
        self.looks_xml: bool | None = None  # of the entry being inflated

    def tick(self, compressed: int = 0) -> None:
        """Between chunks: progress, cancellation and the deadline of the whole check."""
        self.done += compressed
        if time.monotonic() > self.deadline:
            raise UnreadableFileError(
                "import_check_too_long", path=self.name, seconds=int(self.limits.max_check_seconds)
            )
        if self.progress is not None:
            self.progress.report(0.15 * min(self.done / self.work, 1.0), "import_checking")
            self.progress.check()

    def chunks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """The entry inflated (as UTF-8 if it is UTF-16 or UTF-32 text, which openpyxl reads),
        cut so that no tag straddles two pieces (and a short cell stays whole): each piece ends
        before the last `<` of what was inflated so far."""
        share = info.compress_size / max(info.file_size, 1)
        carry = b""
        gap = 0  # bytes since the last `<`: a text run longer than any cell is refused
        self.looks_xml = None  # whether the entry starts as XML does (an image does not)
        for chunk, compressed in _as_utf8(_inflate(self.handle, info, self.limits, self.name)):
            if self.looks_xml is None:
                self.looks_xml = _LOOKS_XML.match(chunk) is not None
            first = chunk.find(b"<")
            gap = gap + (len(chunk) if first < 0 else first)
            if self.looks_xml and gap > self.limits.max_text_bytes:
                raise UnreadableFileError(
                    "import_cell_too_large", path=self.name,
                    limit=self.limits.max_cell_chars,
                )  # fmt: skip
            last = chunk.rfind(b"<")
            if last >= 0:
                gap = len(chunk) - last - 1
            buffer = carry + chunk if carry else chunk
            cut = _cut(buffer, self.name)
            if cut > 0:
                yield buffer[:cut]
            carry = buffer[cut:]
            self.tick(int(compressed * share))
        if carry:
            yield carry

    def part(self, info: zipfile.ZipInfo, sheet: str | None) -> None:
        self.scanned.add(info.header_offset)
        errors: dict[tuple[int, int], str] = {}
        try:
            _scan_part(self, info, errors)
        except _NeedsCounting:
            errors.clear()
            _count_part(self, info, errors)
        if sheet is not None and errors:
            self.report.errors[sheet] = errors


_MAX_CARRY = 65536
_LOOKS_XML = re.compile(rb"(?:\xef\xbb\xbf)?\s*<")
#: Byte-order marks and first bytes of XML text that is not UTF-8, longest first.
_WIDE_TEXT = (
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"),
)  # fmt: skip


def _as_utf8(chunks: Iterator[bytes]) -> Iterator[tuple[bytes, int]]:
    """Each inflated chunk, with its length as inflated: re-encoded as UTF-8 when the entry
    starts as UTF-16 or UTF-32 text (calamine reads such a part as empty, openpyxl reads it: its
    cells must be checked like any others)."""
    decoder = None
    for index, chunk in enumerate(chunks):
        if index == 0:
            encoding = next((e for start, e in _WIDE_TEXT if chunk.startswith(start)), None)
            if encoding is not None:
                decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        if decoder is None:
            yield chunk, len(chunk)
        else:
            yield decoder.decode(chunk).encode("utf-8"), len(chunk)


_TAG_START = re.compile(rb"</?(?:[A-Za-z_][\w.\-]*:)?(?:row|c)(?=[\s/>])")


def _cut(buffer: bytes, name: str) -> int:
    """Where to cut `buffer`: before its last `<` (or the start of its last, short, open cell)."""
    cut = buffer.rfind(b"<")
    if cut < 0:
        return len(buffer)
    cell = max(buffer.rfind(b"<c "), buffer.rfind(b"<c>"))
    if cell > buffer.rfind(b"</c>") and len(buffer) - cell <= _MAX_CARRY:
        cut = min(cut, cell)
    if len(buffer) - cut <= _MAX_CARRY:
        return cut
    if _TAG_START.match(buffer, cut):
        # A row or cell tag longer than 64 KiB: no writer makes one; calamine would read it.
        raise UnreadableFileError("import_corrupt", path=name, reason="import_reason_xml")
    return len(buffer)


class _NeedsCounting(Exception):
    """A part has cells without a plain `r="B7"`: it is checked again, placing them by counting."""


_ENTITY = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DATE1904 = re.compile(rb"date1904\s*=\s*[\"'](?:1|true)[\"']", re.IGNORECASE)
_PREFIX = rb"(?:[A-Za-z_][\w.\-]*:)?"
#: The quick pass reads parts whose every cell tag is plain: a reference first, `<c r="B7"`, then
#: only the attributes a cell has, once each, double-quoted (what Excel, LibreOffice, openpyxl and
#: XlsxWriter write). Its patterns start with literal text, which the regular expression engine
#: finds at memchr speed. A part with another kind of cell tag (`<c>`, `<x:c`, `r='B7'`, a second
#: `r`, as calamine would read it) is counted instead.
#: (The empty group: findall then lists one shared b"", not a copy of each tag.)
_PLAIN_CELL = re.compile(
    rb'<c r="[A-Z]{1,3}[1-9][0-9]{0,6}"(?: (?:s|t|cm|vm|ph)="[^"<>]*")*\s*/?>()'
)
_OTHER_C_TAGS = re.compile(rb"<c[^\s/>]")  # <cols>, <cfRule>, <customSheetView>…
_PREFIXED = re.compile(rb":c[\s/>]")
# Cells that hold something (`<c r="A1048576" s="0"/>`, as gnumeric pads sheets, holds nothing).
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})[1-9][0-9]{0,6}"[^>]*(?<!/)>')
_ROWS_PAST = tuple(
    re.compile(rb'<c r="[A-Z]{1,3}[1-9][0-9]{%d,}"[^>]*(?<!/)>' % n) for n in (4, 5, 6)
)
_ROW_NUMBER = re.compile(rb'<c r="[A-Z]{1,3}([1-9][0-9]{0,6})"[^>]*(?<!/)>')
_ERROR_CELL = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"[^>]*? t="e"[^>]*>')
_ERROR_VALUE = re.compile(
    rb"(?:\s*<" + _PREFIX + rb"f\b[^>]*?(?:/>|>[^<]*</" + _PREFIX + rb"f>))?\s*"
    rb"<" + _PREFIX + rb"v>([^<]{1,64})</" + _PREFIX + rb"v>"
)


def _check_start(scan: _Scan, info: zipfile.ZipInfo, chunk: bytes) -> None:
    """DTDs and entities are refused; the workbook part's 1904 flag is noted."""
    if _ENTITY.search(chunk, 0, 65536):
        raise UnreadableFileError("import_xml_entities", path=scan.name, entry=info.filename)
    is_workbook = info.filename.replace("\\", "/").lower().endswith("workbook.xml")
    if is_workbook and _DATE1904.search(chunk):
        scan.report.date1904 = True


def _cell_pieces(scan: _Scan, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The pieces of the part where cells can be read: all of it when it starts as XML does
    (openpyxl reads rows anywhere in a well-formed worksheet), else from its `sheetData` on
    (calamine, lenient, reads cells there only): an image or a VBA project, whose bytes can look
    like anything, is not held to the cell checks, whatever its name. The first piece is checked
    for DTDs on the way."""
    first, cells = True, False
    for chunk in scan.chunks(info):
        if first:
            first = False
            _check_start(scan, info, chunk)
            cells = bool(scan.looks_xml)
        if not cells:
            start = chunk.find(b"sheetData")
            if start < 0:
                continue
            cells, chunk = True, chunk[start:]
        yield chunk


def _scan_part(scan: _Scan, info: zipfile.ZipInfo, errors: dict[tuple[int, int], str]) -> None:
    """Inflates one part, checking for DTDs and for cells so far apart that the rectangle they
    span (what calamine allocates) would be huge; notes its error cells.

    This is the quick way, for parts whose every cell has a plain reference (`<c r="B7"`):
    columns past Z are collected exactly; for rows, a cheap search notes whether any cell holding
    something sits past row 9,999, 99,999 or 999,999, and only when that bound times the columns
    exceeds the limit is the exact farthest row found (a second pass, for very wide sheets). Other
    parts raise `_NeedsCounting`.
    """
    wide_columns: set[bytes] = set()
    seen = [False, False, False]  # a cell past row 9,999 / 99,999 / 999,999
    for chunk in _cell_pieces(scan, info):
        if not _plain_cells(chunk):
            raise _NeedsCounting()
        if b"<c " not in chunk:
            continue
        wide_columns.update(_WIDE_COLUMN.findall(chunk))
        for index, pattern in enumerate(_ROWS_PAST):
            if not seen[index] and pattern.search(chunk):
                seen[index] = True
        if b't="e"' in chunk:  # plain cell tags quote with " only
            for match in _ERROR_CELL.finditer(chunk):
                value = _ERROR_VALUE.match(chunk, match.end())
                position = (int(match[2]) - 1, column_number(match[1].decode()) - 1)
                errors[position] = value[1].decode("utf-8", "replace") if value else "#?"
    columns = max((column_number(c.decode()) for c in wide_columns), default=26)
    bound = 10_000_000 if seen[2] else 999_999 if seen[1] else 99_999 if seen[0] else 9_999
    if bound * columns > scan.limits.max_cells or bound > scan.limits.max_rows:
        _check_size(scan, _farthest_row(scan, info), columns)
    elif columns > scan.limits.max_columns:
        _check_size(scan, 1, columns)


def _plain_cells(chunk: bytes) -> bool:
    """Whether every cell tag of the piece is plain (three C-speed scans)."""
    tags = chunk.count(b"<c")
    plain = len(_PLAIN_CELL.findall(chunk))
    if tags != plain:
        tags -= len(_OTHER_C_TAGS.findall(chunk))
    return tags == plain and _PREFIXED.search(chunk) is None


def _farthest_row(scan: _Scan, info: zipfile.ZipInfo) -> int:
    farthest = 0
    for chunk in _cell_pieces(scan, info):
        for number in _ROW_NUMBER.findall(chunk):
            farthest = max(farthest, int(number))
    return farthest


def _check_size(scan: _Scan, rows: int, columns: int) -> None:
    """Rows past Excel's, columns past Excel's, or a rectangle past the cells the import reads:
    each its own refusal."""
    limits = scan.limits
    if rows > limits.max_rows:
        raise UnreadableFileError(
            "import_sheet_too_many_rows", path=scan.name, rows=rows, limit=limits.max_rows
        )
    if columns > limits.max_columns:
        raise UnreadableFileError(
            "import_sheet_too_many_columns", path=scan.name, columns=columns,
            limit=limits.max_columns,
        )  # fmt: skip
    if rows * columns > limits.max_cells:
        raise UnreadableFileError(
            "import_sheet_too_large", path=scan.name, rows=rows, columns=columns,
            limit=limits.max_cells,
        )  # fmt: skip


#: The tokens of the counting pass: runs of empty cells or rows (one match for thousands of
#: `<c/>`), else one row or cell tag, opening or closing, with its attributes.
_COUNTED = re.compile(
    rb"(?P<cells>(?:<c\s*/>)+)|(?P<rows>(?:<row\s*/>)+)"
    rb"|<(?P<end>/?)" + _PREFIX + rb"(?P<name>row|c)(?=[\s/>])"
    rb"(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
)
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_T_ERROR = re.compile(rb"""(?:^|\s)t\s*=\s*(?:"e"|'e')""")
_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]+)")


def _count_part(scan: _Scan, info: zipfile.ZipInfo, errors: dict[tuple[int, int], str]) -> None:
    """The part again, each row and cell placed as calamine places it: by its `r` when it has
    one, else the row after the previous one and the cell after the previous one (rows and cells
    without `r` would otherwise let a few kilobytes of `<row/>` and `<c/>` place a cell a million
    rows down). Every row or cell tag must be one this reads, or the part is refused."""
    row = col = 0  # calamine's counters, 0-based
    rows = columns = 0  # the rectangle of the cells that hold something, from A1
    for chunk in _cell_pieces(scan, info):
        tags = 0
        for match in _COUNTED.finditer(chunk):
            if match["cells"] is not None:
                count = match["cells"].count(b"<")
                tags += count
                col += count
                continue
            if match["rows"] is not None:
                count = match["rows"].count(b"<")
                tags += count
                row += count
                col = 0
                continue
            tags += 1
            attrs = match["attrs"]
            closed = attrs.endswith(b"/")
            if match["end"]:
                if match["name"] == b"row":
                    row, col = row + 1, 0
                continue
            if match["name"] == b"row":
                position = _position(scan, attrs, row=True) if b"r" in attrs else None
                if position is not None:
                    row = position[0]
                if closed:
                    row, col = row + 1, 0
                continue
            position = _position(scan, attrs, row=False) if b"r" in attrs else None
            if position is not None:
                at_row, col = position
            else:
                at_row = row
            if not closed:  # a cell that holds something
                rows, columns = max(rows, at_row + 1), max(columns, col + 1)
                if rows > scan.limits.max_rows or columns > scan.limits.max_columns:
                    _check_size(scan, rows, columns)
                if _T_ERROR.search(attrs):
                    value = _ERROR_VALUE.match(chunk, match.end())
                    errors[(at_row, col)] = value[1].decode("utf-8", "replace") if value else "#?"
            col += 1
        if tags != len(_TAG_START.findall(chunk)):
            raise UnreadableFileError("import_corrupt", path=scan.name, reason="import_reason_xml")
    _check_size(scan, rows, columns)


def _position(scan: _Scan, attrs: bytes, *, row: bool) -> tuple[int, int] | None:
    """The tag's `r` as calamine reads it (`B7` → (6, 1); a row's may be digits alone), or None
    when it has none."""
    references = _R_ATTR.findall(attrs)
    if not references:
        return None
    if len(references) > 1:
        raise UnreadableFileError("import_corrupt", path=scan.name, reason="import_reason_xml")
    double, single = references[0]
    found = _REFERENCE.fullmatch(double or single)
    if found is None or int(found[2]) == 0 or not (found[1] or row):
        raise UnreadableFileError(
            "import_corrupt", path=scan.name, reason="import_reason_cell_reference"
        )
    number = int(found[2])
    if number > scan.limits.max_rows:
        _check_size(scan, number, 1)
    if row:
        return number - 1, 0
    letters = found[1].decode()
    if len(letters) > 3:
        _check_size(scan, 1, scan.limits.max_columns + 1)
    return number - 1, column_number(letters) - 1


_RELATIONSHIP = re.compile(r'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"')
_RELATIONSHIP_REVERSED = re.compile(r'<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"')
_SHEET = re.compile(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"')
_SMALL_PART = 16 * 2**20
#: Parts calamine reads when it opens a workbook: never taken for a sheet's own part, which may
#: be handed to calamine before every other sheet's part has passed.
_OPENING_PARTS = {"[content_types].xml", ".rels", "workbook.xml", "workbook.xml.rels",
                  "sharedstrings.xml", "styles.xml"}  # fmt: skip


def _sheet_parts(archive: zipfile.ZipFile, scan: _Scan) -> dict[str, str]:
    """Sheet name → its worksheet part's name in the package, whatever that name, for the sheets
    this can tell: read from the workbook part and its relationships, each checked first."""
    try:
        book_info = archive.getinfo("xl/workbook.xml")
        rels_info = archive.getinfo("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    if max(book_info.file_size, rels_info.file_size) > _SMALL_PART:
        return {}  # no real workbook part is this large: the whole package is checked anyway
    scan.part(book_info, None)
    scan.part(rels_info, None)
    try:
        book = archive.read(book_info).decode("utf-8", "replace")
        rels = archive.read(rels_info).decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile, zlib.error):
        return {}
    targets = {m.group(1): m.group(2) for m in _RELATIONSHIP.finditer(rels)}
    targets.update({m.group(2): m.group(1) for m in _RELATIONSHIP_REVERSED.finditer(rels)})
    names = {i.filename.lower(): i.filename for i in archive.infolist()}
    found: dict[str, str] = {}
    for m in _SHEET.finditer(book):
        target = html.unescape(targets.get(m.group(2), ""))
        wanted = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        part = names.get(wanted.lower())
        if part is not None and part.lower().rpartition("/")[2] not in _OPENING_PARTS:
            found[html.unescape(m.group(1))] = part
    # A part named by two sheets is checked with the other parts, before any sheet is read.
    twice = {p for p, n in Counter(found.values()).items() if n > 1}
    return {sheet: part for sheet, part in found.items() if part not in twice}


# -- readers -----------------------------------------------------------------------------------------


def read_workbook(
    path: str | Path,
    *,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
    isolated: bool | None = None,
) -> WorkbookData:
    """Reads every worksheet of the file (hidden ones flagged, chart sheets left out).

    Workbooks (everything calamine reads) are read in a child process with a memory limit
    unless `isolated` is False (`isolation.read_isolated`); CSV files, read by Python alone in
    bounded pieces, are read here."""
    path = Path(path)
    kind = sniff(path, limits)
    if kind != "csv" and isolated is not False:
        from .isolation import isolation_available, read_isolated

        if isolated or isolation_available():
            return read_isolated(path, kind, limits, progress)
    return read_here(path, kind, limits, progress)


def read_here(
    path: Path,
    kind: str,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    *,
    on_sheet: Callable[[SheetData], None] | None = None,
) -> WorkbookData:
    """`read_workbook` in this process, for a file of a kind `sniff` has told.

    With `on_sheet`, each sheet is handed over as soon as it is read, in any order, and not kept:
    the sheets of the result, in the workbook's order, then have no rows (the reading process
    sends each sheet while calamine still reads the others)."""
    size = path.stat().st_size
    digest = file_digest(path)
    if progress is not None:
        progress.report(0.02, "import_reading")
    if kind == "csv":
        encoding = _encoding(path)
        sheets = [SheetData(path.stem[:31] or "CSV", _read_csv(path, encoding, limits))]
        return WorkbookData(path, kind, sheets, digest, size, "csv", encoding=encoding.name)
    report = GuardReport()
    try:
        if kind in {"xlsx", "xlsm"}:
            report, sheets = _guard_and_read(path, kind, limits, progress, on_sheet)
        else:
            if kind == "ods":
                report = guard_zip(path, limits, progress)
            sheets = _read_calamine(path, kind, progress, report.errors, on_sheet)
        reader = "calamine"
    except _CalamineFailed as failed:
        exc = failed.cause
        message = str(exc)
        if type(exc).__name__ == "PasswordError" or "password" in message.lower():
            raise UnreadableFileError("import_encrypted", path=path.name) from exc
        if "cell limit" in message.lower():
            raise UnreadableFileError(
                "import_sheet_too_large_unknown", path=path.name, limit=limits.max_cells
            ) from exc
        log.info("calamine could not read %s: %s", path.name, message[:500])
        if kind not in {"xlsx", "xlsm"}:
            raise UnreadableFileError(
                "import_corrupt", path=path.name, reason="import_reason_reader"
            ) from exc
        sheets = _read_openpyxl(path)
        reader = "openpyxl"
        if on_sheet is not None:
            for sheet in sheets:
                on_sheet(sheet)
                sheet.rows = []
    if progress is not None:
        progress.report(0.4, "import_reading")
    return WorkbookData(path, kind, sheets, digest, size, reader, report.date1904)


Errors = dict[str, dict[tuple[int, int], str]]


def _mark_errors(sheet: SheetData, errors: Errors) -> None:
    """Error cells, which calamine reads as empty, become `CellError`s where they stand."""
    for (row, col), text in sorted(errors.get(sheet.name, {}).items()):
        while len(sheet.rows) <= row:
            sheet.rows.append([])
        cells = sheet.rows[row]
        if len(cells) <= col:
            cells.extend([""] * (col + 1 - len(cells)))
        cells[col] = CellError(text)


def _read_calamine(
    path: Path,
    kind: str,
    progress: Progress | None,
    errors: Errors,
    on_sheet: Callable[[SheetData], None] | None,
) -> list[SheetData]:
    """Every worksheet as rows (.ods, .xls and packages the guard has checked)."""
    with _Sheets(path, kind, progress) as sheets:
        for name in sheets.names:
            sheets.parse(name)
        return sheets.collect(errors, on_sheet)


def _guard_and_read(
    path: Path,
    kind: str,
    limits: Limits,
    progress: Progress | None,
    on_sheet: Callable[[SheetData], None] | None,
) -> tuple[GuardReport, list[SheetData]]:
    """An .xlsx package checked and read at once: each sheet is parsed as soon as its part has
    passed the guard, while the guard goes on with the next (two cores at work)."""
    with _Sheets(path, kind, progress) as sheets:
        report = guard_zip(path, limits, progress, parse=sheets.parse)
        return report, sheets.collect(report.errors, on_sheet)


class _Sheets:
    """Worksheets parsed two at a time, each by its own calamine workbook: calamine's parse lets
    go of the interpreter, so a workbook's projects and funding-lines sheets are read side by
    side (and beside the zip guard), and only the conversion to Python values takes turns."""

    def __init__(self, path: Path, kind: str, progress: Progress | None) -> None:
        from python_calamine import SheetTypeEnum, SheetVisibleEnum

        self.path, self.kind, self.progress = path, kind, progress
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="calamine")
        self.jobs: dict[str, Future[list[list[list[Any]]]]] = {}
        self.metadata: list[Any] = []
        self._visible = SheetVisibleEnum.Visible
        self._worksheet = SheetTypeEnum.WorkSheet

    def __enter__(self) -> _Sheets:
        if self.kind not in {"xlsx", "xlsm"}:
            self._load_metadata()
        return self

    def _load_metadata(self) -> None:
        try:
            with _open_calamine(self.path, self.kind) as workbook:
                self.metadata = [m for m in workbook.sheets_metadata if m.typ == self._worksheet]
        except Exception as exc:  # calamine's own error types, and what its values raise
            raise _CalamineFailed(exc) from exc

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.metadata]

    def parse(self, name: str) -> None:
        if name not in self.jobs:
            self.jobs[name] = self.pool.submit(_parse_sheet, self.path, self.kind, name)

    def collect(
        self, errors: Errors, on_sheet: Callable[[SheetData], None] | None = None
    ) -> list[SheetData]:
        """The sheets, in the workbook's order, each with its error cells; with `on_sheet`,
        each is handed over as soon as it is read (and its rows not kept)."""
        if not self.metadata:
            self._load_metadata()
        for name in self.names:
            self.parse(name)
        sheets = [SheetData(m.name, [], m.visible != self._visible) for m in self.metadata]
        of_job = {self.jobs[sheet.name]: sheet for sheet in sheets}
        for done, job in enumerate(as_completed(of_job), start=1):
            sheet = of_job[job]
            sheet.rows = job.result().pop()  # the job keeps no reference to the rows handed over
            _mark_errors(sheet, errors)
            if on_sheet is not None:
                on_sheet(sheet)
                sheet.rows = []
            if self.progress is not None:
                self.progress.report(0.15 + 0.25 * done / len(sheets), "import_reading")
                self.progress.check()
        return sheets

    def __exit__(self, *exc: object) -> None:
        # On an error or a cancel, sheets not started are dropped; those being parsed (parts
        # already checked) finish first.
        self.pool.shutdown(wait=True, cancel_futures=True)


def _open_calamine(path: Path, kind: str) -> Any:
    from python_calamine import CalamineWorkbook

    suffix = path.suffix.lower().lstrip(".")
    if (
        suffix == kind
        or (suffix == "xlsx" and kind == "xlsm")
        or (suffix == "xlsm" and kind == "xlsx")
    ):
        return CalamineWorkbook.from_path(str(path))
    # calamine picks its reader by the file's extension: a renamed file is read by content.
    with path.open("rb") as handle:
        return CalamineWorkbook.from_filelike(handle)


class _CalamineFailed(Exception):
    """calamine could not read the file (whatever it raised): the file is read by openpyxl, or
    refused. Only calamine's own failures are: an error in the guard is a bug, never a reason
    to hand an unchecked package to another reader."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _parse_sheet(path: Path, kind: str, name: str) -> list[list[list[Any]]]:
    """The sheet's rows, in a list of one that the caller empties."""
    try:
        with _open_calamine(path, kind) as workbook:
            sheet = workbook.get_sheet_by_name(name)
            rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
            return [rows]
    except Exception as exc:  # calamine's own error types, and what its values raise
        raise _CalamineFailed(exc) from exc


def _read_openpyxl(path: Path) -> list[SheetData]:
    """The workbook as openpyxl reads it (after the guard has checked the whole package)."""
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
            sheets: list[SheetData] = []
            try:
                for sheet in workbook.worksheets:
                    sheet.reset_dimensions()
                    rows: list[list[Any]] = []
                    for row in sheet.iter_rows():
                        cells = [c for c in row if getattr(c, "row", None) is not None]
                        if cells:
                            number = cells[0].row
                            while len(rows) < number - 1:
                                rows.append([])
                        rows.append(
                            [
                                CellError(str(c.value))
                                if getattr(c, "data_type", None) == "e" and c.value is not None
                                else c.value
                                for c in row
                            ]
                        )
                    hidden = getattr(sheet, "sheet_state", "visible") != "visible"
                    sheets.append(SheetData(sheet.title, rows, hidden))
            finally:
                workbook.close()
    except Exception as exc:  # openpyxl raises many kinds for broken packages
        log.info("openpyxl could not read %s: %s", path.name, str(exc)[:500])
        raise UnreadableFileError(
            "import_corrupt", path=path.name, reason="import_reason_reader"
        ) from exc
    return sheets


# -- CSV ---------------------------------------------------------------------------------------------


#: The encodings a CSV that is not UTF-8 is looked for in, in this order when they read it alike:
#: those French spreadsheets write (Excel for Windows: Windows-1252; Excel for Mac: Mac Roman;
#: « CSV (MS-DOS) »: code page 850; older Linux tools: ISO-8859-15 and -1). Among every code page
#: the detector knows, French text reads as well in Central European or Baltic ones, and it
#: picks them for short files (« Trčs bien » for « Très bien »).
_CANDIDATES = ("cp1252", "iso8859-15", "mac-roman", "cp850", "iso8859-1")
#: Encodings as named to the user (codecs' own names as keys).
_ENCODING_NAMES = {
    "utf-8": "UTF-8", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
    "cp1252": "Windows-1252", "iso8859-15": "ISO-8859-15", "mac-roman": "Mac Roman",
    "cp850": "DOS 850", "iso8859-1": "ISO-8859-1",
}  # fmt: skip
#: What the detector reads of a file that is not UTF-8: its lines that are not ASCII, this much.
_SAMPLE = 256 * 1024
_NOT_ASCII = re.compile(rb"[\x80-\xff]")
#: The first bytes of what UTF-8 writes for French (and most Latin) text beyond ASCII: U+0080 to
#: U+017F (letters, « », the no-break space) and U+2000 to U+20FF (’ – … €, the narrow no-break
#: space). Bytes of another encoding rarely form these by chance (« É… » in Windows-1252 is
#: valid UTF-8, but for « ɉ »; « ’é » in Mac Roman, for an Armenian letter).
_LATIN_LEADS = (
    b"\xc2", b"\xc3", b"\xc4", b"\xc5", b"\xe2\x80", b"\xe2\x81", b"\xe2\x82", b"\xe2\x83",
)  # fmt: skip
#: Characters that ISO-8859-15's € Š š Ž ž Œ œ Ÿ become when read in Windows-1252 or Latin-1,
#: and the control characters Windows-1252's € ’ … œ become in ISO-8859-15 or -1.
_UNTYPED = re.compile("[\u0080-\u009f\u00a4\u00a6\u00a8\u00b4\u00b8\u00bc-\u00be]")


@dataclass(frozen=True, slots=True)
class _Encoding:
    """How a CSV file's text is read: the codec (as `codecs` names it) and the BOM's length."""

    codec: str
    skip: int = 0

    @property
    def name(self) -> str:
        return _ENCODING_NAMES.get(self.codec, self.codec.upper())


def _encoding(path: Path) -> _Encoding:
    """The file's encoding: its BOM when the bytes agree with it (UTF-16 is recognised without
    one too, by its NUL bytes: `_bomless_utf16`); else UTF-8 when every byte decodes so (one
    pass, in pieces: the detector never reads a UTF-8 file); else what charset-normalizer finds
    among `_CANDIDATES` and the whole file decodes in strictly.

    Nothing is ever read as « � »: a file that decodes in none, or that is UTF-8 but for some
    bytes of another encoding (any one reading would get part of it wrong), is refused with its
    first undecodable line. A NUL character anywhere is refused too: no spreadsheet writes one,
    and PostgreSQL refuses them in text."""
    with path.open("rb") as handle:
        head = handle.read(65536)
    if head.startswith(codecs.BOM_UTF8):
        codec, skip = "utf-8", len(codecs.BOM_UTF8)
    elif head.startswith(codecs.BOM_UTF16_LE):
        codec, skip = "utf-16-le", 2
    elif head.startswith(codecs.BOM_UTF16_BE):
        codec, skip = "utf-16-be", 2
    else:
        codec, skip = _bomless_utf16(head) or "utf-8", 0
    failure = _check(path, codec, skip)
    if failure is None:
        return _Encoding(codec, skip)
    if codec != "utf-8":  # UTF-16: no 8-bit encoding reads text with a NUL every other byte
        raise _undecodable(path, _Encoding(codec, skip), failure)
    # Not UTF-8 (some tools write a UTF-8 BOM over Windows-1252 bytes, too).
    latin, undecodable, sample = _survey(path, skip)
    if latin * 9 >= undecodable:  # a tenth or more of what is not ASCII is UTF-8's
        where = _where(path, _Encoding("utf-8", skip), failure)
        raise UnreadableFileError("import_csv_mixed_encoding", **where)
    tried = [_Encoding(codec, skip) for codec in _detected(sample)]
    failures = []
    for encoding in tried:
        failed = _check(path, encoding.codec, encoding.skip)
        if failed is None:
            return encoding
        failures.append(failed)
    # Named as the detector's first choice (Windows-1252 when it had none) reads it.
    raise _undecodable(path, tried[0], failures[0])


#: Where the first bytes an encoding does not decode are in a file, and how many they are.
_Failure = tuple[int, int]


def _failure(exc: UnicodeDecodeError, end: int) -> _Failure:
    """The failure of a decoder that had read the file up to `end` (its `object` is what it
    held: the bytes it kept from the block before, and this block)."""
    return end - len(exc.object) + exc.start, exc.end - exc.start


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _bomless_utf16(head: bytes) -> str | None:
    """The codec, "utf-16-le" or "utf-16-be", when the file's first bytes are text in it without
    a BOM (some exports write none): half its characters or more in the Latin range (a NUL byte
    each), every byte decoding, line breaks and no control character. A UTF-8 file with a NUL
    character, or a binary file, is none of these."""
    if b"\x00" not in head:
        return None
    even = head[: len(head) // 2 * 2]
    for codec, high_bytes in (("utf-16-le", even[1::2]), ("utf-16-be", even[0::2])):
        if high_bytes.count(0) * 2 < len(high_bytes):
            continue
        try:
            text = codecs.getincrementaldecoder(codec)().decode(even)  # may end inside a pair
        except UnicodeDecodeError:
            continue
        if ("\n" in text or "\r" in text) and _CONTROLS.search(text) is None:
            return codec
    return None


def _check(path: Path, codec: str, skip: int) -> _Failure | None:
    """One pass over the file: NUL characters refused with their line, and where the first bytes
    the codec does not decode are (None when it decodes them all). Past them, UTF-8 is no longer
    decoded (the NUL check goes on)."""
    with path.open("rb") as handle:
        handle.seek(skip)
        wide = codec != "utf-8"
        decoder = codecs.getincrementaldecoder(codec)()
        lines = 1
        at = skip
        failure: _Failure | None = None
        for block in iter(lambda: handle.read(_CHUNK), b""):
            at += len(block)
            if wide:
                try:
                    text = decoder.decode(block)
                except UnicodeDecodeError as exc:
                    return _failure(exc, at)
                nul = text.find("\x00")
                if nul >= 0:
                    raise _nul(path, lines + text.count("\n", 0, nul))
                lines += text.count("\n")
                continue
            nul = block.find(b"\x00")
            if nul >= 0:
                raise _nul(path, lines + block.count(b"\n", 0, nul))
            lines += block.count(b"\n")
            if failure is None:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError as exc:
                    failure = _failure(exc, at)
        if failure is None:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                failure = _failure(exc, at)
    return failure


def _survey(path: Path, skip: int) -> tuple[int, int, bytes]:
    """For a file that is not UTF-8: how many characters UTF-8 reads in it as Latin letters and
    punctuation, how many bytes it cannot decode, and a sample of its lines that are not ASCII
    (a few KiB around each, `_SAMPLE` in all) for the detector."""
    latin = undecodable = 0
    sample = bytearray()
    # What UTF-8 decodes, re-encoded without what it could not: the bytes it could not are
    # those missing, and the characters are counted by their first bytes (C speed, no regex).
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    with path.open("rb") as handle:
        handle.seek(skip)
        for block in iter(lambda: handle.read(_CHUNK), b""):
            valid = decoder.decode(block).encode("utf-8", "ignore")
            latin += sum(valid.count(lead) for lead in _LATIN_LEADS)
            undecodable += len(block) - len(valid)
            found = _NOT_ASCII.search(block)
            while found is not None and len(sample) < _SAMPLE:
                at = found.start()
                start = max(block.rfind(b"\n", 0, at) + 1, at - 2048)
                end = block.find(b"\n", at)
                end = min(end if end >= 0 else len(block), at + 2048)
                sample += block[start:end] + b"\n"
                found = _NOT_ASCII.search(block, end)
        undecodable -= len(decoder.decode(b"", final=True).encode("utf-8", "ignore"))
    return latin, undecodable, bytes(sample)


def _detected(sample: bytes) -> list[str]:
    """The codecs to try, likeliest first: charset-normalizer's matches among `_CANDIDATES`, then
    Windows-1252. ISO-8859-1 decodes any byte: it is tried only as the detector's first choice,
    never to fall back on."""
    from charset_normalizer import from_bytes

    order = {codec: rank for rank, codec in enumerate(_CANDIDATES)}
    found: list[str] = []
    for match in from_bytes(sample, cp_isolation=list(_CANDIDATES)):
        # Encodings that read the sample alike come together: the likeliest of them.
        alike = {codecs.lookup(c).name for c in [match.encoding, *match.could_be_from_charset]}
        found.append(min(alike & order.keys(), key=order.__getitem__, default=match.encoding))
    # On a few lines the detector finds « 1 000 ¤ » (Windows-1252) as likely as « 1 000 € »
    # (ISO-8859-15): the one with fewer characters nobody types comes first.
    found.sort(key=lambda codec: len(_UNTYPED.findall(sample.decode(codec, "ignore"))))
    tried = [c for i, c in enumerate(found) if c != "iso8859-1" or i == 0] + ["cp1252"]
    return list(dict.fromkeys(codecs.lookup(c).name for c in tried))


def _where(path: Path, encoding: _Encoding, failure: _Failure) -> dict[str, object]:
    """The parameters of a refusal for the bytes the encoding does not decode (though it decodes
    every byte before them): the file, their line, how many they are, they in hexadecimal, and
    the text around them with the bytes shown as `[0x92]`."""
    offset, length = failure
    decoder = codecs.getincrementaldecoder(encoding.codec)()
    lines, tail = 1, ""
    with path.open("rb") as handle:
        handle.seek(encoding.skip)
        remaining = offset - encoding.skip
        while remaining > 0:
            block = handle.read(min(_CHUNK, remaining))
            remaining -= len(block)
            text = tail + decoder.decode(block)
            lines += text.count("\n", len(tail))
            tail = text[text.rfind("\n") + 1 :][-40:]
        bad = handle.read(min(length, 4))
        rest = handle.read(160).split(b"\n")[0]
    after = rest.decode(encoding.codec, "backslashreplace")[:40]
    byte = " ".join(f"0x{b:02X}" for b in bad)
    excerpt = f"{tail}[{byte}]{after}".strip()
    return {"path": path.name, "line": lines, "bytes": len(bad), "byte": byte, "excerpt": excerpt}


def _undecodable(path: Path, encoding: _Encoding, failure: _Failure) -> UnreadableFileError:
    return UnreadableFileError(
        "import_csv_undecodable", encoding=encoding.name, **_where(path, encoding, failure)
    )


def _nul(path: Path, line: int) -> UnreadableFileError:
    return UnreadableFileError("import_csv_nul", path=path.name, line=line)


def _delimiter(text: str) -> str:
    sample = text[:65536]
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1
    for candidate in (";", ",", "\t", "|"):
        counts = [line.count(candidate) for line in lines]
        # The delimiter appears the same number of times on most lines, and at least once.
        score = max(counts[0], 0) * 10 + sum(1 for c in counts if c == counts[0] and c > 0)
        if counts[0] and score > best_score:
            best, best_score = candidate, score
    return best


_MEMO_SIZE = 1 << 20


def _read_csv(path: Path, encoding: _Encoding, limits: Limits) -> list[list[Any]]:
    """The rows of a CSV file, streamed: the text is never held whole (a 432 MB file once took
    3.1 GB). Rows past Excel's, columns past Excel's, cells past the import's, a cell longer than
    the limit and NUL characters are refused, each with its own message. The text is decoded
    strictly: `_encoding` has checked that every byte decodes."""
    with path.open("rb") as raw:
        raw.seek(encoding.skip)
        # Not final: the sample may end inside a character.
        sample = codecs.getincrementaldecoder(encoding.codec)().decode(raw.read(65536))
        delimiter = _delimiter(sample)
        raw.seek(encoding.skip)
        text = io.TextIOWrapper(raw, encoding=encoding.codec, newline="")
        csv.field_size_limit(limits.max_cell_chars)
        rows: list[list[Any]] = []
        cells = 0
        # One string object for each cell text met again (statuses, funders, regions: a third of
        # the memory of the national projects sheet), through C-level map() calls.
        same: dict[str, str] = {}
        remember, recall = same.setdefault, same.get
        try:
            for row in csv.reader(text, delimiter=delimiter):
                width = len(row)
                cells += width
                if width > limits.max_columns:
                    raise UnreadableFileError(
                        "import_sheet_too_many_columns", path=path.name, columns=width,
                        limit=limits.max_columns,
                    )  # fmt: skip
                if len(rows) >= limits.max_rows:
                    raise UnreadableFileError(
                        "import_sheet_too_many_rows", path=path.name, rows=len(rows) + 1,
                        limit=limits.max_rows,
                    )  # fmt: skip
                if cells > limits.max_cells:
                    raise UnreadableFileError(
                        "import_sheet_too_large_unknown", path=path.name, limit=limits.max_cells
                    )
                rows.append(list(map(remember if len(same) < _MEMO_SIZE else recall, row, row)))
        except UnicodeDecodeError as exc:  # the file changed since `_encoding` read it
            raise UnreadableFileError(
                "import_corrupt", path=path.name, reason="import_reason_csv"
            ) from exc
        except csv.Error as exc:
            # The csv module says which error only in words: this one is the cell size limit.
            if "field larger than field limit" in str(exc):
                raise UnreadableFileError(
                    "import_cell_too_large", path=path.name, limit=limits.max_cell_chars
                ) from exc
            log.info("unreadable CSV %s: %s", path.name, exc)
            raise UnreadableFileError(
                "import_corrupt", path=path.name, reason="import_reason_csv"
            ) from exc
    return rows
