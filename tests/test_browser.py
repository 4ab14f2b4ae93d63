"""The built report in a real browser: no console errors, every image loads, every link
resolves, readable on a phone; plus what the report must contain."""

import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd
import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / ".test-artifacts"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "reports"
    result = subprocess.run(
        [sys.executable, "-m", "analysis.report", "--out", str(out), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--allow-file-access-from-files",
        "--window-size=1280,2000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def _open(browser, path: Path):
    browser.get(path.as_uri())
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    browser.execute_async_script("""const done = arguments[0];
        Promise.all([...document.images].map(i => i.complete ? 1 :
          new Promise(r => { i.onload = i.onerror = r; }))).then(() => done(1));""")


def test_index_has_no_console_errors_and_every_image_loads(report, browser):
    _open(browser, report / "index.html")
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    images = browser.execute_script(
        "return [...document.images].map(i => [i.getAttribute('src'), i.naturalWidth, i.alt])"
    )
    assert len(images) >= 10
    assert all(src.endswith(".svg") for src, _, _ in images), "charts are shown as SVG"
    assert [src for src, width, _ in images if width == 0] == []
    assert all(alt for _, _, alt in images), "every chart needs alt text"
    ARTIFACTS.mkdir(exist_ok=True)
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(ARTIFACTS / "index.png"))


def test_every_link_resolves(report, browser):
    _open(browser, report / "index.html")
    hrefs = browser.execute_script(
        "return [...document.querySelectorAll('a[href]')].map(a => a.href)"
    )
    ids = set(
        browser.execute_script("return [...document.querySelectorAll('[id]')].map(e => e.id)")
    )
    assert len(hrefs) > 30
    for href in hrefs:
        url = urlparse(href)
        assert url.scheme == "file", f"link leaves the report: {href}"
        target = Path(unquote(url.path))
        assert target.exists(), f"broken link: {href}"
        if url.fragment and target == report / "index.html":
            assert url.fragment in ids, f"missing anchor: {href}"


def test_readable_on_a_phone(report, browser):
    browser.set_window_size(390, 844)
    try:
        _open(browser, report / "index.html")
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 1
        ARTIFACTS.mkdir(exist_ok=True)
        browser.execute_script("window.scrollTo(0, 0)")
        browser.save_screenshot(str(ARTIFACTS / "index-phone.png"))
    finally:
        browser.set_window_size(1280, 2000)


def test_notebook_pages_open_without_errors(report, browser):
    from analysis import labels

    pages = sorted(report.glob("[0-9][0-9]-*.html"))
    assert len(pages) == len(list((ROOT / "notebooks").glob("*.ipynb")))
    for page in pages:
        _open(browser, page)
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == [], page
        assert "index.html" in browser.page_source
        text = browser.execute_script("return document.body.innerText")
        assert "RESULT {" not in text, page.name
        tables = browser.execute_script(
            "return [...document.querySelectorAll('table')].map(t => [t.caption ? "
            "t.caption.innerText : '', [...t.querySelectorAll('th')].map(h => h.innerText)])"
        )
        for caption, headers in tables:
            assert caption.strip(), f"{page.name}: a table without a caption"
            assert labels.find_identifiers(" ".join(headers)) == [], (page.name, headers)


FIRST_SCREEN = (1280, 800)


def test_summary_is_on_the_first_screen_with_intervals_and_their_kinds(report, browser):
    """A reader who sees only the first screen can quote a finding, its interval and kind."""
    from analysis.report import results, site

    browser.set_window_size(*FIRST_SCREEN)
    try:
        browser.get((report / "index.html").as_uri())
        height = browser.execute_script("return window.innerHeight")
        items = browser.execute_script(
            "return [...document.querySelectorAll('#summary li')].map(li => "
            "[li.innerText, li.getBoundingClientRect().bottom])"
        )
    finally:
        browser.set_window_size(1280, 2000)
    assert 3 <= len(items) <= 5
    built = pd.read_csv(report / "results.csv")
    assert [t for t, _ in items] == site.summary(built)
    lead, bottom = items[0]
    assert bottom <= height, "the lead finding is below the first screen"
    assert sum(b <= height for _, b in items) >= 3, "fewer than three findings on the first screen"
    # the lead sentence quotes the first figure with its interval and the interval's kind
    card = {f["key"]: f for f in site.findings(built, {})}["exports_fy_vs_longrun"]
    assert card["interval_text"] in lead
    assert any(kind in lead for kind in results.INTERVAL_KINDS.values())


def test_no_code_identifier_is_visible_on_the_page_or_in_a_chart(report, browser):
    import re

    from analysis import labels

    _open(browser, report / "index.html")
    text = browser.execute_script("return document.body.innerText")
    assert labels.find_identifiers(text) == []
    assert "RESULT {" not in text
    for svg in sorted((report / "figures").glob("*.svg")):
        words = re.findall(r"<text[^>]*>(.*?)</text>", svg.read_text(encoding="utf-8"), re.S)
        assert labels.find_identifiers(" ".join(words)) == [], svg.name


def test_units_are_visible_on_a_phone(report, browser):
    browser.set_window_size(390, 844)
    try:
        _open(browser, report / "index.html")
        width = browser.execute_script("return window.innerWidth")
        cards = browser.execute_script(
            "return [...document.querySelectorAll('.card')].map(c => { "
            "const u = c.querySelector('.unit'), v = c.querySelector('.value'); "
            "const r = u.getBoundingClientRect(), q = v.getBoundingClientRect(); "
            "return [u.innerText, r.left, r.right, r.width, q.left, q.right, "
            "getComputedStyle(u).visibility, c.querySelector('.interval').innerText]; })"
        )
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "index-phone-cards.png"))
    finally:
        browser.set_window_size(1280, 2000)
    built = pd.read_csv(report / "results.csv")
    assert len(cards) == len(built)
    for (unit, left, right, w, vleft, vright, visibility, interval), expected in zip(
        cards, built["unit"].fillna(""), strict=True
    ):
        assert unit == expected
        assert visibility == "visible" and vleft >= 0 and vright <= width
        if unit:
            assert w > 0 and left >= 0 and right <= width, f"unit {unit!r} off screen"
        assert interval.strip(), "every card says what its number's interval is"


