"""Progress bars for long management commands (tqdm), on the command's own stderr."""

from tqdm import tqdm


def progress_bar(command, label, total):
    """A tqdm bar written to `command.stderr`'s raw stream (Django's wrapper would add a line
    break to every redraw); use as a context manager and call `.update(n)`."""
    return tqdm(total=total, desc=label, unit="page", file=command.stderr._out, mininterval=0.5)
