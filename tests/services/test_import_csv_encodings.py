"""CSV encodings detected, never guessed into « � » (issue 12): Windows-1252, ISO-8859-15, Mac Roman
and DOS files read as they were written; a UTF-8 file never handed to the detector; UTF-8 with a
byte of another encoding, and bytes no encoding decodes, refused with their line and the byte."""

from __future__ import annotations

import codecs
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from portfolio_desktop import messages
from portfolio_desktop.__main__ import main
from portfolio_desktop.errors import KnownError
from portfolio_desktop.services.excel_import import reader
from portfolio_desktop.services.excel_import.reader import read_workbook

ROWS = [
    ["Référence", "Acronyme", "Intitulé", "Statut", "Porteur", "Financeur", "Type d'aide",
     "Aide accordée"],
    ["P-1", "ÉTÉ", "Œuvre commune – « cœur » d’été", "Financé", "Société Générale d'Études",
     "ANR", "Subvention", "1 000 €"],
    ["P-2", "NOËL", "Fête à Sèvres, déjà reçue…", "Financé", "Hôpital Saint-Éloi", "ANR",
     "Subvention", "2 500,50 €"],
]  # fmt: skip
#: What each encoding names in the report, and the characters of ROWS it has no byte for.
ENCODINGS = {
    "cp1252": ("Windows-1252", {}),
    "iso8859-15": ("ISO-8859-15", {"–": "-", "’": "'", "…": "..."}),
    "mac-roman": ("Mac Roman", {}),
    "cp850": ("DOS 850", {"–": "-", "’": "'", "…": "...", "Œ": "OE", "œ": "oe", "€": "EUR"}),
}


def rows_for(codec: str) -> list[list[str]]:
    missing = ENCODINGS[codec][1]
    out = []
    for row in ROWS:
        cells = []
        for cell in row:
            for char, instead in missing.items():
                cell = cell.replace(char, instead)
            cells.append(cell)
        out.append(cells)
    return out


def csv_text(rows: list[list[str]], repeat: int = 1) -> str:
    header, *body = (";".join(row) + "\n" for row in rows)
    return header + "".join(body) * repeat


def refusal(path: Path) -> KnownError:
    with pytest.raises(KnownError) as caught:
        read_workbook(path)
    return caught.value


@pytest.fixture
def no_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """The detector is never asked (a UTF-8 file stays on the one-pass check)."""
    import charset_normalizer

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("charset-normalizer read a file that is UTF-8")

    monkeypatch.setattr(charset_normalizer, "from_bytes", refuse)


# -- read as written ---------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", list(ENCODINGS))
@pytest.mark.parametrize("repeat", [1, 300], ids=["two-lines", "many-lines"])
def test_a_csv_in_a_legacy_encoding_is_read_as_written(
    tmp_path: Path, codec: str, repeat: int
) -> None:
    rows = rows_for(codec)
    data = csv_text(rows, repeat).encode(codec)
    if codec == "iso8859-15":
        assert b"\xa4" in data and b"\xbc" in data  # € and Œ where Windows-1252 has ¤ and ¼
    path = tmp_path / "projets.csv"
    path.write_bytes(data)
    workbook = read_workbook(path)
    assert workbook.encoding == ENCODINGS[codec][0]
    assert workbook.sheets[0].rows == [rows[0], *rows[1:] * repeat]


