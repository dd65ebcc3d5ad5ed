"""Claims: figures that report the same happening, within and across articles, side by side.

Two event rows report the same happening when they are about the same actor (who did or holds
it), count the same thing the same way (kind and unit), with the same event word (predicate)
and the same resolved date interval. Each such group told by more than one claimant (the row's
source, else its actor) or in more than one article is a claim; its rows are the figures, and
``conflict`` says whether they disagree (one side says 195, the other 207). Rows without an
actor, a value, a date or a predicate are no claim's.

The grouping is exact on those keys, so it misses a happening told with another verb or a
looser date ("on Friday" and "last week"); it never joins two different units or dates.
"""
from __future__ import annotations

import hashlib

import pandas as pd
import pyarrow as pa

CLAIMS_SCHEMA = pa.schema([
    ("claim_id", pa.string()), ("event_id", pa.string()), ("doc_id", pa.string()),
    ("claimant", pa.string()), ("actor", pa.string()), ("source", pa.string()),
    ("predicate", pa.string()), ("quantity_kind", pa.string()), ("quantity_unit", pa.string()),
    ("quantity_text", pa.string()), ("quantity_value", pa.float64()),
    ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("n_claimants", pa.int64()), ("conflict", pa.bool_()), ("sentence", pa.string()),
])

#: the event columns a claim reads
EVENT_COLUMNS = ["event_id", "doc_id", "actor", "source", "predicate", "quantity_kind", "quantity_unit",
                 "quantity_text", "quantity_value", "date_start", "date_end", "sentence", "side_key"]
_KEY = ["actor", "quantity_kind", "quantity_unit", "predicate", "date_start", "date_end"]
#: values within this relative difference agree (rounding: "1.2 million" and "1,210,000")
AGREE = 0.01


def find_claims(events: pd.DataFrame) -> pd.DataFrame:
    """The claims table from the events table's ``EVENT_COLUMNS`` (one row per claimant's figure)."""
    rows = events.dropna(subset=["actor", "quantity_value", "date_start", "predicate"]).copy()
    if rows.empty:
        return pd.DataFrame(columns=CLAIMS_SCHEMA.names)
    rows["claimant"] = rows["source"].where(rows["source"].notna(), rows["actor"])
    rows = rows[rows["claimant"].notna()]
    rows["_key"] = rows[_KEY].astype(str).agg("|".join, axis=1)
    per_key = rows.groupby("_key")
    rows["n_claimants"] = per_key["claimant"].transform(lambda c: c.nunique()) if len(rows) else 0
    rows["_docs"] = per_key["doc_id"].transform("nunique") if len(rows) else 0
    # a claim: more than one claimant, or one claimant in more than one article
    rows = rows[(rows["n_claimants"] > 1) | (rows["_docs"] > 1)].copy()
    if rows.empty:
        return pd.DataFrame(columns=CLAIMS_SCHEMA.names)
    values = rows.groupby("_key")["quantity_value"]
    low, high = values.transform("min"), values.transform("max")
    rows["conflict"] = (high - low).abs() > AGREE * high.abs().clip(lower=1e-9)
    rows["claim_id"] = rows["_key"].map(lambda k: hashlib.sha1(k.encode("utf-8")).hexdigest()[:16])
    rows = rows.sort_values(["claim_id", "doc_id", "claimant", "event_id"], kind="stable")
    return rows[CLAIMS_SCHEMA.names].reset_index(drop=True)
