"""Values the user chose to ignore (« Ignorer cette valeur » in the wizard, `--ignore-value` on the
command line, `"ignore"` in a mapping file): the cell is read as empty with a warning naming it,
and its row is imported instead of refused; nothing else of the row changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from portfolio_desktop.errors import KnownError
from portfolio_desktop.services.excel_import import ImportChoices, import_workbook
from portfolio_desktop.services.excel_import.choices import choices_from_arguments

ROWS = [
    ["Nom du bénéficiaire", "Objet de la subvention", "Montant octroyé (€)", "Région", "Domaines",
     "Statut"],
    ["ASSOCIATION A", "Festival", 1000, "Atlantide", "Zzz inconnu", "Financé"],
    ["COMMUNE B", "Salle", 2000, "Bretagne, Atlantide", "Santé 60 %; Zzz inconnu 40 %", "Financé"],
    ["ASSOCIATION C", "Ateliers", 3000, "Bretagne", "Santé", "Peut-être"],
    ["ASSOCIATION D", "Fresque", 4000, "Bretagne, Atlantide", "Santé", "Financé"],
]  # fmt: skip


def book(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Export"
    for row in ROWS:
        sheet.append(row)
    workbook.save(path)
    return path


def rows_of(db: Any, sql: str) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(sql)]


@pytest.fixture
def with_health(db: Any, tmp_path: Path) -> Any:
    """A portfolio that knows the domain « Santé » (and no « Zzz inconnu »)."""
    seed = tmp_path / "seed.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Nom du bénéficiaire", "Objet de la subvention", "Domaines"])
    workbook.active.append(["ASSOCIATION Z", "Amorce", "Santé"])
    workbook.save(seed)
    choices = ImportChoices(
        fixed={"Financeur": "Département X", "status": "funded", "instrument": "grant"},
        create_missing=True,
    )
    seeded = import_workbook(db, seed, choices=choices)
    assert seeded.ok, seeded.to_json()["errors"]
    return db


def test_without_a_word_the_unknown_values_refuse_their_rows(
    with_health: Any, tmp_path: Path
) -> None:
    report = import_workbook(
        with_health, book(tmp_path / "g.xlsx"), dry_run=True,
        choices=ImportChoices(fixed={"Financeur": "Département X", "instrument": "grant"}),
    )  # fmt: skip
    assert {p.code for p in report.problems} == {
        "import_unknown_region", "import_unknown_domain", "import_unknown_status",
    }  # fmt: skip
    assert report.to_json()["rows"]["Export"]["invalid"] == 4


def test_ignored_values_are_read_as_empty_and_their_rows_imported(
    with_health: Any, tmp_path: Path
) -> None:
    choices = choices_from_arguments(
        sets=["Financeur=Département X", "instrument=grant"],
        ignores=["Région=atlantide", "domains=Zzz inconnu", "status=PEUT-ETRE"],
    )
    report = import_workbook(
        with_health, book(tmp_path / "g.xlsx"), choices=choices, valid_only=True
    )
    payload = report.to_json()
    # What is required stays required: ignoring a status leaves its row without one, and a
    # domain ignored out of a split leaves the split short of 100 %: errors of their rows.
    errors = sorted((p["row"], p["column"], p["message"]) for p in payload["errors"])
    assert [e[:2] for e in errors] == [(3, "Domaines"), (4, "Statut")], errors
    assert "60 %" in errors[0][2] and "obligatoire" in errors[1][2]
    assert payload["rows"]["Export"] == {
        "read": 4, "imported": 2, "merged": 0, "skipped": 0, "invalid": 2,
    }  # fmt: skip
    found = dict(rows_of(with_health, "SELECT title, regions_label FROM project"))
    # A whole cell ignored leaves no region; in a list, only the ignored name is left out.
    assert found["Festival"] == "" and found["Fresque"] == "Bretagne"
    domains = rows_of(
        with_health,
        "SELECT count(*) FROM project p JOIN project_domain s ON s.project_id = p.id "
        "WHERE p.title = 'Festival'",
    )
    assert domains == [(0,)]
    assert rows_of(with_health, "SELECT count(*) FROM domain WHERE name = 'Zzz inconnu'") == [(0,)]
    warned = sorted(
        (w["row"], w["column"]) for w in payload["cell_warnings"] if "ignorée" in w["message"]
    )
    assert warned == [
        (2, "Domaines"), (2, "Région"), (3, "Domaines"), (3, "Région"), (4, "Statut"),
        (5, "Région"),
    ]  # fmt: skip
    assert any("« Atlantide »" in w["message"] for w in payload["cell_warnings"])
    # The same file again with the same choices changes nothing.
    again = import_workbook(
        with_health, book(tmp_path / "g.xlsx"), choices=choices, valid_only=True
    )
    assert again.counts["projects"]["created"] == 0 and again.counts["projects"]["updated"] == 0


def test_the_ignored_values_come_from_a_mapping_file_too(with_health: Any, tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "set": {"Financeur": "Département X", "instrument": "grant"},
                "ignore": {
                    "region": "Atlantide",
                    "Domaines": ["Zzz inconnu"],
                    "status": ["Peut-être"],
                },
            }
        ),
        encoding="utf-8",
    )
    choices = choices_from_arguments(mapping_file=str(mapping))
    report = import_workbook(with_health, book(tmp_path / "g.xlsx"), dry_run=True, choices=choices)
    assert sorted(p.code for p in report.problems) == ["domain_split_sum", "import_required_status"]


@pytest.mark.parametrize(
    ("ignores", "code"),
    [(["Région"], "import_option_pair"), (["Région="], "import_option_pair")],
)
def test_an_ignore_without_its_value_is_refused(ignores: list[str], code: str) -> None:
    with pytest.raises(KnownError) as raised:
        choices_from_arguments(ignores=ignores)
    assert raised.value.code == code


def test_an_ignored_field_no_sheet_has_is_refused(db: Any, tmp_path: Path) -> None:
    choices = choices_from_arguments(ignores=["couleur préférée=bleu"])
    with pytest.raises(KnownError) as raised:
        import_workbook(db, book(tmp_path / "g.xlsx"), dry_run=True, choices=choices)
    assert raised.value.code == "import_set_unknown_field"


def test_the_command_line_ignores_a_value_and_says_which_cells_it_read_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from portfolio_desktop.__main__ import main

    code = main(
        [
            "import", str(book(tmp_path / "g.xlsx")), "--db", str(tmp_path / "p.sqlite"),
            "--set", "Financeur=Département X", "--set", "instrument=grant",
            "--ignore-value", "Région=Atlantide", "--ignore-value", "Statut=Peut-être",
            "--create-missing", "--dry-run",
        ]
    )  # fmt: skip
    out, err = capsys.readouterr()
    # Row 3's split is short of 100 % and row 4 has no status: errors, said as errors.
    assert code == 1
    lines = err.splitlines()
    header = lines.index("4 cellules lues autrement qu'écrites, importées :")
    assert lines[header + 1 : header + 5] == [
        "Export, 2, Région: Valeur « Atlantide » ignorée, comme choisi : lue comme vide.",
        "Export, 3, Région: Valeur « Atlantide » ignorée, comme choisi : lue comme vide.",
        "Export, 5, Région: Valeur « Atlantide » ignorée, comme choisi : lue comme vide.",
        "Export, 4, Statut: Valeur « Peut-être » ignorée, comme choisi : lue comme vide.",
    ]
    assert "Export : 4 lignes lues" in out


def test_an_unknown_field_to_ignore_is_refused_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from portfolio_desktop.__main__ import main

    code = main(
        [
            "import", str(book(tmp_path / "g.xlsx")), "--db", str(tmp_path / "p.sqlite"),
            "--ignore-value", "Couleur préférée=bleu", "--dry-run",
        ]
    )  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 2
    assert err.strip() == "« Couleur préférée » n'est pas un champ des feuilles importées."
