"""Speed benchmark: ``python -m lab.bench`` (``make bench``).

What is measured, on one synthetic corpus generated for the run:

* **corpus** -- ``--articles`` wire-style news articles (default 300, about
  250-400 words each, roughly 40% filler sentences without numbers) built
  from the templates below with ``random.Random(--seed)``, written as
  ``bench-0001-YYYY-MM-DD.txt`` into a temporary folder (the date in the
  name is the publication date the reader picks up). Same seed, same bytes;
  the corpus digest is printed.
* **pipeline (extract)** -- ``pipeline.running.extract([folder], out, workers=1)``
  end to end: reading, ``load_nlp()``, ``nlp.pipe``, building and writing the
  tables. With ``--workers W`` (W > 1) a second row does the same with W
  worker processes.
* **nlp.pipe** -- the core pass alone: ``load_nlp()`` once outside the timing,
  then ``list(nlp.pipe((make_doc(nlp, text, published) ...), batch_size=32))``.
  Three rows: with the bundled model parsing on demand (the default: only the
  sentences the attachment rules ask about, see pipeline/parsing.py), with
  ``load_nlp(parse_all=True)`` (every sentence parsed), and with
  ``load_nlp(spacy_model="none")`` (the rules alone). The report gives the
  share of sentences parsed and the on-demand / parse-all speed ratio.
* **naive baseline** -- what one writes in an afternoon: ``spacy.blank("en")``
  plus the ``sentencizer``; per sentence ``dateparser.search.search_dates`` (``languages=["en"]``)
  with ``RELATIVE_BASE`` set to the publication date, ``word2number`` on each
  run of alphabetic number words (its ``ValueError`` caught), ``float`` on
  digit tokens, the first capitalized token as the actor. ``search_dates``
  runs at a few hundred words a second, so the baseline is timed on the first
  ``--naive-articles`` articles (default 60) and compared per word; the
  ``nlp.pipe`` pass is also timed on that same subset for a like-for-like
  speed-up. Set-up (building the blank pipeline, a first ``search_dates``
  call that loads dateparser's data) is outside the timing, as ``load_nlp()``
  is for ``nlp.pipe``.
* **blank tokenizer** -- ``spacy.blank("en").pipe(texts)``, the floor.

Words are ``len(text.split())``. Times are ``time.perf_counter()`` wall
seconds. Every stage runs in a fresh child process (``python -m
lab.bench --stage NAME ...``) so that stages do not share caches or
memory; the child reads ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` when it
is done, reported as peak MiB. That figure includes the interpreter and the
imports of the child (``python -m lab.bench`` imports the ``pipeline``
package, i.e. spaCy, about 100 MiB; printed as "idle"). For the worker row
the peak of the largest worker (``RUSAGE_CHILDREN``) is printed as well.
Reading the files is outside the timing except in the extract rows.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

DEFAULT_ARTICLES = 300
DEFAULT_SEED = 20250524
DEFAULT_NAIVE_ARTICLES = 60
BATCH_SIZE = 32

# ---------------------------------------------------------------------------
# The synthetic corpus
# ---------------------------------------------------------------------------

ACTORS: tuple[str, ...] = (
    "Ukraine's air force", "the Russian defence ministry", "the health ministry", "Hamas", "UN officials",
    "the Israeli military", "Gaza's civil defence agency", "Kharkiv's regional governor, Oleh Syniehubov",
    "the World Health Organization", "police", "the central bank", "the Pentagon", "rescue workers",
    "Sudan's army", "the International Monetary Fund", "the Red Cross", "the electoral commission",
    "the finance ministry", "local officials", "a military spokesperson", "Prime Minister Keir Starmer",
    "the Kremlin", "the U.S. Labor Department", "Pakistan's disaster management authority",
    "the UN refugee agency", "Lebanon's health ministry", "the state emergency service", "Houthi officials",
)
SAYING: tuple[str, ...] = (
    "said", "reported", "told reporters", "announced", "confirmed", "estimated", "stated", "claimed",
    "wrote on Telegram", "said in a statement", "told Reuters",
)
EVENTS: tuple[tuple[str, str], ...] = (
    ("people", "were killed"), ("civilians", "were wounded"), ("drones", "were shot down"),
    ("missiles", "were launched"), ("homes", "were damaged"), ("aid trucks", "entered the territory"),
    ("prisoners of war", "were returned"), ("patients", "were evacuated"), ("people", "were displaced"),
    ("children", "were among the injured"), ("buildings", "collapsed"), ("soldiers", "were captured"),
    ("families", "lost their homes"), ("rescue workers", "were deployed"), ("voters", "cast ballots"),
)
INDICATORS: tuple[str, ...] = (
    "inflation", "unemployment", "retail sales", "industrial output", "the jobless rate", "food prices",
    "turnout", "the budget deficit",
)
MOVES: tuple[str, ...] = ("rose", "fell", "climbed", "dropped", "stood at", "reached")
AID: tuple[str, ...] = (
    "humanitarian aid", "reconstruction funding", "emergency loans", "military assistance",
    "budget support", "flood relief",
)
SHARES: tuple[tuple[str, str], ...] = (
    ("ballots", "had been counted"), ("hospitals in the north", "were out of service"),
    ("the displaced", "had received food aid"), ("households", "were without power"),
    ("schools", "remained closed"), ("registered voters", "took part"),
)
PLACES: tuple[str, ...] = (
    "Kyiv", "Kharkiv", "Odesa", "Gaza City", "Khan Younis", "Beirut", "Khartoum", "Islamabad", "Geneva",
    "Brussels", "Ankara", "Warsaw", "London", "Washington", "Moscow", "Sumy", "Port Sudan", "Sanaa",
)
FILLER: tuple[str, ...] = (
    "The situation remained tense across the region.",
    "Officials did not immediately respond to a request for comment.",
    "Reuters could not independently verify the figures.",
    "Residents described scenes of chaos as sirens sounded across the city.",
    "The talks are expected to resume after the holiday.",
    "Diplomats said the proposal still faced serious obstacles.",
    "Aid groups have repeatedly warned of a worsening humanitarian crisis.",
    "The government has denied targeting civilian infrastructure.",
    "Analysts said the decision reflected growing pressure on the leadership.",
    "Both sides accuse each other of violating earlier agreements.",
    "Markets reacted calmly to the announcement.",
    "The opposition called the figures misleading and demanded an inquiry.",
    "Power was partially restored by the evening, the local utility said.",
    "Footage shared on social media showed thick smoke rising over the port.",
    "The ministry gave no further details.",
    "Investors are watching closely for signs of a slowdown.",
    "Critics say the measures come too late for many families.",
    "The announcement drew swift condemnation from neighbouring countries.",
    "Negotiators are working through the night to close the remaining gaps.",
    "It was not clear whether the attack was linked to the earlier strikes.",
)
FILLER_TEMPLATES: tuple[str, ...] = (
    "Diplomats in {place} urged restraint.",
    "{Place} has been the target of repeated attacks.",
    "Thousands of residents have fled {place} in recent months.",
    "Talks in {place} ended without an agreement.",
    "The mayor of {place} called on residents to stay in shelters.",
    "Emergency crews in {place} worked to clear the rubble.",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
_ONES: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)
_TENS: tuple[str, ...] = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """English words for 0 <= n < 1,000,000 ("forty-five", "two hundred six")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    rest = n % 1000
    return number_words(n // 1000) + " thousand" + ("" if rest == 0 else " " + number_words(rest))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class ArticleWriter:
    """Fills the templates for one article; all randomness from ``rng``."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published

    def actor(self) -> str:
        return self.rng.choice(ACTORS)

    def say(self) -> str:
        return self.rng.choice(SAYING)

    def place(self) -> str:
        return self.rng.choice(PLACES)

    def amount(self) -> int:
        r = self.rng.random()
        if r < 0.5:
            return self.rng.randint(2, 60)
        if r < 0.85:
            return self.rng.randint(61, 999)
        return self.rng.choice((self.rng.randint(1000, 50000), self.rng.randint(1, 50) * 1000))

    def plain(self, n: int) -> str:
        """Digits or words, as a wire writer would."""
        if (n < 100 or (n % 100 == 0 and n < 10000)) and self.rng.random() < 0.35:
            return number_words(n)
        return f"{n:,}"

    def count(self) -> str:
        """A count: digits, words, a range or a qualified figure."""
        n = self.amount()
        r = self.rng.random()
        if r < 0.35:
            return f"{n:,}"
        if r < 0.5:
            return number_words(n) if n < 1000 else f"{n:,}"
        if r < 0.65:
            high = n + self.rng.randint(1, max(2, n // 3))
            form = self.rng.choice(("between {a} and {b}", "{a} to {b}", "{a}-{b}", "from {a} to {b}"))
            return form.format(a=f"{n:,}", b=f"{high:,}")
        qualifier = self.rng.choice(("at least", "more than", "nearly", "about", "some", "up to", "almost",
                                     "fewer than", "around"))
        return f"{qualifier} {self.plain(n)}"

    def percent(self, high: float = 75.0) -> str:
        value = self.rng.uniform(0.1, high)
        form = self.rng.randrange(4)
        if form == 0:
            return f"{value:.1f}%"
        if form == 1:
            return f"{round(value)} percent"
        if form == 2:
            return f"{round(value)}%"
        return f"{value:.1f} per cent"

    def money(self) -> str:
        form = self.rng.randrange(6)
        if form == 0:
            return f"${self.rng.uniform(0.1, 40):.1f} billion"
        if form == 1:
            return f"€{self.rng.randint(5, 900)} million"
        if form == 2:
            return f"{self.rng.randint(5, 900)} million euros"
        if form == 3:
            return f"£{self.rng.randint(1, 900) * 1000:,}"
        if form == 4:
            return f"{self.plain(self.rng.randint(2, 90))} million dollars"
        return f"${self.rng.randint(2, 900)}m"

    def _day(self, back: int) -> date:
        return self.published - timedelta(days=back)

    def when(self) -> str:
        """A date expression relative to the publication date."""
        form = self.rng.randrange(12)
        day = self._day(self.rng.randint(0, 6))
        if form == 0:
            return f"on {WEEKDAYS[day.weekday()]}"
        if form == 1:
            return "last week"
        if form == 2:
            past = self._day(self.rng.randint(1, 40))
            return f"on {MONTHS[past.month - 1]} {past.day}"
        if form == 3:
            return "earlier this month"
        if form == 4:
            return "overnight"
        if form == 5:
            return f"on {WEEKDAYS[day.weekday()]} night"
        if form == 6:
            return "last month"
        if form == 7:
            return "yesterday"
        if form == 8:
            past = self._day(self.rng.randint(1, 40))
            return f"on {past.day} {MONTHS[past.month - 1]}"
        if form == 9:
            return "this morning"
        if form == 10:
            return f"{number_words(self.rng.randint(2, 5))} days ago"
        return f"late on {WEEKDAYS[day.weekday()]}"

    def since(self) -> str:
        past = self._day(self.rng.randint(3, 90))
        return self.rng.choice((f"{MONTHS[past.month - 1]} {past.day}", "the start of the month", "last week",
                                f"early {MONTHS[past.month - 1]}", "the ceasefire began"))

    # -- sentences with numbers --------------------------------------------
    def numeric(self) -> str:
        form = self.rng.randrange(10)
        noun, happened = self.rng.choice(EVENTS)
        if form == 0:
            return f"{_cap(self.actor())} {self.say()} {self.when()} that {self.count()} {noun} {happened}."
        if form == 1:
            return f"{_cap(self.count())} {noun} {happened} {self.when()}, {self.actor()} {self.say()}."
        if form == 2:
            return f"According to {self.actor()}, {self.count()} {noun} {happened} {self.when()}."
        if form == 3:
            total = self.rng.randint(10, 150)
            hit = self.rng.randint(1, total)
            return (f"{_cap(self.actor())} {self.say()} it had shot down {self.plain(hit)} of "
                    f"{self.plain(total)} drones launched {self.when()}.")
        if form == 4:
            month = MONTHS[self._day(self.rng.randint(20, 50)).month - 1]
            return (f"{_cap(self.actor())} {self.say()} {self.when()} that {self.rng.choice(INDICATORS)} "
                    f"{self.rng.choice(MOVES)} {self.percent(12.0)} in {month}.")
        if form == 5:
            return (f"{_cap(self.actor())} {self.say()} {self.when()} it would provide {self.money()} in "
                    f"{self.rng.choice(AID)}.")
        if form == 6:
            if self.rng.random() < 0.5:
                return f"\"We have recorded {self.count()} deaths since {self.since()},\" {self.actor()} {self.say()}."
            return f"\"{_cap(self.count())} {noun} {happened} {self.when()},\" {self.actor()} {self.say()}."
        if form == 7:
            group, state = self.rng.choice(SHARES)
            return (f"{_cap(self.actor())} {self.say()} {self.percent()} of {group} {state}, up from "
                    f"{self.percent()} {self.when()}.")
        if form == 8:
            return (f"The toll rose to {self.count()} {self.when()}, {self.actor()} {self.say()}, with "
                    f"{self.count()} more still missing.")
        return (f"{_cap(self.actor())} {self.say()} the loan of {self.money()} would be paid out over "
                f"{self.plain(self.rng.randint(2, 30))} years.")

    def filler(self) -> str:
        if self.rng.random() < 0.3:
            place = self.place()
            return self.rng.choice(FILLER_TEMPLATES).format(place=place, Place=place)
        return self.rng.choice(FILLER)

    def article(self) -> str:
        noun, happened = self.rng.choice(EVENTS)
        headline = _cap(f"{self.count()} {noun} {happened} in {self.place()}, {self.actor()} says")
        dateline = f"{self.place().upper()}, {MONTHS[self.published.month - 1][:3]} {self.published.day} (Wire) - "
        target = self.rng.randint(250, 400)
        sentences = [dateline + self.numeric()]
        words = len(headline.split()) + len(sentences[0].split())
        while words < target:
            sentence = self.filler() if self.rng.random() < 0.4 else self.numeric()
            sentences.append(sentence)
            words += len(sentence.split())
        paragraphs: list[str] = []
        i = 0
        while i < len(sentences):
            size = self.rng.randint(1, 3)
            paragraphs.append(" ".join(sentences[i:i + size]))
            i += size
        return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate_corpus(folder: Path, articles: int, seed: int) -> list[Path]:
    """Write ``articles`` synthetic articles into ``folder``; same seed, same files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2023, 1, 1)
    paths: list[Path] = []
    for k in range(1, articles + 1):
        published = start + timedelta(days=rng.randrange(912))
        text = ArticleWriter(rng, published).article()
        path = folder / f"bench-{k:04d}-{published.isoformat()}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def corpus_digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------------------
