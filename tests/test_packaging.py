"""The product installs and runs as a wheel, with no checkout around (issue 12).

The wheel is built from this tree and installed into a fresh virtual environment; the
dependencies (spaCy, pandas, ...) are lent from the test's own environment through a path
file, so nothing is downloaded. The run happens in an empty folder, so only the installed
package can be imported: a file the wheel lacks (a pattern, the registry, the bundled
model) fails the run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = SHARED / "seed" / "prisoner-exchange-2025-05-24.txt"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel of this tree."""
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                            "--quiet", "-w", str(work / "dist")], capture_output=True, text=True, cwd=work)
    assert built.returncode == 0, built.stderr[-2000:]
    [built_wheel] = (work / "dist").glob("*.whl")
    return built_wheel


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    """The python of a fresh environment that holds the wheel of this tree."""
    env = tmp_path_factory.mktemp("env") / "env"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # the dependencies, not this project: .pth files inside a listed folder are not run, so the
    # editable install of the checkout stays out of sight
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    return python


def test_the_wheel_ships_the_product_not_the_lab(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "pipeline/models/patterns/tokenizer.yml" in names and "pipeline/models/actors.yml" in names
    assert not [n for n in names if n.startswith("lab/") or n.startswith("tests/")]
    modules = {Path(n).stem for n in names if n.startswith("pipeline/") and n.endswith(".py")}
    assert not modules & {"evaluation", "scoring", "bench", "bench_models", "training", "eval_dates", "eval_numbers"}


def article(folder: Path) -> Path:
    """The seed article when ../shared is there, else one of the bundled articles."""
    source = SEED_TEXT if SEED_TEXT.exists() else sorted((ROOT / "corpus" / "articles").glob("*.txt"))[0]
    folder.mkdir()
    target = folder / source.name
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def test_the_wheel_carries_the_language_data_and_loads_it(installed: Path, tmp_path: Path) -> None:
    probe = ("import json, pipeline, pipeline.resources as r; from pipeline.language import load_nlp; "
             "load_nlp(); print(json.dumps([pipeline.__file__, str(r.MODELS_DIR)]))")
    run = subprocess.run([str(installed), "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    package, models = json.loads(run.stdout.strip().splitlines()[-1])
    assert str(ROOT) not in package and str(ROOT) not in models  # the installed copy, not the checkout
    assert Path(models) == Path(package).parent / "models"


def test_the_installed_cli_extracts_the_seed_article(installed: Path, tmp_path: Path) -> None:
    text = article(tmp_path / "in")
    run = subprocess.run([str(installed), "-m", "pipeline", "extract", str(text.parent), "--out", str(tmp_path / "out"),
                          "--reference-date", "2025-05-24"], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    events = pd.read_parquet(tmp_path / "out" / "events.parquet")
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert len(documents) == 1 and len(events) > 0
    assert events["actor"].notna().any() and events["date_start"].notna().any()
