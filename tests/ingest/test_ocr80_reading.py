"""Text out of scanned, OCR'd and printed documents read as printed (fixtures/ocr80/README.md): zeros an OCR read as
the letter O, a line set with distributed alignment (one glyph apart from the next in a .pdf, one character a line in
its text copy), a hard wrap in a portal body of short <p> blocks, an addressee list broken before its colon."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from engine.ingest import from_text, load_document
from engine.ingest.normalise import normalise_line

SIZE = 16.0


def test_zeros_read_as_the_letter_o_inside_numbers():
    for orig, text in [
        ("2O26年5月9日", "2026年5月9日"),
        ("提高到2O%以上，培育1OO家", "提高到20%以上，培育100家"),
        ("1O.加强宣传", "10.加强宣传"),
        ("二O二六年四月八日", "二〇二六年四月八日"),
        ("二0二五年", "二〇二五年"),
    ]:
        assert normalise_line(orig)[0] == text
    for word in ("H2O", "O2O模式", "CO2排放", "X5O型", "二〇二六年", "OA系统", "5Gb"):
        assert normalise_line(word)[0] == word  # words, not numbers
    got, cols = normalise_line("到2O27年")
    assert got == "到2027年" and cols == [1, 2, 3, 4, 5, 6]  # one character for one: columns unchanged


def _spread_pdf(path: Path) -> Path:
    """A title over two lines, its second set with distributed alignment; a heading likewise; a body line; a signature
    line whose body and date stand far apart (two parts, not one spread line); a matrix row of marks."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    left, right = 90.0, 90.0 + 26 * SIZE

    def spread(y: float, text: str, size: float = SIZE) -> None:
        c.setFont("STSong-Light", size)
        step = (right - left - size) / (len(text) - 1)
        for k, ch in enumerate(text):
            c.drawString(left + k * step, y, ch)

    c.setFont("STSong-Light", 22)
    c.drawCentredString((left + right) / 2, 760, "某市戈壁农业发展")
    spread(730, "实施方案", 22)
    c.setFont("STSong-Light", SIZE)
    c.drawString(left + 2 * SIZE, 700, "为推动戈壁农业发展，制定本方案。")
    spread(676, "一、发展目标")
    c.drawString(left + 2 * SIZE, 652, "到2028年，戈壁农业面积达到10万亩。")
    c.drawString(left, 560, "某市农业农村局")
    c.drawString(right - 7 * SIZE, 560, "2026年5月6日")
    c.drawString(left, 480, "●")
    c.drawString(left + 9 * SIZE, 480, "○")
    c.drawString(left + 18 * SIZE, 480, "●")
    c.showPage()
    c.save()
    return path


def test_a_distributed_line_in_a_pdf_is_one_line(tmp_path: Path):
    texts = [p.text for p in load_document(str(_spread_pdf(tmp_path / "plan.pdf"))).paragraphs]
    assert texts[0] == "某市戈壁农业发展实施方案"  # the spread line one, then joined to the title line above it
    assert "一、发展目标" in texts
    assert texts[-5:] == ["某市农业农村局", "2026年5月6日", "●", "○", "●"]  # parts far apart, not spread lines


def test_a_distributed_line_copied_one_character_a_line_is_one_line():
    """pdftotext gives each far-apart glyph of a distributed line a block of its own: one character a line, a blank
    line between. A run of three or more is the line; a word of two spaced out (附 / 件) is left as it is."""
    text = (
        "某镇古民居消防安全整治\n工\n\n作\n\n方\n\n案\n\n为加强古民居消防安全管理，制定本方案。\n一\n、\n工\n作\n目\n标\n"
        "到2027年底，全镇古民居消防隐患全部整改到位。\n附\n\n件\n"
    )
    doc = from_text(text)
    assert [p.text for p in doc.paragraphs] == [
        "某镇古民居消防安全整治", "工作方案", "为加强古民居消防安全管理，制定本方案。", "一、工作目标",
        "到2027年底，全镇古民居消防隐患全部整改到位。", "附", "件",
    ]  # fmt: skip
    assert doc.paragraphs[1].line == 2  # numbered by its first character's line


