"""Settings: defaults ← user file ← environment ← command line.

The user file is TOML at `$CORROBORATE_CONFIG` or `~/.config/corroborate/config.toml`;
environment variables are `CORROBORATE_<FIELD>` in upper case.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from corroborate.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "sqlite:///corroborate.db"
    max_bytes: int = 50 * 1024 * 1024  # one input item (file, HTTP body, decompressed)
    fetch_timeout: float = 20.0  # seconds, per request
    max_redirects: int = 5
    allow_private: bool = False  # fetching from loopback / private / link-local addresses
    user_agent: str = "corroborate/0.1 (+https://pypi.org/project/corroborate/; news analysis)"
    follow_links: bool = False  # fetch the article each feed entry links to
    story_window_days: float = 3.0  # a story goes quiet after this many days without a report
    quiet: bool = False


def _coerce(name: str, raw: Any, kind: type) -> Any:
    if isinstance(raw, kind):
        return raw
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() in {"1", "true", "yes", "on"}:
                return True
            if text.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise ConfigError(
            f"setting {name!r} must be a {kind.__name__}, got {raw!r}; fix it in the config "
            f"file or the CORROBORATE_{name.upper()} environment variable"
        ) from None


def _config_path() -> Path:
    explicit = os.environ.get("CORROBORATE_CONFIG")
    if explicit:
        return Path(explicit)
    return Path.home() / ".config" / "corroborate" / "config.toml"


def load_settings(**overrides: Any) -> Settings:
    """Build the settings; `overrides` are command-line values (None means "not given")."""
    settings = Settings()
    kinds = {f.name: type(getattr(settings, f.name)) for f in fields(Settings)}
    layers: list[dict[str, Any]] = []
    path = _config_path()
    if path.is_file():
        try:
            layers.append(tomllib.loads(path.read_text(encoding="utf-8")))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove the file") from None
    layers.append(
        {
            name: os.environ[f"CORROBORATE_{name.upper()}"]
            for name in kinds
            if f"CORROBORATE_{name.upper()}" in os.environ
        }
    )
    layers.append({k: v for k, v in overrides.items() if v is not None})
    for layer in layers:
        unknown = set(layer) - set(kinds)
        if unknown:
            raise ConfigError(
                f"unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(kinds)}"
            )
        settings = replace(settings, **{k: _coerce(k, v, kinds[k]) for k, v in layer.items()})
    return settings
