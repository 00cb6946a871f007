"""The web app in-process (Starlette's TestClient): the CLI's answers, limits, safety, concurrency."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from starlette.testclient import TestClient

from engine.web.app import create_app
from engine.web.service import display_name

from .conftest import DRAFT, PARENT, cli_json, comparable


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(max_upload_mb=1, max_queue=16))


def post(client: TestClient, url: str, parent: bytes | None, draft: bytes, name: str = "draft.txt", **data):
    files = {"draft": (name, draft)}
    if parent is not None:
        files["parent"] = ("parent.txt", parent)
    return client.post(url, files=files, data=data, follow_redirects=False)


def test_api_returns_the_clis_report(client, small, tmp_path):
    parent, draft = small
    r = post(client, "/api/check", parent, draft)
    assert r.status_code == 200, r.text
    web = r.json()
    assert web["findings"], "the small draft has gaps to report"
    assert comparable(web) == comparable(cli_json(tmp_path, parent, draft))
    assert web["summary"]["draft"] == "draft.txt"


def test_api_in_english(client, small, tmp_path):
    parent, draft = small
    web = post(client, "/api/check?lang=en", parent, draft).json()
    assert comparable(web) == comparable(cli_json(tmp_path, parent, draft, lang="en"))
    assert all(not any("\u4e00" <= c <= "\u9fff" for c in f["message"][:3]) for f in web["findings"])


def test_the_page_shows_exactly_the_clis_findings(client, tmp_path):
    parent, draft = PARENT.read_bytes(), DRAFT.read_bytes()
    r = post(client, "/check", parent, draft, name=DRAFT.name)
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert page.status_code == 200
    tree = HTMLParser(page.text)
    cards = tree.css("[data-check]")
    cli = cli_json(tmp_path, parent, draft)
    assert sorted((c.attributes["data-check"], c.attributes["data-severity"]) for c in cards) == sorted(
        (f["check"], f["severity"]) for f in cli["findings"]
    )
    assert all("finding" in c.attributes["class"] for c in cards)
    assert tree.css_first("#fix-first") is not None
    link = tree.css_first("a#download-docx").attributes["href"]
    docx_bytes = client.get(link).content
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        comments = z.read("word/comments.xml").decode()
    assert comments.count("<w:comment ") == len(cli["findings"])
    # every download answers with its own kind of file
    for name, magic in (("feedback.docx", b"PK"), ("feedback.xlsx", b"PK"), ("report.html", b"<!DOCTYPE")):
        got = client.get(link.replace("draft.docx", name))
        assert got.status_code == 200 and got.content.startswith(magic), name
    assert comparable(client.get(link.replace("draft.docx", "report.json")).json()) == comparable(cli)


def test_a_bundled_parent_ruleset_can_be_chosen(client):
    page = client.get("/")
    tree = HTMLParser(page.text)
    assert tree.css_first('input[type=file][name="parent"]') and tree.css_first('input[type=file][name="draft"]')
    assert tree.css_first("button[type=submit]") is not None
    options = [o.attributes["value"] for o in tree.css('select[name="ruleset"] option')]
    assert "guangxi-2021-2025" in options
    r = client.post("/api/check", files={"draft": ("d.txt", DRAFT.read_bytes())}, data={"ruleset": "guangxi-2021-2025"})
    assert r.status_code == 200 and r.json()["summary"]["parent"].endswith("guangxi-2021-2025.yaml")
    r = client.post("/api/check", files={"draft": ("d.txt", DRAFT.read_bytes())}, data={"ruleset": "../core"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "web.unknown_ruleset"


def test_over_the_limit_is_413_and_the_server_goes_on(client, small):
    parent, draft = small
    big = b"x" * (1024 * 1024 + 10)
    r = post(client, "/api/check", parent, big)
    assert r.status_code == 413
    assert "20" not in r.json()["error"]["message"] and "1 MB" in r.json()["error"]["message"]
    page = post(client, "/check", parent, big)
    assert page.status_code == 413 and "太大" in page.text
    assert post(client, "/api/check", parent, draft).status_code == 200


@pytest.mark.parametrize(
    ("name", "data", "status", "word"),
    [
        ("plan.docx", b"PK\x03\x04 this is not really a zip", 400, "损坏"),
        ("plan.bin", bytes(range(256)) * 40, 415, "不支持"),
        ("plan.txt", bytes(range(256)) * 40, 400, "二进制"),
        ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, 415, ".docx"),
        ("plan.txt", "没有编号的一段话。".encode(), 400, "编号"),
    ],
)
def test_bad_files_get_the_clis_message(client, small, name, data, status, word):
    r = post(client, "/api/check", small[0], data, name=name)
    assert r.status_code == status, r.text
    msg = r.json()["error"]["message"]
    assert word in msg and name in msg
    assert tempfile.gettempdir() not in msg  # the private folder never shows


def test_missing_fields_are_messages(client, small):
    r = client.post("/api/check", files={"parent": ("p.txt", small[0])})
    assert r.status_code == 400 and r.json()["error"]["code"] == "web.no_draft"
    r = client.post("/api/check", files={"draft": ("d.txt", small[1])})
    assert r.status_code == 400 and r.json()["error"]["code"] == "web.no_parent"
    r = client.post("/api/check", content=b"--x\r\nbroken", headers={"content-type": "multipart/form-data; boundary=x"})
    assert 400 <= r.status_code < 500


def test_file_names_never_reach_a_path(client, small, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    r = post(client, "/api/check", small[0], small[1], name="../../x/evil.txt")
    assert r.status_code == 200
    assert r.json()["summary"]["draft"] == "evil.txt"
    assert list(tmp_path.iterdir()) == []  # the private folder went with the response
    assert display_name("C:\\Users\\张三\\稿.docx", "d") == "稿.docx"
    assert display_name("", "draft") == "draft"
    assert display_name("a/\x00evil\n.txt", "d") == "evil.txt"


def test_parallel_checks_answer_as_sequential_ones(small):
    parent, draft = small
    other = draft.replace("区市场监管局".encode(), "有关部门".encode())
    jobs = [(f"d{i}.txt", draft if i % 2 else other) for i in range(8)]

    def one(client: TestClient, job: tuple[str, bytes]) -> str:
        r = post(client, "/api/check", parent, job[1], name=job[0])
        assert r.status_code == 200, r.text
        return json.dumps(comparable(r.json()), sort_keys=True)

    sequential = [one(TestClient(create_app()), j) for j in jobs]
    shared = TestClient(create_app())
    with ThreadPoolExecutor(8) as pool:
        parallel = list(pool.map(lambda j: one(shared, j), jobs))
    assert parallel == sequential
    assert len(set(parallel)) == 2


def test_a_parent_seen_before_is_reused(small):
    app = create_app()
    client = TestClient(app)
    parent, draft = small
    post(client, "/api/check", parent, draft, name="a.txt")
    post(client, "/api/check", parent, draft, name="b.txt")
    assert (app.service.parents.misses, app.service.parents.hits) == (1, 1)


def test_a_full_queue_is_503_with_retry_after(small):
    app = create_app(max_queue=1)
    client = TestClient(app)
    assert app.service._slots.acquire(blocking=False)  # one check "running"
    try:
        r = post(client, "/api/check", *small)
        assert r.status_code == 503 and int(r.headers["retry-after"]) > 0
        assert "忙" in r.json()["error"]["message"]
    finally:
        app.service._slots.release()
    assert post(client, "/api/check", *small).status_code == 200


def test_an_unknown_result_is_404_with_a_message(client):
    r = client.get("/result/" + "0" * 32)
    assert r.status_code == 404 and "重新检查" in r.text
    assert client.get("/result/../../etc/passwd").status_code == 404


def test_static_files_are_local():
    for p in (Path(__file__).parents[2] / "engine" / "web").rglob("*.*"):
        if p.suffix in (".html", ".css", ".js"):
            assert "http://" not in p.read_text("utf-8") and "https://" not in p.read_text("utf-8"), p


def test_a_chunked_upload_over_the_limit_is_413(client, small):
    def body():
        yield b'--b\r\nContent-Disposition: form-data; name="draft"; filename="d.txt"\r\n\r\n'
        for _ in range(40):
            yield b"x" * 65536
        yield b"\r\n--b--\r\n"

    r = client.post("/api/check", content=body(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "web.too_large"
    assert post(client, "/api/check", *small).status_code == 200


def test_the_page_in_english(client, small):
    page = client.get("/?lang=en")
    assert "Check" in page.text and 'action="/check?lang=en"' in page.text
    r = client.post("/check?lang=en", files={"parent": ("p.txt", small[0]), "draft": ("d.txt", small[1])},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("?lang=en")
    result = client.get(r.headers["location"]).text
    assert "Downloads" in result and "Fix these first" in result and "下载" not in result
    bad = client.post("/check?lang=en", files={"draft": ("d.txt", small[1])})
    assert bad.status_code == 400 and "choose the parent plan" in bad.text


def test_the_sender_named_on_the_form_signs_the_office_documents(client, small):
    import docx as python_docx

    r = client.post(
        "/check",
        files={"parent": ("p.txt", small[0]), "draft": ("d.txt", small[1])},
        data={"author": "城中区司法局"},
        follow_redirects=False,
    )
    link = r.headers["location"]
    commented = python_docx.Document(io.BytesIO(client.get(link + "/draft.docx").content))
    assert {c.author for c in commented.comments} == {"城中区司法局"}
    form = python_docx.Document(io.BytesIO(client.get(link + "/feedback.docx").content))
    assert "反馈单位：城中区司法局" in form.paragraphs[1].text and "日期：" in form.paragraphs[1].text
    # dated as the CLI dates it (the draft's date line, else SOURCE_DATE_EPOCH, else blank), never by the clock
    import datetime as dt

    assert dt.date.today().isoformat() not in form.paragraphs[1].text


def test_a_waiver_file_is_applied_as_by_the_cli(client, small, tmp_path):
    parent, draft = small
    first = post(client, "/api/check", parent, draft).json()["findings"][0]
    item = first["local_item"] or f"parent:{first['parent_item']}"
    waivers = f"- rule: {first['rule']}\n  item: '{item}'\n  reason: 区级不适用\n  approver: 区司法局\n".encode()
    r = client.post(
        "/api/check",
        files={"parent": ("parent.txt", parent), "draft": ("draft.txt", draft), "waivers": ("w.yaml", waivers)},
    )
    assert r.status_code == 200
    (tmp_path / "w.yaml").write_bytes(waivers)
    cli = cli_json(tmp_path, parent, draft, "--waivers", str(tmp_path / "w.yaml"))
    assert comparable(r.json()) == comparable(cli) and cli["waived"]
    bad = client.post(
        "/api/check",
        files={"parent": ("p.txt", parent), "draft": ("d.txt", draft), "waivers": ("豁免.yaml", b"- rule: [unclosed\n")},
    )
    assert bad.status_code == 400 and "豁免.yaml" in bad.json()["error"]["message"]


def test_the_page_shows_a_higher_levels_duty_as_not_applicable(client):
    """The county pilot (fixtures/beyond/): 确定试点城市 is the nation's to do, shown 不适用 with its reason."""
    beyond = Path(__file__).resolve().parents[2] / "fixtures" / "beyond"
    parent = (beyond / "national-home-care-pilot.txt").read_bytes()
    draft = (beyond / "pingjiang-home-care-pilot.txt").read_bytes()
    r = post(client, "/check", parent, draft, name="pingjiang.txt")
    assert r.status_code == 303
    tree = HTMLParser(client.get(r.headers["location"]).text)
    tiles = {li.css_first("span").text(): li for li in tree.css("#coverage .grid li")}
    tile = tiles["确定试点城市"]
    assert tile.attributes["class"] == "rel-not_applicable"
    assert (tile.css_first("i").text(), tile.css_first("small.why").text()) == ("不适用（上级职责）", "选定试点城市属上级职权")
    assert tiles["支持老年人家庭适老化改造"].attributes["class"].startswith("rel-missing")