# Stages (each runs in its own child process)
# ---------------------------------------------------------------------------

@dataclass
class StageResult:
    stage: str
    label: str
    articles: int
    words: int
    seconds: float
    setup_seconds: float = 0.0
    idle_mib: float = 0.0
    peak_mib: float = 0.0
    workers_peak_mib: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else float("nan")

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else float("nan")


def _maxrss_mib(who: int = resource.RUSAGE_SELF) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


@dataclass
class Text:
    text: str
    published: date | None


def _load_texts(corpus: Path, limit: int | None) -> list[Text]:
    from pipeline.reading import read_articles

    texts = [Text(a.text or "", a.published) for a in read_articles([corpus]) if a.status == "ok"]
    return texts[:limit] if limit else texts


def _words(texts: Sequence[Text]) -> int:
    return sum(len(t.text.split()) for t in texts)


def stage_extract(corpus: Path, out: Path, limit: int | None, workers: int) -> StageResult:
    from pipeline.running import extract

    articles = _load_texts(corpus, None)  # only to count words; extract reads the folder itself
    started = time.perf_counter()
    result = extract([corpus], out, workers=workers, log=lambda message: None)
    seconds = time.perf_counter() - started
    counts = result.manifest["counts"]
    label = "pipeline extract()" if workers == 1 else f"pipeline extract() x{workers}"
    return StageResult("extract", label, len(articles), _words(articles), seconds,
                       workers_peak_mib=_maxrss_mib(resource.RUSAGE_CHILDREN) if workers > 1 else None,
                       extra={"workers": workers, "events": counts["events"], "mentions": counts["mentions"],
                              "documents_by_status": counts["documents_by_status"]})


