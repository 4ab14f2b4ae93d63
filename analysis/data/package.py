"""Keep ``data/datapackage.json`` honest and render the data dictionary from it.

``python -m analysis.data.package`` (``make data``) records each file's checksum and size in the
descriptor and regenerates ``data/README.md`` from the schema. Tests fail when a data file
changes without its record, or when the README drifts from the schema, so every edit to the
data is deliberate and the dictionary is written once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from analysis import data


def refresh_hashes(package: dict, data_dir: Path) -> dict:
    """Return ``package`` with every resource's ``hash`` and ``bytes`` recomputed."""
    for res in package["resources"]:
        path = data_dir / res["path"]
        res["hash"] = data.file_hash(path)
        res["bytes"] = path.stat().st_size
    return package


def stale_hashes(data_dir: Path | None = None) -> list[str]:
    """Return one message per data file whose checksum differs from its recorded one."""
    data_dir = Path(data_dir) if data_dir else data.default_dir()
    out = []
    for res in data.read_package(data_dir)["resources"]:
        actual = data.file_hash(data_dir / res["path"])
        if res.get("hash") != actual:
            out.append(f"{res['path']}: recorded {res.get('hash')}, file is {actual}")
    return out


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_readme(package: dict) -> str:
    """Render the data dictionary (Markdown) from the descriptor: one section per table."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from `datapackage.json` by `make data`; do not edit by hand.",
        "",
        package.get("description", ""),
        "",
        "Every row of every table has a `source_id` that resolves in `sources.csv` (publisher,",
        "title, URL, dates and the quoted sentence). `flag` says whether a value is `reported`",
        "by the source or `derived` by us (then `formula` gives the arithmetic). Where sources",
        "disagree, every value is kept and `use` marks the one the analysis uses (the `note`",
        "says why). Load any table with `analysis.data.load(name)`: it validates on every load.",
        "",
        "| table | rows | what one row is |",
        "|---|---|---|",
    ]
    for res in package["resources"]:
        lines.append(
            f"| [`{res['name']}`](#{res['name'].replace('_', '-')}) | "
            f"{res.get('rows', '')} | {_cell(res.get('title', ''))} |"
        )
    for res in package["resources"]:
        schema = res["schema"]
        lines += [
            "",
            f"## {res['name']}",
            "",
            f"File `{res['path']}`. {res.get('description', '')}",
            "",
        ]
        if schema.get("primaryKey"):
            lines.append(f"Key: {', '.join(f'`{k}`' for k in schema['primaryKey'])}. ")
        if res.get("useKey"):
            lines.append(f"One row marked `use` per {', '.join(f'`{k}`' for k in res['useKey'])}.")
        lines += [
            "",
            "| column | type | unit | required | allowed | description |",
            "|---|---|---|---|---|---|",
        ]
        for f in schema["fields"]:
            cons = f.get("constraints", {})
            allowed = []
            if "enum" in cons:
                allowed.append(", ".join(map(str, cons["enum"])))
            if "minimum" in cons:
                allowed.append(f">= {cons['minimum']}")
            if "maximum" in cons:
                allowed.append(f"<= {cons['maximum']}")
            if "pattern" in cons:
                allowed.append(f"`{cons['pattern']}`")
            lines.append(
                f"| `{f['name']}` | {f['type']} | {_cell(f.get('unit', ''))} | "
                f"{'yes' if cons.get('required') else 'no'} | {_cell('; '.join(allowed))} | "
                f"{_cell(f.get('description', ''))} |"
            )
    return "\n".join(lines) + "\n"


def count_rows(package: dict, data_dir: Path) -> dict:
    """Return ``package`` with each resource's ``rows`` set to its loaded row count."""
    for res in package["resources"]:
        res["rows"] = len(data.load(res["name"], data_dir))
    return package


def validate(data_dir: Path | None = None) -> dict:
    """Run every check the analysis runs on ``data_dir``; return the descriptor with row counts.

    The same checks as every other path: the descriptor, no unlisted file, every table
    through the loader, and the parameter and scenario rules of
    :func:`analysis.models.params.check` (with the data's own ceilings). Checksums are not
    compared: recording them is what ``make data`` is for.

    Raises:
        DataError, ParameterError: the first problem, in one line.
    """
    from analysis.data import params as tables

    data_dir = Path(data_dir) if data_dir else data.default_dir()
    package = data.check_package(data_dir, hashes=False)
    package = count_rows(package, data_dir)
    if {"parameters", "scenarios", "macro"} <= set(data.table_names(data_dir)):
        tables.load_scenarios(data_dir)  # checks the parameters, then every scenario
    return package


def main(data_dir: Path | None = None) -> int:
    """Validate every table, record checksums and row counts, regenerate ``data/README.md``.

    Returns:
        0, or 2 with one line on stderr naming the file, line, column or parameter.
    """
    from analysis.models.params import ParameterError

    data_dir = Path(data_dir) if data_dir else data.default_dir()
    try:
        package = validate(data_dir)
    except (data.DataError, ParameterError) as exc:
        print(f"data package not updated: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    package = refresh_hashes(package, data_dir)
    (data_dir / data.DATAPACKAGE).write_text(
        json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (data_dir / "README.md").write_text(render_readme(package), encoding="utf-8")
    print(f"{len(package['resources'])} tables validated; checksums and data/README.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
