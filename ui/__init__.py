"""Minutes: ui."""
