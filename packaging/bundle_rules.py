"""What goes into the one-folder bundle: the rules ``build.spec`` applies.

Kept apart from the spec so that the tests (``tests/test_packaging.py``) check
the same lists the build uses. Three kinds of rules:

* **Our data files**: every file below ``resources/`` (what
  ``rakor_desktop.paths.resource()`` can ask for), except the sources that only
  developers use (``.ts`` translation sources).
* **Qt**: only the Qt libraries the app links (Core, Gui, Widgets, and the
  helpers those need), only the plugins it uses (the desktop and offscreen
  platforms, JPEG and ICO image formats, the compose input method, the Windows
  style), and none of Qt's own translations (Qt ships no ``qtbase_id``; ours is
  in ``resources/translations``).
* **System libraries** (Linux): a library is kept only while something kept
  still links it, so dropping a Qt plugin also drops what only it needed
  (dropping the GTK theme plugin drops cairo, pango, gdk-pixbuf, ...).

This file is loaded by path (``packaging/`` is not a Python package: the name
would shadow the ``packaging`` library that pip and PyInstaller import).
"""

from __future__ import annotations

import re
import struct
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
BUNDLE_NAME = "rakor-desktop"
"""The executable's and the bundle folder's name."""

DEV_ONLY_RESOURCE_SUFFIXES = frozenset({".ts"})
"""Files below resources/ that the app never loads (sources of compiled files)."""

# -- Python modules ---------------------------------------------------------------

PACKAGES_COLLECTED_WHOLE = ("rakor_desktop", "ui", "reportlab.graphics.barcode")
"""Packages bundled with every submodule: ours, so that a module imported by name
or only inside a function is never missing; reportlab's barcodes, which import
each other through strings (the QR cards need them)."""

HIDDEN_IMPORTS = (
    "docx", "reportlab.pdfgen.canvas", "reportlab.platypus", "openpyxl", "python_calamine",
    "charset_normalizer", "aiohttp", "aiohttp.web", "qasync",
)
"""Libraries the app imports only inside functions (documents, cards, importers, the
venue network)."""

EXCLUDED_MODULES = (
    # Qt bindings the app does not use (each would pull its Qt libraries and plugins).
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtPdf", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtPrintSupport",
    "PySide6.QtLabsStyleKit",
    # Python's developer tools and GUI toolkits.
    "tkinter", "_tkinter", "idlelib", "lib2to3", "pydoc_data", "ensurepip", "venv",
    "test", "unittest", "doctest", "pdb",
    # Build and test tools that may sit in the same virtual environment.
    "pip", "setuptools", "pkg_resources", "PyInstaller", "pytest", "pytestqt",
    "_pytest", "mypy", "ruff", "jsonschema", "pypdf",
    # The venue network is plain HTTP on the venue's own network (issue 13): no TLS;
    # hashlib uses Python's own md5/sha (no libcrypto).
    "ssl", "_ssl", "_hashlib",
    # Chinese, Japanese and Korean legacy codecs (lists come as UTF-8/16 or cp1252).
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
    # Pillow: reportlab needs PNG and JPEG only (signatures, photos).
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin",
    "PIL._imagingcms", "PIL.ImageCms", "PIL._imagingtk", "PIL.ImageTk", "PIL.ImageQt",
    "PIL._imagingmorph", "PIL.ImageMorph", "PIL._imagingft", "PIL.ImageFont",
    # lxml: python-docx and openpyxl use lxml.etree only.
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.cssselect",
    "lxml.doctestcompare", "lxml.usedoctest",
    # No worker processes (Qt's thread pool does the background work; the venue
    # network's server runs asyncio on Qt's event loop, its desks plain threads).
    "multiprocessing", "concurrent.futures.process",
)  # fmt: skip

TARGET_SYSTEM_LIBRARIES = frozenset({
    "libdbus-1.so.3", "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1", "libfontconfig.so.1",
    "libfreetype.so.6", "libexpat.so.1", "libz.so.1", "libglib-2.0.so.0", "libgthread-2.0.so.0",
})  # fmt: skip
"""Linux libraries taken from the machine the app runs on, not bundled. Every
desktop has them, their interfaces have been stable for many years, and the
system's copy belongs with the system's configuration (fontconfig reads the
system's fonts.conf, D-Bus talks to the system's daemon). The X11 extensions Qt
needs that desktops often lack (``libxcb-cursor``, ``libxkbcommon-x11``, ...) stay
bundled."""

UNUSED_LIBRARY_DATA = ("docx/templates/default-docx-template",)
"""Data folders of libraries that nothing reads at run time (python-docx opens
``templates/default.docx``; the folder is the unzipped source of that file)."""

PACKAGE_FOLDERS = ("docx.parts",)
"""Packages that reach their data through their own folder (python-docx opens
``docx/parts/../templates/default-footer.xml``): the folder must exist in the
bundle, although the modules themselves are in the archive of the executable."""


