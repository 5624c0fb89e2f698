"""Build the standalone Rakor Desktop: the one-folder bundle, the Linux archive, the installer.

    python packaging/build_bundle.py                 # dist/rakor-desktop/ (+ the tar.gz on Linux)
    python packaging/build_bundle.py --self-test     # ... then run the frozen self-test
    python packaging/build_bundle.py --installer     # Windows: also compile the Inno Setup script
                                                     # (ISCC.exe: npm ci in packaging/windows)
    python packaging/build_bundle.py --json          # the figures as JSON on stdout

Run with the project's virtual environment (PyInstaller comes from the ``dev``
extra: ``pip install -e ".[dev]"``); ``bash tools/dev.sh bundle`` does it all.
The same commands work on Windows (``.venv\\Scripts\\python packaging\\build_bundle.py``).

Prints the size of the bundle (as ``du -sh`` counts it) and of the archive, the
time of each step, and the self-test's lines. Exits non-zero when PyInstaller
fails, the self-test fails, or the Linux bundle breaks a size budget (the
bundle at most 100 MiB, the archive at most 40 MiB; ``--no-budget`` to only
report them).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
MIB = 1024 * 1024
BUNDLE_BUDGET_MIB = 100
ARCHIVE_BUDGET_MIB = 40
SELF_TEST_TIMEOUT_S = 300
LINUX_EXTRAS = (
    "rakor-desktop.desktop",
    "rakor-desktop-mime.xml",
    "install-desktop-entry.sh",
    "README.txt",
)


def _rules() -> Any:
    spec = importlib.util.spec_from_file_location("bundle_rules", PACKAGING / "bundle_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bundle_rules"] = module
    spec.loader.exec_module(module)
    return module


def say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def disk_usage(folder: Path) -> tuple[int, int]:
    """(bytes on disk as ``du`` counts them, sum of the file sizes) of a folder."""
    on_disk = apparent = 0
    seen: set[tuple[int, int]] = set()
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        apparent += info.st_size
        blocks = getattr(info, "st_blocks", None)
        on_disk += blocks * 512 if blocks is not None else info.st_size
    return on_disk, apparent


def run_pyinstaller() -> None:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "build.spec"),
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True)


def add_linux_extras(bundle: Path) -> None:
    """The desktop entry, its icon, the menu installer and a short README beside the executable."""
    for name in LINUX_EXTRAS:
        target = bundle / name
        shutil.copy2(PACKAGING / "linux" / name, target)
        if name.endswith(".sh"):
            target.chmod(0o755)
    icon = ROOT / "resources" / "icons" / "rakor-desktop-256.png"
    shutil.copy2(icon, bundle / "rakor-desktop.png")


def make_archive(bundle: Path, version: str) -> Path:
    """``dist/rakor-desktop-<version>-linux-x86_64.tar.gz`` with the bundle in one folder."""
    top = f"rakor-desktop-{version}"
    archive = DIST / f"{top}-linux-x86_64.tar.gz"
    partial = archive.with_name(archive.name + ".partial")

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top, filter=normalise)
    partial.replace(archive)
    return archive


def run_self_test(executable: Path) -> tuple[bool, list[str]]:
    """Run ``<executable> --self-test``; its lines (from stdout, or its report file on Windows)."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("RAKOR_HOME", None)
    report = Path(tempfile.gettempdir()) / "rakor-desktop-self-test.txt"
    report.unlink(missing_ok=True)
    done = subprocess.run(
        [str(executable), "--self-test"], env=env, capture_output=True, text=True,
        encoding="utf-8", errors="replace", timeout=SELF_TEST_TIMEOUT_S, check=False,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    if not lines and report.is_file():  # a windowed app on Windows has no stdout
        lines = report.read_text(encoding="utf-8").splitlines()
    if done.returncode != 0 and done.stderr.strip():
        lines += ["stderr: " + line for line in done.stderr.strip().splitlines()[-20:]]
    return done.returncode == 0, lines


NPM_ISCC = PACKAGING / "windows" / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
"""Inno Setup's compiler from the npm package pinned in packaging/windows/package-lock.json
(``npm ci`` in that folder): the same ISCC.exe in the Windows workflow and under Wine."""


def find_inno_compiler() -> str | None:
    candidates = [
        os.environ.get("INNO_SETUP_COMPILER", ""),
        str(NPM_ISCC),
        shutil.which("ISCC") or "",
        *(
            str(Path(os.environ.get(var, "")) / "Inno Setup 6" / "ISCC.exe")
            for var in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA")
        ),
        str(Path(os.environ.get("LOCALAPPDATA", "")) / "Programs" / "Inno Setup 6" / "ISCC.exe"),
    ]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the standalone Rakor Desktop.")
    parser.add_argument("--self-test", action="store_true", help="run the frozen self-test")
    parser.add_argument("--no-archive", action="store_true", help="Linux: skip the tar.gz")
    parser.add_argument("--installer", action="store_true", help="Windows: compile the .iss")
    parser.add_argument("--no-budget", action="store_true", help="report sizes, never fail")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    if importlib.util.find_spec("PyInstaller") is None:
        print("PyInstaller is missing: pip install -e \".[dev]\" (or bash tools/dev.sh bundle)",
              file=sys.stderr)
        return 2
    rules = _rules()
    version = rules.app_version(ROOT)
    bundle = DIST / rules.BUNDLE_NAME
    exe = bundle / (rules.BUNDLE_NAME + (".exe" if sys.platform == "win32" else ""))
    linux = sys.platform.startswith("linux")
    figures: dict[str, Any] = {"version": version, "platform": sys.platform}
    problems: list[str] = []

    say(f"PyInstaller: {bundle.relative_to(ROOT)} (Rakor Desktop {version})")
    started = time.perf_counter()
    try:
        run_pyinstaller()
    except subprocess.CalledProcessError as exc:
        print(f"PyInstaller failed (exit code {exc.returncode})", file=sys.stderr)
        return 1
    figures["pyinstaller_s"] = round(time.perf_counter() - started, 1)
    if linux:
        add_linux_extras(bundle)
    on_disk, apparent = disk_usage(bundle)
    figures["bundle_mib"] = round(on_disk / MIB, 1)
    figures["bundle_files_mb"] = round(apparent / 1e6, 1)
    say(f"bundle: {on_disk / MIB:.1f} MiB on disk (du), {apparent / 1e6:.1f} MB in files, "
        f"built in {figures['pyinstaller_s']} s")
    if linux and on_disk > BUNDLE_BUDGET_MIB * MIB:
        problems.append(f"the bundle is {on_disk / MIB:.1f} MiB, over {BUNDLE_BUDGET_MIB} MiB")

    if linux and not args.no_archive:
        started = time.perf_counter()
        archive = make_archive(bundle, version)
        size = archive.stat().st_size
        figures["archive"] = str(archive.relative_to(ROOT))
        figures["archive_mib"] = round(size / MIB, 1)
        figures["archive_s"] = round(time.perf_counter() - started, 1)
        say(f"archive: {archive.relative_to(ROOT)} {size / MIB:.1f} MiB "
            f"in {figures['archive_s']} s")
        if size > ARCHIVE_BUDGET_MIB * MIB:
            problems.append(f"the archive is {size / MIB:.1f} MiB, over {ARCHIVE_BUDGET_MIB} MiB")

    if args.installer:
        if sys.platform != "win32":
            problems.append("--installer: Inno Setup runs on Windows only")
        elif (compiler := find_inno_compiler()) is None:
            problems.append("--installer: ISCC.exe of Inno Setup 6 not found "
                            "(npm ci in packaging\\windows, install Inno Setup, "
                            "or set INNO_SETUP_COMPILER)")
        else:
            say("Inno Setup: dist\\RakorDesktop-Setup-" + version + ".exe")
            iss = PACKAGING / "windows" / "rakor-desktop.iss"
            if subprocess.run([compiler, "/Qp", str(iss)], check=False).returncode != 0:
                problems.append("Inno Setup failed")

    if args.self_test:
        say(f"self-test: {exe.relative_to(ROOT)} --self-test")
        started = time.perf_counter()
        passed, lines = run_self_test(exe)
        figures["self_test_s"] = round(time.perf_counter() - started, 1)
        figures["self_test_passed"] = passed
        for line in lines:
            print(f"    {line}", file=sys.stderr)
        if not passed:
            problems.append("the frozen self-test failed")

    figures["problems"] = problems
    if args.json:
        print(json.dumps(figures, indent=2))
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    if args.self_test and not args.json:
        # its closing line ("Self-test: N passed, N failed, N skipped") ends the output
        print(lines[-1] if lines else "Self-test: 0 passed, 1 failed", flush=True)
    if problems and (args.no_budget and all("MiB" in p for p in problems)):
        return 0
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
