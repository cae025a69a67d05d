"""A text progress bar for management commands."""

import time


class Progress:
    """A text progress bar on the command's stderr, redrawn in place (no extra dependency)."""

    def __init__(self, label, total, stream):
        self.label, self.total, self.done, self.stream = label, total, 0, stream
        self.started = time.monotonic()

    def __call__(self, n):
        before = int(100 * self.done / self.total)
        self.done += n
        if int(100 * self.done / self.total) == before and self.done < self.total:
            return  # redraw once per percent, not per item
        filled = int(30 * self.done / self.total)
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"\r{self.label:<10} [{'#' * filled}{'.' * (30 - filled)}] "
            f"{self.done}/{self.total} {elapsed:5.1f}s",
            ending="",
        )
        if self.done >= self.total:
            self.stream.write("")
        self.stream.flush()
