"""Roles were Django groups named by role code; they become global `RoleGrant` rows (see its
docstring for why). Every member of a role group gets the same role globally, then the role groups
are removed so that nothing reads a stale second copy. Reversible: going back rebuilds the groups
from the global grants (scoped grants have no group to go back to and are dropped)."""

from django.db import migrations

# The role codes as they were when this migration was written (a migration does not import code
# that may change later).
ROLE_CODES = (
    "applicant",
    "expert",
    "programme_staff",
    "programme_director",
    "accelerator_staff",
    "fund_team",
    "engagement_officer",
    "administrator",
)


def groups_to_grants(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    RoleGrant = apps.get_model("accounts", "RoleGrant")
    memberships = User.groups.through.objects.filter(group__name__in=ROLE_CODES)
    RoleGrant.objects.bulk_create(
        [
            RoleGrant(user_id=user_id, role=name, scope_kind="", scope_key="")
            for user_id, name in memberships.values_list("user_id", "group__name").iterator()
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    Group.objects.filter(name__in=ROLE_CODES).delete()


def grants_to_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    RoleGrant = apps.get_model("accounts", "RoleGrant")
    Through = User.groups.through
    groups = {code: Group.objects.get_or_create(name=code)[0] for code in ROLE_CODES}
    Through.objects.bulk_create(
        [
            Through(user_id=user_id, group_id=groups[role].pk)
            for user_id, role in RoleGrant.objects.filter(scope_kind="", role__in=ROLE_CODES).values_list(
                "user_id", "role"
            )
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_rolegrant"),
    ]

    operations = [migrations.RunPython(groups_to_grants, grants_to_groups)]
