# Set-up is two commands: `make extract` and `make test`. Both create the
# virtual environment and install the package when it is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
OUT ?= out
SHARED ?= ../shared
CORPORA ?= $(SHARED)/corpora

.PHONY: fuzz extract test eval agreement error-sources eval-numbers eval-dates bench train registry install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

extract: $(STAMP)
	$(BIN)/python -m pipeline extract corpus/articles --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m ruff check pipeline lab tests
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# ERRORS=realnews_tune lists that set's actor attachment errors (tuning sets only).
eval: $(STAMP)
	$(BIN)/python -m lab eval --corpus corpus --seed $(SHARED)/seed --peers $(SHARED)/peers --out $(OUT)/eval \
		$(if $(ERRORS),--errors $(ERRORS))

# The quantity reader on the Recognizers-Text number specs in ../shared/peers (lab/eval_numbers.py).
agreement: $(STAMP)
	$(BIN)/python -m lab.agreement --corpus corpus --peers $(SHARED)/peers

error-sources: $(STAMP)
	$(BIN)/python -m lab.error_sources --corpus corpus --peers $(SHARED)/peers

eval-numbers: $(STAMP)
	$(BIN)/python -m lab.eval_numbers --peers $(SHARED)/peers

eval-dates: $(STAMP)
	$(BIN)/python -m lab.eval_dates --peers $(SHARED)/peers --corpora $(CORPORA)

# random and adversarial input through the whole run: 8,000 examples, about 28 minutes at 0.21 s each (make test replays 150)
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-8000} $(BIN)/python -m pytest -q tests/test_fuzz.py --hypothesis-show-statistics

# on real news when ../shared has it (TempEval-3 train); on a generated corpus where it does not
bench: $(STAMP)
	@if [ -f $(SHARED)/peers/tempeval3_train.jsonl ]; then \
	  $(BIN)/python -m lab.bench_models --peers $(SHARED)/peers && \
	  $(BIN)/python -m lab.bench_scale --peers $(SHARED)/peers; \
	else $(BIN)/python -m lab.bench; fi

# Trains models/en_news_core from UD English-EWT + UNER (models/README.md).
train: $(STAMP)
	$(BIN)/python -m lab.training --corpora $(CORPORA) --out models/en_news_core --minutes 32
	$(BIN)/python -m lab.training --corpora $(CORPORA) --out models/en_news_core \
		--ner-only models/en_news_core --continue-ner --learn-rate 0.0002 --dropout 0.1 --minutes 12

# The open-data actor registry models/actors_open.json from Party Facts and Phoenix (models/README.md).
registry: $(STAMP)
	$(BIN)/python -m lab.build_registry --actors $(SHARED)/actors --out models/actors_open.json

clean:
	rm -rf $(OUT) .pytest_cache
