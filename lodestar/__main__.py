"""The `lodestar` console command: this project's manage.py.

Command names may be written with hyphens (`lodestar demo-data`); Django's own names use
underscores, so the first argument is translated before Django sees it.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    # The engine's matrices are small per operation: one BLAS thread is faster than two fighting
    # over a core with the database (measured on calibration, BENCHMARKS.md). Set before numpy loads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "lodestar"
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
