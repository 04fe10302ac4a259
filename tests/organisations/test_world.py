"""The organisations' world holds what the other tests rely on."""

from learning.models import LearnerProfile, MembershipRole
from organisations.access import administered_organisation, organisations_for_manager


def test_administrators_administer_only_their_own_verified_organisation(org_world):
    assert administered_organisation(org_world["admin_a"]) == org_world["a"]
    assert administered_organisation(org_world["admin_b"]) == org_world["b"]
    assert administered_organisation(org_world["member_a1"]) is None
    assert administered_organisation(org_world["outsider"]) is None
    assert administered_organisation(org_world["manager"]) is None


def test_an_administrator_of_an_organisation_not_approved_administers_nothing(org_world):
    profile = org_world["admin_a"].learner_profile
    org_world["a"].status = "pending"
    org_world["a"].save()
    profile.refresh_from_db()
    assert administered_organisation(org_world["admin_a"]) is None


def test_managers_see_the_organisations_of_their_regions_only(org_world):
    estonian = {org_world["a"], org_world["b"], org_world["pending"]}
    assert set(organisations_for_manager(org_world["manager"])) == estonian
    assert set(organisations_for_manager(org_world["coordinator"])) == estonian | {org_world["c"]}
    assert not organisations_for_manager(org_world["editor"]).exists()
    assert not organisations_for_manager(org_world["admin_a"]).exists()


def test_a_membership_always_has_a_role(org_world):
    import pytest
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        LearnerProfile.objects.filter(user=org_world["outsider"]).update(
            organisation=org_world["a"]
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        LearnerProfile.objects.filter(user=org_world["outsider"]).update(
            organisation_role=MembershipRole.MEMBER
        )
