"""Feeds followed by their address: fetched in the background job from a local http.server on loopback
(never the internet), with a time limit, a size limit, redirects checked, and addresses inside the
network refused unless the settings allow them."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse

from lodestar.radar import actions, feeds
from lodestar.radar.models import Document, Feed

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Défense</title>'
    "<item><title>La DGA teste un planeur hypersonique</title><link>https://example.org/v</link>"
    "<pubDate>Tue, 27 Jun 2023 10:00:00 GMT</pubDate>"
    "<description>La Direction générale de l'armement a testé le planeur hypersonique VMaX, "
    "un essai de vol hypersonique pour les armées.</description></item>"
    "<item><title>Quantum clocks for navigation</title><link>https://example.org/q</link>"
    "<description>The Royal Navy trials quantum clocks and quantum sensing for navigation.</description>"
    "</item></channel></rss>"
).encode()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/feed.xml":
            self._send(RSS, "application/rss+xml")
        elif self.path == "/big.xml":
            self._send(b"<rss>" + b"x" * (2 * 1024 * 1024) + b"</rss>", "application/rss+xml")
        elif self.path == "/slow.xml":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            for _ in range(40):  # drips for 4 s: each read is quick, the whole is too slow
                self.wfile.write(b"<!-- -->")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/feed.xml")
            self.end_headers()
        elif self.path == "/page.html":
            self._send(b"<html><body><p>Not a feed at all.</p></body></html>", "text/html")
        else:
            self.send_error(404)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def loopback_allowed(settings):
    settings.RADAR_FEEDS_ALLOW_PRIVATE = True


def test_an_analyst_follows_a_feed_and_its_entries_are_read_once(client, rita, server, loopback_allowed):
    client.force_login(rita)
    response = client.post(reverse("radar:add_feed"), {"url": f"{server}/feed.xml", "name": "Défense news"})
    assert response.status_code == 302
    feed = Feed.objects.get()
    assert feed.last_error == "" and feed.last_added == 2 and feed.last_fetched_at is not None
    hypersonic = Document.objects.get(title__startswith="La DGA")
    assert hypersonic.kind == "feed" and hypersonic.language == "fr"
    assert hypersonic.source == "https://example.org/v" and str(hypersonic.published) == "2023-06-27"
    assert hypersonic.signals.filter(kind="area", key="hypersonics").exists()
    client.post(reverse("radar:fetch_feeds"))  # read again: nothing new, nothing doubled
    feed.refresh_from_db()
    assert Document.objects.count() == 2 and feed.last_added == 0
    page = client.get(reverse("radar:documents")).content.decode()
    assert "Défense news" in page and "0 added, 2 already read." in page


@pytest.mark.parametrize(
    "path, message",
    [
        ("/big.xml", "larger than 1 MB"),
        ("/slow.xml", "within 1 seconds"),
        ("/missing.xml", "answered 404"),
        ("/page.html", "no feed entry"),
    ],
)
def test_a_feed_that_cannot_be_read_says_why(rita, server, loopback_allowed, monkeypatch, path, message):
    monkeypatch.setattr(feeds, "MAX_BYTES", 1024 * 1024)
    monkeypatch.setattr(feeds, "TIMEOUT_SECONDS", 1)
    feed = Feed.objects.create(url=f"{server}{path}")
    job = actions.check_fetch_feeds(rita, [feed.pk])
    job.refresh_from_db()
    feed.refresh_from_db()
    assert job.status == "done" and message in feed.last_error and message in job.result["unreadable"][0]
    assert not Document.objects.exists()


def test_a_redirect_is_followed_and_checked(rita, server, loopback_allowed):
    assert b"Quantum clocks" in feeds.fetch(f"{server}/moved")


def test_addresses_inside_the_network_are_refused_in_production(client, rita, server):
    client.force_login(rita)
    client.post(reverse("radar:add_feed"), {"url": f"{server}/feed.xml"})
    assert not Feed.objects.exists()
    messages = [str(m) for m in client.get(reverse("radar:documents")).context["messages"]]
    assert any("inside the network" in m for m in messages)
    for bad in ("ftp://example.org/feed", "file:///etc/passwd", "http://10.0.0.7/rss", "http://[::1]/"):
        with pytest.raises(feeds.FeedError):
            feeds.check_address(bad)


def test_a_bad_address_gets_a_clear_message_in_french(client, rita):
    client.force_login(rita)
    response = client.post("/fr/radar/feeds/", {"url": "pas une adresse"}, follow=True)
    assert response.status_code == 200
    assert "Saisissez une URL valide" in response.content.decode()
    assert not Feed.objects.exists()


def test_only_analysts_follow_and_read_feeds(client, fred, alice):
    for user in (fred, alice):
        client.force_login(user)
        assert client.post(reverse("radar:add_feed"), {"url": "https://example.org/rss"}).status_code == 403
        assert client.post(reverse("radar:fetch_feeds")).status_code == 403
    assert not Feed.objects.exists()


def test_the_command_reads_the_followed_feeds(rita, server, loopback_allowed, capsys):
    Feed.objects.create(url=f"{server}/feed.xml")
    Feed.objects.create(url=f"{server}/gone.xml", active=False)  # paused: not read
    call_command("radar_fetch_feeds")
    assert "2 added, 0 already read." in capsys.readouterr().out
    assert Document.objects.count() == 2


def test_the_simulation_stage_reads_a_generated_feed_in_the_ingestion_job(rita):
    from lodestar.demo.radar import simulate_ingestion

    text = simulate_ingestion(rita, 30, seed=3)
    assert text.startswith("30 documents read, 0 already read")
    assert Document.objects.filter(kind="feed").count() == 30
    assert {d.language for d in Document.objects.all()} == {"en", "fr"}
    assert simulate_ingestion(rita, 30, seed=3).startswith("0 documents read, 30 already read")


def test_an_unreadable_file_is_explained_in_the_language_of_who_uploaded_it(db):
    from lodestar.core.roles import Role
    from tests.conftest import make_user

    renee = make_user("renee@lodestar.example", Role.ANALYST, language="fr", name="Renée Radar")
    actions.check_ingest_files([("scan.pdf", b"%PDF-1.4 nothing")], renee)
    (reason,) = actions.latest_ingest_job().result["unreadable"]
    assert reason == "scan.pdf: Le fichier PDF est illisible (abîmé, ou seulement des images numérisées)."
