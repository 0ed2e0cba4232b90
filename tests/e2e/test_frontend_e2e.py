"""examples/frontend in headless Chromium, reading the real server on another origin (so CORS is
exercised for real): what a visitor sees, and a screenshot in tests/artifacts/."""

import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from api.settings import ROOT
from tests.server import homepage_env, run_homepage, serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FRONTEND = ROOT / "examples" / "frontend"
ARTIFACTS = ROOT / "tests" / "artifacts"


def browser_or_skip() -> None:
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    reason = (
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)"
    )
    if os.environ.get("HOMEPAGE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"HOMEPAGE_REQUIRE_BROWSER=1 but the browser is missing: {reason}")
    pytest.skip(reason)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


def serve_folder(folder: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def deployed(tmp_path: Path, api: str) -> Path:
    """The example as its owner deploys it: a copy whose <meta name="homepage-api"> is set."""
    folder = tmp_path / "site"
    shutil.copytree(FRONTEND, folder)
    index = folder / "index.html"
    index.write_text(
        index.read_text().replace('content="http://127.0.0.1:8000"', f'content="{api}"')
    )
    return folder


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[WebDriver]:
    browser_or_skip()
    monkeypatch.setenv("SE_OFFLINE", "true")  # never let Selenium Manager download anything
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1000,1400",
        f"--user-data-dir={tmp_path / 'chromium'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()


def test_example_page_renders_profile_news_and_publications(
    tmp_path: Path, browser: WebDriver
) -> None:
    env = homepage_env(tmp_path / "homepage.db")
    assert run_homepage("seed", env=env).returncode == 0
    with serving(env) as api, contextmanager(serve_folder)(deployed(tmp_path, api)) as frontend:
        browser.get(f"{frontend}/index.html")
        WebDriverWait(browser, 15).until(
            lambda driver: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready")
        )
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "frontend.png"))
        body = browser.find_element(By.TAG_NAME, "body")
        assert body.get_attribute("data-ready") == "true", browser.find_element(By.ID, "error").text
        assert browser.find_element(By.ID, "name").text == "Daize Dong"
        assert (
            browser.find_element(By.ID, "affiliation").text == "Rutgers University, New Brunswick"
        )
        news = browser.find_elements(By.CSS_SELECTOR, "#news li")
        assert [item.text for item in news] == [
            "[2025/04] Will join Rutgers University, New Brunswick as a Ph.D. student!"
        ]
        publications = browser.find_elements(By.CSS_SELECTOR, "#publications li")
        assert len(publications) == 8
        first = publications[0]
        assert first.find_element(By.TAG_NAME, "strong").text == "Daize Dong"
        assert [sup.text for sup in first.find_elements(By.CSS_SELECTOR, "sup.equal")] == ["*", "*"]
        assert first.text.startswith(
            "Shwai He*, Daize Dong*, Liang Ding, Ang Li. Towards Efficient"
        )
        link = first.find_element(By.CSS_SELECTOR, ".links a")
        assert (link.text, link.get_attribute("href")) == (
            "[Paper]",
            "https://arxiv.org/abs/2406.02500",
        )
        script = browser.find_element(By.CSS_SELECTOR, 'script[type="application/ld+json"]')
        assert '"@type":"Person"' in (script.get_attribute("textContent") or "")


HOSTILE = {
    "/profile": {
        "name": "Mallory",
        "affiliation": "Evil Org",
        "affiliation_url": "javascript:window.pwned='affiliation'",
        "biography_html": (
            "<p>Hi<img src=x onerror=\"window.pwned='img'\">"
            + "<script>window.pwned=1</script></p>"
        ),
    },
    "/news?limit=10": [
        {
            "date": None,
            "date_precision": None,
            "text_html": '<p><a href="javascript:window.pwned=2">news</a>'
            '<svg onload="window.pwned=3"></svg></p>',
        }
    ],
    "/publications": [
        {
            "slug": "x",
            "title": "</script><script>window.pwned=4</script>",
            "authors": [],
            "venue": None,
            "note": None,
            "featured": False,
            "links": [{"label": "Paper", "url": "JaVaScRiPt:window.pwned=5"}],
        }
    ],
    "/profile.jsonld": {"@type": "Person", "name": "</script><script>window.pwned=6</script>"},
}


class HostileAPI(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(HOSTILE.get(self.path, {})).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def test_a_hostile_api_runs_no_script_and_a_link_cannot_repoint_the_page(
    tmp_path: Path, browser: WebDriver
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), HostileAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    api = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with contextmanager(serve_folder)(deployed(tmp_path, api)) as frontend:
            browser.get(f"{frontend}/index.html?api=http://127.0.0.1:9")  # ignored
            WebDriverWait(browser, 15).until(
                lambda driver: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready")
            )
            for link in browser.find_elements(By.CSS_SELECTOR, "a"):
                link.click()
            hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a")]
            state = browser.execute_script("return [window.pwned, document.body.dataset.ready]")
    finally:
        server.shutdown()
        server.server_close()
    assert state == [None, "true"]
    assert [href for href in hrefs if href] == []  # script links are text, or <a> without href
