from emgov.cases import views

app_name = "cases"

urlpatterns = [
    *views.PenaltyPages().urls(),
]
