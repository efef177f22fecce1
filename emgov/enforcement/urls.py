"""The enforcement app's pages, under /enforcement/ (its public page is in `public_urls`)."""

from django.urls import path

from emgov.enforcement.views import (
    checklists,
    draws,
    fieldwork,
    hazards,
    monthly,
    operations,
    orders,
    plans,
    visits,
)

app_name = "enforcement"

urlpatterns = [
    *operations.OPERATION_PAGES.urls(),
    *visits.urls(),
    *fieldwork.urls(),
    *visits.VISIT_PAGES.urls(),
    *checklists.ChecklistPages().urls(),
    *hazards.HAZARD_PAGES.urls(),
    *orders.ORDER_PAGES.urls(),
    # Planning: plans, recusals, draws, 回头看, the 四不两直 monthly check.
    *plans.PLAN_PAGES.urls(),
    path("plans/<int:pk>/targets/", plans.plan_target_add, name="plans-target-add"),
    path(
        "plans/<int:pk>/targets/<int:target_pk>/void/",
        plans.plan_target_void,
        name="plans-target-void",
    ),
    path("plans/<int:pk>/draw/", plans.plan_draw, name="plans-draw"),
    *plans.RECUSAL_PAGES.urls(),
    *draws.DRAW_PAGES.urls(),
    path("revisits/", operations.revisit_view, name="revisits"),
    path("monthly-check/", monthly.monthly_check, name="monthly-check"),
]
