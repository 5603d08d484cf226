"""Stage 1 — read: decode a raw text and split it into numbered lines.

Decoding is strict UTF-8 (a BOM and CRLF line ends are accepted and normalised).
The text is NFC-normalised, which maps the CJK *compatibility* ideographs that
two of the PDFs produce (U+F9xx, identical-looking to ordinary ones) to their
unified forms. NFKC is never applied: it would turn full-width punctuation into ASCII.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from .errors import EditionError
from .model import Line


def guess_encoding(data: bytes) -> str:
    """Name the likely encoding of bytes that are not UTF-8 (for the error message)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[1:2] == b"\x00" or data[:1] == b"\x00":
        return "UTF-16"
    try:
        data.decode("big5")
        return "Big5"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
        return "GB18030"
    except UnicodeDecodeError:
        return "an unknown 8-bit encoding"


def decode(path: Path, data: bytes) -> str:
    """Decode raw bytes as UTF-8, or fail naming the line and the likely encoding."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if data[1:2] != b"\x00" and data[:1] != b"\x00":
            raise EditionError(path, "binary file, not text — put only plain-text (UTF-8) extractions in seeds/")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise EditionError(
            path,
            f"not UTF-8 (looks like {guess_encoding(data)}) — convert it, e.g. "
            f"`iconv -f {guess_encoding(data).split()[-1]} -t UTF-8`",
            line=line,
        ) from None
    return text


def normalise(text: str) -> str:
    """NFC and LF line ends.

    >>> normalise("\\uf98e\\u3001\\r\\n")  # compatibility ideograph 年 (U+F98E) + 、
    '年、\\n'
    """
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def read_lines(path: Path) -> list[Line]:
    """Read a raw text into `Line`s numbered from 1 as in the file."""
    text = normalise(decode(path, Path(path).read_bytes()))
    if not text.strip():
        raise EditionError(path, "empty file — a raw text needs content", line=1)
    if text.endswith("\n"):
        text = text[:-1]
    return [Line(no, raw) for no, raw in enumerate(text.split("\n"), start=1)]
