"""crosscheck.normalize stage: names to entities, events to keys, relative times to calendar values.

Runs corpus-wide (what one source fixes can date another); see ``corpus.normalize_corpus``.
"""
