"""Drawing helpers: theme, fonts and cached text, icons and avatars, widgets."""