def test_a_portal_body_with_a_br_at_every_printed_line_end(tmp_path: Path):
    """Each paragraph a <p> of two or three printed lines: too few lines in one block to show the width the copy was
    wrapped at, which the page's blocks show together; a unit broken at a <br/> is one again."""
    paras = [
        "　　（一）推进低产林改造。对全县低产油茶林实施品种改良和抚<br/>育管理，每年改造低产林2万亩，建设一批示范基地。",
        "　　牵头单位：县林业局；配合单位：县农业农村局、县财政局、<br/>各乡镇人民政府。",
        "　　（二）建设示范基地。在德凤、高屯等地建设高产油茶示范基<br/>地，推广良种良法，带动林农增收致富。",
        "　　牵头单位：县林业局；配合单位：县科技局、县自然资源<br/>局。",
        "　　（三）培育加工企业。支持企业建设油茶精炼生产线，开发茶<br/>油化妆品和保健品，延长产业链条。",
        "　　牵头单位：县工业和信息化局；配合单位：县市场监督管理<br/>局、县商务局。",
    ]
    page = "<html><body>" + "".join(f"<p>{p}</p>" for p in paras) + "<p>某县人民政府办公室<br/>2026年5月15日</p></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    texts = [p.text for p in load_document(str(path)).paragraphs]
    assert "牵头单位：县林业局；配合单位：县科技局、县自然资源局。" in texts
    assert "牵头单位：县工业和信息化局；配合单位：县市场监督管理局、县商务局。" in texts
    assert texts[-2:] == ["某县人民政府办公室", "2026年5月15日"]  # a signature's lines are no wrap


def _wrapped(head: str, tail: str) -> str:
    """A notice pasted from a PDF, its lines broken every 30 characters; the addressee list printed as `head`, the
    line ending before `tail`."""
    body = [
        head,
        tail,
        "现将《某市山地户外运动产业发展实施方案》印发给你们，请结合",
        "实际认真抓好落实。执行中遇到的问题，请及时向市文体广电旅游",
        "局反映。全市各地要把发展山地户外运动产业作为推动体育与旅游",
        "深度融合的重要抓手，统筹推进基地建设、赛事培育和设施配套，",
        "形成以点带面、全域发展的良好格局，确保各项任务按期完成并取",
        "得实效。",
    ]
    return "\n".join(body) + "\n"


def test_an_addressee_list_broken_before_its_colon_is_one_line():
    """"…各直属机构、各有关" / "单位：": the name's end and the colon closing the list, not a field's label."""
    doc = from_text(_wrapped("各县（市、区）人民政府，市政府各部门，各直属机构、各有关", "单位："))
    assert doc.paragraphs[0].text == "各县(市、区)人民政府，市政府各部门，各直属机构、各有关单位："
    doc = from_text(_wrapped("各县（市、区）人民政府，市政府各部门，各直属", "机构："))
    assert doc.paragraphs[0].text == "各县(市、区)人民政府，市政府各部门，各直属机构："


def test_a_responsibility_label_alone_on_its_line_starts_its_field():
    text = (
        "全市各地要把发展山地户外运动产业作为推动体育与旅游深度融合\n"
        "的重要抓手，统筹推进基地建设、赛事培育和设施配套，形成以点带面，\n"
        "全域发展的良好格局，确保各项任务按期完成并取得实效，切实\n"
        "加强户外运动基地建设和运营管理，不断提升服务质量和安全保障水\n"
        "平，推动产业规模和效益同步提升，努力打造西部户外运动新高地\n"
        "责任单位：\n"
        "市文体广电旅游局、市自然资源局。\n"
        "持续完善山地户外运动公共服务体系，推动户外运动与乡村振兴、生\n"
        "态保护和文化传承相结合，打造一批特色鲜明的户外运动目的地\n"
        "，不断满足人民群众日益增长的户外运动需求。\n"
    )
    texts = [p.text for p in from_text(text).paragraphs]
    assert any(t.startswith("责任单位：") for t in texts)


def test_an_ocr_label_at_a_line_start_opens_its_item_in_a_hard_wrapped_copy():
    """A copy of an OCR'd PDF wrapped at its lines, without indents: the line before "(—)" (and "4,") ran to the margin
    and ends a sentence, so only the label says a new paragraph starts there (as "(二)" does)."""
    opening = "为加快发展山地户外运动产业，推动体育与旅游深度融合，全面提升户外运动产业发展水平，现作安排如下。"
    items = [
        "(—)建设山地户外运动基地。依托景区建设山地户外运动基地，2027年底前建成国家级户外运动营地3个，"
        "带动周边群众就业增收，形成示范效应。",
        "(二)培育户外运动精品赛事。每年举办山地越野跑、山地自行车等品牌赛事不少于5项，打造户外赛事品牌，"
        "提升城市知名度和美誉度，扩大赛事影响力，吸引更多游客参与。",
        "(三)完善户外运动配套设施。建设登山步道、骑行绿道和应急救援站点，完善停车场、公共厕所、指示标识等"
        "配套服务设施，提升游客体验和满意度。",
    ]
    lines = ["二、重点任务", opening[:24], opening[24:]]  # lines of a justified copy: 23 to 25 characters
    assert len(opening[24:]) == 24  # its last line runs to the margin and ends the sentence
    for para in items:
        cuts = [0]
        while cuts[-1] < len(para):
            cuts.append(cuts[-1] + (23, 25, 24)[len(cuts) % 3])
        lines += [para[a:b] for a, b in pairwise(cuts)]
    texts = [p.text for p in from_text("\n".join(lines) + "\n").paragraphs]
    assert [t[:3] for t in texts] == ["二、重", "为加快", "(—)", "(二)", "(三)"]
