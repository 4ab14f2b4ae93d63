"""Same numbers on every machine, and nothing but the report build writes into reports/."""

import hashlib
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from analysis import data, paths
from analysis.models import numerics
from conftest import NBVAL, ROOT


def test_perturbation_moves_every_number_by_at_most_its_size(monkeypatch):
    exact = data.load("telecom_indicators")
    monkeypatch.setenv("ANALYSIS_PERTURB", "1e-9")
    moved = data.load("telecom_indicators")
    rel = (moved["value"] / exact["value"] - 1).abs()
    assert 0 < rel.max() <= 1e-9
    assert (rel > 0).mean() > 0.99  # nearly every number moves
    assert moved["month"].equals(exact["month"])  # keys and dates are not numbers


def test_perturbation_is_the_same_every_time(monkeypatch):
    monkeypatch.setenv("ANALYSIS_PERTURB", "1e-9")
    first = data.load("parameters")
    data._load_cached.cache_clear()
    assert data.load("parameters").equals(first)


def test_perturbation_keeps_bounds_and_shares_valid(monkeypatch):
    from analysis.data import params

    monkeypatch.setenv("ANALYSIS_PERTURB", "1e-9")
    table = params.load_parameters()  # raises if low > central or a share exceeds one
    shares = table.loc[table["unit"] == "share", ["low", "central", "high"]]
    assert (shares.to_numpy() <= 1).all()
    assert (table["low"] <= table["central"]).all() and (table["central"] <= table["high"]).all()


@pytest.mark.parametrize("bad", ["lots", "-1e-9", "0.5", "nan"])
def test_a_bad_perturbation_is_one_clear_error(monkeypatch, bad):
    monkeypatch.setenv("ANALYSIS_PERTURB", bad)
    with pytest.raises(data.DataError, match="ANALYSIS_PERTURB.*between 0 and 0.001"):
        data.load("macro")


def test_multivariate_draws_use_the_unique_cholesky_factor():
    cov = np.array([[4.0, 1.9], [1.9, 1.0]])  # correlation 0.95
    draws = numerics.mvn_draws(np.random.default_rng(1), [1.0, 2.0], cov, 200_000)
    assert np.allclose(draws.mean(axis=0), [1.0, 2.0], atol=0.02)
    assert np.allclose(np.cov(draws.T), cov, rtol=0.02)
    again = numerics.mvn_draws(np.random.default_rng(1), [1.0, 2.0], cov, 5)
    z = np.random.default_rng(1).standard_normal((5, 2))
    assert np.allclose(again, [1.0, 2.0] + z @ np.linalg.cholesky(cov).T)


def test_singular_covariance_is_drawn_with_jitter_and_a_broken_one_refused():
    flat = numerics.mvn_draws(np.random.default_rng(0), [0.0, 0.0], np.zeros((2, 2)), 3)
    assert np.allclose(flat, 0, atol=1e-5)
    with pytest.raises(ValueError, match="not positive semi-definite"):
        numerics.mvn_draws(np.random.default_rng(0), [0.0, 0.0], [[1.0, 3.0], [3.0, 1.0]], 3)


def _checksums(folder):
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_nbval_writes_charts_to_scratch_never_into_reports(tmp_path):
    """An nbval run with no output folder set leaves reports/ exactly as it was."""
    nb = tmp_path / "00-overview.ipynb"
    shutil.copy(ROOT / "notebooks" / "00-overview.ipynb", nb)
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != paths.OUTPUT_ENV}
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    before = _checksums(paths.REPORTS)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "analysis.report.kernels",
            *NBVAL,
            str(nb),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _checksums(paths.REPORTS) == before
    scratch = list((tmp_path / "tmp").glob("pk-vpn-analysis-*/results/00-overview.csv"))
    assert scratch, "the notebook's results should land in the scratch folder"
    # kernels talk over IPC sockets: no TCP port to collide on, no plain-text TCP warning
    assert "TCP without encryption" not in result.stdout + result.stderr


def test_kernel_sockets_fit_a_unix_socket_path_under_a_deep_tmpdir(tmp_path, monkeypatch):
    import tempfile

    from analysis.report import kernels

    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(deep))
    km = kernels.IPCKernelManager(kernel_name="python3")
    assert len(km.ip) + len("-12345") < 107
