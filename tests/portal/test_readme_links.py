"""The README's and the docs' links lead somewhere: files that exist, headings that exist, and
nothing outside the repository."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", ROOT / "scripts/benchmark/README.md", *ROOT.glob("docs/**/*.md")]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*$", re.MULTILINE)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading).strip().lower()
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text))


def links(document: Path):
    text = re.sub(r"```.*?```", "", document.read_text(), flags=re.DOTALL)
    for target in LINK.findall(text):
        if not re.match(r"[a-z]+:", target):  # http:, https:, mailto: are not files
            yield target


def broken_links(document: Path, root: Path = ROOT) -> list[str]:
    broken = []
    for target in links(document):
        path, _, anchor = target.partition("#")
        file = (document.parent / path).resolve() if path else document
        if root not in file.parents:
            broken.append(f"{target} (outside the repository)")
        elif not file.exists():
            broken.append(f"{target} (no such file)")
        elif anchor and anchor not in {slug(h) for h in HEADING.findall(file.read_text())}:
            broken.append(f"{target} (no such heading)")
    return broken


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_relative_link_and_image_exists_inside_the_repository(document):
    assert broken_links(document) == []


def test_the_check_sees_missing_files_headings_and_links_outside(tmp_path):
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "there.png").write_bytes(b"")
    readme = root / "README.md"
    readme.write_text(
        "# Title\n## Matching needs (recommendation 9)\n"
        "![ok](docs/there.png) ![gone](docs/gone.png) [up](../shared/DESIGN.md)\n"
        "[ok](#matching-needs-recommendation-9) [nowhere](#no-heading) [web](https://x.org)\n"
    )
    assert broken_links(readme, root) == [
        "docs/gone.png (no such file)",
        "../shared/DESIGN.md (outside the repository)",
        "#no-heading (no such heading)",
    ]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(d.relative_to(ROOT)))
def test_no_path_in_the_text_leads_outside_the_repository(document):
    outside = re.findall(r"(?<![.\w])\.\./[\w./-]+", document.read_text())
    assert outside == []


def test_the_readme_contents_list_every_section():
    text = re.sub(r"```.*?```", "", (ROOT / "README.md").read_text(), flags=re.DOTALL)
    sections = [slug(h) for h in re.findall(r"^## (.*?)\s*$", text, re.MULTILINE)]
    contents = text.split("## Contents", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"\]\(#([^)]+)\)", contents)
    assert listed == [s for s in sections if s != "contents"]


def test_the_tools_the_readme_says_make_test_runs_are_the_ones_it_runs():
    makefile = (ROOT / "Makefile").read_text()
    recipes = {
        target: re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
        for target in ("test", "lint")
    }
    assert re.search(r"^test: lint\b", makefile, re.MULTILINE)  # the lint recipe runs first
    run = recipes["lint"] + recipes["test"]
    readme = (ROOT / "README.md").read_text()
    said = readme.split("## Tests and CI", 1)[1].split("then `pytest`", 1)[0]
    tools = re.findall(r"`([a-z-]+(?: [a-z-]+)*(?: --check)?)`", said)
    assert tools == [
        "make test",
        "ruff format --check",
        "ruff check",
        "makemigrations --check",
        "lint-imports",
        "mypy",
    ]
    for tool in tools[1:]:
        assert tool in run, f"the README says make test runs {tool}; the Makefile does not"
