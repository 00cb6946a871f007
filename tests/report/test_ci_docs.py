"""The CI examples and the pre-commit hook parse and call the CLI the documented way."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_pre_commit_hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "plancheck" and hook["entry"] == "plancheck check"
    import re

    files = re.compile(hook["files"])
    assert files.search("plans/draft.docx") and files.search("a.txt") and files.search("b.md")
    assert not files.search("x.py")


def test_ci_examples_check_the_fixture_draft():
    gh = yaml.safe_load((ROOT / "docs/ci/github-actions.yml").read_text("utf-8"))
    gl = yaml.safe_load((ROOT / "docs/ci/gitlab-ci.yml").read_text("utf-8"))
    for env in (gh["env"], gl["plancheck"]["variables"]):
        assert (ROOT / env["DRAFT"]).is_file() and (ROOT / env["PARENT"]).is_file()
    steps = "\n".join(s.get("run", "") for s in gh["jobs"]["plancheck"]["steps"])
    assert "--format sarif" in steps and "--format github" in steps
    assert gl["plancheck"]["artifacts"]["reports"]["junit"] == "plancheck-junit.xml"
