"""Stage 1 — read: decode a raw text and split it into numbered lines.

Decoding is strict UTF-8 (a BOM and CRLF line ends are accepted and normalised).
The text is NFC-normalised, which maps the CJK *compatibility* ideographs that
two of the PDFs produce (U+F9xx, identical-looking to ordinary ones) to their
unified forms. NFKC is never applied: it would turn full-width punctuation into ASCII.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import EditionError
from .model import Line


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")     # not text: all C0 controls but \t \n \v \f \r


def utf16_variant(data: bytes) -> str | None:
    """The iconv name of the UTF-16 that `data` is in, if it reads as text in one (BOM or not)."""
    if data.startswith(UTF16_BOMS):
        return "UTF-16"
    if b"\x00" not in data[:4096]:
        return None
    sample = data[:4096 - 4096 % 2] if len(data) > 4096 else data[:len(data) - len(data) % 2]
    for codec in ("UTF-16LE", "UTF-16BE"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        plain = sum(ch.isprintable() or ch in "\t\n\r\f" for ch in text)
        if text and plain / len(text) > 0.95 and "\n" in text:
            return codec
    return None


def guess_encoding(data: bytes) -> tuple[str, str]:
    """(name, iconv name) of the likely encoding of bytes that are not UTF-8, for the message."""
    variant = utf16_variant(data)
    if variant:
        return "UTF-16", variant
    for codec, name, iconv in (("big5", "Big5", "BIG5"), ("cp950", "Big5", "CP950"), ("gb18030", "GB18030", "GB18030")):
        try:
            data.decode(codec)
            return name, iconv
        except UnicodeDecodeError:
            pass
    return "an unknown 8-bit encoding", ""


def position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[line_start:offset].decode("utf-8", "replace")) + 1


def decode(path: Path, data: bytes) -> str:
    """Decode raw bytes as UTF-8 (a BOM is dropped), or fail naming the line and the likely encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if utf16_variant(data):
        raise EditionError(path, "not UTF-8 (looks like UTF-16) — convert it, e.g. "
                                 f"`iconv -f {utf16_variant(data)} -t UTF-8`", line=1)
    if b"\x00" in data:
        raise EditionError(path, "binary file, not text (NUL byte) — use a plain-text (UTF-8) file", *position(data, data.index(b"\x00")))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        name, iconv = guess_encoding(data)
        how = f"convert it, e.g. `iconv -f {iconv} -t UTF-8`" if iconv else "convert it to UTF-8 (e.g. with iconv)"
        raise EditionError(path, f"not UTF-8 (looks like {name}) — {how}",
                           *position(data, exc.start)) from None
    control = CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        raise EditionError(path, f"control character U+{ord(control.group()):04X}: binary or damaged text — "
                                 "remove it, or extract the text again", line, column)
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
        raise EditionError(path, "empty file (no text) — put the extracted text in it, or remove it", line=1)
    if text.endswith("\n"):
        text = text[:-1]
    return [Line(no, raw) for no, raw in enumerate(text.split("\n"), start=1)]
