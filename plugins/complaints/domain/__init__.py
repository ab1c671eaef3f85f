"""The rules of a case and their numbers, pure: vocabularies, fuzzy dates, problems, the
testimony model, timeline facts, scorecard, trend, topics, related testimonies.

Imports no other layer of the plugin, and never Pelican.
"""
