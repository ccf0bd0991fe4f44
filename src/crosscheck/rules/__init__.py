"""Rules as data: versioned YAML files shipped with the package, extendable by the user.

Each rule file (``furniture.yaml``, ``events.yaml``, ``titles.yaml``, ...) lives
beside this module.  A user folder (``rules/`` next to the project, or
``rules_dir`` in the configuration) may hold a file of the same name: its
list entries are appended to the built-in ones and its mapping keys override
them.  Loading is cached: rules are read once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import Any, TypeVar

import yaml

from crosscheck.errors import InputError

BUILTIN_DIR = Path(__file__).parent
T = TypeVar("T")
_user_dirs: list[Path] = []


def set_user_dirs(dirs: list[Path]) -> None:
    """Register user rule folders (called once by the CLI from the configuration)."""
    global _user_dirs
    _user_dirs = [Path(d) for d in dirs]
    load_yaml.cache_clear()


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(str(path), f"malformed YAML: {getattr(exc, 'problem', exc)}", line=line) from exc


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


@cache
def load_yaml(name: str) -> Any:
    """The built-in rule file ``name`` merged with same-named user files."""
    data = _read(BUILTIN_DIR / name)
    for folder in _user_dirs:
        path = folder / name
        if path.is_file():
            data = _merge(data, _read(path))
    return data


def rules_fingerprint() -> str:
    """A short hash of every rule file in force (built-in and user), for the extraction cache."""
    import hashlib

    h = hashlib.sha1()
    for folder in [BUILTIN_DIR, *_user_dirs]:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


def rules_cached(*files: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Memoise a no-argument builder of lexicons or regexes from the rule ``files``.

    The value is rebuilt only when the files are loaded anew (after
    ``set_user_dirs``); a file whose structure the builder cannot use is an
    InputError naming the file(s).
    """

    def wrap(build: Callable[[], T]) -> Callable[[], T]:
        state: dict[str, Any] = {}

        @wraps(build)
        def cached() -> T:
            loaded = tuple(load_yaml(f) for f in files)
            if "value" not in state or any(a is not b for a, b in zip(state["data"], loaded, strict=True)):
                try:
                    state["value"] = build()
                except (AttributeError, KeyError, TypeError, ValueError) as exc:
                    raise InputError(" / ".join(files), f"rule file has an unexpected structure: {exc}") from exc
                state["data"] = loaded
            return state["value"]  # type: ignore[no-any-return]

        return cached

    return wrap
