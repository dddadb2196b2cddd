"""A real headless Chromium for the tests that look at pages (Debian's `chromium`, driven by
Playwright; `.ci/run` installs it where it is missing)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, sync_playwright

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def chromium_path() -> str:
    """Where Chromium is: `$KG_TEST_CHROMIUM`, else the first of `CANDIDATES` on the PATH."""
    explicit = os.environ.get("KG_TEST_CHROMIUM")
    found = explicit or next((p for name in CANDIDATES if (p := shutil.which(name))), None)
    if not found:
        raise RuntimeError(
            "the browser tests need Chromium: apt-get install chromium (or set KG_TEST_CHROMIUM)"
        )
    return found


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium, closed afterwards."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield browser
        finally:
            browser.close()
