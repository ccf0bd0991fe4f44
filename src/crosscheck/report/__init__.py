"""crosscheck.report stage."""
