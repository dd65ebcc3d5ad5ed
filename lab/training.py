"""Train the project's own statistical spaCy pipeline (``make train``).

    python -m lab.training --corpora ../shared/corpora --out models/en_news_core [--minutes 15]

1. converts UD English-EWT (CoNLL-U) to spaCy Docs with spaCy's own converter
   (``spacy.training.converters.conllu_to_docs``): syntactic words, PTB tags,
   UPOS + features, lemmas and trees; sentences are grouped into Docs of up to
   ``--group`` consecutive sentences of the same source document, so the
   parser also learns sentence boundaries;
2. sets ``doc.ents`` from Universal NER English-EWT (PER, ORG, LOC), aligned by
   sent_id + token sequence (the draft train file's OTH and stray B-O/I-O map
   to O); a sentence that does not align keeps its syntax but has its NER
   marked *missing* (neither entity nor O), so it neither teaches nor is scored;
3. writes DocBins to a temporary folder outside the project;
4. trains ``training/config.cfg`` with ``spacy.training.loop.train_while_improving``
   until a wall-clock budget is spent (spaCy has no time limit of its own), keeping
   the checkpoint with the best weighted dev score (and evaluating the final
   weights once more at the deadline);
5. evaluates the best model on dev and test with spaCy's Scorer;
6. writes the packaged pipeline (no training corpora paths, no checkpoints) with a
   meta.json holding the scores and the data/licence attribution, and models/README.md.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.schemas import ConfigSchemaTraining
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Corpus
from spacy.training.converters import conllu_to_docs
from spacy.training.initialize import init_nlp
from spacy.training.loop import (
    create_evaluation_callback,
    create_train_batches,
    train_while_improving,
    update_meta,
)
from spacy.util import registry, resolve_dot_names
from thinc.api import Config, fix_random_seed

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = PROJECT / "training" / "config.cfg"
SPLITS = ("train", "dev", "test")
UD_DIR = "ud_english_ewt"
UNER_DIR = "uner_en_ewt"
NER_LABELS = ("PER", "ORG", "LOC")
MODEL_NAME = "news_core"
MODEL_VERSION = "0.1.0"

SOURCES = [
    {
        "name": "UD English-EWT v2.16",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Silveira et al. 2014; UD English-EWT contributors",
    },
    {
        "name": "Universal NER English-EWT v1",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Mayhew et al. 2024 (NAACL)",
    },
]


# ---------------------------------------------------------------- conversion


@dataclass
class Sentence:
    sent_id: str
    newdoc: str
    words: list[str]
    block: str
    text: str = ""  # the "# text =" line
    new_paragraph: bool = False  # a "# newpar" (or "# newdoc") comes before it


@dataclass
class NerStats:
    sentences: int = 0
    aligned: int = 0
    missing: int = 0  # sent_id absent from the UNER file
    mismatched: int = 0  # sent_id present, token sequence differs
    entities: dict[str, int] = field(default_factory=dict)
    skipped_ids: list[str] = field(default_factory=list)


def _split_blocks(text: str) -> list[str]:
    # Exactly the split conllu_to_docs/read_conllx uses, so blocks and docs zip.
    return text.strip().split("\n\n")


def read_conllu(path: Path) -> tuple[str, list[Sentence]]:
    text = path.read_text(encoding="utf8")
    sentences = []
    newdoc = ""
    for block in _split_blocks(text):
        sent_id = sentence_text = ""
        words = []
        new_paragraph = False
        for line in block.strip().split("\n"):
            if line.startswith("#"):
                if line.startswith("# newdoc id ="):
                    newdoc = line.split("=", 1)[1].strip()
                    new_paragraph = True
                elif line.startswith("# newpar"):
                    new_paragraph = True
                elif line.startswith("# sent_id ="):
                    sent_id = line.split("=", 1)[1].strip()
                elif line.startswith("# text = "):
                    sentence_text = line[len("# text = "):].rstrip("\r")
                continue
            idx, form = line.split("\t")[:2]
            if "-" in idx or "." in idx:
                continue
            words.append(form)
        sentences.append(Sentence(sent_id, newdoc or sent_id, words, block, sentence_text, new_paragraph))
    return text, sentences


def read_uner(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """sent_id -> (tokens, IOB2 labels restricted to PER/ORG/LOC)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    sent_id, tokens, labels = "", [], []

    def flush():
        if sent_id and tokens:
            out[sent_id] = (list(tokens), list(labels))

    for line in path.read_text(encoding="utf8").split("\n"):
        line = line.rstrip("\r")
        if not line.strip():
            flush()
            sent_id, tokens, labels = "", [], []
            continue
        if line.startswith("#"):
            if line.startswith("# sent_id ="):
                sent_id = line.split("=", 1)[1].strip()
            continue
        parts = line.split("\t")
        tokens.append(parts[1])
        labels.append(clean_label(parts[2] if len(parts) > 2 else "O"))
    flush()
    return out


