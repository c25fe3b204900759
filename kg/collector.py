"""The cyclic garbage collector around extraction: paused while it runs, its results frozen.

Extraction makes no reference cycles (reference counting frees all its garbage), but its many
short-lived containers set off collector passes over every long-lived object of the process
(gazetteer, spaCy vocabulary, the caller's earlier results): ~12% of its time. A build also
keeps every extraction until the graph is built; the collector would walk all of them again at
every pass over its old generation (on 100× the seeds, ~7% of the extraction time).
"""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def paused() -> Iterator[Callable[[], None]]:
    """The collector off for the block (and back as it was after). The function yielded
    (gc.freeze) moves what is alive now into the permanent generation, which no pass walks;
    reference counting still frees it. Cyclic garbage alive at that moment, which extraction
    makes none of, would be frozen too and kept until the process ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield gc.freeze
    finally:
        if enabled:
            gc.enable()
