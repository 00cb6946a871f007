"""bench.metamorphic's forms of a small plan (not a fixture) are read as the plain text is: the same title,
measures and units whatever the bytes, script or page around it (the PDF form is left to the bench)."""

from __future__ import annotations

from pathlib import Path

from bench.gold import norm, norm_ref, norm_title
from bench.metamorphic import VARIANTS, Doc, footer_read, make_copies, parse, prepare

PLAN = """某某县2026年城乡供水保障工作方案
为保障城乡居民饮水安全，结合我县实际，制定本方案。
一、工作目标
到2026年底，农村自来水普及率达到92%以上。
二、重点任务
（一）实施农村供水工程改造。完成12处千人以上供水工程提标改造。（牵头单位：县水利局；配合单位：县财政局、各乡镇人民政府）
（二）加强水源地保护。划定乡镇集中式饮用水水源保护区。（牵头单位：县生态环境局；配合单位：县水利局）
（三）强化水质检测。每季度开展1次水质抽检。（牵头单位：县卫生健康局；配合单位：县疾控中心）
三、保障措施
各乡镇要落实属地责任，确保各项任务按期完成。
"""


def reading(got: dict) -> tuple:
    """Title, measures and units, written one way (simplified, ASCII brackets) as the gold comparison does."""
    return norm_title(got["title"]), [
        (norm_ref(m["label"]), [norm(u) for u in m["lead_units"]], [norm(u) for u in m["support_units"]])
        for m in got["measures"]
    ]


def test_every_quick_form_of_a_small_plan_reads_as_its_text(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, "utf-8")
    base = parse(source)
    assert isinstance(base, dict) and len(base["measures"]) == 3
    docs = [Doc("plan", source, {}), Doc("plan2", source, {})]  # the second page of two is GBK
    for doc in docs:
        prepare(doc)
    make_copies(docs[:1], list(VARIANTS), tmp_path / "a")
    make_copies(docs, ["html"], tmp_path / "b")
    copies = {**docs[0].copies, "html (gb2312)": docs[1].copies["html"]}
    for form, path in copies.items():
        got = parse(path)
        assert isinstance(got, dict), (form, got)
        assert reading(got) == reading(base), form
        assert footer_read(got) == [], form  # the page's 上一篇/下一篇 and footer are no part of the plan
