"""The shared cache's backend against a real Redis: Django's, sharing its redis-py clients."""

from __future__ import annotations

import threading

from caching.redis import RedisCache


def backend(redis_url: str) -> RedisCache:
    return RedisCache(redis_url, {"KEY_PREFIX": "test-backend"})


def test_it_reads_and_writes_as_djangos_backend(redis_url):
    cache = backend(redis_url)
    cache.set("figures", {"learners": 12}, 60)
    cache.set_many({"a": 1, "b": [2, 3]}, 60)
    assert cache.get("figures") == {"learners": 12}
    assert cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": [2, 3]}
    assert cache.incr("a") == 2
    assert cache.add("a", 99) is False
    cache.delete("a")
    assert cache.get("a", "gone") == "gone"


def test_one_client_serves_every_command(redis_url):
    cache = backend(redis_url)
    first = cache._cache.get_client("x")
    cache.set("x", 1, 60)
    cache.get("x")
    assert cache._cache.get_client("x", write=True) is first


def test_threads_sharing_the_client_each_read_their_own_values(redis_url):
    cache = backend(redis_url)
    wrong: list[tuple] = []

    def work(thread: int) -> None:
        for n in range(200):
            key = f"t{thread}-{n}"
            cache.set(key, (thread, n), 60)
            if cache.get(key) != (thread, n):
                wrong.append((thread, n))

    threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not wrong
    assert cache.get("t7-199") == (7, 199)


def test_the_managers_home_figures_are_forgotten_again_and_again_in_redis(redis_url, settings):
    """The home's version counter is an integer Redis increments, however it began."""
    from django.core.cache import caches

    from reporting.home_figures import VERSION_KEY, figures_version, forget_home_figures

    settings.CACHES = {"default": {"BACKEND": "caching.redis.RedisCache", "LOCATION": redis_url}}
    caches["default"].delete(VERSION_KEY)
    forget_home_figures()  # the counter is made
    first = figures_version()
    forget_home_figures()
    forget_home_figures()
    assert figures_version() == first + 2
