"""Entry script of the frozen app: PyInstaller starts a script, not a package function."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
