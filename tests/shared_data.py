"""The data of `../shared/data`, which tests read but the repository never copies.

A fresh clone of kg has no `../shared`: a test that needs a file from it is skipped there,
with the file named in the reason. Under CI (`CI` set) a missing file is a failure instead,
so that a missing dataset can never pass unnoticed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared_data_file(relative: str) -> Path:
    """The path of `../shared/data/<relative>`; skip (or, under CI, fail) when it is absent."""
    path = SHARED_DATA / relative
    if not path.exists():
        message = f"this test needs {path}, which is absent (kg's training and evaluation data)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path
