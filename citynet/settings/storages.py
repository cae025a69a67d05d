"""STORAGES for S3-compatible object storage, built from AWS_* variables (django-storages).

Kept apart from base.py so the storage tests build exactly what production builds."""


def s3_storages(env):
    """The `default` (uploads) and `private` (generated files) storages in a bucket, or {}
    when AWS_STORAGE_BUCKET_NAME is not set (then the filesystem is used)."""
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {}
    common = {
        "bucket_name": bucket,
        "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env.get("AWS_S3_REGION_NAME") or None,
        # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the machine's role.
        "access_key": env.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": env.get("AWS_SECRET_ACCESS_KEY") or None,
        # Some S3-compatible services refuse ACLs: AWS_DEFAULT_ACL= (empty) leaves them out.
        "default_acl": env.get("AWS_DEFAULT_ACL", "private") or None,
        "querystring_auth": True,
    }
    return {
        "default": {
            "BACKEND": "citynet.storage.MediaS3Storage",
            # Never overwrite: two uploads named photo.jpg must stay two files.
            "OPTIONS": {**common, "location": "media", "file_overwrite": False},
        },
        "private": {
            "BACKEND": "citynet.storage.PrivateS3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": env.get("AWS_PRIVATE_BUCKET_NAME") or bucket,
                "location": "private",
                # Names come from what the file is (plan, revision, language): a second
                # worker drawing the same PDF writes the same object.
                "file_overwrite": True,
            },
        },
    }
