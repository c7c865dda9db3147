"""crosswire: turn a pile of news reports into stories you can trust."""

__version__ = "0.1.0"
