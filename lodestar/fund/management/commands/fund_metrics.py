"""`lodestar fund-metrics CASHFLOWS.csv`: IRR, TVPI, DPI, RVPI of a statement, as one JSON object."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lodestar.fund.engine_adapter import CashFlowError, figures_as_json, figures_of, read_cash_flows


class Command(BaseCommand):
    help = (
        "Reads 'date,kind,amount' rows (kind: call, distribution or nav; amounts positive) and prints "
        "{irr, tvpi, dpi, rvpi, paid_in, distributed, nav} as JSON; the IRR is annual on actual/365, "
        "with the last nav counted as paid out at its date. A bad row is named on stderr."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help="the cash-flow CSV file ('-' reads standard input)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["path"]
        try:
            if path == "-":
                import sys

                lines = read_cash_flows(sys.stdin)
            else:
                with open(path, encoding="utf-8-sig", newline="") as handle:
                    lines = read_cash_flows(handle)
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
        except (CashFlowError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(json.dumps(figures_as_json(figures_of(lines))))
