"""The README documents every command and option, ARCHITECTURE.md every stage."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from litopys.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_docs_every_command_in_readme(name: str) -> None:
    assert f"litopys {name}" in README, f"README has no section or example for `{name}`"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_docs_every_option_has_help(name: str) -> None:
    for param in main.commands[name].params:
        if param.param_type_name == "option":
            assert param.help, f"{name} {param.opts} has no help text"


def test_docs_every_stage_in_architecture() -> None:
    from litopys.pipeline import factories

    source = (ROOT / "litopys" / "pipeline" / "factories.py").read_text(encoding="utf-8")
    names = re.findall(r'Language\.factory\(\s*"(litopys_\w+)"', source)
    assert names and factories
    for name in names:
        assert name in ARCHITECTURE, f"docs/ARCHITECTURE.md does not describe {name}"
