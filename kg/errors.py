"""The one exception type for failures a user can cause and fix."""


class KgError(Exception):
    """A failure with a message meant for the user.

    The command line prints the message on one line and exits non-zero; it never shows a
    traceback for these.
    """


def first_line(error: BaseException) -> str:
    """The first line of an exception's message (its type's name when it has none): what a
    one-line error shows of a library's longer report."""
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