def test_the_pdf_opens(report):
    import re

    pdf = report / "report.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert pages > 0
    index = (report / "index.html").read_text(encoding="utf-8")
    assert 'href="report.pdf"' in index


def test_results_csv_matches_the_notebooks(report):
    from analysis.report import results

    built = pd.read_csv(report / "results.csv")
    committed = results.from_notebooks()
    assert list(built["key"]) == list(committed["key"])
    pd.testing.assert_series_equal(
        built["value"], committed["value"].astype(float), check_names=False
    )
    assert {"value", "low", "high", "unit", "interval", "notebook"} <= set(built.columns)


def test_data_package_ships_with_the_report(report):
    with zipfile.ZipFile(report / "data.zip") as z:
        names = set(z.namelist())
    assert {"data/sources.csv", "data/datapackage.json", "data/README.md"} <= names
    assert (report / "data" / "sources.csv").is_file()


def test_text_from_data_is_escaped(report):
    text = (report / "index.html").read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    # an apostrophe, a quote or an ampersand from the data, escaped (Jinja spells ' as &#39;)
    assert any(e in text for e in ("&#x27;", "&#39;", "&quot;", "&#34;", "&amp;"))


def test_screenshots_first_screen_and_full_page(report, browser):
    """Save what a reader sees at 1280 and 390 px (first screen and whole page)."""
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        for width, height in ((1280, 800), (390, 844)):
            browser.set_window_size(width, height)
            browser.get((report / "index.html").as_uri())
            inner = browser.execute_script("return [window.innerWidth, window.innerHeight]")
            pad = (width - inner[0], height - inner[1])
            browser.set_window_size(width + pad[0], height + pad[1])
            browser.save_screenshot(str(ARTIFACTS / f"index-{width}-first-screen.png"))
            full = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(width + pad[0], full + pad[1])
            browser.save_screenshot(str(ARTIFACTS / f"index-{width}-full-page.png"))
            assert (ARTIFACTS / f"index-{width}-full-page.png").stat().st_size > 0
    finally:
        browser.set_window_size(1280, 2000)
