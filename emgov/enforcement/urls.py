from emgov.enforcement import views

app_name = "enforcement"

urlpatterns = [
    *views.OperationPages().urls(),
    *views.VisitPages().urls(),
    *views.HazardPages().urls(),
    *views.OrderPages().urls(),
]
