"""Metamorphic robustness of reading: is a plan read as its gold file says whatever form it arrives in?

    python -m bench.metamorphic [--sets unseen,heldout,blind3,blind4] [--variants …] [--only TEXT]
                                [--pdf] [--keep DIR] [-v]

Every gold document (NAME.expected.yaml) of fixtures/unseen, heldout, blind3 and blind4 whose source is a
.txt is copied, in a temporary directory (`--keep DIR` keeps them; never in the repository), into the
forms real documents arrive in; each copy holds the same words as the .txt, so its gold is the .txt's:

- `crlf-bom`  UTF-8 with a BOM and CRLF line ends (Windows Notepad);
- `gb18030`   the text in GB18030 bytes;
- `utf16`     UTF-16 with a BOM (Notepad's "Unicode");
- `trad`      traditional characters (OpenCC s2t; the gold comparison reads both sides simplified);
- `html`      a portal page: top bar, navigation, breadcrumb, metadata block, the text a <p> a line
              (tab-separated task-table rows as a <table>), share/print links, related files, footer;
              every other document declares charset gb2312 and is saved in GBK bytes;
- `html-br`   the same page with the text's lines separated by <br> inside one <div>;
- `oneline`   the lines joined by single spaces (a page scraped into one line);
- `oneline-page` the portal page's text as a scraper saves it, all on one line: top bar, navigation,
              breadcrumb, metadata, the text, then buttons, 上一篇/下一篇, related files and the site's footer
              (address, phone) — the footer must not be read into the last measure;
- `pdf`       (only with --pdf: LibreOffice is slow) an office's .docx by bench.office_copies (a
              paragraph a line, running header = the document's title, "— N —" page numbers), printed
              to PDF by `soffice`; measures break across pages wherever the pages fall.

Each copy is read by `plancheck parse --format json` and compared with the gold by bench.gold.compare, the
comparison tests/acceptance/test_unseen.py makes (title, measures as numbered and started, lead and support
units); and no text of the parse (a section, a measure, the closing part) may hold the words only the pages'
closing carries (`FOOTER_WORDS`: 上一篇, 下一篇, the footer's phone number, ICP备, 网站标识码). The gold files are read only through that comparison; what the copies are built from (the title in
the running header, the place in the portal's name) is what the .txt's own parse reads. Prints, per form,
how many documents are read exactly as the gold says against the .txt originals, and lists each copy
that differs (with the .txt's own differences when it differs too).
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import opencc
import yaml
from click.testing import CliRunner

from bench.gold import compare
from engine.cli import main as cli
from engine.ingest.encoding import decode_text
from engine.ingest.readers import split_lines

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "fixtures"
SETS = ("unseen", "heldout", "blind3", "blind4")
VARIANTS = ("crlf-bom", "gb18030", "utf16", "trad", "html", "html-br", "oneline", "oneline-page")
SLOW = ("pdf",)


@dataclass
class Doc:
    name: str
    source: Path
    gold: dict
    lines: list[str] = field(default_factory=list)
    title: str = ""
    place: str = ""
    copies: dict[str, Path] = field(default_factory=dict)


def documents(sets: list[str]) -> list[Doc]:
    """The gold documents of the sets whose source is a .txt (gold read here only to find the source)."""
    docs = []
    for s in sets:
        for gold_file in sorted((FIX / s).glob("*.expected.yaml")):
            gold = yaml.safe_load(gold_file.read_text("utf-8"))
            source = FIX / s / gold["file"]
            if source.suffix == ".txt":
                docs.append(Doc(f"{s}/{gold_file.name.removesuffix('.expected.yaml')}", source, gold))
    return docs


def parse(path: Path) -> dict | str:
    """`plancheck parse --format json PATH` as JSON, or the error it printed."""
    result = CliRunner().invoke(cli, ["parse", "--format", "json", str(path)])
    if result.exit_code != 0:
        return (result.output.strip().splitlines() or [f"exit {result.exit_code}"])[-1]
    return json.loads(result.output)


# ---- the forms -----------------------------------------------------------------------------------------

_S2T = opencc.OpenCC("s2t")


def _text(doc: Doc, sep: str = "\n") -> str:
    return sep.join(doc.lines)


def crlf_bom(doc: Doc, out: Path) -> Path:
    path = out.with_suffix(".txt")
    path.write_bytes(("\ufeff" + _text(doc, "\r\n")).encode("utf-8"))
    return path


def gb18030(doc: Doc, out: Path) -> Path:
    path = out.with_suffix(".txt")
    path.write_bytes(_text(doc).encode("gb18030"))
    return path


def utf16(doc: Doc, out: Path) -> Path:
    path = out.with_suffix(".txt")
    path.write_bytes(_text(doc).encode("utf-16"))  # BOM, then the machine's order (LE)
    return path


def traditional(doc: Doc, out: Path) -> Path:
    path = out.with_suffix(".txt")
    path.write_text(_S2T.convert(_text(doc)), "utf-8")
    return path


def oneline(doc: Doc, out: Path) -> Path:
    path = out.with_suffix(".txt")
    path.write_text(" ".join(line.strip() for line in doc.lines if line.strip()) + "\n", "utf-8")
    return path


def oneline_page(doc: Doc, out: Path) -> Path:
    """The portal page (`portal_page`) as a scraper's text: its chrome, the text and the footer joined by spaces."""
    place = doc.place or "本地"
    head = [
        f"{place}人民政府 | 首页 | 要闻动态 | 政务公开 | 政务服务 | 互动交流",
        "当前位置：首页 > 政务公开 > 政策文件 > 政府文件",
        doc.title,
        f"发布时间：2026-03-18 09:30 来源：{place}人民政府办公室 浏览次数：1286 字号：【大 中 小】",
    ]
    tail = [
        "分享到：微信 微博 QQ空间 【打印本页】 【关闭窗口】",
        f"上一篇：{place}人民政府办公室关于做好2026年春节期间安全生产工作的通知",
        f"下一篇：{place}人民政府关于公布2025年度政府信息公开工作年度报告的公告",
        "相关文件： 关于做好2026年春节期间安全生产工作的通知 2026-01-20",
        "网站地图 | 联系我们 | 隐私声明",
        f"主办：{place}人民政府办公室 承办：{place}大数据发展中心 地址：人民路1号 邮编：610000 电话：028-12345678",
        "网站标识码：5101000001 蜀ICP备05002345号-1 川公网安备 51010402000123号",
    ]
    lines = [*head, *(line.strip() for line in doc.lines if line.strip()), *tail]
    path = out.with_suffix(".txt")
    path.write_text(" ".join(lines) + "\n", "utf-8")
    return path


