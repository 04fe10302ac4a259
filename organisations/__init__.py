"""SMEs as members: registration, invitations, the team page, deadlines and reminders.

Sits above `learning` (docs/architecture.md): it reads learners' progress and
certificates, and `learning` knows nothing of it; the learner's pages reach
it through hooks (`learner_dashboard_panels`, `learner_personal_data`,
`before_erase_learner`).
"""
