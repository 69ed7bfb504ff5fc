"""Entry script of the frozen app (installer/greenledger.spec): both executables run this.

The windowed executable (GreenLedger, GreenLedger.exe, GreenLedger.app) calls
greenledger.gui.cli.main_gui, the console one (greenledger, greenledger-cli.exe)
greenledger.gui.cli.main - as the pip-installed commands greenledger-gui and greenledger do.
"""

import sys
from pathlib import Path

from greenledger.gui.cli import main, main_gui

if __name__ == "__main__":
    entry = main_gui if Path(sys.executable).stem == "GreenLedger" else main
    sys.exit(entry())