#: how the statistical model is used in a ``pipe`` stage (see pipeline/parsing.py)
PIPE_MODES = {
    "on-demand": ({}, "nlp.pipe"),
    "parse-all": ({"parse_all": True}, "nlp.pipe, parse every sent."),
    "rules": ({"spacy_model": "none"}, "nlp.pipe, rules alone"),
}


def stage_pipe(corpus: Path, out: Path, limit: int | None, workers: int, mode: str = "on-demand") -> StageResult:
    from pipeline.language import load_nlp, make_doc

    texts = _load_texts(corpus, limit)
    options, label = PIPE_MODES[mode]
    started = time.perf_counter()
    nlp = load_nlp(**options)
    setup = time.perf_counter() - started
    started = time.perf_counter()
    docs = list(nlp.pipe((make_doc(nlp, t.text, t.published) for t in texts), batch_size=BATCH_SIZE))
    seconds = time.perf_counter() - started
    events = sum(len(getattr(doc._, "events", None) or ()) for doc in docs)
    sentences = sum(1 for doc in docs for _ in doc.sents)
    parsed = sum(doc.user_data.get("parsed_sentences", 0) for doc in docs)
    label = label if not limit else f"{label} (naive subset)"
    return StageResult("pipe", label, len(texts), _words(texts), seconds, setup,
                       extra={"events": events, "mode": mode, "model": "news_parse" in nlp.pipe_names,
                              "sentences": sentences, "parsed_sentences": parsed})


