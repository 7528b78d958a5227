"""Where the project's data files live."""
from __future__ import annotations

from pathlib import Path

# ontology/ sits beside the kg package in the repository (installed with `pip install -e .`).
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
