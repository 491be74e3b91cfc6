"""The partner sheet: `importeer` and `exporteer` between the dataset and .xlsx/.csv.

Builds on ``answers`` (validation, scaffold, contact list); the only place with openpyxl and ruamel.yaml.
"""
