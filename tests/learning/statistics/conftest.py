# The two-region world of most statistics tests (a module may define its own).
from tests.learning.statistics.helpers import world  # noqa: F401

# Random learners and changes, for the tests that compute a figure two ways.
from tests.learning.statistics.random_data import random_world  # noqa: F401, E402
