from django.urls import path

from .views import accounts, certificates, dashboard, privacy_notice, quiz, reading

app_name = "learning"

urlpatterns = [
    path("learn/", dashboard.dashboard, name="dashboard"),
    path("learn/modules/<int:page_id>/submit/", quiz.submit, name="submit_quiz"),
    path("learn/modules/<int:page_id>/done/", quiz.mark_done, name="mark_done"),
    path("learn/modules/<int:page_id>/position/", reading.save_position, name="save_position"),
    path("learn/attempts/<uuid:attempt_id>/", quiz.attempt_result, name="attempt"),
    path("learn/certificates/<str:code>/", certificates.certificate, name="certificate"),
    path(
        "learn/certificates/<str:code>/pdf/", certificates.certificate_pdf, name="certificate_pdf"
    ),
    path(
        "learn/certificates/<str:code>/qr.svg", certificates.certificate_qr, name="certificate_qr"
    ),
    path("verify/", certificates.verify, name="verify"),
    path("verify/<str:code>/", certificates.verify_code, name="verify_code"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", accounts.SignInView.as_view(), name="login"),
    path("accounts/logout/", accounts.SignOutView.as_view(), name="logout"),
    path("accounts/profile/", accounts.profile, name="profile"),
    path("accounts/my-data/", accounts.my_data, name="my_data"),
    path("accounts/delete/", accounts.delete_account, name="delete_account"),
    path("privacy/", privacy_notice.privacy_notice, name="privacy"),
    path("accounts/password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        accounts.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
