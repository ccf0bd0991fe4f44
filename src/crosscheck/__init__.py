"""crosscheck: cross-check factual claims across documents."""

__version__ = "0.1.0"
