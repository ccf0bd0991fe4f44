"""crosscheck.extract stage."""
