"""The benchmark's helpers (no timings are asserted: they depend on the machine)."""

from __future__ import annotations

from pipeline.apps.bench import (
    NER,
    VNIE,
    WORD_TOKENIZE,
    Speed,
    format_10k,
    format_report,
    synthetic_article,
)


def test_synthetic_article_concatenates_whole_articles_up_to_the_length() -> None:
    texts = ["Bài một.\nDòng hai.", "Bài hai."]
    article = synthetic_article(texts, 50)
    assert 50 - 2 <= len(article) < 50 + len(texts[0])
    assert article.startswith("Bài một.\nDòng hai.\n\nBài hai.\n\nBài một.")
    assert all(part in texts for part in article.split("\n\n"))


def test_report_gives_ratios_at_equal_process_counts() -> None:
    speeds = [
        Speed(VNIE, 1, 10, 1000, 2.0),  # 5 docs/s
        Speed(WORD_TOKENIZE, 1, 10, 1000, 1.0),  # 10 docs/s
        Speed(NER, 1, 10, 1000, 20.0),  # 0.5 docs/s
        Speed(VNIE, 2, 10, 1000, 1.0),  # 10 docs/s
        Speed(WORD_TOKENIZE, 2, 10, 1000, 0.5),  # 20 docs/s
        Speed(NER, 2, 10, 1000, 10.0),  # 1 docs/s
    ]
    report = format_report(speeds, [1.2, 0.9, 1.0])
    assert "1 process: vnie/word_tokenize 0.50x (goal >= 0.8x), vnie/ner 10.00x" in report
    assert "2 processes: vnie/word_tokenize 0.50x (goal >= 0.8x), vnie/ner 10.00x" in report
    assert "vnie 2 processes / 1 process: 2.00x" in report
    assert "median 1.00 s wall (3 runs" in report


def test_10k_summary_counts_failures_by_code() -> None:
    run = {
        "input": "feed.jsonl.gz",
        "workers": 2,
        "seconds": 100.0,
        "records": 98,
        "valid": 97,
        "chars": 250_000,
        "failures": {"E105": 1, "E112": 1},
        "peak_mb": 500.0,
    }
    summary = format_10k(run)
    assert "articles 100 in 100 s: 1.00 docs/s, 2,500 chars/s" in summary
    assert "records 98, valid 97; failures: E105: 1, E112: 1" in summary


def test_cpu_report_gives_ratios_of_cpu_seconds() -> None:
    from pipeline.apps.bench import format_cpu

    report = format_cpu({VNIE: 4.0, WORD_TOKENIZE: 2.0, NER: 40.0}, 80, [0.8, 0.9, 1.1])
    assert "CPU ratio vnie/word_tokenize: 0.50x" in report
    assert "CPU ratio vnie/ner: 10.00x" in report
    assert "median 0.90 s CPU" in report
    assert "20.00" in report  # vnie: 80 docs in 4 CPU seconds
