"""Retention checks: inviting learners by e-mail through the reminder job."""
