"""The call's rubric: staff change the criteria and weights until the first review is submitted."""

from django.urls import reverse

from lodestar.experts.models import Expert
from lodestar.reviews.models import Assignment, Review, ReviewRules
from tests.conftest import complete_draft


def rubric_post(**rows):
    data = {"criteria-TOTAL_FORMS": str(len(rows)), "criteria-INITIAL_FORMS": "0"}
    for i, (code, (en, fr, weight)) in enumerate(rows.items()):
        data.update(
            {
                f"criteria-{i}-code": code,
                f"criteria-{i}-en": en,
                f"criteria-{i}-fr": fr,
                f"criteria-{i}-weight": str(weight),
            }
        )
    return data


def test_staff_replace_the_criteria_and_the_review_form_follows(client, stella, call):
    client.force_login(stella)
    url = reverse("reviews:rubric", args=[call.slug])
    assert "Fit to the challenge" in client.get(url).content.decode()  # the default rubric (FACTS.md)
    response = client.post(
        url, rubric_post(impact=("Operational impact", "Impact opérationnel", 2), team=("Team", "Équipe", 1))
    )
    assert response.status_code == 302
    setup = ReviewRules.objects.get(call=call)
    assert setup.criterion_codes == ["impact", "team"]
    assert setup.criteria[0] == {
        "code": "impact",
        "en": "Operational impact",
        "fr": "Impact opérationnel",
        "weight": 2.0,
    }
    assert setup.criterion_label("impact", "fr") == "Impact opérationnel"


def test_the_criteria_are_fixed_once_a_review_is_submitted(client, stella, call, alice, aurora, energy):
    application = complete_draft(alice, aurora, energy)
    expert = Expert.objects.create(full_name="Eve", email="eve@x.example", nation="DK", expertise="x")
    assignment = Assignment.objects.create(application=application, expert=expert, status="active")
    Review.objects.create(assignment=assignment, status=Review.Status.SUBMITTED, scores={"fit": 4})
    client.force_login(stella)
    url = reverse("reviews:rubric", args=[call.slug])
    response = client.post(url, rubric_post(impact=("Impact", "Impact", 1)), follow=True)
    assert "can no longer change" in response.content.decode()
    assert not ReviewRules.objects.filter(call=call).exists()  # nothing was written


def test_two_criteria_with_one_code_are_refused(client, stella, call):
    client.force_login(stella)
    url = reverse("reviews:rubric", args=[call.slug])
    response = client.post(
        url,
        rubric_post(a=("Team", "Équipe", 1), b=("Team", "Équipe", 1))
        | {"criteria-0-code": "team", "criteria-1-code": "team"},
        follow=True,
    )
    assert "its own code" in response.content.decode()


def test_only_programme_staff_edit_the_rubric(client, alice, erin, call):
    for person in (alice, erin):
        client.force_login(person)
        assert client.get(reverse("reviews:rubric", args=[call.slug])).status_code == 403
