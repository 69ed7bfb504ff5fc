"""A real import's warnings are worded for the command line, as --dry-run's are: a hint names
the flag to type (the neutral words are the window's and core's)."""

from __future__ import annotations

from pathlib import Path

from greenledger.gui.cli import main

BLIND2 = Path(__file__).resolve().parents[1] / "data" / "blind2"


def test_a_real_imports_warning_names_the_flag_and_following_it_reads_the_table(tmp_path, capsys):
    ws = tmp_path / "w.greenledger"
    assert main(["-w", str(ws), "import", str(BLIND2 / "_base.xlsx")]) == 0
    capsys.readouterr()
    book = str(BLIND2 / "sites_beside_energy.xlsx")
    assert main(["-w", str(ws), "import", book]) == 0
    err = capsys.readouterr().err
    assert "another table beside this one" in err and "--kind energy" in err
    assert main(["-w", str(ws), "import", book, "--kind", "energy"]) == 0
    assert "energy" in capsys.readouterr().out
