"""Reading files safely: every edge file of the corpus is read or refused with a specific message,
and hostile files (zip bombs, entity bombs, far-away cells, disguised files) are refused within
seconds, in bounded memory, before calamine touches them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from portfolio_desktop import messages
from portfolio_desktop.errors import KnownError
from portfolio_desktop.services.excel_import.reader import Limits, guard_zip, read_workbook

from ..conftest import CORPUS, corpus

#: Edge files the reader refuses, and why (every other one is read).
REFUSED = {
    "calamine/pass_protected.xlsx": "import_encrypted",
    "exceldatareader/agile_AES256_SHA512_CBC_pwd_password.xlsx": "import_encrypted",
    "exceldatareader/standard_AES128_SHA1_ECB_pwd_password.xlsx": "import_encrypted",
    "excelize/encryptSHA1.xlsx": "import_encrypted",
    "exceldatareader/EmptyZipFile.xlsx": "import_corrupt",
    "openpyxl/null_archive.xlsx": "import_corrupt",
    "openpyxl/null_file.xlsx": "import_file_empty",
}


def edge_files() -> list[str]:
    folder = CORPUS / "xlsx_edge"
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.glob("*/*.xls*"))


@pytest.mark.parametrize("name", edge_files())
def test_every_edge_file_is_read_or_refused_with_a_reason(name: str) -> None:
    path = corpus("xlsx_edge", name)
    if name in REFUSED:
        with pytest.raises(KnownError) as caught:
            read_workbook(path)
        assert caught.value.code == REFUSED[name]
        text = messages.text(caught.value.code, caught.value.params)
        assert path.name in text and not text.startswith("import_")
    else:
        workbook = read_workbook(path)
        assert workbook.file_kind in {"xlsx", "xlsm"}
        assert all(isinstance(s.rows, list) for s in workbook.sheets)


def test_calamine_failures_fall_back_to_openpyxl() -> None:
    workbook = read_workbook(
        corpus("xlsx_edge", "exceldatareader", "Test_git_issue_68_NullSheetPath.xlsm")
    )
    assert workbook.reader == "openpyxl"
    assert workbook.file_kind == "xlsm"


def test_rows_are_numbered_as_the_spreadsheet_numbers_them() -> None:
    workbook = read_workbook(corpus("xlsx_edge", "calamine", "header-row.xlsx"))
    rows = workbook.sheets[0].rows
    assert rows[2][2] == "Note 1"  # C3
    assert rows[8][:2] == ["Columns", "Column A"]  # row 9


def test_1904_workbooks_are_recognised() -> None:
    assert read_workbook(corpus("xlsx_edge", "calamine", "date_1904.xlsx")).date1904
    assert not read_workbook(corpus("xlsx_edge", "calamine", "date.xlsx")).date1904


def test_gnumeric_full_sheet_dimension_is_not_mistaken_for_a_bomb() -> None:
    # gnumeric writes <dimension ref="A1:XFD1048576"/> and styled empty cells down to row 1048576.
    workbook = read_workbook(corpus("xlsx_edge", "calamine", "issue_174.xlsx"))
    assert len(workbook.sheets[0].rows) < 100


def small_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Référence", "Acronyme"])
    sheet.append(["P1", "ALPHA"])
    book.save(path)
    return path


def rewrite(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(source) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, change(name, data))
    return target


def in_sheet(change):  # type: ignore[no-untyped-def]
    return lambda name, data: change(data) if name.endswith("sheet1.xml") else data


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return small_workbook(tmp_path / "small.xlsx")


def test_a_far_away_cell_is_refused_before_calamine_allocates_the_grid(
    small: Path, tmp_path: Path
) -> None:
    # Without the guard calamine would allocate 1,048,576 × 16,384 cells and abort the process.
    far = rewrite(
        small,
        tmp_path / "far.xlsx",
        in_sheet(
            lambda d: d.replace(
                b"</sheetData>",
                b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>',
            )
        ),
    )
    with pytest.raises(KnownError) as caught:
        read_workbook(far)
    assert caught.value.code == "import_sheet_too_large"


def test_a_dimension_claiming_a_million_rows_is_read_as_what_it_holds(
    small: Path, tmp_path: Path
) -> None:
    claims = rewrite(
        small,
        tmp_path / "claims.xlsx",
        in_sheet(lambda d: d.replace(b'<dimension ref="A1:B2"', b'<dimension ref="A1:XFD1048576"')),
    )
    started = time.perf_counter()
    workbook = read_workbook(claims)
    assert time.perf_counter() - started < 2
    assert workbook.sheets[0].rows == [["Référence", "Acronyme"], ["P1", "ALPHA"]]


ENTITIES = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i > 1 else b"&lol;" * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def test_an_entity_bomb_is_refused(small: Path, tmp_path: Path) -> None:
    bomb = rewrite(
        small,
        tmp_path / "entities.xlsx",
        in_sheet(lambda d: ENTITIES + d[d.index(b"<worksheet") :].replace(b"P1", b"&lol9;")),
    )
    with pytest.raises(KnownError) as caught:
        read_workbook(bomb)
    assert caught.value.code == "import_xml_entities"


def three_sheets(path: Path) -> Path:
    """Sheets of different sizes, one of them named with characters XML escapes."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Petit"
    first.append(["Référence"])
    for title, rows in (("Grand & <large>", 400), ("Moyen", 40)):
        sheet = book.create_sheet(title)
        sheet.append(["Référence", "Acronyme"])
        for number in range(rows):
            sheet.append([f"P{number}", f"A{number}"])
    book.save(path)
    return path


