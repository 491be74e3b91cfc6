"""Reading a dataset from disk: YAML with line numbers, building records (fast path or pydantic),
turning field errors into Dutch findings, and the loaded dataset with its indexes.

Imports only ``partnerbeeld.model`` and ``partnerbeeld.infra``.
"""
