"""Compressed streams that expand enormously, made in a fraction of a second.

A deflate stream of zeros is built from one compressed segment repeated: after a
full flush the compressor starts afresh, so each 16 MiB run of zeros compresses to
the same bytes, and a 2 GiB bomb costs one 16 MiB compression and a checksum.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from functools import cache

_SEGMENT = 1 << 24  # 16 MiB of zeros per repeated segment


@cache
def _zero_segment() -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(bytes(_SEGMENT)) + compressor.flush(zlib.Z_FULL_FLUSH)


def _segments(size: int) -> int:
    if size % _SEGMENT:
        raise ValueError(f"size must be a multiple of {_SEGMENT}")
    return size // _SEGMENT


_FINAL_EMPTY_BLOCK = b"\x03\x00"  # a final, empty, fixed-Huffman deflate block


@cache
def gzip_of_zeros(size: int, prefix: bytes = b"") -> bytes:
    """A valid gzip member that decompresses to `prefix` and then `size` zero bytes."""
    count = _segments(size)
    head = b""
    crc = zlib.crc32(prefix)
    if prefix:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    zeros = bytes(_SEGMENT)
    for _ in range(count):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (len(prefix) + size) & 0xFFFFFFFF)
    return header + head + _zero_segment() * count + _FINAL_EMPTY_BLOCK + trailer


def zlib_of_zeros(size: int) -> bytes:
    """A valid zlib stream (PDF /FlateDecode) that decompresses to `size` zero bytes."""
    count = _segments(size)
    adler = 1
    zeros = bytes(_SEGMENT)
    for _ in range(count):
        adler = zlib.adler32(zeros, adler)
    return b"\x78\xda" + _zero_segment() * count + _FINAL_EMPTY_BLOCK + struct.pack(">I", adler)


def nested_gzip_bomb(size: int, layers: int) -> bytes:
    """`size` zero bytes under `layers` layers of gzip (Content-Encoding: gzip, gzip, ...)."""
    data = gzip_of_zeros(size)
    for _ in range(layers - 1):
        data = gzip.compress(data, 9)
    return data
