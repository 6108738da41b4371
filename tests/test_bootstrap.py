"""scripts/bootstrap.sh, behind ./run.sh and ./test.sh: it installs only what is missing, so that
a second launch needs no package index (an offline laptop launches), and it waits for another
package manager's lock instead of giving up."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOOTSTRAP = ROOT / "scripts" / "bootstrap.sh"
#: A package index nothing answers on (the discard port of this machine).
UNREACHABLE = "http://127.0.0.1:9/simple"


def fake_venv(tmp_path: Path, pip_exit: int = 1) -> tuple[Path, Path]:
    """A virtual environment whose python and portfolio-desktop log how they were called and
    run this interpreter (which has the project installed); pip does nothing, and fails unless
    `pip_exit` is 0."""
    venv, log = tmp_path / "venv", tmp_path / "calls.log"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text(
        "#!/bin/sh\n"
        f'echo "python $*" >> "{log}"\n'
        f'if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then exit {pip_exit}; fi\n'
        f'exec "{sys.executable}" "$@"\n'
    )
    launcher = venv / "bin" / "portfolio-desktop"
    launcher.write_text(
        f'#!/bin/sh\necho "portfolio-desktop $*" >> "{log}"\n'
        f'exec "{sys.executable}" -m portfolio_desktop "$@"\n'
    )
    for script in (python, launcher):
        script.chmod(0o755)
    return venv, log


def stamp(venv: Path, extras: str) -> None:
    digest = subprocess.run(
        ["bash", "-c", f'source "{BOOTSTRAP}"; stamp_of {extras}'],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (venv / ".portfolio-desktop-installed").write_text(digest)


def offline_env(venv: Path, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PORTFOLIO_VENV": str(venv),
        "PORTFOLIO_DESKTOP_HOME": str(tmp_path / "home"),
        "PIP_INDEX_URL": UNREACHABLE,
        "PIP_EXTRA_INDEX_URL": "",
        "PIP_FIND_LINKS": "",
        "PIP_CONFIG_FILE": os.devnull,
        "QT_QPA_PLATFORM": "offscreen",
    }


def test_an_installed_environment_launches_offline_without_pip(tmp_path: Path) -> None:
    venv, log = fake_venv(tmp_path)
    stamp(venv, "team")
    result = subprocess.run(
        [str(ROOT / "run.sh"), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        env=offline_env(venv, tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "portfolio-desktop" in result.stdout
    calls = log.read_text()
    assert "-m pip" not in calls
    assert "portfolio-desktop --version" in calls


def test_the_test_environment_also_serves_the_launch(tmp_path: Path) -> None:
    """`./test.sh` installs the dev extra, which holds the team extra's libraries: `./run.sh`
    after it installs nothing."""
    import tomllib

    venv, log = fake_venv(tmp_path, pip_exit=0)
    env = offline_env(venv, tmp_path)
    command = f'source "{BOOTSTRAP}"; ensure_venv "$0"'
    subprocess.run(["bash", "-c", command, "dev"], env=env, check=True, timeout=60)
    assert "-m pip install" in log.read_text()
    log.unlink()
    subprocess.run(["bash", "-c", command, "team"], env=env, check=True, timeout=60)
    assert not log.exists() or "-m pip" not in log.read_text()
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert set(extras["team"]) <= set(extras["dev"])


def test_a_changed_pyproject_installs_again(tmp_path: Path) -> None:
    """The stamp names pyproject.toml's content: another one (or none) means installing."""
    venv, log = fake_venv(tmp_path)
    (venv / ".portfolio-desktop-installed").write_text("team 0123abcd\n")
    result = subprocess.run(
        ["bash", "-c", f'source "{BOOTSTRAP}"; ensure_venv team'],
        capture_output=True,
        text=True,
        timeout=60,
        env=offline_env(venv, tmp_path),
    )
    assert result.returncode != 0  # the fake pip refuses: the install was attempted
    assert "-m pip install" in log.read_text()


LOCK_HOLDER = """
import fcntl, sys, time
with open(sys.argv[1], "a") as lock:
    fcntl.lockf(lock, fcntl.LOCK_EX)
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_installing_waits_for_another_package_managers_lock(tmp_path: Path) -> None:
    """Another apt holds the dpkg lock (unattended upgrades on a fresh Ubuntu): apt_install waits
    for it, then installs, instead of failing at once."""
    lock, log, bin_dir = tmp_path / "lock-frontend", tmp_path / "apt.log", tmp_path / "bin"
    bin_dir.mkdir()
    # apt-get fails while the lock is held, as the real one does, and logs its successful runs.
    (bin_dir / "apt-get").write_text(
        "#!/bin/sh\n"
        f"if ! {sys.executable} -c \"import fcntl,sys; f=open(sys.argv[1],'a'); "
        f'fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)" "{lock}" 2>/dev/null; then\n'
        '  echo "E: Could not get lock" >&2; exit 100\nfi\n'
        f'echo "apt-get $*" >> "{log}"\n'
    )
    (bin_dir / "dpkg-query").write_text("#!/bin/sh\nexit 1\n")  # nothing is installed
    (bin_dir / "sudo").write_text('#!/bin/sh\nexec "$@"\n')
    for name in ("apt-get", "dpkg-query", "sudo"):
        (bin_dir / name).chmod(0o755)
    hold = 4.0
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(lock), str(hold)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        result = subprocess.run(
            ["bash", "-c", f'source "{BOOTSTRAP}"; apt_install some-package'],
            capture_output=True,
            text=True,
            timeout=120,
            env={
                **os.environ,
                "PATH": f"{bin_dir}:{os.environ['PATH']}",
                "APT_LOCKS": str(lock),
            },
        )
        waited = time.monotonic() - start
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 0, result.stderr
    assert "waiting for it" in result.stdout
    assert waited >= hold - 1
    calls = log.read_text()
    assert "update" in calls and "install -y -qq --no-install-recommends some-package" in calls