def test_each_sheet_is_handed_to_the_reader_once_its_own_part_has_passed(
    tmp_path: Path,
) -> None:
    """The guard checks the shared parts first, then each worksheet, largest first, and only
    then lets that sheet be parsed (side by side with the check of the next)."""
    book = three_sheets(tmp_path / "three.xlsx")
    handed: list[str] = []
    guard_zip(book, parse=handed.append)
    assert handed == ["Grand & <large>", "Moyen", "Petit"]
    # A bomb in the second largest sheet: the largest was handed over, the bomb never was.
    bomb = rewrite(
        book,
        tmp_path / "bomb.xlsx",
        lambda name, data: (
            ENTITIES + data[data.index(b"<worksheet") :] if name.endswith("sheet3.xml") else data
        ),
    )
    handed.clear()
    with pytest.raises(KnownError) as caught:
        guard_zip(bomb, parse=handed.append)
    assert caught.value.code == "import_xml_entities"
    assert handed == ["Grand & <large>"]
    with pytest.raises(KnownError) as caught:
        read_workbook(bomb)
    assert caught.value.code == "import_xml_entities"
    # Read side by side, the sheets come back in the workbook's order with all their rows.
    workbook = read_workbook(book)
    assert [(s.name, len(s.rows)) for s in workbook.sheets] == [
        ("Petit", 1), ("Grand & <large>", 401), ("Moyen", 41)
    ]  # fmt: skip
    assert workbook.sheets[1].rows[400] == ["P399", "A399"]


def make_zip_bomb(small: Path, target: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(small) as archive:
        parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            if not name.endswith("sheet1.xml"):
                out.writestr(name, data)
                continue
            cut = data.index(b"</sheetData>")
            with out.open(name, "w", force_zip64=True) as handle:
                handle.write(data[:cut])
                blank = b" " * 2**20
                for _ in range(megabytes):
                    handle.write(blank)
                handle.write(data[cut:])
    return target


def test_a_zip_bomb_is_refused(small: Path, tmp_path: Path) -> None:
    bomb = make_zip_bomb(small, tmp_path / "bomb.xlsx", 400)
    assert bomb.stat().st_size < 2 * 2**20  # 400 MB of XML in under 2 MB
    started = time.perf_counter()
    with pytest.raises(KnownError) as caught:
        read_workbook(bomb)
    assert caught.value.code == "import_zip_bomb"
    assert time.perf_counter() - started < 2


def test_a_zip_bomb_that_lies_about_its_size_is_refused(small: Path, tmp_path: Path) -> None:
    """The central directory says 4 KB; the entry inflates to 64 MB (the bytes are what count)."""
    bomb = make_zip_bomb(small, tmp_path / "honest.xlsx", 64)
    data = bytearray(bomb.read_bytes())
    with zipfile.ZipFile(bomb) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    real = info.file_size
    # Patch the sizes in the local header's zip64 extra and in the central directory's.
    lie = (4096).to_bytes(8, "little")
    count = 0
    start = 0
    while (index := data.find(real.to_bytes(8, "little"), start)) >= 0:
        data[index : index + 8] = lie
        start = index + 8
        count += 1
    assert count >= 1
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(data))
    with pytest.raises(KnownError) as caught:
        read_workbook(liar)
    assert caught.value.code in {"import_zip_bomb", "import_corrupt"}


