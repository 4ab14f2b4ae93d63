"""What the report offers for download: only listed files, and no cell a spreadsheet would run.

The data folder of the report holds exactly the files ``datapackage.json`` lists (its tables),
the descriptor itself and the data dictionary; a stray file in ``data/`` is not published.
Every CSV cell that a spreadsheet would read as a formula (one starting with ``=``, ``+``,
``@``, a tab or a carriage return, or ``-`` when it is not a number) gets a leading ``'``,
and the descriptor's checksum of a file so changed is recomputed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

_FORMULA = re.compile(r"^[=+@\t\r]")
_NUMBER = re.compile(r"^-\d+(\.\d*)?([eE][+-]?\d+)?$")


def neutralise(cell: str) -> str:
    """``cell`` with a leading ``'`` if a spreadsheet would run it as a formula."""
    if _FORMULA.match(cell) or (cell.startswith("-") and not _NUMBER.match(cell)):
        return "'" + cell
    return cell


def safe_csv(text: str) -> str:
    """The CSV ``text`` with every formula-looking cell neutralised (same quoting rules)."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    safe = [[neutralise(c) for c in r] for r in rows]
    if safe == rows:
        return text  # nothing to neutralise: the file ships byte for byte
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(safe)
    return out.getvalue()


def write_data(source: Path, target: Path) -> list[str]:
    """Copy the listed data files of ``source`` into ``target``, neutralised.

    Returns:
        The names of the files whose content changed (their checksums are updated).
    """
    target.mkdir(parents=True, exist_ok=True)
    package = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    changed = []
    for res in package["resources"]:
        text = (source / res["path"]).read_text(encoding="utf-8")
        safe = safe_csv(text)
        (target / res["path"]).write_text(safe, encoding="utf-8")
        if safe != text:
            changed.append(res["path"])
            res["hash"] = "sha256:" + hashlib.sha256(safe.encode("utf-8")).hexdigest()
            res["bytes"] = len(safe.encode("utf-8"))
    (target / "datapackage.json").write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    readme = source / "README.md"
    if readme.exists():
        (target / "README.md").write_text(readme.read_text(encoding="utf-8"), encoding="utf-8")
    return changed


def neutralise_files(paths: list[Path]) -> None:
    """Neutralise CSV files in place (chart data, results)."""
    for path in paths:
        text = path.read_text(encoding="utf-8")
        safe = safe_csv(text)
        if safe != text:
            path.write_text(safe, encoding="utf-8")
