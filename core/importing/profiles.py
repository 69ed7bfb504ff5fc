"""Import profiles: a saved mapping (kind, column -> field, units, period year, fixed values,
header rows) for workbooks that come back in the same layout every month.

A profile is JSON (`--save-profile P.json`, `--profile P.json`, README "Import profiles"); the
window keeps its profiles in the workspace (Workspace.save_profile / profiles /
matching_profile) and offers one when a workbook's headers match it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from greenledger.core.errors import GreenLedgerError
from greenledger.core.fields import Kind, norm
from greenledger.core.importing import mapping as mp
from greenledger.core.importing.plan import ImportOptions

FORMAT = "greenledger-import-profile"
VERSION = 1
MATCH_SHARE = 0.8  # share of a profile's headers a sheet must have to match it


class ProfileError(GreenLedgerError):
    """A profile file that cannot be used; the message says why."""


@dataclass(slots=True)
class Profile:
    name: str = ""
    kind: str | None = None
    sheet: str | None = None
    map: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    period: int | None = None
    values: dict[str, str] = field(default_factory=dict)
    header_rows: list[int] | None = None
    measure: str | None = None
    headers: list[str] = field(default_factory=list)
    skip_hidden: bool = False

    # --- conversion -------------------------------------------------------------------------

    def to_dict(self) -> dict:
        out: dict = {"format": FORMAT, "version": VERSION, "name": self.name, "kind": self.kind}
        for key in ("sheet", "header_rows", "measure", "period"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out["map"] = dict(self.map)
        for key in ("units", "values"):
            if getattr(self, key):
                out[key] = dict(getattr(self, key))
        out["headers"] = list(self.headers)
        if self.skip_hidden:
            out["skip_hidden"] = True
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: object, where: str = "profile") -> Profile:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProfileError(f"{where}: not a GreenLedger import profile (no \"format\": "
                               f"\"{FORMAT}\")")
        if data.get("version", 1) > VERSION:
            raise ProfileError(f"{where}: made by a newer GreenLedger (profile version "
                               f"{data['version']})")
        kind = data.get("kind")
        if kind is not None and kind not in {k.value for k in Kind}:
            raise ProfileError(f"{where}: unknown kind '{kind}' (kinds: "
                               f"{', '.join(k.value for k in Kind)})")

        def strings(key: str) -> dict[str, str]:
            value = data.get(key) or {}
            if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
                raise ProfileError(f"{where}: \"{key}\" must be an object of names")
            return {k: "" if v is None else str(v) for k, v in value.items()}

        prof = cls(name=str(data.get("name") or ""), kind=kind, sheet=data.get("sheet"),
                   map=strings("map"), units=strings("units"), values=strings("values"),
                   period=data.get("period"), header_rows=data.get("header_rows"),
                   measure=data.get("measure"), headers=[str(h) for h in data.get("headers")
                                                         or []],
                   skip_hidden=data.get("skip_hidden") is True)
        if prof.period is not None and not (isinstance(prof.period, int)
                                            and 1900 <= prof.period <= 2100):
            raise ProfileError(f"{where}: \"period\" must be a year such as 2023")
        if kind is not None:
            k = Kind(kind)
            for name in [*prof.map.values(), *prof.units, *prof.values,
                         *([prof.measure] if prof.measure else [])]:
                try:
                    mp.resolve_field(k, name)
                except KeyError as exc:
                    raise ProfileError(f"{where}: {exc.args[0]}") from None
        return prof

    @classmethod
    def load(cls, path: str | Path) -> Profile:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as exc:
            raise ProfileError(f"{path}: cannot be read ({exc.strerror})") from exc
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from exc
        return cls.from_dict(data, path.name)

    def save(self, path: str | Path) -> None:
        path = Path(path)
        try:
            path.write_text(self.to_json() + "\n", encoding="utf-8")
        except OSError as exc:
            raise ProfileError(f"{path}: cannot be written ({exc.strerror})") from exc

    def options(self, sheet: str | None = None):
        """The ImportOptions this profile stands for (`sheet` overrides the saved one)."""
        return ImportOptions(sheet=sheet or self.sheet, kind=Kind(self.kind) if self.kind else None,
                             mapping=dict(self.map), units=dict(self.units),
                             period_year=self.period, values=dict(self.values),
                             header_rows=list(self.header_rows) if self.header_rows else None,
                             measure=self.measure, skip_hidden=self.skip_hidden)

    @classmethod
    def from_plan(cls, plan, name: str = "") -> Profile:
        """Everything the assistant used for `plan` (a SheetPlan), as a profile: every column
        mapped by its header (unmapped ones as "ignore"), the units, year and fixed values."""
        opts = plan.options
        mapping: dict[str, str] = {}
        measure = None
        for c in plan.columns:
            if c.period is not None:
                measure = measure or c.field
                continue
            mapping[c.header] = c.field or mp.IGNORE
        # only units the user gave: a unit the sheet states (title, units row, 单位 line) is
        # read again from next month's sheet, which may state another
        units = dict(opts.units) if opts else {}
        return cls(name=name or plan.sheet, kind=plan.kind.value if plan.kind else None,
                   sheet=plan.sheet, map=mapping, units=units,
                   period=opts.period_year if opts else None,
                   values=dict(opts.values) if opts else {},
                   header_rows=plan.layout.header_row_numbers if plan.layout else None,
                   measure=measure, headers=plan.headers,
                   skip_hidden=bool(opts and opts.skip_hidden))

    # --- matching ---------------------------------------------------------------------------

    def match(self, headers: list[str]) -> float:
        """How well a sheet's headers fit this profile: the share of the profile's headers
        the sheet has (0 when a mapped header is missing)."""
        have = {norm(h) for h in headers if str(h).strip()}
        mine = {norm(h) for h in self.headers if str(h).strip()}
        needed = {norm(h) for h, f in self.map.items() if f and norm(f) != mp.IGNORE
                  and not (h.isalpha() and h.isupper() and len(h) <= 3)}
        if not mine or not needed <= have:
            return 0.0
        return len(mine & have) / len(mine)


def same_sheet(profile: Profile, sheet: str) -> bool:
    """Whether `profile` was saved for a sheet of this name (or for any sheet). Headers alone
    do not tell a sheet of kWh from a sheet of costs laid out alike (站点, 能源类型, months),
    so a profile is applied by itself only to a sheet of the name it was saved for."""
    return not profile.sheet or norm(profile.sheet) == norm(sheet)


def best_match(profiles: list[Profile], headers: list[str]) -> Profile | None:
    """The profile whose headers best fit `headers` (at least MATCH_SHARE), or None."""
    scored = [(p.match(headers), i, p) for i, p in enumerate(profiles)]
    scored = [s for s in scored if s[0] >= MATCH_SHARE]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def kept(ws) -> list[Profile]:
    """The import profiles kept in workspace `ws` (Workspace.save_profile), by name."""
    return [Profile.from_dict(json.loads(text), f"profile '{name}'") for name, text in ws.profile_records()]


def kept_named(ws, name: str) -> Profile | None:
    return next((p for p in kept(ws) if p.name == name), None)


def matching(ws, headers: list[str]) -> Profile | None:
    """The kept profile whose headers a workbook's sheet has (see Profile.match), or None."""
    return best_match(kept(ws), headers)
