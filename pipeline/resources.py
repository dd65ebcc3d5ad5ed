"""Where the project's data lives and how it is loaded.

Language data (lexicons, patterns, the actor registry) sits under
``models/`` as YAML, apart from the code that uses it, the way dateparser
keeps its language files apart. Each file is parsed once per process.
"""
from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent


def _models_dir() -> Path:
    """``PIPELINE_MODELS_DIR`` if set; in a checkout, its own ``models/``; once installed from
    the wheel, the package data ``pipeline.models`` (``models/`` shipped inside the package)."""
    override = os.environ.get("PIPELINE_MODELS_DIR")
    if override:
        return Path(override)
    checkout = PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "models" / "patterns" / "tokenizer.yml").is_file():
        return checkout / "models"  # not a host project's folders beside an installed copy
    return Path(str(resources.files("pipeline.models")))


MODELS_DIR = _models_dir()
PATTERNS_DIR = MODELS_DIR / "patterns"


@cache
def load_yaml(path: str | Path) -> Any:
    """Parse a YAML data file once; errors name the file."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: data file missing (expected under {MODELS_DIR})") from None
    except yaml.YAMLError as err:
        raise ValueError(f"{path}: not valid YAML: {err}") from None


def patterns(name: str) -> dict[str, Any]:
    """One lexicon from ``models/patterns/<name>.yml``."""
    return load_yaml(PATTERNS_DIR / f"{name}.yml")


def registry_path() -> Path:
    return MODELS_DIR / "actors.yml"
