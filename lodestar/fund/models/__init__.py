"""The fund's models, by meaning: the fund, its partners and their money, deals, screening and the
committee (capital.py); what the team keeps on a deal (notes, tasks, the data room) and its
due-diligence checklist (dealroom.py); investments, rounds, proceeds and valuations (portfolio.py);
re-screening on a change of shareholders and each screening's verdict and evidence (screening.py)."""

from lodestar.fund.models.capital import (
    CashEvent,
    Deal,
    Finding,
    Fund,
    LimitedPartner,
    ListedName,
    Meeting,
    Notice,
    Seat,
    Shareholding,
    default_rules,
)
from lodestar.fund.models.dealroom import (
    ChecklistTemplate,
    DealDocument,
    DealNote,
    DealTask,
    DiligenceItem,
)
from lodestar.fund.models.portfolio import Investment, Realisation, Round, Valuation
from lodestar.fund.models.screening import Screening, ScreeningCause

__all__ = [
    "Investment",
    "Realisation",
    "Round",
    "Valuation",
    "CashEvent",
    "ChecklistTemplate",
    "Deal",
    "DealDocument",
    "DealNote",
    "DealTask",
    "DiligenceItem",
    "Finding",
    "Fund",
    "LimitedPartner",
    "ListedName",
    "Meeting",
    "Notice",
    "Screening",
    "ScreeningCause",
    "Seat",
    "Shareholding",
    "default_rules",
]
