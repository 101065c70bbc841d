"""Bad input: one InputError line naming the item and the reason; everything else still read."""

from __future__ import annotations

import gzip
import io
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from corroborate.config import Settings
from corroborate.errors import InputError
from corroborate.ingest import read_inputs
from corroborate.model import Article

SETTINGS = Settings()
PAGE = (
    "<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>"
    + "<p>Paragraph {n} of a long enough report about the flood in Millbrook, where the river "
    "burst its banks and about 1,200 people had to leave their homes on Monday.</p>"
    * 3
    + "</article></body></html>"
)


def read(inputs: Sequence[str | Path], settings: Settings = SETTINGS) -> list[Article | InputError]:
    return list(read_inputs([str(i) for i in inputs], settings))


def errors(results: list[Article | InputError]) -> list[str]:
    return [str(r) for r in results if isinstance(r, InputError)]


def make_warc(count: int, *, gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for n in range(1, count + 1):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = io.BytesIO(PAGE.format(n=n).encode())
        url = f"https://example.org/{n}"
        writer.write_record(
            writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
        )
    return buffer.getvalue()


def test_each_bad_item_is_one_line_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "01-good.txt").write_text("A good report.")
    (tmp_path / "02-empty.txt").write_bytes(b"")
    (tmp_path / "03-blank.txt").write_bytes(b"  \n\n")
    (tmp_path / "04-binary.dat").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "05-undecodable.txt").write_bytes(b"caf\xc3 \x81\x8d\x8f bad bytes")
    (tmp_path / "06-doc.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "07-image.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (tmp_path / "08-empty.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    (tmp_path / "09-headers-only.txt").write_text("Title: Nothing else\n\n")
    (tmp_path / "10-control.txt").write_bytes(b"text \x01\x02\x03 with control bytes")
    (tmp_path / "11-good.jsonl").write_text('{"text": "Fine."}\n')
    results = read([tmp_path, tmp_path / "missing.txt", tmp_path / "*.nothing"])
    assert [a.text for a in results if isinstance(a, Article)] == ["A good report.", "Fine."]
    p = str(tmp_path)
    assert errors(results) == [
        f"{p}/02-empty.txt: empty file",
        f"{p}/03-blank.txt: empty (only whitespace)",
        f"{p}/04-binary.dat: binary file (not text, and not a format corroborate reads)",
        f"{p}/05-undecodable.txt: undecodable: not valid UTF-8, UTF-16 or Windows-1252 text",
        f"{p}/06-doc.pdf: unsupported format (PDF document)",
        f"{p}/07-image.jpg: unsupported format (JPEG image)",
        f"{p}/08-empty.html: no article text found",
        f"{p}/09-headers-only.txt: no text after the header lines",
        f"{p}/10-control.txt: undecodable: not valid UTF-8, UTF-16 or Windows-1252 text",
        f"{p}/missing.txt: no such file or folder",
        f"{p}/*.nothing: no file matches this pattern",
    ]
    assert all("\n" not in line for line in errors(results))


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "one"}\n{"text": "two",\n\n{"text": "four"}\n')
    results = read([path])
    assert [r.text for r in results if isinstance(r, Article)] == ["one", "four"]
    assert errors(results) == [
        f"{path}:2: malformed JSON (Expecting property name enclosed in double quotes, column 16)"
    ]
    pretty = tmp_path / "doc.json"
    pretty.write_text('[\n  {"text": "a"},\n  {"text": "b"\n]\n')
    assert errors(read([pretty])) == [
        f"{pretty}:4: malformed JSON (Expecting ',' delimiter, column 1)"
    ]


def test_200_mb_file_rejected_by_size_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Title: Huge\n\nA report that goes on and on")
        handle.truncate(200 * 1024 * 1024)  # sparse: instant, and no disk used
    (tmp_path / "small.txt").write_text("Still read.")
    tracemalloc.start()
    try:
        results = read([path, tmp_path / "small.txt"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert errors(results) == [
        f"{path}: over the size limit (209.7 MB > 52.4 MB); raise the max_bytes setting "
        "(CORROBORATE_MAX_BYTES) to read it"
    ]
    assert [r.text for r in results if isinstance(r, Article)] == ["Still read."]
    assert peak < 5_000_000  # never held in memory


def test_size_limit_applies_to_stdin_and_gzip(tmp_path: Path) -> None:
    small = Settings(max_bytes=5000)
    results = list(read_inputs(["-"], small, stdin=io.BytesIO(b"x" * 9000)))
    assert errors(results)[0].startswith("<stdin>: over the size limit (5,000 bytes)")
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 1_000_000))  # about 1 kB on disk
    assert errors(read([bomb], small)) == [
        f"{bomb}: decompressed size is over the size limit (5,000 bytes); "
        "raise the max_bytes setting (CORROBORATE_MAX_BYTES) to read it"
    ]
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(b"some text " * 100)[:-12])
    assert errors(read([cut])) == [f"{cut}: truncated gzip file (cut short)"]


def test_truncated_warc_gz_keeps_the_good_records(tmp_path: Path) -> None:
    data = make_warc(4, gz=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[: len(data) * 5 // 8])  # cut inside the third record
    results = read([path])
    good = [r for r in results if isinstance(r, Article)]
    assert [a.url for a in good] == ["https://example.org/1", "https://example.org/2"]
    [line] = errors(results)
    assert line.startswith(f"{path}#record 3: truncated")


def test_truncated_warc_in_a_header_is_reported(tmp_path: Path) -> None:
    data = make_warc(2, gz=False)
    second = data.index(b"WARC/1.0", 10)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: second + 60])  # cut inside the second record's WARC header
    results = read([path])
    assert [r.title for r in results if isinstance(r, Article)] == ["Page 1"]
    [line] = errors(results)
    assert line.startswith(f"{path}#record 2: ")


def test_broken_warc_record(tmp_path: Path) -> None:
    data = make_warc(3, gz=False)
    third = data.index(b"WARC/1.0", data.index(b"WARC/1.0", 10) + 10)
    path = tmp_path / "broken.warc"
    path.write_bytes(
        data[:third] + b"GARBAGE that is not a WARC header\r\n\r\n" + data[third + 8 :]
    )
    results = read([path])
    assert len([r for r in results if isinstance(r, Article)]) == 2
    [line] = errors(results)
    assert line.startswith(f"{path}#record 3: ")
    assert "WARC record" in line


def test_warc_without_html(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
    path = tmp_path / "x.warc"
    path.write_bytes(buffer.getvalue())
    assert errors(read([path])) == [f"{path}: no HTML responses among its 1 WARC records"]


def test_never_raises_on_random_bytes(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    prefixes = [
        b"",
        b"{",
        b"[",
        b"<",
        b"<?xml",
        b"WARC/1.0\r\n",
        b"\x1f\x8b",
        b"<rss>",
        b"Title: x\n",
    ]
    for n, prefix in enumerate(prefixes):
        (tmp_path / f"{n}.bin").write_bytes(prefix + rng.randbytes(300))
    results = read([tmp_path])
    assert len(results) >= len(prefixes)
    assert all(isinstance(r, (Article, InputError)) for r in results)


def test_truncated_and_empty_feeds(tmp_path: Path) -> None:
    whole = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>One</title><description>First entry text.</description></item>"
        "<item><title>Two</title><description>Second entry text.</description></item>"
        "</channel></rss>"
    )
    cut = tmp_path / "cut.rss"
    cut.write_text(whole[: whole.index("<item><title>Two") + 20])
    results = read([cut])
    assert [r.text for r in results if isinstance(r, Article)] == ["First entry text."]
    assert errors(results)[-1].startswith(f"{cut}: malformed feed (")
    empty = tmp_path / "empty.rss"
    empty.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title></channel></rss>'
    )
    assert errors(read([empty])) == [f"{empty}: feed has no entries"]
