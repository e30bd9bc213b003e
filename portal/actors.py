"""Who acts, as the services and permissions modules type it.

A signed-in person is a portal.models.User; a page's visitor may be anonymous. Services take
an Actor and ask their app's permissions module, which answers for either.
"""

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser

from portal.models import User

Actor: TypeAlias = User | AnonymousUser
