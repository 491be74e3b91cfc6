"""Infrastructure every layer may use: errors, atomic writes, git facts, safe text, limits, the clock.

Nothing here knows what a partner is; nothing here imports another layer of partnerbeeld.
"""