def _table_run(rows: list[str], k: int) -> int:
    """The end of the run of tab-separated rows starting at `k` (a short line between two rows, a
    section heading such as 一、…, stays inside as a merged row), as bench.office_copies groups them."""
    end = k
    while end < len(rows):
        if "\t" in rows[end]:
            end += 1
        elif end > k and end + 1 < len(rows) and "\t" in rows[end + 1] and len(rows[end]) <= 40:
            end += 2
        else:
            break
    return end


def _body_html(lines: list[str], br: bool) -> str:
    """The text's lines as a portal's article: a <p> a line (or <br> between lines in one <div>); runs
    of tab-separated rows as a ruled <table> (a row a <tr>, a section line among them merged across)."""
    rows = [line.strip() for line in lines if line.strip()]
    parts: list[str] = []
    k = 0
    while k < len(rows):
        end = _table_run(rows, k)
        if end - k >= 2:
            cells = [r.split("\t") for r in rows[k:end]]
            width = max(len(c) for c in cells)
            trs = []
            for c in cells:
                if len(c) == 1:
                    trs.append(f'<tr><td colspan="{width}">{html.escape(c[0].strip())}</td></tr>')
                    continue
                tds = "".join(f"<td>{html.escape(x.strip())}</td>" for x in c)
                trs.append(f"<tr>{tds}{'<td></td>' * (width - len(c))}</tr>")
            parts.append('<table border="1" cellspacing="0">' + "".join(trs) + "</table>")
            k = end
            continue
        text = html.escape(rows[k])
        parts.append(text if br else f'<p style="text-indent:2em">{text}</p>')
        k += 1
    if br:
        out, run = [], []
        for part in parts:
            if part.startswith("<table"):
                if run:
                    out.append("<div>" + "<br>\n".join(run) + "</div>")
                    run = []
                out.append(part)
            else:
                run.append(part)
        if run:
            out.append("<div>" + "<br>\n".join(run) + "</div>")
        parts = out
    return "\n".join(parts)


