from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.config import load_settings
from corroborate.errors import ConfigError


def test_layers_defaults_file_environment_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('db = "sqlite:///from-file.db"\nmax_bytes = 1000\n', encoding="utf-8")
    monkeypatch.setenv("CORROBORATE_CONFIG", str(config))
    assert load_settings().db == "sqlite:///from-file.db"
    monkeypatch.setenv("CORROBORATE_MAX_BYTES", "2000")
    assert load_settings().max_bytes == 2000
    assert load_settings(max_bytes=3000).max_bytes == 3000
    assert load_settings(max_bytes=None).max_bytes == 2000


def test_bad_values_say_what_to_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORROBORATE_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("CORROBORATE_ALLOW_PRIVATE", "perhaps")
    with pytest.raises(ConfigError, match="CORROBORATE_ALLOW_PRIVATE"):
        load_settings()


def test_unknown_setting_in_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("colour = 'blue'\n", encoding="utf-8")
    monkeypatch.setenv("CORROBORATE_CONFIG", str(config))
    with pytest.raises(ConfigError, match="colour"):
        load_settings()
