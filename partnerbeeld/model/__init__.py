"""The record model: which records exist, their fields and rules (records.py), the words they use,
the pydantic models and JSON Schemas generated from them, and what a finding is.

Imports only ``partnerbeeld.infra``.
"""
