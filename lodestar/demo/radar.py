"""The technology radar's demo: a few hundred news items in English and French over seven years (written
by ``demo/news.py``, deterministic), read by the radar as an analyst would upload them, and two
published editions of the radar, the second with blips moved since the first. Quantum technologies
burst in the last months of the corpus, so the rising-signal test has something to find and the
suggestions page a blip to propose."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lodestar.demo.news import news_items
from lodestar.radar import actions
from lodestar.radar.engine_adapter import Extracted
from lodestar.radar.models import Document, Edition, Feed, Radar, Signal, Suggestion

DOCUMENTS = 300
SOURCE_PREFIX = "https://news.example.org/"

FIRST = [
    (
        "Explainable AI for decision support",
        "ai",
        "trial",
        "Pilots in two nations; trust is the open question.",
    ),
    ("Drone swarms at sea", "autonomy", "trial", "TFX trials in the Baltic showed swarms of surface drones."),
    ("Counter-drone systems", "autonomy", "adopt", "Fielded by several allies; lessons from Ukraine."),
    ("Quantum navigation", "quantum", "assess", "Promising in labs; no sea trial yet."),
    (
        "Hypersonic glide vehicles",
        "hypersonics",
        "assess",
        "Tests by competitors; defence against them is the need.",
    ),
    ("Satellite constellations", "space", "trial", "Commercial low Earth orbit services are bought already."),
    ("Additive manufacturing of spare parts", "materials", "adopt", "Printed parts in use on ships."),
    ("Microgrids for forward bases", "energy", "trial", "Fuel saved in exercises."),
    ("5G tactical networks", "networks", "assess", "Security of the supply chain to settle first."),
    ("Ransomware defence", "cyber", "adopt", "A daily threat; shared threat intelligence works."),
]
# The second edition: what moved (ring) and what was added.
MOVES = {
    "Quantum navigation": "trial",
    "5G tactical networks": "hold",
    "Explainable AI for decision support": "adopt",
}
ADDED = [("Synthetic biology", "biotech", "assess", "New funding lines in three nations.")]
# The fund's own radar: its theses in three rings of its own, named in both languages.
FUND_RADAR = "Fund theses"
FUND_RINGS = "Invest | Investir\nWatch | Surveiller\nExplore | Explorer"
FUND_BLIPS = [
    ("Quantum sensors for navigation", "quantum", "invest", "Deal flow from three nations; first revenues."),
    ("Space situational awareness", "space", "watch", "Demand from the new space commands; few exits yet."),
    ("Swarm autonomy software", "autonomy", "invest", "Dual-use; trials with two navies this year."),
    ("Hypersonic materials", "materials", "explore", "Deep science; a thesis for the next fund."),
]
# Feeds the analysts follow (paused in the demo: nothing is fetched from the demo's addresses).
FEEDS = [
    (SOURCE_PREFIX + "defence/rss.xml", "Defence innovation news (EN)"),
    (SOURCE_PREFIX + "defense/fr/rss.xml", "Actualités de l'innovation de défense (FR)"),
]


def build(analyst: Any, seed: int = 12) -> dict[str, int]:
    directory: dict[str, int] = {}
    items = news_items(
        DOCUMENTS, seed=seed, start_year=2019, end_year=2025, burst=("quantum", dt.date(2025, 7, 1))
    )
    for item in items:
        actions.do_add_document(
            Extracted(
                title=item.title, text=item.text, published=item.published, source=item.source, kind="text"
            ),
            analyst,
            directory,
        )
    _edition(analyst, "Radar 2024 · H2", dt.date(2024, 12, 15), FIRST)
    second = actions.check_create_edition("Radar 2025 · H1", analyst)  # starts from the first's blips
    for blip in second.blips.all():
        if blip.name in MOVES:
            blip.ring = MOVES[blip.name]
            blip.rationale += " " + "Moved since the last edition."
            blip.save(update_fields=["ring", "rationale"])
    for name, area, ring, rationale in ADDED:
        actions.check_save_blip(
            second, analyst, name=name, area=area, ring=ring, rationale=rationale, documents=_evidence(area)
        )
    _publish(second, analyst, dt.date(2025, 6, 30))
    fund_radar = actions.check_create_radar(FUND_RADAR, FUND_RINGS, analyst)
    theses = actions.check_create_edition("Fund theses 2025", analyst, fund_radar)
    for name, area, ring, rationale in FUND_BLIPS:
        actions.check_save_blip(
            theses, analyst, name=name, area=area, ring=ring, rationale=rationale, documents=_evidence(area)
        )
    for url, name in FEEDS:
        Feed.objects.get_or_create(url=url, defaults={"name": name, "active": False, "added_by": analyst})
    suggestions = actions.do_refresh_suggestions()
    return {
        "documents": Document.objects.count(),
        "editions": Edition.objects.filter(created_by=analyst).count(),
        "suggestions": len(suggestions),
    }


def _evidence(area: str) -> list[Document]:
    return list(Document.objects.filter(signals__kind="area", signals__key=area).order_by("-published")[:3])


def _edition(analyst: Any, name: str, published: dt.date, blips: list[tuple[str, str, str, str]]) -> Edition:
    edition = actions.check_create_edition(name, analyst)
    for blip_name, area, ring, rationale in blips:
        actions.check_save_blip(
            edition,
            analyst,
            name=blip_name,
            area=area,
            ring=ring,
            rationale=rationale,
            documents=_evidence(area),
        )
    _publish(edition, analyst, published)
    return edition


def _publish(edition: Edition, analyst: Any, on: dt.date) -> None:
    actions.check_publish_edition(edition, analyst)
    # The demo's editions are back-dated to their half-year (the date is not the status).
    Edition.objects.filter(pk=edition.pk).update(published_on=on)


ANALYST_EMAIL = "analyst@lodestar.example"


def reset() -> dict[str, int]:
    """Delete the demo's documents and the demo analyst's editions (and the suggestions not taken into
    anyone else's edition)."""
    others = Edition.objects.exclude(created_by__email=ANALYST_EMAIL)
    suggestions = Suggestion.objects.exclude(blip__edition__in=others).delete()[1].get("radar.Suggestion", 0)
    editions = Edition.objects.filter(created_by__email=ANALYST_EMAIL).delete()[1].get("radar.Edition", 0)
    Radar.objects.filter(editions=None).delete()  # the radars only the demo's editions used
    Feed.objects.filter(url__startswith=SOURCE_PREFIX).delete()
    documents = Document.objects.filter(source__startswith=SOURCE_PREFIX).delete()[1].get("radar.Document", 0)
    return {"radar documents": documents, "radar editions": editions, "radar suggestions": suggestions}


def simulated_feed(count: int, seed: int) -> bytes:
    """One RSS file of ``count`` generated news items in English and French, each with its date."""
    from email.utils import format_datetime
    from xml.sax.saxutils import escape

    burst = ("quantum", dt.date(2025, 7, 1))
    items = news_items(count, seed=seed, start_year=2019, end_year=2025, burst=burst)
    entries = "".join(
        f"<item><title>{escape(item.title)}</title><link>{escape(item.source)}-sim{seed}-{n}</link>"
        f"<pubDate>{format_datetime(dt.datetime.combine(item.published, dt.time(8), dt.UTC))}</pubDate>"
        f"<description>{escape(item.text)}</description></item>"
        for n, item in enumerate(items)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Simulated news</title>'
        f"{entries}</channel></rss>"
    ).encode()


def simulate_ingestion(analyst: Any, count: int, seed: int) -> str:
    """The radar's ingestion job as an analyst starts it from the documents page: one feed file of
    ``count`` news items, stored privately, read in the background job (here in this process)."""
    before = Signal.objects.count()
    job = actions.check_ingest_files([(f"simulated-news-{seed}.rss", simulated_feed(count, seed))], analyst)
    job.refresh_from_db()
    if job.status != "done":
        raise RuntimeError(f"{job.label} failed:\n{job.error}")
    result = job.result
    signals = Signal.objects.count() - before
    suggestions = Suggestion.objects.filter(status="open").count()
    return (
        f"{result['added']} documents read, {result['already_read']} already read, "
        f"{signals} signals, {suggestions} open suggestions"
    )
