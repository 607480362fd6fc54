"""Small pieces every panel uses: a wrapping layout, delegates, a clear button, spoken
messages.
"""
