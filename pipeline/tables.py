"""Tables: flatten processed documents into the contract's tables and write them.

The columns, names and types are those of ``TABLES.md`` (events, mentions,
documents), each with a fixed pyarrow schema. Rows are written as the run
goes (``TableWriter``): each batch of documents becomes one part file per
table in a staging folder, so memory holds one batch, not the corpus. When
the run is done the parts become the partitioned datasets ``events/``,
``mentions/`` and ``documents/`` (folders that pandas, DuckDB, polars and
Spark read as one table) and are streamed into the single files the
contract names, ``events.parquet`` and ``events.csv`` and so on. Every file
is complete before it is renamed into place, and ``run.json`` comes last:
an interrupted run leaves the previous tables (or none), never half a table.

Row order: documents in reading order; within a document, events by
number, date and actor offsets, mentions by offsets.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .reading import Article

if TYPE_CHECKING:
    from .attachment import Event

# 1.1: columns added (mention ids and the events' links to them, quantity_kind); none changed
SCHEMA_VERSION = "1.1"

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
    # added in 1.1
    ("quantity_kind", pa.string()),
    ("quantity_mention_id", pa.string()), ("date_mention_id", pa.string()), ("actor_mention_id", pa.string()),
    ("side_key", pa.string()), ("source", pa.string()), ("source_text", pa.string()),
    ("claim_id", pa.string()),
])

MENTIONS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("label", pa.string()), ("text", pa.string()),
    ("char_start", pa.int64()), ("char_end", pa.int64()),
    ("quantity_value", pa.float64()), ("quantity_low", pa.float64()), ("quantity_high", pa.float64()),
    ("quantity_modifier", pa.string()), ("quantity_unit", pa.string()),
    ("date_start", pa.date32()), ("date_end", pa.date32()), ("date_granularity", pa.string()),
    ("timex_type", pa.string()), ("timex_value", pa.string()),
    ("actor", pa.string()), ("actor_type", pa.string()), ("actor_country", pa.string()),
    # added in 1.1
    ("mention_id", pa.string()), ("quantity_kind", pa.string()),
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


def mention_id(doc_id: str, label: str, start: int, end: int, actor: str | None = None) -> str:
    """Stable id of a mention: its document, label, offsets (and actor, one row per actor of a
    joint mention such as "Ukraine and Russia")."""
    key = f"{doc_id}|{label}|{start}|{end}|{actor or ''}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def rows_from_doc(doc_id: str, published: date | None, doc) -> DocumentRows:
    """Flatten one processed Doc into event and mention rows."""
    from .numbers import lexicon  # here, not at the top: a run answered from its cache never loads spaCy

    kind_of = lexicon().kind
    out = DocumentRows(n_sentences=sum(1 for s in doc.sents if s.text.strip()) if doc.has_annotation("SENT_START") else 1)
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    # a number's unit as attachment read it (the counted noun), where it made a row of it
    units = {(e.quantity.start_char, e.quantity.end_char): e.unit for e in doc._.events or [] if e.quantity is not None}
    for q in doc._.quantities or []:
        unit = units.get((q.start_char, q.end_char), q.unit)
        out.mentions.append({"doc_id": doc_id, "label": "QUANTITY", "text": q.text, "char_start": q.start_char,
                             "char_end": q.end_char, "quantity_value": q.value, "quantity_low": q.low,
                             "quantity_high": q.high, "quantity_modifier": q.modifier, "quantity_unit": unit,
                             "quantity_kind": kind_of(unit, q.text),
                             "mention_id": mention_id(doc_id, "QUANTITY", q.start_char, q.end_char)})
    for d in doc._.dates or []:
        # a range merged from two dates ("1991 to 1997") is one DATE (its interval) for the events;
        # TimeML marks it as two TIMEX3, written as two TIMEX rows, so that every TIMEX3 value in
        # the table is a valid one and a TimeML scorer finds what TimeML marks
        out.mentions.append({"doc_id": doc_id, "label": "DATE", "text": d.text, "char_start": d.start_char,
                             "char_end": d.end_char, "date_start": d.start_date, "date_end": d.end_date,
                             "date_granularity": d.granularity,
                             "timex_type": None if d.parts else d.timex_type,
                             "timex_value": None if d.parts else d.timex_value,
                             "mention_id": mention_id(doc_id, "DATE", d.start_char, d.end_char)})
        for part in d.parts:
            out.mentions.append({"doc_id": doc_id, "label": "TIMEX", "text": part.text,
                                 "char_start": part.start_char, "char_end": part.end_char,
                                 "date_start": part.start_date, "date_end": part.end_date,
                                 "date_granularity": part.granularity, "timex_type": part.timex_type,
                                 "timex_value": part.timex_value,
                                 "mention_id": mention_id(doc_id, "TIMEX", part.start_char, part.end_char)})
    for m in doc._.actors or []:
        for actor in m.actors:
            out.mentions.append({"doc_id": doc_id, "label": "ACTOR", "text": m.text, "char_start": m.start_char,
                                 "char_end": m.end_char, "actor": actor.name, "actor_type": actor.type,
                                 "actor_country": actor.country,
                                 "mention_id": mention_id(doc_id, "ACTOR", m.start_char, m.end_char, actor.name)})
    known = {m["mention_id"] for m in out.mentions}
    for e in doc._.events or []:
        row = _event_row(doc_id, published, sentences, e)
        # the mentions rows this event is made of; null where attachment built a mention of its own
        # (the two sides of "Ukraine and Russia" joined, a poll's makers)
        links = {"quantity_mention_id": ("QUANTITY", "quantity_char_start", "quantity_char_end", None),
                 "date_mention_id": ("DATE", "date_char_start", "date_char_end", None),
                 "actor_mention_id": ("ACTOR", "actor_char_start", "actor_char_end", row["actor"])}
        for column, (label, start, end, actor) in links.items():
            found = mention_id(doc_id, label, row[start], row[end], actor) if row.get(start) is not None else None
            row[column] = found if found in known else None
        if row.get("quantity_text") is not None:
            row["quantity_kind"] = kind_of(row.get("quantity_unit"), row["quantity_text"])
        # one figure, one key: "Russia and Ukraine each freed 390" is a row per side with the
        # same key, so a sum counts the 390 once (GROUP BY side_key)
        side = "|".join(str(row.get(k)) for k in ("quantity_char_start", "quantity_char_end", "date_char_start",
                                                   "date_char_end", "predicate"))
        row["side_key"] = hashlib.sha1(f"{doc_id}|{side}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
        out.events.append(row)
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
        "source": "; ".join(a.name for a in e.source.actors) if e.source else None,
        "source_text": e.source.text if e.source else None,
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
    """Rows in their documents' order (``_order``), each document's sorted by ``sort``."""
    frame = pd.DataFrame(rows, columns=["_order", *schema.names])
    if len(frame):
        frame = frame.sort_values(["_order", *sort], kind="stable", na_position="first").reset_index(drop=True)
    return frame.drop(columns="_order")


def build_tables(articles: Iterable[Article], results: dict[str, DocumentRows]) -> dict[str, pd.DataFrame]:
    """The three tables; ``results`` maps doc_id to what processing produced."""
    events: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for order, article in enumerate(articles):
        rows = results.get(article.doc_id)
        status, error = article.status, article.error
        if rows is not None and rows.error:
            status = "error"
            error = f"{error}; {rows.error}" if error else rows.error
        if rows is not None and status == "ok":
            events += ({"_order": order, **row} for row in rows.events)
            mentions += ({"_order": order, **row} for row in rows.mentions)
        documents.append({
            "_order": order, "doc_id": article.doc_id, "path": article.path, "published": article.published,
            "published_from": article.published_from, "n_chars": len(article.text or ""),
            "n_sentences": rows.n_sentences if rows and status == "ok" else 0,
            "n_mentions": len(rows.mentions) if rows and status == "ok" else 0,
            "n_events": len(rows.events) if rows and status == "ok" else 0,
            "status": status, "error": error,
        })
    return {
        "events": _frame(events, EVENTS_SCHEMA, ["quantity_char_start", "date_char_start", "actor", "event_id"]),
        "mentions": _frame(mentions, MENTIONS_SCHEMA, ["char_start", "char_end", "label", "actor"]),
        "documents": _frame(documents, DOCUMENTS_SCHEMA, []),
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


#: the outputs a run can write: the partitioned datasets and the contract's single files
FORMATS = ("dataset", "parquet", "csv")
STAGING_PREFIX = ".staging-"


class TableWriter:
    """The run's tables, written batch by batch into a staging folder inside ``out`` and moved
    into place by ``finish`` (see the module's docstring)."""

    def __init__(self, out_dir: str | Path, formats: Iterable[str] = FORMATS, run_id: str = "") -> None:
        self.out = Path(out_dir)
        self.formats = tuple(formats)
        self.run_id = run_id
        unknown = set(self.formats) - set(FORMATS)
        if unknown or not self.formats:
            raise ValueError(f"formats must be among {', '.join(FORMATS)}; got {', '.join(self.formats) or 'none'}")
        self.out.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.out)  # one run per folder, or two runs' files would mix
        _remove_stale_staging(self.out)
        self.staging = self.out / f"{STAGING_PREFIX}{os.getpid()}"
        shutil.rmtree(self.staging, ignore_errors=True)
        self.parts: dict[str, list[Path]] = {name: [] for name in SCHEMAS}
        for name in SCHEMAS:
            (self.staging / name).mkdir(parents=True)
        # every file of the run carries its id, as run.json does: a reader can check that the
        # tables it holds are one run's
        self.schemas = {name: schema.with_metadata({"run_id": run_id, "schema_version": SCHEMA_VERSION})
                        for name, schema in SCHEMAS.items()}

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        """One batch's rows: a part file per table (none for a table the batch left empty)."""
        for name, frame in tables.items():
            if not len(frame):
                continue
            part = self.staging / name / f"part-{len(self.parts[name]):05d}.parquet"
            pq.write_table(to_arrow(name, frame).replace_schema_metadata(self.schemas[name].metadata), part)
            self.parts[name].append(part)

    def finish(self, manifest: dict[str, Any]) -> list[Path]:
        """The datasets and single files, complete in staging, renamed into place; run.json last."""
        try:
            staged = self._assemble(manifest)
        except BaseException:
            self.abort()
            raise
        self._remove_unwritten_formats()
        for temporary, final in staged:
            if temporary.is_dir():
                old = self.staging / f"old-{final.name}"
                if final.exists():
                    os.replace(final, old)  # a dataset folder cannot replace a folder in one rename
                os.replace(temporary, final)
            else:
                os.replace(temporary, final)
        shutil.rmtree(self.staging, ignore_errors=True)
        self._unlock()
        return [final for _, final in staged]

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()  # the lock goes with the file; the empty file stays
            self._lock = None

    def _remove_unwritten_formats(self) -> None:
        """An earlier run's outputs in a format this run does not write: they would not match."""
        for name in self.schemas:
            for fmt, path in (("parquet", self.out / f"{name}.parquet"), ("csv", self.out / f"{name}.csv")):
                if fmt not in self.formats and path.is_file():
                    path.unlink()
            folder = self.out / name
            if "dataset" not in self.formats and folder.is_dir() \
                    and all(p.name.startswith("part-") and p.suffix == ".parquet" for p in folder.iterdir()):
                shutil.rmtree(folder)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self._unlock()

    def _claims(self) -> None:
        """The claims table, from the whole run's events (the columns a claim reads, not the
        rows' text), and each event part rewritten with its claim_id."""
        from .claims import CLAIMS_SCHEMA, EVENT_COLUMNS, find_claims

        events = pd.concat([pq.read_table(p, columns=EVENT_COLUMNS).to_pandas() for p in self.parts["events"]],
                           ignore_index=True) if self.parts["events"] else pd.DataFrame(columns=EVENT_COLUMNS)
        claims = find_claims(events)
        del events
        claim_of = dict(zip(claims["event_id"], claims["claim_id"]))
        schema = self.schemas["events"]
        for part in self.parts["events"]:
            table = pq.read_table(part)
            ids = pa.array([claim_of.get(e) for e in table.column("event_id").to_pylist()], type=pa.string())
            table = table.set_column(schema.get_field_index("claim_id"), "claim_id", ids)
            pq.write_table(table.replace_schema_metadata(schema.metadata), part)
        self.schemas["claims"] = CLAIMS_SCHEMA.with_metadata(self.schemas["events"].metadata)
        self.parts["claims"] = []
        (self.staging / "claims").mkdir(exist_ok=True)
        if len(claims):
            part = self.staging / "claims" / "part-00000.parquet"
            pq.write_table(pa.Table.from_pandas(claims, schema=self.schemas["claims"], preserve_index=False), part)
            self.parts["claims"].append(part)

    def _assemble(self, manifest: dict[str, Any]) -> list[tuple[Path, Path]]:
        staged: list[tuple[Path, Path]] = []
        self._claims()
        for name, schema in self.schemas.items():
            if not self.parts[name]:  # an empty table is still a table, with its columns
                part = self.staging / name / "part-00000.parquet"
                pq.write_table(schema.empty_table(), part)
                self.parts[name].append(part)
            if "parquet" in self.formats:
                single = self.staging / f"{name}.parquet"
                with pq.ParquetWriter(single, schema) as writer:
                    for batch in _batches(self.parts[name]):
                        writer.write_batch(batch)
                staged.append((single, self.out / f"{name}.parquet"))
            if "csv" in self.formats:
                single = self.staging / f"{name}.csv"
                # pyarrow keeps integer offsets integers where pandas would make them floats
                with pacsv.CSVWriter(single, schema, write_options=pacsv.WriteOptions(quoting_style="needed")) as writer:
                    for batch in _batches(self.parts[name]):
                        writer.write_batch(spreadsheet_safe(batch))
                staged.append((single, self.out / f"{name}.csv"))
            if "dataset" in self.formats:
                staged.append((self.staging / name, self.out / name))
        run = self.staging / "run.json"
        # the complete set, named: each of these carries run_id in its Parquet metadata
        manifest = {**manifest, "files": [final.name + ("/" if temporary.is_dir() else "") for temporary, final in staged]}
        run.write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
        staged.append((run, self.out / "run.json"))
        return staged


