"""Bad input: each case raises PlancheckError with the right code, and leaves the file as it was."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from engine.errors import PlancheckError
from engine.i18n import MESSAGES
from engine.ingest import budgets, load_document

MAX_INPUT_BYTES = budgets.Budgets().input_bytes

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def raises(path, code: str, snapshot) -> PlancheckError:
    snap = snapshot(path)
    with pytest.raises(PlancheckError) as info:
        load_document(str(path))
    assert info.value.code == code, info.value
    assert code in MESSAGES
    assert str(path) in info.value.render("zh")
    assert snap.unchanged()
    return info.value


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_not_found(tmp_path, snapshot) -> None:
    raises(tmp_path / "missing.txt", "input.not_found", snapshot)


def test_directory(tmp_path, snapshot) -> None:
    (tmp_path / "d.txt").mkdir()
    raises(tmp_path / "d.txt", "input.is_dir", snapshot)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \r\n\t\n",
        "\u3000\u3000\n\xa0\n".encode(),
        "\ufeff\n".encode("utf-8"),
        "  \n".encode("utf-16"),
    ],
    ids=["empty", "spaces", "ideographic-spaces", "bom-only", "utf16-spaces"],
)
def test_empty(tmp_path, snapshot, data) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    raises(path, "input.empty", snapshot)


def test_only_furniture_is_empty(tmp_path, snapshot) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("【字体：大 中 小】【打印本页】【关闭窗口】\n分享到：\n", "utf-8")
    raises(path, "input.empty", snapshot)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "一、总体要求\n".encode() + b"\x00\x01\x02\x03" * 50,
        bytes(range(1, 32)) * 40,
    ],
    ids=["png", "nul-bytes", "control-chars"],
)
def test_binary(tmp_path, snapshot, data) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    raises(path, "input.binary", snapshot)


def test_undecodable(tmp_path, snapshot) -> None:
    path = tmp_path / "plan.txt"
    # bytes neither UTF-8 nor GB18030 (0x80 and 0xff are never valid lead bytes there), many of them
    path.write_bytes(("一、总体要求".encode() + b"\x80\xff\xfe\x80") * 200)
    raises(path, "input.undecodable", snapshot)


@pytest.mark.parametrize("name", ["plan.xls", "plan.rtf", "plan", "plan.wps", "plan.et"])
def test_unsupported_extension(tmp_path, snapshot, name) -> None:
    path = tmp_path / name
    path.write_text("一、总体要求", "utf-8")
    err = raises(path, "input.unsupported", snapshot)
    assert err.fields["ext"] == (os.path.splitext(name)[1] or "(none)")


@pytest.mark.parametrize("name", ["plan.doc", "plan.docx", "plan.txt"])
def test_legacy_word_by_magic(tmp_path, snapshot, name) -> None:
    path = tmp_path / name
    path.write_bytes(OLE + b"\x00" * 1024)
    raises(path, "input.doc_legacy", snapshot)


def test_password_protected_docx_is_called_encrypted(tmp_path, snapshot) -> None:
    """Word stores a .docx with an open password as an OLE file holding an EncryptedPackage stream."""
    path = tmp_path / "plan.docx"
    path.write_bytes(OLE + b"\x00" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
                     + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)  # fmt: skip
    raises(path, "input.encrypted", snapshot)


def test_password_protected_pdf_is_called_encrypted(tmp_path, snapshot) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("user", "owner"))
    c.drawString(60, 780, "1. test")
    c.showPage()
    c.save()
    raises(path, "input.encrypted", snapshot)


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 this is not really a zip",
        b"just some text, not a zip at all",
        _zip({"[Content_Types].xml": b"<Types/>", "word/other.xml": b"<x/>"}),
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document><unclosed"}),
    ],
    ids=["truncated-zip", "not-zip", "no-document-xml", "bad-xml"],
)
def test_corrupt_docx(tmp_path, snapshot, data) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    err = raises(path, "input.corrupt", snapshot)
    assert err.fields["format"] == ".docx"


def test_corrupt_pdf(tmp_path, snapshot, make_pdf) -> None:
    good = make_pdf(tmp_path / "good.pdf", [["一、总体要求"]]).read_bytes()
    path = tmp_path / "plan.pdf"
    path.write_bytes(good[: len(good) // 3])
    raises(path, "input.corrupt", snapshot)
    path.write_bytes(b"%PDF-1.4\nnot a pdf at all")
    raises(path, "input.corrupt", snapshot)


def test_pdf_without_text_layer(tmp_path, snapshot) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 500, fill=1)  # a "scanned" page: graphics, no text
    c.showPage()
    c.save()
    raises(path, "input.no_text", snapshot)


def test_too_large_is_refused_before_reading(tmp_path, snapshot, monkeypatch) -> None:
    import builtins

    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_INPUT_BYTES + 1)  # sparse: instant to create
    snap = snapshot(path)
    real_open = builtins.open

    def no_reading(file, *args, **kwargs):  # stat says no: the file is never opened
        assert str(file) != str(path), "the oversized file was opened"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_reading)
    with pytest.raises(PlancheckError) as info:
        load_document(str(path))
    monkeypatch.undo()
    assert info.value.code == "budget.input_bytes"
    assert info.value.fields["limit"] == "50.0 MB"
    assert snap.unchanged()


def test_exactly_at_the_limit_is_not_too_large(tmp_path) -> None:
    path = tmp_path / "edge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_INPUT_BYTES)
    with pytest.raises(PlancheckError) as info:
        load_document(str(path))
    assert info.value.code == "input.binary"  # all NUL bytes: read, then refused for what it is


def test_stdin_too_large() -> None:
    class Stream:
        """Endless stdin; ingest must stop reading after the limit."""

        def __init__(self) -> None:
            self.asked: list[int] = []

        def read(self, n: int = -1) -> bytes:
            self.asked.append(n)
            return b"a" * n

    stream = Stream()
    import engine.ingest as ingest

    with pytest.raises(PlancheckError) as info:
        ingest._read_stream(stream, "-")
    assert info.value.code == "budget.input_bytes"
    assert info.value.fields["value"] == "> 50.0 MB"  # never a size it did not read
    assert stream.asked == [MAX_INPUT_BYTES + 1]


def test_stdin_empty_and_binary() -> None:
    for data, code in (
        (b"", "input.empty"),
        (b"\x00\x01\x02" * 100, "input.binary"),
        (OLE, "input.doc_legacy"),
    ):
        with pytest.raises(PlancheckError) as info:
            load_document("-", stdin=data)
        assert info.value.code == code


def test_unreadable(tmp_path, snapshot) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "locked.txt"
    path.write_text("一、总体要求", "utf-8")
    path.chmod(0)
    try:
        raises(path, "input.unreadable", snapshot)
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("ext", [".txt", ".docx", ".pdf", ".html"])
def test_random_bytes_raise_only_plancheck_errors(tmp_path, ext) -> None:
    import random

    rng = random.Random(7)
    for i in range(25):
        path = tmp_path / f"r{i}{ext}"
        path.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 600))))
        try:
            load_document(str(path))
        except PlancheckError as exc:
            assert exc.code != "internal", exc
