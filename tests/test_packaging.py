"""Packaging: the desktop entry, the AppStream metadata, the icons, and the PyInstaller bundle.

The bundle test builds with `packaging/build.sh` into a temporary folder (about two to three
minutes) and runs the frozen application with `--version` and `--self-test` offscreen, then, when
an X server can be started, launches it on xcb and waits for its main window. It is marked slow and
runs in CI, where PyInstaller comes with the `dev` extra: there a missing PyInstaller fails the
test instead of skipping it.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from portfolio_desktop import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_launches_the_application_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == APP_NAME
    assert entry["Icon"] == APP_ID  # the icon theme name build.sh installs
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Comment[fr]"] and entry["GenericName[fr]"]
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")],
            capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_appstream_metadata_names_this_application_and_version() -> None:
    path = PACKAGING / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == APP_NAME
    assert root.findtext("project_license") == "MIT"
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, (
        "add a <release> for the new version to the AppStream metadata"
    )
    if shutil.which("appstreamcli"):
        result = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_icons_are_generated_for_every_os(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, str(PACKAGING / "icons.py"), str(tmp_path)],
        check=True, capture_output=True, env=env, timeout=120,
    )  # fmt: skip
    from PIL import Image

    for size in (16, 32, 48, 256, 512):
        with Image.open(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
            # Drawn, not blank: the corners are transparent, the middle is opaque.
            assert png.getpixel((0, 0))[3] == 0
            assert png.getpixel((size // 2, size // 2))[3] == 255
    assert (tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()
    with Image.open(tmp_path / "portfolio-desktop.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(tmp_path / "portfolio-desktop.icns") as icns:
        assert (512, 512, 2) in icns.info["sizes"]  # the 1024-pixel Retina icon


def _declared_licence(name: str) -> str:
    """The licence a distribution's metadata declares: its SPDX expression when it gives one,
    else its licence classifier (some projects put the whole licence text in `License`)."""
    from importlib import metadata

    meta = metadata.metadata(name)
    expression = (meta.get("License-Expression") or meta.get("License") or "").strip()
    if expression and "\n" not in expression and len(expression) < 80:
        return expression
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return classifiers[0].split("::")[-1].strip() if classifiers else ""


CLASSIFIER_FAMILIES = {
    "BSD License": "BSD-",
    "MIT License": "MIT",
    "Python Software Foundation License": "PSF",
    "PSFL": "PSF",
}


def test_the_about_box_states_the_licences_the_libraries_declare() -> None:
    from importlib import metadata

    from portfolio_desktop.ui.dialogs.about import BUNDLED

    checked = 0
    for name, stated in BUNDLED:
        try:
            declared = _declared_licence(name)
        except metadata.PackageNotFoundError:
            continue  # not installed here (an extra): the About box leaves it out too
        ours = stated.split(" (")[0]  # what follows in brackets is a note for the reader
        if declared in CLASSIFIER_FAMILIES:
            assert ours.startswith(CLASSIFIER_FAMILIES[declared]), (name, stated, declared)
        else:
            # A choice among alternatives ("LGPL-3.0-only OR GPL-3.0-only") names the one we use.
            assert ours == declared or ours in declared.split(" OR "), (name, stated, declared)
        checked += 1
    assert checked >= 20


def test_the_about_box_lists_every_library_the_application_runs_on() -> None:
    """Each installed requirement of the application and of its `team` extra (and theirs) has a
    licence line: the bundle holds them all."""
    from importlib import metadata

    from portfolio_desktop.ui.dialogs.about import BUNDLED

    listed = {re.sub(r"[-_.]+", "-", name).lower() for name, _ in BUNDLED}
    seen: set[str] = set()
    pending = ["portfolio-desktop"]
    while pending:
        name = pending.pop()
        for requirement in metadata.requires(name) or []:
            spec, _, marker = requirement.partition(";")
            ours = name == "portfolio-desktop" and "team" in marker
            if "extra" in marker and not ours:
                continue  # optional parts of a library that we do not install
            dependency = re.sub(r"[-_.]+", "-", re.split(r"[\s<>=!~\[(]", spec)[0]).lower()
            if "[binary]" in spec:
                pending.append("psycopg-binary")  # psycopg[binary]: the extra is a distribution
                seen.add("psycopg-binary")
            if dependency in seen:
                continue
            try:
                metadata.version(dependency)
            except metadata.PackageNotFoundError:
                continue  # a requirement for another Python or platform
            seen.add(dependency)
            pending.append(dependency)
    assert seen - listed == set()


# -- the bundle -------------------------------------------------------------------------------------


def _require_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is missing: the dev extra installs it (pip install -e '.[dev]')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _pages_in_this_install() -> int:
    from portfolio_desktop.ui.main_window import PAGES, page_available

    return sum(1 for _key, module, _cls in PAGES if page_available(module))


@pytest.mark.slow
def test_the_bundle_builds_and_passes_its_self_test(tmp_path: Path) -> None:
    _require_pyinstaller()
    env = {
        **os.environ,
        "PORTFOLIO_DIST": str(tmp_path / "dist"),
        "PORTFOLIO_BUILD": str(tmp_path / "build"),
        "PORTFOLIO_VENV": str(Path(sys.executable).parent.parent),
    }
    build = subprocess.run(
        ["bash", str(PACKAGING / "build.sh"), "--no-check"],
        capture_output=True, text=True, env=env, timeout=1500,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    bundle = tmp_path / "dist" / APP_NAME
    executable = bundle / APP_NAME
    assert executable.is_file() and os.access(executable, os.X_OK)

    # What the code finds at run time and PyInstaller cannot see in the imports.
    internal = bundle / "_internal"
    migrations = internal / "portfolio_desktop" / "storage" / "migrations"
    assert (migrations / "script.py.mako").exists() and (migrations / "env.py").exists()
    assert list((migrations / "versions").glob("0001_*.py"))
    assert list((internal / "portfolio_desktop" / "resources" / "translations").glob("*_fr.qm"))
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so"):
        assert (plugins / plugin).exists(), plugin
    assert list(internal.glob("python_calamine/_python_calamine*.so"))
    assert (internal / "matplotlib" / "mpl-data" / "matplotlibrc").exists()
    # The About box's versions come from the libraries' metadata.
    for name in ("pyside6_essentials", "sqlalchemy", "matplotlib", "python_calamine", "xlsxwriter"):
        assert list(internal.glob(f"{name}-*.dist-info")), name
    # Installed by install.sh on Linux.
    assert (bundle / "share" / "applications" / f"{APP_ID}.desktop").exists()
    assert (bundle / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").exists()
    assert os.access(bundle / "install.sh", os.X_OK)

    run_env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PORTFOLIO_DESKTOP_HOME": str(tmp_path / "home"),
        "PORTFOLIO_DESKTOP_LANG": "en",
    }
    version = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, env=run_env, timeout=60
    )
    assert version.returncode == 0 and version.stdout.strip() == f"{APP_NAME} {__version__}"

    test = subprocess.run(
        [str(executable), "--self-test"], capture_output=True, text=True, env=run_env, timeout=300
    )
    assert test.returncode == 0, test.stdout + test.stderr
    assert "standalone application" in test.stdout.splitlines()[0]
    assert re.search(r"Self-test passed: 7 of 7 steps", test.stdout)
    pages = re.search(r"main window shown \(platform offscreen\), (\d+) pages opened", test.stdout)
    assert pages is not None and int(pages.group(1)) == _pages_in_this_install(), test.stdout

    # The real platform: on a private X server, the main window appears and opens a portfolio.
    if shutil.which("Xvfb") and shutil.which("xwininfo"):
        sys.path.insert(0, str(PACKAGING))
        try:
            import startup_time
        finally:
            sys.path.remove(str(PACKAGING))
        server, display = startup_time.start_xvfb()
        try:
            launch = startup_time.launch([str(executable)], display, None, cold=False)
        finally:
            server.terminate()
            server.wait(10)
        assert launch.shown is not None and launch.opened is not None, launch
