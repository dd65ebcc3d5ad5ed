"""Score the pipeline's tables against gold annotations (see spec/ANNOTATION.md).

Inputs: gold records (JSONL, one article per line) and the pipeline's
``events`` and ``mentions`` tables (spec/TABLES.md). Only documents whose
``doc_id`` appears in the gold are scored; rows of other documents are ignored.
Every ratio is 0.0 when its denominator is 0. What each figure means:

1. Spans. A gold and a predicted span match when their character ranges
   overlap by at least one character (relaxed match). Within a document, gold
   and predicted mentions are paired one-to-one, greedily by largest overlap;
   ties go to the earliest gold start, then the earliest predicted start.
2. quantity_*: predictions are ``mentions`` rows with label QUANTITY, gold is
   the record's ``quantities``. A prediction paired with a non-optional gold
   quantity is a TP, one paired with an optional gold quantity is ignored, an
   unpaired one is a FP; an unpaired non-optional gold quantity is a FN.
   quantity_value_accuracy: share of TP pairs (quantity_value_n of them) whose
   predicted quantity_value, quantity_low and quantity_high each equal the
   gold value, low and high (both null, or numbers within 1e-6 relative).
   quantity_unit_accuracy: share of TP pairs whose gold unit is not null
   (quantity_unit_n of them) whose predicted quantity_unit equals it
   (casefolded).
3. date_*: predictions are ``mentions`` rows with label DATE whose
   ``timex_type`` is DATE or null (durations, sets and times are not dates);
   gold is the record's ``dates``; same pairing and optional rules. An
   unpaired prediction whose ``timex_value`` is PRESENT_REF, PAST_REF or
   FUTURE_REF (no calendar position: optional by the guideline) is ignored.
   date_value_accuracy: share of TP pairs whose date_start and date_end equal
   the gold start_date and end_date as ISO dates (null equals null only).
4. Actors. Strings are normalized (NFKC, casefold, curly single quotes to
   ', whitespace collapsed, a leading "the " removed). An events row names a
   gold actor when its ``actor`` or ``actor_text`` equals, normalized, the
   actor's name or one of its aliases.
5. fact_*: each events row is one predicted fact. A row satisfies a gold fact
   when (a) the gold quantity is null and the row has no quantity span, or the
   row's quantity span overlaps the gold quantity; (b) likewise for the date
   (row date span vs gold date), except that a gold date marked optional may
   also be left out (a row with no date satisfies it: the guideline lets a
   system give or omit an optional date freely, also as a fact's date);
   (c) the gold actors list is empty, or the row
   names one of them. Rows and gold facts are paired one-to-one by a maximum
   bipartite matching that first serves the non-optional gold facts (in
   document order, trying rows in document order; augmenting paths never
   unpair a fact already served), then the optional ones. A row paired with a
   non-optional fact is a TP; a row paired with an optional fact is ignored;
   an unpaired row is ignored when its quantity span overlaps an optional gold
   quantity, or it has no quantity and its date span overlaps an optional
   gold date; any other unpaired row is a FP. An unpaired non-optional gold
   fact is a FN.
6. actor_attachment_accuracy: over non-optional gold facts with a quantity,
   a non-empty actors list, and a quantity that some events row's quantity
   span overlaps (actor_attachment_n): correct when one of those overlapping
   rows names one of the fact's actors. Each gold fact counts once, so the two
   facts of a joint action need one row per side.
7. date_attachment_accuracy: over non-optional gold facts with a quantity
   that some events row overlaps (date_attachment_n): correct when one of
   those rows has the right date side (no date span when the gold date is
   null, else a date span overlapping the gold date, or none when that gold
   date is optional).

Nulls in the tables may be None, NaN, pd.NA or NaT; all count as null. A span
whose start or end is null counts as no span.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

Span = tuple[int, int]
Metrics = dict[str, float | int]

METRIC_ORDER: list[str] = [
    "n_docs",
    *(f"quantity_{k}" for k in ("precision", "recall", "f1", "tp", "fp", "fn")),
    "quantity_value_accuracy", "quantity_value_correct", "quantity_value_n",
    "quantity_unit_accuracy", "quantity_unit_correct", "quantity_unit_n",
    *(f"date_{k}" for k in ("precision", "recall", "f1", "tp", "fp", "fn")),
    "date_value_accuracy", "date_value_correct", "date_value_n",
    "actor_attachment_accuracy", "actor_attachment_correct", "actor_attachment_n",
    "date_attachment_accuracy", "date_attachment_correct", "date_attachment_n",
    *(f"fact_{k}" for k in ("precision", "recall", "f1", "tp", "fp", "fn")),
]


# ---------------------------------------------------------------- small helpers

def _is_null(x: Any) -> bool:
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # array-likes are not null scalars
        return False


def _eq(x: Any, value: str) -> bool:
    return not _is_null(x) and x == value


def _int(x: Any) -> int | None:
    return None if _is_null(x) else int(round(float(x)))


def _span(start: Any, end: Any) -> Span | None:
    s, e = _int(start), _int(end)
    return None if s is None or e is None else (s, e)


def _overlap(a: Span | None, b: Span | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _same_number(a: Any, b: Any) -> bool:
    if _is_null(a) or _is_null(b):
        return _is_null(a) and _is_null(b)
    return math.isclose(float(a), float(b), rel_tol=1e-6)


def _iso(x: Any) -> str | None:
    if _is_null(x):
        return None
    if isinstance(x, str):
        return x.strip()[:10]
    if isinstance(x, dt.datetime):  # includes pd.Timestamp
        return x.date().isoformat()
    if isinstance(x, dt.date):
        return x.isoformat()
    return pd.Timestamp(x).date().isoformat()  # e.g. numpy.datetime64


def normalize_name(s: Any) -> str:
    """Normalize an actor string for comparison (rule 4); null gives ""."""
    if _is_null(s):
        return ""
    t = unicodedata.normalize("NFKC", str(s)).casefold()
    t = re.sub(r"\s+", " ", t.replace("\u2019", "'").replace("\u2018", "'")).strip()
    return t[4:] if t.startswith("the ") else t


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _prf(prefix: str, tp: int, fp: int, fn: int) -> Metrics:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{prefix}_precision": p, f"{prefix}_recall": r, f"{prefix}_f1": f1,
            f"{prefix}_tp": tp, f"{prefix}_fp": fp, f"{prefix}_fn": fn}


def _rows_by_doc(df: pd.DataFrame | None, doc_ids: set[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    if df is None or df.empty or "doc_id" not in df.columns:
        return out
    for row in df[df["doc_id"].isin(doc_ids)].to_dict("records"):
        out[row["doc_id"]].append(row)
    return out


def _actor_names(rec: dict) -> dict[str, set[str]]:
    """Gold actor id -> its normalized name and aliases (rule 4)."""
    return {a["id"]: {normalize_name(n) for n in [a.get("name"), *(a.get("aliases") or [])]} - {""}
            for a in rec.get("actors") or []}


# ---------------------------------------------------------------- pairing

def pair_spans(gold: list[Span], pred: list[Span | None]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, greedy by largest overlap."""
    cands = [(-ov, g[0], p[0], gi, pi)  # type: ignore[index]
             for gi, g in enumerate(gold) for pi, p in enumerate(pred)
             if (ov := _overlap(g, p)) > 0]
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


