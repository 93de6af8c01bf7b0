"""`lodestar demo-data`: load a realistic, bilingual demo (a call open now, about 300 organisations and
their applications, a login for every role). Deterministic: the same --seed gives the same content."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lodestar.core.roles import Role
from lodestar.demo import build, reset


class Command(BaseCommand):
    help = (
        "Load the demo: the Defence Innovation Accelerator, a challenge call open now with five challenges, "
        "organisations, applications in English and French, and demo logins for every role "
        f"(password {build.DEMO_PASSWORD!r}; the demo is not production)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed", type=int, default=build.DEFAULT_SEED, help="random seed (same seed, same demo)"
        )
        parser.add_argument(
            "--organisations",
            type=int,
            default=build.DEFAULT_ORGANISATIONS,
            help=f"how many organisations to create (default {build.DEFAULT_ORGANISATIONS}); about one "
            "application each",
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete the demo's objects first, then load it again"
        )
        parser.add_argument(
            "--closed-applications",
            type=int,
            default=150,
            help="applications of last year's closed call, taken up to its reviews (0: no closed call)",
        )
        parser.add_argument(
            "--closed-experts", type=int, default=40, help="experts reviewing the closed call"
        )
        parser.add_argument(
            "--awarded-applications",
            type=int,
            default=150,
            help="applications of the call before it, taken to awards, signatures and payments; half of "
            "them, up to the programme's 74, form the cohort (0: none)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["organisations"] < 2:
            raise CommandError("--organisations must be at least 2.")
        if options["reset"]:
            deleted = reset.reset()
            self.stdout.write(
                "Deleted the previous demo: " + ", ".join(f"{n} {k}" for k, n in deleted.items())
            )
        elif build.is_loaded():
            self.stdout.write(
                "The demo is already loaded (`lodestar demo-data --reset`, or `make demo-reset`, loads it "
                "again from scratch). Its logins:"
            )
            self.stdout.write("")
            self.logins()
            return
        self.stdout.write(
            f"Loading the demo ({options['organisations']} organisations, seed {options['seed']})..."
        )
        summary = build.build(
            seed=options["seed"],
            organisations=options["organisations"],
            closed_applications=options["closed_applications"],
            closed_experts=options["closed_experts"],
            awarded_applications=options["awarded_applications"],
        )
        self.stdout.write(self.style.SUCCESS(f"Demo loaded in {summary.seconds:.1f} s."))
        self.stdout.write("")
        self.logins()
        self.stdout.write("")
        self.stdout.write(
            f"{summary.organisations} organisations, {summary.users} users, "
            f"{summary.applications} applications ({summary.near_duplicates} near-duplicates of another "
            "organisation's text)."
        )
        languages = {"en": "English", "fr": "French"}
        self.stdout.write(
            "By language: "
            + ", ".join(f"{languages.get(k, k)} {n}" for k, n in sorted(summary.by_language.items()))
        )
        self.stdout.write("By status:   " + ", ".join(f"{k} {n}" for k, n in summary.by_status.most_common()))
        if summary.fund:
            self.stdout.write("")
            self.stdout.write(
                "The fund: {partners} partner nations, {deals} deals, {findings} ownership findings to "
                "clear, {notices} notices of calls and distributions.".format(**summary.fund)
            )
            self.stdout.write(
                "  Partner logins (same password): partner.de@lodestar.example (Germany), "
                "partenaire.be@lodestar.example (Belgium, in French)."
            )
            self.stdout.write(
                "  {in_diligence} deals in due diligence ({notes} notes, {tasks} tasks, {documents} "
                "data-room files); {investments} investments and fund commitments, {valuations} "
                "quarterly valuations. "
                "Second fund-team login, in French: fonds@lodestar.example.".format(**summary.fund)
            )
        self.stdout.write(f"Network:     {summary.centres} sites and centres, {summary.bookings} bookings")
        if summary.engagement:
            self.stdout.write(
                "Engagement:  {organisations} organisations in the directory, {people} people, "
                "{events} events (the space industry day: {space_registrations} registrations from "
                "{space_nations} nations), "
                "{contributions} contributions, {duplicates} possible duplicates, in {seconds} s".format(
                    **summary.engagement
                )
            )
        if summary.partnerships:
            self.stdout.write(
                "Partner grants: a call with Japan on cyber defence, {proposals} proposals at every stage, "
                "{votes} nations' votes (codirector@lodestar.example: the signed grant; "
                "codirectrice@lodestar.example: a proposal before the committee; "
                "committee.fr@lodestar.example: vote for France; director@lodestar.example: record the "
                "decision).".format(**summary.partnerships)
            )
        if summary.closed_call:
            self.stdout.write("")
            self.stdout.write(
                f"Closed call {summary.closed_call}, in review (staff: rank it; "
                "the director: select the cohort; expert@lodestar.example: write the reviews left):"
            )
            for line in summary.closed_steps:
                self.stdout.write(f"  {line}")
        if summary.awarded_call:
            self.stdout.write("")
            self.stdout.write(
                f"Awarded call {summary.awarded_call} (applicant@lodestar.example: sign your agreement; "
                "staff: accept milestones; finance@lodestar.example: approve payments; staff and "
                "accelerator@lodestar.example: the cohort board; utilisateur.fr@ and enduser.de@: the "
                "showcase and the road to adoption):"
            )
            for line in summary.awarded_steps:
                self.stdout.write(f"  {line}")

    def logins(self) -> None:
        rows = [("e-mail", "role", "password")]
        for login in build.DEMO_LOGINS:
            role = str(Role(login.role).label)
            if login.superuser:
                role += " (superuser)"
            if login.scope:
                role += f" for {login.scope.key}"
            if login.language == "fr":
                role += ", in French"
            rows.append((login.email, role, build.DEMO_PASSWORD))
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for n, row in enumerate(rows):
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
            if n == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
