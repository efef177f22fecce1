"""The account that commands and imports without a signed-in user are recorded under."""

from emgov.core.models import Role, User

SYSTEM_USERNAME = "system"


def system_actor() -> User:
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"full_name": "系统（命令行）", "role": Role.ADMIN, "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