def naive_extract(nlp: Any, text: str, published: date | None, number_words: frozenset[str],
                  search_dates: Callable[..., Any], word_to_num: Callable[[str], Any]) -> list[tuple[Any, ...]]:
    """The afternoon pipeline: (actor, number, date) per number found, sentence by sentence."""
    base = datetime.combine(published or date.today(), datetime.min.time())
    rows: list[tuple[Any, ...]] = []
    for sent in nlp(text).sents:
        found = search_dates(sent.text, settings={"RELATIVE_BASE": base}) or []
        when = found[0][1] if found else None
        actor = next((tok.text for tok in sent if tok.is_alpha and tok.text[0].isupper()), None)
        numbers: list[float] = []
        run: list[str] = []

        def flush() -> None:
            while run and run[-1] == "-":
                run.pop()
            if run:
                try:
                    numbers.append(word_to_num(" ".join(w for w in run if w != "-")))
                except ValueError:
                    pass
                run.clear()

        for tok in sent:
            if tok.is_alpha and tok.lower_ in number_words:
                run.append(tok.lower_)
                continue
            if tok.text == "-" and run:  # "forty-five" is tokenized forty - five
                run.append("-")
                continue
            flush()
            if tok.like_num and not tok.is_alpha:
                try:
                    numbers.append(float(tok.text.replace(",", "")))
                except ValueError:
                    pass
        flush()
        rows.extend((actor, number, when) for number in numbers)
    return rows