def test_accents_far_into_an_ascii_file_are_detected_there(tmp_path: Path) -> None:
    """The detector reads the lines that are not ASCII wherever they are (here past 3 MB)."""
    ascii_rows = "".join(f"P-{n};ACR{n};Projet {n};Financé\n" for n in range(100_000))
    text = "Référence;Acronyme;Intitulé;Statut\n" + ascii_rows.replace("é", "e")
    text += "Q-1;CŒUR;L’Œuvre de Sèvres;Financé\n"
    path = tmp_path / "long.csv"
    path.write_bytes(text.encode("mac-roman"))
    assert path.stat().st_size > 3 * 2**20
    workbook = read_workbook(path)
    assert workbook.encoding == "Mac Roman"
    assert workbook.sheets[0].rows[0] == ["Référence", "Acronyme", "Intitulé", "Statut"]
    assert workbook.sheets[0].rows[-1] == ["Q-1", "CŒUR", "L’Œuvre de Sèvres", "Financé"]


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["plain", "bom"])
def test_a_utf8_file_never_reaches_the_detector(
    tmp_path: Path, no_detector: None, bom: bytes
) -> None:
    path = tmp_path / "utf8.csv"
    path.write_bytes(bom + csv_text(ROWS, 2000).encode("utf-8"))
    workbook = read_workbook(path)
    assert workbook.encoding == "UTF-8"
    assert workbook.sheets[0].rows[:3] == ROWS


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_its_bom_is_read_strictly(tmp_path: Path, no_detector: None, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "unicode.csv"
    path.write_bytes(bom + csv_text(ROWS).encode(codec))
    workbook = read_workbook(path)
    assert workbook.encoding == ("UTF-16 LE" if codec.endswith("le") else "UTF-16 BE")
    assert workbook.sheets[0].rows == ROWS


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("repeat", [1, 2000], ids=["two-lines", "past-the-first-64-KiB"])
def test_utf16_without_a_bom_is_recognised_by_its_nul_bytes(
    tmp_path: Path, no_detector: None, codec: str, repeat: int
) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes(csv_text(ROWS, repeat).encode(codec))
    workbook = read_workbook(path)
    assert workbook.encoding == ("UTF-16 LE" if codec.endswith("le") else "UTF-16 BE")
    assert workbook.sheets[0].rows == [ROWS[0], *ROWS[1:] * repeat]


def test_utf16_without_a_bom_that_stops_decoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "unicode.csv"
    text = csv_text(ROWS, 2000)
    path.write_bytes(text.encode("utf-16-le") + b"\x00\xdc" + "x\n".encode("utf-16-le"))
    error = refusal(path)
    assert error.code == "import_csv_undecodable"
    assert error.params["encoding"] == "UTF-16 LE"
    assert (error.params["line"], error.params["byte"]) == (text.count("\n") + 1, "0x00 0xDC")


def test_a_binary_file_with_nul_bytes_is_still_no_csv(tmp_path: Path) -> None:
    """Text of 16-bit numbers (a NUL every other byte) holds control characters: not UTF-16."""
    path = tmp_path / "numbers.csv"
    path.write_bytes(b"".join(n.to_bytes(2, "little") for n in range(256)) * 64)
    assert refusal(path).code == "import_not_spreadsheet"


def test_a_utf8_bom_over_windows_1252_bytes_is_detected_past_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + csv_text(ROWS).encode("cp1252"))
    workbook = read_workbook(path)
    assert workbook.encoding == "Windows-1252"
    assert workbook.sheets[0].rows == ROWS


def test_windows_1252_bytes_that_happen_to_be_utf8_do_not_make_the_file_mixed(
    tmp_path: Path,
) -> None:
    """« É… » and « Â° » are valid UTF-8 (« ɉ », « ° »): a few such pairs among many accents
    are chance, not UTF-8."""
    rows = [*ROWS, ["P-9", "CAFÉ…", "Température 20Â° (sic)", "Financé"]]
    path = tmp_path / "chance.csv"
    path.write_bytes(csv_text(rows).encode("cp1252"))
    workbook = read_workbook(path)
    assert workbook.encoding == "Windows-1252"
    assert workbook.sheets[0].rows == rows


# -- refused, never « � » ----------------------------------------------------------------------------


@pytest.mark.parametrize("lines_before", [1, 40_000], ids=["first-block", "past-a-mebibyte"])
def test_utf8_with_a_windows_1252_byte_is_refused_with_its_line(
    tmp_path: Path, lines_before: int
) -> None:
    """The mixed file: read as UTF-8 it would hold « � », read as Windows-1252 « Ã© »."""
    head = csv_text(ROWS) + "".join(f"R-{n};Réseau {n};Financé\n" for n in range(lines_before))
    data = (
        head.encode("utf-8") + b"X-1;L\x92atelier d\xe2\x80\x99\xc3\xa9t\xc3\xa9;Financ\xc3\xa9\n"
    )
    data += "Z-1;Dernière ligne;Financé\n".encode()
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    error = refusal(path)
    assert error.code == "import_csv_mixed_encoding"
    line = head.count("\n") + 1
    assert error.params["line"] == line and error.params["byte"] == "0x92"
    assert error.params["excerpt"] == "X-1;L[0x92]atelier d’été;Financé"
    text = messages.text(error.code, error.params, "fr")
    assert f"la ligne {line} contient un octet d'un autre encodage, 0x92" in text
    assert "« X-1;L[0x92]atelier d’été;Financé »" in text and "\ufffd" not in text
    english = messages.text(error.code, error.params, "en")
    assert f"line {line} holds a byte of another encoding, 0x92" in english


def test_bytes_no_encoding_decodes_are_refused_naming_the_one_tried(tmp_path: Path) -> None:
    """0x81 and 0x8D stand for nothing in Windows-1252; Latin-1 would « read » them as control
    characters, and is never a fallback."""
    data = csv_text(ROWS).encode("cp1252") + b"P-3;Caf\xe9 \x81\x8d;Financ\xe9\n"
    path = tmp_path / "broken.csv"
    path.write_bytes(data)
    error = refusal(path)
    assert error.code == "import_csv_undecodable"
    assert error.params["encoding"] == "Windows-1252"
    assert error.params["line"] == 4 and error.params["byte"] == "0x81"
    assert error.params["excerpt"] == "P-3;Café [0x81]\\x8d;Financé"
    assert messages.text(error.code, error.params, "fr").startswith(
        "Le fichier broken.csv ne se lit pas en Windows-1252 : ligne 4, l'octet 0x81 n'y forme "
        "aucun caractère (« P-3;Café [0x81]\\x8d;Financé »)."
    )


