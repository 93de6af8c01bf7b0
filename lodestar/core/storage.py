"""Private file storage: files with no public URL, served only by permission-checked views."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Local disk under PRIVATE_MEDIA_ROOT, outside any served directory.

    The location is read from settings at each use (not fixed when the model field is built), so a
    test or a deployment that moves PRIVATE_MEDIA_ROOT moves every attachment with it.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("base_url", None)
        kwargs.pop("location", None)
        super().__init__(**kwargs)

    @property  # a property on purpose: never cached
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL; serve them through a permission-checked view.")
