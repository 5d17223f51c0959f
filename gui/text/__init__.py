"""Text a user reads: number formatting (format.py) and message catalogues."""
