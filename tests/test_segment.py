"""The light underthesea loader (pipeline.text.segment) segments exactly like underthesea."""

from __future__ import annotations

import subprocess
import sys

import underthesea
from hypothesis import given
from hypothesis import strategies as st

from pipeline.text.segment import _Light, underthesea_dir

# Synthetic sentences written for this test.
SAMPLES = [
    "Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn Minh đã ký quyết định số 12/QĐ-UBND ngày 3/4/2023.",
    "Bác sĩ bây giờ có thể thản nhiên báo tin bệnh nhân bị ung thư. Ông về Huế ngày 2/9!",
    "Giá vàng SJC tăng 1.200.000 đồng/lượng, lên 76,5 triệu đồng... TP.HCM có mưa?",
    "  khoảng trắng  đầu cuối   ",
    "Ủy ban nhân dân xã Tân Lập (huyện Đan Phượng) trao 15 suất quà – mỗi suất 500.000đ.",
]


def _light() -> _Light:
    root = underthesea_dir()
    assert root is not None
    return _Light(root)


def test_light_segmenter_matches_underthesea() -> None:
    light = _light()
    for text in SAMPLES:
        assert light.word_tokenize(text) == underthesea.word_tokenize(
            text, use_token_normalize=False
        )
        assert light.sent_tokenize(text) == underthesea.sent_tokenize(text)


@given(st.lists(st.sampled_from([*" .,", "Hà", "Nội", "ông", "bà", "1.000", "A", "xã", "ủy"])))
def test_light_segmenter_matches_underthesea_on_mixtures(parts: list[str]) -> None:
    text = " ".join(parts)
    assert _LIGHT.word_tokenize(text) == underthesea.word_tokenize(text, use_token_normalize=False)


_LIGHT = _light()


def test_extract_does_not_import_unused_libraries() -> None:
    """One article through the API loads neither underthesea's package (its other models)
    nor table, plotting, cluster or numeric libraries."""
    code = (
        "import sys\n"
        "from pipeline.api import extract_text\n"
        "record = extract_text('Ngày 2/9, ông Nguyễn Văn An về xã Tân Lập.\\n')\n"
        "assert record['mentions'], record\n"
        "from pipeline.text.segment import dictionary_words\n"
        "assert len(dictionary_words()) > 10000  # read without the package import\n"
        "heavy = ['underthesea', 'joblib', 'numpy', 'pandas', 'pyarrow', 'duckdb', 'dask',\n"
        "         'plotly', 'matplotlib', 'fastapi', 'jsonschema', 'spacy']\n"
        "print(' '.join(name for name in heavy if name in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == ""


def test_light_tokens_are_underthesea_tokens() -> None:
    """The regex tokens (whole matches) are those of underthesea's ``tokenize``."""
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    for text in SAMPLES:
        tokens = [m.group() for m in _LIGHT._tokens(_LIGHT._normalize(text))]
        assert tokens == tokenize(text, use_token_normalize=False)


def test_data_files_are_read_as_plain_values_only(tmp_path) -> None:
    """A pickle that names a class or function is refused, never executed."""
    import pickle

    import pytest

    from pipeline.text.segment import read_underthesea_data

    plain = tmp_path / "plain.bin"
    plain.write_bytes(pickle.dumps({"character": {"a": "b"}, "words": {"hà nội"}}))
    assert read_underthesea_data(plain) == {"character": {"a": "b"}, "words": {"hà nội"}}
    hostile = tmp_path / "hostile.bin"
    hostile.write_bytes(pickle.dumps(print))
    with pytest.raises(pickle.UnpicklingError):
        read_underthesea_data(hostile)