def clean_label(label: str) -> str:
    """OTH, B-O/I-O and anything outside PER/ORG/LOC become O (draft train file)."""
    m = re.fullmatch(r"([BI])-(\w+)", label.strip())
    if not m or m.group(2) not in NER_LABELS:
        return "O"
    return label.strip()


def iob_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) spans from IOB2; a stray I- starts an entity."""
    spans, start, kind = [], None, None
    for i, lab in enumerate(labels + ["O"]):
        prefix, _, typ = lab.partition("-")
        if start is not None and (prefix != "I" or typ != kind):
            spans.append((start, i, kind))
            start, kind = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, typ
    return spans


def convert_split(conllu: Path, uner: Path | None, group: int, limit: int,
                  stats: NerStats) -> list[Doc]:
    text, sentences = read_conllu(conllu)
    ner = read_uner(uner) if uner is not None else {}
    docs = list(conllu_to_docs(text, n_sents=1, merge_subtokens=False, no_print=True))
    if len(docs) != len(sentences):
        raise RuntimeError(f"{conllu}: {len(docs)} docs for {len(sentences)} sentences")
    if limit:
        docs, sentences = docs[:limit], sentences[:limit]
    vocab = docs[0].vocab if docs else None
    for doc, sent in zip(docs, sentences):
        assert [t.text for t in doc] == sent.words, sent.sent_id
        stats.sentences += 1
        entry = ner.get(sent.sent_id)
        if entry is None or entry[0] != sent.words:
            if entry is None:
                stats.missing += 1
            else:
                stats.mismatched += 1
            stats.skipped_ids.append(sent.sent_id)
            doc.set_ents([], default="missing")  # keep the syntax, no NER at all
            continue
        stats.aligned += 1
        spans = [Span(doc, s, e, label=lab) for s, e, lab in iob_spans(entry[1])]
        for s in spans:
            stats.entities[s.label_] = stats.entities.get(s.label_, 0) + 1
        doc.set_ents(spans, default="outside")
    # Group consecutive sentences of one source document into training Docs.
    grouped, current, current_doc = [], [], None
    for doc, sent in zip(docs, sentences):
        if current and (sent.newdoc != current_doc or len(current) >= group):
            grouped.append(Doc.from_docs(current, ensure_whitespace=True))
            current = []
        current.append(doc)
        current_doc = sent.newdoc
    if current:
        grouped.append(Doc.from_docs(current, ensure_whitespace=True))
    del vocab
    return grouped


def convert(corpora: Path, workdir: Path, group: int, limit: int, eval_limit: int
            ) -> dict[str, tuple[Path, NerStats]]:
    out = {}
    for split in SPLITS:
        conllu = corpora / UD_DIR / f"en_ewt-ud-{split}.conllu"
        uner_candidates = sorted((corpora / UNER_DIR).glob(f"en_ewt-ud-{split}*.iob2"))
        uner = uner_candidates[0] if uner_candidates else None
        stats = NerStats()
        lim = limit if split == "train" else eval_limit
        docs = convert_split(conllu, uner, group, lim, stats)
        path = workdir / f"{split}.spacy"
        DocBin(docs=docs, store_user_data=False).to_disk(path)
        ents = ", ".join(f"{k} {v}" for k, v in sorted(stats.entities.items()))
        print(f"[convert] {split}: {stats.sentences} sentences -> {len(docs)} docs; "
              f"NER aligned {stats.aligned}, kept without NER {stats.missing + stats.mismatched} "
              f"({stats.mismatched} token mismatches, {stats.missing} absent); "
              f"entities {ents}; UNER file {uner.name if uner else None}", flush=True)
        out[split] = (path, stats)
    return out


# ------------------------------------------------------------------ training


def ner_only_config(config: Config, dropout: float | None, continue_from: Path | None = None,
                    learn_rate: float | None = None) -> Config:
    """The training config cut down to the NER (its own embedding needs no tok2vec):
    retraining it alone runs about twice the steps a minute, and it is chosen by its
    own dev F."""
    config = config.copy()
    config["nlp"]["pipeline"] = ["ner"]
    config["components"] = {"ner": config["components"]["ner"]}
    if continue_from is not None:  # go on from that pipeline's NER weights instead of from scratch
        config["components"]["ner"] = {"source": str(continue_from)}
    if learn_rate is not None:
        config["training"]["optimizer"]["learn_rate"] = learn_rate
    config["training"]["score_weights"] = {"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None}
    config["training"]["frozen_components"] = []
    config["training"]["annotating_components"] = []
    if dropout is not None:
        config["training"]["dropout"] = dropout
    config["initialize"]["lookups"] = None
    return config


def splice_ner(base: Path, ner_pipeline: Path, out: Path) -> None:
    """``base`` with its NER replaced by the one trained in ``ner_pipeline``."""
    nlp = spacy.load(base)
    source = spacy.load(ner_pipeline)
    position = nlp.pipe_names.index("ner")
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=source, before=nlp.pipe_names[position] if position < len(nlp.pipe_names) else None)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)


def train(config_path: Path, train_path: Path, dev_path: Path, workdir: Path,
          minutes: float, log=print, ner_only: bool = False, dropout: float | None = None,
          continue_from: Path | None = None, learn_rate: float | None = None) -> tuple[Path, dict]:
    """Train until ``minutes`` have passed; return the best checkpoint's folder."""
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    config = spacy.util.load_config(config_path, overrides=overrides, interpolate=False)
    if ner_only:
        config = ner_only_config(config, dropout, continue_from, learn_rate)
    elif dropout is not None:
        config["training"]["dropout"] = dropout
    t0 = time.monotonic()
    nlp = init_nlp(config, use_gpu=-1)
    log(f"[train] initialized {nlp.pipe_names} in {time.monotonic() - t0:.0f}s")
    config = nlp.config.interpolate()
    fix_random_seed(config["training"]["seed"])
    T = registry.resolve(config["training"], schema=ConfigSchemaTraining)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    evaluate = create_evaluation_callback(nlp, dev_corpus, T["score_weights"])
    steps = train_while_improving(
        nlp, optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        evaluate,
        dropout=T["dropout"], accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"], max_steps=T["max_steps"],
        eval_frequency=T["eval_frequency"], exclude=T["frozen_components"],
        annotating_components=T["annotating_components"], before_update=T["before_update"],
    )
    workdir.mkdir(parents=True, exist_ok=True)
    best_dir = workdir / "model-best"
    best = {"score": float("-inf"), "step": None, "epoch": None, "scores": {}}
    # NER has its own embedding (no listener), so its weights do not depend on
    # the shared tok2vec: keep its own best checkpoint by ents_f and splice it
    # into the best pipeline at the end (NER peaks at a different step).
    ner_dir = workdir / "ner-best"
    best_ner = {"ents_f": float("-inf"), "step": None}
    own_ner = _ner_is_independent(nlp) and len(nlp.pipe_names) > 1
    start = time.monotonic()
    deadline = start + minutes * 60.0

    weights = {k: w for k, w in (T["score_weights"] or {}).items() if w}

    def syntax_score(other: dict) -> float:
        """The weighted dev score without the NER terms: with NER kept apart, the shared
        tok2vec and its listeners are chosen by tags and parse alone."""
        used = {k: w for k, w in weights.items() if not k.startswith("ents") and other.get(k) is not None}
        total = sum(used.values())
        return sum(w * other[k] for k, w in used.items()) / total if total else 0.0

    def keep_if_best(score, other, step, epoch, losses):
        ents_f = other.get("ents_f")
        if own_ner and ents_f is not None and ents_f > best_ner["ents_f"]:
            best_ner.update(ents_f=ents_f, step=step)
            with nlp.use_params(optimizer.averages):
                nlp.get_pipe("ner").to_disk(ner_dir)
        if own_ner:
            score = syntax_score(other)
        if score <= best["score"]:
            return False
        best.update(score=score, step=step, epoch=epoch, scores=dict(other))
        update_meta(T, nlp, {"other_scores": other, "losses": losses})
        if best_dir.exists():
            shutil.rmtree(best_dir)
        with nlp.use_params(optimizer.averages):
            nlp.to_disk(best_dir)
        return True

    cols = ["tag_acc", "pos_acc", "morph_acc", "dep_uas", "dep_las", "sents_f", "ents_f"]
    log("[train] " + "  ".join(["epoch", " step", " min", "  words", "  score"] + cols))
    step = epoch = 0
    losses: dict = {}
    last_eval_step = -1
    for _batch, info, is_best in steps:
        step, epoch, losses = info["step"], info["epoch"], dict(info["losses"])
        if is_best is not None:
            last_eval_step = step
            other = info["other_scores"]
            saved = keep_if_best(info["score"], other, step, epoch, losses)
            log("[train] " + "  ".join(
                [f"{epoch:5d}", f"{step:5d}", f"{(time.monotonic() - start) / 60:4.1f}",
                 f"{info['words']:7d}", f"{info['score']:.4f}"]
                + [f"{100 * (other.get(c) or 0):7.2f}" for c in cols])
                + ("  *" if saved else ""))
        if time.monotonic() >= deadline:
            break
    if last_eval_step != step:  # weights changed since the last evaluation
        with nlp.use_params(optimizer.averages):
            score, other = evaluate()
        saved = keep_if_best(score, other, step, epoch, losses)
        log(f"[train] final evaluation at step {step}: {score:.4f}" + ("  *" if saved else ""))
    if own_ner and best_ner["step"] not in (None, best["step"]):
        spliced = spacy.load(best_dir)
        spliced.get_pipe("ner").from_disk(ner_dir)
        spliced.to_disk(best_dir)
        log(f"[train] NER from step {best_ner['step']} (ents_f {100 * best_ner['ents_f']:.2f}) "
            f"spliced into the step-{best['step']} pipeline")
    elapsed = time.monotonic() - start
    log(f"[train] stopped after {elapsed / 60:.1f} min, {step} steps, epoch {epoch}; "
        f"best step {best['step']} (epoch {best['epoch']}, score {best['score']:.4f})")
    return best_dir, {"minutes": round(elapsed / 60, 1), "steps": step, "epochs": epoch,
                      "best_step": best["step"], "best_epoch": best["epoch"],
                      "ner_step": best_ner["step"] if own_ner else best["step"]}


