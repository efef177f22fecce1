from emgov.legal import views

app_name = "legal"

urlpatterns = views.urls()
