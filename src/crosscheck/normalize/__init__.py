"""crosscheck.normalize stage."""