def _ner_is_independent(nlp) -> bool:
    """True when the NER component embeds tokens itself (no tok2vec listener)."""
    if "ner" not in nlp.pipe_names:
        return False
    model = nlp.get_pipe("ner").model
    return not any(node.name.startswith("tok2vec-listener") for node in model.walk())


# ---------------------------------------------------------------- evaluation

REPORT = [("TAG", "tag_acc"), ("POS", "pos_acc"), ("MORPH", "morph_acc"),
          ("LEMMA", "lemma_acc"), ("UAS", "dep_uas"), ("LAS", "dep_las"),
          ("SENT F", "sents_f"), ("NER P", "ents_p"), ("NER R", "ents_r"),
          ("NER F", "ents_f")]


def evaluate(nlp, path: Path, gold_tokens: bool = False) -> dict:
    """spaCy's Scorer over a DocBin; raw text tokenized by spaCy unless gold_tokens."""
    examples = list(Corpus(str(path), gold_preproc=gold_tokens)(nlp))
    start = time.monotonic()
    scores = nlp.evaluate(examples)
    words = sum(len(eg.reference) for eg in examples)
    scores["speed"] = words / max(time.monotonic() - start, 1e-6)
    return scores


def summarize(scores: dict) -> dict:
    out = {key: round(100 * scores[key], 2) for _, key in REPORT
           if isinstance(scores.get(key), (int, float))}
    per_type = scores.get("ents_per_type") or {}
    out["ents_per_type"] = {lab: {k: round(100 * v, 2) for k, v in prf.items()}
                            for lab, prf in sorted(per_type.items())}
    out["words_per_second"] = int(scores.get("speed", 0))
    return out


