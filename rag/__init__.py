"""Minutes: rag."""
