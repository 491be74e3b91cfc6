"""`python -m partnerbeeld`."""

from partnerbeeld.cli import run

run()
