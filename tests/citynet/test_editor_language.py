"""Editors in their language: new accounts start in Bahasa Indonesia, the secretariat can change
it, and the emails editors get (review notifications, password resets) follow it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from citynet.roles import SECRETARIAT
from tests.conftest import make_user
from tests.practices.test_admin import practice_form

pytestmark = pytest.mark.django_db
User = get_user_model()


def account_form(site_tree, **overrides):
    return {
        "username": "editor.baru",
        "email": "editor.baru@kupangkota.go.id",
        "first_name": "Maria",
        "last_name": "Ndun",
        "password1": "Sasando-2019-Kupang",
        "password2": "Sasando-2019-Kupang",
        "groups": [site_tree.kupang.editors_group.pk],
        **overrides,
    }


def language_of(username):
    return UserProfile.get_for_user(User.objects.get(username=username)).preferred_language


def test_the_account_form_offers_indonesian_first_for_a_new_editor(secretariat_client, site_tree):
    response = secretariat_client.get(reverse("wagtailusers_users:add"))
    assert response.status_code == 200
    field = response.context["form"]["admin_language"]
    assert field.value() == "id"
    assert 'name="admin_language"' in response.content.decode()


def test_a_new_editor_is_created_in_indonesian(secretariat_client, site_tree):
    response = secretariat_client.post(
        reverse("wagtailusers_users:add"), account_form(site_tree, admin_language="id")
    )
    assert response.status_code == 302
    assert language_of("editor.baru") == "id"


def test_the_secretariat_can_choose_english_and_change_it_later(secretariat_client, site_tree):
    secretariat_client.post(
        reverse("wagtailusers_users:add"), account_form(site_tree, admin_language="en")
    )
    assert language_of("editor.baru") == "en"
    user = User.objects.get(username="editor.baru")
    edit = reverse("wagtailusers_users:edit", args=[user.pk])
    assert secretariat_client.get(edit).context["form"]["admin_language"].value() == "en"
    data = account_form(site_tree, admin_language="id", password1="", password2="", is_active="on")
    response = secretariat_client.post(edit, data)
    assert response.status_code == 302
    assert language_of("editor.baru") == "id"


def test_a_form_posted_without_the_field_starts_in_indonesian_or_keeps_the_language(
    secretariat_client, site_tree
):
    data = account_form(site_tree)
    secretariat_client.post(reverse("wagtailusers_users:add"), data)
    assert language_of("editor.baru") == "id"
    user = User.objects.get(username="editor.baru")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    edit = reverse("wagtailusers_users:edit", args=[user.pk])
    data = account_form(site_tree, password1="", password2="", is_active="on", last_name="Lay")
    assert secretariat_client.post(edit, data).status_code == 302
    assert language_of("editor.baru") == "en"
    assert User.objects.get(pk=user.pk).last_name == "Lay"


def test_an_unknown_language_is_a_form_error_and_creates_nobody(secretariat_client, site_tree):
    response = secretariat_client.post(
        reverse("wagtailusers_users:add"), account_form(site_tree, admin_language="xx")
    )
    assert response.status_code == 200
    assert "admin_language" in response.context["form"].errors
    assert not User.objects.filter(username="editor.baru").exists()


def test_a_city_editor_cannot_open_the_account_forms(kupang_client, site_tree, secretariat_user):
    for url in (
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[secretariat_user.pk]),
    ):
        response = kupang_client.get(url)
        assert response.status_code in (302, 403)
    response = kupang_client.post(
        reverse("wagtailusers_users:add"), account_form(site_tree, admin_language="en")
    )
    assert not User.objects.filter(username="editor.baru").exists()


def set_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


def test_review_notifications_go_out_in_each_recipients_language(client, site_tree):
    english_reviewer = make_user("secretariat.en", Group.objects.get(name=SECRETARIAT))
    set_language(english_reviewer, "en")
    indonesian_reviewer = make_user("secretariat.id", Group.objects.get(name=SECRETARIAT))
    set_language(indonesian_reviewer, "id")
    editor = make_user("editor.kupang", site_tree.kupang.editors_group)
    set_language(editor, "id")
    client.force_login(editor)
    add = reverse("wagtailadmin_pages:add", args=["practices", "practicepage", site_tree.kupang.pk])
    response = client.post(add, {**practice_form(), "action-submit": "submit"})
    assert response.status_code == 302
    by_recipient = {m.to[0]: m for m in mail.outbox}
    english = by_recipient["secretariat.en@example.org"]
    indonesian = by_recipient["secretariat.id@example.org"]
    assert "has been submitted for approval in moderation stage" in english.subject
    assert "telah diajukan untuk disetujui pada tahap moderasi" in indonesian.subject
    assert "Smart parking" in indonesian.subject


def test_a_password_reset_email_is_in_the_accounts_language(client, site_tree):
    editor = make_user("editor.kupang", site_tree.kupang.editors_group)
    set_language(editor, "id")
    response = client.post(
        reverse("wagtailadmin_password_reset"),
        {"email": editor.email},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "kata sandi" in (message.subject + message.body).lower()
    assert "password reset" not in message.subject.lower()
