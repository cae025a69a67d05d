"""The secretariat's role and review workflow, written against migration-time models.

Functions take Django's `apps` registry so data migrations (this app's and later apps')
can call them: a later app grants the secretariat its own models with `grant_global`.
"""

SECRETARIAT = "Secretariat"
REVIEW = "Secretariat review"

SECRETARIAT_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
SECRETARIAT_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "image", ("add", "change", "delete", "choose")),
    ("wagtaildocs", "document", ("add", "change", "delete", "choose")),
    ("wagtailcore", "collection", ("add", "change", "delete")),
)
SECRETARIAT_GLOBAL_PERMISSIONS = (
    ("wagtailadmin", "admin", ("access",)),
    ("auth", "user", ("add", "change", "delete")),
    ("citynet", "dimension", ("add", "change", "delete", "view")),
    ("simple_translation", "simpletranslation", ("submit_translation",)),
)


def permission(apps, app_label, model, action):
    """The Permission row, created if post_migrate has not made it yet (fresh databases)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    codename = action if "_" in action else f"{action}_{model}"
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return perm


def grant_global(apps, group_name, specs):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=group_name)
    for app_label, model, actions in specs:
        group.permissions.add(*(permission(apps, app_label, model, a) for a in actions))
    return group


def create_secretariat(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group = grant_global(apps, SECRETARIAT, SECRETARIAT_GLOBAL_PERMISSIONS)
    root_page = Page.objects.get(depth=1)
    for codename in SECRETARIAT_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=root_page,
            permission=permission(apps, "wagtailcore", "page", codename),
        )
    root_collection = Collection.objects.get(depth=1)
    for app_label, model, actions in SECRETARIAT_COLLECTION_PERMISSIONS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(apps, app_label, model, action),
            )
    _replace_default_workflow(apps, group, root_page)
    _remove_wagtail_default_groups(apps)


def _replace_default_workflow(apps, secretariat, root_page):
    """Every page goes through 'Secretariat review' instead of Wagtail's 'Moderators approval'."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=REVIEW, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(secretariat)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.filter(page=root_page).delete()
    WorkflowPage.objects.create(page=root_page, workflow=workflow)
    Workflow.objects.filter(name="Moderators approval").update(active=False)
    GroupApprovalTask.objects.filter(name="Moderators approval").update(active=False)


def _remove_wagtail_default_groups(apps):
    """Wagtail's starter 'Editors' group may edit every page; our roles replace it."""
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is None or group.user_set.exists():
            continue
        for task in GroupApprovalTask.objects.filter(groups=group):
            task.groups.remove(group)
        group.delete()
