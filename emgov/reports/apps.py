from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "emgov.reports"
    label = "reports"
    verbose_name = _("报告统计")

    def ready(self) -> None:
        from emgov.bench.run import run_scale
        from emgov.core import navigation, views
        from emgov.core.management.commands import bench
        from emgov.reports.dashboard_bench import measure_dashboard
        from emgov.reports.views.dashboard import home_panel

        navigation.register("reports", _("领导驾驶舱"), "dashboard:index")
        navigation.register("reports", _("年度法治政府建设报告"), "reports:annual")
        if home_panel not in views.HOME_PANELS:
            views.HOME_PANELS.append(home_panel)
        bench.MEASUREMENTS.setdefault("dashboard", measure_dashboard)
        bench.SCALE_BENCH.setdefault("run", run_scale)
