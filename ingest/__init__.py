"""Minutes: ingest."""
