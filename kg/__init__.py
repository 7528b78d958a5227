"""kg: a claim-comparison knowledge graph for fact-checkers."""

__version__ = "0.1.0"
