"""The source root: an untrusted article can only name files inside it as sources.

A scratch git repository holds a `.git/config` with a fake token (and a `.env`,
a secret outside the repository, and links to them); every way of naming them
is refused, and the token never shows in a returned path's text nor in a message.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck import SourceError, load_source
from citecheck.sources.confine import (
    SourceRoot,
    confine,
    confine_symlinks_in,
    confine_to_directory,
    find_root,
)
from citecheck.sources.files import SUFFIX_KINDS

TOKEN = "ghp_FAKEtoken0123456789abcdefABCDEF0000"
symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")


def make_repository(base: Path) -> Path:
    """A git work tree with an article, its sources, secrets and hostile links."""
    repo = base / "repo"
    repo.mkdir()
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(repo)], check=True, timeout=30)
    else:  # the policy only looks for the .git folder
        (repo / ".git").mkdir()
    with (repo / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write(f'[http]\n\textraheader = "AUTHORIZATION: bearer {TOKEN}"\n')
    (repo / ".env").write_text(f"TOKEN={TOKEN}\n", encoding="utf-8")
    (repo / ".github").mkdir()
    (repo / ".github" / "notes.txt").write_text(f"hidden {TOKEN}\n", encoding="utf-8")
    articles = repo / "articles"
    articles.mkdir()
    (articles / "article.md").write_text("The ILO met [1].\n", encoding="utf-8")
    (articles / "notes.txt").write_text("The ILO met on Friday.\n", encoding="utf-8")
    (articles / "100% sure.txt").write_text("Percent in a name.\n", encoding="utf-8")
    sources = repo / "sources"
    sources.mkdir()
    (sources / "1.txt").write_text("The ILO met in Geneva.\n", encoding="utf-8")
    (sources / "2.html").write_text("<p>The ILO met.</p>", encoding="utf-8")
    (sources / "config.yaml").write_text(f"token: {TOKEN}\n", encoding="utf-8")
    (sources / "folder.txt").mkdir()
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"outside {TOKEN}\n", encoding="utf-8")
    if sys.platform != "win32":
        (articles / "link-out.txt").symlink_to(outside / "secret.txt")
        (articles / "link-config.txt").symlink_to(repo / ".git" / "config")
        (articles / "link-env.txt").symlink_to("../.env")
        (articles / "link-yaml.txt").symlink_to("../sources/config.yaml")
        (articles / "docs").symlink_to(repo / ".git")
        (articles / "up").symlink_to(base)
        (articles / "ok-link.txt").symlink_to("../sources/1.txt")
        (articles / "loop.txt").symlink_to("loop.txt")
        (articles / "dangling.txt").symlink_to("nowhere.txt")
        (articles / "zero.txt").symlink_to("/dev/zero")
        os.mkfifo(articles / "pipe.txt")
    return repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repository(tmp_path)


def no_token(text: str) -> None:
    assert TOKEN not in text
    assert "FAKEtoken" not in text


ATTACKS = [
    "../.git/config",
    ".git/config",
    "../.git/config.txt",
    "../.env",
    "../.github/notes.txt",
    "./../.git/config",
    "..\\.git\\config",
    "..\\.env",
    "%2e%2e/.git/config",
    "%2E%2E%2F.git%2Fconfig",
    "..%2f.env",
    "%252e%252e/.git/config",
    "%2e%2e%5c.env",
    "../../outside/secret.txt",
    "../../../../../../../../etc/passwd",
    "../../../../../../../../etc/hostname.txt",
    "/etc/passwd",
    "/etc/hostname.txt",
    "//server/share/x.txt",
    "\\\\server\\share\\x.txt",
    "C:\\Windows\\win.ini",
    "C:notes.txt",
    "~/.ssh/id_rsa",
    "~root/notes.txt",
    "~",
    "file:///etc/passwd",
    "FILE://localhost/etc/hostname.txt",
    "file:../.git/config",
    "http:../.env",
    "../sources/config.yaml",
    "../sources/folder.txt",
    "notes.txt\x00.pdf",
    "notes%00.txt",
    "no\ntes.txt",
    "<../.git/config>",
    "",
    "   ",
    "..",
    ".",
    "../",
    "sources/",
]
LINK_ATTACKS = [
    "link-out.txt",
    "link-config.txt",
    "link-env.txt",
    "link-yaml.txt",
    "docs/config",
    "docs/config.txt",
    "up/outside/secret.txt",
    "up/repo/.git/config",
    "loop.txt",
    "dangling.txt",
    "zero.txt",
    "pipe.txt",
]


@pytest.mark.parametrize("target", ATTACKS)
def test_attack_paths_are_refused_without_leaking(repo: Path, target: str) -> None:
    with pytest.raises(SourceError) as caught:
        confine(target, repo / "articles", repo)
    message = str(caught.value)
    no_token(message)
    assert message  # says why


@symlinks
@pytest.mark.parametrize("target", LINK_ATTACKS)
def test_links_out_of_bounds_are_refused_without_leaking(repo: Path, target: str) -> None:
    with pytest.raises(SourceError) as caught:
        confine(target, repo / "articles", repo)
    message = str(caught.value)
    no_token(message)
    assert str(repo.parent / "outside") not in message  # where a link leads is not shown


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("/etc/passwd", "absolute paths are not allowed"),
        ("C:\\Windows\\win.ini", "absolute paths are not allowed"),
        ("~/.ssh/id_rsa", "home folders"),
        ("file:///etc/passwd", "file: URLs are not allowed"),
        ("../.git/config", "hidden file or folder ('.git')"),
        ("%2e%2e/.env", "hidden file or folder ('.env')"),
        ("%252e%252e/notes.txt", "percent-encoded twice"),
        ("../../outside/secret.txt", "'..' leads outside the source root"),
        ("..\\..\\outside\\secret.txt", "'..' leads outside the source root"),
        ("../sources/config.yaml", "not a source file type"),
        ("../sources/folder.txt", "not a regular file"),
        ("missing.txt", "no such file: 'missing.txt'"),
        ("notes.txt\x00.pdf", "control characters"),
        ("mailto:x@example.org", "mailto: is not a file path"),
    ],
)
def test_refusals_say_why_in_plain_words(repo: Path, target: str, reason: str) -> None:
    with pytest.raises(SourceError) as caught:
        confine(target, repo / "articles", repo)
    assert reason in str(caught.value)


@symlinks
@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("link-out.txt", "a link to a file outside the source root"),
        ("link-config.txt", "hidden file or folder ('.git')"),
        ("link-env.txt", "hidden file or folder ('.env')"),
        ("link-yaml.txt", "a link to a file that is not a source file type"),
        ("docs/config.txt", "hidden file or folder ('.git')"),
        ("zero.txt", "a link to a file outside the source root"),
        ("pipe.txt", "not a regular file"),
    ],
)
def test_link_refusals_say_why(repo: Path, target: str, reason: str) -> None:
    with pytest.raises(SourceError) as caught:
        confine(target, repo / "articles", repo)
    assert reason in str(caught.value)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("notes.txt", "articles/notes.txt"),
        ("./notes.txt", "articles/notes.txt"),
        ("../sources/1.txt", "sources/1.txt"),
        ("..\\sources\\2.html", "sources/2.html"),
        ("<../sources/1.txt>", "sources/1.txt"),
        ("%2e%2e/sources/1.txt", "sources/1.txt"),
        ("100%25 sure.txt", "articles/100% sure.txt"),
        ("100% sure.txt", "articles/100% sure.txt"),
        ("../articles/../sources/1.txt", "sources/1.txt"),
        ("  notes.txt  ", "articles/notes.txt"),
    ],
)
def test_paths_inside_the_root_are_allowed(repo: Path, target: str, expected: str) -> None:
    found = confine(target, repo / "articles", repo)
    assert found == (repo / expected).resolve()
    assert found.is_file()
    no_token(found.read_text(encoding="utf-8"))


@symlinks
def test_a_link_inside_the_root_is_followed_to_its_real_path(repo: Path) -> None:
    found = confine("ok-link.txt", repo / "articles", repo)
    assert found == (repo / "sources" / "1.txt").resolve()
    assert load_source(found).text == "The ILO met in Geneva.\n"


def test_a_root_given_through_a_link_is_the_same_root(repo: Path, tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("symbolic links need privileges")
    alias = tmp_path / "alias"
    alias.symlink_to(repo)
    found = SourceRoot(alias).confine("../sources/1.txt", alias / "articles")
    assert found == (repo / "sources" / "1.txt").resolve()


def test_an_article_outside_the_root_cannot_name_files(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"the article's folder is outside the source root"):
        confine("secret.txt", tmp_path / "outside", repo)


def test_every_source_suffix_is_allowed_and_nothing_else(repo: Path) -> None:
    for suffix in SUFFIX_KINDS:
        (repo / "sources" / f"x{suffix.upper()}").write_text("Text.", encoding="utf-8")
        assert confine(f"../sources/x{suffix.upper()}", repo / "articles", repo).is_file()
    for suffix in (".yaml", ".json", ".py", ".key", ".txt~", ".txt.bak", "", ".txt::$DATA"):
        (repo / "sources" / f"y{suffix}").write_text("Text.", encoding="utf-8")
        with pytest.raises(SourceError, match="not a source file type"):
            confine(f"../sources/y{suffix}", repo / "articles", repo)


# --- the default root ---------------------------------------------------------------------


def test_find_root_is_the_git_work_tree(repo: Path, tmp_path: Path) -> None:
    assert find_root(repo / "articles" / "article.md") == repo.resolve()
    assert find_root(repo / "articles") == repo.resolve()
    assert find_root(repo) == repo.resolve()


def test_find_root_knows_a_worktree_by_its_git_file(tmp_path: Path) -> None:
    tree = tmp_path / "worktree"
    (tree / "deep" / "er").mkdir(parents=True)
    (tree / ".git").write_text("gitdir: /somewhere/else\n", encoding="utf-8")
    assert find_root(tree / "deep" / "er" / "a.md") == tree.resolve()


def test_find_root_falls_back(tmp_path: Path) -> None:
    lone = tmp_path / "lone"
    lone.mkdir()
    if any((folder / ".git").exists() for folder in (lone, *lone.parents)):
        pytest.skip("the temporary folder is inside a git work tree")
    assert find_root(lone / "a.md", fallback=tmp_path) == tmp_path.resolve()
    assert find_root(lone / "a.md") == Path.cwd().resolve()


# --- --sources-dir ------------------------------------------------------------------------


@symlinks
def test_sources_dir_entries_linking_outside_are_refused(tmp_path: Path) -> None:
    repo = make_repository(tmp_path)
    folder = repo / "sources"
    (folder / "3.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (folder / "4.txt").symlink_to("/dev/zero")
    (folder / "5.txt").symlink_to("1.txt")
    (folder / ".hidden.txt").write_text("skipped", encoding="utf-8")
    found = confine_symlinks_in(folder)
    assert set(found) == {"1.txt", "2.html", "3.txt", "4.txt", "5.txt", "config.yaml"}
    assert found["1.txt"] == (folder / "1.txt").resolve()
    assert found["5.txt"] == (folder / "1.txt").resolve()
    for name in ("3.txt", "4.txt"):
        refusal = found[name]
        assert isinstance(refusal, SourceError)
        assert "a link to a file outside" in str(refusal)
        no_token(str(refusal))
    assert confine_to_directory(folder / "2.html", folder) == (folder / "2.html").resolve()


# --- the property: a path inside the root, or SourceError ---------------------------------

PIECES = [
    "..",
    ".",
    "/",
    "\\",
    "~",
    "%2e",
    "%2E",
    "%2f",
    "%5c",
    "%25",
    "%00",
    ".git",
    ".env",
    "config",
    "notes.txt",
    "1.txt",
    "sources",
    "articles",
    "link-out.txt",
    "docs",
    "up",
    "outside",
    "secret.txt",
    "file:",
    "C:",
    "é",
    "\x00",
    "\u2024",
    "\uff0e",
    ".txt",
]
SEGMENTS = [
    "..",
    ".",
    "%2e%2e",
    "%2E%2e",
    "sources",
    "articles",
    "repo",
    "outside",
    "docs",
    "up",
    ".git",
    "1.txt",
    "2.html",
    "notes.txt",
    "ok-link.txt",
    "link-out.txt",
    "link-env.txt",
    "config",
    "secret.txt",
]
SEPARATORS = ["/", "/", "\\", "%2f", "%5C", "//"]
plausible_paths = st.lists(
    st.tuples(st.sampled_from(SEGMENTS), st.sampled_from(SEPARATORS)), min_size=1, max_size=5
).map(lambda parts: "".join(seg + sep for seg, sep in parts[:-1]) + parts[-1][0])
near_misses = st.builds(
    lambda prefix, folder, name: prefix + folder + name,
    st.sampled_from(["", "./", "../", "..\\", "%2e%2e/", "../../", "up/", "docs/", "../../../"]),
    st.sampled_from(["", "sources/", "articles/", "repo/", "outside/", ".git/", "repo/sources/"]),
    st.sampled_from(
        ["1.txt", "2.html", "notes.txt", "ok-link.txt", "link-out.txt", "config", "secret.txt"]
    ),
)
targets = st.one_of(
    near_misses,
    plausible_paths,
    st.lists(st.sampled_from(PIECES), max_size=8).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=6).map("/".join),
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("./\\%2eEfF5c~:"), max_size=24),
)


@pytest.fixture(scope="module")
def shared_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repository(tmp_path_factory.mktemp("property"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=targets)
def test_confine_gives_a_file_inside_the_root_or_a_source_error(
    shared_repo: Path, target: str
) -> None:
    root = shared_repo.resolve()
    try:
        found = confine(target, shared_repo / "articles", shared_repo)
    except SourceError as exc:
        no_token(str(exc))
        return
    assert found.is_relative_to(root)
    assert not any(part.startswith(".") for part in found.relative_to(root).parts)
    assert found.suffix.lower() in SUFFIX_KINDS
    assert found.is_file()
    no_token(found.read_text(encoding="utf-8", errors="replace"))