def stage_naive(corpus: Path, out: Path, limit: int | None, workers: int) -> StageResult:
    import spacy
    from dateparser.search import search_dates
    from word2number import w2n

    texts = _load_texts(corpus, limit)
    started = time.perf_counter()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    number_words = frozenset(w2n.american_number_system)
    # the first call loads dateparser's language data: set-up, like load_nlp()
    search_dates = partial(search_dates, languages=["en"])  # as dateparser's docs advise
    search_dates("Officials said on Monday that twelve people were killed.",
                 settings={"RELATIVE_BASE": datetime(2025, 1, 1)})
    setup = time.perf_counter() - started
    started = time.perf_counter()
    rows = [naive_extract(nlp, t.text, t.published, number_words, search_dates, w2n.word_to_num) for t in texts]
    seconds = time.perf_counter() - started
    return StageResult("naive", "naive baseline", len(texts), _words(texts), seconds, setup,
                       extra={"rows": sum(len(r) for r in rows)})


def stage_blank(corpus: Path, out: Path, limit: int | None, workers: int) -> StageResult:
    import spacy

    texts = _load_texts(corpus, limit)
    started = time.perf_counter()
    nlp = spacy.blank("en")
    setup = time.perf_counter() - started
    started = time.perf_counter()
    docs = list(nlp.pipe((t.text for t in texts), batch_size=BATCH_SIZE))
    seconds = time.perf_counter() - started
    return StageResult("blank", "blank tokenizer", len(texts), _words(texts), seconds, setup,
                       extra={"tokens": sum(len(d) for d in docs)})


