"""Where the ontology, the SHACL shapes and the named queries are.

The repository's top-level ``ontology/`` and ``queries/`` folders are their single source
(the design keeps them there, beside the package, for people to read). A wheel carries them
as package data, ``kg/data/ontology`` and ``kg/data/queries`` (setup.py maps the folders into
the package at build time; nothing is copied in the repository). So: installed from a wheel,
they are read from the package; in a source checkout (an editable install, the tests), from
the top-level folders.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """The folder `name` ("ontology" or "queries"): the wheel's package data, else the checkout's."""
    packaged = Path(str(files("kg") / "data" / name))  # installed wheels are unpacked on disk
    return packaged if packaged.is_dir() else _CHECKOUT / name


ONTOLOGY_DIR = data_dir("ontology")
QUERIES_DIR = data_dir("queries")
#: the OWL ontology and the SHACL shapes
ONTOLOGY_PATH = ONTOLOGY_DIR / "lgkg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
