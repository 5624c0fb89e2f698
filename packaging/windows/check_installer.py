"""Compile the Inno Setup script with Wine, install and uninstall it, check what a user gets.

    python packaging/windows/check_installer.py          # from the repository root

Off Windows (CI, a developer's Debian) nothing of the Windows bundle exists, so the
installer is compiled from a STAND-IN payload: a folder with a placeholder
``rakor-desktop.exe`` (a text file, not a program) and the icon. What is checked is the
installer itself, as a Windows user meets it:

* it installs for this user without administrator rights (Inno Setup's log: not
  administrative, root key HKEY_CURRENT_USER), below ``%LOCALAPPDATA%\\Programs``;
* the Start-menu shortcut points at the program;
* ``.rakor`` is associated with the app in the user's registry hive (``wine reg query``),
  nothing in HKEY_LOCAL_MACHINE, and the uninstaller is registered for this user;
* the uninstaller removes the program, the shortcut and the association, and KEEPS the
  user's data: the database, its backups and the settings in the data folder that
  platformdirs gives on Windows (``%LOCALAPPDATA%\\RakorDesktop``).

What it needs, installed when missing (Debian, as root or through sudo), and no more:
``wine`` and ``wine64`` (the installer allows x64 Windows only) with ``wine32:i386``
(ISCC.exe and Setup are 32-bit programs, which ``wine64`` alone cannot start: this adds
the i386 architecture to dpkg), ``xvfb`` (Setup creates its windows even when silent,
and fails without a display), and Node's ``npm`` to install the pinned ``innosetup``
package (ISCC.exe) from ``packaging/windows/package-lock.json``. Nothing else is
downloaded: Wine's Mono and Gecko are switched off.

Where Wine 8 (Debian 12) differs from Windows: it cannot resolve the known folder that
``{autopf}`` points at in a per-user install, so the script names
``{localappdata}\\Programs``, the same folder on Windows 10/11.

Prints one line per check and a closing ``Installer: N passed, N failed``; exits non-zero
when a check fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORK = ROOT / "build" / "installer-check"
ISS = HERE / "rakor-desktop.iss"
ISCC = HERE / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
APP_ID = "{B95F1E7A-2761-4983-841F-2C1C8B404314}_is1"
APP_NAME = "Rakor Desktop"
APP_EXE = "rakor-desktop.exe"
_REG_LINE = re.compile(r"^\s+.*?\s{4}(REG_\w+)(?:\s{4}(.*))?$")
"""A value line of ``reg query``: name, type and data apart by four spaces."""
WINE_PACKAGES = ("wine", "wine64", "wine32:i386", "xvfb")
STANDIN_NOTE = (
    "STAND-IN for the Windows bundle of Rakor Desktop: a placeholder, not a program.\r\n"
    "packaging/windows/check_installer.py compiles the installer around it to check\r\n"
    "the installer (per-user install, shortcut, association, uninstall) off Windows.\r\n"
)


def say(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def _root_command(command: list[str]) -> list[str]:
    return command if os.geteuid() == 0 else ["sudo", *command]


def ensure_wine() -> None:
    """Install Wine with its 32-bit half when ``wine`` cannot start a 32-bit program."""
    if shutil.which("wine") and shutil.which("Xvfb") and _installed("wine32:i386"):
        return
    say(f"installing Debian packages: {' '.join(WINE_PACKAGES)} "
        "(ISCC.exe and Setup are 32-bit programs)")
    foreign = subprocess.run(["dpkg", "--print-foreign-architectures"], capture_output=True,
                             text=True, check=True).stdout.split()
    if "i386" not in foreign:
        subprocess.run(_root_command(["dpkg", "--add-architecture", "i386"]), check=True)
    subprocess.run(_root_command(["apt-get", "update", "-qq"]), check=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(
        _root_command(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                       *WINE_PACKAGES]),
        check=True, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def _installed(package: str) -> bool:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                          capture_output=True, text=True, check=False)
    return "install ok installed" in done.stdout


def ensure_iscc() -> None:
    """ISCC.exe from the npm package pinned in package-lock.json (``npm ci``)."""
    lock = json.loads((HERE / "package-lock.json").read_text(encoding="utf-8"))
    wanted = lock["packages"]["node_modules/innosetup"]["version"]
    installed = HERE / "node_modules" / "innosetup" / "package.json"
    if ISCC.is_file() and json.loads(installed.read_text(encoding="utf-8"))["version"] == wanted:
        return
    if not shutil.which("npm"):
        say("installing Debian packages: nodejs npm")
        subprocess.run(_root_command(["apt-get", "update", "-qq"]), check=True)
        subprocess.run(
            _root_command(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                           "nodejs", "npm"]),
            check=True, stdout=subprocess.DEVNULL,
            env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
        )  # fmt: skip
    say("npm ci (innosetup, pinned in packaging/windows/package-lock.json)")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                   cwd=HERE, check=True, stdout=subprocess.DEVNULL)


class Wine:
    """One throw-away Wine prefix (a fresh Windows user profile)."""

    def __init__(self, prefix: Path, display: str) -> None:
        shutil.rmtree(prefix, ignore_errors=True)
        self.env = dict(os.environ)
        self.env.update(
            WINEPREFIX=str(prefix),
            WINEDEBUG="-all",
            WINEARCH="win64",
            # no Mono or Gecko (nothing here needs them, and they would be downloaded)
            WINEDLLOVERRIDES="mscoree,mshtml=",
            DISPLAY=display,  # Setup's windows need a screen, even when it shows none
        )
        subprocess.run(["wineboot", "--init"], env=self.env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["wine", *args], env=self.env, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"wine {' '.join(args)}: exit {done.returncode}\n"
                               f"{done.stdout}{done.stderr}")
        return done

    def wait(self) -> None:
        """Until every Windows process of the prefix has ended (Setup starts children)."""
        subprocess.run(["wineserver", "-w"], env=self.env, check=False)

    def stop(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, check=False,
                       stderr=subprocess.DEVNULL)

    def folder(self, variable: str) -> tuple[str, Path]:
        """A Windows folder variable (LOCALAPPDATA, APPDATA): its Windows and Linux paths."""
        windows = self.run("cmd", "/c", f"echo %{variable}%").stdout.strip()
        linux = subprocess.run(["winepath", "-u", windows], env=self.env, capture_output=True,
                               text=True, check=True).stdout.strip()
        return windows, Path(linux).resolve()

    def reg_value(self, key: str, name: str | None = None) -> str | None:
        """A registry value's data (None when the key or value is missing)."""
        args = ["reg", "query", key, *(["/ve"] if name is None else ["/v", name])]
        done = self.run(*args, check=False)
        if done.returncode != 0:
            return None
        for line in done.stdout.splitlines():
            found = _REG_LINE.match(line)
            if found:
                return found.group(2) or ""
        return None

    def has_key(self, key: str) -> bool:
        return self.run("reg", "query", key, check=False).returncode == 0


