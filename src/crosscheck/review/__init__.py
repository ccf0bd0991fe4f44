"""crosscheck.review stage."""
