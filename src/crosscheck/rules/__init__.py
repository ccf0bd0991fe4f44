"""Rules as data: versioned YAML files shipped with the package, extendable by the user.

Each rule file (``furniture.yaml``, ``events.yaml``, ``predicates.yaml``, ...)
lives beside this module.  A user folder (``rules_dir`` in the configuration,
``--rules`` on the command line) may hold a file of the same name: its list
entries are appended to the built-in ones and its mapping keys override them.

A :class:`RuleSet` is one such combination, loaded once.  It is a value, not a
process setting: the project facade makes one from the configuration and runs
every stage *inside* it (``with ruleset.active():``); worker processes receive
it as an argument and enter it themselves, so extraction under the spawn or
forkserver start method uses the user's rules too.  Structures built from
rule files (compiled regexes, lexicons) are cached per RuleSet, never per
process, so two rule sets in one process never see each other's lexicons.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import yaml

from crosscheck.errors import InputError

BUILTIN_DIR = Path(__file__).parent
T = TypeVar("T")


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(str(path), f"malformed YAML: {getattr(exc, 'problem', exc)}", line=line) from exc
    except OSError as exc:
        raise InputError(str(path), f"cannot read the rule file: {exc.strerror or exc}") from exc


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


class RuleSet:
    """The built-in rule files merged with the user's folders, and what is built from them."""

    def __init__(self, user_dirs: tuple[Path, ...] | list[Path] = ()) -> None:
        self.user_dirs: tuple[Path, ...] = tuple(Path(d) for d in user_dirs)
        self._files: dict[str, Any] = {}
        self._built: dict[Any, Any] = {}
        self._fingerprint: str | None = None

    # A RuleSet crosses process boundaries as its folders; workers load the files again.
    def __getstate__(self) -> dict[str, Any]:
        return {"user_dirs": self.user_dirs}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["user_dirs"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"RuleSet(user_dirs={[str(d) for d in self.user_dirs]!r})"

    def load(self, name: str) -> Any:
        """The built-in rule file ``name`` merged with same-named user files (read once)."""
        if name not in self._files:
            from crosscheck.rules.check import check_rule_file

            data = _read(BUILTIN_DIR / name)
            for folder in self.user_dirs:
                path = folder / name
                if path.is_file():
                    user = _read(path)
                    check_rule_file(name, user, path)
                    data = _merge(data, user)
            self._files[name] = data
        return self._files[name]

    def fingerprint(self) -> str:
        """A short hash of every rule file in force (built-in and user), for the extraction cache."""
        if self._fingerprint is None:
            h = hashlib.sha1()
            for folder in [BUILTIN_DIR, *self.user_dirs]:
                if not folder.is_dir():
                    continue
                for path in sorted(folder.glob("*.yaml")):
                    h.update(path.name.encode())
                    h.update(path.read_bytes())
            self._fingerprint = h.hexdigest()[:10]
        return self._fingerprint

    @contextmanager
    def active(self) -> Iterator[RuleSet]:
        """Run the stages inside this rule set (restores the previous one on exit)."""
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)


BUILTIN = RuleSet()
_ACTIVE: ContextVar[RuleSet] = ContextVar("crosscheck_rules", default=BUILTIN)


def current() -> RuleSet:
    """The rule set the running stage works in (the built-in one outside any ``active()``)."""
    return _ACTIVE.get()


def load_yaml(name: str) -> Any:
    """Rule file ``name`` as the current rule set has it."""
    return _ACTIVE.get().load(name)


def rules_fingerprint() -> str:
    return _ACTIVE.get().fingerprint()


def rules_cached(*files: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Memoise a builder of lexicons or regexes per rule set (and per argument tuple).

    A rule file whose structure the builder cannot use is an InputError naming
    the file(s) ``files``.
    """

    def wrap(build: Callable[..., T]) -> Callable[..., T]:
        @wraps(build)
        def cached(*args: Any) -> T:
            built = _ACTIVE.get()._built
            key = (build, args)
            try:
                return built[key]  # type: ignore[no-any-return]
            except KeyError:
                pass
            try:
                value = build(*args)
            except (AttributeError, KeyError, TypeError, ValueError) as exc:
                if not files:
                    raise
                raise InputError(" / ".join(files), f"rule file has an unexpected structure: {exc}") from exc
            built[key] = value
            return value

        return cached

    return wrap
