"""The two consoles every command writes to.

Results go to stdout, progress and messages to stderr. `soft_wrap` keeps one message on one
line even when the stream is not a terminal (rich would otherwise wrap at 80 columns).
"""

from rich.console import Console

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
