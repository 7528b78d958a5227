"""Shared fixtures: one `kg build` of the seed articles per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seeds.yaml"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The output folder of `kg build seeds/` (run once through the CLI)."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path_factory.mktemp("seed-build")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out
