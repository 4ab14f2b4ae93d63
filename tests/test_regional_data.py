"""Known answers for the regional tables: census sums, GDP-share splits, the shutdown event list."""

import re

import pandas as pd
import pytest

from analysis import data

REGIONS = {
    "punjab",
    "sindh",
    "khyber_pakhtunkhwa",
    "balochistan",
    "islamabad",
    "gilgit_baltistan",
    "azad_jammu_kashmir",
}
PROVINCES = ["punjab", "sindh", "khyber_pakhtunkhwa", "balochistan"]
CENSUS_TOTAL = 241_499_431


# ---------------------------------------------------------------- region_population


def test_census_provinces_and_islamabad_sum_to_the_national_total():
    pop = data.load("region_population")
    census = data.used(pop).set_index("region")
    parts = census.loc[[*PROVINCES, "islamabad"], "value"]
    assert (census.loc[[*PROVINCES, "islamabad"], "year"] == 2023).all()
    assert parts.sum() == CENSUS_TOTAL
    assert census.loc["pakistan", "value"] == CENSUS_TOTAL
    assert parts.to_dict() == {
        "punjab": 127_688_922,
        "sindh": 55_696_147,
        "khyber_pakhtunkhwa": 40_856_097,
        "balochistan": 14_894_402,
        "islamabad": 2_363_863,
    }


def test_one_used_population_per_region_and_the_territories_outside_the_total():
    used = data.used(data.load("region_population")).set_index("region")
    assert set(used.index) == REGIONS | {"pakistan"}
    assert used.index.is_unique
    assert (used.loc["gilgit_baltistan", "value"], used.loc["gilgit_baltistan", "year"]) == (
        1_787_000,
        2023,
    )
    assert (used.loc["azad_jammu_kashmir", "value"], used.loc["azad_jammu_kashmir", "year"]) == (
        4_045_366,
        2017,
    )


def test_rival_population_rows_are_kept_but_not_used():
    pop = data.load("region_population")
    rivals = pop.loc[~pop["use"]]
    kp_typo = rivals.loc[
        (rivals["region"] == "khyber_pakhtunkhwa")
        & (rivals["source_id"] == "parisnewstv-census-2023-gazette-b"),
        "value",
    ]
    assert list(kp_typo) == [48_506_095]
    ajk_estimate = rivals.loc[rivals["region"] == "azad_jammu_kashmir"]
    assert list(ajk_estimate["value"]) == [4_361_000]
    assert ajk_estimate["year"].isna().all()
    assert not (pop["value"] > 245_000_000).any()  # the provisional 249.57m is not shipped


# ---------------------------------------------------------------- region_gdp_shares


def _splits(shares):
    return shares.groupby(["estimator", "period", "base"], observed=True)


def test_each_used_estimators_split_sums_to_one():
    shares = data.load("region_gdp_shares")
    used_sets = {k for k, g in _splits(shares) if g["use"].any()}
    assert used_sets == {
        ("pasha_ipr", "FY2019", "national_gdp"),
        ("per_capita_implied", "FY2024", "all_units"),
    }
    for key in used_sets:
        total = _splits(shares).get_group(key)["share"].sum()
        assert total == pytest.approx(1, abs=0.01), key


def test_every_full_split_sums_to_one_and_the_partial_one_is_punjab_alone():
    for key, g in _splits(data.load("region_gdp_shares")):
        if key[0] == "punjab_official":
            assert list(g["region"]) == ["punjab"] and g["share"].iloc[0] == pytest.approx(0.55)
            continue
        assert g["share"].sum() == pytest.approx(1, abs=0.01), key
        assert g["region"].is_unique, key


def test_used_provincial_shares_are_pashas_2018_19_split():
    used = data.used(data.load("region_gdp_shares")).set_index("region")
    provinces = used.loc[PROVINCES]
    assert set(provinces["estimator"]) == {"pasha_ipr"}
    assert provinces["share"].to_dict() == pytest.approx(
        {"punjab": 0.554, "sindh": 0.265, "khyber_pakhtunkhwa": 0.137, "balochistan": 0.044}
    )
    assert provinces["share"].sum() == pytest.approx(1.0)
    territories = used.loc[["islamabad", "gilgit_baltistan", "azad_jammu_kashmir"]]
    assert set(territories["estimator"]) == {"per_capita_implied"}
    assert (territories["flag"] == "derived").all()


def test_per_capita_implied_shares_follow_their_formula_and_the_used_populations():
    shares = data.load("region_gdp_shares")
    pop = data.used(data.load("region_population")).set_index("region")["value"]
    implied = shares.loc[shares["estimator"] == "per_capita_implied"]
    pattern = re.compile(r"^([\d.]+) x (\d+)(?: \([^)]*\))? / (\d+) = ([\d.]+):")
    for _, row in implied.iterrows():
        per_capita, population, total, result = pattern.match(row["formula"]).groups()
        assert int(population) == pop[row["region"]]
        assert float(result) == pytest.approx(row["share"])
        assert float(per_capita) * int(population) / int(total) == pytest.approx(
            row["share"], abs=5e-5
        )


