"""Browser tests of the host's web pages (issue 14): Debian's headless Chromium through
selenium, against ``rakor serve`` started as a real process (``tests/net/conftest.py``).

Selenium's calls block, so the browser is driven from the test's own thread while the host
runs in its subprocess; a test watches the host's screens through a ``MainWindow`` in this
process on the same database file.

One browser per test module (starting Chromium costs about a second): :func:`browser`
hands it to each test with its cookies cleared and one tab left open. Without
``/usr/bin/chromium`` or ``/usr/bin/chromedriver`` the tests are skipped with the reason,
except in CI (``CI`` set), where a missing browser is a failure: ``tools/dev.sh test``
installs both Debian packages.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.net.conftest import (  # the host fixtures, shared with the network tests
    HALL_SECRET,
    HostEvent,
    ServedHost,
    launch_host,
    make_host_event,
)
from tests.ui.conftest import make_window, translations  # a MainWindow on the host's file

__all__ = ["make_window", "translations"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

#: The switches of the plan (decision 9), and those that keep a tab that is not in front
#: running its timers and long-polls at full speed (two pages open at once in one test).
CHROMIUM_ARGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    "--window-size=412,915",  # a phone's viewport (CSS pixels of a common Android phone)
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def browser_missing() -> str | None:
    """Why the browser tests cannot run here (None: they can)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        return (f"{' and '.join(missing)} missing: install Debian's chromium and "
                "chromium-driver (bash tools/dev.sh test does)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium missing: pip install -e '.[test]'"
    return None


def start_chromium(profile: Path) -> Any:
    """A headless Chromium driven by Debian's chromedriver (no download of anything).

    Alerts are left open (``unhandledPromptBehavior: ignore``) so that a test sees one
    an injected script would raise, instead of selenium dismissing it quietly.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in CHROMIUM_ARGS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={profile}")
    options.unhandled_prompt_behavior = "ignore"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(str(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole module (skipped or failed when missing)."""
    why = browser_missing()
    if why is not None:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {why}")
        pytest.skip(why)
    profile = Path(tempfile.mkdtemp(prefix="rakor-chromium-"))
    driver = start_chromium(profile)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def browser(chromium: Any) -> Iterator[Any]:
    """The module's browser with one tab, no cookies and no alert left from a test."""
    yield chromium
    from selenium.common.exceptions import NoAlertPresentException, WebDriverException

    with contextlib.suppress(NoAlertPresentException, WebDriverException):
        chromium.switch_to.alert.dismiss()
    handles = chromium.window_handles
    for handle in handles[1:]:
        chromium.switch_to.window(handle)
        chromium.close()
    chromium.switch_to.window(handles[0])
    chromium.get("about:blank")
    chromium.delete_all_cookies()


@pytest.fixture
def host_event(tmp_path: Path) -> HostEvent:
    """A host database (``tmp_path/host/rakor.sqlite3``): one event, five invitees with
    phone numbers and a narasumber (:func:`make_hall_event`)."""
    return make_hall_event(tmp_path / "host" / "rakor.sqlite3")


@pytest.fixture
def start_host() -> Iterator[Callable[..., ServedHost]]:
    """``start_host(event)``: ``rakor serve`` on 127.0.0.1; all stopped at the end."""
    started: list[ServedHost] = []

    def start(event: HostEvent, **kwargs: Any) -> ServedHost:
        host = launch_host(event, **kwargs)
        started.append(host)
        return host

    yield start
    for host in started:
        host.stop()


@pytest.fixture
def served_host(host_event: HostEvent, start_host: Callable[..., ServedHost]) -> ServedHost:
    """``rakor serve --bind 127.0.0.1 --port 0 --code 123456`` on :func:`host_event`."""
    return start_host(host_event)


def wait_for(condition: Callable[[], Any], timeout: float = 10, what: str = "",
             step: float = 0.05) -> Any:
    """Poll ``condition`` until it returns something true; that value is returned."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = condition()
        if last:
            return last
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}"
                         f" (last: {last!r})")


def no_alert(driver: Any) -> bool:
    """True when no JavaScript dialog (alert, confirm, prompt) is open."""
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return True
    text = alert.text
    alert.dismiss()
    raise AssertionError(f"a JavaScript dialog opened: {text!r}")


# -- pages -----------------------------------------------------------------------------------


def by_id(driver: Any, element_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def shown(driver: Any, element_id: str) -> bool:
    """The element exists and is displayed."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    try:
        return bool(by_id(driver, element_id).is_displayed())
    except (NoSuchElementException, StaleElementReferenceException):
        return False


def text_of(driver: Any, element_id: str) -> str:
    """What the user reads in an element (its textContent, whitespace squeezed)."""
    value = driver.execute_script(
        "var n = document.getElementById(arguments[0]); return n ? n.textContent : null;",
        element_id,
    )
    return " ".join(str(value or "").split())


def new_tab(driver: Any, url: str) -> str:
    """Open ``url`` in a new tab (it stays the current one); returns its handle."""
    driver.switch_to.new_window("tab")
    driver.get(url)
    return str(driver.current_window_handle)


def pair_page(driver: Any, host: ServedHost, role: str, *, tab: bool = False) -> str:
    """Open the one-time pairing link of ``role`` that the host shows (as a scanned QR
    does) and wait until the page is paired; returns the tab's handle."""
    link = host.pairing_link(role)
    if tab:
        new_tab(driver, link)
    else:
        driver.get(link)
    key = f"rakor_{role}_token"
    wait_for(lambda: driver.execute_script(
        "return window.localStorage.getItem(arguments[0]);", key), 15,
        f"the {role} page to be paired")
    return str(driver.current_window_handle)


def rotating_code() -> str:
    """This minute's self check-in code of the hosts the tests start (``HALL_SECRET``):
    what the QR at the entrance carries."""
    from rakor_desktop.operations.selfcheckin import HallKeys

    return HallKeys(HALL_SECRET).current_code()


#: The phone numbers of :data:`tests.net.conftest.PEOPLE`, in list order (self check-in
#: by name needs the last four digits).
PHONES = ("0811 7400 1001", "0812 7400 2002", "0813 7400 3003", "0814 7400 4004",
          "0815 7400 5005")
#: The narasumber of the hall's event (a question from the floor may be addressed to him).
NARASUMBER = ("Rahmat Hidayat", "KPU Kota Jambi")


def make_hall_event(db: Path) -> HostEvent:
    """The network tests' event, its people with phone numbers, and a narasumber."""
    from rakor_desktop.models import Person, Role
    from rakor_desktop.operations import invitations as invitee_ops
    from rakor_desktop.storage import Storage
    from tests.net.conftest import PEOPLE, HostInvitee

    event = make_host_event(db, people=())
    storage = Storage.open(db, backup=False)
    try:
        for (name, instansi, group), phone in zip(PEOPLE, PHONES, strict=True):
            invitee_ops.invite_person(
                storage, event.event_id,
                Person(name=name, instansi=instansi, group_name=group, phone=phone),
            )
        invitee_ops.invite_person(
            storage, event.event_id, Person(name=NARASUMBER[0], instansi=NARASUMBER[1]),
            role=Role.NARASUMBER,
        )
        invitees = tuple(HostInvitee(uid=i.uid, code=i.checkin_code, name=i.person.name)
                         for i in storage.list_invitees(event.event_id))
    finally:
        storage.close()
    return HostEvent(db=db, event_id=event.event_id, event_uid=event.event_uid,
                     invitees=invitees)
