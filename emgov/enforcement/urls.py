from emgov.enforcement import checklists_views, plans_urls, views, visits_views

app_name = "enforcement"

urlpatterns = [
    *views.OperationPages().urls(),
    *visits_views.urls(),
    *views.VisitPages().urls(),
    *checklists_views.ChecklistPages().urls(),
    *views.HazardPages().urls(),
    *views.OrderPages().urls(),
    *plans_urls.urlpatterns,
]
