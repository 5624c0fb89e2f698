"""The pages the host serves to phones and tablets (issue 14): the right content types and
security headers, a first load under 300 KB, no CDN, script written for an old Android
Chrome (ES5: no arrow functions, optional chaining, let/const, modules or template
strings), every text put in with textContent, both languages complete, and the bundle
carrying them."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from rakor_desktop.network.web import PAGES

from .conftest import ServedHost
from .web_client import Device

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "resources" / "web"
FIRST_LOAD_LIMIT = 300 * 1024
CONTENT_TYPES = {".js": "application/javascript", ".css": "text/css"}


def _assets_of(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/web/[^"]+)"', html)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_page_and_what_it_loads_are_served_with_their_types_under_300_kb(
    served_host: ServedHost, page: str,
) -> None:
    phone = Device(served_host)
    reply = phone.open(page)
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    assert reply.headers["x-content-type-options"] == "nosniff"
    policy = reply.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert reply.headers["cache-control"] == "no-store"  # a pairing link's code stays out
    cookie = reply.headers["set-cookie"]
    assert cookie.startswith("rakor_device=") and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    total = len(reply.body)
    assets = _assets_of(reply.text)
    assert "/web/common.js" in assets and "/web/style.css" in assets
    for asset in assets:
        loaded = phone.open(asset)
        assert loaded.status == 200, asset
        suffix = Path(asset).suffix
        assert loaded.headers["content-type"].startswith(CONTENT_TYPES[suffix]), asset
        assert loaded.headers["x-content-type-options"] == "nosniff"
        total += len(loaded.body)
    assert total < FIRST_LOAD_LIMIT, f"{page}: {total} bytes"


def test_only_the_pages_files_are_served(served_host: ServedHost) -> None:
    phone = Device(served_host)
    for path in ("/web/", "/web/../rakor_desktop/cli.py", "/web/%2e%2e%2fcli.py",
                 "/web/m.html", "/web/missing.js", "/web/.hidden.js", "/index.html",
                 "/resources/web/common.js"):
        assert phone.open(path).status == 404, path


def _scripts() -> list[Path]:
    return sorted(WEB.glob("*.js"))


def test_no_asset_comes_from_elsewhere() -> None:
    for file in sorted(WEB.iterdir()):
        content = file.read_text(encoding="utf-8")
        assert not re.search(r"https?://", content), file.name
        assert "//cdn" not in content and "@import" not in content, file.name


@pytest.mark.parametrize("script", _scripts(), ids=lambda p: p.name)
def test_scripts_are_es5_and_put_text_in_as_text(script: Path) -> None:
    code = script.read_text(encoding="utf-8")
    # strings and comments out of the way, so that only code is looked at
    bare = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    bare = re.sub(r'"(?:\\.|[^"\\])*"', '""', bare)
    bare = re.sub(r"'(?:\\.|[^'\\])*'", "''", bare)
    bare = re.sub(r"/(?![*/])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n])+/[gimy]*(?=[.,;)\s])",
                  "/x/", bare)
    forbidden = {
        "arrow function": r"=>", "optional chaining": r"\?\.", "nullish": r"\?\?",
        "let/const": r"\b(?:let|const)\s", "class": r"\bclass\s+\w",
        "module": r"\b(?:import|export)\s",
        "template string": r"`", "async": r"\basync\s+function|\bawait\s", "spread": r"\.\.\.",
        "fetch/Promise": r"\b(?:fetch|Promise)\b", "for-of": r"\bfor\s*\([^)]*\bof\b",
    }
    for what, pattern in forbidden.items():
        assert not re.search(pattern, bare), f"{script.name}: {what}"
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in code, f"{script.name}: {sink}"
    assert '"use strict"' in code


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("script", _scripts(), ids=lambda p: p.name)
def test_scripts_parse(script: Path) -> None:
    """``node --check``: a syntax error would leave a phone with a dead page."""
    node = shutil.which("node")
    assert node is not None
    done = subprocess.run([node, "--check", str(script)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def test_no_inline_script_or_style_in_the_pages() -> None:
    for page in PAGES.values():
        html = (WEB / page).read_text(encoding="utf-8")
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], page
        assert " style=" not in html and "<style" not in html, page
        assert not re.search(r"\son\w+=", html), page  # no onclick=... attributes


def _page_texts(script: str) -> dict[str, set[str]]:
    """The keys of ``R.texts = {id: {...}, en: {...}}`` (and people.js's own)."""
    code = (WEB / script).read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for lang in ("id", "en"):
        block = re.search(rf"\b{lang}: \{{(.*?)\n    \}}", code, re.S)
        assert block, f"{script}: no {lang} texts"
        found[lang] = set(re.findall(r"^\s+(\w+): ", block.group(1), re.M))
    return found


COMMON_KEYS = {"offline", "busy", "slow", "lang_toggle", "error"}


@pytest.mark.parametrize("page", sorted(PAGES.values()))
def test_every_text_of_a_page_is_there_in_both_languages(page: str) -> None:
    html = (WEB / page).read_text(encoding="utf-8")
    scripts = [Path(s).name for s in _assets_of(html) if s.endswith(".js")]
    own = _page_texts(page.replace(".html", ".js"))
    assert own["id"] == own["en"], page
    keys = set(own["id"]) | COMMON_KEYS
    if "people.js" in scripts:
        people = _page_texts("people.js")
        assert people["id"] == people["en"]
        keys |= people["id"]
    used = set(re.findall(r'data-t[pl]?="(\w+)"', html))
    code = (WEB / page.replace(".html", ".js")).read_text(encoding="utf-8")
    used |= set(re.findall(r'R\.t\("(\w+)"\)', code))
    assert used - keys == set(), page


def test_the_bundle_carries_the_pages() -> None:
    spec = importlib.util.spec_from_file_location(
        "bundle_rules", ROOT / "packaging" / "bundle_rules.py")
    assert spec is not None and spec.loader is not None
    rules = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rules)
    bundled = {(Path(source).name, folder) for source, folder in rules.resource_datas()}
    for file in sorted(WEB.iterdir()):
        assert (file.name, "resources/web") in bundled, file.name
    for page in PAGES.values():
        assert (WEB / page).is_file()
