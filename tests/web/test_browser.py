"""End to end in a real browser: Playwright drives Debian's Chromium against `plancheck serve`'s app.

Skips, saying why, where no chromium is installed (`apt-get install chromium fonts-noto-cjk`);
Playwright's own browser download is not used. Screenshots go to the test's temporary folder, or to
$PLANCHECK_SCREENSHOTS when set (docs/img/web-result.png was taken so).
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import DRAFT, PARENT, cli_json

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no chromium on PATH (apt-get install chromium fonts-noto-cjk)")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from engine.web.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()


def _shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("PLANCHECK_SCREENSHOTS") or tmp_path)


def test_a_clerk_checks_a_draft(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page.goto(server + "/")
    page.screenshot(path=str(_shots(tmp_path) / "web-form.png"))
    page.set_input_files('input[name="parent"]', str(PARENT))
    page.set_input_files('input[name="draft"]', str(DRAFT))
    page.click("button[type=submit]")
    page.wait_for_url("**/result/*", timeout=60000)
    page.wait_for_selector("#fix-first")
    page.screenshot(path=str(_shots(tmp_path) / "web-result.png"))

    cli = cli_json(tmp_path, PARENT.read_bytes(), DRAFT.read_bytes())
    shown = page.eval_on_selector_all(
        "[data-check]", "els => els.map(e => [e.dataset.check, e.dataset.severity])"
    )
    assert sorted(map(tuple, shown)) == sorted((f["check"], f["severity"]) for f in cli["findings"])
    # the first thing under the title is what to fix first, errors before warnings
    first = page.eval_on_selector_all("#fix-first li", "els => els.map(e => e.className)")
    assert first and first[0] == "sev-error" and first == sorted(first)

    # jump from the summary to the finding: its folded pair opens and the card is on screen
    page.click("#fix-first li:nth-child(1) a")
    target = page.locator(":target")
    assert target.is_visible() and "finding" in (target.get_attribute("class") or "")

    # filter: unticking 提示 hides every info card
    page.uncheck('form.filters input[data-f="sev"][value="info"]')
    assert page.locator('.finding[data-severity="info"]:visible').count() == 0
    page.check('form.filters input[data-f="sev"][value="info"]')

    # accept a finding as is and get the waiver file the CLI reads
    card = page.locator(".finding:not(.is-waived)").first
    card.locator("button.accept-btn").click()
    card.locator("input[name=reason]").fill("区内无此机构，由市级统筹")
    card.locator("input[name=approver]").fill("区司法局 张三")
    card.locator("button[type=submit]").click()
    with page.expect_download() as dl:
        page.click("#waivers-download")
    yaml_text = Path(dl.value.path()).read_text("utf-8")
    assert "区司法局 张三" in yaml_text and "rule:" in yaml_text
    (tmp_path / "waivers.yaml").write_text(yaml_text, "utf-8")
    waived = cli_json(tmp_path, PARENT.read_bytes(), DRAFT.read_bytes(),
                      "--waivers", str(tmp_path / "waivers.yaml"))
    assert len(waived["waived"]) >= 1 and not waived["waiver_problems"]  # the CLI reads it and uses it
    assert waived["waived"][0]["waiver"]["approver"] == "区司法局 张三"

    with page.expect_download() as dl:
        page.click("#download-docx")
    with zipfile.ZipFile(io.BytesIO(Path(dl.value.path()).read_bytes())) as z:
        assert z.read("word/comments.xml").decode().count("<w:comment ") == len(cli["findings"])
    page.close()


def test_a_bad_file_is_a_message_on_the_form(server, browser, tmp_path):
    page = browser.new_page()
    page.goto(server + "/")
    bad = tmp_path / "稿.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    page.set_input_files('input[name="parent"]', str(PARENT))
    page.set_input_files('input[name="draft"]', str(bad))
    page.click("button[type=submit]")
    page.wait_for_selector(".error")
    text = page.inner_text(".error")
    assert "稿.docx" in text and "损坏" in text
    page.screenshot(path=str(_shots(tmp_path) / "web-error.png"))
    page.close()