def print_table(results: dict[str, dict]) -> None:
    splits = list(results)
    print("\n" + f"{'':8}" + "".join(f"{s:>9}" for s in splits))
    for label, key in REPORT:
        print(f"{label:8}" + "".join(
            f"{results[s].get(key, float('nan')):9.2f}" for s in splits))
    for lab in NER_LABELS:
        print(f"NER F {lab:3}" + "".join(
            f"{results[s]['ents_per_type'].get(lab, {}).get('f', float('nan')):8.2f} "
            for s in splits))
    print(flush=True)


# ----------------------------------------------------------------- packaging


def corpus_readme_facts(corpora: Path) -> dict[str, str]:
    facts = {}
    for name in (UD_DIR, UNER_DIR):
        readme = corpora / name / "README.md"
        facts[name] = readme.read_text(encoding="utf8") if readme.exists() else ""
    return facts


def package(best_dir: Path, out: Path, meta_extra: dict) -> Path:
    nlp = spacy.load(best_dir)
    nlp.meta.update(meta_extra)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    # The packaged config must not point at the temporary training corpora.
    cfg = spacy.util.load_config(out / "config.cfg", interpolate=False)
    for key in ("train", "dev"):
        cfg["paths"][key] = None
    cfg.to_disk(out / "config.cfg")
    return out


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _ner_retrained_note(run: dict) -> str:
    again = run.get("ner_retrained")
    if not again:
        return ""
    dropout = f", dropout {again['dropout']}" if again.get("dropout") is not None else ""
    dropout += f", learn rate {again['learn_rate']}" if again.get("learn_rate") is not None else ""
    how = "trained on from its best weights" if again.get("continued") else "retrained alone"
    return (f" The NER was then {how} (`--ner-only`) for {again['minutes']} min{dropout}, "
            f"{again['steps']} steps, best at step {again['best_step']}, and spliced in.")


