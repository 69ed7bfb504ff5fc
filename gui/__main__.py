import sys

from greenledger.gui.cli import main

sys.exit(main())
