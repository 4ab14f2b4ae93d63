"""Execute every notebook and build ``reports/``, atomically.

``python -m analysis.report`` (what ``make report`` runs):

1. builds into a fresh temporary folder beside ``reports/`` (``ANALYSIS_REPORTS_DIR`` points
   the notebooks' chart and result writers there);
2. executes ``notebooks/NN-*.ipynb`` in order, each with its own folder as working directory;
3. writes the executed notebooks, one HTML page per notebook (code hidden), and ``index.html``;
4. swaps the new folder in for ``reports/`` only when everything succeeded.

A notebook that raises stops the build with a message naming the notebook and the cell; the
previous ``reports/`` is left untouched and the exit status is non-zero.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from analysis import paths

KERNEL = "python3"
CELL_TIMEOUT = 900  # seconds a single cell may run before the build gives up


class NotebookError(RuntimeError):
    """A notebook failed to execute; the message names the notebook and the cell."""


@dataclass(frozen=True)
class Executed:
    """One executed notebook: where it came from, the result, and how long it took."""

    source: Path
    notebook: nbformat.NotebookNode
    seconds: float


def notebook_paths(folder: Path | None = None) -> list[Path]:
    """Return the numbered notebooks (``NN-topic.ipynb``) of ``folder`` in execution order."""
    folder = Path(folder) if folder else paths.NOTEBOOKS
    found = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))
    if not found:
        raise NotebookError(f"no notebooks named NN-topic.ipynb in {folder}")
    return found


@contextmanager
def _env(**values: str):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _failed_cell(nb: nbformat.NotebookNode) -> tuple[int, str, str]:
    """Return (code-cell number, first source line, error) of the first cell with an error."""
    n = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        n += 1
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                first = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
                return n, first, f"{out.get('ename')}: {out.get('evalue')}"
    return 0, "", ""


def execute(path: Path, reports_dir: Path | None = None,
            timeout: int = CELL_TIMEOUT, record_timing: bool = True) -> Executed:
    """Execute one notebook with its folder as working directory; return it with outputs.

    Raises:
        NotebookError: a cell raised, timed out or killed the kernel (names notebook and cell).
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout,
                            record_timing=record_timing,
                            resources={"metadata": {"path": str(path.parent)}})
    env = {"ANALYSIS_REPORTS_DIR": str(reports_dir)} if reports_dir else {}
    start = time.perf_counter()
    try:
        with _env(**env):
            client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        n, first, error = _failed_cell(nb)
        if not n:
            error = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        where = f"code cell {n} ({first!r})" if n else "a cell"
        raise NotebookError(f"{path.name}: {where} failed: {error}") from None
    return Executed(path, nb, time.perf_counter() - start)


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _page(nb: nbformat.NotebookNode) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    return body


def _index(pages: list[tuple[str, str]], figures: list[dict]) -> str:
    esc = html.escape
    items = "\n".join(f'<li><a href="{esc(href)}">{esc(title)}</a></li>' for href, title in pages)
    figs = "\n".join(
        f'<figure><a href="figures/{esc(f["name"])}.png"><img src="figures/{esc(f["name"])}.png"'
        f' alt="{esc(f["alt"])}" loading="lazy"></a><figcaption>{esc(f["title"])} '
        f'(<a href="figures/{esc(f["name"])}.svg">SVG</a>, '
        f'<a href="figures/{esc(f["name"])}.csv">CSV</a>)</figcaption></figure>'
        for f in figures)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pakistan's VPN registration policy: an open analysis</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;
line-height:1.5;color:#1b1b1b}}
img{{max-width:100%;height:auto}} figure{{margin:1.5rem 0}} figcaption{{font-size:.9rem}}
</style></head><body>
<h1>Pakistan's VPN registration policy: an open analysis</h1>
<p>Every number here is computed by the notebooks from the sourced data package; nothing is
typed by hand.</p>
<h2>Notebooks</h2>
<ul>
{items}
</ul>
<h2>Charts</h2>
{figs}
</body></html>
"""


def build(notebooks_dir: Path | None = None, out: Path | None = None,
          progress: bool = True) -> list[Executed]:
    """Execute every notebook and write the report to ``out`` (default ``reports/``) atomically.

    Returns:
        The executed notebooks, in order, with their run times in seconds.

    Raises:
        NotebookError: a notebook failed; ``out`` is left as it was.
    """
    from tqdm import tqdm

    notebooks = notebook_paths(notebooks_dir)
    out = Path(out).resolve() if out else paths.reports_dir()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
    try:
        (tmp / "notebooks").mkdir()
        done: list[Executed] = []
        bar = tqdm(notebooks, desc="notebooks", unit="nb", disable=not progress,
                   file=sys.stderr)
        for path in bar:
            bar.set_postfix_str(path.name)
            done.append(execute(path, tmp))
        pages = []
        for ex in done:
            nbformat.write(ex.notebook, tmp / "notebooks" / ex.source.name)
            page = ex.source.with_suffix(".html").name
            (tmp / page).write_text(_page(ex.notebook), encoding="utf-8")
            pages.append((page, _title(ex.notebook, ex.source.stem)))
        figures = [json.loads(p.read_text(encoding="utf-8"))
                   for p in sorted((tmp / "figures").glob("*.json"))]
        (tmp / "index.html").write_text(_index(pages, figures), encoding="utf-8")
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return done


def refresh(notebooks_dir: Path | None = None, progress: bool = True) -> list[Executed]:
    """Re-execute the committed notebooks in place (what nbval then compares against).

    Raises:
        NotebookError: a notebook failed; files already refreshed stay refreshed.
    """
    from tqdm import tqdm

    done = []
    for path in tqdm(notebook_paths(notebooks_dir), desc="notebooks", unit="nb",
                     disable=not progress, file=sys.stderr):
        ex = execute(path, record_timing=False)
        nbformat.write(ex.notebook, path)
        done.append(ex)
    return done


def _swap(new: Path, out: Path) -> None:
    """Replace ``out`` by ``new`` with two renames (the old report survives until the last)."""
    old = out.with_name(f".{out.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m analysis.report [--notebooks DIR] [--out DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m analysis.report",
                                     description="Execute every notebook and build reports/.")
    parser.add_argument("--notebooks", type=Path, default=None,
                        help="folder of NN-topic.ipynb notebooks (default: notebooks/)")
    parser.add_argument("--out", type=Path, default=None,
                        help="report folder to replace (default: reports/)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--in-place", action="store_true",
                        help="re-execute the committed notebooks in place; build no report")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        if args.in_place:
            done = refresh(args.notebooks, progress=not args.quiet)
            print(f"re-executed {len(done)} notebooks in {time.perf_counter() - start:.1f} s")
            return 0
        done = build(args.notebooks, args.out, progress=not args.quiet)
    except NotebookError as exc:
        print(f"report not built: {exc}", file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else paths.reports_dir()
    print(f"built {out}/index.html from {len(done)} notebooks in "
          f"{time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
