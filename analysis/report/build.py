"""Execute every notebook and build ``reports/``, atomically.

``python -m analysis.report`` (what ``make report`` runs):

1. builds into a fresh temporary folder beside ``reports/`` (``ANALYSIS_REPORTS_DIR`` points
   the notebooks' chart and result writers there);
2. executes ``notebooks/NN-*.ipynb`` on two warm kernels (they are independent; each kernel
   runs notebook after notebook, each from a fresh namespace and fresh settings, longest
   first), each with its own folder as working directory, with a progress bar;
3. writes the executed notebooks, one HTML page per notebook (code hidden, working offline,
   RESULT lines dropped, tables captioned and labelled), ``results.csv``, the data package
   (folder and ZIP), ``index.html`` (see :mod:`analysis.report.site`) and its PDF (headless
   chromium);
4. swaps the new folder in for ``reports/`` only when everything succeeded.

A notebook that raises stops the build with a message naming the notebook and the cell; the
previous ``reports/`` is left untouched and the exit status is non-zero.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from analysis import paths
from analysis.report.kernels import IPCKernelManager

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


def _parameters_cell(nb: nbformat.NotebookNode) -> int | None:
    """Index of the cell tagged ``parameters`` (papermill's convention), or None."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return i
    return None


def notebook_parameters(nb: nbformat.NotebookNode, name: str) -> dict[str, object]:
    """The values the ``parameters`` cell assigns (``NAME = literal`` lines), by name.

    Raises:
        NotebookError: the cell assigns something that is not a plain literal.
    """
    import ast

    i = _parameters_cell(nb)
    if i is None:
        return {}
    out = {}
    for node in ast.parse(nb.cells[i].source).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        try:
            out[target.id] = ast.literal_eval(node.value)  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            raise NotebookError(
                f"{name}: the parameters cell sets {ast.unparse(target)} to "
                f"{ast.unparse(node.value)}; expected NAME = a literal value"
            ) from None
    return out


def check_parameters(
    nb: nbformat.NotebookNode, name: str, parameters: dict | None = None
) -> dict[str, object]:
    """Check a notebook's parameters cell with ``parameters`` applied over it; return them.

    The one check of :func:`analysis.inputs.check_notebook_parameters`, run before any cell,
    so a bad parameter stops with one line and no report or output is written.

    Raises:
        NotebookError: naming the notebook, the parameter and what was expected.
    """
    from analysis import inputs
    from analysis.data import DataError

    defaults = notebook_parameters(nb, name)
    values = {**defaults, **(parameters or {})}
    try:
        return inputs.check_notebook_parameters(values, name, known=defaults)
    except (inputs.InputError, DataError) as exc:
        raise NotebookError(str(exc)) from None


def _inject(nb: nbformat.NotebookNode, parameters: dict) -> None:
    """Insert a cell setting ``parameters`` after the parameters cell (as papermill does)."""
    from nbformat.v4 import new_code_cell

    source = "# Parameters\n" + "".join(f"{k} = {v!r}\n" for k, v in parameters.items())
    cell = new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    at = _parameters_cell(nb)
    nb.cells.insert(0 if at is None else at + 1, cell)


def execute(
    path: Path,
    reports_dir: Path | None = None,
    timeout: int = CELL_TIMEOUT,
    record_timing: bool = True,
    parameters: dict | None = None,
) -> Executed:
    """Execute one notebook with its folder as working directory; return it with outputs.

    ``parameters`` override the notebook's parameters cell; they and the cell are checked
    first (:func:`check_parameters`).

    Raises:
        NotebookError: a bad parameter, or a cell raised, timed out or killed the kernel
            (names notebook and cell).
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    checked = check_parameters(nb, path.name, parameters)
    if parameters:
        _inject(nb, {k: checked[k] for k in parameters})
    client = NotebookClient(
        nb,
        km=IPCKernelManager(kernel_name=KERNEL),
        timeout=timeout,
        record_timing=record_timing,
        resources={"metadata": {"path": str(path.parent)}},
    )
    env = {"ANALYSIS_REPORTS_DIR": str(reports_dir)} if reports_dir else {}
    start = time.perf_counter()
    try:
        with paths.environ(**env):
            client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        n, first, error = _failed_cell(nb)
        if not n:
            error = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        where = f"code cell {n} ({first!r})" if n else "a cell"
        raise NotebookError(f"{path.name}: {where} failed: {error}") from None
    finally:
        # the client does not own a manager it was given: shut the kernel down here, so no
        # kernel outlives its notebook
        if client.kc is not None:
            client.kc.stop_channels()
        if client.km.has_kernel:
            client.km.shutdown_kernel(now=True)
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

    exporter = HTMLExporter(
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(for_readers(nb))
    return body


def _caption(md: str) -> str:
    """A table's caption from the markdown cell before it: its heading or first sentence."""
    import re

    for line in md.splitlines():
        text = line.strip().lstrip("#").strip()
        if text:
            text = re.sub(r"[*_`]", "", text)
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            first = re.split(r"(?<=[.:;])\s", text, maxsplit=1)[0].rstrip(":;")
            return first if len(first) <= 160 else first[:157].rsplit(" ", 1)[0] + "..."
    return ""


def _relabel_table(html_text: str, caption: str) -> str:
    """A pandas HTML table with human column names, coded values in words, and a caption."""
    import html as html_mod
    import re

    from analysis import labels

    def header(m: re.Match) -> str:
        raw = html_mod.unescape(m.group(2))
        words = labels.label(raw) if labels.known(raw) else raw
        return f"{m.group(1)}{html_mod.escape(words, quote=False)}{m.group(3)}"

    def cell(m: re.Match) -> str:
        raw = html_mod.unescape(m.group(2))
        if labels.known(raw):
            return f"{m.group(1)}{html_mod.escape(labels.label(raw), quote=False)}{m.group(3)}"
        return m.group(0)

    out = re.sub(r"(<th[^>]*>)([^<]*)(</th>)", header, html_text)
    out = re.sub(r"(<td[^>]*>)([^<]*)(</td>)", cell, out)
    if caption and "<caption" not in out:
        out = re.sub(
            r"(<table[^>]*>)",
            lambda m: f"{m.group(1)}<caption>{html_mod.escape(caption, quote=False)}</caption>",
            out,
            count=1,
        )
    return out


def for_readers(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` as a reader's page shows it.

    The ``RESULT {...}`` lines the findings machinery reads are dropped (they stay in the
    executed notebook); tables get human column names and coded values in words from
    :mod:`analysis.labels`, and a caption from the markdown cell before them; known code
    names in printed text are put in words.
    """
    import copy

    from analysis import labels
    from analysis.report.results import PREFIX

    nb = copy.deepcopy(nb)
    caption = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            caption = _caption(cell.source)
            continue
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                lines = [
                    ln for ln in out.get("text", "").splitlines(True) if not ln.startswith(PREFIX)
                ]
                if not "".join(lines).strip():
                    continue
                out["text"] = labels.relabel("".join(lines))
            html_text = out.get("data", {}).get("text/html")
            if html_text and "<table" in html_text:
                out["data"]["text/html"] = _relabel_table(html_text, caption)
            kept.append(out)
        cell["outputs"] = kept
    return nb


def figure_order(done: list[Executed], figures: list[dict], folder: Path) -> list[dict]:
    """``figures`` in story order: by notebook, then in the order each notebook shows them.

    A chart is matched to the notebook whose output shows exactly its PNG; each figure gets
    its ``notebook`` (stem). Charts no notebook shows come last, by name.
    """
    import base64
    import hashlib

    digest = {}
    for f in figures:
        png = folder / f"{f['name']}.png"
        if png.is_file():
            digest[hashlib.sha256(png.read_bytes()).hexdigest()] = f["name"]
    place = {}
    for i, ex in enumerate(done):
        n = 0
        for cell in ex.notebook.cells:
            for out in cell.get("outputs", []):
                data = out.get("data", {}).get("image/png")
                if not data:
                    continue
                key = hashlib.sha256(base64.b64decode(data)).hexdigest()
                if key in digest and digest[key] not in place:
                    place[digest[key]] = (i, n, ex.source.stem)
                    n += 1
    last = (len(done), 0, "")
    ordered = sorted(figures, key=lambda f: (place.get(f["name"], last)[:2], f["name"]))
    return [{**f, "notebook": place.get(f["name"], last)[2]} for f in ordered]


def _svg_height(path: Path, width: int = 800) -> int:
    """The height in pixels of an SVG shown ``width`` pixels wide (from its own size)."""
    import re

    head = path.read_text(encoding="utf-8")[:2000] if path.is_file() else ""
    w = re.search(r'<svg[^>]*\swidth="([\d.]+)', head)
    h = re.search(r'<svg[^>]*\sheight="([\d.]+)', head)
    if not (w and h):
        return round(width * 0.6)
    return round(width * float(h.group(1)) / float(w.group(1)))


#: BLAS and OpenMP threads per kernel when kernels run side by side: one. Two kernels on two
#: cores with OpenBLAS's default of a thread per core oversubscribe the machine, and OpenBLAS's
#: threads spin while they wait: the rolling placebos of ``05`` ran 3x slower next to ``07``
#: than alone. A variable already set is left as it is. (``make test`` checks that the printed
#: numbers are the same with one thread and with the default.)
ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def side_by_side_env() -> dict[str, str]:
    """The thread settings of a kernel that runs beside others (:data:`ONE_THREAD`)."""
    return {k: "1" for k in ONE_THREAD if k not in os.environ}


def _run_one(path: str, reports_dir: str) -> tuple[str, float]:
    """Worker: execute one notebook in a separate process; return (JSON, seconds)."""
    os.environ.update(side_by_side_env())  # this worker's own environment, inherited by its kernel
    ex = execute(Path(path), Path(reports_dir))
    return nbformat.writes(ex.notebook), ex.seconds


def execute_all(
    notebooks: list[Path], reports_dir: Path, jobs: int = 2, progress: bool = True
) -> list[Executed]:
    """Execute notebooks, ``jobs`` at a time (they are independent: each reads only data/).

    Returns:
        The executed notebooks in the order given.

    Raises:
        NotebookError: the first notebook that fails (naming it and its cell).
    """
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from tqdm import tqdm

    if jobs <= 1:
        out = []
        for path in tqdm(
            notebooks, desc="notebooks", unit="nb", disable=not progress, file=sys.stderr
        ):
            out.append(execute(path, reports_dir))
        return out
    bar = tqdm(
        total=len(notebooks), desc="notebooks", unit="nb", disable=not progress, file=sys.stderr
    )
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # Later notebooks run the heavier models: start them first so the slowest one does
        # not begin last (longest-first keeps both workers busy to the end).
        futures = {pool.submit(_run_one, str(p), str(reports_dir)): p for p in reversed(notebooks)}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                if fut.exception() is not None:
                    for other in pending:
                        other.cancel()
                    bar.close()
                    raise fut.exception()
                bar.update(1)
                bar.set_postfix_str(futures[fut].name)
    bar.close()
    by_path = {path: fut for fut, path in futures.items()}
    results = []
    for path in notebooks:
        text, seconds = by_path[path].result()
        results.append(Executed(path, nbformat.reads(text, as_version=4), seconds))
    return results


#: Run silently in a kernel before each notebook it executes (not a cell: no output, no
#: execution count). The first time, it records matplotlib's settings as a fresh kernel has
#: them; every time, it gives the notebook what a fresh kernel would: an empty namespace,
#: those settings, pandas' default options, no open figures, no warning already shown, the
#: notebook's folder as working directory and the build's output folder.
_FRESH = """
import os as _os, sys as _sys, warnings as _warnings
import matplotlib as _mpl, matplotlib.pyplot as _plt, pandas as _pd
if not hasattr(_sys, "_pk_vpn_rc"):
    _sys._pk_vpn_rc = _mpl.rcParams.copy()
get_ipython().run_line_magic("reset", "-f")
import os as _os, sys as _sys, warnings as _warnings
import matplotlib as _mpl, matplotlib.pyplot as _plt, pandas as _pd
_plt.close("all")
with _warnings.catch_warnings():
    _warnings.simplefilter("ignore")
    _mpl.rcParams.update(_sys._pk_vpn_rc)
    _pd.reset_option("all")
for _m in list(_sys.modules.values()):
    _reg = getattr(_m, "__warningregistry__", None)
    if isinstance(_reg, dict):
        _reg.clear()
_os.chdir({cwd!r})
{env}
del _os, _sys, _warnings, _mpl, _plt, _pd, _m, _reg
"""


async def _ready(kc, timeout: float) -> None:
    """Wait until the kernel answers on the shell channel and its IOPub reaches ``kc``.

    jupyter_client's ``wait_for_ready`` does the same, then waits a further 0.2 s for IOPub
    to fall silent, twice per notebook here (nbclient calls it too): 0.4 s a notebook of
    nothing. This returns as soon as the kernel's "idle" for a ``kernel_info`` request
    arrives on IOPub, which proves the subscription is live (a message published before it
    joined would be lost, and nbclient would wait for it for ever).
    """
    from queue import Empty

    from nbclient.util import ensure_async

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg_id = kc.kernel_info()
        try:
            while True:  # the reply (an older request's reply is skipped)
                reply = await ensure_async(kc.shell_channel.get_msg(timeout=1))
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            while True:  # its "idle" on IOPub
                msg = await ensure_async(kc.iopub_channel.get_msg(timeout=0.5))
                if (
                    msg["parent_header"].get("msg_id") == msg_id
                    and msg["msg_type"] == "status"
                    and msg["content"].get("execution_state") == "idle"
                ):
                    return
        except Empty:
            if not await ensure_async(kc.is_alive()):
                raise RuntimeError("the kernel died before it was ready") from None
    raise RuntimeError(f"the kernel did not answer in {timeout:.0f} s")


class _WarmClient(NotebookClient):
    """nbclient on a kernel that is already running: ready without idle waits, reset first.

    ``reset_code`` runs silently (no output, no execution count) once the client is
    connected, before the first cell: one connection a notebook instead of two.
    """

    reset_code: str = ""

    async def async_start_new_kernel_client(self):
        from nbclient.util import ensure_async, run_hook

        self.kc = self.km.client()
        await ensure_async(self.kc.start_channels())
        try:
            await _ready(self.kc, self.startup_timeout)
        except RuntimeError as exc:
            raise NotebookError(f"kernel not ready: {exc}") from None
        self.kc.allow_stdin = False
        if self.reset_code:
            msg_id = self.kc.execute(self.reset_code, silent=True, store_history=False)
            reply = await self.async_wait_for_reply(msg_id)
            content = (reply or {}).get("content", {})
            if content.get("status") != "ok":
                raise NotebookError(
                    f"kernel reset failed: {content.get('ename')}: {content.get('evalue')}"
                )
        await run_hook(self.on_notebook_start, notebook=self.nb)
        return self.kc


class WarmKernel:
    """One kernel that executes notebook after notebook, each as if in a fresh kernel.

    Starting a kernel and importing pandas, matplotlib, scipy and statsmodels costs seconds
    per notebook; a warm kernel pays it once. Before each notebook :data:`_FRESH` empties the
    namespace and restores the settings a fresh kernel has, and afterwards the execution
    counts are numbered from 1, so the outputs are those of a fresh kernel (a test compares
    them with the committed notebooks).
    """

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.km = IPCKernelManager(kernel_name=KERNEL)
        self.km.start_kernel(env={**os.environ, **(env or {})})

    def _fresh_code(self, cwd: Path, env: dict[str, str]) -> str:
        lines = "\n".join(f"_os.environ[{k!r}] = {v!r}" for k, v in env.items())
        return _FRESH.format(cwd=str(cwd), env=lines)

    def execute(
        self,
        path: Path,
        reports_dir: Path | None = None,
        timeout: int = CELL_TIMEOUT,
        record_timing: bool = True,
    ) -> Executed:
        """Execute one notebook in this kernel, from a fresh state; return it with outputs.

        Raises:
            NotebookError: a cell raised, timed out or killed the kernel.
        """
        path = Path(path)
        nb = nbformat.read(path, as_version=4)
        env = {paths.OUTPUT_ENV: str(reports_dir)} if reports_dir else {}
        start = time.perf_counter()
        client = _WarmClient(
            nb,
            km=self.km,
            timeout=timeout,
            record_timing=record_timing,
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.reset_code = self._fresh_code(path.parent.resolve(), env)
        try:
            client.execute()
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
            n, first, error = _failed_cell(nb)
            if not n:
                error = (
                    str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
                )
            where = f"code cell {n} ({first!r})" if n else "a cell"
            raise NotebookError(f"{path.name}: {where} failed: {error}") from None
        finally:
            if client.kc is not None:
                client.kc.stop_channels()
        _renumber(nb)
        return Executed(path, nb, time.perf_counter() - start)

    def close(self) -> None:
        """Shut the kernel down and remove its sockets."""
        self.km.shutdown_kernel(now=True)


def _renumber(nb: nbformat.NotebookNode) -> None:
    """Number the executed code cells 1, 2, ... as a fresh kernel does."""
    n = 0
    for cell in nb.cells:
        if cell.cell_type != "code" or cell.get("execution_count") is None:
            continue
        n += 1
        cell.execution_count = n
        for out in cell.get("outputs", []):
            if "execution_count" in out:
                out["execution_count"] = n


def _expected_seconds(notebooks: list[Path], previous: Path | None) -> dict[Path, float]:
    """How long each notebook took in the previous report (0 when unknown)."""
    from datetime import datetime

    out = {}
    for path in notebooks:
        seconds = 0.0
        old = previous / "notebooks" / path.name if previous else None
        if old is not None and old.is_file():
            try:
                stamps = [
                    c.metadata["execution"][k]
                    for c in nbformat.read(old, as_version=4).cells
                    if c.cell_type == "code" and "execution" in c.metadata
                    for k in ("iopub.execute_input", "shell.execute_reply")
                    if k in c.metadata["execution"]
                ]
                if stamps:
                    times = [datetime.fromisoformat(s.replace("Z", "+00:00")) for s in stamps]
                    seconds = (max(times) - min(times)).total_seconds()
            except (KeyError, ValueError, OSError, nbformat.reader.NotJSONError):
                seconds = 0.0
        out[path] = seconds
    return out


def _warm_worker(todo, results, reports_dir: str, env: dict[str, str]) -> None:
    """A worker process: one warm kernel executes notebooks from ``todo`` until it is empty.

    Puts ``(path, JSON, seconds)`` per notebook on ``results``, or ``(path, None, error)``
    and stops; ``(None, None, None)`` when done.
    """
    import queue

    kernel = None
    try:
        kernel = WarmKernel(env)
        while True:
            try:
                path = todo.get_nowait()
            except queue.Empty:
                break
            try:
                ex = kernel.execute(Path(path), Path(reports_dir))
            except NotebookError as exc:
                results.put((path, None, str(exc)))
                return
            results.put((path, nbformat.writes(ex.notebook), ex.seconds))
    except Exception as exc:  # noqa: BLE001 - the kernel did not start: say so, in one line
        results.put((None, None, f"a kernel failed: {type(exc).__name__}: {exc}"))
        return
    finally:
        if kernel is not None:
            kernel.close()
    results.put((None, None, None))


def execute_warm(
    notebooks: list[Path],
    reports_dir: Path,
    jobs: int = 2,
    progress: bool = True,
    previous: Path | None = None,
) -> list[Executed]:
    """Execute notebooks on ``jobs`` warm kernels (:class:`WarmKernel`), longest first.

    Each kernel (in its own worker process) takes the next notebook as it finishes one;
    notebooks start in order of the time they took in the ``previous`` report, longest first
    (from the last notebook when no time is known).

    Returns:
        The executed notebooks in the order given.

    Raises:
        NotebookError: the first notebook that fails (naming it and its cell).
    """
    import multiprocessing as mp
    import queue

    from tqdm import tqdm

    expected = _expected_seconds(notebooks, previous)
    order = sorted(reversed(notebooks), key=lambda p: -expected[p])
    # spawn, not fork: a forked child would inherit this process's ZeroMQ state
    ctx = mp.get_context("spawn")
    todo, results = ctx.Queue(), ctx.Queue()
    for p in order:
        todo.put(str(p))
    n_workers = max(1, min(jobs, len(notebooks)))
    env = side_by_side_env() if n_workers > 1 else {}
    workers = [
        ctx.Process(target=_warm_worker, args=(todo, results, str(reports_dir), env), daemon=True)
        for _ in range(n_workers)
    ]
    for w in workers:
        w.start()
    bar = tqdm(
        total=len(notebooks), desc="notebooks", unit="nb", disable=not progress, file=sys.stderr
    )
    done: dict[str, Executed] = {}
    running, error = len(workers), None
    try:
        while running and error is None:
            try:
                path, text, info = results.get(timeout=5)
            except queue.Empty:
                if not any(w.is_alive() for w in workers):
                    error = "the notebook workers stopped without a result"
                continue
            if path is None:
                running -= 1
                error = info
                continue
            if text is None:
                error = info
                continue
            done[path] = Executed(Path(path), nbformat.reads(text, as_version=4), info)
            bar.update(1)
            bar.set_postfix_str(Path(path).name)
    finally:
        bar.close()
        if error is not None:
            for w in workers:
                w.terminate()
        for w in workers:
            w.join(timeout=60)
    if error is not None:
        raise NotebookError(error)
    return [done[str(p)] for p in notebooks]


def _with_nav(page: str) -> str:
    """Make a notebook page work offline and link back to the findings page.

    nbconvert's template loads require.js and MathJax from a CDN; the pages need neither
    (no widgets, no equations), and the report must work opened from disk, so both go.
    """
    import re

    page = re.sub(r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>', "", page)
    nav = (
        '<nav style="font-family:system-ui,sans-serif;padding:.5rem 1rem">'
        '<a href="index.html">&larr; Key findings</a></nav>'
    )
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, page, count=1)


PDF_NAME = "report.pdf"


def chromium() -> str | None:
    """The headless browser that prints the PDF: ``$CHROMIUM``, or ``chromium`` on the path."""
    found = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    return found if found and Path(found).exists() else None


def print_pdf(page: Path, pdf: Path, timeout: int = 180) -> bool:
    """Print ``page`` to ``pdf`` with headless chromium; ``False`` when there is no browser.

    Raises:
        NotebookError: the browser ran but wrote no PDF (its last error line is named).
    """
    import subprocess

    browser = chromium()
    if browser is None:
        return False
    with tempfile.TemporaryDirectory(prefix="pk-vpn-pdf-") as profile:
        result = subprocess.run(
            [
                browser,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--allow-file-access-from-files",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF-"):
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise NotebookError(f"the PDF of the report was not written by {browser}: {last}")
    return True


def _write_site(tmp: Path, done: list[Executed]) -> None:
    """Write pages, data, results, the index and its PDF into the build folder ``tmp``."""
    import json
    import shutil as sh

    from analysis import data as data_mod
    from analysis import events
    from analysis.report import downloads, site
    from analysis.report import results as results_mod

    pages = []
    (tmp / "notebooks").mkdir(exist_ok=True)
    for ex in done:
        nbformat.write(ex.notebook, tmp / "notebooks" / ex.source.name)
        page = ex.source.with_suffix(".html").name
        (tmp / page).write_text(_with_nav(_page(ex.notebook)), encoding="utf-8")
        pages.append((ex.source.stem, page, _title(ex.notebook, ex.source.stem)))
    figures = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((tmp / "figures").glob("*.json"))
    ]
    figures = [
        {**f, "height": _svg_height(tmp / "figures" / f"{f['name']}.svg")}
        for f in figure_order(done, figures, tmp / "figures")
    ]
    res = results_mod.gather(tmp / "results")
    res.to_csv(tmp / "results.csv", index=False)
    downloads.write_data(paths.DATA, tmp / "data")  # listed files only, formulas neutralised
    downloads.neutralise_files([tmp / "results.csv", *sorted((tmp / "figures").glob("*.csv"))])
    sh.make_archive(str(tmp / "data"), "zip", root_dir=tmp, base_dir="data")
    timeline = data_mod.load("policy_timeline")
    after = timeline.loc[timeline["date"] >= events.deadline()].sort_values("date")
    site.write_assets(tmp)

    def index(pdf: str) -> None:
        html_text = site.index_html(
            res,
            after,
            pages,
            figures,
            len(data_mod.sources()),
            len(data_mod.table_names()) - 1,
            pdf=pdf,
        )
        (tmp / "index.html").write_text(html_text, encoding="utf-8")

    index(PDF_NAME)
    if not print_pdf(tmp / "index.html", tmp / PDF_NAME):
        print(
            "report: no chromium found (run `make browser`); the report has no PDF",
            file=sys.stderr,
        )
        index("")


def build(
    notebooks_dir: Path | None = None, out: Path | None = None, progress: bool = True, jobs: int = 2
) -> list[Executed]:
    """Execute every notebook and write the report to ``out`` (default ``reports/``) atomically.

    Returns:
        The executed notebooks, in order, with their run times in seconds.

    Raises:
        NotebookError: a notebook failed; ``out`` is left as it was.
    """
    notebooks = notebook_paths(notebooks_dir)
    out = Path(out).resolve() if out else paths.REPORTS
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
    try:
        done = execute_warm(notebooks, tmp, jobs=jobs, progress=progress, previous=out)
        _write_site(tmp, done)
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
    for path in tqdm(
        notebook_paths(notebooks_dir),
        desc="notebooks",
        unit="nb",
        disable=not progress,
        file=sys.stderr,
    ):
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


def _stale_data() -> str:
    """One line naming data files edited since their checksums were recorded, or ``""``."""
    from analysis.data import DataError
    from analysis.data import package as datapackage

    try:
        stale = datapackage.stale_hashes()
    except (DataError, OSError) as exc:
        return f"the data package cannot be read ({exc}); run `make data`"
    if not stale:
        return ""
    names = [line.split(":", 1)[0] for line in stale]
    more = f" and {len(names) - 1} more" if len(names) > 1 else ""
    return (
        f"data/{names[0]}{more} changed since its checksum was recorded; run `make data` "
        "to validate the tables and record them, then `make report` again"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m analysis.report [--notebooks DIR] [--out DIR]``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.report", description="Execute every notebook and build reports/."
    )
    parser.add_argument(
        "--notebooks",
        type=Path,
        default=None,
        help="folder of NN-topic.ipynb notebooks (default: notebooks/)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="report folder to replace (default: reports/)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--jobs",
        type=int,
        default=2,
        help="notebooks executed at once (default 2, the machine's cores)",
    )
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="re-execute the committed notebooks in place; build no report",
    )
    args = parser.parse_args(argv)
    stale = _stale_data()
    if stale:
        print(f"report not built: {stale}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    try:
        if args.in_place:
            done = refresh(args.notebooks, progress=not args.quiet)
            print(f"re-executed {len(done)} notebooks in {time.perf_counter() - start:.1f} s")
            return 0
        if args.jobs < 1:
            parser.error(f"--jobs must be at least 1, got {args.jobs}")
        done = build(args.notebooks, args.out, progress=not args.quiet, jobs=args.jobs)
    except NotebookError as exc:
        print(f"report not built: {exc}", file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else paths.REPORTS
    print(
        f"built {out}/index.html from {len(done)} notebooks in {time.perf_counter() - start:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
