"""A full disk or a read-only folder: a clear refusal naming the workspace's folder and what to do,
exit 1, nothing lost. Real refusals, never a stub: SQLite's own "database or disk is full"
(PRAGMA max_page_count caps the file at its current size), the operating system refusing a
write past a file-size limit (RLIMIT_FSIZE), and a folder the process cannot write to (as root,
where chmod stops nothing, the command runs as the unprivileged user `nobody`)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from greenledger.core import editing
from greenledger.core.errors import WorkspaceNotWritable, error_text
from greenledger.core.fields import Kind
from greenledger.core.storage import Workspace
from greenledger.gui import cli

ROOT = Path(__file__).resolve().parents[2]
N_SITES = 3000


def _sites_csv(path: Path, n: int = N_SITES) -> Path:
    lines = ["Site,Type,Grid region,Country"] + [f"Site {i},warehouse,North China,China" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _site_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sites").fetchone()[0]
    finally:
        conn.close()


def _cap_at_current_size(ws: Workspace) -> None:
    """The file may not grow: the next write needing a new page fails with SQLITE_FULL."""
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")


def _site_records(n: int) -> dict[int, dict]:
    return {i: {"id": i, "name": f"Site {i}", "type": "warehouse", "grid_region": "North China",
                "country": "China", "batch_id": None, "source_sheet": None, "source_row": None}
            for i in range(1, n + 1)}


def test_an_edit_onto_a_full_disk_is_refused_and_the_workspace_stays_usable(tmp_path: Path) -> None:
    path = tmp_path / "ws.greenledger"
    with Workspace.open(path) as ws:
        _cap_at_current_size(ws)
        with pytest.raises(WorkspaceNotWritable) as caught:
            editing.apply_state(ws, Kind.SITES, _site_records(N_SITES))
        assert caught.value.reason == "full" and caught.value.folder == tmp_path
        text = error_text(caught.value)
        assert str(tmp_path) in text and "disk is full" in text and "nothing was written" in text
        assert "Free some space" in text
        assert isinstance(caught.value.__cause__, sqlite3.OperationalError)  # SQLite's own refusal
        assert not ws.db.conn.in_transaction
        assert ws.count(Kind.SITES) == 0
        ws.db.execute("PRAGMA max_page_count = 1073741823")  # space again: the same connection writes
        editing.apply_state(ws, Kind.SITES, _site_records(2))
        assert ws.count(Kind.SITES) == 2
    assert _site_count(path) == 2


def test_cli_import_onto_a_full_disk_exits_1_naming_the_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "ws.greenledger"
    Workspace.open(path).close()
    book = _sites_csv(tmp_path / "sites.csv")
    real_open = Workspace.open.__func__

    def open_on_a_full_disk(cls, *args, **kwargs):
        ws = real_open(cls, *args, **kwargs)
        _cap_at_current_size(ws)
        return ws

    monkeypatch.setattr(Workspace, "open", classmethod(open_on_a_full_disk))
    assert cli.main(["--lang", "en", "-w", str(path), "import", str(book)]) == cli.EXIT_REFUSED
    err = capsys.readouterr().err
    assert f"greenledger: {path}: the disk is full" in err and str(tmp_path) in err
    assert "unexpected" not in err and "OperationalError" not in err and "Traceback" not in err
    monkeypatch.undo()
    assert _site_count(path) == 0
    assert cli.main(["--lang", "en", "-w", str(path), "import", str(book)]) == cli.EXIT_OK  # nothing lost
    assert _site_count(path) == N_SITES


def _run_cli(args: list[str], prefix: list[str] | None = None, **kwargs) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([*(prefix or []), sys.executable, "-m", "greenledger.gui.cli", *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, **kwargs)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_cli_import_when_the_system_refuses_the_write_exits_1(tmp_path: Path) -> None:
    import resource

    path = tmp_path / "ws.greenledger"
    Workspace.open(path).close()
    book = _sites_csv(tmp_path / "sites.csv")
    limit = path.stat().st_size + 64 * 1024  # the WAL may not grow past 64 KiB more than that

    def file_size_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = _run_cli(["--lang", "en", "-w", str(path), "import", str(book)], preexec_fn=file_size_limit)
    assert proc.returncode == 1, proc.stderr
    assert f"{path}: the disk that holds {tmp_path} refused the write" in proc.stderr
    assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr
    assert _site_count(path) == 0
    with Workspace.open(path) as ws:  # intact: it opens and takes the import once space is back
        assert ws.count(Kind.SITES) == 0


@pytest.fixture
def read_only_folder():
    """A folder this test's command cannot write to: chmod 555, and as root (which chmod does not
    stop) the command runs as `nobody`, for whom a folder owned by root is read-only anyway."""
    folder = Path(tempfile.mkdtemp(prefix="greenledger-ro-"))
    os.chmod(folder, 0o755)
    yield folder
    os.chmod(folder, 0o755)
    shutil.rmtree(folder, ignore_errors=True)


def _unprivileged() -> list[str]:
    """The command prefix that runs as `nobody` when this test runs as root (else nothing)."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    try:
        probe = subprocess.run([*prefix, sys.executable, "-c", "import greenledger.gui.cli"], cwd=ROOT,
                               capture_output=True, text=True, timeout=60)
    except OSError as exc:
        pytest.skip(f"cannot run as nobody here (setpriv: {exc})")
    if probe.returncode != 0:
        pytest.skip(f"user nobody cannot run this checkout's Python: {probe.stderr[-200:]}")
    return prefix


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("name, command", [("ws.greenledger", ["import", "sites.csv"]),
                                           ("ws.greenledger", ["summary"]),
                                           ("new.greenledger", ["import", "sites.csv"])])
def test_cli_in_a_read_only_folder_exits_1_naming_the_folder(read_only_folder: Path, name, command) -> None:
    prefix = _unprivileged()
    Workspace.open(read_only_folder / "ws.greenledger").close()
    path = read_only_folder / name
    _sites_csv(read_only_folder / "sites.csv", 10)
    os.chmod(read_only_folder, 0o555)
    args = [str(read_only_folder / a) if a.endswith(".csv") else a for a in command]
    proc = _run_cli(["--lang", "en", "-w", str(path), *args], prefix)
    assert proc.returncode == 1, proc.stderr
    assert (f"{path}: the folder {read_only_folder} or the workspace file is read-only, so nothing "
            "was written") in proc.stderr
    assert "Copy the workspace to a folder you can write to" in proc.stderr
    assert "Traceback" not in proc.stderr and "not a GreenLedger workspace" not in proc.stderr
    os.chmod(read_only_folder, 0o755)
    assert _site_count(read_only_folder / "ws.greenledger") == 0
    assert not (read_only_folder / "new.greenledger").exists()

