"""Configuration: defaults, pyproject.toml vs crosscheck.toml, path resolution, errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.config import load_config
from crosscheck.errors import InputError, UsageError
from crosscheck.project import Project
from crosscheck.report import DEFAULT_FORMATS


def test_defaults_without_any_file(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.sources == tmp_path.resolve() / "sources"
    assert config.claims == tmp_path.resolve() / "claims"
    assert config.reports == tmp_path.resolve() / "reports"
    assert (config.fail_on, config.workers, config.rules_dir) == ("error", 1, None)
    assert config.formats is None  # the report registry's defaults
    assert Project(config).formats == list(DEFAULT_FORMATS) == ["json", "md", "html", "csv", "sarif"]
    assert config.config_file is None


def test_pyproject_section_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.crosscheck]\nsources = "docs/in"\nfail_on = "warning"\n'
        'formats = ["json", "sarif"]\nworkers = 4\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert config.sources == tmp_path.resolve() / "docs" / "in"
    assert (config.fail_on, config.formats, config.workers) == ("warning", ["json", "sarif"], 4)
    assert config.config_file == tmp_path.resolve() / "pyproject.toml"


def test_pyproject_without_section_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.other]\nfoo = 1\n', encoding="utf-8"
    )
    assert load_config(tmp_path).fail_on == "error"


def test_crosscheck_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.crosscheck]\nfail_on = "info"\nbogus = 1\n', encoding="utf-8"
    )
    (tmp_path / "crosscheck.toml").write_text('fail_on = "never"\nreports = "../out"\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.fail_on == "never"
    assert config.reports == tmp_path.parent.resolve() / "out"
    assert config.config_file == tmp_path.resolve() / "crosscheck.toml"


def test_overrides_win_and_resolve_against_cwd(tmp_path: Path) -> None:
    (tmp_path / "crosscheck.toml").write_text('fail_on = "info"\nworkers = 2\n', encoding="utf-8")
    config = load_config(
        tmp_path, {"fail_on": "warning", "workers": None, "reports": "r", "formats": "json,md"}
    )
    assert (config.fail_on, config.workers, config.formats) == ("warning", 2, ["json", "md"])
    assert config.reports == tmp_path.resolve() / "r"


def test_rules_folder_beside_the_config_is_used(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    assert load_config(tmp_path).rules_dir == tmp_path.resolve() / "rules"
    (tmp_path / "crosscheck.toml").write_text('rules_dir = "my-rules"\n', encoding="utf-8")
    assert load_config(tmp_path).rules_dir == tmp_path.resolve() / "my-rules"


@pytest.mark.parametrize(
    ("name", "text", "line", "field", "message"),
    [
        ("crosscheck.toml", 'sources = "s"\nsauces = "x"\n', 2, "sauces", "unknown setting 'sauces'"),
        (
            "pyproject.toml",
            '[project]\nname = "x"\n[tool.crosscheck]\nfail_on = "loud"\n',
            4,
            "fail_on",
            "'loud'",
        ),
        ("crosscheck.toml", "workers = 0\n", 1, "workers", "at least 1"),
        ("crosscheck.toml", "workers = true\n", 1, "workers", "at least 1"),
        ("crosscheck.toml", 'formats = ["json", "pdf"]\n', 1, "formats", "unknown format(s) ['pdf']"),
        ("crosscheck.toml", "sources = 3\n", 1, "sources", "path string"),
        ("crosscheck.toml", 'fail_on = "error"\n[extra]\nx = 1\n', 2, "extra", "unknown setting 'extra'"),
        ("crosscheck.toml", 'sources = "a"\nclaims = \n', 2, None, "malformed TOML"),
        ("pyproject.toml", '[tool]\ncrosscheck = "yes"\n', None, None, "must be a table"),
    ],
)
def test_bad_settings_name_file_line_and_key(
    tmp_path: Path, name: str, text: str, line: int | None, field: str | None, message: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        Project.from_folder(tmp_path)  # checks format names against the report registry
    error = info.value
    assert error.path == str(tmp_path.resolve() / name)
    assert (error.line, error.field) == (line, field)
    assert message in error.message


def test_bad_override_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--fail-on"):
        load_config(tmp_path, {"fail_on": "sometimes"})
    with pytest.raises(UsageError, match="unknown setting"):
        load_config(tmp_path, {"colour": "red"})
