"""Results that serialize: what the components put on a Doc (``doc._.quantities``, ``dates``,
``actors``, ``events`` and ``published``) travels wherever spaCy sends a Doc.

spaCy writes a Doc's extension values with msgpack (``Doc.to_bytes``, ``DocBin(store_user_data=True)``,
and ``nlp.pipe(n_process=N)``, which hands the Docs back from its workers as bytes). msgpack knows
no dataclasses and no ``datetime.date``; srsly lets a library register an encoder and a decoder
for its own types, as it does for numpy arrays. Ours write each value as a map tagged with its
type and read it back as the same dataclass, equal field by field (objects shared between two
values, such as an event's quantity and the same quantity in ``doc._.quantities``, come back as
equal copies).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import srsly

from .actors import Actor, ActorMention
from .attachment import Event
from .dates import DateMention
from .numbers import Quantity

_TAG = "__news_events__"
_TYPES: dict[str, type] = {cls.__name__: cls for cls in (Quantity, DateMention, Actor, ActorMention, Event)}
#: fields that hold tuples (msgpack gives them back as lists)
_TUPLE_FIELDS = {name: frozenset(f.name for f in dataclasses.fields(cls) if str(f.type).startswith("tuple"))
                 for name, cls in _TYPES.items()}


@srsly.msgpack_encoders("news_events")
def encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """A tagged map for the pipeline's values and for dates; anything else to the next encoder."""
    name = type(obj).__name__
    if _TYPES.get(name) is type(obj):
        return {_TAG: name, **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}  # type: ignore[arg-type]
    if isinstance(obj, date) and not isinstance(obj, datetime):
        return {_TAG: "date", "iso": obj.isoformat()}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("news_events")
def decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """The value a tagged map stands for; anything else to the next decoder."""
    if isinstance(obj, dict) and _TAG in obj:
        name = obj[_TAG]
        if name == "date":
            return date.fromisoformat(obj["iso"])
        fields = {k: (tuple(v) if k in _TUPLE_FIELDS[name] else v) for k, v in obj.items() if k != _TAG}
        return _TYPES[name](**fields)
    return obj if chain is None else chain(obj)