def test_hostile_files_are_refused_in_bounded_memory(small: Path, tmp_path: Path) -> None:
    """Measured in a child process: peak memory stays far below what the bombs would take."""
    bomb = make_zip_bomb(small, tmp_path / "bomb.xlsx", 400)
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc/self/status (Linux)")
    # VmHWM, the child's own high-water mark (ru_maxrss would carry the forking parent's); the
    # guard runs in that process (isolated=False), not in a reading process of its own.
    code = (
        "import sys\n"
        "from portfolio_desktop.services.excel_import.reader import read_workbook\n"
        "from portfolio_desktop.errors import KnownError\n"
        "try:\n    read_workbook(sys.argv[1], isolated=False)\n"
        "except KnownError as e:\n    print(e.code)\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(int(hwm.split()[1]) // 1024)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, timeout=60
    )
    code_line, peak_mb = result.stdout.split()
    assert code_line == "import_zip_bomb"
    assert int(peak_mb) < 300, result.stdout


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.4 ...", "import_not_spreadsheet"),
        (
            b"<html><body><table><tr><td>1</td></tr></table></body></html>",
            "import_html_spreadsheet",
        ),
        (b"PK\x03\x04truncated", "import_corrupt"),
        (b"", "import_file_empty"),
    ],
)
def test_disguised_and_broken_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "file.xlsx"
    path.write_bytes(content)
    with pytest.raises(KnownError) as caught:
        read_workbook(path)
    assert caught.value.code == code


def test_a_truncated_workbook_is_refused(small: Path, tmp_path: Path) -> None:
    data = small.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(KnownError) as caught:
        read_workbook(cut)
    assert caught.value.code == "import_corrupt"


