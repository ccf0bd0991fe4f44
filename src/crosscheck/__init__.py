"""crosscheck: cross-check factual claims across documents.

``crosscheck.Project`` is the library entry point (the CLI is a thin caller of it).
"""

__version__ = "0.1.0"

__all__ = ["Project", "RuleSet", "__version__"]


def __getattr__(name: str) -> object:
    # Lazy, so that ``import crosscheck`` stays cheap and submodules import without cycles.
    if name == "Project":
        from crosscheck.project import Project

        return Project
    if name == "RuleSet":
        from crosscheck.rules import RuleSet

        return RuleSet
    raise AttributeError(name)
