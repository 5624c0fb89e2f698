"""The standalone app: what build.spec bundles, the self-test, portable mode, the installers.

The bundle itself is built and its self-test run by ``tools/dev.sh test`` after
pytest (``packaging/build_bundle.py --self-test``); these tests check the rules
the build applies and run the self-test from source, in seconds.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from rakor_desktop import __version__, cli, paths
from rakor_desktop.logs import LOG_FILE_NAME, setup_logging
from rakor_desktop.settings import Settings, save_settings, settings_path
from rakor_desktop.storage import Storage

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str) -> ModuleType:
    """A module of packaging/ (loaded by path: the folder is not a Python package)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


rules = _load("bundle_rules")
icu = _load("icu_subset")


# -- what the bundle holds ----------------------------------------------------------------


def _bundled_resources() -> set[str]:
    """The files below resources/ that build.spec lists, as paths relative to resources/."""
    listed = set()
    for source, folder in rules.resource_datas():
        relative_folder = Path(folder).relative_to("resources")
        assert Path(source).parent.relative_to(ROOT / "resources") == relative_folder
        listed.add((relative_folder / Path(source).name).as_posix())
    return listed


def test_every_file_below_resources_is_bundled_except_sources() -> None:
    on_disk = {
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    listed = _bundled_resources()
    sources = {p for p in on_disk if p.endswith(".ts")}
    assert listed == on_disk - sources
    assert "translations/rakor_id.qm" in listed and "translations/qtbase_id.qm" in listed
    assert "translations/rakor_id.ts" not in listed
    assert "icons/rakor-desktop.ico" in listed
    assert "fonts/LiberationSans-Regular.ttf" in listed


def test_every_compiled_translation_has_its_source() -> None:
    folder = ROOT / "resources" / "translations"
    for qm in folder.glob("*.qm"):
        assert qm.with_suffix(".ts").is_file(), qm.name


@pytest.mark.slow
def test_self_test_passes_from_source_and_every_resource_it_loads_is_bundled(
    tmp_path: Path,
) -> None:
    """``python -m ui.app --self-test`` exits 0; what it asked paths.resource() for is bundled."""
    record = tmp_path / "resources-asked.json"
    # Wrap paths.resource() before the app starts, then run the app's main as
    # ``python -m ui.app --self-test`` would, and write down every path asked for.
    driver = (
        "import atexit, json, runpy, sys\n"
        "from rakor_desktop import paths\n"
        "asked = []\n"
        "original = paths.resource\n"
        "def resource(*parts):\n"
        "    asked.append(list(parts))\n"
        "    return original(*parts)\n"
        "paths.resource = resource\n"
        f"atexit.register(lambda: open({str(record)!r}, 'w').write(json.dumps(asked)))\n"
        "sys.argv = ['ui.app', '--self-test']\n"
        "runpy.run_module('ui.app', run_name='__main__')\n"
    )
    env = dict(os.environ)
    env.pop("RAKOR_HOME", None)  # the self-test makes its own
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", driver], cwd=ROOT, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=180, check=False,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.fullmatch(r"Self-test: \d+ passed, 0 failed, \d+ skipped", lines[-1])
    assert all(line.startswith(("OK ", "SKIP ")) for line in lines[:-1]), done.stdout
    for step in ("import CSV", "import XLSX", "notulen and daftar hadir", "main window"):
        assert any(line.startswith(f"OK {step}:") for line in lines), step

    listed = _bundled_resources()
    asked = {"/".join(parts) for parts in json.loads(record.read_text())}
    assert asked, "the self-test loaded no bundled resource"
    for wanted in asked:
        path = ROOT / "resources" / wanted
        if path.is_dir():
            inside = {p.relative_to(ROOT / "resources").as_posix() for p in path.rglob("*.qm")}
            assert inside <= listed, wanted
        else:
            assert wanted in listed, f"{wanted} is loaded but build.spec does not bundle it"


def test_a_failing_step_is_reported_and_fails_the_run(tmp_path: Path) -> None:
    from ui.selftest import SelfTest, Skipped

    lines: list[str] = []
    test = SelfTest(folder=tmp_path, emit=lines.append)
    def not_yet() -> str:
        raise Skipped("rakor_desktop.later does not exist")

    test.step("works", lambda: "fine")
    test.step("breaks", lambda: str(1 / 0))
    test.step("later", not_yet)
    assert lines[0].startswith("OK works: fine")
    assert lines[1].startswith("FAIL breaks: ZeroDivisionError: division by zero")
    assert lines[2].startswith("SKIP later: rakor_desktop.later does not exist")
    assert [(s.ok, s.skipped) for s in test.steps] == [(True, False), (False, False), (True, True)]


def test_app_imports_only_qt_modules_that_are_bundled() -> None:
    """A Qt module used in ui/ must not be excluded by packaging/bundle_rules.py."""
    used = set()
    for path in (ROOT / "ui").rglob("*.py"):
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    excluded = {m.split(".", 1)[1] for m in rules.EXCLUDED_MODULES if m.startswith("PySide6.")}
    assert used, "no Qt module found in ui/"
    assert not used & excluded, (
        f"ui/ uses {sorted(used & excluded)}: take it out of EXCLUDED_MODULES in "
        "packaging/bundle_rules.py (and keep its Qt library and plugins)"
    )
    for name in used:
        assert name.removeprefix("Qt") in rules.QT_LIBRARIES_KEPT, name


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqico.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_id.qm", False),
        # the Windows wheel's layout
        ("PySide6/Qt6Core.dll", True),
        ("PySide6/Qt6Network.dll", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/imageformats/qtiff.dll", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/translations/qtbase_ja.qm", False),
        # not Qt at all
        ("lxml/etree.cpython-311-x86_64-linux-gnu.so", True),
        ("resources/translations/qtbase_id.qm", True),
    ],
)
def test_qt_files_kept_and_left_out(dest: str, kept: bool) -> None:
    assert rules.keep_qt_file(dest) is kept


