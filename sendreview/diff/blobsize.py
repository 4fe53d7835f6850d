"""How large a git blob is, read from its header before anything inflates it.

dulwich inflates a whole object to read it. A repository from someone else may hold a
small compressed object that inflates to gigabytes, so ``diff`` asks the object's own
header first: a loose object starts ``blob <size>\\0``; a packed one records its size in
the pack entry's header, or, for a delta, in the first bytes of the delta itself. Only a
few kilobytes are read and at most 64 bytes inflated, whatever the object holds.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

_OFS_DELTA, _REF_DELTA = 6, 7
_HEAD = 4096  # bytes read at an object's start: its header and a little compressed data


def blob_size(objects: Path, sha: bytes, object_format: Any) -> int | None:
    """The inflated size of object ``sha`` (40 hex digits) under the ``objects`` folder of
    a repository (whose ``object_format`` is dulwich's); None when it is in neither a
    loose file nor a pack there."""
    hex_sha = sha.decode("ascii")
    loose = objects / hex_sha[:2] / hex_sha[2:]
    if loose.is_file():
        with loose.open("rb") as f:
            text = zlib.decompressobj().decompress(f.read(_HEAD), 64)
        _, _, rest = text.partition(b" ")
        size, found, _ = rest.partition(b"\0")
        return int(size) if found and size.isdigit() else None
    packs = objects / "pack"
    if not packs.is_dir():
        return None
    from dulwich.objects import RawObjectID
    from dulwich.pack import load_pack_index

    for idx in sorted(packs.glob("*.idx")):
        index = load_pack_index(str(idx), object_format)
        try:
            offset = index.object_offset(RawObjectID(bytes.fromhex(hex_sha)))
        except KeyError:
            continue
        finally:
            index.close()
        with idx.with_suffix(".pack").open("rb") as f:
            f.seek(offset)
            return _packed_size(f.read(_HEAD))
    return None


def _varint(data: bytes, i: int) -> tuple[int, int]:
    """A little-endian base-128 number at ``data[i:]``, and the index after it."""
    value, shift = 0, 0
    while True:
        byte = data[i]
        value |= (byte & 0x7F) << shift
        shift += 7
        i += 1
        if not byte & 0x80:
            return value, i


def _packed_size(entry: bytes) -> int | None:
    try:
        first = entry[0]
        kind, size, shift, i = (first >> 4) & 7, first & 0x0F, 4, 1
        byte = first
        while byte & 0x80:  # the size's further bytes
            byte = entry[i]
            size |= (byte & 0x7F) << shift
            shift += 7
            i += 1
        if kind == _OFS_DELTA:
            while entry[i] & 0x80:  # the offset of the base
                i += 1
            i += 1
        elif kind == _REF_DELTA:
            i += 20  # the base's id
        else:
            return size
        delta = zlib.decompressobj().decompress(entry[i:], 32)
        _, j = _varint(delta, 0)  # the base's size
        return _varint(delta, j)[0]  # the size the delta makes
    except (IndexError, zlib.error):
        return None
