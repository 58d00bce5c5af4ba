"""Minutes: eval."""