#: TIMEX3 values of dates with no calendar position ("now", "recently"): optional by
#: ANNOTATION.md (Dates), so a prediction carrying one is never a false positive
REFERENCE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def _detection(gold: list[dict], pred: list[dict]) -> tuple[int, int, int, list[tuple[dict, dict]]]:
    """TP, FP, FN and the TP (gold, pred) pairs for one document and label."""
    pairs = pair_spans([(g["start"], g["end"]) for g in gold],
                       [_span(p.get("char_start"), p.get("char_end")) for p in pred])
    tps = [(gold[gi], pred[pi]) for gi, pi in pairs if not gold[gi].get("optional")]
    n_required = sum(1 for g in gold if not g.get("optional"))
    paired = {pi for _, pi in pairs}
    fps = sum(1 for pi, p in enumerate(pred) if pi not in paired and p.get("timex_value") not in REFERENCE_VALUES)
    return len(tps), fps, n_required - len(tps), tps


def _max_matching(order: Iterable[int], cands: dict[int, list[int]]) -> dict[int, int]:
    """Kuhn's augmenting-path matching; returns row index -> fact index."""
    owner: dict[int, int] = {}

    def assign(fi: int, seen: set[int]) -> bool:
        for ri in cands[fi]:
            if ri not in seen:
                seen.add(ri)
                if ri not in owner or assign(owner[ri], seen):
                    owner[ri] = fi
                    return True
        return False

    for fi in order:
        assign(fi, set())
    return owner


# ---------------------------------------------------------------- scoring

