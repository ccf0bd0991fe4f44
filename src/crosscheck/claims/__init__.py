"""crosscheck.claims stage."""