def make_standin(folder: Path) -> Path:
    """The stand-in payload: a placeholder rakor-desktop.exe and the icon Setup needs."""
    shutil.rmtree(folder, ignore_errors=True)
    icons = folder / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    (folder / APP_EXE).write_text(STANDIN_NOTE, encoding="ascii", newline="")
    (folder / "STAND-IN.txt").write_text(STANDIN_NOTE, encoding="ascii", newline="")
    shutil.copy2(ROOT / "resources" / "icons" / "rakor-desktop.ico", icons)
    return folder


def app_version() -> str:
    sys.path.insert(0, str(ROOT / "packaging"))
    import bundle_rules  # beside build_bundle.py

    return str(bundle_rules.app_version(ROOT))


def windows_app_dirs(local_appdata: Path) -> tuple[Path, dict[Path, bytes]]:
    """The app's data folder on Windows and the user's files in it, as the app places them.

    ``rakor_desktop.paths.app_dirs()`` itself, with platformdirs' Windows class and its
    fallback that reads ``%LOCALAPPDATA%`` (off Windows it cannot ask the shell).
    """
    import platformdirs
    from platformdirs import windows

    sys.path.insert(0, str(ROOT))
    from rakor_desktop import logs, paths, settings

    saved = (platformdirs.PlatformDirs, windows._RESOLVE_WIN_FOLDER, dict(os.environ))
    platformdirs.PlatformDirs = windows.Windows  # type: ignore[misc]
    windows._RESOLVE_WIN_FOLDER = windows.get_win_folder_from_env_vars  # type: ignore[misc]
    os.environ["LOCALAPPDATA"] = str(local_appdata)
    os.environ.pop("RAKOR_HOME", None)
    try:
        dirs = paths.app_dirs()
    finally:
        platformdirs.PlatformDirs = saved[0]  # type: ignore[misc]
        windows._RESOLVE_WIN_FOLDER = saved[1]  # type: ignore[misc]
        os.environ.clear()
        os.environ.update(saved[2])
    files = {
        dirs.database: b"SQLite format 3\x00 the user's meetings",
        dirs.backups / "rakor-2023-12-14.sqlite3": b"SQLite format 3\x00 a backup",
        dirs.config / settings.SETTINGS_FILE_NAME: b'{"language": "id"}',
        dirs.logs / logs.LOG_FILE_NAME: b"a log line",
    }
    return dirs.data, files


