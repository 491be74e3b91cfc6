"""partnerbeeld: de crisispartners van een veiligheidsregio in beeld.

The library is the product; ``partnerbeeld.cli`` is one client of it.
"""

__version__ = "0.1.0"
