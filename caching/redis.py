"""Django's Redis cache backend, with one redis-py client per connection pool.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every
cache command, and redis-py's constructor fills its table of about 170
response callbacks each time: on a signed-in page, which reads the session
and several shared entries, that was a fifth of the work above the bare view.
A `redis.Redis` takes a connection from its pool for each command and is safe
to share between threads, so one per pool serves every command; the pools
themselves are Django's, created as before.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClientCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            # The pools live as long as this object, so their ids stay theirs.
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """`django.core.cache.backends.redis.RedisCache`, sharing its redis-py clients."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = SharedClientCacheClient
