"""Downloads: only the files the data package lists, no cell a spreadsheet would run."""

import json
import shutil

from analysis import paths
from analysis.report import downloads


def test_formula_cells_are_neutralised_and_numbers_are_not():
    cells = ["=1+1", "+44", "-0.5", "-x", "@SUM(A1)", "plain", "\t=x", "-1e5", ""]
    assert [downloads.neutralise(c) for c in cells] == [
        "'=1+1",
        "'+44",
        "-0.5",
        "'-x",
        "'@SUM(A1)",
        "plain",
        "'\t=x",
        "-1e5",
        "",
    ]


def test_only_listed_files_ship_and_a_changed_file_gets_its_checksum(tmp_path):
    src = tmp_path / "data"
    shutil.copytree(paths.DATA, src)
    (src / "stray.csv").write_text("a\n1\n", encoding="utf-8")
    package = json.loads((src / "datapackage.json").read_text(encoding="utf-8"))
    first = package["resources"][1]["path"]
    text = (src / first).read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    row = rest.split("\n", 1)[0].split(",")
    (src / first).write_text(
        header + "\n" + ",".join(["=HYPERLINK(1)", *row[1:]]) + "\n" + rest.split("\n", 1)[1],
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert downloads.write_data(src, out) == [first]
    assert not (out / "stray.csv").exists()
    assert "'=HYPERLINK(1)" in (out / first).read_text(encoding="utf-8")
    shipped = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    import hashlib

    digest = hashlib.sha256((out / first).read_bytes()).hexdigest()
    assert shipped["resources"][1]["hash"] == "sha256:" + digest
    untouched = package["resources"][2]["path"]
    assert (out / untouched).read_bytes() == (paths.DATA / untouched).read_bytes()
