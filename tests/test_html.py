"""HTML → article text: what is kept, dropped and decoded, and the page metadata."""

from __future__ import annotations

import pytest

from pipeline.errors import BinaryInputError, DecodeError, EmptyInputError
from pipeline.text.html import decode_html, html_to_text, read_html

PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Tiêu đề trong thẻ title | Báo Mẫu</title>
<meta property="og:url" content="https://bao.example/bai-1.html">
<meta property="article:published_time" content="2022-08-12T08:00:00+07:00">
<meta property="og:site_name" content="Báo Mẫu">
<link rel="canonical" href="https://bao.example/canonical/bai-1.html">
<style>p { color: red }</style>
<script>var s = "<p>không phải văn bản</p>";</script>
</head>
<body>
<header class="site"><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a></header>
<nav><ul><li>Kinh tế<li>Xã hội</ul></nav>
<main><article>
<header><h1>Ngày hội   đại đoàn kết ở xã Liên Lộc</h1></header>
<p>Sáng 12/8, UBND xã&nbsp;Liên Lộc &amp; Mặt trận tổ chức
ngày hội với <b>1.200 hộ</b> dân tham gia.</p>
<p>Ông Lý Bách Chiến phát biểu.<br>Các hộ nhận quà.</p>
<table><tr><td>Thôn 1</td><td>300 hộ</td></tr><tr><td>Thôn 2</td><td>250 hộ</td></tr></table>
<figure><img src="a.jpg" alt="ảnh"><figcaption>Quang cảnh ngày hội.</figcaption></figure>
<aside>Tin liên quan: bài khác</aside>
<noscript>Bật JavaScript</noscript>
</article></main>
<footer>Bản quyền thuộc Báo Mẫu</footer>
</body></html>
"""


def test_visible_text_one_block_per_line():
    doc = html_to_text(PAGE)
    assert doc.text.split("\n") == [
        "Ngày hội đại đoàn kết ở xã Liên Lộc",
        "Sáng 12/8, UBND xã Liên Lộc & Mặt trận tổ chức ngày hội với 1.200 hộ dân tham gia.",
        "Ông Lý Bách Chiến phát biểu.",
        "Các hộ nhận quà.",
        "Thôn 1 300 hộ",
        "Thôn 2 250 hộ",
        "Quang cảnh ngày hội.",
    ]


def test_chrome_scripts_and_head_are_dropped():
    text = html_to_text(PAGE).text
    for dropped in (
        "Trang chủ",
        "Kinh tế",
        "Bản quyền",
        "không phải",
        "color",
        "Tin liên quan",
        "JavaScript",
        "thẻ title",
    ):
        assert dropped not in text


def test_metadata_prefers_canonical_link():
    meta = html_to_text(PAGE).metadata
    assert meta == {
        "url": "https://bao.example/canonical/bai-1.html",
        "published": "2022-08-12T08:00:00+07:00",
        "source": "Báo Mẫu",
    }


def test_header_outside_article_is_chrome_but_inside_is_kept():
    doc = html_to_text(
        "<header>Menu</header><article><header><h1>Tít</h1></header><p>Thân bài.</p></article>"
    )
    assert doc.text == "Tít\nThân bài."


def test_entities_and_numeric_references_are_decoded():
    assert html_to_text("<p>A &amp; B &#7889; &#x1EA1; &lt;x&gt;</p>").text == "A & B ố ạ <x>"


def test_unclosed_head_ends_at_body():
    assert html_to_text("<html><head><title>T</title><body><p>Nội dung</p>").text == "Nội dung"


def test_pre_keeps_inner_spacing():
    assert html_to_text("<pre>a   b\nc</pre>").text == "a   b\nc"


def test_declared_legacy_charset_is_used():
    # cp1258 writes "ĩ" as "i" + a combining tilde; the text keeps that decomposed form.
    markup = '<meta charset="windows-1258"><p>Hà Ti\u0303nh</p>'
    data = markup.encode("cp1258")
    assert html_to_text(decode_html(data)).text == "Hà Ti\u0303nh"


def test_undecodable_declared_charset_is_an_input_error():
    with pytest.raises(DecodeError):
        decode_html(b'<meta charset="us-ascii"><p>caf\xe9</p>', path="p.html")


def test_page_without_text_is_empty_input():
    with pytest.raises(EmptyInputError):
        read_html(
            b"<html><head><title>Only a title</title></head><body><nav>x</nav></body>",
            path="p.html",
        )


def test_binary_bytes_are_rejected():
    with pytest.raises(BinaryInputError):
        read_html(b"\x00\x01\x02\x03" * 50, path="p.html")
