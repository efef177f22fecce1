from emgov.publicity import views

app_name = "publicity"

urlpatterns = [
    *views.DisclosurePages().urls(),
]
