"""What happened to a learner's record, for apps that tell other systems.

Apps above `learning` (a learning record store's statements, an LMS's
gradebook) listen to these signals; `learning` never imports them. Each
signal is sent once the transaction that recorded the event has committed,
so a receiver never sees a record that was rolled back, and its failure
cannot undo the learner's record (receivers should queue their work as a
task rather than call another system in the request).

- `module_started`: the learner's first visit to a module created their
  progress row. Arguments: `progress`, `page`.
- `attempt_recorded`: a new quiz attempt was recorded (never for the same
  form submitted again). Arguments: `attempt`, `page`, `completed` (this
  attempt completed the module).
- `module_marked_done`: a module without a quiz was completed. Arguments:
  `progress`, `page`.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

module_started = Signal()
attempt_recorded = Signal()
module_marked_done = Signal()


def send_after_commit(signal: Signal, **arguments) -> None:
    """Send `signal` from `learning` with `arguments` once the current transaction commits."""
    transaction.on_commit(lambda: signal.send(sender="learning", **arguments))
