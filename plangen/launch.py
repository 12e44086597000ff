"""The `plangen` command's entry point.

`plangen --version` answers here without importing click and the command table (about 30 ms
of the start-up on a 2-core machine); every other command line goes to `plangen.cli`, which
prints the same version line for `--version` written among other options.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line in `sys.argv`."""
    if sys.argv[1:] == ["--version"]:
        from plangen import __version__

        sys.stdout.write(f"plangen, version {__version__}\n")
        return
    from plangen.cli import main as cli_main

    cli_main()