def test_unused_library_data_is_left_out() -> None:
    datas = [
        ("docx/templates/default.docx", "/venv/docx/templates/default.docx", "DATA"),
        ("docx/templates/default-footer.xml", "/venv/docx/templates/default-footer.xml", "DATA"),
        ("docx/templates/default-docx-template/word/document.xml",
         "/venv/docx/templates/default-docx-template/word/document.xml", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "/venv/PySide6/Qt/translations/qtbase_de.qm",
         "DATA"),
    ]  # fmt: skip
    kept = [d for d, _s, _k in rules.prune_datas(datas)]
    assert kept == ["docx/templates/default.docx", "docx/templates/default-footer.xml"]


def test_prune_keeps_what_is_linked_and_drops_the_rest() -> None:
    links = {
        "/venv/PySide6/Qt/lib/libQt6Gui.so.6": ["libQt6Core.so.6", "libfreetype.so.6",
                                                "libxkbcommon.so.0"],
        "/venv/PySide6/Qt/plugins/platforms/libqxcb.so": ["libxcb-cursor.so.0"],
        "/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libcairo.so.2"],
        "/usr/lib/libcairo.so.2": ["libpixman-1.so.0"],
        "/usr/lib/libxkbcommon.so.0": [],
        "/usr/lib/libxcb-cursor.so.0": ["libxcb.so.1"],
    }  # fmt: skip
    binaries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/venv/PySide6/Qt/lib/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so",
         "/venv/PySide6/Qt/plugins/platforms/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so",
         "/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/usr/lib/libpixman-1.so.0", "BINARY"),
        ("libxkbcommon.so.0", "/usr/lib/libxkbcommon.so.0", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libxcb.so.1", "/usr/lib/libxcb.so.1", "BINARY"),
        ("libfreetype.so.6", "/usr/lib/libfreetype.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]  # fmt: skip
    kept = {d for d, _s, _k in rules.prune_binaries(binaries, lambda f: links.get(f, []))}
    assert kept == {
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libxkbcommon.so.0",
        "libxcb-cursor.so.0",
        "libQt6Gui.so.6",
        "libpython3.11.so.1.0",
    }  # the GTK theme went, and cairo and pixman with it; libxcb and freetype: the system's


def test_elf_needed_reads_the_direct_links_only() -> None:
    library = Path(sys.executable).resolve()
    if library.read_bytes()[:4] != b"\x7fELF":
        pytest.skip("not an ELF platform")
    needed = rules.linked_libraries(str(library))
    assert any(name.startswith("libc.so") for name in needed)


def test_app_version_is_the_package_version() -> None:
    assert rules.app_version() == __version__


def test_build_spec_is_python_and_uses_the_rules() -> None:
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    compile(source, "build.spec", "exec")
    for name in ("resource_datas", "prune_binaries", "prune_datas", "shrink_icu_data",
                 "EXCLUDED_MODULES", "PACKAGES_COLLECTED_WHOLE", "package_folder_anchors"):
        assert f"rules.{name}" in source, name
    assert "launcher.py" in source
    assert (PACKAGING / "launcher.py").is_file()


def test_package_folders_the_libraries_read_through_exist() -> None:
    for source, folder in rules.package_folder_anchors():
        assert Path(source).is_file()
        assert Path(source).parent.as_posix().endswith(folder)


# -- the smaller ICU data -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("icudt73l/root.res", True),
        ("icudt73l/id.res", True),
        ("icudt73l/id_ID.res", True),
        ("icudt73l/en_GB.res", True),
        ("icudt73l/de.res", False),
        ("icudt73l/zh_Hant_TW.res", False),
        ("icudt73l/coll/id.res", True),
        ("icudt73l/coll/de__PHONEBOOK.res", False),
        ("icudt73l/coll/ucadata.icu", True),
        ("icudt73l/zone/pool.res", True),
        ("icudt73l/zone/res_index.res", True),
        ("icudt73l/supplementalData.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/ibm-943_P15A-2003.cnv", False),
        ("icudt73l/brkitr/cjdict.dict", False),
        ("icudt73l/brkitr/word.brk", True),
        ("icudt73l/translit/root.res", False),
        ("icudt73l/translit/Latin_ASCII.res", False),
        ("icudt73l/lang/id.res", False),
        ("icudt73l/curr/root.res", False),
        ("icudt73l/unames.icu", False),
        ("icudt73l/likelySubtags.res", True),
        ("icudt73l/nfkc.nrm", True),
    ],
)
def test_icu_items_kept_and_left_out(item: str, kept: bool) -> None:
    assert icu.keep_item(item) is kept


