"""The gazetteer: every division with its ancestors, names a text can be searched for, its source stated."""

from __future__ import annotations

from engine.parse.places import _path, gazetteer, parse_table


def test_file_states_its_source_and_date() -> None:
    head = [line for line in _path().read_text("utf-8").splitlines()[:5] if line.startswith("#")]
    assert any("source:" in line and "2025-12-31" in line for line in head)


def test_every_province_and_a_full_tree() -> None:
    g = gazetteer()
    provinces = [p for p in g.places.values() if p.level == "province"]
    assert len(provinces) >= 34
    assert len(g.places) > 3000
    (chengzhong,) = [p for p in g.lookup("城中区") if p.code.startswith("45")]
    assert [g.places[a].name for a in chengzhong.ancestors] == ["柳州市", "广西壮族自治区"]
    family = g.family([chengzhong])
    assert {"450200", "450000", "450202"} <= family
    assert "450203" not in family  # 鱼峰区, a sibling
    assert "450203" in g.family(g.lookup("柳州市"))  # … but below the city


def test_names_searched_for() -> None:
    g = gazetteer()
    assert g.lookup("柳州") and g.lookup("广西") and g.lookup("深圳")  # prefecture stems, province short names
    assert not g.lookup("城中") and not g.lookup("江南") and not g.lookup("新城")  # county stems: common words
    assert not g.lookup("城区") and not g.lookup("郊区") and not g.lookup("新城区")
    assert g.find("学习借鉴深圳经验，推进新城区建设，实现长治久安") == {"深圳", "长治"}


def test_municipality_listed_once_and_bad_lines_skipped() -> None:
    g = parse_table(["# note", "110000\t北京市", "110100\t北京市", "110101\t东城区", "bad line", "12\t短"])
    assert sorted(g.places) == ["110000", "110101"]
    assert g.places["110101"].ancestors == ("110100", "110000")
