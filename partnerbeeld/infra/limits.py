"""The limits partnerbeeld holds the data and its outputs to, in one place (docs/guarantees.md, "Grenzen").

Each is far above what a real dataset needs (a region has a few hundred records,
a national one a few thousand) and far below what makes a command slow or a
machine swap. Above a limit the data gets a finding from `valideer`, or a command
refuses with a message saying how to ask for less: never a crash, never minutes.
The YAML parser's own bounds (nodes after alias expansion, nesting) stay beside the
parser in ``yamlsource`` (MAX_NODES, MAX_DEPTH); tests/test_limits.py keeps the
documentation in step with all of them.
"""

from __future__ import annotations

# A partner file is about 2 KiB; a file above this is a mistake or an attack. Read
# with a bounded read, so a huge file never reaches the YAML parser.
FILE_BYTES = 1024 * 1024

# Entries in one list of one file (contacts, profiles, area, partners of a covenant,
# incident types, municipalities, ...). The national dataset's longest list (342
# municipalities) fits three times over.
LIST_ITEMS = 1000

# Levels in the incident-type tree: theme, crisis type, incident types below it. The
# national classification uses four; twenty leaves room for any regional refinement.
TREE_DEPTH = 20

# Contacts in one PDF contact list. WeasyPrint needs about 10 s per 1,000 contacts
# (2 cores); a list of 25,000 took 120 s and 2.5 GB. A binder page nobody can carry
# is not a contact list: above this, `contactlijst` asks for a narrower selection.
PDF_CONTACTS = 2000
