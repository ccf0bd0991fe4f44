"""crosscheck.ingest stage."""
