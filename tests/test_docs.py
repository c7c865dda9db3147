"""Docs checked by tests: every command has help, the README's commands exist and run."""

import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from crosswire.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output
    top = runner.invoke(cli, ["--help"])
    assert "Exit codes" in top.output


def test_readme_names_every_command_and_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    for name in cli.commands:
        assert f"crosswire {name}" in readme, name
    assert "crosswire demo" in readme
    ci = (ROOT / ".ci" / "run").read_text()
    test_command = ci.strip().splitlines()[-1]
    assert test_command in readme, "the README must show the exact test command .ci/run runs"


def test_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```python\n(.*?)```", readme, re.S)
    assert block, "README has a Python example"
    code = block.group(1).replace("reports/", str(ROOT / "src" / "crosswire" / "examples" / "reports"))
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def test_docs_pages_exist() -> None:
    for page in ("export.md",):
        assert (ROOT / "docs" / page).exists()
