"""OLE2 compound files (CFB): an Excel 97-2003 workbook (.xls), or an encrypted xlsx/xlsm,
which Excel puts in a CFB with EncryptionInfo and EncryptedPackage streams."""

from __future__ import annotations

import struct
from pathlib import Path

from greenledger.core.importing.reader.base import CFB_MAGIC, PROTECTED, ZIP_SUFFIXES, ReadError


def check_cfb(path: Path, suffix: str) -> None:
    """An OLE2 compound file: an Excel 97-2003 workbook, or an encrypted xlsx/xlsm (Excel puts
    a password-protected workbook in a CFB with EncryptionInfo and EncryptedPackage streams)."""
    names = cfb_stream_names(path)
    if names & {"encryptioninfo", "encryptedpackage"}:
        raise ReadError(f"{path.name}: {PROTECTED}")
    if suffix in ZIP_SUFFIXES:
        if names & {"workbook", "book"}:
            raise ReadError(f"{path.name}: an Excel 97-2003 workbook named {suffix}: rename it "
                            "to .xls, or save it as .xlsx in Excel")
        # Excel writes nothing else as an OLE2 file named .xlsx: a directory we cannot follow
        # is taken for an encrypted package, which is what it almost always is
        raise ReadError(f"{path.name}: {PROTECTED}")
    if suffix == ".xls" and names and not names & {"workbook", "book"}:
        raise ReadError(f"{path.name}: not an Excel 97-2003 workbook (an OLE2 file without a "
                        "Workbook stream)")


def cfb_stream_names(path: Path) -> set[str]:
    """Lower-case names of the entries of a CFB (OLE2) file's directory, read by following the
    directory sector chain through the FAT; falls back to looking for the encryption stream
    names anywhere in the file when the structure cannot be followed (damaged or odd files)."""
    try:
        return _cfb_names(path)
    except (ValueError, struct.error, IndexError, OSError):
        data = path.read_bytes()[: 64 * 1024**2]
        found = set()
        for name in ("EncryptionInfo", "EncryptedPackage", "Workbook", "Book"):
            if name.encode("utf-16-le") + b"\0\0" in data:
                found.add(name.lower())
        return found


def _cfb_names(path: Path) -> set[str]:
    with path.open("rb") as fh:
        header = fh.read(512)
        if len(header) < 512 or not header.startswith(CFB_MAGIC):
            raise ValueError("not a CFB header")
        shift = struct.unpack_from("<H", header, 0x1E)[0]
        if shift not in (9, 12):
            raise ValueError("bad sector size")
        size = 1 << shift
        n_fat = struct.unpack_from("<I", header, 0x2C)[0]
        dir_start = struct.unpack_from("<I", header, 0x30)[0]
        difat = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < 0xFFFFFFFA]
        difat = difat[:n_fat]

        def sector(n: int) -> bytes:
            fh.seek((n + 1) * size)
            data = fh.read(size)
            if len(data) < size:
                raise ValueError("truncated sector")
            return data

        fat: list[int] = []
        for s in difat:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(s)))
        names: set[str] = set()
        s, seen = dir_start, 0
        while s < 0xFFFFFFFA and seen < 10_000:
            block = sector(s)
            for off in range(0, size, 128):
                entry = block[off:off + 128]
                n = struct.unpack_from("<H", entry, 0x40)[0]
                if 2 <= n <= 64 and entry[0x42] in (1, 2, 5):
                    names.add(entry[: n - 2].decode("utf-16-le", "replace").lower())
            s = fat[s] if s < len(fat) else 0xFFFFFFFE
            seen += 1
        if not names:
            raise ValueError("empty directory")
        return names
