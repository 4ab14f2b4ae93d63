"""The README's Findings come from the results the committed notebooks print."""

from analysis.report import results
from conftest import ROOT


def test_readme_findings_match_the_committed_notebooks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    expected = results.readme_with_findings(readme, results.from_notebooks())
    assert readme == expected, "README findings drifted: run `make findings`"
