"""The one exception type for failures a user can cause and fix."""


class KgError(Exception):
    """A failure with a message meant for the user.

    The command line prints the message on one line and exits non-zero; it never shows a
    traceback for these.
    """
