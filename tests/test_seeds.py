"""The raw texts are the published ones, byte for byte."""
import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_seeds_match_published_checksums():
    sums = (ROOT / "seeds" / "SHA256SUMS").read_text().split("\n")
    checked = 0
    for line in filter(None, sums):
        digest, name = line.split()
        assert hashlib.sha256((ROOT / "seeds" / name).read_bytes()).hexdigest() == digest, name
        checked += 1
    assert checked == 5


def test_checksum_copy_matches_shared_when_present():
    shared = ROOT.parent / "shared" / "seeds" / "SHA256SUMS"
    if shared.exists():
        assert shared.read_text() == (ROOT / "seeds" / "SHA256SUMS").read_text()
