"""The web UI in a real headless Chromium (Debian's /usr/bin/chromium + chromedriver) through Selenium.

Two stores: the one tests/test_web.py builds from records (with a hostile article), and the
seeds run through ``crosswire.pipeline.run``. Screenshots go to artifacts/screenshots/
(gitignored); with ``CROSSWIRE_UPDATE_SCREENSHOT=1`` the seeds story page is also saved as
docs/screenshots/story.png for the README.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image  # pillow comes with matplotlib
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from test_web import build_store, running_server

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SHOTS = ROOT / "artifacts" / "screenshots"
README_SHOT = ROOT / "docs" / "screenshots" / "story.png"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="crosswire-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def shot(driver: webdriver.Chrome, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def no_alert(driver: webdriver.Chrome) -> bool:
    try:
        driver.switch_to.alert  # noqa: B018
    except NoAlertPresentException:
        return True
    return False


def assert_inert(driver: webdriver.Chrome) -> None:
    assert no_alert(driver)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.title != "pwned"  # the payload would set it to exactly that
    assert driver.execute_script("return document.scripts.length") == 0
    assert driver.find_elements(By.CSS_SELECTOR, "img, iframe, object, embed") == []
    hrefs = [a.get_attribute("href") or "" for a in driver.find_elements(By.CSS_SELECTOR, "a[href]")]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs


# -- the fixture store (independent of the pipeline) ---------------------------------------------
@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web-browser") / "store.db"
    build_store(db)
    with running_server(db) as base:
        yield base


def test_fixture_story_page(browser: webdriver.Chrome, fixture_site: str) -> None:
    browser.get(fixture_site + "/")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.story-row")
    assert len(rows) == 2
    browser.find_element(By.LINK_TEXT, "Rebel offensive on Norhaven").click()
    assert browser.current_url.endswith("/stories/s1")
    assert len(browser.find_elements(By.CSS_SELECTOR, "tr.source-row")) == 4
    conflict = browser.find_element(By.CSS_SELECTOR, "tr.fact[data-status=conflict]")
    badge = conflict.find_element(By.CSS_SELECTOR, ".badge.conflict")
    assert badge.is_displayed() and badge.value_of_css_property("background-color") == "rgba(179, 38, 30, 1)"
    outlier = conflict.find_element(By.CSS_SELECTOR, "li.report.outlier")
    assert outlier.get_attribute("data-article") == "a2"
    svg = browser.find_element(By.CSS_SELECTOR, "figure.chart svg")
    assert svg.size["width"] > 300 and svg.size["height"] > 100
    assert_inert(browser)
    shot(browser, "fixture-story")
    outlier.find_element(By.CSS_SELECTOR, "a.value").click()
    hl = browser.find_element(By.ID, "hl")
    assert hl.text == "An analyst said the rebels were only 6 km from Norhaven."
    assert hl.find_element(By.CSS_SELECTOR, "mark.claim").text == "only 6 km from Norhaven"
    assert "hl=" in browser.current_url and browser.current_url.endswith("#hl")
    in_view = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", hl)
    assert in_view
    shot(browser, "fixture-article-highlight")


def test_fixture_hostile_article_is_inert(browser: webdriver.Chrome, fixture_site: str) -> None:
    browser.get(fixture_site + "/articles/a4")
    assert_inert(browser)
    text = browser.find_element(By.ID, "text").text
    assert "<script>window.__pwned = 1;" in text and "<img src=x onerror=" in text and "javascript:" in text
    url = browser.find_element(By.CSS_SELECTOR, ".url")
    assert url.tag_name == "span" and url.text == "javascript:window.__pwned=6"
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Toll rises <script>")
    browser.find_element(By.CSS_SELECTOR, "details.removed summary").click()
    assert_inert(browser)
    shot(browser, "fixture-hostile-article")
    browser.get(fixture_site + "/stories/s1")  # the hostile outlet is in the fact table and the chart legend
    assert_inert(browser)


def test_fixture_article_claims_link_to_facts(browser: webdriver.Chrome, fixture_site: str) -> None:
    browser.get(fixture_site + "/articles/a1")
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.claim[id^=claim-]")
    assert [m.get_attribute("id") for m in marks] == ["claim-a1-c1", "claim-a1-c2"]
    marks[1].find_element(By.TAG_NAME, "a").click()
    assert browser.current_url.endswith("/stories/s1#fact-distance-rebels-Norhaven")
    assert browser.find_element(By.ID, "fact-distance-rebels-Norhaven").get_attribute("data-status") == "conflict"


# -- the seeds through the real pipeline ----------------------------------------------------------
@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds are missing")
    from crosswire.pipeline import run  # no skip: without a pipeline this test fails

    db = tmp_path_factory.mktemp("web-seeds") / "seeds.db"
    run(sorted(str(p) for p in SEEDS.glob("*.txt")), db=str(db))
    with running_server(db) as base:
        yield base


def test_seeds_story_page(browser: webdriver.Chrome, seeds_site: str) -> None:
    browser.get(seeds_site + "/")
    links = browser.find_elements(By.CSS_SELECTOR, "tr.story-row td:first-child a")
    assert len(links) == 1
    links[0].click()
    story_url = browser.current_url
    assert len(browser.find_elements(By.CSS_SELECTOR, "tr.source-row")) == 5

    # The distance fact is a conflict and its outlier is the article of seed 001.
    distance = browser.find_elements(By.CSS_SELECTOR, "tr.fact[data-measure=distance]")
    conflicts = [row for row in distance if row.get_attribute("data-status") == "conflict"]
    assert conflicts, [row.get_attribute("data-status") for row in distance]
    conflict_id = conflicts[0].get_attribute("id")
    outliers = {li.get_attribute("data-article")
                for li in conflicts[0].find_elements(By.CSS_SELECTOR, "li.report.outlier")}
    assert len(outliers) == 1
    value = conflicts[0].find_element(By.CSS_SELECTOR, "li.report.outlier a.value")
    quoted, value_href = value.get_attribute("title"), value.get_attribute("href")

    # The toll chart: an <svg> inside the chart element.
    toll = browser.find_elements(By.CSS_SELECTOR, "figure.chart[data-measure=killed]")
    assert toll and toll[0].find_element(By.TAG_NAME, "svg").size["height"] > 100
    assert_inert(browser)
    shot(browser, "seeds-story")
    if os.environ.get("CROSSWIRE_UPDATE_SCREENSHOT") == "1":
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 1280, "height": 1600, "deviceScaleFactor": 1, "mobile": False})
        browser.execute_script("window.scrollTo(0, 0)")
        browser.save_screenshot(str(README_SHOT))
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        with Image.open(README_SHOT) as image:  # 256 colours: a third of the bytes, same look
            image.convert("RGB").quantize(colors=256).save(README_SHOT, optimize=True)

    # Clicking the outlier's value opens seed 001's article with that sentence highlighted and in view.
    browser.find_element(By.ID, conflict_id).find_element(By.CSS_SELECTOR, "li.report.outlier a.value").click()
    assert browser.current_url == value_href
    assert "001_e40010e4dce9fb33" in browser.find_element(By.CSS_SELECTOR, "dl.meta").text
    assert f"/articles/{outliers.pop()}?" in browser.current_url
    hl = browser.find_element(By.ID, "hl")
    assert quoted and " ".join(quoted.split()) in " ".join(hl.text.split())
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", hl)
    assert_inert(browser)
    shot(browser, "seeds-article-highlight")
    browser.get(story_url)
