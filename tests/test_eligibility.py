from decimal import Decimal

from lodestar.organisations.actions import ShareholderData
from lodestar.programmes.eligibility import Verdict, evaluate
from lodestar.programmes.models import EligibilityRule
from tests.conftest import make_organisation, make_user


def outcome(report, code):
    return next(o for o in report.outcomes if o.code == code)


def test_a_start_up_headquartered_in_a_member_nation_is_eligible(call, aurora):
    report = evaluate(call, aurora, Decimal(100_000))
    assert report.verdict == Verdict.ELIGIBLE
    assert all(o.outcome == "pass" for o in report.outcomes)


def test_headquarters_outside_the_eligible_nations_is_refused_with_the_rule_message(call, db):
    owner = make_user("kenji@tokyo.example")
    org = make_organisation(owner, "Tokyo Robotics KK", "JP")
    report = evaluate(call, org, Decimal(50_000))
    assert report.verdict == Verdict.INELIGIBLE
    failed = outcome(report, EligibilityRule.Code.HEADQUARTERS)
    assert failed.outcome == "refuse"
    assert "siège" in failed.message_fr and "headquarters" in failed.message_en


def test_an_organisation_type_the_call_does_not_admit_is_refused(call, db):
    owner = make_user("dean@uni.example")
    org = make_organisation(owner, "Université de Lille", "FR", kind="university")
    assert evaluate(call, org).verdict == Verdict.INELIGIBLE


def test_foreign_ownership_above_the_threshold_is_flagged_for_review_not_refused(call, db):
    owner = make_user("ceo@mixed.example")
    org = make_organisation(
        owner,
        "Mixed Capital GmbH",
        "DE",
        shareholders=[
            ShareholderData("Founders", "DE", Decimal(60)),
            ShareholderData("Far East Ventures", "CN", Decimal(30)),
        ],
    )
    report = evaluate(call, org, Decimal(100_000))
    assert report.verdict == Verdict.REVIEW
    flagged = outcome(report, EligibilityRule.Code.FOREIGN_OWNERSHIP)
    assert flagged.outcome == "flag"
    assert flagged.detail["share"] == 30.0 and flagged.detail["nations"] == ["CN"]


def test_foreign_ownership_at_the_threshold_passes(call, db):
    owner = make_user("ceo@edge.example")
    org = make_organisation(
        owner, "Edge Capital BV", "NL", shareholders=[ShareholderData("Pacific Fund", "SG", Decimal(25))]
    )
    assert evaluate(call, org).verdict == Verdict.ELIGIBLE


def test_a_requested_amount_above_the_maximum_grant_is_refused(call, aurora):
    report = evaluate(call, aurora, Decimal(150_000))
    assert outcome(report, EligibilityRule.Code.REQUESTED_AMOUNT).outcome == "refuse"


def test_rules_are_data_a_call_can_turn_a_refusal_into_a_flag(call, db):
    call.rules.filter(code=EligibilityRule.Code.ORGANISATION_TYPE).update(when_failed="flag")
    owner = make_user("cto@bigco.example")
    org = make_organisation(owner, "BigCo plc", "GB", kind="large")
    assert evaluate(call, org).verdict == Verdict.REVIEW


def test_eligible_nations_are_a_setting_of_the_call(call, aurora):
    call.eligible_nations = ["DE", "NO"]
    call.save()
    assert evaluate(call, aurora).verdict == Verdict.INELIGIBLE
