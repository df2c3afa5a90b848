"""Printables: lesson plans, family packs and certificates, as PDF and HTML.

Builders (:mod:`plan`, :mod:`family`, :mod:`certificate`) turn a lesson and a
translator into a :class:`~game.printing.document.Document`; renderers
(:mod:`html`, :mod:`pdf`) turn a document into a file. Nothing here draws on screen.
"""