def _icu_library() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("no ICU data library in this PySide6 (not Linux)")
    return found[0]


def test_icu_package_is_written_back_byte_for_byte() -> None:
    library = _icu_library()
    data = library.read_bytes()
    _symbol, offset, size = icu._elf_data_symbol(data)
    package = icu.parse(data[offset : offset + size])
    assert icu.to_bytes(package) == data[offset : offset + size]


def test_smaller_icu_package_keeps_indonesian_english_and_root() -> None:
    symbol, package = icu.read_library(_icu_library())
    smaller = icu.subset(package)
    names = {name.split("/", 1)[1] for name, _ in smaller.items}
    assert symbol.startswith("icudt") and symbol.endswith("_dat")
    assert {"root.res", "id.res", "en.res", "coll/root.res", "coll/ucadata.icu"} <= names
    assert "de.res" not in names and "fr.res" not in names
    assert not any(name.endswith(".cnv") for name in names)
    assert smaller.size < package.size / 4
    again = icu.parse(icu.to_bytes(smaller))  # a valid package: ICU reads it the same way
    assert [n for n, _ in again.items] == sorted(n for n, _ in smaller.items)


# -- portable mode ------------------------------------------------------------------------


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen app on a USB stick with the portable marker beside its executable."""
    folder = tmp_path / "USB" / "RakorDesktop"
    folder.mkdir(parents=True)
    (folder / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.delenv("RAKOR_HOME")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "rakor-desktop.exe"))
    return folder


def test_portable_mode_keeps_database_settings_logs_and_backups_beside_the_app(
    stick: Path,
) -> None:
    assert paths.portable_root() == stick
    storage = Storage.open(paths.default_database_path())
    try:
        backup = storage.backup()
    finally:
        storage.close()
    save_settings(Settings(operator_name="Rina"))
    log_file = setup_logging()

    assert (stick / "data" / "rakor.sqlite3").is_file()
    assert backup.parent == stick / "data" / "backups" == paths.app_dirs().backups
    assert settings_path() == stick / "config" / "settings.json"
    assert settings_path().is_file()
    assert log_file == stick / "logs" / LOG_FILE_NAME
    created = {p.relative_to(stick).parts[0] for p in stick.rglob("*")}
    assert created == {"data", "config", "logs", paths.PORTABLE_MARKER}


def test_portable_marker_must_be_a_file(stick: Path) -> None:
    (stick / paths.PORTABLE_MARKER).unlink()
    (stick / paths.PORTABLE_MARKER).mkdir()
    assert paths.portable_root() is None
    assert not paths.app_dirs().data.is_relative_to(stick)


def test_rakor_home_wins_over_the_portable_marker(
    stick: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAKOR_HOME", str(tmp_path / "elsewhere"))
    assert paths.app_dirs().data == tmp_path / "elsewhere" / "data"


def test_marker_beside_the_source_checkout_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAKOR_HOME")
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    assert paths.portable_root() is None


def test_frozen_resources_are_below_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    expected = tmp_path / "_internal" / "resources" / "fonts" / "x.ttf"
    assert paths.resource("fonts", "x.ttf") == expected


# -- installers and icons -------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_exist_at_every_size_the_installers_use() -> None:
    icons = ROOT / "resources" / "icons"
    script = (PACKAGING / "linux" / "install-desktop-entry.sh").read_text(encoding="utf-8")
    sizes = re.search(r'^sizes="([\d ]+)"', script, re.MULTILINE)
    assert sizes is not None
    for size in map(int, sizes.group(1).split()):
        assert _png_size((icons / f"rakor-desktop-{size}.png").read_bytes()) == (size, size)


def test_windows_icon_holds_the_sizes_the_shell_shows() -> None:
    data = (ROOT / "resources" / "icons" / "rakor-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sides = set()
    for index in range(count):
        width, _height, _c, _r, _p, _b, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        side = width or 256
        assert _png_size(data[offset : offset + size]) == (side, side)
        sides.add(side)
    assert {16, 24, 32, 48, 256} <= sides


def test_linux_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "rakor-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == f"{rules.BUNDLE_NAME} %f"
    assert desktop["Icon"] == "rakor-desktop"
    mime = (PACKAGING / "linux" / "rakor-desktop-mime.xml").read_text(encoding="utf-8")
    assert f'type="{desktop["MimeType"].rstrip(";")}"' in mime
    assert '<glob pattern="*.rakor"/>' in mime


def test_inno_setup_script_installs_per_user_with_the_package_version() -> None:
    script = (PACKAGING / "windows" / "rakor-desktop.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", script, re.MULTILINE)
    assert re.search(r"^AppVersion=\{#AppVersion\}$", script, re.MULTILINE)
    assert not re.search(r'#define AppVersion "', script)  # read from the executable
    assert '#define AppExe "rakor-desktop.exe"' in script
    assert '#define EventFileExt ".rakor"' in script
    assert "Root: HKA;" in script and "HKLM" not in script
    assert "{autoprograms}" in script  # the Start menu shortcut
    assert "SetupIconFile=" in script and "UninstallDisplayIcon=" in script
    assert "dist\\rakor-desktop" in script


def test_exported_event_file_with_the_associated_extension_imports(
    storage: Storage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file type the installers associate (*.rakor) is what ``rakor event import`` reads."""
    from rakor_desktop.demo import create_demo_event
    from rakor_desktop.exports.eventfile import export_event

    event_id = create_demo_event(storage)
    exported = export_event(storage, event_id, tmp_path / "rapat.rakor")
    assert exported.suffix == ".rakor"
    other = tmp_path / "other.sqlite3"
    assert cli.main(["--db", str(other), "event", "import", str(exported)]) == 0
    new_id = int(capsys.readouterr().out.strip().splitlines()[-1])
    copy = Storage.open(other)
    try:
        assert len(copy.list_invitees(new_id)) == len(storage.list_invitees(event_id))
    finally:
        copy.close()


