"""Paste and delete of a TableView (issue 15): a block pasted from Excel is one batch, all or
nothing, and one undo command; a paste or delete of more than EDIT_SYNC_ROWS rows is checked
and written on a pool thread by the EditController (progress and Cancel in the status bar)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from greenledger.core.errors import Problem
from greenledger.core.fields import Kind


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated text as Excel puts it on the clipboard."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


class PasteDelete:
    """The paste and delete of TableView (a mixin: it uses the view's table, proxy, model,
    kind, controller and signals)."""

    def _view_rows(self, first: int, n: int):
        """The ids of the `n` rows shown from row `first`, or (spec, first, n) for the worker
        to read them in the view's order (a table in the stored order, read by windows)."""
        if n <= 0:
            return []
        order = getattr(self.model, "_order", None)  # (requested: a public LazyRecordModel.ids)
        if order is not None:
            return order[first:first + n].tolist()
        return (self.model.spec, first, n)

    def _ids_of(self, rows: list[int]) -> list[int]:
        if not self.lazy:
            return [self.model.row(r)["id"] for r in rows]
        from greenledger.core import pages

        ids, at = [], 0
        while at < len(rows):  # runs of consecutive rows: a slice, or a windowed read each
            end = at
            while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
                end += 1
            got = self._view_rows(rows[at], end - at + 1)
            if isinstance(got, tuple):
                spec, first, n = got
                got = list(pages.ids(self.model.ws, spec, n, first))
            ids += got
            at = end + 1
        return ids

    def delete_selected(self) -> None:
        if self.controller is None:
            return
        if self.controller.busy:
            self.message.emit(self.controller.busy_text)
            return
        ids = self._ids_of(self.selected_source_rows())
        if not ids:
            self.message.emit(QCoreApplication.translate("TableView", "Select the rows to delete first"))
            return

        def done(reason: str | None) -> None:
            if reason:
                title = QCoreApplication.translate("TableView", "Rows not deleted")
                self.problems_found.emit(title, [Problem("delete", reason)])
            else:
                text = QCoreApplication.translate("TableView", "Deleted {0} row(s) (Ctrl+Z undoes)")
                self.message.emit(text.format(f"{len(ids):,}"))

        if self.lazy and self.controller.in_worker(len(ids)):  # on a pool thread: done at its end
            reason = self.controller.delete(self.kind, ids, done)
            if reason:
                done(reason)
            return
        done(self.controller.delete(self.kind, ids))

    def paste_text(self, text: str) -> list[Problem]:
        """Paste a tab-separated block at the current cell as one batch, all or nothing, as
        Excel does: rows over the view's rows change them (the rows shown, whatever the sort and
        filter), the rest are added as new rows; one undo command. Returns (and reports) the
        problems. A block of more than EDIT_SYNC_ROWS rows is checked and written on a pool
        thread (progress and Cancel in the status bar): [] at once, reported at its end."""
        if self.controller is None:
            return []
        for refused, reason, code in ((self.controller.read_only, self.controller.refusal, "read_only"),
                                      (self.controller.busy, self.controller.busy_text, "busy")):
            if refused:
                self.message.emit(reason)
                return [Problem("paste", reason, code=code)]
        grid = parse_tsv(text)
        if not grid:
            return []
        first = self.table.currentIndex()
        r0 = first.row() if first.isValid() else self.proxy.rowCount()
        fields, refusal = self._paste_fields(grid)
        if refusal is not None:
            return self._report_paste([refusal], grid, r0 + 1, placed=True)
        title = QCoreApplication.translate("TableView", "Paste {0}×{1}").format(
            f"{len(grid):,}", max(len(r) for r in grid))
        if self.lazy and self.controller.in_worker(len(grid)):
            over = self._view_rows(r0, min(len(grid), self.proxy.rowCount() - r0))
            self.controller.paste(self.kind, over, grid, fields, title,
                                  lambda problems: self._report_paste(problems, grid, r0 + 1))
            return []
        problems = self.controller.submit(self.kind, self._paste_rows(grid, fields, r0), title)
        return self._report_paste(problems, grid, r0 + 1)

    def _report_paste(self, problems: list[Problem], grid, first: int, placed: bool = False) -> list[Problem]:
        """The problems (their rows made the view's, from `first`) listed, or the rows pasted
        said in the status bar."""
        if not placed:
            problems = [
                dataclasses.replace(
                    p, file="paste", sheet=self.kind.value.capitalize(), row=first + (p.row or 2) - 2
                )
                for p in problems
            ]
        if problems:
            title = QCoreApplication.translate("TableView", "Paste refused: nothing was changed")
            self.problems_found.emit(title, problems)
            return problems
        changed, added, same = self.controller.last_counts
        if same:
            text = QCoreApplication.translate(
                "TableView",
                "Pasted {0} row(s): {1} changed, {2} added, {3} already as pasted (Ctrl+Z undoes)")
        else:
            text = QCoreApplication.translate(
                "TableView", "Pasted {0} row(s): {1} changed, {2} added (Ctrl+Z undoes)")
        self.message.emit(text.format(*(f"{n:,}" for n in (len(grid), changed, added, same))))
        return problems

    def _paste_fields(self, grid: list[list[str]]) -> tuple[list[str], Problem | None]:
        """The fields under the block from the current cell rightwards (the view's column order),
        or the problem of a block reaching a column that cannot be edited."""
        start = self.table.currentIndex()
        c0 = start.column() if start.isValid() else 0
        header = self.table.horizontalHeader()
        fields = []
        for j in range(max(len(r) for r in grid)):
            visual = header.visualIndex(c0) + j
            logical = header.logicalIndex(visual) if visual < self.model.columnCount() else -1
            col = self.model.columns[logical] if logical >= 0 else None
            if col is None or not col.field:
                what = f"column {col.header}" if col else "past the last column"
                reason = f"the block reaches {what}, which cannot be edited"
                return [], Problem("paste", reason, code="read_only")
            fields.append(col.field)
        return fields, None

    def _paste_rows(self, grid: list[list[str]], fields: list[str], r0: int):
        rows = []
        for i, cells in enumerate(grid):
            if r0 + i < self.proxy.rowCount():
                row_id, texts = self._texts(self.proxy.mapToSource(self.proxy.index(r0 + i, 0)).row())
            else:
                row_id, texts = None, {f: "" for f in fields}
                if self.kind == Kind.PACKAGING:
                    texts["unit"] = "kg"
            for f, cell in zip(fields, cells, strict=False):
                texts[f] = cell.strip()
            rows.append((row_id, texts))
        return rows
