# The two-region world of most statistics tests (a module may define its own).
from tests.learning.statistics.helpers import world  # noqa: F401
