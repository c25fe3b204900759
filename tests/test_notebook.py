"""notebooks/explore.ipynb runs from top to bottom (nbclient, the venv's ipykernel); any failing
cell fails the test."""
from __future__ import annotations

import pytest

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def _text(outputs) -> str:
    parts = []
    for o in outputs:
        if o.get("output_type") == "stream":
            parts.append(o.get("text", ""))
        for key in ("text/plain", "text/html"):
            parts.append(str(o.get("data", {}).get(key, "")))
    return "\n".join(parts)


def test_the_notebook_runs(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")

    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    # kernel "python3" is this interpreter: jupyter_client runs the ipykernel spec's "python" as sys.executable
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    text = _text(o for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "东昌府区司法局" in text                      # programs_of_brand
    assert "聊政办字〔2022〕22号" in text                 # regulations_by_issuer
    assert "冠县" in text and "degree centrality" in text  # linkage / hierarchy, networkx ranking
    assert "srcdoc=" in text and "window.network" in text  # the viewer
    assert "37775" in text  # the indicators: 东昌府区's 行政检查实施次数 in 2022, read from a table
    assert any("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