@pytest.mark.parametrize(
    ("tail", "line", "byte"),
    [(b"\x00\xd8" + "cd\n".encode("utf-16-le"), 4, "0x00 0xD8"), (b"x", 5, "0x78")],
    ids=["lone-surrogate", "odd-length"],
)
def test_utf16_that_does_not_decode_is_refused_not_replaced(
    tmp_path: Path, tail: bytes, line: int, byte: str
) -> None:
    text = csv_text(ROWS) + ("ab" if tail.startswith(b"\x00") else "ab;cd\n")
    path = tmp_path / "unicode.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le") + tail)
    error = refusal(path)
    assert error.code == "import_csv_undecodable"
    assert error.params["encoding"] == "UTF-16 LE"
    assert (error.params["line"], error.params["byte"]) == (line, byte)
    french = messages.text(error.code, error.params, "fr")
    assert f"ligne {line}, " in french and "\ufffd" not in french
    if len(byte) > 4:
        assert f"les octets {byte} n'y forment aucun caractère" in french


class _Match:
    def __init__(self, encoding: str, *alike: str) -> None:
        self.encoding = encoding
        self.could_be_from_charset = [encoding, *alike]


@pytest.mark.parametrize(
    ("matches", "tried"),
    [
        ([], ["cp1252"]),
        ([_Match("mac_roman"), _Match("latin_1")], ["mac-roman", "cp1252"]),
        ([_Match("latin_1", "cp1252")], ["cp1252"]),
        ([_Match("latin_1")], ["iso8859-1", "cp1252"]),
    ],
    ids=["none", "latin1-never-a-fallback", "alike-the-likeliest", "latin1-chosen"],
)
def test_the_codecs_tried_after_the_detector(
    monkeypatch: pytest.MonkeyPatch, matches: list[_Match], tried: list[str]
) -> None:
    import charset_normalizer

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda *_a, **_k: matches)
    assert reader._detected(b"caf\xe9") == tried


# -- the command line --------------------------------------------------------------------------------


def _database(path: Path) -> dict[str, list[Any]]:
    with sqlite3.connect(path) as conn:
        return {
            "projects": conn.execute(
                "SELECT reference, acronym, title FROM project ORDER BY reference"
            ).fetchall(),
            "organisations": [
                r[0] for r in conn.execute("SELECT name FROM organisation ORDER BY name")
            ],
            "granted": [
                r[0] for r in conn.execute("SELECT granted_cents FROM funding_line ORDER BY id")
            ],
        }


@pytest.mark.parametrize("codec", ["cp1252", "iso8859-15", "mac-roman"])
def test_the_command_line_imports_the_accents_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    rows = rows_for(codec)
    path = tmp_path / "projets.csv"
    path.write_bytes(csv_text(rows).encode(codec))
    database = tmp_path / "portfolio.sqlite"
    code = main(["import", str(path), "--db", str(database)])
    err = capsys.readouterr().err
    assert code == 0, err
    name = ENCODINGS[codec][0]
    assert f"Le fichier projets.csv n'est pas en UTF-8 : il a été lu en {name}." in err
    stored = _database(database)
    if codec == "iso8859-15":  # no – ’ … in ISO-8859-15
        titles = ["Œuvre commune - « cœur » d'été", "Fête à Sèvres, déjà reçue..."]
    else:
        titles = ["Œuvre commune – « cœur » d’été", "Fête à Sèvres, déjà reçue…"]
    assert stored["projects"] == [("P-1", "ÉTÉ", titles[0]), ("P-2", "NOËL", titles[1])]
    assert stored["organisations"] == ["Hôpital Saint-Éloi", "Société Générale d'Études"]
    assert stored["granted"] == [100_000, 250_050]  # « 1 000 € », « 2 500,50 € »
    code = main(["import", str(path), "--db", str(database), "--dry-run", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0 and payload["encoding"] == name


def test_a_utf8_csv_is_imported_without_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "projets.csv"
    path.write_bytes(csv_text(ROWS).encode("utf-8"))
    code = main(["import", str(path), "--db", str(tmp_path / "p.sqlite"), "--dry-run", "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["encoding"] == "UTF-8"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (
            csv_text(ROWS).encode("utf-8") + b"P-3;L\x92atelier;Financ\xc3\xa9\n",
            "est en UTF-8, mais la ligne 4 contient un octet d'un autre encodage, 0x92",
        ),
        (
            csv_text(ROWS).encode("cp1252") + b"P-3;\x81;x\n",
            "ne se lit pas en Windows-1252 : ligne 4, l'octet 0x81 n'y forme aucun caractère",
        ),
    ],
    ids=["mixed", "undecodable"],
)
def test_the_command_line_refuses_an_undecodable_file_in_one_french_line(
    tmp_path: Path, data: bytes, words: str
) -> None:
    path = tmp_path / "projets.csv"
    path.write_bytes(data)
    database = tmp_path / "portfolio.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "portfolio_desktop", "import", str(path), "--db", str(database),
         "--dry-run"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr and "\ufffd" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
