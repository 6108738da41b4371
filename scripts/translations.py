"""Maintains the Qt Linguist sources in resources/translations (one `<area>_fr.ts` per area).

    python scripts/translations.py update              # re-extract every area's strings (lupdate)
    python scripts/translations.py missing [AREA]      # list strings without a French translation
                                                       # (and plurals without their English forms)
    python scripts/translations.py fill AREA FILE.json # set translations: {"Context": {"source": "traduction"}}
                                                       # ("source|comment" for a disambiguated one,
                                                       # a list [one, many] for a plural)
    python scripts/translations.py fill AREA FILE.json en  # the English forms of plurals
    python scripts/translations.py compile             # .ts → .qm (what the package build does)

Areas and their source files are declared in AREAS; each area has its own .ts file so that work on
one part of the desktop never rewrites another's translations.

The source strings are English, so English needs no translation, except for plurals: a count is
written once in the code (`tr("%Ln project(s)", "", n)`) and `<area>_en.ts` gives its two English
forms ("%Ln project", "%Ln projects"); lupdate's `-pluralonly` keeps only those in it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "portfolio_desktop" / "ui"
FOLDER = ROOT / "resources" / "translations"

#: area → the source files (globs under src/portfolio_desktop/ui) whose tr() strings it holds.
AREAS: dict[str, list[str]] = {
    "app": ["*.py", "views/*.py", "models/*.py", "widgets/*.py", "dialogs/*.py"],
}
#: Files that belong to a more specific area (excluded from "app").
SPECIFIC: dict[str, list[str]] = {
    "import": ["dialogs/import_*.py"],
    "reference": [
        "views/organisations_view.py",
        "views/funders_view.py",
        "views/domains_view.py",
        "views/experts_view.py",
        "views/reference_*.py",
        "dialogs/organisation_*.py",
        "dialogs/reference_*.py",
        "dialogs/aid_rate_*.py",
        "models/reference_*.py",
    ],
    "export": ["dialogs/export_*.py"],
    "dashboard": [
        "views/dashboard*.py",
        "views/snapshots*.py",
        "widgets/chart*.py",
        "dialogs/report*.py",
    ],
    "safety": [
        "dialogs/backup*.py",
        "dialogs/conflict*.py",
        "dialogs/server*.py",
        "dialogs/history*.py",
    ],
}


def lrelease() -> str:
    candidate = Path(sys.executable).parent / "pyside6-lrelease"
    return (
        str(candidate)
        if candidate.exists()
        else (shutil.which("pyside6-lrelease") or "pyside6-lrelease")
    )


def compile_translations(root: Path) -> list[Path]:
    """Runs pyside6-lrelease on every .ts file under resources/translations; returns the .qm files.

    The package build (hatch_build.py) calls this, so installed and frozen applications ship .qm files.
    """
    produced = []
    for ts in sorted((root / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        produced.append(qm)
    return produced


def files_of(area: str) -> list[Path]:
    if area in SPECIFIC:
        return sorted({p for g in SPECIFIC[area] for p in UI.glob(g)})
    specific = {p for globs in SPECIFIC.values() for g in globs for p in UI.glob(g)}
    return sorted({p for g in AREAS[area] for p in UI.glob(g)} - specific)


def all_areas() -> list[str]:
    return list(AREAS) + list(SPECIFIC)


def lupdate() -> str:
    candidate = Path(sys.executable).parent / "pyside6-lupdate"
    return str(candidate) if candidate.exists() else "pyside6-lupdate"


#: The languages with a .ts file per area, and what lupdate keeps of the strings for each.
LANGUAGES: dict[str, list[str]] = {"fr": [], "en": ["-pluralonly"]}


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for area in all_areas():
        files = files_of(area)
        if not files:
            continue
        for lang, options in LANGUAGES.items():
            ts = FOLDER / f"{area}_{lang}.ts"
            subprocess.run(
                [
                    lupdate(),
                    "-silent",
                    "-no-obsolete",
                    *options,
                    "-source-language",
                    "en",
                    "-target-language",
                    lang,
                    *map(str, files),
                    "-ts",
                    str(ts),
                ],
                check=True,
            )
            if not messages_of(ts):  # an area without plurals needs no English file
                ts.unlink()
                continue
            print(f"{ts.relative_to(ROOT)}: {len(files)} files")


def messages_of(ts: Path) -> list[tuple[str, ET.Element]]:
    tree = ET.parse(ts)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message))
    return found


def missing(area: str | None) -> list[tuple[str, str, str]]:
    """(file, context, source) of every string without its translation: each French one, and the
    English forms of each plural."""
    result = []
    files = [ts for lang in LANGUAGES for ts in sorted(FOLDER.glob(f"{area or '*'}_{lang}.ts"))]
    for ts in files:
        for context, message in messages_of(ts):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            forms = (
                [] if translation is None else [f.text for f in translation.findall("numerusform")]
            )
            filled = translation is not None and bool(
                (translation.text or "").strip() or (all(forms) and forms)
            )
            if not filled or translation is None or translation.get("type") == "unfinished":
                result.append((ts.stem, context, message.findtext("source") or ""))
    return result


def fill(area: str, mapping_file: Path, lang: str = "fr") -> int:
    mapping: dict[str, dict[str, str | list[str]]] = json.loads(
        mapping_file.read_text(encoding="utf-8")
    )
    ts = FOLDER / f"{area}_{lang}.ts"
    tree = ET.parse(ts)
    changed = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            # A message told apart by a comment (tr's disambiguation) is keyed "source|comment".
            comment = message.findtext("comment") or ""
            texts = mapping.get(name, {})
            text = texts.get(f"{source}|{comment}") if comment else None
            text = text if text is not None else texts.get(source)
            if text is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                # French and English have two forms (one, many): a list, or one text for both.
                forms = text if isinstance(text, list) else [text, text]
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                if isinstance(text, list):
                    raise SystemExit(f"{name}: « {source} » has no plural forms: give one text")
                translation.text = text
            changed += 1
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return changed


def main(argv: list[str]) -> int:
    if argv and argv[0] == "compile":
        for qm in compile_translations(ROOT):
            print(qm.relative_to(ROOT))
        return 0
    if not argv or argv[0] not in {"update", "missing", "fill"}:
        print(__doc__)
        return 2
    if argv[0] == "update":
        update()
        return 0
    if argv[0] == "missing":
        rows = missing(argv[1] if len(argv) > 1 else None)
        for area, context, source in rows:
            print(f"{area}\t{context}\t{source}")
        return 1 if rows else 0
    lang = argv[3] if len(argv) > 3 else "fr"
    if lang not in LANGUAGES:
        print(f"unknown language {lang}: {', '.join(LANGUAGES)}")
        return 2
    print(f"{fill(argv[1], Path(argv[2]), lang)} translations set")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
