"""Learners sign in with their e-mail address; staff may still use a username."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user_model = get_user_model()
        if "@" in username:
            users = user_model._default_manager.filter(email__iexact=username.strip())
            user = users.order_by("pk").first()
        else:
            user = user_model._default_manager.filter(username=username).first()
        if user is None:
            # Run the hasher anyway so response times do not reveal unknown accounts.
            user_model().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        # Every learner page reads the profile; one query fetches both. On every
        # signed-in request: `get`, unlike `first`, builds no ORDER BY.
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("learner_profile").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
