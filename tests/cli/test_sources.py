"""Where an article's sources come from: reference list < --sources-dir < --source.

The reference list is resolved by the library (`citecheck.sources.references`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.cli import sourcing
from citecheck.errors import InvalidInputError, InvalidOptionsError
from citecheck.parse import Reference
from citecheck.sources.references import merge_sources, sources_from_references


def ref(source_id: str, target: str | None = None, url: str | None = None) -> Reference:
    return Reference(id=source_id, text="entry", start=0, end=5, url=url, target=target)


def test_reference_targets_become_paths_relative_to_the_article_or_urls(tmp_path: Path) -> None:
    refs = {
        "1": ref("1", target="sources/one.txt"),
        "2": ref("2", target="https://example.org/report", url="https://example.org/report"),
        "note": ref("note", url="http://example.com/x"),
        "3": ref("3"),  # names nothing loadable: left to the other places (or unknown_source)
        "4": ref("4", target="mailto:desk@example.org"),
        "5": ref("5", target="doi:10.1000/xyz123"),
    }
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "one.txt").write_text("One.", encoding="utf-8")
    found, errors = sources_from_references(refs, tmp_path, root=tmp_path)
    assert found == {
        "1": (tmp_path / "sources" / "one.txt").resolve(),  # confined: the real path
        "2": "https://example.org/report",
        "note": "http://example.com/x",
        "5": "https://doi.org/10.1000/xyz123",
    }
    assert list(errors) == ["4"]
    assert errors["4"].startswith("reference [4]: ")
    assert "mailto:desk@example.org" in errors["4"]


def test_later_places_win_and_ids_sort_numerically(tmp_path: Path) -> None:
    merged = merge_sources(
        {"1": "https://a.example", "10": tmp_path / "r10.txt", "2": tmp_path / "r2.txt"},
        {"2": tmp_path / "dir2.txt"},
        {"1": tmp_path / "flag1.txt"},
    )
    assert list(merged) == ["1", "2", "10"]
    assert merged["1"] == tmp_path / "flag1.txt"
    assert merged["2"] == tmp_path / "dir2.txt"
    assert merged["10"] == tmp_path / "r10.txt"


def test_sources_dir_names_files_by_id(tmp_path: Path) -> None:
    for name in ("1.txt", "2.html", "note.md", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert sourcing.sources_in_directory(tmp_path) == {
        "1": tmp_path / "1.txt",
        "2": tmp_path / "2.html",
        "note": tmp_path / "note.md",
    }
    (tmp_path / "1.pdf").write_bytes(b"%PDF")
    with pytest.raises(InvalidInputError, match="two files for source '1'"):
        sourcing.sources_in_directory(tmp_path)


def test_source_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert sourcing.parse_source_flag("1=a.txt") == ("1", Path("a.txt"))
    assert sourcing.parse_source_flag("^note=HTTPS://x.org/a=b") == ("note", "HTTPS://x.org/a=b")
    assert sourcing.parse_source_flag("d=doi:10.1000/x") == ("d", "https://doi.org/10.1000/x")
    with pytest.raises(InvalidOptionsError, match="ID=PATH_OR_URL"):
        sourcing.parse_source_flag("a.txt")
    with pytest.raises(InvalidOptionsError, match="only http"):
        sourcing.parse_source_flag("1=ftp://example.org/a.txt")
    with pytest.raises(InvalidInputError, match="no such file"):
        sourcing.parse_source_flag("1=b.txt")
