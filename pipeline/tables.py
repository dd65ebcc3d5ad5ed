"""Tables: flatten processed documents into the contract's tables and write them.

The columns, names and types are those of ``TABLES.md`` (events, mentions,
documents); each table is a pandas DataFrame with a fixed pyarrow schema,
sorted in a stable order, written as Parquet and CSV. Writes are atomic:
every file goes to a temporary name in the output folder first and is
renamed into place only when all of them are complete, so an interrupted
run leaves the previous tables (or none), never half a table.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .attachment import Event
from .reading import Article

SCHEMA_VERSION = "1.0"

EVENTS_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("published", pa.date32()),
    ("sentence_index", pa.int64()), ("sentence", pa.string()),
    ("actor", pa.string()), ("actor_text", pa.string()), ("actor_type", pa.string()),
    ("actor_country", pa.string()), ("actor_role", pa.string()),
    ("actor_char_start", pa.int64()), ("actor_char_end", pa.int64()),
    ("predicate", pa.string()), ("counterpart", pa.string()),
    ("quantity_text", pa.string()), ("quantity_value", pa.float64()),
    ("quantity_low", pa.float64()), ("quantity_high", pa.float64()),
    ("quantity_modifier", pa.string()), ("quantity_unit", pa.string()),
    ("quantity_char_start", pa.int64()), ("quantity_char_end", pa.int64()),
    ("date_text", pa.string()), ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("date_granularity", pa.string()), ("date_char_start", pa.int64()), ("date_char_end", pa.int64()),
])

MENTIONS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("label", pa.string()), ("text", pa.string()),
    ("char_start", pa.int64()), ("char_end", pa.int64()),
    ("quantity_value", pa.float64()), ("quantity_low", pa.float64()), ("quantity_high", pa.float64()),
    ("quantity_modifier", pa.string()), ("quantity_unit", pa.string()),
    ("date_start", pa.date32()), ("date_end", pa.date32()), ("date_granularity", pa.string()),
    ("timex_type", pa.string()), ("timex_value", pa.string()),
    ("actor", pa.string()), ("actor_type", pa.string()), ("actor_country", pa.string()),
])

DOCUMENTS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("path", pa.string()), ("published", pa.date32()),
    ("published_from", pa.string()), ("n_chars", pa.int64()), ("n_sentences", pa.int64()),
    ("n_mentions", pa.int64()), ("n_events", pa.int64()), ("status", pa.string()), ("error", pa.string()),
])


@dataclass
class DocumentRows:
    """What one article contributes to the three tables (plain data, picklable)."""

    events: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    n_sentences: int = 0
    error: str | None = None


def event_id(doc_id: str, row: dict[str, Any]) -> str:
    key = "|".join(str(row.get(k)) for k in ("quantity_char_start", "quantity_char_end", "date_char_start",
                                               "date_char_end", "actor", "actor_role"))
    return hashlib.sha1(f"{doc_id}|{key}".encode()).hexdigest()[:16]


def rows_from_doc(doc_id: str, published: date | None, doc) -> DocumentRows:
    """Flatten one processed Doc into event and mention rows."""
    out = DocumentRows(n_sentences=sum(1 for s in doc.sents if s.text.strip()) if doc.has_annotation("SENT_START") else 1)
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    # a number's unit as attachment read it (the counted noun), where it made a row of it
    units = {(e.quantity.start_char, e.quantity.end_char): e.unit for e in doc._.events or [] if e.quantity is not None}
    for q in doc._.quantities or []:
        unit = units.get((q.start_char, q.end_char), q.unit)
        out.mentions.append({"doc_id": doc_id, "label": "QUANTITY", "text": q.text, "char_start": q.start_char,
                             "char_end": q.end_char, "quantity_value": q.value, "quantity_low": q.low,
                             "quantity_high": q.high, "quantity_modifier": q.modifier, "quantity_unit": unit})
    for d in doc._.dates or []:
        out.mentions.append({"doc_id": doc_id, "label": "DATE", "text": d.text, "char_start": d.start_char,
                             "char_end": d.end_char, "date_start": d.start_date, "date_end": d.end_date,
                             "date_granularity": d.granularity, "timex_type": d.timex_type,
                             "timex_value": d.timex_value})
    for m in doc._.actors or []:
        for actor in m.actors:
            out.mentions.append({"doc_id": doc_id, "label": "ACTOR", "text": m.text, "char_start": m.start_char,
                                 "char_end": m.end_char, "actor": actor.name, "actor_type": actor.type,
                                 "actor_country": actor.country})
    for e in doc._.events or []:
        out.events.append(_event_row(doc_id, published, sentences, e))
    return out


def _event_row(doc_id: str, published: date | None, sentences, e: Event) -> dict[str, Any]:
    q, d, m = e.quantity, e.date, e.mention
    row: dict[str, Any] = {
        "doc_id": doc_id, "published": published, "sentence_index": e.sentence_index,
        "sentence": sentences[e.sentence_index].text.strip(),
        "actor": e.actor.name if e.actor else None, "actor_text": m.text if m else None,
        "actor_type": e.actor.type if e.actor else None, "actor_country": e.actor.country if e.actor else None,
        "actor_role": e.role if e.actor else None,
        "actor_char_start": m.start_char if m else None, "actor_char_end": m.end_char if m else None,
        "predicate": e.predicate, "counterpart": e.counterpart.name if e.counterpart else None,
    }
    if q is not None:
        row.update({"quantity_text": q.text, "quantity_value": q.value, "quantity_low": q.low,
                    "quantity_high": q.high, "quantity_modifier": q.modifier, "quantity_unit": e.unit,
                    "quantity_char_start": q.start_char, "quantity_char_end": q.end_char})
    if d is not None:
        row.update({"date_text": d.text, "date_start": d.start_date, "date_end": d.end_date,
                    "date_granularity": d.granularity, "date_char_start": d.start_char, "date_char_end": d.end_char})
    row["event_id"] = event_id(doc_id, row)
    return row


def _frame(rows: list[dict[str, Any]], schema: pa.Schema, sort: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=schema.names)
    if len(frame):
        frame = frame.sort_values(sort, kind="stable", na_position="first").reset_index(drop=True)
    return frame


def build_tables(articles: Iterable[Article], results: dict[str, DocumentRows]) -> dict[str, pd.DataFrame]:
    """The three tables; ``results`` maps doc_id to what processing produced."""
    events: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for article in articles:
        rows = results.get(article.doc_id)
        status, error = article.status, article.error
        if rows is not None and rows.error:
            status = "error"
            error = f"{error}; {rows.error}" if error else rows.error
        if rows is not None and status == "ok":
            events += rows.events
            mentions += rows.mentions
        documents.append({
            "doc_id": article.doc_id, "path": article.path, "published": article.published,
            "published_from": article.published_from, "n_chars": len(article.text or ""),
            "n_sentences": rows.n_sentences if rows and status == "ok" else 0,
            "n_mentions": len(rows.mentions) if rows and status == "ok" else 0,
            "n_events": len(rows.events) if rows and status == "ok" else 0,
            "status": status, "error": error,
        })
    return {
        "events": _frame(events, EVENTS_SCHEMA, ["doc_id", "quantity_char_start", "date_char_start", "actor", "event_id"]),
        "mentions": _frame(mentions, MENTIONS_SCHEMA, ["doc_id", "char_start", "char_end", "label", "actor"]),
        "documents": _frame(documents, DOCUMENTS_SCHEMA, ["doc_id", "path"]),
    }


SCHEMAS = {"events": EVENTS_SCHEMA, "mentions": MENTIONS_SCHEMA, "documents": DOCUMENTS_SCHEMA}


def to_arrow(name: str, frame: pd.DataFrame) -> pa.Table:
    schema = SCHEMAS[name]
    arrays = []
    for column in schema:
        values = [None if _is_null(v) else v for v in frame[column.name].tolist()]
        if pa.types.is_integer(column.type):
            values = [None if v is None else int(v) for v in values]
        arrays.append(pa.array(values, type=column.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _is_null(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path, manifest: dict[str, Any]) -> list[Path]:
    """Write Parquet + CSV for each table and run.json, all atomically."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    tag = f".tmp-{os.getpid()}"
    try:
        for name, frame in tables.items():
            table = to_arrow(name, frame)
            parquet = out / f"{name}.parquet"
            pq.write_table(table, parquet.with_name(parquet.name + tag))
            staged.append((parquet.with_name(parquet.name + tag), parquet))
            csv = out / f"{name}.csv"
            # pyarrow keeps integer offsets integers where pandas would make them floats
            pacsv.write_csv(table, csv.with_name(csv.name + tag),
                            pacsv.WriteOptions(quoting_style="needed"))
            staged.append((csv.with_name(csv.name + tag), csv))
        run = out / "run.json"
        run.with_name(run.name + tag).write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
        staged.append((run.with_name(run.name + tag), run))
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, final in staged:
        os.replace(temporary, final)
    return [final for _, final in staged]
