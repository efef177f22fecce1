"""The import contract between apps holds, and its checker catches a forbidden import wherever it is;
every refusal carries a code."""

from __future__ import annotations

from pathlib import Path

import emgov
from emgov import layering


def test_no_app_imports_what_the_layering_forbids():
    violations = layering.check(Path(emgov.__file__).parent)
    assert not violations, "\n".join(map(str, violations))


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "emgov"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_checker_finds_a_forbidden_import_inside_a_function(tmp_path):
    root = _tree(
        tmp_path,
        {
            "enforcement/services/hazards.py": "def escalate():\n    from emgov.cases.services import case_open\n",
            "enforcement/tests/test_x.py": "from emgov.cases.models import PenaltyCase\n",
            "cases/services.py": "from emgov.enforcement.models import Hazard\n",
        },
    )
    assert [(v.path, v.line, v.imported) for v in layering.check(root)] == [
        ("emgov/enforcement/services/hazards.py", 2, "emgov.cases.services")
    ]


def test_the_checker_finds_relative_and_plain_imports_of_a_higher_app(tmp_path):
    root = _tree(
        tmp_path,
        {
            "core/views.py": "import emgov.reports.figures\n",
            "licensing/services.py": "from ..publicity import publications\n",
            "publicity/services.py": "from emgov.cases.models import PenaltyCase\n",
        },
    )
    found = {(v.path, v.imported) for v in layering.check(root)}
    assert found == {
        ("emgov/core/views.py", "emgov.reports.figures"),
        ("emgov/licensing/services.py", "emgov.publicity"),
    }


def test_every_refusal_carries_a_code():
    uncoded = layering.uncoded_errors(Path(emgov.__file__).parent)
    assert not uncoded, "ValidationError without code=:\n" + "\n".join(uncoded)


def test_the_code_check_finds_a_refusal_without_a_code(tmp_path):
    root = _tree(
        tmp_path,
        {
            "cases/services.py": (
                "def f(x):\n"
                "    if x:\n"
                "        raise ValidationError('a', code='a')\n"
                "    raise forms.ValidationError({'f': 'b'})\n"
            )
        },
    )
    assert layering.uncoded_errors(root) == ["emgov/cases/services.py:4"]