def main() -> int:
    started = time.perf_counter()
    ensure_wine()
    ensure_iscc()
    setup_s = time.perf_counter() - started
    version = app_version()
    WORK.mkdir(parents=True, exist_ok=True)
    standin = make_standin(WORK / "stand-in" / "rakor-desktop")
    screen = subprocess.Popen(["Xvfb", "-displayfd", "1", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert screen.stdout is not None
    display = screen.stdout.readline().strip()
    if not display.isdigit():
        print("Xvfb did not start", file=sys.stderr)
        screen.terminate()
        return 1
    wine = Wine(WORK / "wine-prefix", ":" + display)
    results: list[tuple[bool, str]] = []

    def check(ok: bool, what: str) -> None:
        results.append((ok, what))
        print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)

    try:
        step = time.perf_counter()
        win_standin = wine.run("winepath", "-w", str(standin)).stdout.strip()
        win_out = wine.run("winepath", "-w", str(WORK)).stdout.strip()
        compiled = wine.run(str(ISCC), "/Qp", f"/DBundleDir={win_standin}",
                            f"/DAppVersion={version}", f"/O{win_out}",
                            str(wine.run("winepath", "-w", str(ISS)).stdout.strip()),
                            check=False)
        setup = WORK / f"RakorDesktop-Setup-{version}.exe"
        check(compiled.returncode == 0 and setup.is_file(),
              f"ISCC compiles rakor-desktop.iss ({time.perf_counter() - step:.1f} s)")
        if not setup.is_file():
            print(compiled.stdout + compiled.stderr, file=sys.stderr)
            return _close(results, started, setup_s)

        _, local = wine.folder("LOCALAPPDATA")
        _, roaming = wine.folder("APPDATA")
        program_files = Path(wine.run("winepath", "-u", "C:\\Program Files").stdout.strip())
        app_dir = local / "Programs" / APP_NAME
        shortcut = roaming / "Microsoft/Windows/Start Menu/Programs" / f"{APP_NAME}.lnk"
        log_file = WORK / "setup.log"
        log_file.unlink(missing_ok=True)

        step = time.perf_counter()
        wine.run(str(wine.run("winepath", "-w", str(setup)).stdout.strip()), "/VERYSILENT",
                 "/SUPPRESSMSGBOXES", "/NORESTART",
                 "/LOG=" + wine.run("winepath", "-w", str(log_file)).stdout.strip(),
                 check=False)
        wine.wait()
        log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.is_file() else ""
        check("Installation process succeeded" in log,
              f"Setup /VERYSILENT installs ({time.perf_counter() - step:.1f} s)")
        check("Administrative install mode: No" in log
              and "Install mode root key: HKEY_CURRENT_USER" in log,
              "per user, no administrator rights (Setup's log: not administrative, HKCU)")
        check((app_dir / APP_EXE).is_file() and not (program_files / APP_NAME).exists(),
              r"the program is in %LOCALAPPDATA%\Programs\Rakor Desktop, not Program Files")
        lnk = shortcut.read_bytes() if shortcut.is_file() else b""
        check(APP_EXE.encode("utf-16-le") in lnk or APP_EXE.encode() in lnk,
              "the Start-menu shortcut points at rakor-desktop.exe")
        classes = r"HKCU\Software\Classes"
        command = wine.reg_value(classes + r"\RakorDesktop.EventFile\shell\open\command")
        check(wine.reg_value(classes + r"\.rakor") == "RakorDesktop.EventFile"
              and command is not None and APP_EXE in command and '"%1"' in command,
              ".rakor opens with the app, in the user's hive (HKCU\\Software\\Classes)")
        check(not wine.has_key(r"HKLM\Software\Classes\.rakor")
              and not wine.has_key(r"HKLM\Software\Microsoft\Windows\CurrentVersion"
                                   rf"\Uninstall\{APP_ID}"),
              "nothing written to HKEY_LOCAL_MACHINE")
        uninstall_key = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
        uninstaller = wine.reg_value(uninstall_key, "UninstallString")
        check(uninstaller is not None and "unins000.exe" in uninstaller,
              "the uninstaller is registered for this user (Settings > Apps)")

        # the user's data, where the app keeps it on Windows
        data, kept = windows_app_dirs(local)
        check(data == local / "RakorDesktop" and all(data in p.parents for p in kept),
              r"the app keeps its data, backups, settings in %LOCALAPPDATA%\RakorDesktop")
        for path, content in kept.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)

        step = time.perf_counter()
        wine.run(*(_split_command(uninstaller or "")), "/VERYSILENT", "/SUPPRESSMSGBOXES",
                 "/NORESTART", check=False)
        wine.wait()
        check(not app_dir.exists(),
              f"the uninstaller removes the program ({time.perf_counter() - step:.1f} s)")
        check(not shortcut.exists(), "... and the Start-menu shortcut")
        check(not wine.has_key(classes + r"\.rakor")
              and not wine.has_key(classes + r"\RakorDesktop.EventFile")
              and not wine.has_key(uninstall_key),
              "... and the association and its Settings > Apps entry")
        check(all(p.is_file() and p.read_bytes() == c for p, c in kept.items()),
              "the database, its backups and the settings are kept")
    finally:
        wine.stop()
        screen.terminate()
        screen.wait()
        shutil.rmtree(WORK / "wine-prefix", ignore_errors=True)  # 1.3 GB of Wine's DLLs
    return _close(results, started, setup_s)


def _split_command(command: str) -> list[str]:
    """``"C:\\...\\unins000.exe"`` (quoted, as Windows stores it) as an argument list."""
    command = command.strip()
    if command.startswith('"'):
        exe, _, rest = command[1:].partition('"')
        return [exe, *rest.split()]
    return command.split()


def _close(results: list[tuple[bool, str]], started: float,
           setup_s: float) -> int:
    failed = sum(1 for ok, _ in results if not ok)
    total = time.perf_counter() - started
    say(f"installer check: {total:.0f} s in all ({setup_s:.0f} s installing Wine/ISCC)")
    print(f"Installer: {len(results) - failed} passed, {failed} failed", flush=True)
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
