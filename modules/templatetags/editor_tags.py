from django import template

from ..editor_home import may_edit_pages

register = template.Library()


@register.simple_tag
def user_edits_pages(user) -> bool:
    """Whether the admin's page search, site summary and editor guide are of use to `user`."""
    return may_edit_pages(user)