# -- Windows: the installer's compiler, its check under Wine, the workflow ----------------


def test_inno_setup_compiler_is_pinned_to_one_npm_version() -> None:
    """ISCC.exe comes from the npm registry at one exact version, nothing fetched at build."""
    folder = PACKAGING / "windows"
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))
    wanted = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    assert list(wanted) == ["innosetup"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted["innosetup"])  # exact, no ^ or ~
    locked = lock["packages"]["node_modules/innosetup"]
    assert locked["version"] == wanted["innosetup"] and locked["integrity"].startswith("sha512-")
    assert "node_modules/" in (folder / ".gitignore").read_text(encoding="utf-8")
    compiler: Path = _load("build_bundle").NPM_ISCC  # --installer looks there first
    assert compiler == folder / "node_modules" / "innosetup" / "bin" / "ISCC.exe"


def test_inno_setup_script_compiles_a_stand_in_and_leaves_no_empty_association() -> None:
    script = (PACKAGING / "windows" / "rakor-desktop.iss").read_text(encoding="utf-8")
    assert "#ifndef BundleDir" in script  # check_installer.py: /DBundleDir=<stand-in>
    # where {autopf} points per user on Windows, named directly (Wine cannot resolve it)
    assert re.search(r"^DefaultDirName=\{localappdata\}\\Programs\\", script, re.MULTILINE)
    for line in script.splitlines():
        if line.startswith("Root: HKA;") and "uninsdeletevalue" in line:
            assert "uninsdeletekeyifempty" in line, line


