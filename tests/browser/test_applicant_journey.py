"""The whole applicant journey, in French, as a new user takes it in a real browser."""

from __future__ import annotations

import re
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest

from lodestar.applications.models import Application
from tests.conftest import PASSWORD
from tests.pdfs import MINIMAL_PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def read_mail(folder):
    letters = []
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                message = message_from_bytes(chunk.strip())
                subject = str(make_header(decode_header(message["Subject"])))
                payload = message.get_payload(decode=True)
                body = payload.decode(message.get_content_charset() or "utf-8") if payload else ""
                letters.append((message["To"], subject, body))
    return letters


def test_a_new_company_signs_up_applies_uploads_and_submits_in_french(
    page, live_server, settings, tmp_path, call
):
    mailbox = tmp_path / "mail"
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(mailbox)
    base = live_server.url

    # Sign up in French.
    page.goto(f"{base}/fr/accounts/signup/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.fill("input[name=email]", "chloe@helios.example")
    page.fill("input[name=full_name]", "Chloé Bernard")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("form[action$='/signup/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/accounts/confirm-email/"))

    # Verify the e-mail address with the link of the letter, which is in French.
    to, subject, body = read_mail(mailbox)[-1]
    assert to == "chloe@helios.example"
    assert "Confirmez votre adresse" in subject
    link = re.search(r"http://\S+/fr/accounts/confirm-email/\S+/", body).group(0)
    page.goto(link)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()

    # Find the open call and a challenge, and start applying: first the company is registered.
    page.goto(f"{base}/fr/calls/{call.slug}/")
    assert "Appel à défis 2026" in page.content()
    page.locator("a[href*='/applications/start/']").first.click()
    page.wait_for_url(re.compile(r"/fr/organisations/new/"))
    page.fill("input[name=legal_name]", "Hélios Énergie SAS")
    page.select_option("select[name=headquarters_nation]", "FR")
    page.select_option("select[name=kind]", "startup")
    page.fill("input[name=year_founded]", "2021")
    page.fill("input[name=employees]", "14")
    page.fill("textarea[name=description]", "Stockage d'énergie pour sites isolés.")
    page.locator("button[type=submit]").last.click()

    # The application form, written in French.
    page.wait_for_url(re.compile(r"/fr/applications/start/"))
    page.fill("input[name=title]", "Stockage d'hydrogène à l'état solide pour les bases avancées")
    page.fill("textarea[name=summary]", "Des modules silencieux qui alimentent les camps la nuit.")
    page.fill(
        "textarea[name=description]",
        "Les bases avancées dépendent encore de groupes électrogènes bruyants, faciles à repérer et "
        "difficiles à ravitailler. Nos modules stockent l'hydrogène à basse pression, se rechargent le jour "
        "grâce aux panneaux solaires et alimentent le camp pendant la nuit, sans signature thermique.",
    )
    page.select_option("select[name=trl]", "5")
    page.fill("input[name=requested_amount]", "100000")
    page.fill("input[name='team-0-name']", "Chloé Bernard")
    page.fill("input[name='team-0-role']", "Présidente")
    page.locator("button[name=save]").click()
    page.wait_for_url(re.compile(r"/fr/applications/\d+/$"))

    # Upload the PDF, then submit.
    pdf = tmp_path / "dossier.pdf"
    pdf.write_bytes(MINIMAL_PDF)
    page.set_input_files("input[name=file]", str(pdf))
    page.locator("form[action$='/attachments/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert "dossier.pdf" in page.content()
    page.locator("form[action$='/submit/'] button[type=submit]").click()
    page.wait_for_load_state()

    # The status page says it is submitted, in French; the letter went out in French.
    application = Application.objects.get(title__startswith="Stockage d'hydrogène")
    assert application.status == "submitted" and application.language == "fr"
    assert page.locator("h1 .badge").inner_text() == "Soumise"
    assert "Votre candidature a été soumise" in page.content()
    confirmations = [s for to, s, b in read_mail(mailbox) if application.reference in s]
    assert confirmations and "reçue" in confirmations[0]
