"""The search index: a small JavaScript file every page loads with <script src>.

A page opened from file:// may not fetch() a JSON file beside it, so the index
is a script that sets one global. It holds only what a search matches on and
shows (incident-type codes, names, aliases and counts; partner ids, names and
sectors), never a contact: it is the same with or without --vertrouwelijk.
site.js does the matching (with typo tolerance) in the browser.
"""

from __future__ import annotations

import json

from partnerbeeld.reading.dataset import Dataset
from partnerbeeld.site.pages import TreeNode

GLOBAL = "PARTNERBEELD_INDEX"


def index_document(dataset: Dataset, tree: list[TreeNode]) -> dict[str, list[list[object]]]:
    """{'t': [[code, name, [aliases], partners, parent name], ...], 'p': [[id, name, sector], ...]}."""
    types: list[list[object]] = []

    def walk(nodes: list[TreeNode], parent: str) -> None:
        for node in nodes:
            types.append([node.code, node.name, list(node.aliases), node.partners, parent])
            walk(node.children, node.name)

    walk(tree, "")
    partners: list[list[object]] = [[p.id, p.name, p.sector] for _, p in sorted(dataset.partners.items())]
    return {"t": types, "p": partners}


def index_js(dataset: Dataset, tree: list[TreeNode]) -> str:
    text = json.dumps(index_document(dataset, tree), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # '<' escaped: the text can never close a script element, even if pasted inline one day
    safe = text.replace("<", "\\u003c")
    return f"window.{GLOBAL} = {safe};\n"
