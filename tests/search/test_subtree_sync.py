"""Publishing a city (or the home page) re-indexes what lies below it in the worker: the
request writes one outbox row naming the page (and one task to drain), whatever the size
of the subtree; a worker killed mid-drain loses nothing."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from search.models import IndexUpdate, SearchEntry
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
    assert queued.task_path == "search.tasks.drain_index_updates"
    [update] = IndexUpdate.objects.all()
    assert (update.page_id, update.subtree) == (city.pk, True)  # not the ids of all below
    work()
    assert set(
        SearchEntry.objects.filter(page__in=practices).values_list("city_title", flat=True)
    ) == {"Kota Kupang (baru)"}


def test_an_update_for_a_deleted_page_is_drained_without_error(queue, site_tree):
    IndexUpdate.objects.create(page_id=2**31 - 1, subtree=True)
    from search.tasks import drain_index_updates

    drain_index_updates.enqueue()
    work()
    results = DBTaskResult.objects.filter(task_path="search.tasks.drain_index_updates")
    assert results and {r.status for r in results} == {"SUCCESSFUL"}
    assert not IndexUpdate.objects.exists()


def test_tasks_queued_before_the_outbox_land_in_it(queue, site_tree):
    """A deploy can find old sync tasks in the queue: they are recorded, then drained."""
    from search.tasks import sync_pages_task, sync_subtree_task

    practice = make_practice(site_tree.kupang_id, title="Lama", slug="lama")
    sync_subtree_task.enqueue(site_tree.kupang_id.pk)
    sync_pages_task.enqueue([practice.pk])
    work()
    assert SearchEntry.objects.filter(pk=practice.pk).exists()
    assert not IndexUpdate.objects.exists()


def test_a_worker_killed_mid_drain_loses_nothing(queue, site_tree):
    """The rows it claimed come back when their lease ends; the next drain applies them."""
    from search import outbox

    work()  # the site tree's own updates

    practice = make_practice(site_tree.kupang_id, title="Tahan", slug="tahan")
    [claimed] = outbox.claim()  # claimed by a worker that then dies
    assert claimed.page_id == practice.pk
    assert outbox.drain() == (0, 0)  # leased: nobody else takes it yet
    IndexUpdate.objects.update(next_attempt_at=IndexUpdate.objects.get().created_at)
    outbox.drain_if_due()  # the next heartbeat of any worker
    work()
    assert SearchEntry.objects.filter(pk=practice.pk).exists()
    assert not IndexUpdate.objects.exists()