def test_spdc_band_for_nwfp_is_stored_as_its_midpoint():
    shares = data.load("region_gdp_shares")
    kp = shares.loc[(shares["estimator"] == "spdc") & (shares["region"] == "khyber_pakhtunkhwa")]
    assert len(kp) == 1
    assert kp["share"].iloc[0] == pytest.approx((0.114 + 0.117) / 2)
    assert kp["flag"].iloc[0] == "derived"


# ---------------------------------------------------------------- region_internet_use


def test_hies_and_pslm_household_shares():
    net = data.used(data.load("region_internet_use")).set_index(["survey", "region", "metric"])
    assert net["value"].to_dict() == pytest.approx(
        {
            ("hies_2024_25", "pakistan", "household_internet_share"): 0.70,
            ("hies_2024_25", "khyber_pakhtunkhwa", "household_internet_share"): 0.77,
            ("hies_2024_25", "sindh", "household_internet_share"): 0.67,
            ("hies_2024_25", "pakistan", "smartphone_access_share"): 0.96,
            ("hies_2024_25", "balochistan", "smartphone_access_share"): 0.98,
            ("hies_2024_25", "sindh", "smartphone_access_share"): 0.95,
            ("hies_2024_25", "pakistan", "household_mobile_or_smartphone_share"): 0.96,
            ("pslm_2019_20", "pakistan", "household_computer_share"): 0.12,
            ("pslm_2019_20", "punjab", "household_computer_share"): 0.13,
            ("pslm_2019_20", "balochistan", "household_computer_share"): 0.06,
            ("pslm_2019_20", "islamabad", "household_computer_share"): 0.40,
            ("pslm_2019_20", "pakistan", "household_mobile_or_smartphone_share"): 0.93,
        }
    )
    national_computers = ("pslm_2019_20", "pakistan", "household_computer_share")
    assert net.loc[national_computers, "qualifier"] == "approx"


# ---------------------------------------------------------------- shutdown_events

RAW_ROWS = 101  # Pakistan rows of the Access Now STOP snapshot
EVENTS = 82
MERGED_EVENTS = 8  # events built from more than one Access Now row


def test_every_event_has_valid_regions_or_a_note_saying_why_not():
    ev = data.load("shutdown_events")
    for _, row in ev.iterrows():
        if pd.isna(row["regions"]):
            assert "Not mapped" in row["note"], row["event_id"]
            continue
        keys = row["regions"].split(";")
        assert keys == ["pakistan"] or set(keys) <= REGIONS, row["event_id"]
        assert len(keys) == len(set(keys)), row["event_id"]
    assert ev["regions"].isna().sum() == 3


def test_no_two_events_share_start_end_and_area():
    ev = data.load("shutdown_events")
    key = ev[["start_date", "end_date", "area_text"]].astype(str)
    assert not key.duplicated().any()


def test_deduplication_counts():
    ev = data.load("shutdown_events")
    years = ev["count_years"].str.split(";")
    assert len(ev) == EVENTS
    assert years.str.len().sum() == RAW_ROWS  # every Access Now row is accounted for once
    assert (years.str.len() > 1).sum() == MERGED_EVENTS
    assert RAW_ROWS - len(ev) == 19  # rows folded into another as duplicates
    grindr = ev.loc[ev["event_id"] == "2019-05-31-nationwide"].iloc[0]
    assert grindr["count_years"] == "2019;2020;2021;2022;2023;2024;2025"
    x_block = ev.loc[ev["event_id"] == "2024-02-17-nationwide"].iloc[0]
    assert (x_block["count_years"], x_block["end_date"], x_block["duration_days"]) == (
        "2024;2025",
        pd.Timestamp("2025-05-07"),
        446,
    )
    assert not x_block["ongoing"]


def test_shutdown_kind_follows_extent_and_network():
    ev = data.load("shutdown_events")
    service = ev["shutdown_extent"] == "Service-based"
    mobile = ~service & (ev["affected_network"] == "Mobile")
    assert (ev.loc[service, "shutdown_kind"] == "service_based").all()
    assert (ev.loc[mobile, "shutdown_kind"] == "mobile").all()
    assert (ev.loc[~service & ~mobile, "shutdown_kind"] == "full_network").all()
    assert ev["shutdown_kind"].value_counts().to_dict() == {
        "mobile": 42,
        "full_network": 28,
        "service_based": 12,
    }


def test_regional_shutdowns_by_region():
    ev = data.load("shutdown_events")
    keys = ev["regions"].dropna().str.split(";").explode()
    assert keys.value_counts().to_dict() == {
        "punjab": 32,
        "balochistan": 28,
        "islamabad": 27,
        "sindh": 19,
        "khyber_pakhtunkhwa": 16,
        "pakistan": 10,
        "azad_jammu_kashmir": 7,
        "gilgit_baltistan": 1,
    }
