from wagtail import hooks

from modules.models import ModulePage

from .services import profile_of, record_module_start


@hooks.register("before_serve_page")
def record_that_a_learner_opened_a_module(page, request, serve_args, serve_kwargs):
    """Opening a module as a signed-in learner records that they started it (once)."""
    if isinstance(page, ModulePage) and request.method == "GET" and profile_of(request.user):
        # Kept on the request so the page's status panel needs no second query.
        request.__dict__.setdefault("_module_progress", {})[page.translation_key] = (
            record_module_start(request.user, page)
        )
