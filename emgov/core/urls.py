from django.urls import path

from emgov.core import attachments, token_views, users, views

app_name = "core"

urlpatterns = [
    path("audit/", views.audit_list, name="audit-list"),
    path("rules/", views.rules_page, name="rules"),
    path("attachments/<int:pk>/", attachments.attachment_view, name="attachment"),
    path("users/", users.user_list, name="users-list"),
    path("users/new/", users.user_create, name="users-create"),
    path("users/<int:pk>/", users.user_detail, name="users-detail"),
    path("users/<int:pk>/edit/", users.user_edit, name="users-edit"),
    path("users/<int:pk>/password/", users.user_password, name="users-password"),
    path("users/<int:pk>/tokens/", token_views.token_list, name="users-tokens"),
    path("account/tokens/", token_views.token_list, name="tokens"),
    path("account/tokens/<int:pk>/revoke/", token_views.token_revoke_view, name="tokens-revoke"),
    *views.RegionPages().urls(),
    *views.DepartmentPages().urls(),
    *views.OfficerPages().urls(),
    *views.HolidayPages().urls(),
    *views.HolidayYearPages().urls(),
    *views.NumberingPages().urls(),
    *views.RuleVersionPages().urls(),
]
