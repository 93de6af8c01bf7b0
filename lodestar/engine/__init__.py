"""Lodestar's engine: pure Python (numpy, scipy, OR-Tools), never Django.

Frozen dataclasses in, result dataclasses out, so every algorithm is tested and benchmarked
without a database. The web apps reach it through one `engine_adapter.py` each.
"""
