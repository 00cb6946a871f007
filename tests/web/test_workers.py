"""Checks in worker processes: the same answers as in-process, a time budget that stops a check
and replaces its worker, and errors that arrive as the user's messages."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from starlette.testclient import TestClient

from engine.errors import PlancheckError
from engine.web.app import create_app
from engine.web.service import CheckService, Upload
from engine.web.workers import Job, WorkerPool

from .conftest import cli_json, comparable

TODAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def pool():
    p = WorkerPool(1, timeout=120)
    yield p
    p.close()


def test_a_worker_answers_as_this_process_does(pool, small):
    parent, draft = (Upload("p.txt", small[0]), Upload("d.txt", small[1]))
    run, parent_name = pool.run(Job(draft, parent, None, None, "zh", TODAY), wait=120)
    here, _ = CheckService().run_here(draft, parent, None, None, "zh", TODAY)
    assert run.report.model_dump() == here.report.model_dump()
    assert parent_name == "p.txt"


def test_a_bad_upload_is_the_users_message(pool):
    with pytest.raises(PlancheckError) as err:
        pool.run(Job(Upload("稿.docx", b"PK\x03\x04 no zip"), None, "guangxi-2021-2025", None, "zh", TODAY), wait=120)
    assert err.value.code == "input.corrupt" and "稿.docx" in err.value.render("zh")


def test_a_check_over_its_time_is_stopped_and_the_worker_replaced(pool, small):
    parent, draft = (Upload("p.txt", small[0]), Upload("d.txt", small[1]))
    pool.run(Job(draft, parent, None, None, "zh", TODAY), wait=120)  # warm: the budget is for the check
    before, pool.timeout = pool.restarts, 0.001
    try:
        with pytest.raises(PlancheckError) as err:
            pool.run(Job(draft, parent, None, None, "en", TODAY), wait=120)
    finally:
        pool.timeout = 120
    assert err.value.code == "web.timeout" and pool.restarts == before + 1
    run, _ = pool.run(Job(draft, parent, None, None, "zh", TODAY), wait=120)  # the new worker answers
    assert run.report.findings


def test_the_api_through_workers_is_the_clis_report(small, tmp_path):
    with TestClient(create_app(workers=1)) as client:
        r = client.post("/api/check", files={"parent": ("parent.txt", small[0]), "draft": ("draft.txt", small[1])})
    assert r.status_code == 200, r.text
    assert json.dumps(comparable(r.json()), sort_keys=True) == json.dumps(
        comparable(cli_json(tmp_path, *small)), sort_keys=True
    )