# -- Qt ---------------------------------------------------------------------------

QT_LIBRARIES_KEPT = frozenset({"Core", "Gui", "Widgets", "DBus", "XcbQpa"})
"""Qt 6 libraries kept (``libQt6Gui.so.6``, ``Qt6Gui.dll``); DBus and XcbQpa are
linked by Gui and by the X11 platform plugin."""

QT_PLUGINS_KEPT: dict[str, frozenset[str]] = {
    # the real desktops, and offscreen for the self-test and CI
    "platforms": frozenset({"qxcb", "qwindows", "qcocoa", "qoffscreen"}),
    # PNG is built into QtGui; JPEG photos and the .ico of the app
    "imageformats": frozenset({"qjpeg", "qico"}),
    # dead keys and the compose key (typing é, ñ) on X11
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin"}),
    # the native look on Windows
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle"}),
}

WINDOWS_DROPPED = frozenset({"opengl32sw.dll", "d3dcompiler_47.dll"})
"""Software OpenGL for QtQuick/OpenGL widgets: a widgets app never loads them."""

_QT_LIBRARY = re.compile(r"^(?:lib)?Qt6([A-Za-z0-9]+?)(?:\.so\.6|\.dll|\.dylib)?$")
_PLUGIN_NAME = re.compile(r"^(?:lib)?(.+?)(?:\.so|\.dll|\.dylib)$")