STAGES: dict[str, Callable[[Path, Path, int | None, int], StageResult]] = {
    "extract": stage_extract, "pipe": stage_pipe, "naive": stage_naive, "blank": stage_blank,
}


def run_child_stage(args: argparse.Namespace) -> int:
    """In the child: run one stage, write its figures as JSON to ``--result``."""
    idle = _maxrss_mib()
    extra = {"mode": args.mode} if args.stage == "pipe" else {}
    result = STAGES[args.stage](Path(args.corpus), Path(args.out), args.limit or None, args.workers, **extra)
    result.idle_mib = idle
    result.peak_mib = _maxrss_mib()
    Path(args.result).write_text(json.dumps(asdict(result)), encoding="utf-8")
    return 0


def run_stage(stage: str, corpus: Path, scratch: Path, limit: int | None = None, workers: int = 1,
              mode: str = "on-demand") -> StageResult:
    """In the parent: one stage in a fresh ``python -m lab.bench --stage`` process."""
    tag = f"{stage}-{limit or 'all'}-{workers}-{mode}"
    result_path = scratch / f"{tag}.json"
    command = [sys.executable, "-m", "lab.bench", "--stage", stage, "--corpus", str(corpus),
               "--out", str(scratch / f"out-{tag}"), "--result", str(result_path),
               "--limit", str(limit or 0), "--workers", str(workers), "--mode", mode]
    print(f"  {tag} ...", file=sys.stderr, flush=True)
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"stage {tag} failed (exit {done.returncode}):\n{done.stderr[-4000:]}")
    return StageResult(**json.loads(result_path.read_text(encoding="utf-8")))


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

