"""The one exception type the CLI turns into a clear `Error: ...` message."""


class KgError(Exception):
    """A user-facing error: says what went wrong, where, and how to fix it."""
