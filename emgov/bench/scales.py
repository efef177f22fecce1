"""The benchmark's scales: how many districts like the Nanhai demo, and how many records each holds."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

YEAR = 2023
AS_OF = datetime.date(YEAR, 12, 4)  # the seed report's as-of date, and the business date of the run
PROVINCE = "440000"
MEASURED_DISTRICT = "440605"  # the district whose figures are timed at every scale
TOWNS_PER_DISTRICT = 7
INDUSTRIES = ["建筑施工", "燃气", "村级工业园", "人员密集场所", "纺织制衣", "危险化学品", "工贸", "仓储物流"]
# The bureau, the five other enforcing departments, and seven more of the district's emergency plan.
ENFORCING = ["住建", "环保", "消防", "卫健", "市场监管"]
PLAN_ONLY = ["公安", "交通", "自然资源", "农业农村", "气象", "教育", "城管"]
BUREAU = "应急"


@dataclass(frozen=True)
class PerDistrict:
    """One district's records, shaped like the demo year (at factor 1.0, about the demo's counts)."""

    enterprises: int = 6000
    visits: int = 15600
    joint_operations: int = 113
    supervision_operations: int = 152
    unannounced_operations: int = 35
    campaign_operations: int = 6
    bureau_officers: int = 62
    other_officers: int = 10  # per other enforcing department

    def scaled(self, factor: float) -> PerDistrict:
        if factor == 1.0:
            return self

        def n(value: int, least: int) -> int:
            return max(least, round(value * factor))

        return PerDistrict(
            enterprises=n(self.enterprises, 30),
            visits=n(self.visits, 120),
            joint_operations=n(self.joint_operations, 3),
            supervision_operations=n(self.supervision_operations, 3),
            unannounced_operations=n(self.unannounced_operations, 24),
            campaign_operations=n(self.campaign_operations, 1),
            bureau_officers=n(self.bureau_officers, 6),
            other_officers=n(self.other_officers, 2),
        )


@dataclass(frozen=True)
class Scale:
    name: str
    cities: int
    districts_per_city: int
    per_district: PerDistrict

    @property
    def district_count(self) -> int:
        return self.cities * self.districts_per_city

    def district_codes(self) -> list[str]:
        """The districts, the measured one (440605) always among them, in the order they are built."""
        if self.cities == 1 and self.districts_per_city == 1:
            return [MEASURED_DISTRICT]
        cities = [6] + [c for c in range(1, 20) if c != 6][: self.cities - 1]
        codes = []
        for city in cities:
            count = self.districts_per_city
            numbers = (
                [5] + [d for d in range(1, 40) if d != 5][: count - 1] if city == 6 else range(1, count + 1)
            )
            codes += [f"44{city:02d}{d:02d}" for d in numbers]
        return codes

    @property
    def top_region(self) -> str:
        """The region the bureau serves and the province user sees: the whole data set."""
        return {1: MEASURED_DISTRICT}.get(self.district_count, PROVINCE if self.cities > 1 else "440600")


SCALES = {
    "district": (1, 1),
    "city": (1, 8),
    "province": (8, 8),  # 64 districts: about 1.0M visits, 1.3M hazards, 0.4M enterprises
}


def scale_of(name: str, factor: float = 1.0) -> Scale:
    cities, per_city = SCALES[name]
    return Scale(name, cities, per_city, PerDistrict().scaled(factor))
