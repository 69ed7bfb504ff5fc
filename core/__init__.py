"""GreenLedger's domain: model, workspace storage, importing, accounting and factors. No Qt."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("greenledger")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.1.0"
