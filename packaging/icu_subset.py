"""A smaller ICU data library for the Linux bundle: 32 MB down to about 5 MB.

Qt Core on Linux links ICU, whose data library (``libicudata.so.NN``) carries
the locale data of some 700 locales, about 200 legacy character-set converters,
the word dictionaries of Chinese, Japanese, Thai, Lao, Khmer and Burmese, the
transliteration rules, and the names of languages, countries, currencies and
units in every language. The app is in Bahasa Indonesia and English and keeps
its text in Unicode; Qt uses ICU for collation (``QCollator``), case mapping and
time zones, and its own CLDR tables for everything ``QLocale`` names. This
module rewrites the data library with:

* the data that belongs to no locale (normalisation, break rules, the collation
  root, time zones, plural rules, likely subtags, ...), and
* the locales root, ``en`` (with ``en_001``, ``en_GB``, ``en_US``) and ``id``
  (also under its old code ``in``) of the trees kept.

Left out: the ``.cnv`` converters, the ``.dict`` word dictionaries, the trees
of transliterators and of display names (``translit``, ``lang``, ``region``,
``curr``, ``unit``, ``rbnf``), Unicode character names and the spoof-check
data, and the other locales (ICU falls back to root for them).

The library is one data symbol (``icudt<NN>_dat``) holding an ICU "common data"
package; the package format is a header, a table of contents (item count, then
name and data offsets) and the items, each 16-byte aligned. The new package is
written here and turned into a shared library with the GNU assembler and
linker (``as`` and ``ld`` from binutils, which PyInstaller needs anyway).
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

KEPT_LOCALES = frozenset({
    "root", "en", "en_001", "en_GB", "en_US", "en_US_POSIX", "id", "id_ID", "in", "in_ID",
})  # fmt: skip
TREES_LEFT_OUT = frozenset({"translit", "lang", "region", "curr", "unit", "rbnf"})
FILES_LEFT_OUT = frozenset({"unames.icu", "confusables.cfu"})
_NOT_A_LOCALE = frozenset({"root", "pool", "res_index"})
_LOCALE = re.compile(r"^[a-z]{2,3}(?:_\w*)?$")
_ALIGN = 16


@dataclass(frozen=True)
class IcuPackage:
    """An ICU common data package: its header and its items (name → bytes), in order."""

    header: bytes
    items: list[tuple[str, bytes]]

    @property
    def size(self) -> int:
        return len(to_bytes(self))


def keep_item(name: str) -> bool:
    """Whether an item (``icudt73l/coll/id.res``) stays in the smaller package."""
    relative = name.split("/", 1)[1] if "/" in name else name
    tree, _, leaf = relative.rpartition("/")
    stem, _, suffix = leaf.rpartition(".")
    if suffix in ("cnv", "dict") or tree in TREES_LEFT_OUT or relative in FILES_LEFT_OUT:
        return False
    if suffix == "res" and stem not in _NOT_A_LOCALE and _LOCALE.match(stem):
        return stem in KEPT_LOCALES
    return True


def parse(data: bytes) -> IcuPackage:
    """Read a little-endian ICU common data package ("CmnD")."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    offsets = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(offsets):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        end = offsets[index + 1][1] if index + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    return IcuPackage(header=data[:header_size], items=items)


def to_bytes(package: IcuPackage) -> bytes:
    """Write a package in the same format (names sorted, as ICU's binary search needs)."""
    items = sorted(package.items, key=lambda item: item[0])
    count = len(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * count
    first_item = table_size + len(names)
    first_item += -first_item % _ALIGN
    name_offsets, data_offsets = [], []
    position, cursor = table_size, first_item
    blobs = []
    for name, blob in items:
        name_offsets.append(position)
        position += len(name) + 1
        data_offsets.append(cursor)
        padded = blob + b"\0" * (-len(blob) % _ALIGN)
        blobs.append(padded)
        cursor += len(padded)
    table = struct.pack("<I", count) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    body = table + names
    body += b"\xaa" * (first_item - len(body))  # ICU's own tools pad the names so
    return package.header + body + b"".join(blobs)


def subset(package: IcuPackage) -> IcuPackage:
    """The package with only the items :func:`keep_item` keeps."""
    return IcuPackage(
        header=package.header, items=[item for item in package.items if keep_item(item[0])]
    )


# -- the shared library ---------------------------------------------------------------


def _elf_data_symbol(library: bytes) -> tuple[str, int, int]:
    """Name, file offset and size of the ``icudt*_dat`` symbol of an ELF64 library."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a little-endian 64-bit ELF file")
    shoff, = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab_offset = sections[link][4]
        for index in range(size // entsize):
            st_name, _st_info, _other, st_shndx, st_value, st_size = struct.unpack_from(
                "<IBBHQQ", library, offset + index * entsize
            )
            end = library.index(b"\0", strtab_offset + st_name)
            symbol = library[strtab_offset + st_name : end].decode("ascii")
            if symbol.startswith("icudt") and symbol.endswith("_dat") and st_shndx:
                section = sections[st_shndx]
                return symbol, st_value - section[3] + section[4], st_size
    raise ValueError("no icudt*_dat symbol in this library")


def read_library(path: Path) -> tuple[str, IcuPackage]:
    """The data symbol's name and the package inside an ICU data library."""
    library = path.read_bytes()
    symbol, offset, size = _elf_data_symbol(library)
    return symbol, parse(library[offset : offset + size])


def write_library(package: IcuPackage, symbol: str, soname: str, target: Path) -> Path:
    """Assemble and link a shared library exporting ``symbol`` = the package."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rakor-icu-") as tmp:
        folder = Path(tmp)
        (folder / "data.dat").write_bytes(to_bytes(package))
        (folder / "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"\t.balign {_ALIGN}\n"
            f"{symbol}:\n"
            '\t.incbin "data.dat"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(["as", "--64", "-o", "data.o", "data.s"], cwd=folder, check=True)
        subprocess.run(
            ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(target), "data.o"],
            cwd=folder, check=True,
        )  # fmt: skip
    return target


def smaller_icu_library(source: Path, target: Path) -> tuple[int, int]:
    """Write the smaller copy of the ICU data library ``source`` to ``target``.

    Returns:
        The sizes in bytes of the package before and after.
    """
    symbol, package = read_library(source)
    smaller = subset(package)
    write_library(smaller, symbol, source.name, target)
    return package.size, smaller.size