LOCK_NAME = ".lock"


def _lock(out: Path):  # type: ignore[no-untyped-def]
    """An exclusive lock on ``out/.lock`` for the run (released by the system if the process
    dies); a second run on the same folder is refused with the first one's process id."""
    handle = open(out / LOCK_NAME, "a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise RuntimeError(f"{out}: another run ({holder}) is writing its tables here; wait for it "
                           f"or choose another --out") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}")
    handle.flush()
    return handle


#: a cell a spreadsheet would run as a formula: OWASP's list (= + - @, tab, carriage return)
_FORMULA_START = r"^[=+\-@\t\r]"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def spreadsheet_safe(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The CSV's text cells, safe to open in a spreadsheet: a cell that starts like a formula
    gets a leading apostrophe (as OWASP advises for CSV injection) and control characters
    other than tab and line breaks are written as \\xNN. The Parquet files keep the true text."""
    columns = []
    for column, kind in zip(batch.columns, batch.schema):
        if pa.types.is_string(kind.type):
            column = pc.replace_substring_regex(column, pattern=_FORMULA_START, replacement="'\\0")
            if pc.any(pc.match_substring_regex(column, _CONTROL.pattern)).as_py():
                column = pa.array([None if v is None else _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", v)
                                   for v in column.to_pylist()], type=kind.type)
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema)


def _batches(parts: Iterable[Path], rows: int = 8192) -> Iterable[pa.RecordBatch]:
    """The parts' rows a record batch at a time: memory holds one batch, whatever the table."""
    for part in parts:
        with pq.ParquetFile(part) as source:
            yield from source.iter_batches(batch_size=rows, use_threads=False)


def _remove_stale_staging(out: Path) -> None:
    """Staging folders that a killed run left behind (its process is gone)."""
    for folder in out.glob(f"{STAGING_PREFIX}*"):
        try:
            pid = int(folder.name[len(STAGING_PREFIX):])
        except ValueError:
            continue
        if pid == os.getpid() or not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path, manifest: dict[str, Any]) -> list[Path]:
    """Write Parquet + CSV for each table and run.json, all atomically (tables built whole)."""
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
