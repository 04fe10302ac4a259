from wagtail import hooks

from .models import Statement
from .statements import actor
from .viewsets import statement_viewset


@hooks.register("register_admin_viewset")
def register_statements():
    return statement_viewset


@hooks.register("before_erase_learner")
def forget_statements(user) -> None:
    """Statements not yet sent never leave; the copies of those sent go too (they may hold the e-mail)."""
    Statement.objects.filter(learner=user).delete()


@hooks.register("learner_personal_data")
def statements_data(user) -> dict:
    rows = Statement.objects.filter(learner=user)
    if not rows.exists():
        return {}
    return {
        "learning_record_store": {
            "sent_as": actor(user),
            "statements": [
                {
                    "verb": row.verb,
                    "activity": row.activity,
                    "queued_at": row.created_at.isoformat(),
                    "sent_at": row.sent_at.isoformat() if row.sent_at else None,
                }
                for row in rows.order_by("pk")
            ],
        }
    }
