"""Hooks of this part into the learner pages and the admin."""