def write_models_readme(path: Path, out: Path, meta: dict, ner: dict, run: dict,
                        corpora_facts: dict[str, str]) -> None:
    def commit(text, pattern):
        m = re.search(pattern, text)
        return m.group(1) if m else "see the corpus README"

    ud = corpora_facts.get(UD_DIR, "")
    un = corpora_facts.get(UNER_DIR, "")
    ud_commit = commit(ud, r"commit ([0-9a-f]{40})")
    ud_head = commit(ud, r"HEAD ([0-9a-f]{40})")
    un_release = commit(un, r"\| ([0-9a-f]{40}) \(HEAD")
    un_draft = commit(un, r"DRAFT-[0-9a-f]+\.iob2 \| ([0-9a-f]{40})")
    dev, test = meta["performance"], meta["performance_test"]
    gold = meta.get("performance_gold_tokens") or {"dev": {}, "test": {}}
    gdev, gtest = gold["dev"], gold["test"]
    nan = float("nan")

    def row(label, key):
        return (f"| {label} | {dev.get(key, nan):.2f} | {test.get(key, nan):.2f} "
                f"| {gdev.get(key, nan):.2f} | {gtest.get(key, nan):.2f} |")

    rows = "\n".join(row(label, key) for label, key in REPORT)
    def ner_f(scores, lab):
        return (scores.get("ents_per_type") or {}).get(lab, {}).get("f", nan)

    per_type = "\n".join(
        f"| NER F {lab} | {ner_f(dev, lab):.2f} | {ner_f(test, lab):.2f} "
        f"| {ner_f(gdev, lab):.2f} | {ner_f(gtest, lab):.2f} |"
        for lab in NER_LABELS)
    ner_lines = "\n".join(
        f"- {split}: {s['aligned']:,} of {s['sentences']:,} sentences aligned; "
        f"{s['mismatched']} token mismatches and {s['missing']} absent kept without NER"
        for split, s in ner.items())
    size_mb = dir_size(out) / 1e6
    text = f"""# models/

`{out.name}/` is the project's own statistical spaCy pipeline (spaCy `{meta['spacy_version']}`):
`{' '.join(meta['pipeline'])}`. It is trained here from openly licensed treebanks,
because pretrained `en_core_web_*` pipelines cannot be downloaded. {size_mb:.1f} MB on disk.

- **tok2vec** (shared CNN, width 96, depth 4) feeds **tagger** (PTB tags, `token.tag_`),
  **morphologizer** (UPOS + UD features, `token.pos_`, `token.morph`) and **parser**
  (UD relations, `token.dep_`, sentence boundaries).
- **ner** has its own embedding and encoder; labels `PER`, `ORG`, `LOC`.
- **lemmatizer**: spaCy's rule lemmatizer over the morphologizer's POS, tables from
  spacy-lookups-data (no training).

Load it with `spacy.load("models/{out.name}")`. Nothing is downloaded at run time.

## Data

| corpus | version / commit | licence |
|---|---|---|
| UD English-EWT | v2.16, tag r2.16 commit `{ud_commit}` (files identical at master `{ud_head}`) | CC BY-SA 4.0 |
| Universal NER English-EWT | dev/test from commit `{un_release}`; train from the draft commit `{un_draft}` | CC BY-SA 4.0 |

The texts are the English Web Treebank (LDC2012T13: weblogs, newsgroups, emails, reviews,
Yahoo! answers). The train NER labels are the first (draft) UNER commit: its extra label
`OTH` and stray `B-O`/`I-O` tags are mapped to `O`; per the corpus README the draft agrees
with the release at entity F1 0.97-0.99. Sentences are aligned by `sent_id` and token
sequence; a sentence that does not align keeps its tags and tree for training but its NER
is marked missing (neither entity nor `O`), so it neither trains nor scores NER:

{ner_lines}

## Licence and attribution

Both corpora are CC BY-SA 4.0, and the trained weights are derived from them, so the
pipeline in `{out.name}/` is distributed under **CC BY-SA 4.0** with this attribution:

- Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel Bowman, Miriam
  Connor, John Bauer and Christopher D. Manning (2014). *A Gold Standard Dependency
  Corpus for English.* LREC 2014. Universal Dependencies English-EWT v2.16,
  https://github.com/UniversalDependencies/UD_English-EWT
- Stephen Mayhew, Terra Blevins, Shuheng Liu, Marek Šuppa, Hila Gonen, Joseph Marvin
  Imperial, Börje Karlsson, Peiqin Lin, Nikola Ljubešić, Lester James Miranda, Barbara
  Plank, Arij Riabi and Yuval Pinter (2024). *Universal NER: A Gold-Standard Multilingual
  Named Entity Recognition Benchmark.* NAACL 2024. https://github.com/UniversalNER/UNER_English-EWT

The lemmatizer tables come from spacy-lookups-data (MIT). `meta.json` carries the same
sources and licence.

## Retrain

```
make train CORPORA=../shared/corpora          # the two steps below, about 50 minutes
python -m lab.training --corpora ../shared/corpora --out models/{out.name} --minutes 32
python -m lab.training --corpora ../shared/corpora --out models/{out.name} \\
    --ner-only models/{out.name} --continue-ner --learn-rate 0.0002 --dropout 0.1 --minutes 12
```

The architecture and hyper-parameters are in `training/config.cfg`; `lab/training.py`
converts the corpora with spaCy's CoNLL-U converter (into a temporary folder, never into the
project), trains for a wall-clock budget (`--minutes`; spaCy has no time limit, so the loop
stops on the clock), evaluates on dev and test and writes this folder and file. The first
step trains all components together and keeps two checkpoints: the shared tok2vec, tagger,
morphologizer and parser from the step with the best dev tags and parse, and the NER (which
has its own embedding) from the step with its best dev F. The second step trains the NER
alone onward from those weights at a lower learning rate and keeps it if its dev F improves
(`--ner-only BASE` without `--continue-ner` retrains it from scratch).

## Scores (UD English-EWT, spaCy's Scorer)

"raw text": the sentences' text is tokenized by spaCy's English tokenizer and aligned to the
treebank (spaCy's usual benchmark, as for en_core_web_sm; tokenization differences count as
errors). "gold tokens": the treebank's own tokens (the usual UD parsing benchmark).

This run: {run['minutes']} min of training on a shared 2-core CPU (thinc trains on one core), {run['steps']} steps
({run['epochs']} epochs); best checkpoint at step {run['best_step']} by the weighted dev score, NER
(own embedding, so kept apart by its own dev F) from step {run.get('ner_step', run['best_step'])}.{_ner_retrained_note(run)}

| metric | dev, raw text | test, raw text | dev, gold tokens | test, gold tokens |
|---|---|---|---|---|
{rows}
{per_type}

Targets from issue 3 (dev): TAG 93, UAS 83, LAS 79, NER F 58. The dev scores pick the
checkpoint, so the test column is the unbiased estimate. Speed (dev, raw text, 1 CPU core,
all components): {dev.get("words_per_second", 0):,} words/s.
"""
    path.write_text(text, encoding="utf8")


