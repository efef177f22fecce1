"""The synthetic data set: regions, departments, officers, and for every district its enterprises,
operations, visits (with their officers), hazards, orders, penalty cases and audit rows.

Each district is drawn from its own generator (the seed and the district's code), so that the measured
district holds the same records at every scale: its figures do not change when the province grows.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import models, transaction

from emgov.bench import scales
from emgov.bench.tables import NOW, Table, analyze, sequences_reset
from emgov.cases.models import PenaltyCase
from emgov.core.models import AuditEntry, Department, Officer, Region, RegionLevel
from emgov.core.validators import credit_code_check_character
from emgov.enforcement.models import Hazard, Operation, Order, Visit
from emgov.enterprises.models import Enterprise

VIA = "命令 bench"
YEAR = scales.YEAR
JOINT, SUPERVISION, CAMPAIGN = "联合执法", "督导检查", "专项整治"
NATURES = (["执法检查"] * 15, ["帮扶指导"] * 2, ["督导检查"] * 3)
BIG = [Enterprise, Operation, Visit, Visit.officers.through, Hazard, Order, PenaltyCase, AuditEntry]


def credit_code(district: str, n: int) -> str:
    body = f"91{district}{n:09d}"
    return body + credit_code_check_character(body)


def day_in(rng: random.Random, year: int, through: datetime.date | None = None) -> datetime.date:
    first = datetime.date(year, 1, 1)
    last = through or datetime.date(year, 12, 31)
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


@dataclass
class Builder:
    """Writes the data set; `counts` says how many rows of each table it wrote."""

    scale: scales.Scale
    seed: int
    progress: Callable[[str], None] = lambda line: None
    tables: dict[type, Table] = field(default_factory=dict)
    next_id: dict[type, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    departments: dict[str, int] = field(default_factory=dict)
    content_types: dict[type, int] = field(default_factory=dict)
    firm_towns: dict[int, int] = field(default_factory=dict)

    def table(self, model: type) -> Table:
        if model not in self.tables:
            self.tables[model] = Table(model)
            self.next_id[model] = (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1
        return self.tables[model]

    def add(self, model: type, **values) -> int:
        table = self.table(model)
        pk = self.next_id[model]
        self.next_id[model] = pk + 1
        table.add(id=pk, **values)
        name = model._meta.db_table
        self.counts[name] = self.counts.get(name, 0) + 1
        if model in self.content_types:
            self.add(
                AuditEntry,
                content_type_id=self.content_types[model],
                object_id=str(pk),
                object_repr=str(values.get("number") or values.get("name") or pk)[:200],
                action="create",
                via=VIA,
                at=NOW,
                changes={},
            )
        return pk

    def build(self) -> None:
        self.content_types = {
            m: ContentType.objects.get_for_model(m).pk
            for m in (Enterprise, Visit, Hazard, Order, PenaltyCase)
        }
        with transaction.atomic():
            top = self._regions_and_departments()
            for n, code in enumerate(self.scale.district_codes(), start=1):
                self._district(code, top)
                for table in self.tables.values():
                    table.flush()
                self.progress(f"  区县 {code}：第 {n}/{self.scale.district_count} 个")
            sequences_reset([Region, Department, Officer, Operation.departments.through, *BIG])
        analyze()

    def count_existing(self) -> None:
        """The rows of a data set built earlier (`emgov bench --keep`), in place of building it."""
        if not Region.objects.filter(code=self.scale.top_region).exists():
            raise CommandError(f"该数据库中没有 {self.scale.top_region} 的测试数据，请先用 --keep 生成")
        tables = (Region, Department, Officer, Operation.departments.through, *BIG)
        self.counts = {m._meta.db_table: m.objects.count() for m in tables}

    def _regions_and_departments(self) -> dict[str, int]:
        ids: dict[str, int] = {}

        def region(code: str, name: str, level: str, parent: str | None) -> None:
            path = (self._paths[parent] if parent else "/") + f"{code}/"
            self._paths[code] = path
            ids[code] = self.add(
                Region, code=code, name=name, level=level, parent_id=ids.get(parent), path=path
            )

        self._paths: dict[str, str] = {}
        region(scales.PROVINCE, "测试省", RegionLevel.PROVINCE, None)
        for code in self.scale.district_codes():
            city = code[:4] + "00"
            if city not in ids:
                region(city, f"测试市{city}", RegionLevel.CITY, scales.PROVINCE)
            name = "南海区" if code == scales.MEASURED_DISTRICT else f"测试区{code}"
            region(code, name, RegionLevel.COUNTY, city)
            for t in range(101, 101 + scales.TOWNS_PER_DISTRICT):
                region(f"{code}{t:03d}", f"{code}测试镇{t - 100}", RegionLevel.TOWN, code)
        self.table(Region).flush()
        self.region_ids = ids
        top = ids[self.scale.top_region]
        shorts = [scales.BUREAU, *scales.ENFORCING, *scales.PLAN_ONLY]
        for short in shorts:
            self.departments[short] = self.add(
                Department,
                short_name=short,
                name=f"测试{short}局",
                is_bureau=short == scales.BUREAU,
                region_id=top,
            )
        self.table(Department).flush()
        return ids

    def _district(self, code: str, ids: dict[str, int]) -> None:
        rng = random.Random(f"{self.seed}-{code}")
        size = self.scale.per_district
        towns = [ids[f"{code}{t:03d}"] for t in range(101, 101 + scales.TOWNS_PER_DISTRICT)]
        officers = self._officers(rng, code, size)
        firms = []
        for n in range(1, size.enterprises + 1):
            town = rng.choice(towns)
            firm = self.add(
                Enterprise,
                credit_code=credit_code(code, n),
                name=f"{code}测试企业{n}有限公司",
                name_initials=f"cs{n}",
                town_id=town,
                industry=rng.choice(scales.INDUSTRIES),
                risk_level=rng.choice(["重大风险", "较大风险", "一般风险", "低风险", ""]),
                is_key=rng.random() < 0.1,
            )
            self.firm_towns[firm] = town
            firms.append(firm)
        operations = self._operations(rng, code, ids[code], size)
        self._visits(rng, code, ids[code], firms, operations, officers, size)

    def _officers(self, rng: random.Random, code: str, size: scales.PerDistrict) -> dict[str, list]:
        out: dict[str, list] = {}
        for d, short in enumerate([scales.BUREAU, *scales.ENFORCING], start=1):
            count = size.bureau_officers if short == scales.BUREAU else size.other_officers
            out[short] = []
            for n in range(1, count + 1):
                until = datetime.date(YEAR, rng.randint(3, 12), 28) if rng.random() < 0.05 else None
                pk = self.add(
                    Officer,
                    certificate_number=f"{code}{d}{n:05d}",
                    name=f"执法员{code}-{d}-{n}",
                    department_id=self.departments[short],
                    valid_until=until or datetime.date(2030, 12, 31),
                )
                out[short].append(pk)
        return out

    def _operations(
        self, rng: random.Random, code: str, region_id: int, size: scales.PerDistrict
    ) -> list[tuple]:
        """(pk, kind, start, unannounced) of the district's operations, in both years."""
        kinds = (
            [(JOINT, False)] * size.joint_operations
            + [(SUPERVISION, False)] * size.supervision_operations
            + [(SUPERVISION, True)] * size.unannounced_operations
            + [(CAMPAIGN, False)] * size.campaign_operations
        )
        out = []
        for n, (kind, unannounced) in enumerate(kinds, start=1):
            year = YEAR if rng.random() < 0.8 else YEAR - 1
            start = day_in(rng, year, scales.AS_OF if year == YEAR else None)
            level = rng.choice(["区领导", "区领导", "局领导", "科室负责人"]) if kind == SUPERVISION else ""
            pk = self.add(
                Operation,
                number=f"XD{code}{n:05d}",
                kind=kind,
                name=f"{kind}行动{n}",
                start_date=start,
                end_date=start + datetime.timedelta(days=rng.randint(0, 20)),
                lead_department_id=self.departments[scales.BUREAU],
                leader_level=level,
                unannounced=unannounced,
                region_id=region_id,
            )
            through = Operation.departments.through
            joined = [scales.BUREAU, *rng.sample(scales.ENFORCING + scales.PLAN_ONLY, rng.randint(1, 7))]
            for short in joined if kind == JOINT else [scales.BUREAU]:
                self.add(through, operation_id=pk, department_id=self.departments[short])
            out.append((pk, kind, start, unannounced))
        return out

    def _visits(self, rng, code, region_id, firms, operations, officers, size) -> None:
        others = [op for op in operations if not op[3]]
        # Every 四不两直 operation first gets two to eight visits; then a third of the rest belong to one.
        planned = [op for op in operations if op[3] for _ in range(rng.randint(2, 8))]
        natures = [n for group in NATURES for n in group]
        for n in range(1, size.visits + 1):
            firm = rng.choice(firms)
            department = scales.BUREAU if rng.random() < 0.85 else rng.choice(scales.ENFORCING)
            operation = None
            if n <= len(planned):
                operation = planned[n - 1]
            elif rng.random() < 0.3:
                operation = rng.choice(others)
            if operation is not None:
                date = operation[2] + datetime.timedelta(days=rng.randint(0, 3))
            else:
                date = day_in(rng, YEAR if rng.random() < 0.85 else YEAR - 1)
            voided = rng.random() < 0.01
            pk = self.add(
                Visit,
                number=f"JC{code}{n:07d}",
                date=date,
                enterprise_id=firm,
                place_id=self.firm_towns[firm],
                department_id=self.departments[department],
                nature=rng.choice(natures)
                if operation is None or operation[1] != SUPERVISION
                else "督导检查",
                operation_id=operation[0] if operation else None,
                result=rng.choice(["未发现问题", "发现隐患，已责令整改", "资料齐全", ""]),
                av_recorded=rng.random() < 0.9,
                voided_at=NOW if voided else None,
                void_reason="重复录入" if voided else "",
            )
            for officer in rng.sample(
                officers[department], min(len(officers[department]), rng.choice([2, 2, 3]))
            ):
                self.add(Visit.officers.through, visit_id=pk, officer_id=officer)
            self._findings(rng, code, n, pk, date, firm, department, operation, region_id)

    def _findings(self, rng, code, n, visit, date, firm, department, operation, region_id) -> None:
        hazards = rng.choices([0, 1, 2, 3, 4], weights=[35, 25, 20, 12, 8])[0]
        for h in range(hazards):
            deadline = date + datetime.timedelta(days=30)
            closed = rng.random() < 0.7
            major = rng.random() < 0.02
            self.add(
                Hazard,
                number=f"YH{code}{n:07d}{h}",
                visit_id=visit,
                place_id=self.firm_towns[firm],
                description="消防通道堵塞",
                grade="重大事故隐患" if major else "一般隐患",
                basis="《工贸企业重大事故隐患判定标准》第十一条第（一）项" if major else "",
                deadline=deadline,
                # Put right before the review, as the demo's are (a review follows 申请复查).
                rectified_on=max(date, deadline - datetime.timedelta(days=(n + h) % 10)) if closed else None,
                reviewed_on=deadline if closed else None,
                review_result="已整改" if closed else "",
                status="复查合格" if closed else "整改中",
                voided_at=NOW if rng.random() < 0.01 else None,
            )
        if hazards and rng.random() < 0.55:
            self.add(
                Order,
                number=f"ZL{code}{n:07d}",
                visit_id=visit,
                place_id=self.firm_towns[firm],
                doc_type="责令限期整改指令书",
                issued_on=date,
            )
        if operation is not None and operation[1] == JOINT and rng.random() < 0.2:
            self.add(
                Order,
                number=f"TC{code}{n:07d}",
                visit_id=visit,
                place_id=self.firm_towns[firm],
                doc_type="责令停产停业整顿",
                issued_on=date,
            )
        if rng.random() < 0.07:
            self._case(rng, code, n, visit, date, firm, department, region_id)

    def _case(self, rng, code, n, visit, date, firm, department, region_id) -> None:
        decided = date + datetime.timedelta(days=rng.randint(10, 60)) if rng.random() < 0.9 else None
        published = (
            decided + datetime.timedelta(days=rng.randint(1, 12)) if decided and rng.random() < 0.9 else None
        )
        person = rng.random() < 0.05  # a natural person: no enterprise, the case's own 区划代码 places it
        self.add(
            PenaltyCase,
            decision_number=f"（{code}）应急罚〔{date.year}〕{n}号",
            filed_on=date + datetime.timedelta(days=3),
            decided_on=decided,
            party_name="测试当事人",
            party_type="自然人" if person else "法人",
            party_credit_code="" if person else credit_code(code, firm % 1000 + 1),
            enterprise_id=None if person else firm,
            visit_id=None if person else visit,
            region_id=region_id if person else None,
            place_id=region_id if person else self.firm_towns[firm],
            department_id=self.departments[department if rng.random() < 0.5 else scales.BUREAU],
            violation="未按规定开展安全生产教育培训",
            legal_basis="《中华人民共和国安全生产法》第九十七条",
            penalty_kinds=["罚款"],
            fine_amount=Decimal(rng.randint(10, 1000) * 100),
            procedure="普通程序",
            published_on=published,
            voided_at=NOW if rng.random() < 0.01 else None,
        )
