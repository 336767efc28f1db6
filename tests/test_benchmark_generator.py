"""The benchmark's document generator: deterministic, the right sizes, and correct.

"Correct" means that qalint reports exactly the findings the generator expects: every
injected error (at the expected line and column) and nothing on the clean documents.
No timing is asserted here; benchmarks/bench.py measures speed.
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

from qalint.app import CheckRequest, run_check

ROOT = Path(__file__).resolve().parent.parent
SEED = "3"  # 40 documents of this seed cover every kind of injected error


def _load_generator():
    spec = importlib.util.spec_from_file_location(
        "qalint_bench_generate", ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while it loads
    spec.loader.exec_module(module)
    return module


generate = _load_generator()


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _qalint_json(folder: Path) -> dict:
    stream = io.StringIO()
    code = run_check(CheckRequest(paths=(str(folder),), output_format="json"), stream)
    assert code in (0, 1), stream.getvalue()[:2000]
    return json.loads(stream.getvalue())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate.write_corpus(folder, 40, SEED, inject_errors=True, error_rate=0.5)
    return folder


def test_same_seed_gives_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate.write_corpus(again, 40, SEED, inject_errors=True, error_rate=0.5)
    assert _files(again) == _files(corpus)


def test_a_different_seed_gives_different_documents(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    generate.write_corpus(other, 40, "4", inject_errors=True, error_rate=0.5)
    first, second = _files(corpus), _files(other)
    assert first != second
    shared = set(first) & set(second) - {"expected.jsonl"}
    assert all(first[name] != second[name] for name in shared)


def test_a_document_does_not_depend_on_the_corpus_size(corpus: Path, tmp_path: Path) -> None:
    generate.write_corpus(tmp_path, 10, SEED, inject_errors=True, error_rate=0.5)
    small, large = _files(tmp_path), _files(corpus)
    assert {name: data for name, data in small.items() if name != "expected.jsonl"} == {
        name: large[name] for name in small if name != "expected.jsonl"
    }


def test_clean_documents_are_the_same_with_and_without_injected_errors() -> None:
    for index in range(12):
        dirty = generate.document(SEED, index, inject_errors=True, error_rate=0.5)
        clean = generate.document(SEED, index)
        assert (dirty.data == clean.data) == (dirty.injected is None)
        assert clean.expected == []


def test_sizes_are_2_to_40_kb(corpus: Path) -> None:
    sizes = [len(data) for name, data in _files(corpus).items() if name.endswith(".txt")]
    assert len(sizes) == 40
    assert all(2 * 1024 <= size <= 40 * 1024 for size in sizes), sorted(sizes)


def test_the_corpus_mixes_kinds_layouts_and_errors(corpus: Path) -> None:
    names = [name for name in _files(corpus) if name.endswith(".txt")]
    kinds = {name.split("-")[1] for name in names}
    assert kinds >= {"answer", "draft", "questions", "notice"}
    layouts = {name.rsplit("-", 1)[1].removesuffix(".txt") for name in names}
    assert layouts == {"pypdf", "pdftotext", "docx"}
    rows = [json.loads(line) for line in (corpus / "expected.jsonl").read_text().splitlines()]
    assert {row["injected"] for row in rows} == set(generate.ERROR_KINDS)


def test_qalint_finds_exactly_the_injected_errors(corpus: Path) -> None:
    data = _qalint_json(corpus)
    expected = generate.load_expected(corpus)
    actual = generate.actual_findings(data, corpus)
    missing, unexpected = generate.compare(expected, actual)
    assert (missing, unexpected) == ([], [])


def test_documents_without_an_injected_error_give_no_finding_at_all(corpus: Path) -> None:
    data = _qalint_json(corpus)
    dirty = {row[0] for row in generate.load_expected(corpus)}
    everything = generate.actual_findings(data, corpus, severities=("error", "warning", "info"))
    assert [row for row in everything if row[0] not in dirty] == []
    assert len(data["files"]) == 40


def test_a_clean_corpus_gives_no_finding(tmp_path: Path) -> None:
    generate.write_corpus(tmp_path, 25, "5")
    assert (tmp_path / "expected.jsonl").read_text() == ""
    data = _qalint_json(tmp_path)
    assert data["diagnostics"] == []
    assert len(data["files"]) == 25


def test_a_large_file_has_the_requested_number_of_lines(tmp_path: Path) -> None:
    path = generate.write_big(tmp_path, 3000, SEED)
    text = path.read_bytes().decode("utf-8")
    assert len(text.split("\n")) == 3000  # qalint's line model: "\n" ends a line, "\f" not
    assert generate.write_big(tmp_path / "again", 3000, SEED).read_bytes() == path.read_bytes()
    (tmp_path / "expected.jsonl").write_text("")
    assert _qalint_json(tmp_path)["diagnostics"] == []