# ----------------------------------------------------------------------- cli


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lab.training", description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    ap.add_argument("--out", type=Path, default=Path("models/en_news_core"))
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--minutes", type=float, default=20.0, help="wall-clock training budget")
    ap.add_argument("--group", type=int, default=10, help="sentences per training Doc")
    ap.add_argument("--limit", type=int, default=0, help="train sentences (smoke runs)")
    ap.add_argument("--eval-limit", type=int, default=0, help="dev/test sentences (smoke runs)")
    ap.add_argument("--workdir", type=Path, default=None,
                    help="temporary folder (default: a new one under the system temp dir)")
    ap.add_argument("--readme", type=Path, default=None,
                    help="models README to write (default: <out>/../README.md)")
    ap.add_argument("--dropout", type=float, default=None, help="override training.dropout")
    ap.add_argument("--ner-only", type=Path, default=None, metavar="BASE",
                    help="retrain only the NER (its own embedding) and splice it into the "
                         "pipeline BASE; the rest of BASE is kept as it is")
    ap.add_argument("--continue-ner", action="store_true",
                    help="with --ner-only: go on from BASE's NER weights (a fine-tune) instead of from scratch")
    ap.add_argument("--learn-rate", type=float, default=None, help="override the optimizer's learn_rate")
    ap.add_argument("--evaluate-only", action="store_true",
                    help="no training: re-score the pipeline in --out, rewrite its "
                         "meta.json performance and the README")
    args = ap.parse_args(argv)

    out = args.out.resolve()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="en_news_core_")).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    if workdir == PROJECT or PROJECT in workdir.parents:
        ap.error("--workdir must be outside the project")
    print(f"[convert] corpora {args.corpora.resolve()} -> {workdir}", flush=True)
    t0 = time.monotonic()
    data = convert(args.corpora, workdir, args.group, args.limit, args.eval_limit)
    print(f"[convert] done in {time.monotonic() - t0:.0f}s", flush=True)

    if args.evaluate_only:
        best_dir = out
        run = json.loads((out / "meta.json").read_text(encoding="utf8"))["training"]
        run = {k: v for k, v in run.items() if k not in ("ner_alignment", "config", "command")}
    elif args.ner_only:
        ner_dir, ner_run = train(args.config, data["train"][0], data["dev"][0], workdir / "ner",
                                 args.minutes, log=lambda m: print(m, flush=True), ner_only=True,
                                 dropout=args.dropout,
                                 continue_from=args.ner_only.resolve() if args.continue_ner else None,
                                 learn_rate=args.learn_rate)
        best_dir = workdir / "spliced"
        splice_ner(args.ner_only.resolve(), ner_dir, best_dir)
        base_run = json.loads((args.ner_only / "meta.json").read_text(encoding="utf8")).get("training", {})
        run = {k: v for k, v in base_run.items() if k not in ("ner_alignment", "config", "command")}
        run["ner_retrained"] = {"minutes": ner_run["minutes"], "steps": ner_run["steps"],
                                "best_step": ner_run["best_step"], "dropout": args.dropout,
                                "continued": args.continue_ner, "learn_rate": args.learn_rate}
        print(f"[train] NER retrained alone and spliced into {args.ner_only}", flush=True)
    else:
        best_dir, run = train(args.config, data["train"][0], data["dev"][0], workdir,
                              args.minutes, log=lambda m: print(m, flush=True), dropout=args.dropout)

    nlp = spacy.load(best_dir)
    results = {split: summarize(evaluate(nlp, data[split][0])) for split in ("dev", "test")}
    print("Raw text, tokenized by spaCy (spaCy's usual benchmark):")
    print_table(results)
    gold = {split: summarize(evaluate(nlp, data[split][0], gold_tokens=True))
            for split in ("dev", "test")}
    print("Gold (UD) tokenization and sentence grouping:")
    print_table(gold)

    ner = {split: {"sentences": s.sentences, "aligned": s.aligned, "missing": s.missing,
                   "mismatched": s.mismatched}
           for split, (_, s) in data.items()}
    meta = {
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "description": "Tagger, morphologizer, parser, NER (PER/ORG/LOC) and rule lemmatizer "
                       "trained on UD English-EWT v2.16 and Universal NER English-EWT, "
                       "for the news events pipeline.",
        "author": "news-events-pipeline",
        "license": "CC BY-SA 4.0",
        "sources": SOURCES,
        "performance": results["dev"],
        "performance_test": results["test"],
        "performance_gold_tokens": gold,
        "training": {**run, "ner_alignment": ner, "config": "training/config.cfg",
                     "command": "make train CORPORA=../shared/corpora (two steps, see models/README.md)"},
    }
    if args.evaluate_only:
        meta_path = out / "meta.json"
        saved = json.loads(meta_path.read_text(encoding="utf8"))
        saved.update(meta)
        meta_path.write_text(json.dumps(saved, indent=2, ensure_ascii=False), encoding="utf8")
    else:
        package(best_dir, out, meta)
    size = dir_size(out)
    print(f"[package] {out} ({size / 1e6:.1f} MB)", flush=True)
    meta_saved = json.loads((out / "meta.json").read_text(encoding="utf8"))
    readme = args.readme or out.parent / "README.md"
    write_models_readme(readme, out, meta_saved, ner, run, corpus_readme_facts(args.corpora))
    print(f"[package] wrote {readme}", flush=True)
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
