"""`citecheck check ARCHIVE/` as a newsroom runs it: jsonl audit, Ctrl-C, --resume, Dask.

The interrupted runs are real subprocesses sent a real SIGINT; `--dask ADDRESS`
connects to the session's LocalCluster as it would to a cluster of its own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.support import invoke

from .conftest import DaskCluster
from .support import Archive, build_archive

EXE = Path(sys.executable).with_name("citecheck")
BIG = 240  # articles: enough that an interrupt lands mid-run


def lines_of(path: Path) -> list[dict[str, object]]:
    raw = path.read_bytes()
    assert raw.endswith(b"\n")  # whole lines only
    return [json.loads(line) for line in raw.split(b"\n")[:-1]]


def reports_by_article(path: Path) -> dict[str, str]:
    """Article -> its report exactly as written (the raw JSON text of the line's report)."""
    out: dict[str, str] = {}
    for line in path.read_bytes().split(b"\n")[:-1]:
        head, _, report = line.decode("utf-8").partition(',"report":')
        article = json.loads(head + "}")["article"]
        assert article not in out, f"{article} written twice"
        out[article] = report[:-1]
    return out


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build_archive(tmp_path_factory.mktemp("big"), articles=BIG, seed=7)


@pytest.fixture(scope="module")
def serial_audit(big: Archive) -> dict[str, str]:
    """The reports of a serial run, as jsonl lines give them."""
    before = Path.cwd()
    os.chdir(big.root)
    try:
        run = invoke("check", "articles", "--output-format", "jsonl", "-o", "serial.jsonl")
    finally:
        os.chdir(before)
    assert run.exit_code == 1, run.stderr
    return reports_by_article(big.root / "serial.jsonl")


def test_jsonl_lines_hold_the_serial_reports(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive.root)
    serial = invoke("check", "articles", "--output-format", "jsonl", "-o", "one.jsonl")
    parallel = invoke("check", "articles", "--output-format", "jsonl", "-o", "two.jsonl", "-j", "2")
    assert serial.exit_code == parallel.exit_code == 1
    one, two = (
        reports_by_article(archive.root / "one.jsonl"),
        reports_by_article(archive.root / "two.jsonl"),
    )
    assert one == two
    assert sorted(one) == [f"articles/{p.name}" for p in archive.articles]
    records = lines_of(archive.root / "two.jsonl")
    assert {tuple(r) for r in records} == {("article", "hash", "report")}
    report = json.loads(one["articles/story-000.md"])
    assert report["article"] == "articles/story-000.md"
    stdout = invoke("check", "articles", "--output-format", "jsonl")
    assert stdout.stdout.encode() == (archive.root / "one.jsonl").read_bytes()


def _interrupted_run(
    root: Path, *extra: str, group: bool = False
) -> subprocess.CompletedProcess[str]:
    """Start an audit, wait for its first lines, press Ctrl-C: SIGINT to the process, or
    (`group`) to its whole process group, as a terminal sends it."""
    audit = root / "audit.jsonl"
    audit.unlink(missing_ok=True)
    args = [str(EXE), "check", "articles", "--output-format", "jsonl", "-o", str(audit), *extra]
    process = subprocess.Popen(
        args,
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=group,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if audit.exists() and audit.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.02)
    if group:
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(args, process.returncode, out, err)


def _check_resumed(big: Archive, serial_audit: dict[str, str], *extra: str) -> None:
    stopped = _interrupted_run(big.root, *extra)
    assert stopped.returncode == 130, stopped.stderr
    assert "Traceback" not in stopped.stderr, stopped.stderr
    said = [line for line in stopped.stderr.splitlines() if line.strip()]
    assert len(said) == 1, stopped.stderr
    assert said[0].startswith("citecheck: interrupted: stopped by Ctrl-C;")
    assert "--resume" in said[0]
    audit = big.root / "audit.jsonl"
    partial = lines_of(audit)  # whole, valid lines only
    assert 3 <= len(partial) < BIG
    before = audit.read_bytes()
    resumed = subprocess.run(
        [str(EXE), "check", "articles", "--resume", "audit.jsonl", *extra],
        cwd=big.root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert resumed.returncode == 1, resumed.stderr  # the archive has findings
    final = reports_by_article(audit)
    assert final == serial_audit  # every article once, byte-identical to a serial run
    assert audit.read_bytes().startswith(before)  # appended to, never rewritten


def test_ctrl_c_then_resume_with_worker_processes(
    big: Archive, serial_audit: dict[str, str]
) -> None:
    _check_resumed(big, serial_audit, "--jobs", "2")


def test_ctrl_c_then_resume_on_a_dask_cluster(
    big: Archive, serial_audit: dict[str, str], dask_cluster: DaskCluster
) -> None:
    _check_resumed(big, serial_audit, "--dask", dask_cluster.address)


def test_ctrl_c_from_a_terminal_stops_a_local_dask_cluster_in_one_line(big: Archive) -> None:
    stopped = _interrupted_run(big.root, "--dask", "local", "--jobs", "2", group=True)
    assert stopped.returncode == 130, stopped.stderr
    said = [line for line in stopped.stderr.splitlines() if line.strip()]
    assert len(said) == 1, stopped.stderr  # workers ignore it; Dask's shutdown is quiet
    assert said[0].startswith("citecheck: interrupted: stopped by Ctrl-C;")
    assert 3 <= len(lines_of(big.root / "audit.jsonl")) < BIG


def test_resume_cuts_a_partial_last_line_and_redoes_that_article(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive.root)
    full = invoke("check", "articles", "--output-format", "jsonl", "-o", "full.jsonl")
    assert full.exit_code == 1
    lines = (archive.root / "full.jsonl").read_bytes().split(b"\n")[:-1]
    crashed = archive.root / "crashed.jsonl"
    crashed.write_bytes(b"\n".join(lines[:5]) + b"\n" + lines[5][:40])  # killed mid-line
    resumed = invoke("check", "articles", "--resume", "crashed.jsonl")
    assert resumed.exit_code == 1
    assert "removed a partial last line (40 bytes)" in resumed.stderr
    assert reports_by_article(crashed) == reports_by_article(archive.root / "full.jsonl")
    again = invoke("check", "articles", "--resume", "crashed.jsonl")  # nothing left to do
    assert again.exit_code == 1  # the findings already in the file still count
    assert len(lines_of(crashed)) == len(archive.articles)


def test_resume_refuses_what_it_cannot_continue(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive.root)
    (archive.root / "junk.jsonl").write_text('{"article": "x"}\n', encoding="utf-8")
    for args, fragment in [
        (["--resume", "junk.jsonl"], "junk.jsonl: line 1: not a citecheck audit line"),
        (["--resume", "a.jsonl", "--output-format", "sarif"], "cannot be combined"),
        (["--resume", "a.jsonl", "-o", "b.jsonl"], "differs"),
        (["--resume", "a.jsonl", "--write-baseline", "b.json"], "without --resume"),
    ]:
        run = invoke("check", "articles", *args)
        assert run.exit_code == 2
        said = [line for line in run.stderr.splitlines() if line.strip()]
        assert len(said) == 1, run.stderr
        assert fragment in said[0]


def test_without_dask_installed_dask_exits_2_saying_what_to_install(
    archive: Archive, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker" / "distributed"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(
        "raise ImportError('No module named distributed', name='distributed')\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(blocker.parent)}
    done = subprocess.run(
        [str(EXE), "check", "articles", "--dask", "local"],
        cwd=archive.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert "--dask needs Dask" in done.stderr
    assert "install it with: pip install 'citecheck-news[dask]'" in done.stderr
    config = archive.root / "citecheck.toml"
    config.write_text('dask = "local"\n', encoding="utf-8")
    try:
        done = subprocess.run(
            [str(EXE), "check", "articles"],
            cwd=archive.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        config.unlink()
    assert done.returncode == 2  # the configuration asked for Dask
    assert "citecheck-news[dask]" in done.stderr


def test_dask_address_that_does_not_answer_is_one_line(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive.root)
    monkeypatch.setattr("citecheck.cluster.CONNECT_TIMEOUT", 2)
    run = invoke("check", "articles", "--dask", "tcp://127.0.0.1:9")
    assert run.exit_code == 2
    said = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(said) == 1, run.stderr
    assert "--dask tcp://127.0.0.1:9: cannot connect" in said[0]


def test_bad_dask_setting_in_the_configuration(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive.root)
    (archive.root / "citecheck.toml").write_text("dask = 3\n", encoding="utf-8")
    try:
        run = invoke("check", "articles")
    finally:
        (archive.root / "citecheck.toml").unlink()
    assert run.exit_code == 2
    assert "dask must be a scheduler address" in run.stderr


def test_html_for_an_archive_is_the_summary_page(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive.root)
    run = invoke("check", "articles", "--output-format", "html", "-o", "audit.html", "-j", "2")
    assert run.exit_code == 1
    page = (archive.root / "audit.html").read_text(encoding="utf-8")
    assert f"Citation audit of {len(archive.articles)} articles" in page
    assert page.count('<article class="report') == len(archive.articles)
