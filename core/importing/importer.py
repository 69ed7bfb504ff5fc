"""Names callers imported from the template's own importer, which is gone: the template is a
layout of the one staged pipeline (core.importing.engine: layout.recognise_template, the
template's fast parse as its parse step, the same checks and writer). Nothing here has code
of its own; import from core.importing.engine, .checks, .checks_rows, .writer instead (the
modules that still import from here are listed in /tmp/gl/requests.md)."""

from greenledger.core.importing.checks import (  # noqa: F401
    KIND_ORDER,
    check_kinds,
    check_parsed,
    distinct_problems,
)
from greenledger.core.importing.checks_rows import RowChecker as _Checker  # noqa: F401
from greenledger.core.importing.checks_rows import (  # noqa: F401
    book_with_file_factors as _book_with_file_factors,
)
from greenledger.core.importing.file_factors import (  # noqa: F401
    factor_from_row as _factor_from_row,
)
from greenledger.core.importing.file_factors import factor_per  # noqa: F401
from greenledger.core.importing.result import ImportResult  # noqa: F401
from greenledger.core.importing.source import sha256_file as sha256_of  # noqa: F401
from greenledger.core.importing.transaction import _gc_paused, check_and_write  # noqa: F401
from greenledger.core.importing.writer import (  # noqa: F401
    MASS_TO_KG,
    KindCounts,
    Progress,
    _existing,
    _key_positions,
    _stored,
)


def __getattr__(name: str):
    if name == "import_file":  # engine imports parse, which still imports Progress from here
        from greenledger.core.importing.engine import import_file

        return import_file
    raise AttributeError(name)