def test_a_csv_renamed_xlsx_is_read_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "projets.xlsx"
    path.write_bytes("Référence;Acronyme;Budget total\nP1;ALPHA;1 300 000,50\n".encode("cp1252"))
    workbook = read_workbook(path)
    assert workbook.file_kind == "csv"
    assert workbook.sheets[0].rows == [
        ["Référence", "Acronyme", "Budget total"],
        ["P1", "ALPHA", "1 300 000,50"],
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = tmp_path / "f.csv"
    text = delimiter.join(["Intitulé", "Référence"]) + "\n" + delimiter.join(["Été", "R-1"]) + "\n"
    path.write_bytes(text.encode(encoding))
    assert read_workbook(path).sheets[0].rows == [["Intitulé", "Référence"], ["Été", "R-1"]]


def test_an_xls_renamed_xlsx_is_read_as_xls(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = small_workbook(tmp_path / "source.xlsx")
    out = tmp_path / "out"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "xls", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    renamed = tmp_path / "renamed.xlsx"
    (out / "source.xls").rename(renamed)
    workbook = read_workbook(renamed)
    assert workbook.file_kind == "xls"
    assert workbook.sheets[0].rows[1] == ["P1", "ALPHA"]


# -- issue 17: cells placed by counting, parts of any name, the whole package bounded ---------------

FAR = b"XFD1048576"


@pytest.mark.parametrize(
    "cell",
    [
        b"<c r='%s'><v>1</v></c>" % FAR,  # single quotes
        b'<c r = "%s"><v>1</v></c>' % FAR,  # spaces around =
        b'<c r="%s"><v>1</v></c>' % FAR.lower(),  # lower case, as calamine accepts it
        b'<c t="n" r="%s"><v>1</v></c>' % FAR,  # the reference not first
        b'<x:c r="%s"><x:v>1</x:v></x:c>' % FAR,  # a namespace prefix
        b'<c s="1"\n   r="%s"><v>1</v></c>' % FAR,  # a new line between attributes
    ],
)
def test_a_far_cell_written_any_way_calamine_reads_it_is_refused(
    tmp_path: Path, cell: bytes
) -> None:
    from . import hostile_workbooks as hostile

    sheet = hostile.deflate(
        hostile.SHEET_HEAD.replace(b"<worksheet ", b'<worksheet xmlns:x="urn:x" ')
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576">'
        + cell
        + b"</row>"
        + hostile.SHEET_TAIL
    )
    path = hostile.package(tmp_path / "far.xlsx", [("P", "xl/worksheets/sheet1.xml", sheet)])
    with pytest.raises(KnownError) as caught:
        guard_zip(path)
    assert caught.value.code == "import_sheet_too_large"
    assert caught.value.params["rows"] == 1_048_576 and caught.value.params["columns"] == 16_384


def test_a_second_reference_in_a_cell_is_refused(tmp_path: Path) -> None:
    """calamine takes one of the two (the second, here): XML forbids it, the guard refuses it."""
    from . import hostile_workbooks as hostile

    sheet = hostile.deflate(
        hostile.SHEET_HEAD + b'<row r="1"><c r="A1" r="%s"><v>1</v></c></row>' % FAR
        + hostile.SHEET_TAIL
    )  # fmt: skip
    path = hostile.package(tmp_path / "twice.xlsx", [("P", "xl/worksheets/sheet1.xml", sheet)])
    with pytest.raises(KnownError) as caught:
        guard_zip(path)
    assert caught.value.code == "import_corrupt"
    assert caught.value.params["reason"] == "import_reason_xml"


def test_rows_and_cells_without_references_are_read_where_calamine_places_them(
    tmp_path: Path,
) -> None:
    """A row's `r` sets the row, a cell's `r` sets the column for the cells after it, and rows
    or cells without one follow the previous: the guard's count is calamine's (and the file
    reads, not refused)."""
    from . import hostile_workbooks as hostile

    sheet = hostile.deflate(
        hostile.SHEET_HEAD
        + hostile.HEADER_ROW  # row 1, A1:B1
        + b"<row/><row/>"  # rows 2 and 3, empty
        + b'<row><c/><c t="inlineStr"><is><t>B4</t></is></c></row>'
        + b'<row r="7"><c r="C7"><v>3</v></c><c><v>4</v></c></row>'  # C7, then D7
        + b"<row><c><v>5</v></c></row>"  # row 8, A8
        + hostile.SHEET_TAIL
    )
    path = hostile.package(tmp_path / "counted.xlsx", [("P", "xl/worksheets/sheet1.xml", sheet)])
    assert guard_zip(path).errors == {}
    rows = read_workbook(path).sheets[0].rows
    assert len(rows) == 8
    assert rows[3][1] == "B4"
    assert rows[6][2:4] == [3.0, 4.0]
    assert rows[7][0] == 5.0


def test_a_worksheet_part_of_any_name_is_checked_and_read(tmp_path: Path) -> None:
    from . import hostile_workbooks as hostile

    path = hostile.package(
        tmp_path / "bin.xlsx", [("Projets", "xl/worksheets/sheet1.bin", hostile.small_sheet())]
    )
    handed: list[str] = []
    guard_zip(path, parse=handed.append)
    assert handed == ["Projets"]
    assert read_workbook(path).sheets[0].rows == [["Référence", "Acronyme"], ["P1", "ALPHA"]]


def test_the_whole_check_has_a_deadline(small: Path, tmp_path: Path) -> None:
    bomb = make_zip_bomb(small, tmp_path / "slow.xlsx", 4)
    with pytest.raises(KnownError) as caught:
        guard_zip(bomb, Limits(max_check_seconds=0.0))
    assert caught.value.code == "import_check_too_long"
    assert "0 secondes" in messages.text(caught.value.code, caught.value.params, "fr")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16", "utf-32"])
def test_a_worksheet_in_utf16_or_utf32_is_checked_like_any_other(
    tmp_path: Path, encoding: str
) -> None:
    """calamine reads such a part as empty, openpyxl (which reads what calamine refuses) reads
    it: its far cells are refused all the same."""
    from . import hostile_workbooks as hostile

    xml = (
        hostile.SHEET_HEAD.replace(b'encoding="UTF-8"', b'encoding="UTF-16"')
        + b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="%s"><v>1</v></c></row>'
        % FAR
        + hostile.SHEET_TAIL
    ).decode()
    sheet = hostile.deflate(xml.encode(encoding))
    path = hostile.package(tmp_path / "wide.xlsx", [("P", "xl/worksheets/sheet1.xml", sheet)])
    with pytest.raises(KnownError) as caught:
        guard_zip(path)
    assert caught.value.code == "import_sheet_too_large"


def test_an_image_whose_bytes_look_like_tags_is_not_taken_for_a_sheet(tmp_path: Path) -> None:
    """Binary parts (images, VBA projects) are not held to the cell checks: bytes that happen to
    read `<c "` or `x:c ` are no cell (before, such an image sent its part to the counting pass,
    where an unbalanced quote refused the workbook)."""
    import os

    from . import hostile_workbooks as hostile

    noise = bytearray(os.urandom(3 * 2**20))
    for at in range(1000, len(noise) - 100, 50_000):
        noise[at : at + 24] = b'<c "x:c <row r="A$1"<c/>'
    image = hostile.named(
        hostile.deflate(b"\x89PNG\r\n\x1a\n" + bytes(noise)), "xl/media/image1.png"
    )
    path = hostile.package(
        tmp_path / "image.xlsx", [("P", "xl/worksheets/sheet1.xml", hostile.small_sheet())], [image]
    )
    assert read_workbook(path).sheets[0].rows == [["Référence", "Acronyme"], ["P1", "ALPHA"]]


def test_junk_before_a_worksheet_does_not_hide_its_cells(tmp_path: Path) -> None:
    """calamine reads a worksheet after text that is not XML: its cells are checked from its
    `sheetData` on."""
    from . import hostile_workbooks as hostile

    sheet = hostile.deflate(b"JUNK " * 1000 + hostile.counted_far_cells_xml(1_048_576, 16_384))
    path = hostile.package(tmp_path / "junk.xlsx", [("P", "xl/worksheets/sheet1.xml", sheet)])
    with pytest.raises(KnownError) as caught:
        guard_zip(path)
    assert caught.value.code == "import_sheet_too_large"
