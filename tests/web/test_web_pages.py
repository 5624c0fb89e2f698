"""The weight of the pages' first load in a real browser (issue 14: under 300 KB in all),
with an empty cache, counted by the browser itself (Resource Timing: what went over the
wire, headers included), and nothing loaded from anywhere but the host (no CDN)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.net.conftest import ServedHost

from .conftest import pair_page, rotating_code, shown, wait_for

FIRST_LOAD_LIMIT = 300_000  # bytes

#: Every page and an element it shows once its scripts ran.
PAGES = (("/m", "main"), ("/p", "stage"), ("/tanya", "who-card"), ("/hadir", "find-card"))


def first_load(driver: Any, host: ServedHost, path: str, ready: str) -> list[dict[str, Any]]:
    """Load ``path`` with an empty cache; every request it made: url, bytes over the wire
    (``transferSize``) and the body's size unpacked (``decodedBodySize``)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    if path in ("/m", "/p"):
        pair_page(driver, host, "moderator" if path == "/m" else "projector")
    else:
        driver.get(f"{host.url}{path}" + (f"?k={rotating_code()}" if path == "/hadir" else ""))
    wait_for(lambda: shown(driver, ready), 10, f"{path} to be drawn")
    time.sleep(0.5)  # what the page asks for after it is drawn (the hall's first state)
    return list(driver.execute_script(
        "var all = performance.getEntriesByType('navigation').concat("
        "  performance.getEntriesByType('resource'));"
        "return all.map(function (e) { return {url: e.name, transfer: e.transferSize,"
        "  decoded: e.decodedBodySize, type: e.initiatorType}; });"))


@pytest.mark.parametrize(("path", "ready"), PAGES, ids=[p for p, _ in PAGES])
def test_a_pages_first_load_is_under_300_kb_and_comes_from_the_host_alone(
    browser: Any, served_host: ServedHost, path: str, ready: str,
) -> None:
    requests = first_load(browser, served_host, path, ready)
    assert requests[0]["url"].startswith(f"{served_host.url}{path}")
    assert all(r["url"].startswith(served_host.url + "/") for r in requests), requests
    kinds = {r["type"] for r in requests}
    assert {"navigation", "script", "link"} <= kinds, requests  # HTML, its JS and CSS
    assert all(r["transfer"] > 0 for r in requests), requests  # none from a cache
    total = sum(r["transfer"] for r in requests)
    unpacked = sum(r["decoded"] for r in requests)
    assert total < FIRST_LOAD_LIMIT, (total, requests)
    assert unpacked < FIRST_LOAD_LIMIT, (unpacked, requests)
