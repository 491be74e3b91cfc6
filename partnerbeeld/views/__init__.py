"""Outputs are views of values: each module turns library results into text or files."""
