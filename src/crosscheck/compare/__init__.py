"""crosscheck.compare stage."""
