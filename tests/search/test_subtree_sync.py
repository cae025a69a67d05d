"""Publishing a city (or the home page) re-indexes what lies below it in the worker: the
request writes one task naming the page, whatever the size of the subtree."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from search.models import SearchEntry
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def queue(settings, search_sync):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


def work():
    call_command("db_worker", batch=True, interval=0, no_startup_delay=True, verbosity=0)


def test_renaming_a_city_reindexes_its_practices_in_the_worker(
    queue, site_tree, django_capture_on_commit_callbacks
):
    city = site_tree.kupang_id
    with django_capture_on_commit_callbacks(execute=True):
        practices = [make_practice(city, title=f"Praktik {n}", slug=f"p-{n}") for n in range(6)]
    work()
    assert set(
        SearchEntry.objects.filter(page__in=practices).values_list("city_title", flat=True)
    ) == {city.title}
    DBTaskResult.objects.all().delete()

    city.title = "Kota Kupang (baru)"
    with django_capture_on_commit_callbacks(execute=True):
        city.save_revision().publish()
    [queued] = DBTaskResult.objects.ready().filter(task_path__startswith="search.")
    assert queued.task_path == "search.tasks.sync_subtree_task"
    assert queued.args_kwargs["args"] == [city.pk]  # not the ids of everything below
    work()
    assert set(
        SearchEntry.objects.filter(page__in=practices).values_list("city_title", flat=True)
    ) == {"Kota Kupang (baru)"}


def test_a_subtree_task_for_a_deleted_page_does_nothing(queue, site_tree):
    from search.tasks import sync_subtree_task

    sync_subtree_task.enqueue(2**31 - 1)
    work()
    [result] = DBTaskResult.objects.filter(
        task_path="search.tasks.sync_subtree_task", args_kwargs__args=[2**31 - 1]
    )
    assert result.status == "SUCCESSFUL"
