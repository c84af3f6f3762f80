"""Every module of litopys imports, and no two modules import each other in a cycle."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "litopys"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """litopys modules this module imports, at the top or inside a function (a lazy
    import only hides a cycle)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # imports under `if TYPE_CHECKING:` are for the type checker only: never run
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and getattr(block.test, "id", getattr(block.test, "attr", "")) == "TYPE_CHECKING"
                   for stmt in block.body for n in ast.walk(stmt)}
    for n in ast.walk(tree):
        if id(n) in typing_only:
            continue
        if isinstance(n, ast.Import):
            found.update(a.name for a in n.names)
        elif isinstance(n, ast.ImportFrom) and n.module and n.level == 0:
            found.add(n.module)
            found.update(f"{n.module}.{a.name}" for a in n.names)
    # "from litopys.batch import worker" names a module; a package's __init__ is not
    # a dependency of its submodules' own
    return {m for m in found if m in known and m != name and not name.startswith(m + ".")}


def test_imports_have_no_cycles() -> None:
    modules = _modules()
    graph = {m: _imports(m, p, set(modules)) for m, p in modules.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for dep in sorted(graph[m]):
            if state.get(dep) == 1:
                cycles.append(stack[stack.index(dep):] + [dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert not cycles, cycles


@pytest.mark.parametrize("name", sorted(_modules()))
def test_imports_every_module(name: str) -> None:
    importlib.import_module(name)


def test_cli_start_up_does_not_load_the_evaluator() -> None:
    """`litopys --help` imports the CLI, which loads every exporter; the evaluator (and
    pydantic) and the lexicons are read only when a command needs them (start-up)."""
    import subprocess
    import sys

    code = ("import sys, litopys.cli; "
            "print(sorted(m for m in ('litopys.evaluate', 'litopys.data.lexicon', 'spacy')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=PACKAGE.parent)
    assert out.stdout.strip() == "[]"
