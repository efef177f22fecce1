from emgov.preparedness import views

app_name = "preparedness"

urlpatterns = [
    *views.EventTypePages().urls(),
    *views.PlanPages().urls(),
    *views.DrillPages().urls(),
    *views.TeamPages().urls(),
    *views.MaterialPages().urls(),
]
