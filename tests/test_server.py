"""``vnie serve``: a real uvicorn server on a loopback port over a batch output of corpus/
(plus two synthetic dated articles), driven over HTTP."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline import SCHEMA_VERSION

from conftest import CORPUS, ROOT

SEED = CORPUS / "000_733452ca63a47b73.txt"
TOKEN = "s3cret-token-for-tests-0123456789"
INJECTIONS = (
    "' OR '1'='1",
    "38'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "%' UNION SELECT * FROM read_text('/etc/passwd') --",
    "_%",
    "\\'; SELECT 1; --",
)
#: Synthetic articles with datelines (corpus/ has none), for the date filters.
N_ARTICLES = len(list(CORPUS.glob("*.txt"))) + 2
DATED = [
    {
        "id": "syn_2023",
        "published": "2023-03-04",
        "text": "Xã Liên Lộc có 1.200 hộ dân\n\nNgày 2/3/2023, xã Liên Lộc, huyện Hậu Lộc, "
        "tỉnh Thanh Hóa có 1.200 hộ dân và 495 ha đất tự nhiên.",
    },
    {
        "id": "syn_2024",
        "published": "2024-06-01",
        "text": "Hậu Lộc trao thưởng\n\nNgày 1/6/2024, UBND huyện Hậu Lộc, tỉnh Thanh Hóa trao "
        "Giấy khen cho 12 cá nhân.",
    },
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def start_server(out: Path, *args: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.apps.cli", "serve", str(out), "--port", str(port), *args],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode() if proc.stderr else "server died")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    return proc, base


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.runs.batch import run_batch

    base = tmp_path_factory.mktemp("serve")
    dated = base / "dated.jsonl"
    dated.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in DATED), encoding="utf-8"
    )
    out = base / "out"
    run_batch([str(CORPUS), str(dated)], out, workers=0, progress=False, id_field="id")
    return out


@pytest.fixture(scope="session")
def server(out_dir: Path) -> Iterator[str]:
    proc, base = start_server(out_dir)
    yield base
    stop(proc)


def call(
    url: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as err:
        return err.code, err.read(), dict(err.headers)


def get(base: str, path: str, **headers: str) -> tuple[int, Any]:
    status, body, _ = call(base + path, headers=headers)
    return status, json.loads(body)


def all_pages(base: str, path: str) -> list[dict[str, Any]]:
    """Every item, following ``next`` links to the end."""
    items: list[dict[str, Any]] = []
    url: str | None = path
    pages = 0
    while url is not None:
        status, page = get(base, url)
        assert status == 200, page
        assert page["count"] == len(page["items"])
        items += page["items"]
        url = page["next"]
        pages += 1
        assert pages < 1000
    assert len(items) == page["total"]
    return items


def table(out: Path, sql: str) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(out / "vnie.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# --- the endpoints --------------------------------------------------------------------------


def test_health_version_openapi_and_docs_need_no_network(server: str) -> None:
    assert get(server, "/health") == (200, {"status": "ok", "articles": N_ARTICLES})
    status, version = get(server, "/version")
    assert status == 200 and version["batch"]["vnie"]
    assert version["schema_version"] == SCHEMA_VERSION
    status, spec = get(server, "/openapi.json")
    assert status == 200
    for path in ("/extract", "/articles", "/articles/{doc_id}", "/facts", "/places", "/awards"):
        assert path in spec["paths"]
    status, body, headers = call(server + "/docs")
    page = body.decode()
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "/facts" in page and "<script" not in page and "://" not in page


@pytest.mark.parametrize(
    ("path", "table_name"),
    [("/articles", "articles"), ("/officials", "officials"), ("/awards", "awards")],
)
def test_paging_to_the_end_gives_every_row_once_in_a_stable_order(
    server: str, out_dir: Path, path: str, table_name: str
) -> None:
    paged = all_pages(server, f"{path}?limit=4")
    assert len(paged) == table(out_dir, f"SELECT count(*) FROM {table_name}")[0][0]
    assert paged == all_pages(server, f"{path}?limit=1000")
    columns = [r[0] for r in table(out_dir, f"DESCRIBE {table_name}")]
    assert list(paged[0]) == columns


def test_facts_are_figures_with_subjects_each_once(server: str, out_dir: Path) -> None:
    facts = all_pages(server, "/facts?limit=7")
    keys = [(f["doc_id"], f["fact_id"]) for f in facts]
    assert len(keys) == len(set(keys))
    views = {r[0] for r in table(out_dir, "SELECT table_name FROM information_schema.tables")}
    source = "facts" if "facts" in views else "figures"
    assert len(facts) == table(out_dir, f"SELECT count(*) FROM {source}")[0][0]
    seed = [f for f in facts if f["doc_id"] == SEED.stem]
    assert {f["subject"] for f in seed} == {"Xã Liên Lộc"}
    assert {f["subject_province_code"] for f in seed} == {"38"}
    households = all_pages(server, "/facts?quantity=households")
    assert households and {f["quantity"] for f in households} == {"households"}


def test_facts_filter_by_place_code_and_province(server: str) -> None:
    thanh_hoa = all_pages(server, "/facts?place_code=38")
    assert thanh_hoa and all(
        "38" in (f["subject_place_code"], f["subject_province_code"]) for f in thanh_hoa
    )
    assert thanh_hoa == all_pages(server, "/facts?province=Thanh%20H%C3%B3a")
    commune = all_pages(server, "/facts?place_code=16066")
    assert commune and {f["subject_place_code"] for f in commune} == {"16066"}
    assert len(commune) < len(thanh_hoa)


def test_date_ranges(server: str) -> None:
    dated = all_pages(server, "/articles?date_from=2023-01-01&date_to=2023-12-31")
    assert [a["doc_id"] for a in dated] == ["syn_2023"]
    assert dated[0]["dateline"].startswith("2023-")
    later = all_pages(server, "/articles?date_from=2024-01-01")
    assert [a["doc_id"] for a in later] == ["syn_2024"]
    facts = all_pages(server, "/facts?date_to=2023-12-31")
    assert facts and {f["doc_id"] for f in facts} == {"syn_2023"}
    status, body = get(server, "/articles?date_from=2023-13-45")
    assert status == 400 and body["error"]["code"] == "bad_request"


def test_article_filters(server: str) -> None:
    thanh_hoa = {a["doc_id"] for a in all_pages(server, "/articles?province=38")}
    assert SEED.stem in thanh_hoa and "c05_daklak_khoi_nghiep" not in thanh_hoa
    assert thanh_hoa == {
        a["doc_id"] for a in all_pages(server, "/articles?province=thanh%20h%C3%B3a")
    }
    hau_loc = {
        a["doc_id"] for a in all_pages(server, "/articles?district=H%E1%BA%ADu%20L%E1%BB%99c")
    }
    assert SEED.stem in hau_loc and hau_loc <= thanh_hoa
    commune = {a["doc_id"] for a in all_pages(server, "/articles?commune=16066")}
    assert SEED.stem in commune and commune <= hau_loc
    awards = all_pages(server, "/articles?label=award")
    assert awards and all(a["n_award"] > 0 for a in awards)
    assert len(awards) < len(all_pages(server, "/articles"))
    titled = all_pages(server, "/articles?q=LI%C3%8AN%20L%E1%BB%98C")
    assert SEED.stem in {a["doc_id"] for a in titled}
    assert all("liên lộc" in a["title"].lower() for a in titled)


def test_places_have_counts_in_a_stable_order(server: str) -> None:
    places = all_pages(server, "/places?limit=9")
    assert places == all_pages(server, "/places?limit=1000")
    assert len({p["key"] for p in places}) == len(places)
    counts = [p["n_articles"] for p in places]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    thanh_hoa = next(p for p in places if p["code"] == "38")
    assert thanh_hoa["level"] == "province" and thanh_hoa["n_articles"] >= 2
    provinces = all_pages(server, "/places?level=province")
    assert provinces and {p["level"] for p in provinces} == {"province"}


def test_one_article_is_its_record(server: str, out_dir: Path) -> None:
    status, body, _ = call(server + f"/articles/{SEED.stem}")
    assert status == 200
    first = (out_dir / "records.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(body) == json.loads(first)
    from pipeline.apps.server_models import Record

    Record.model_validate_json(body)
    with pytest.raises(ValueError, match="extra"):
        Record.model_validate({**json.loads(body), "not_in_the_schema": 1})
    status, missing = get(server, "/articles/no-such-doc")
    assert status == 404 and missing["error"]["code"] == "not_found"
    status, _ = get(server, "/articles/..%2F..%2Fetc%2Fpasswd")
    assert status == 404


# --- extraction ---------------------------------------------------------------------------


def test_extract_is_byte_identical_to_the_cli(server: str) -> None:
    label = SEED.relative_to(ROOT).as_posix()
    cli = subprocess.run(
        [sys.executable, "-m", "pipeline.apps.cli", "extract", label],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        check=True,
    ).stdout
    status, body, headers = call(
        server + f"/extract?path={label}",
        data=SEED.read_bytes(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert body == cli
    as_json = json.dumps({"text": SEED.read_text(encoding="utf-8"), "path": label}).encode()
    status, body, _ = call(
        server + "/extract", data=as_json, headers={"Content-Type": "application/json"}
    )
    assert status == 200 and body == cli


def test_extract_keeps_the_metadata_sent(server: str) -> None:
    payload = {"text": DATED[0]["text"], "metadata": {"published": "2023-03-04", "url": "u"}}
    status, body, _ = call(
        server + "/extract",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    record = json.loads(body)
    assert status == 200 and record["metadata"] == payload["metadata"]
    assert record["source"]["path"] == "<request>" and record["validation"]["valid"]


@pytest.mark.parametrize(
    ("data", "content_type", "status", "code"),
    [
        (b"   \n ", "text/plain", 400, "empty"),
        (b'{"text": "  "}', "application/json", 400, "empty"),
        (b'{"text": ', "application/json", 400, "malformed"),
        (b'{"body": "x"}', "application/json", 400, "malformed"),
        (b'["text"]', "application/json", 400, "malformed"),
        (b"\x00\x01\x02binary\x00" * 20, "text/plain", 422, "undecodable"),
        (b"x", "image/png", 415, "unsupported_media_type"),
    ],
)
def test_extract_errors_are_json(
    server: str, data: bytes, content_type: str, status: int, code: str
) -> None:
    got, body, _ = call(server + "/extract", data=data, headers={"Content-Type": content_type})
    assert (got, json.loads(body)["error"]["code"]) == (status, code)


def test_extract_limits_the_article_and_the_body(out_dir: Path) -> None:
    proc, base = start_server(out_dir, "--max-chars", "100")
    try:
        status, body, _ = call(
            base + "/extract",
            data=("Xã An Bình " * 20).encode(),
            headers={"Content-Type": "text/plain"},
        )
        assert (status, json.loads(body)["error"]["code"]) == (413, "too_large")
        # A body over the limit is refused from its Content-Length, before it is read.
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                b"Content-Length: 2000000\r\n\r\n"
            )
            reply = b""
            while chunk := sock.recv(4096):
                reply += chunk
                if b"}}" in reply:
                    break
        assert reply.startswith(b"HTTP/1.1 413") and b'"too_large"' in reply
    finally:
        stop(proc)


def test_extract_does_not_block_other_requests(server: str) -> None:
    import threading

    long_text = "Ngày 2/3/2023, UBND xã Liên Lộc, huyện Hậu Lộc trao quà cho 12 hộ dân. " * 300
    done: list[int] = []

    def post() -> None:
        done.append(
            call(
                server + "/extract", data=long_text.encode(), headers={"Content-Type": "text/plain"}
            )[0]
        )

    worker = threading.Thread(target=post)
    worker.start()
    health_while_extracting = get(server, "/health")[0]
    worker.join(120)
    assert health_while_extracting == 200 and done == [200]


# --- security -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_in_every_filter_are_plain_values(server: str, value: str) -> None:
    from urllib.parse import quote

    filters = {
        "/articles": ("province", "district", "commune", "label", "date_from", "date_to", "q"),
        "/facts": ("quantity", "place_code", "province", "date_from", "date_to", "doc_id"),
        "/officials": ("doc_id", "q"),
        "/places": ("level", "status", "province"),
        "/awards": ("doc_id", "kind"),
    }
    for path, names in filters.items():
        for name in names:
            status, body = get(server, f"{path}?{name}={quote(value)}")
            if status == 400:  # dates and labels are checked
                assert name in ("label", "date_from", "date_to"), (path, name, body)
                assert body["error"]["code"] == "bad_request"
            else:
                assert status == 200, (path, name, body)
                assert body["items"] == [], (path, name)
    assert get(server, "/health")[1]["articles"] == N_ARTICLES
    status, _ = get(server, f"/articles/{quote(value, safe='')}")
    assert status == 404


def test_bad_paging_and_unknown_routes_are_json_errors(server: str) -> None:
    for path in ("/facts?limit=0", "/facts?limit=100000", "/facts?offset=-1", "/facts?limit=x"):
        status, body = get(server, path)
        assert (status, body["error"]["code"]) == (400, "bad_request"), path
    status, body = get(server, "/nothing-here")
    assert (status, body["error"]["code"]) == (404, "not_found")


def test_too_many_headers_are_refused(server: str) -> None:
    headers = {f"X-Filler-{i}": "x" for i in range(80)}
    status, body, _ = call(server + "/health", headers=headers)
    assert (status, json.loads(body)["error"]["code"]) == (431, "headers_too_large")
    status, body, _ = call(server + "/health", headers={"X-Big": "x" * 40_000})
    assert (status, json.loads(body)["error"]["code"]) == (431, "headers_too_large")


def test_a_non_loopback_host_needs_a_token_file(out_dir: Path) -> None:
    refused = subprocess.run(
        [sys.executable, "-m", "pipeline.apps.cli", "serve", str(out_dir), "--host", "0.0.0.0"],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "--token-file" in refused.stderr


def test_the_token_is_required_when_given(out_dir: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    proc, base = start_server(out_dir, "--token-file", str(token_file))
    try:
        assert get(base, "/health")[0] == 401
        assert get(base, "/facts", Authorization="Bearer wrong")[0] == 401
        assert get(base, "/facts", Authorization=TOKEN)[0] == 401
        status, body = get(base, "/facts?limit=1", Authorization=f"Bearer {TOKEN}")
        assert status == 200 and body["count"] == 1
    finally:
        stop(proc)


def test_rows_match_the_models_and_the_models_match_the_schema(server: str) -> None:
    from pipeline.apps import server_models as models

    schema = json.loads((ROOT / "pipeline/schema/article.schema.json").read_text("utf-8"))
    for where, model in models.SCHEMA_PARTS.items():
        part: dict[str, Any] = schema
        for key in where.split(".") if where else []:
            part = part[key]
        fields = {f.alias or name for name, f in model.model_fields.items()}
        required = {f.alias or name for name, f in model.model_fields.items() if f.is_required()}
        assert fields == set(part["properties"]), where
        assert required == set(part.get("required", [])), where
    for path, model in (
        ("/articles", models.ArticleRow),
        ("/facts", models.FactRow),
        ("/officials", models.OfficialRow),
        ("/places", models.PlaceRow),
        ("/awards", models.AwardRow),
    ):
        for item in all_pages(server, path):
            assert set(item) == set(model.model_fields), path
            model.model_validate(item)


def test_facts_come_from_the_facts_view_when_the_database_has_one(
    out_dir: Path, tmp_path: Path
) -> None:
    import shutil

    import duckdb

    from pipeline.apps.server_queries import FACT_COLUMNS, Store

    shutil.copy(out_dir / "vnie.duckdb", tmp_path / "vnie.duckdb")
    con = duckdb.connect(str(tmp_path / "vnie.duckdb"))
    con.execute(
        "CREATE OR REPLACE VIEW facts AS SELECT doc_id, 'f' || mention_id AS fact_id, "
        "quantity, value, unit, subject_text AS subject FROM figures "
        "WHERE quantity = 'households'"
    )
    con.close()
    store = Store(tmp_path)
    try:
        assert store.facts_from_view
        page = store.page(store.facts(), 1000, 0)
        assert page.total == len(page.items) > 0
        assert all(list(item) == list(FACT_COLUMNS) for item in page.items)
        assert {item["fact_id"][0] for item in page.items} == {"f"}
        assert {item["subject_label"] for item in page.items} == {None}
        assert store.page(store.facts(quantity="area"), 10, 0).total == 0
    finally:
        store.close()


def test_the_cli_imports_no_web_stack_until_serve() -> None:
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, pipeline.apps.cli; "
            "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))",
        ],
        cwd=ROOT,
        env=env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "[]"


def test_a_long_query_can_be_interrupted(out_dir: Path) -> None:
    import threading

    import duckdb

    from pipeline.apps.server_queries import Store

    store = Store(out_dir)
    outcome: list[BaseException] = []

    def long_query() -> None:
        try:
            store.rows("SELECT count(*) FROM range(10000000000000) a, range(1000) b")
        except duckdb.Error as err:
            outcome.append(err)

    worker = threading.Thread(target=long_query)
    worker.start()
    for _ in range(100):
        if store._active:
            break
        time.sleep(0.05)
    time.sleep(0.2)
    store.interrupt(next(iter(store._active)))
    worker.join(30)
    store.close()
    assert not worker.is_alive() and outcome and "interrupt" in str(outcome[0]).lower()