def load_gold(path: str | Path) -> list[dict]:
    """Read a gold JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(gold: list[dict], events: pd.DataFrame, mentions: pd.DataFrame) -> Metrics:
    """Compare gold records with the events and mentions tables (see module doc)."""
    ids = {g["doc_id"] for g in gold}
    ev_by_doc, men_by_doc = _rows_by_doc(events, ids), _rows_by_doc(mentions, ids)
    c: dict[str, int] = defaultdict(int)

    for rec in gold:
        doc_ev, doc_men = ev_by_doc.get(rec["doc_id"], []), men_by_doc.get(rec["doc_id"], [])
        quants, dates = rec.get("quantities") or [], rec.get("dates") or []

        # rules 2-3: detection and values
        pq = [m for m in doc_men if _eq(m.get("label"), "QUANTITY")]
        tp, fp, fn, pairs = _detection(quants, pq)
        for name, n in (("tp", tp), ("fp", fp), ("fn", fn)):
            c[f"quantity_{name}"] += n
        c["quantity_value_n"] += len(pairs)
        c["quantity_value_correct"] += sum(
            all(_same_number(g.get(k), p.get(f"quantity_{k}")) for k in ("value", "low", "high"))
            for g, p in pairs)
        with_unit = [(g, p) for g, p in pairs if not _is_null(g.get("unit"))]
        c["quantity_unit_n"] += len(with_unit)
        c["quantity_unit_correct"] += sum(
            not _is_null(p.get("quantity_unit")) and str(p["quantity_unit"]).casefold() == str(g["unit"]).casefold()
            for g, p in with_unit)
        pd_ = [m for m in doc_men if _eq(m.get("label"), "DATE")
               and (_is_null(m.get("timex_type")) or _eq(m.get("timex_type"), "DATE"))]
        tp, fp, fn, pairs = _detection(dates, pd_)
        for name, n in (("tp", tp), ("fp", fp), ("fn", fn)):
            c[f"date_{name}"] += n
        c["date_value_n"] += len(pairs)
        c["date_value_correct"] += sum(
            _iso(g.get("start_date")) == _iso(p.get("date_start"))
            and _iso(g.get("end_date")) == _iso(p.get("date_end")) for g, p in pairs)

        # rule 4: actor name sets
        names = _actor_names(rec)
        qspan = {q["id"]: (q["start"], q["end"]) for q in quants}
        dspan = {d["id"]: (d["start"], d["end"]) for d in dates}
        optional_dates = {d["id"] for d in dates if d.get("optional")}
        rows = [{"q": _span(r.get("quantity_char_start"), r.get("quantity_char_end")),
                 "d": _span(r.get("date_char_start"), r.get("date_char_end")),
                 "names": {normalize_name(r.get("actor")), normalize_name(r.get("actor_text"))} - {""}}
                for r in doc_ev]
        facts = [{"q": qspan.get(f["quantity"]) if f.get("quantity") else None,
                  "d": dspan.get(f["date"]) if f.get("date") else None,
                  "d_optional": f.get("date") in optional_dates,
                  "actors": [names.get(a, set()) for a in f.get("actors") or []],
                  "optional": bool(f.get("optional"))}
                 for f in rec.get("facts") or []]

        def side_ok(g: Span | None, p: Span | None) -> bool:
            return p is None if g is None else _overlap(g, p) > 0

        def names_one(row: dict, fact: dict) -> bool:
            return any(row["names"] & s for s in fact["actors"])

        def date_ok(fact: dict, row: dict) -> bool:
            # an optional date may be given or left out freely, also as a fact's date
            return side_ok(fact["d"], row["d"]) or (fact.get("d_optional", False) and row["d"] is None)

        def satisfies(row: dict, fact: dict) -> bool:
            return (side_ok(fact["q"], row["q"]) and date_ok(fact, row)
                    and (not fact["actors"] or names_one(row, fact)))

        # rule 5: facts
        def pos(x: dict) -> int:
            s = x["q"] or x["d"]
            return s[0] if s else -1

        row_order = sorted(range(len(rows)), key=lambda i: (pos(rows[i]), i))
        cands = {fi: [ri for ri in row_order if satisfies(rows[ri], f)] for fi, f in enumerate(facts)}
        fact_order = sorted(range(len(facts)), key=lambda i: (facts[i]["optional"], pos(facts[i]), i))
        owner = _max_matching(fact_order, cands)
        opt_q = [(q["start"], q["end"]) for q in quants if q.get("optional")]
        opt_d = [(d["start"], d["end"]) for d in dates if d.get("optional")]
        for ri, row in enumerate(rows):
            if ri in owner:
                c["fact_tp"] += not facts[owner[ri]]["optional"]
            elif row["q"] is not None:
                c["fact_fp"] += not any(_overlap(row["q"], s) for s in opt_q)
            else:
                c["fact_fp"] += not any(_overlap(row["d"], s) for s in opt_d)
        matched = set(owner.values())
        c["fact_fn"] += sum(1 for fi, f in enumerate(facts) if not f["optional"] and fi not in matched)

        # rules 6-7: attachment, over detected non-optional quantity facts
        for f in facts:
            if f["optional"] or f["q"] is None:
                continue
            over = [r for r in rows if _overlap(r["q"], f["q"]) > 0]
            if not over:
                continue
            c["date_attachment_n"] += 1
            c["date_attachment_correct"] += any(date_ok(f, r) for r in over)
            if f["actors"]:
                c["actor_attachment_n"] += 1
                c["actor_attachment_correct"] += any(names_one(r, f) for r in over)

    out: Metrics = {"n_docs": len(gold)}
    for p in ("quantity", "date", "fact"):
        out.update(_prf(p, c[f"{p}_tp"], c[f"{p}_fp"], c[f"{p}_fn"]))
    for p in ("quantity_value", "quantity_unit", "date_value", "actor_attachment", "date_attachment"):
        out[f"{p}_correct"], out[f"{p}_n"] = c[f"{p}_correct"], c[f"{p}_n"]
        out[f"{p}_accuracy"] = _ratio(c[f"{p}_correct"], c[f"{p}_n"])
    return {k: out[k] for k in METRIC_ORDER}


def evaluate_output(gold_path: str | Path, out_dir: str | Path) -> Metrics:
    """Score out_dir/events.parquet and out_dir/mentions.parquet against gold_path."""
    out = Path(out_dir)
    return score(load_gold(gold_path), pd.read_parquet(out / "events.parquet"),
                 pd.read_parquet(out / "mentions.parquet"))


def format_report(results: dict[str, dict]) -> str:
    """Fixed-width table: one row per metric, one column per evaluated set."""
    sets = list(results)
    keys = [k for k in METRIC_ORDER if any(k in r for r in results.values())]
    keys += sorted({k for r in results.values() for k in r} - set(keys))

    def fmt(v: Any) -> str:
        if v is None:
            return "-"
        if isinstance(v, int) and not isinstance(v, bool):
            return str(v)
        return f"{float(v):.3f}"

    cells = [[fmt(results[s].get(k)) for s in sets] for k in keys]
    kw = max([len("metric"), *map(len, keys)])
    widths = [max([len(s), *(len(row[i]) for row in cells)]) for i, s in enumerate(sets)]
    lines = ["  ".join(["metric".ljust(kw), *(s.rjust(w) for s, w in zip(sets, widths))])]
    lines.append("-" * len(lines[0]))
    for k, row in zip(keys, cells):
        lines.append("  ".join([k.ljust(kw), *(v.rjust(w) for v, w in zip(row, widths))]))
    return "\n".join(lines)


def attachment_errors(gold: list[dict], events: pd.DataFrame) -> list[str]:
    """One line per scored gold fact (rule 6) whose quantity some row found but no
    such row names one of its actors: the sentence window, the gold actors and
    what the rows said. For reading errors on the tuning sets only."""
    ids = {g["doc_id"] for g in gold}
    ev_by_doc = _rows_by_doc(events, ids)
    lines = []
    for rec in gold:
        text = rec.get("text") or ""
        names = _actor_names(rec)
        label = {a["id"]: a.get("name") for a in rec.get("actors") or []}
        qs = {q["id"]: q for q in rec.get("quantities") or []}
        for f in rec.get("facts") or []:
            q = qs.get(f.get("quantity")) if f.get("quantity") else None
            if f.get("optional") or q is None or not f.get("actors"):
                continue
            span = (q["start"], q["end"])
            over = [r for r in ev_by_doc.get(rec["doc_id"], [])
                    if _overlap(_span(r.get("quantity_char_start"), r.get("quantity_char_end")), span)]
            if not over:
                continue
            wanted = set().union(*(names.get(a, set()) for a in f["actors"]))
            said = [(r.get("actor"), r.get("actor_text"), r.get("actor_role")) for r in over]
            if any({normalize_name(a), normalize_name(t)} & wanted for a, t, _ in said):
                continue
            left = text.rfind("\n", 0, q["start"]) + 1
            right = text.find("\n", q["end"])
            window = " ".join(text[max(left, q["start"] - 160):(right if right >= 0 else len(text))][:320].split())
            lines.append(f"{rec['doc_id']} [{q['text']}] gold={[label.get(a) for a in f['actors']]} "
                         f"pred={said}\n    {window}")
    return lines
