"""The house rules of the code (docs/architecture.md, the restructure issue), held by a test so they cannot slip back:
no top-level file over 800 lines, no function over 80 lines, no line over 120 characters, at most 15
function-level imports in the whole tree (each with a comment saying why), and an import graph without cycles."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "tests", "out", "notebooks", ".git", "__pycache__"}


def sources() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if not SKIP & set(p.relative_to(ROOT).parts))


def functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def test_file_function_and_line_lengths():
    long_files, long_functions, long_lines = [], [], []
    for path in sources():
        text = path.read_text()
        name = str(path.relative_to(ROOT))
        if path.parent == ROOT and len(text.splitlines()) > 800:
            long_files.append(name)
        long_lines += [f"{name}:{n}" for n, line in enumerate(text.splitlines(), 1) if len(line) > 120]
        long_functions += [f"{name}:{f.name}" for f in functions(ast.parse(text))
                           if f.end_lineno - f.lineno + 1 > 80]
    assert not long_files, f"top-level files over 800 lines: {long_files}"
    assert not long_functions, f"functions over 80 lines: {long_functions}"
    assert not long_lines, f"lines over 120 characters: {long_lines}"


def test_few_function_level_imports_each_with_a_reason():
    """Counted over the whole tree, tests included: a test's imports are its dependencies too."""
    found, silent = [], []
    for path in sources() + sorted((ROOT / "tests").glob("*.py")):
        lines = path.read_text().splitlines()
        for f in functions(ast.parse("\n".join(lines))):
            for node in ast.walk(f):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.append(where)
                    said = lines[node.lineno - 1] + lines[node.lineno - 2]
                    if "#" not in said:
                        silent.append(where)
    assert len(found) <= 15, f"{len(found)} function-level imports (at most 15): {found}"
    assert not silent, f"function-level imports without a comment saying why: {silent}"


def module_imports(path: Path, local: set[str]) -> set[str]:
    """The top-level project modules a file imports at module level (what a reader sees at its top)."""
    names = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & local


def test_top_level_import_graph_has_no_cycle():
    files = {p.stem: p for p in ROOT.glob("*.py")}
    graph = {name: module_imports(path, set(files)) - {name} for name, path in files.items()}
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for dep in sorted(graph[name]):
            assert state.get(dep) != "open", f"import cycle: {' -> '.join(trail + [name, dep])}"
            if dep not in state:
                visit(dep, trail + [name])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
