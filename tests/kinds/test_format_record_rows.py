"""A plan whose every measure is followed by its own field lines (牵头单位：… / 配合单位：…) places its clauses one way;
where some of those measures are read as records (engine/ingest/field_records.py: a short task line and its
field lines, read as a row) and the others, whose task line is a whole paragraph, as a measure and a clause on
its own line, the rows say nothing of how the document places its clauses: no "clause apart from its measure"
finding on the others (blind22 通辽市, three of seven measures reported once the records were read as rows)."""

from __future__ import annotations

from engine.pipeline import check

DRAFT = """赤峰市肉羊产业发展工作方案

一、重点工作
　　1.提升良种繁育水平。实施肉羊种源提升工程，扩建昭乌达肉羊核心育种场，全市冷配改良肉羊每年不少于80万只，推广胚胎移植和人工授精技术，建设良种扩繁场10个以上，提高良种覆盖率。
　　牵头单位：市农牧局
　　配合单位：市科学技术局、市财政局
　　2.扩大饲草料供给。
　　牵头单位：市农牧局
　　配合单位：市自然资源局、市林业和草原局
　　3.做强屠宰加工。
　　牵头单位：市工业和信息化局
　　配合单位：市农牧局、市商务局
　　4.加强疫病防控。
　　牵头单位：市农牧局
　　配合单位：各旗县区人民政府
二、保障措施
　　（一）加强组织领导。市农牧局负责日常调度。
"""


def test_measures_read_as_records_do_not_make_the_others_a_minority(tmp_path) -> None:
    path = tmp_path / "chifeng-city-mutton-sheep.txt"
    path.write_text(DRAFT, "utf-8")
    run = check(str(path), allow_no_parent=True, fail_on="none")
    units = {m.ref: ([u.name for u in m.responsibility.lead], [u.name for u in m.responsibility.support])
             for m in run.draft.measures if m.responsibility}
    assert units["1"] == (["市农牧局"], ["市科学技术局", "市财政局"])
    assert units["4"] == (["市农牧局"], ["各旗县区人民政府"])
    assert [f.message for f in run.report.findings if f.rule == "format" and "分离" in f.message] == []
