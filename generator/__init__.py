"""Charter: publish a national strategy, its risk register and its committee structure."""

__version__ = "0.1.0"
