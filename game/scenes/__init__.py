"""Screens of the game, kept on a pushdown stack by :class:`game.app.App`."""
