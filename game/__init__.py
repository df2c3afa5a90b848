"""Signal Scouts: offline safety games for children, driven by YAML lessons."""

__version__ = "0.1.0"
