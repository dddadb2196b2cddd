"""The two consoles every command writes to.

Results go to stdout, progress and messages to stderr. `soft_wrap` keeps one message on one
line even when the stream is not a terminal (rich would otherwise wrap at 80 columns).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.status import Status

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Progress:
    """Counts finished items on a spinner line: call it with each item as it is done."""

    def __init__(self, message: str, status: Status) -> None:
        self.message, self.status, self.count = message, status, 0

    def __call__(self, _item: object) -> None:
        self.count += 1
        self.status.update(f"{self.message}… {self.count}")


@contextmanager
def counting_status(message: str) -> Iterator[Progress]:
    """A spinner on stderr showing `message` and how many items are done."""
    with err.status(f"{message}…") as status:
        yield Progress(message, status)
