"""What partnerbeeld answers about a loaded dataset: who is involved with an incident type (query,
roles), the contact list, signals, the overview, changes in git, `valideer`, `nieuw` and `init`.

Library functions returning values; no output formats (``views``) and no command line (``cli``).
"""