def format_table(results: Sequence[StageResult]) -> str:
    header = (f"{'stage':<28} {'articles':>8} {'words':>8} {'seconds':>9} {'articles/s':>10} "
              f"{'words/s':>10} {'peak MiB':>9}")
    lines = [header, "-" * len(header)]
    for r in results:
        lines.append(f"{r.label:<28} {r.articles:>8d} {r.words:>8d} {r.seconds:>9.2f} {r.articles_per_s:>10.1f} "
                     f"{r.words_per_s:>10.0f} {r.peak_mib:>9.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="articles to generate (300)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed")
    parser.add_argument("--workers", type=int, default=1, help="extra extract() row with W workers when W > 1")
    parser.add_argument("--naive-articles", type=int, default=DEFAULT_NAIVE_ARTICLES,
                        help="articles the slow naive baseline is timed on (60; 0 = all)")
    parser.add_argument("--json", help="also write the figures as JSON to this file")
    # internal: one stage in a child process
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=sorted(PIPE_MODES), default="on-demand", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        return run_child_stage(args)
    if args.articles < 1 or args.workers < 1 or args.naive_articles < 0:
        parser.error("--articles and --workers must be at least 1, --naive-articles at least 0")

    naive_limit = args.naive_articles if 0 < args.naive_articles < args.articles else None
    with tempfile.TemporaryDirectory(prefix="pipeline-bench-") as tmp:
        scratch = Path(tmp)
        corpus = scratch / "articles"
        paths = generate_corpus(corpus, args.articles, args.seed)
        digest = corpus_digest(paths)
        print(f"corpus: {len(paths)} articles, seed {args.seed}, sha256 {digest}; running stages in fresh "
              f"processes:", file=sys.stderr, flush=True)
        results = [run_stage("extract", corpus, scratch)]
        if args.workers > 1:
            results.append(run_stage("extract", corpus, scratch, workers=args.workers))
        results.append(run_stage("pipe", corpus, scratch))
        results.append(run_stage("pipe", corpus, scratch, mode="parse-all"))
        results.append(run_stage("pipe", corpus, scratch, mode="rules"))
        if naive_limit:
            results.append(run_stage("pipe", corpus, scratch, limit=naive_limit))
        results.append(run_stage("naive", corpus, scratch, limit=naive_limit))
        results.append(run_stage("blank", corpus, scratch))

    by = {(r.stage, r.articles, r.extra.get("workers", 1), r.extra.get("mode")): r for r in results}
    whole = by[("extract", args.articles, 1, None)]
    pipe = by[("pipe", args.articles, 1, "on-demand")]
    parse_all = by[("pipe", args.articles, 1, "parse-all")]
    rules = by[("pipe", args.articles, 1, "rules")]
    naive = next(r for r in results if r.stage == "naive")
    pipe_same = next(r for r in results if r.stage == "pipe" and r.articles == naive.articles
                     and r.extra.get("mode") == "on-demand")
    speedup_selective = pipe.words_per_s / parse_all.words_per_s
    speedup_whole = whole.words_per_s / naive.words_per_s
    speedup_same = pipe_same.words_per_s / naive.words_per_s

    print(f"\nSynthetic corpus: {args.articles} articles, {pipe.words} words, seed {args.seed} "
          f"(sha256 {digest}); {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(format_table(results))
    print()
    if naive_limit:
        print(f"The naive baseline (dateparser.search_dates per sentence) was timed on the first {naive.articles} "
              f"articles only ({naive.words} words), being too slow for the whole corpus; compare words/s.")
    print(f"Speed-up of the pipeline over the naive baseline (words/s): {speedup_whole:.1f}x end to end "
          f"(extract, incl. reading, load_nlp, tables), {speedup_same:.1f}x for nlp.pipe vs naive on the same "
          f"{naive.articles} articles.")
    if pipe.extra.get("model"):
        print(f"Parsing on demand: the model parsed {pipe.extra['parsed_sentences']} of {pipe.extra['sentences']} "
              f"sentences, {speedup_selective:.1f}x the words/s of parsing every sentence "
              f"({parse_all.words_per_s:.0f} words/s); the rules alone run at {rules.words_per_s:.0f} words/s.")
    else:
        print("No statistical model is installed (models/en_news_core): every nlp.pipe row is the rules alone.")
    print(f"Set-up outside the timing: load_nlp() {pipe.setup_seconds:.2f} s, naive blank+dateparser "
          f"{naive.setup_seconds:.2f} s. Peak MiB include the child interpreter and imports "
          f"(idle {min(r.idle_mib for r in results):.0f} MiB).")
    for r in results:
        if r.workers_peak_mib is not None:
            print(f"{r.label}: parent peak {r.peak_mib:.0f} MiB, largest worker {r.workers_peak_mib:.0f} MiB.")

    if args.json:
        payload = {
            "corpus": {"articles": args.articles, "seed": args.seed, "sha256": digest, "words": pipe.words},
            "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform},
            "naive_subset_articles": naive.articles if naive_limit else None,
            "stages": [dict(asdict(r), articles_per_s=r.articles_per_s, words_per_s=r.words_per_s) for r in results],
            "speedup_words_per_s": {"extract_vs_naive": speedup_whole, "pipe_vs_naive_same_texts": speedup_same,
                                    "on_demand_vs_parse_all": speedup_selective},
        }
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
