from emgov.enterprises import views

app_name = "enterprises"

urlpatterns = [
    *views.EnterprisePages().urls(),
]
