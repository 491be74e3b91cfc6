"""Views of the incident-type tree (`incidenttypen`): indented text and JSON."""

from __future__ import annotations

from partnerbeeld.answers.tree import TypeNode
from partnerbeeld.infra import limits
from partnerbeeld.infra.gitinfo import DataVersion
from partnerbeeld.views.colour import Palette
from partnerbeeld.views.jsondoc import dump


def as_text(nodes: list[TypeNode], partners: int, version: DataVersion, palette: Palette, width: int = 80) -> str:
    """One type per line: indentation shows the tree; then code, partner count and aliases."""
    lines = [
        palette.bold(f"{len(nodes)} incidenttypen · {partners} partners · data {version.label}"),
        palette.dim("Partners: hoeveel partners 'partnerbeeld zoek --incident CODE' vindt."),
        "",
    ]
    lines.append(palette.dim("PARTNERS  INCIDENTTYPE [CODE]"))
    for node in nodes:
        # beyond the depth limit (an error valideer reports) the indentation stops growing:
        # a 5,000-deep chain would otherwise print 50 MB of spaces
        depth = min(node.depth, limits.TREE_DEPTH)
        label = f"(niveau {node.depth + 1}) {node.name}" if node.depth > depth else node.name
        name = label if node.depth else palette.bold(label)
        aliases = f"alias: {', '.join(node.aliases)}" if node.aliases else ""
        indent = " " * 10 + "  " * depth
        head = f"{node.partners:>8}  {'  ' * depth}{name}"
        tail = " · ".join([f"[{node.code}]", *([aliases] if aliases else [])])
        if len(indent) + len(label) + 1 + len(tail) <= width:
            lines.append(f"{head} {tail}")
        else:  # what does not fit behind the name goes on its own line, under the name
            lines += [head, f"{indent}  {tail}"]
    return "\n".join(lines) + "\n"


def as_json(nodes: list[TypeNode], partners: int, version: DataVersion) -> str:
    document = {
        "dataversie": version.as_json(),
        "partners": partners,
        "incidenttypen": [
            {
                "code": n.code,
                "naam": n.name,
                "ouder": n.parent,
                "diepte": n.depth,
                "aliassen": list(n.aliases),
                "partners": n.partners,
            }
            for n in nodes
        ],
    }
    return dump(document)