def test_tools_dev_test_checks_the_installer_under_wine_unless_skipped() -> None:
    dev = (ROOT / "tools" / "dev.sh").read_text(encoding="utf-8")
    test_part = dev[dev.index("    test)") :]
    assert "packaging/windows/check_installer.py" in test_part
    assert test_part.index("build_bundle.py --self-test") < test_part.index(
        "check_installer.py"
    )
    assert 'RAKOR_SKIP_INSTALLER:-0}" = 1' in test_part
    checker = (PACKAGING / "windows" / "check_installer.py").read_text(encoding="utf-8")
    assert '"wine32:i386"' in checker and '"npm", "ci"' in checker
    assert "STAND-IN" in checker


def test_windows_workflow_builds_tests_and_uploads_the_installer() -> None:
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in workflow
    assert 'python-version: "3.11"' in workflow
    assert "npm ci" in workflow and "working-directory: packaging/windows" in workflow
    assert "QT_QPA_PLATFORM: offscreen" in workflow
    assert "build_bundle.py --self-test --installer" in workflow
    assert "actions/upload-artifact" in workflow
    assert "path: dist/RakorDesktop-Setup-*.exe" in workflow
    assert "if-no-files-found: error" in workflow
    # every step is one command: a failing command fails its step on Windows' shells
    for line in workflow.splitlines():
        assert not line.rstrip().endswith("run: |"), line
