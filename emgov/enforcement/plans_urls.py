"""URLs of the planning side: plans, recusals, draws, 回头看, the 四不两直 monthly check."""

from django.urls import path

from emgov.enforcement import draws_views, monthly, operations_views, plans_views

urlpatterns = [
    *plans_views.PLAN_PAGES.urls(),
    path("plans/<int:pk>/targets/", plans_views.plan_target_add, name="plans-target-add"),
    path(
        "plans/<int:pk>/targets/<int:target_pk>/void/",
        plans_views.plan_target_void,
        name="plans-target-void",
    ),
    path("plans/<int:pk>/draw/", plans_views.plan_draw, name="plans-draw"),
    *plans_views.RecusalPages().urls(),
    *draws_views.DRAW_PAGES.urls(),
    path("draws/<int:pk>/publish/", draws_views.draw_publish, name="draws-publish"),
    path("revisits/", operations_views.revisit_view, name="revisits"),
    path("monthly-check/", monthly.monthly_check, name="monthly-check"),
]