def app_version(root: Path = ROOT) -> str:
    """The version of the package (``rakor_desktop.__version__``), read without importing it."""
    source = (root / "rakor_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', source, re.MULTILINE)
    if match is None:
        raise RuntimeError("rakor_desktop/__init__.py has no __version__")
    return match.group(1)


def resource_files(resources: Path = RESOURCES) -> list[Path]:
    """Every file below ``resources/`` that the app may load, sorted."""
    return sorted(
        path for path in resources.rglob("*")
        if path.is_file()
        and path.suffix.lower() not in DEV_ONLY_RESOURCE_SUFFIXES
        and "__pycache__" not in path.parts
    )  # fmt: skip


def resource_datas(resources: Path = RESOURCES) -> list[tuple[str, str]]:
    """PyInstaller ``datas``: (source file, folder inside the bundle), mirroring resources/.

    ``rakor_desktop.paths.resources_dir()`` is ``<bundle>/_internal/resources`` in the
    frozen app, so the tree below it is the same as in the source checkout.
    """
    return [
        (str(path), str(PurePosixPath("resources", *path.relative_to(resources).parent.parts)))
        for path in resource_files(resources)
    ]


def package_folder_anchors() -> list[tuple[str, str]]:
    """PyInstaller ``datas`` that create the folders of :data:`PACKAGE_FOLDERS`."""
    import importlib.util

    anchors = []
    for package in PACKAGE_FOLDERS:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            raise RuntimeError(f"{package} is not installed")
        anchors.append((spec.origin, package.replace(".", "/")))
    return anchors


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def keep_qt_file(dest: str) -> bool:
    """False for a Qt library, plugin or translation the app does not use."""
    parts = _parts(dest)
    if not parts:
        return True
    name = parts[-1]
    if name.lower() in WINDOWS_DROPPED:
        return False
    if parts[0] == "PySide6" and "translations" in parts:
        return False
    if parts[0] == "PySide6" and "plugins" in parts:
        index = parts.index("plugins")
        if len(parts) < index + 3:
            return True
        group = parts[index + 1]
        match = _PLUGIN_NAME.match(name)
        stem = match.group(1) if match else name
        return stem in QT_PLUGINS_KEPT.get(group, frozenset())
    library = _QT_LIBRARY.match(name)
    if library is not None:
        return library.group(1) in QT_LIBRARIES_KEPT
    unused_folders = ("qml", "metatypes", "resources")  # QML, build metadata, QtWebEngine
    return not (parts[0] == "PySide6" and any(p in parts for p in unused_folders))


def _is_dependency_library(dest: str, source: str) -> bool:
    """A shared library bundled only because something links it.

    Those are the libraries PyInstaller took from the system (top level of the
    bundle) and the copies that wheels carry in ``<name>.libs`` folders.
    """
    parts = _parts(dest)
    if len(parts) == 2 and parts[0].endswith(".libs"):
        return True
    if len(parts) != 1:
        return False
    if parts[0].startswith(("libpython", "python3")):  # the interpreter itself
        return False
    return "site-packages" not in source.replace("\\", "/")


def prune_binaries(
    binaries: Sequence[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[str]] | None = None,
) -> list[tuple[str, str, str]]:
    """The binaries to bundle: Qt rules applied, unlinked system libraries left out.

    Args:
        binaries: PyInstaller TOC entries ``(dest, source, typecode)``.
        imports_of: Names of the libraries a binary links (default: PyInstaller's
            own dependency reader); tests pass a fake.
    """
    if imports_of is None:
        imports_of = linked_libraries
    kept = [entry for entry in binaries if keep_qt_file(entry[0])]
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in kept:
        if _parts(entry[0])[-1] in TARGET_SYSTEM_LIBRARIES:
            continue
        if entry[2] != "SYMLINK":
            by_name.setdefault(_parts(entry[0])[-1].lower(), entry)
    kept = [e for e in kept if _parts(e[0])[-1] not in TARGET_SYSTEM_LIBRARIES]
    roots = [e for e in kept if e[2] != "SYMLINK" and not _is_dependency_library(e[0], e[1])]
    needed: set[str] = set()
    pending = list(roots)
    while pending:
        entry = pending.pop()
        for name in imports_of(entry[1]):
            key = Path(name).name.lower()
            if key in needed:
                continue
            needed.add(key)
            if key in by_name:
                pending.append(by_name[key])
    result = []
    for entry in kept:
        if entry[2] == "SYMLINK":
            target = _parts(entry[1])[-1].lower() if entry[1] else ""
            if not keep_qt_file(entry[1]) or (target and target not in by_name):
                continue
        elif _is_dependency_library(entry[0], entry[1]) and (
            _parts(entry[0])[-1].lower() not in needed
        ):
            continue
        result.append(entry)
    return result


def keep_data_file(dest: str) -> bool:
    """False for a data file of :data:`UNUSED_LIBRARY_DATA`."""
    path = "/".join(_parts(dest))
    return not any(path == d or path.startswith(d + "/") for d in UNUSED_LIBRARY_DATA)


def prune_datas(datas: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The data files to bundle: Qt's unused translations, QML, unused library data left out."""
    return [
        entry for entry in datas
        if keep_qt_file(entry[0]) and keep_qt_file(entry[1] or "") and keep_data_file(entry[0])
    ]  # fmt: skip


def linked_libraries(filename: str) -> list[str]:
    """The names of the shared libraries a binary links directly.

    ELF files are read here (PyInstaller asks ``ldd``, which lists the
    libraries of the libraries as well, so nothing could ever be dropped);
    Windows and macOS binaries are read by PyInstaller, which lists direct ones.
    """
    try:
        with open(filename, "rb") as file:
            data = file.read()
    except OSError:
        return []
    if data[:4] == b"\x7fELF":
        return _elf_needed(data)
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]

    try:
        return [name for name, _path in get_imports(filename)]
    except Exception:  # a file PyInstaller cannot read keeps nothing alive
        return []


def _elf_needed(data: bytes) -> list[str]:
    """DT_NEEDED entries of a little-endian 64-bit ELF file."""
    if data[4] != 2 or data[5] != 1:  # not ELF64 little-endian: not built here
        return []
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    needed = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for index in range(size // 16):
            tag, value = struct.unpack_from("<qQ", data, offset + 16 * index)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings + value)
                needed.append(data[strings + value : end].decode("utf-8", "replace"))
    return needed


def windows_version_info(version: str) -> Any:
    """The version resource of ``rakor-desktop.exe`` (Explorer's Details tab)."""
    from PyInstaller.utils.win32 import versioninfo as vi  # type: ignore[import-untyped]

    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    strings = [
        vi.StringStruct("CompanyName", "Rakor Desktop"),
        vi.StringStruct("FileDescription", "Rakor Desktop"),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", BUNDLE_NAME),
        vi.StringStruct("OriginalFilename", f"{BUNDLE_NAME}.exe"),
        vi.StringStruct("ProductName", "Rakor Desktop"),
        vi.StringStruct("ProductVersion", version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=tuple(numbers), prodvers=tuple(numbers)),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", strings)]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


def icon_file() -> str | None:
    """The icon of the executable (Windows .ico); None where the platform has no use for it."""
    if sys.platform == "win32":
        return str(RESOURCES / "icons" / "rakor-desktop.ico")
    return None


def _load_sibling(name: str) -> Any:
    """Load another module of packaging/ by path (see the module docstring)."""
    import importlib.util

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def shrink_icu_data(
    binaries: Sequence[tuple[str, str, str]], work: Path
) -> list[tuple[str, str, str]]:
    """Swap ICU's data library (Linux) for the smaller one of ``packaging/icu_subset.py``.

    ``RAKOR_BUNDLE_FULL_ICU=1`` keeps the full one (to rule it out when hunting a bug).
    """
    import os

    if os.environ.get("RAKOR_BUNDLE_FULL_ICU") == "1":
        return list(binaries)
    icu = _load_sibling("icu_subset")
    result = []
    for dest, source, kind in binaries:
        name = _parts(dest)[-1]
        if kind != "SYMLINK" and re.fullmatch(r"libicudata\.so\.\d+", name):
            target = work / "icu" / name
            before, after = icu.smaller_icu_library(Path(source), target)
            print(f"ICU data: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB ({name})")
            source = str(target)
        result.append((dest, source, kind))
    return result
