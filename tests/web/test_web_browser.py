"""The browser fixture itself: Debian's headless Chromium opens a page of a host that a
test started with ``rakor serve``."""

from __future__ import annotations

from typing import Any

from tests.net.conftest import ServedHost


def test_chromium_opens_the_join_page_of_a_served_host(browser: Any,
                                                       served_host: ServedHost) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{served_host.url}/join?code=123456")
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "123456" in body
    assert browser.execute_script("return navigator.userAgent").find("HeadlessChrome") >= 0
