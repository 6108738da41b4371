"""Reading a workbook safely: .xlsx, .xlsm, .xls, .ods and .csv, recognised by content.

python-calamine is the reader (fast, Rust); openpyxl reads the few .xlsx files calamine refuses.
Before calamine touches a zip package, every XML part is inflated once here, in bounded chunks,
to check what a hostile file could do to it: entries that inflate far beyond their size (zip
bombs, including sizes that lie), DTDs and entity declarations (entity bombs), and cells placed
so far away that calamine would allocate gigabytes for the rectangle they span (calamine aborts
the process when such an allocation fails, so this must be caught before). A `<dimension>` that
claims a million rows is not trusted either way: gnumeric writes `A1:XFD1048576` on every sheet,
and calamine sizes its grid by the cells it finds, so the cells are what is checked. Encrypted, truncated,
empty and disguised files get a specific `KnownError` code.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import html
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import KnownError
from ..progress import Progress


class UnreadableFileError(KnownError):
    """The file cannot be read safely; nothing was written. The code says why."""

    code = "import_corrupt"


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
    #: The rectangle a sheet's cells span (what calamine allocates, 32 bytes a cell).
    max_cells: int = 30_000_000


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

    def sheet(self, name: str) -> SheetData:
        return next(s for s in self.sheets if s.name == name)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20
_ENTITY = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_WIDE_COLUMN = re.compile(rb'r="([A-Za-z]{2,3})\d+"[^>/]*>')
# Cells that hold something (`<c r="A1048576" s="0"/>`, as gnumeric pads sheets, holds nothing).
_ROWS_PAST = tuple(re.compile(rb'r="[A-Za-z]{1,3}\d{%d,}"[^>/]*>' % n) for n in (5, 6, 7))
_ROW_NUMBER = re.compile(rb'r="[A-Za-z]{1,3}(\d+)"[^>/]*>')
_DATE1904 = re.compile(rb"date1904\s*=\s*\"(?:1|true)\"", re.IGNORECASE)
EXCEL_MAX_ROWS = 1_048_576


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
        raise UnreadableFileError("import_corrupt", path=path.name, detail="zip")
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
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
                mimetype = archive.read(names["mimetype"])[:100]
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
            if any(n.startswith(("word/", "ppt/")) for n in names):
                raise UnreadableFileError("import_not_spreadsheet", path=path.name)
            raise UnreadableFileError("import_corrupt", path=path.name, detail="no workbook part")
    except zipfile.BadZipFile as exc:
        raise UnreadableFileError("import_corrupt", path=path.name, detail=str(exc)) from exc


# -- the zip guard -----------------------------------------------------------------------------------


def _inflate(handle: Any, info: zipfile.ZipInfo, limits: Limits, name: str) -> Iterator[bytes]:
    """The entry's bytes in chunks, never more than it declares (a lying size is a bomb)."""
    handle.seek(info.header_offset)
    header = handle.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise UnreadableFileError("import_corrupt", path=name, detail=info.filename)
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
        raise UnreadableFileError(
            "import_corrupt", path=name, detail=f"compression {info.compress_type}"
        )
    pending = b""
    while remaining > 0 or pending:
        if not pending:
            block = handle.read(min(_CHUNK // 4, remaining))
            if not block:
                raise UnreadableFileError("import_corrupt", path=name, detail="truncated")
            remaining -= len(block)
        else:
            block, pending = pending, b""
        if inflater is None:
            out = block
        else:
            try:
                out = inflater.decompress(block, _CHUNK)
            except zlib.error as exc:
                raise UnreadableFileError("import_corrupt", path=name, detail=str(exc)) from exc
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
        raise UnreadableFileError("import_corrupt", path=name, detail=f"{info.filename}: checksum")


def _is_xml_part(filename: str) -> bool:
    lowered = filename.lower()
    return lowered.endswith((".xml", ".rels", ".vml"))


def guard_zip(
    path: Path,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    *,
    parse: Callable[[str], None] | None = None,
) -> bool:
    """Checks a zip package before any reader opens it; returns the workbook's 1904 flag.

    With `parse`, an .xlsx package is checked in an order that lets its sheets be read while
    the rest is still being checked: every part but the worksheets first (the workbook, shared
    strings, styles: what calamine reads on opening), then each worksheet, and `parse(sheet
    name)` is called once that sheet's own part has passed. A sheet whose part cannot be told
    is left to the caller, once everything has passed."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise UnreadableFileError("import_corrupt", path=name, detail=str(exc)) from exc
    with archive, path.open("rb") as handle:
        infos = archive.infolist()
        if len(infos) > limits.max_entries:
            raise UnreadableFileError("import_zip_bomb", path=name, entry=f"{len(infos)} entries")
        total = 0
        for info in infos:
            total += info.file_size
            ratio_ok = (
                info.file_size <= limits.ratio_floor_bytes
                or info.file_size <= limits.max_ratio * max(info.compress_size, 1)
            )
            if info.file_size > limits.max_entry_bytes or not ratio_ok:
                raise UnreadableFileError("import_zip_bomb", path=name, entry=info.filename)
        if total > limits.max_total_bytes:
            raise UnreadableFileError("import_zip_bomb", path=name, entry="total")
        xml_parts = [i for i in infos if _is_xml_part(i.filename) and not i.is_dir()]
        scan = _Scan(handle, limits, name, sum(i.compress_size for i in xml_parts), progress)
        if parse is None:
            for info in xml_parts:
                scan.part(info)
            return scan.date1904
        sheets = [i for i in xml_parts if _is_worksheet(i.filename)]
        for info in xml_parts:
            if not _is_worksheet(info.filename):
                scan.part(info)
        # The workbook and its relationships have passed: they can be read to name the parts.
        parts = _sheet_parts(archive)
        by_part = {i.filename: i for i in sheets}
        for sheet, part in sorted(parts.items(), key=lambda p: -by_part[p[1]].file_size):
            scan.part(by_part[part])
            parse(sheet)
        named = set(parts.values())
        for info in sheets:
            if info.filename not in named:
                scan.part(info)
    return scan.date1904


class _Scan:
    """The zip guard's check of XML parts, one by one, with its progress."""

    def __init__(
        self, handle: Any, limits: Limits, name: str, work: int, progress: Progress | None
    ) -> None:
        self.handle, self.limits, self.name, self.progress = handle, limits, name, progress
        self.work = work or 1
        self.done = 0
        self.date1904 = False

    def part(self, info: zipfile.ZipInfo) -> None:
        self.date1904 = _scan_part(self.handle, info, self.limits, self.name) or self.date1904
        self.done += info.compress_size
        if self.progress is not None:
            self.progress.report(0.15 * self.done / self.work, "import_checking")
            self.progress.check()


def _is_worksheet(filename: str) -> bool:
    lowered = filename.replace("\\", "/").lower()
    return lowered.startswith("xl/worksheets/") and lowered.endswith(".xml")


_RELATIONSHIP = re.compile(r'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"')
_RELATIONSHIP_REVERSED = re.compile(r'<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"')
_SHEET = re.compile(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"')


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its worksheet part's name in the package, for the sheets this can tell
    (read from the workbook part and its relationships, which the guard has already checked)."""
    try:
        book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}
    targets = {m.group(1): m.group(2) for m in _RELATIONSHIP.finditer(rels)}
    targets.update({m.group(2): m.group(1) for m in _RELATIONSHIP_REVERSED.finditer(rels)})
    names = {i.filename.lower(): i.filename for i in archive.infolist()}
    found: dict[str, str] = {}
    for m in _SHEET.finditer(book):
        target = targets.get(m.group(2), "")
        wanted = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        part = names.get(wanted.lower())
        if part is not None and _is_worksheet(part):
            found[html.unescape(m.group(1))] = part
    return found


def _scan_part(handle: Any, info: zipfile.ZipInfo, limits: Limits, name: str) -> bool:
    """Inflates one XML part, checking for DTDs and for cells so far apart that the rectangle
    they span (what calamine allocates) would be huge.

    Columns past Z are collected exactly; for rows, a cheap search notes whether any cell holding
    something sits past row 9,999, 99,999 or 999,999, and only when that bound times the columns
    exceeds the limit is the exact farthest row found (a second pass, for very wide sheets).
    Self-closed cells (`<c r="A1048576" s="0"/>`, as gnumeric pads its sheets) hold nothing.
    """
    first = True
    tail = b""
    wide_columns: set[bytes] = set()
    seen = [False, False, False]  # a cell past row 9,999 / 99,999 / 999,999
    date1904 = False
    is_workbook = info.filename.replace("\\", "/").lower().endswith("workbook.xml")
    for chunk in _inflate(handle, info, limits, name):
        if first:
            first = False
            if _ENTITY.search(chunk, 0, 65536):
                raise UnreadableFileError("import_xml_entities", path=name, entry=info.filename)
            if is_workbook and _DATE1904.search(chunk):
                date1904 = True
        buffer = tail + chunk
        wide_columns.update(_WIDE_COLUMN.findall(buffer))
        for index, pattern in enumerate(_ROWS_PAST):
            if not seen[index] and pattern.search(buffer):
                seen[index] = True
        tail = buffer[-64:]
    columns = max((column_number(c.decode()) for c in wide_columns), default=26)
    bound = 10_000_000 if seen[2] else 999_999 if seen[1] else 99_999 if seen[0] else 9_999
    if bound * columns > limits.max_cells or bound > EXCEL_MAX_ROWS:
        rows = _farthest_row(handle, info, limits, name)
        if rows * columns > limits.max_cells or rows > EXCEL_MAX_ROWS:
            raise UnreadableFileError(
                "import_sheet_too_large", path=name, rows=rows, columns=columns,
                limit=limits.max_cells,
            )  # fmt: skip
    return date1904


def _farthest_row(handle: Any, info: zipfile.ZipInfo, limits: Limits, name: str) -> int:
    farthest = 0
    tail = b""
    for chunk in _inflate(handle, info, limits, name):
        buffer = tail + chunk
        for value in _ROW_NUMBER.findall(buffer):
            farthest = max(farthest, int(value))
        tail = buffer[-64:]
    return farthest


# -- readers -----------------------------------------------------------------------------------------


def read_workbook(
    path: str | Path, *, progress: Progress | None = None, limits: Limits = DEFAULT_LIMITS
) -> WorkbookData:
    """Reads every worksheet of the file (hidden ones flagged, chart sheets left out)."""
    path = Path(path)
    kind = sniff(path, limits)
    size = path.stat().st_size
    digest = file_digest(path)
    if progress is not None:
        progress.report(0.02, "import_reading")
    if kind == "csv":
        sheets = [SheetData(path.stem[:31] or "CSV", _read_csv(path, limits))]
        return WorkbookData(path, kind, sheets, digest, size, "csv")
    date1904 = False
    try:
        if kind in {"xlsx", "xlsm"}:
            date1904, sheets = _guard_and_read(path, kind, limits, progress)
        else:
            if kind == "ods":
                date1904 = guard_zip(path, limits, progress)
            sheets = _read_calamine(path, kind, progress)
        reader = "calamine"
    except UnreadableFileError:
        raise
    except Exception as exc:  # calamine's own error types, from a Rust library
        message = str(exc)
        if type(exc).__name__ == "PasswordError" or "password" in message.lower():
            raise UnreadableFileError("import_encrypted", path=path.name) from exc
        if "cell limit" in message.lower():
            raise UnreadableFileError(
                "import_sheet_too_large", path=path.name, rows="?", columns="?",
                limit=limits.max_cells,
            ) from exc  # fmt: skip
        if kind not in {"xlsx", "xlsm"}:
            raise UnreadableFileError(
                "import_corrupt", path=path.name, detail=message[:200]
            ) from exc
        sheets = _read_openpyxl(path, message)
        reader = "openpyxl"
    if progress is not None:
        progress.report(0.4, "import_reading")
    return WorkbookData(path, kind, sheets, digest, size, reader, date1904)


def _read_calamine(path: Path, kind: str, progress: Progress | None) -> list[SheetData]:
    """Every worksheet as rows (.ods, .xls and packages the guard has checked)."""
    with _Sheets(path, kind, progress) as sheets:
        for name in sheets.names:
            sheets.parse(name)
        return sheets.collect()


def _guard_and_read(
    path: Path, kind: str, limits: Limits, progress: Progress | None
) -> tuple[bool, list[SheetData]]:
    """An .xlsx package checked and read at once: each sheet is parsed as soon as its part has
    passed the guard, while the guard goes on with the next (two cores at work)."""
    with _Sheets(path, kind, progress) as sheets:
        date1904 = guard_zip(path, limits, progress, parse=sheets.parse)
        return date1904, sheets.collect()


class _Sheets:
    """Worksheets parsed two at a time, each by its own calamine workbook: calamine's parse lets
    go of the interpreter, so a workbook's projects and funding-lines sheets are read side by
    side (and beside the zip guard), and only the conversion to Python values takes turns."""

    def __init__(self, path: Path, kind: str, progress: Progress | None) -> None:
        from python_calamine import SheetTypeEnum, SheetVisibleEnum

        self.path, self.kind, self.progress = path, kind, progress
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="calamine")
        self.jobs: dict[str, Future[list[list[Any]]]] = {}
        self.metadata: list[Any] = []
        self._visible = SheetVisibleEnum.Visible
        self._worksheet = SheetTypeEnum.WorkSheet

    def __enter__(self) -> _Sheets:
        if self.kind not in {"xlsx", "xlsm"}:
            self._load_metadata()
        return self

    def _load_metadata(self) -> None:
        with _open_calamine(self.path, self.kind) as workbook:
            self.metadata = [m for m in workbook.sheets_metadata if m.typ == self._worksheet]

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.metadata]

    def parse(self, name: str) -> None:
        if name not in self.jobs:
            self.jobs[name] = self.pool.submit(_parse_sheet, self.path, self.kind, name)

    def collect(self) -> list[SheetData]:
        if not self.metadata:
            self._load_metadata()
        for name in self.names:
            self.parse(name)
        rows_of: dict[str, list[list[Any]]] = {}
        for done, name in enumerate(self.names, start=1):
            rows_of[name] = self.jobs[name].result()
            if self.progress is not None:
                self.progress.report(0.15 + 0.25 * done / len(self.metadata), "import_reading")
                self.progress.check()
        return [
            SheetData(m.name, rows_of[m.name], m.visible != self._visible) for m in self.metadata
        ]

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


def _parse_sheet(path: Path, kind: str, name: str) -> list[list[Any]]:
    with _open_calamine(path, kind) as workbook:
        rows: list[list[Any]] = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        return rows


def _read_openpyxl(path: Path, calamine_message: str) -> list[SheetData]:
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
                        rows.append([c.value for c in row])
                    hidden = getattr(sheet, "sheet_state", "visible") != "visible"
                    sheets.append(SheetData(sheet.title, rows, hidden))
            finally:
                workbook.close()
    except Exception as exc:  # openpyxl raises many kinds for broken packages
        raise UnreadableFileError(
            "import_corrupt", path=path.name, detail=f"{calamine_message[:120]}; {str(exc)[:120]}"
        ) from exc
    return sheets


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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


def _read_csv(path: Path, limits: Limits) -> list[list[Any]]:
    text = _decode(path.read_bytes())
    delimiter = _delimiter(text)
    csv.field_size_limit(4 * 2**20)
    rows: list[list[Any]] = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            cells += len(row)
            if cells > limits.max_cells or len(rows) >= EXCEL_MAX_ROWS:
                raise UnreadableFileError(
                    "import_sheet_too_large", path=path.name, rows=len(rows), columns=len(row),
                    limit=limits.max_cells,
                )  # fmt: skip
            rows.append(row)
    except csv.Error as exc:
        raise UnreadableFileError("import_corrupt", path=path.name, detail=str(exc)) from exc
    return rows
