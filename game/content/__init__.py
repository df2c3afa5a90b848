"""Lesson content: the YAML model, its loader, the lint pass and the curriculum codes."""
