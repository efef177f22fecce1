from emgov.licensing import views

app_name = "licensing"

urlpatterns = [
    *views.LicensingPages().urls(),
]
