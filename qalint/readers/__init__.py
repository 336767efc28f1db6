"""Readers turn the bytes of a file into a ``Source``; each is a plugin."""
