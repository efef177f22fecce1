from django.urls import path

from emgov.preparedness import views
from emgov.preparedness.views import matrix, overview, warnings

app_name = "preparedness"

urlpatterns = [
    path("matrix/", matrix.matrix_page, name="matrix"),
    path("matrix/export.xlsx", matrix.matrix_export, name="matrix-export"),
    path("overdue/", overview.overdue, name="overdue"),
    path("command-post-checks/comparison/", overview.town_comparison, name="check-comparison"),
    path("warnings/cap-upload/", warnings.warning_cap_upload, name="warnings-cap-upload"),
    path("warnings/<int:pk>/cap.xml", warnings.warning_cap, name="warnings-cap"),
    *views.EventTypePages().urls(),
    *views.PlanPages().urls(),
    *views.DrillPages().urls(),
    *views.FollowUpPages().urls(),
    *views.TeamPages().urls(),
    *views.TeamMemberPages().urls(),
    *views.MaterialPages().urls(),
    *views.StockMovementPages().urls(),
    *views.CommandPostCheckPages().urls(),
    *views.WarningPages().urls(),
]
