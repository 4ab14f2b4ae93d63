"""One label registry: every name the data and the model use has words, and code stays out."""

import json
import re

import nbformat
import pytest

from analysis import data, labels
from conftest import ROOT


def test_every_parameter_is_labelled_from_its_description():
    for table in ("parameters", "cost_method_parameters"):
        df = data.load(table)
        assert labels.missing(df["parameter"], "parameter") == [], table
    first = data.load("parameters").iloc[0]
    assert labels.label(first["parameter"], "parameter") == first["description"].strip()


def test_every_scenario_region_and_category_in_the_data_is_labelled():
    assert labels.missing({*data.load("scenarios")["scenario"], "base"}, "scenario") == []
    regions = set(data.load("region_population")["region"])
    regions |= set(data.load("region_gdp_shares")["region"])
    for cell in data.load("shutdown_events")["regions"].dropna():
        regions |= set(str(cell).split(";"))
    assert labels.missing(regions, "region") == []
    assert labels.missing(data.load("policy_timeline")["category"], "category") == []


def test_every_table_output_and_method_is_labelled():
    from analysis.models import counterfactual, impact

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert labels.missing([r["name"] for r in package["resources"]], "table") == []
    assert labels.missing(impact.OUTPUTS, "output") == []
    assert labels.missing([*impact.COST_METHODS, *counterfactual.METHODS], "method") == []


def _headers():
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for out in cell.get("outputs", []):
                page = out.get("data", {}).get("text/html", "")
                for th in re.findall(r"<th[^>]*>([^<]*)</th>", page):
                    yield path.name, th.strip()


def test_every_coded_column_of_the_notebooks_tables_has_words():
    coded = {(nb, th) for nb, th in _headers() if labels.IDENTIFIER.fullmatch(th)}
    assert coded, "the notebooks' tables have coded column names to label"
    unknown = sorted({th for _, th in coded if not labels.known(th)})
    assert unknown == [], f"columns without a label in analysis/labels.py: {unknown}"


def test_an_unknown_name_fails_loudly_with_its_name():
    with pytest.raises(labels.UnknownLabel, match="no label for parameter 'no_such_parameter'"):
        labels.label("no_such_parameter", "parameter")
    with pytest.raises(labels.UnknownLabel, match="'made_up_term'"):
        labels.words("made_up_term")
    assert labels.words("forecast", "term") == "forecast"
    with pytest.raises(ValueError, match="unknown label kind"):
        labels.label("x", "colour")


def test_identifiers_are_found_and_file_paths_are_not():
    text = "Source: PTA. Details: data/vpn_registrations.csv; file data_broadband.csv"
    assert labels.find_identifiers(text) == []
    assert labels.find_identifiers("median of vpn_users_m (bottom_up)") == [
        "bottom_up",
        "vpn_users_m",
    ]
    assert labels.find_identifiers("3G/4G, COST-style, Gilgit-Baltistan, 2024-11") == []


def test_relabel_and_sentence_case():
    described = (
        data.load("parameters").set_index("parameter").loc["firm_disruption_days", "description"]
    )
    assert labels.relabel("x: firm_disruption_days") == f"x: {described}"
    assert labels.sentence("VPN users cut off") == "VPN users cut off"
    assert labels.sentence("freelancers cut off") == "Freelancers cut off"
