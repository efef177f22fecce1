from emgov.outreach import views

app_name = "outreach"

urlpatterns = [
    *views.OutreachPages().urls(),
]
