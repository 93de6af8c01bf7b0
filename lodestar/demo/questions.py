"""The open call's own questions (built as staff would with the form builder) and the demo
applications' answers to them, in each application's language. Deterministic: each application's
title seeds its answers."""

from __future__ import annotations

import random

from lodestar.applications.models import Answer, Application
from lodestar.programmes.models import Call, Question

STAGES = (
    "Pre-seed\nSeed\nSeries A\nSeries B or later",
    "Pré-amorçage\nAmorçage\nSérie A\nSérie B ou au-delà",
)
END_USERS = (
    (
        "an army engineer regiment, during a field exercise",
        "un régiment du génie, lors d'un exercice sur le terrain",
    ),
    ("a navy mine-countermeasures squadron", "un escadron de guerre des mines de la marine"),
    (
        "the medical service of a special operations command",
        "le service médical d'un commandement des opérations spéciales",
    ),
    ("an air base's maintenance wing", "l'escadre de maintenance d'une base aérienne"),
    ("a national cyber defence centre", "un centre national de cyberdéfense"),
    ("a border guard unit", "une unité de garde-frontières"),
    ("no end user yet: we are looking for one", "aucun pour l'instant : nous en cherchons un"),
)


def add_questions(call: Call) -> list[Question]:
    """Three questions beyond the common fields, none required, as the programme might ask."""
    return Question.objects.bulk_create(
        [
            Question(
                call=call,
                position=1,
                kind=Question.Kind.CHOICE,
                label_en="Funding stage of the company",
                label_fr="Stade de financement de l'entreprise",
                options_en=STAGES[0],
                options_fr=STAGES[1],
            ),
            Question(
                call=call,
                position=2,
                kind=Question.Kind.SHORT_TEXT,
                label_en="Which end user have you already spoken to?",
                label_fr="Quel utilisateur final avez-vous déjà rencontré ?",
                help_en="A unit, a service or a test centre; say when.",
                help_fr="Une unité, un service ou un centre d'essais ; dites quand.",
                max_length=300,
            ),
            Question(
                call=call,
                position=3,
                kind=Question.Kind.NUMBER,
                label_en="People working on the project (full-time equivalent)",
                label_fr="Personnes travaillant sur le projet (équivalent temps plein)",
                min_value=0,
                max_value=500,
            ),
        ]
    )


def answer(application: Application, questions: list[Question], employees: int) -> None:
    """Most applicants answer every question; some leave the optional ones empty. The choices come
    from the application's own title, so the rest of the demo draws the same numbers as before."""
    rng = random.Random(application.title)
    if not questions or rng.random() < 0.1:
        return
    french = application.language == "fr"
    stage = 1 if employees < 10 else 2 if employees < 40 else rng.choice((3, 4))
    user = rng.choice(END_USERS)[1 if french else 0]
    people = max(1, min(employees, rng.randint(2, 12)))
    Answer.objects.bulk_create(
        [
            Answer(application=application, question=questions[0], value=str(stage)),
            Answer(application=application, question=questions[1], value=user),
            Answer(application=application, question=questions[2], value=str(people)),
        ]
    )
