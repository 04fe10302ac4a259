"""Ralph's LRS on its file-system backend, storing every statement (run by scripts/lrs.sh).

Ralph 5.1.0's file-system LRS backend writes each POST or PUT to its one
statements file with the operation "index", which refuses to write a file
that exists: the LRS stores its first statement and answers 500 ("Statement
indexation failed") to every later one. Here it appends instead, which is
what a statement store does. The other backends need a database server
(Elasticsearch, MongoDB, ClickHouse); this one needs none.

Runs in Ralph's own virtualenv (var/lrs-venv), never in the project's.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402  (reads the backend when imported)

__all__ = ["app"]
