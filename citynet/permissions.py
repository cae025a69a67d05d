"""Who counts as secretariat, in one place."""

from citynet.roles import SECRETARIAT


def is_secretariat(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=SECRETARIAT).exists())
