"""Places on the expert pool's pages where later stages add their panels (core/panels.py)."""

from __future__ import annotations

from lodestar.core.panels import PanelSlot
from lodestar.experts.models import Expert

# The staff page of one expert: reviews adds the expert's conflicts of interest.
staff_expert = PanelSlot[Expert]("the staff page of an expert")
