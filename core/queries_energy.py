"""The compact energy layout (migration m006, issue 15): how a period bound and a coded text are
stored, as SQL expressions (to store, and to read back the text the row was given) and in
Python (for a query's parameters). SQL text only; no Qt, no I/O.

energy_rows holds one row per energy row:

- a bound as a day number (days since 1970-01-01) and a time: 0 for a date ('2024-01-31', a
  whole day), else 1 + the seconds since midnight of a timestamp ('2024-01-31 05:00'); the end
  as days after the start (end_span) and its time (end_time). A date's time 0 and a one-day
  row's span 0 take no byte in SQLite's record; numbers keep the texts' order (a date before the
  times of its day), so the unique key orders rows as the texts did;
- source, instrument and the source sheet as the id of their text in energy_labels (instrument
  0: none; sheet NULL: none). The labels of core.fields' sources and instruments are made first,
  in sorted order, so the codes sort as the texts do;
- kWh, batch, sheet row and key_copy as before.

The view `energy` gives today's columns (period_start, source, source_sheet, … as texts) and
takes INSERT, UPDATE and DELETE through INSTEAD OF triggers, which refuse a bound whose text
would not read back the same (RAISE): readers and raw SQL keep working; the import's upsert, the
pages and the aggregates read and write energy_rows by its own columns, so its indexes answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta

TABLE, LABELS, VIEW = "energy_rows", "energy_labels", "energy"
_EPOCH = date(1970, 1, 1)

# the physical columns in the table's order, and the unique natural key as its index holds it
PHYSICAL = ("id", "site_id", "start_day", "start_time", "end_span", "end_time", "source",
            "instrument", "energy_kwh", "batch_id", "sheet", "source_row", "key_copy")
KEY = ("site_id", "start_day", "start_time", "source", "end_span", "end_time", "instrument",
       "key_copy")
# the view's columns (today's energy table), in its order
VIEW_COLUMNS = ("id", "site_id", "period_start", "period_end", "source", "instrument",
                "energy_kwh", "batch_id", "source_sheet", "source_row", "key_copy")


# --- SQL: a text bound to its numbers, and back ----------------------------------------------

def day_of(x: str) -> str:
    """The day number of bound text `x` (its first ten characters: the date)."""
    return f"(CAST(strftime('%s', substr({x}, 1, 10)) AS INTEGER) / 86400)"


def time_of(x: str) -> str:
    """0 for a date, 1 + seconds since midnight for a timestamp."""
    return (f"(CASE WHEN length({x}) > 10 THEN 1 + CAST(strftime('%s', {x}) AS INTEGER) "
            f"- CAST(strftime('%s', substr({x}, 1, 10)) AS INTEGER) ELSE 0 END)")


def bound_text(day: str, time: str) -> str:
    """The stored text of day number `day` and time `time` (core.periods.bound_text's forms)."""
    return (f"(CASE WHEN {time} = 0 THEN date(({day}) * 86400, 'unixepoch') "
            f"WHEN ({time} - 1) % 60 = 0 THEN strftime('%Y-%m-%d %H:%M', ({day}) * 86400 + {time} - 1, "
            f"'unixepoch') ELSE datetime(({day}) * 86400 + {time} - 1, 'unixepoch') END)")


def start_text(e: str = "e") -> str:
    return bound_text(f"{e}.start_day", f"{e}.start_time")


def end_text(e: str = "e") -> str:
    return bound_text(f"({e}.start_day + {e}.end_span)", f"{e}.end_time")


def month_of(day: str) -> str:
    """'YYYY-MM' of day number `day`."""
    return f"strftime('%Y-%m', ({day}) * 86400, 'unixepoch')"


def start_key(e: str = "e") -> str:
    """One integer of a row's start that orders as its text (min/max over rows; key_text reads
    it back): (day + 1,000,000) * 86,401 + time, positive for any day after 770 BC."""
    return f"(({e}.start_day + 1000000) * 86401 + {e}.start_time)"


def end_key(e: str = "e") -> str:
    return f"(({e}.start_day + {e}.end_span + 1000000) * 86401 + {e}.end_time)"


def key_text(k: str) -> str:
    return bound_text(f"({k} / 86401 - 1000000)", f"({k} % 86401)")


def day_text(day: str) -> str:
    """SQL: the date text of day number `day`."""
    return f"date(({day}) * 86400, 'unixepoch')"


def label_text(code: str) -> str:
    return f"(SELECT l.text FROM {LABELS} l WHERE l.id = {code})"


def label_code(x: str, *, none: str | None = None) -> str:
    """The code of text `x` in energy_labels; `none` the code of a NULL text (else NULL); -1 for
    a text without a label, which the table's CHECKs refuse (never stored as no text)."""
    if none is None:
        return f"(SELECT l.id FROM {LABELS} l WHERE l.text = {x})"
    return (f"coalesce((SELECT l.id FROM {LABELS} l WHERE l.text = {x}), "
            f"CASE WHEN {x} IS NULL THEN {none} ELSE -1 END)")


def sheet_code(x: str) -> str:
    return (f"coalesce((SELECT l.id FROM {LABELS} l WHERE l.text = {x}), "
            f"CASE WHEN {x} IS NOT NULL THEN -1 END)")


def decoded(e: str = "e") -> dict[str, str]:
    """View column -> its SQL expression over energy_rows alias `e`."""
    return {"id": f"{e}.id", "site_id": f"{e}.site_id", "period_start": start_text(e),
            "period_end": end_text(e), "source": label_text(f"{e}.source"),
            "instrument": label_text(f"{e}.instrument"), "energy_kwh": f"{e}.energy_kwh",
            "batch_id": f"{e}.batch_id", "source_sheet": label_text(f"{e}.sheet"),
            "source_row": f"{e}.source_row", "key_copy": f"{e}.key_copy"}


def encoded(values: dict[str, str]) -> dict[str, str]:
    """Physical column -> its SQL expression from the view's columns given as SQL `values`
    (view column -> expression, e.g. NEW.period_start or ?2); columns not given are left out."""
    out = {}
    for col in ("id", "site_id", "energy_kwh", "batch_id", "source_row", "key_copy"):
        if col in values:
            out[col] = values[col]
    if "period_start" in values:
        a = values["period_start"]
        out["start_day"], out["start_time"] = day_of(a), time_of(a)
        if "period_end" in values:
            z = values["period_end"]
            out["end_span"], out["end_time"] = f"({day_of(z)} - {day_of(a)})", time_of(z)
    if "source" in values:
        out["source"] = label_code(values["source"])
    if "instrument" in values:
        out["instrument"] = label_code(values["instrument"], none="0")
    if "source_sheet" in values:
        out["sheet"] = sheet_code(values["source_sheet"])
    return out


def round_trip_fails(x: str) -> str:
    """SQL true when bound text `x` would not read back as itself (not a date or timestamp in
    core.periods.bound_text's form)."""
    return f"({x} IS NULL OR {bound_text(day_of(x), time_of(x))} IS NOT {x})"


# --- Python: a bound text to its numbers (a query's parameters) ------------------------------

def day_number(d: date) -> int:
    return (d - _EPOCH).days


def bound_numbers(text: str) -> tuple[int, int]:
    """(day number, time) of a stored bound text ('2024-01-31' or '2024-01-31 05:00[:30]')."""
    if len(text) <= 10:
        return day_number(date.fromisoformat(text)), 0
    t = datetime.fromisoformat(text)
    return day_number(t.date()), 1 + t.hour * 3600 + t.minute * 60 + t.second


def day_iso(day: int) -> str:
    return date.fromordinal(_EPOCH.toordinal() + day).isoformat()


def text_of(day: int, time: int) -> str:
    """The stored text of (day number, time): what the view reads back (bound_text in SQL)."""
    if time == 0:
        return day_iso(day)
    t = datetime.fromordinal(_EPOCH.toordinal() + day) + timedelta(seconds=time - 1)
    return t.isoformat(sep=" ", timespec="seconds" if t.second else "minutes")


def row_encoder(columns: Sequence[str], codes: dict[str, int]
                ) -> Callable[[Iterable[Sequence]], Iterator[tuple]]:
    """A function turning rows of the view's `columns` (the importer's tuples) into rows of
    encoded_columns(columns) for energy_rows: bounds to numbers (each distinct text once, refused
    by ValueError unless it reads back the same), texts to their codes in `codes` (a text
    without one to -1, which the table's CHECKs refuse; no instrument 0)."""
    seen: dict[object, tuple] = {}
    seen_get = seen.get

    def numbers(text):
        v = bound_numbers(text)
        if text_of(*v) != text:
            raise ValueError(f"energy: {text!r} is not a date or time in the stored form")
        seen[text] = v
        return v

    source, instrument, sheet = codes.get, {**codes, None: 0}.get, {**codes, None: None}.get
    if list(columns) == [*_IMPORTED, "batch_id", "source_sheet", "source_row"]:  # the importer's
        def encode(rows):
            for site, a, z, src, kwh, ins, batch, sh, row in rows:
                x = seen_get(a) or numbers(a)
                y = seen_get(z) or numbers(z)
                yield (site, x[0], x[1], y[0] - x[0], y[1], source(src, -1), instrument(ins, -1), kwh,
                       batch, row, sheet(sh, -1))
        return encode
    if list(columns) == _IMPORTED:  # a dry run's
        def encode_values(rows):
            for site, a, z, src, kwh, ins in rows:
                x = seen_get(a) or numbers(a)
                y = seen_get(z) or numbers(z)
                yield (site, x[0], x[1], y[0] - x[0], y[1], source(src, -1), instrument(ins, -1), kwh)
        return encode_values
    raise ValueError(f"energy rows of columns {list(columns)} (not the importer's)")


_IMPORTED = ["site_id", "period_start", "period_end", "source", "energy_kwh", "instrument"]


def encoded_columns(columns: Sequence[str]) -> list[str]:
    """energy_rows' columns that row_encoder(columns) gives, in its order."""
    prov = ["batch_id", "source_row", "sheet"] if "source_sheet" in columns else []
    return ["site_id", "start_day", "start_time", "end_span", "end_time", "source", "instrument",
            "energy_kwh", *prov]
