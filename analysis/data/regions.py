"""Pakistan's provinces and territories: names, population and share of national output.

A regional disruption is costed on the region's share of GDP, not the country's. Pakistan
publishes no provincial GDP series (see ``data/region_gdp_shares.csv``), so each region's
share is a range between the rival published estimates, drawn uniformly by the cost model;
Islamabad, Gilgit-Baltistan and Azad Jammu and Kashmir have one (derived) estimate only.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis import data

NATIONAL = "pakistan"
#: Canonical keys, as in the regional tables, with their names for readers.
NAMES = {
    "pakistan": "Pakistan (national)",
    "punjab": "Punjab",
    "sindh": "Sindh",
    "khyber_pakhtunkhwa": "Khyber Pakhtunkhwa",
    "balochistan": "Balochistan",
    "islamabad": "Islamabad",
    "gilgit_baltistan": "Gilgit-Baltistan",
    "azad_jammu_kashmir": "Azad Jammu and Kashmir",
}
#: Common spellings (lower case, spaces and punctuation dropped) of each region.
ALIASES = {
    "national": "pakistan",
    "pk": "pakistan",
    "all": "pakistan",
    "kp": "khyber_pakhtunkhwa",
    "kpk": "khyber_pakhtunkhwa",
    "nwfp": "khyber_pakhtunkhwa",
    "fata": "khyber_pakhtunkhwa",
    "ict": "islamabad",
    "islamabadcapitalterritory": "islamabad",
    "federalcapital": "islamabad",
    "gb": "gilgit_baltistan",
    "gilgit": "gilgit_baltistan",
    "ajk": "azad_jammu_kashmir",
    "ajandk": "azad_jammu_kashmir",
    "azadkashmir": "azad_jammu_kashmir",
    "azadjammuandkashmir": "azad_jammu_kashmir",
    "baluchistan": "balochistan",
}


class RegionError(ValueError):
    """An unknown region name; the message lists the names accepted."""


def _squash(text: str) -> str:
    return re.sub(r"[^a-z]", "", str(text).lower().replace("&", "and"))


def canonical(name: str) -> str:
    """The canonical key of a region name (``"KP"`` -> ``"khyber_pakhtunkhwa"``).

    Raises:
        RegionError: the name is not a region or a common spelling of one.
    """
    key = _squash(name)
    for canon in NAMES:
        if key == _squash(canon):
            return canon
    if key in ALIASES:
        return ALIASES[key]
    raise RegionError(
        f"unknown region {name!r}; expected one of {', '.join(NAMES.values())} "
        "(or national, KP, ICT, GB, AJK)"
    )


def gdp_shares() -> pd.DataFrame:
    """Each region's share of national GDP as a range between the published estimates.

    Returns:
        One row per region (``pakistan`` is 1): ``region``, ``name``, ``share_low``,
        ``share_high``, ``estimates`` (how many estimates the range spans).
    """
    shares = data.load("region_gdp_shares")
    rows = [{"region": NATIONAL, "share_low": 1.0, "share_high": 1.0, "estimates": 1}]
    for region, g in shares.groupby("region", observed=True, sort=False):
        rows.append(
            {
                "region": region,
                "share_low": float(g["share"].min()),
                "share_high": float(g["share"].max()),
                "estimates": len(g),
            }
        )
    out = pd.DataFrame(rows)
    out.insert(1, "name", out["region"].map(NAMES))
    return out


def gdp_share_range(region: str) -> tuple[float, float]:
    """``(low, high)`` share of national GDP for ``region`` (any accepted spelling)."""
    key = canonical(region)
    row = gdp_shares().set_index("region").loc[key]
    return float(row["share_low"]), float(row["share_high"])


def population() -> pd.Series:
    """Population by region (persons; the used census row of each region)."""
    pop = data.used(data.load("region_population"))
    return pop.set_index(pop["region"].astype(str))["value"].astype(float)
