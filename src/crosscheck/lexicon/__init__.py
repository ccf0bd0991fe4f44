"""Lexicons below every stage: name keys, the entity registry, the place gazetteer, rule-file shapes.

Built from ``rules/*.yaml`` inside the rule set in force; any stage may import
them, and they import no stage.
"""
