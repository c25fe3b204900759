"""Packaging that pyproject.toml cannot say: the repository's top-level ontology/ and queries/
folders (their single source) go into the wheel as the package data kg/data/ontology and
kg/data/queries, read with importlib.resources (kg/resources.py). Everything else about the
package is in pyproject.toml."""
from setuptools import find_packages, setup

DATA = {"kg.data.ontology": "ontology", "kg.data.queries": "queries"}

setup(
    packages=[*find_packages(include=["kg", "kg.*"]), *DATA],
    package_dir=DATA,
    package_data={"kg.export": ["templates/*"], "kg.data.ontology": ["*.ttl"], "kg.data.queries": ["*.rq"]},
)
