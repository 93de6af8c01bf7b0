"""Content banks by challenge: each module holds a SETTING and a tuple of TOPICS."""

from __future__ import annotations

from lodestar.demo.bank import Setting, Topic
from lodestar.demo.topics import data, energy, health, logistics, sensing

_MODULES = (energy, data, sensing, health, logistics)  # in the order of the call's challenges

SETTINGS: dict[str, Setting] = {m.SETTING.challenge: m.SETTING for m in _MODULES}

TOPICS: dict[str, tuple[Topic, ...]] = {m.C: m.TOPICS for m in _MODULES}

TOPICS_BY_KEY: dict[str, Topic] = {t.key: t for group in TOPICS.values() for t in group}
