"""Places on the programmes' public pages where later apps add their panels (core/panels.py)."""

from __future__ import annotations

from lodestar.core.panels import PanelSlot
from lodestar.programmes.models import Call

# Rendered under each challenge of a call's page and on each challenge's own page (the template has
# `challenge` in its context); the context is built once per call, so a call's page of many
# challenges costs one query. Applications adds the apply button and the user's own applications.
challenge_actions = PanelSlot[Call]("the actions under each challenge of a call")
