"""The import contract between EMGov's apps, and the checker that holds it (run by the test suite).

Every `import` and `from … import` in an app's code counts, at module level or inside a function.
Tests are exempt: they may build records of any app.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DOMAIN = (
    "enterprises",
    "enforcement",
    "cases",
    "licensing",
    "publicity",
    "legal",
    "outreach",
    "preparedness",
)
ABOVE_DOMAIN = ("reports", "api", "demo", "bench")

# (importing app, imported app, why)
FORBIDDEN: tuple[tuple[str, str, str], ...] = (
    *(("core", app, "core knows no domain app") for app in (*DOMAIN, *ABOVE_DOMAIN)),
    *(
        (app, above, "domain apps are read by reports and api, never the reverse")
        for app in DOMAIN
        for above in ABOVE_DOMAIN
    ),
    ("enterprises", "enforcement", "enterprises are registered before they are inspected"),
    ("enforcement", "cases", "a hazard becomes a case through a step that cases registers"),
    ("cases", "publicity", "decisions are published through core.hooks.publish_decision"),
    ("licensing", "publicity", "decisions are published through core.hooks.publish_decision"),
)


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    imported: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: imports {self.imported} ({self.why})"


def _imports(tree: ast.AST, package: str) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def check(root: Path, top: str = "emgov") -> list[Violation]:
    """Every forbidden import under `root` (the directory of the `top` package)."""
    rules: dict[str, list[tuple[str, str]]] = {}
    for source, target, why in FORBIDDEN:
        rules.setdefault(source, []).append((f"{top}.{target}", why))
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if len(parts) < 2 or parts[0] not in rules or "tests" in parts:
            continue
        package = ".".join((top, *parts[:-1]))
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        seen = set()
        for line, module in _imports(tree, package):
            for target, why in rules[parts[0]]:
                if (module == target or module.startswith(target + ".")) and (line, target) not in seen:
                    seen.add((line, target))
                    found.append(Violation(str(path.relative_to(root.parent)), line, module, why))
    return found


def uncoded_errors(root: Path) -> list[str]:
    """Every `ValidationError(...)` raised in an app's code without a `code=`: callers (the API, the
    import report, tests) tell refusals apart by their code, not by their wording."""
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if "tests" in parts or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "ValidationError" and not any(k.arg == "code" for k in node.exc.keywords):
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return found
