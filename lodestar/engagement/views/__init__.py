"""Pages of the engagement app, split by meaning: the directory, people, events, consultations."""
