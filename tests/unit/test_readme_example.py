"""The complete testimony example in README.md stays valid."""

from __future__ import annotations

import re
from pathlib import Path

from complaints.domain.model import parse_testimony
from complaints.editorial.frontmatter import load_yaml

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_example_is_a_valid_testimony() -> None:
    block = re.search(r"```yaml\n---\n(.*?)\n---\n", README.read_text(encoding="utf-8"), re.S)
    assert block is not None, "README.md lost its testimony example"
    metadata = load_yaml(block.group(1))
    for key in ("title", "date", "category", "tags", "author", "slug", "summary"):
        assert key in metadata, key
    case = parse_testimony(metadata["testimony"], source="README.md", merchants={"pixmania"})
    assert case.merchant == "pixmania"