def portal_page(doc: Doc, charset: str, br: bool) -> str:
    site = f"{doc.place or '某地'}人民政府门户网站"
    nav = "".join(
        f'<li><a href="/{k}/">{x}</a></li>'
        for k, x in enumerate(("首页", "要闻动态", "政务公开", "政务服务", "互动交流", "走进本地"))
    )
    return f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(doc.title)}_{site}</title>
<script type="text/javascript">var _hmt = _hmt || []; /* 统计代码 */</script>
<style>.nav li{{float:left}} .article p{{line-height:2}}</style>
</head><body>
<div class="top-bar"><span>欢迎访问{site}！</span><a href="#">无障碍浏览</a> | <a href="#">长者模式</a> | <a href="#">繁體版</a> | <a href="#">English</a></div>
<div class="header"><img src="/images/logo.png" alt="{site}"><div class="search"><input type="text" value="请输入关键字"><button>搜索</button></div></div>
<ul class="nav">{nav}</ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
<div class="article">
<h1 class="title">{html.escape(doc.title)}</h1>
<div class="info"><span>发布时间：2026-03-18 09:30</span> <span>来源：{html.escape(doc.place or "本地")}人民政府办公室</span> <span>浏览次数：1286</span> <span>字号：【<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="content" id="zoom">
{_body_html(doc.lines, br)}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="related"><h3>相关文件</h3><ul>
<li><a href="/zwgk/1.html">关于做好2026年春节期间安全生产工作的通知</a><span>2026-01-20</span></li>
<li><a href="/zwgk/2.html">关于公布2025年度政府信息公开工作年度报告的公告</a><span>2026-01-15</span></li>
</ul></div>
<div class="footer">
<p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">隐私声明</a></p>
<p>主办：{html.escape(doc.place or "本地")}人民政府办公室　承办：{html.escape(doc.place or "本地")}大数据发展中心</p>
<p>网站标识码：5101000001　ICP备案号：蜀ICP备05002345号-1　<img src="/images/ga.png">川公网安备 51010402000123号</p>
<p>地址：人民路1号　邮编：610000　电话：028-12345678</p>
</div>
<script>document.getElementById("zoom");</script>
</body></html>
"""


def _page(doc: Doc, out: Path, br: bool, index: int) -> Path:
    path = out.with_suffix(".html")
    if index % 2:  # as many portals still serve: declared gb2312, saved in GBK (others as &#NNNN;)
        path.write_bytes(portal_page(doc, "gb2312", br).encode("gbk", errors="xmlcharrefreplace"))
    else:
        path.write_text(portal_page(doc, "utf-8", br), "utf-8")
    return path


FORMS: dict[str, Callable[..., Path]] = {
    "crlf-bom": crlf_bom,
    "gb18030": gb18030,
    "utf16": utf16,
    "trad": traditional,
    "oneline": oneline,
    "oneline-page": oneline_page,
}


def make_copies(docs: list[Doc], variants: list[str], out: Path) -> None:
    for k, doc in enumerate(docs):
        stem = doc.source.stem
        for form in variants:
            target = out / form / stem
            target.parent.mkdir(parents=True, exist_ok=True)
            if form in FORMS:
                doc.copies[form] = FORMS[form](doc, target)
            elif form in ("html", "html-br"):
                doc.copies[form] = _page(doc, target, form == "html-br", k)
    if "pdf" in variants:
        from bench.office_copies import make_docx, to_pdfs

        where = out / "pdf"
        where.mkdir(parents=True, exist_ok=True)
        made = []
        for doc in docs:
            target = where / f"{doc.source.stem}.docx"
            make_docx(doc.lines, target, tables=True, header=doc.title)
            made.append(target)
        for doc, pdf in zip(docs, to_pdfs(made, where), strict=True):
            doc.copies["pdf"] = pdf


# ---- the measure ---------------------------------------------------------------------------------------


# words only a page's closing carries (the pages built here put them there): none may be read as the plan's
FOOTER_WORDS = ("上一篇", "下一篇", "028-12345678", "ICP备", "网站标识码")


def footer_read(got: dict) -> list[str]:
    """Where the parse holds a page's closing as the plan's text (a section, a measure, the closing part)."""
    out: list[str] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in ("source", "sha256"):
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for k, value in enumerate(node):
                walk(value, f"{where}[{k}]")
        elif isinstance(node, str) and any(w in node for w in FOOTER_WORDS):
            out.append(f"page footer read as the plan's: {where.lstrip('.')} …{node[-60:]}")

    walk(got, "")
    return out


def differences(doc: Doc, got: dict | str) -> list[str]:
    return [f"parse failed: {got}"] if isinstance(got, str) else compare(doc.gold, got) + footer_read(got)


def run(docs: list[Doc], variants: list[str], verbose: bool) -> dict[str, list[tuple[Doc, list[str]]]]:
    """The .txt's differences and, per form, each copy's (empty: read exactly as the gold says)."""
    results: dict[str, list[tuple[Doc, list[str]]]] = {v: [] for v in ["txt", *variants]}
    for doc in docs:
        base = differences(doc, parse(doc.source))
        results["txt"].append((doc, base))
        for form in variants:
            diff = differences(doc, parse(doc.copies[form]))
            results[form].append((doc, diff))
            if verbose or diff:
                mark = "ok  " if not diff else ("same" if diff == base else "FAIL")
                print(f"{mark} {form:12} {doc.name}", file=sys.stderr if not diff else sys.stdout)
                for d in diff if diff != base else []:
                    print(f"       {d[:300]}")
    return results


def prepare(doc: Doc) -> None:
    """The .txt's lines as the engine decodes them (GBK and UTF-16 sources too), and what the forms
    carry from its own parse: the title (running header, <title>) and the place (the portal's name)."""
    text, _ = decode_text(doc.source.read_bytes(), str(doc.source))
    doc.lines = [line for _, line in split_lines(text.lstrip("\ufeff"))]
    got = parse(doc.source)
    if isinstance(got, dict):
        doc.title = got.get("title") or ""
        doc.place = got.get("jurisdiction") or ""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--variants", default=",".join(VARIANTS), help=f"of {', '.join(VARIANTS + SLOW)}")
    ap.add_argument("--only", help="documents whose name contains this")
    ap.add_argument("--pdf", action="store_true", help="also the PDF copies (LibreOffice; slow)")
    ap.add_argument("--keep", type=Path, help="write the copies here and keep them")
    ap.add_argument("-v", "--verbose", action="store_true", help="name every copy read right too")
    args = ap.parse_args(argv)
    variants = [v for v in args.variants.split(",") if v]
    if args.pdf and "pdf" not in variants:
        variants.append("pdf")
    unknown = set(variants) - set(VARIANTS + SLOW)
    if unknown:
        ap.error(f"unknown variants: {', '.join(sorted(unknown))}")
    if "pdf" in variants and not (shutil.which("soffice") or shutil.which("libreoffice")):
        ap.error("--pdf needs LibreOffice (soffice)")
    docs = documents(args.sets.split(","))
    if args.only:
        docs = [d for d in docs if args.only in d.name]
    for doc in docs:
        prepare(doc)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        make_copies(docs, variants, out)
        results = run(docs, variants, args.verbose)
    base = {doc.name: not diff for doc, diff in results["txt"]}
    print(f"\n{len(docs)} gold documents from .txt ({args.sets}); read exactly as the gold says:")
    print("form         exact  of  .txt  lost (the .txt right, the copy not)")
    for form, rows in results.items():
        exact = sum(not diff for _, diff in rows)
        lost = [doc.name for doc, diff in rows if diff and base[doc.name]]
        print(f"{form:12} {exact:5} {len(rows):3} {sum(base.values()):5}  {len(lost)}  {' '.join(lost)}")


if __name__ == "__main__":
    main()
