"""The licensing catalogue and cases at every step of their workflow, written through the licensing services.

The cases are accepted after the report's as-of date (2023-12-04), so the report's figures stay as stated.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from emgov.core.models import Role, User
from emgov.demo.base import VIA
from emgov.enterprises.models import Enterprise
from emgov.licensing import services
from emgov.licensing.models import LicenceType, LicensingCase, LicensingItem
from emgov.licensing.procedures import LICENSING_CASE

D = datetime.date

ITEMS = [
    {
        "name": "危险化学品经营许可证核发（不带储存设施）",
        "category": "行政许可",
        "licence_type": LicenceType.ORDINARY,
        "legal_basis": "《危险化学品安全管理条例》第三十三条、第三十五条；《危险化学品经营许可证管理办法》",
        "time_limit_days": 20,
        "working_days": True,
        "extendable": True,
        "extension_days": 10,
        "materials": "危险化学品经营许可证申请表\n营业执照\n经营和储存场所产权证明或租赁证明\n"
        "主要负责人、安全管理人员安全生产知识和管理能力考核合格证明\n安全生产管理制度和岗位操作规程目录",
        "certificate_name": "危险化学品经营许可证",
        "validity_years": 3,
    },
    {
        "name": "烟花爆竹经营（零售）许可证核发",
        "category": "行政许可",
        "licence_type": LicenceType.ORDINARY,
        "legal_basis": "《烟花爆竹安全管理条例》第十七条、第十八条；《烟花爆竹经营许可实施办法》",
        "time_limit_days": 20,
        "working_days": False,
        "extendable": True,
        "extension_days": 10,
        "materials": "烟花爆竹经营（零售）许可证申请书\n营业执照\n零售场所产权证明或租赁证明\n"
        "主要负责人安全培训合格证明\n零售场所平面布置图",
        "certificate_name": "烟花爆竹经营（零售）许可证",
        "validity_years": 1,
    },
    {
        "name": "第二类、第三类非药品类易制毒化学品经营备案",
        "category": "备案",
        "licence_type": LicenceType.REGISTRATION,
        "legal_basis": "《易制毒化学品管理条例》第十三条；《非药品类易制毒化学品生产、经营许可办法》",
        "time_limit_days": 5,
        "working_days": True,
        "extendable": False,
        "extension_days": 0,
        "materials": "非药品类易制毒化学品品种、经营量备案申请表\n营业执照\n易制毒化学品管理制度",
        "certificate_name": "非药品类易制毒化学品经营备案证明",
        "validity_years": 3,
    },
    {
        "name": "生产经营单位生产安全事故应急预案备案",
        "category": "备案",
        "licence_type": LicenceType.REGISTRATION,
        "legal_basis": "《生产安全事故应急条例》第七条；《生产安全事故应急预案管理办法》第二十六条",
        "time_limit_days": 5,
        "working_days": True,
        "extendable": False,
        "extension_days": 0,
        "materials": "应急预案备案申报表\n应急预案评审意见\n应急预案电子文档\n风险评估结果和应急资源调查清单",
    },
    {
        "name": "金属冶炼建设项目安全设施设计审查",
        "category": "行政审批",
        "licence_type": LicenceType.VERIFICATION,
        "legal_basis": "《安全生产法》第三十二条、第三十三条；《建设项目安全设施“三同时”监督管理办法》",
        "time_limit_days": 20,
        "working_days": True,
        "extendable": True,
        "extension_days": 10,
        "materials": "建设项目安全设施设计审查申请文件\n安全设施设计\n安全预评价报告\n建设项目批准文件",
    },
    {
        "name": "危险化学品建设项目安全条件审查",
        "category": "行政审批",
        "licence_type": LicenceType.VERIFICATION,
        "legal_basis": "《危险化学品安全管理条例》第十二条；《危险化学品建设项目安全监督管理办法》",
        "time_limit_days": 45,
        "working_days": False,
        "extendable": True,
        "extension_days": 10,
        "materials": "建设项目安全条件审查申请书\n安全评价报告\n建设项目规划相关文件\n工商营业执照",
    },
]


@dataclass(frozen=True)
class DemoCase:
    number: str
    item: str
    applied: datetime.date
    # 一次性告知补正 (行政许可法第三十二条): (told on, materials complete on or None).
    supplement: tuple[datetime.date, datetime.date | None] | None = None
    accepted: datetime.date | None = None
    # 专家评审 not counted in the time limit (第四十五条): (told on, started on, ended on).
    expert_review: tuple[datetime.date, datetime.date, datetime.date] | None = None
    extended: datetime.date | None = None
    decided: datetime.date | None = None
    result: str = ""
    certificate: datetime.date | None = None
    published: datetime.date | None = None


HAZCHEM = "危险化学品经营许可证核发（不带储存设施）"
FIREWORKS = "烟花爆竹经营（零售）许可证核发"
PLAN_FILING = "生产经营单位生产安全事故应急预案备案"
DESIGN_REVIEW = "金属冶炼建设项目安全设施设计审查"

CASES = [
    DemoCase("SL2023-LC01", HAZCHEM, D(2023, 12, 18), supplement=(D(2023, 12, 20), None)),
    DemoCase(
        "SL2023-LC02",
        HAZCHEM,
        D(2023, 12, 13),
        supplement=(D(2023, 12, 15), D(2023, 12, 19)),
        accepted=D(2023, 12, 19),
    ),
    DemoCase(
        "SL2023-LC03",
        DESIGN_REVIEW,
        D(2023, 12, 5),
        accepted=D(2023, 12, 6),
        expert_review=(D(2023, 12, 8), D(2023, 12, 11), D(2023, 12, 15)),
        extended=D(2023, 12, 28),
    ),
    DemoCase(
        "SL2023-LC04",
        FIREWORKS,
        D(2023, 12, 5),
        accepted=D(2023, 12, 6),
        decided=D(2023, 12, 15),
        result="不予",
    ),
    DemoCase(
        "SL2023-LC05",
        FIREWORKS,
        D(2023, 12, 6),
        accepted=D(2023, 12, 7),
        decided=D(2023, 12, 18),
        result="准予",
    ),
    DemoCase(
        "SL2023-LC06",
        HAZCHEM,
        D(2023, 12, 6),
        accepted=D(2023, 12, 7),
        decided=D(2023, 12, 20),
        result="准予",
        certificate=D(2023, 12, 22),
    ),
    DemoCase(
        "SL2023-LC07",
        FIREWORKS,
        D(2023, 12, 7),
        accepted=D(2023, 12, 8),
        decided=D(2023, 12, 14),
        result="准予",
        certificate=D(2023, 12, 15),
        published=D(2023, 12, 19),
    ),
    DemoCase(
        "SL2023-LC08",
        HAZCHEM,
        D(2023, 12, 5),
        accepted=D(2023, 12, 5),
        decided=D(2023, 12, 11),
        result="准予",
        certificate=D(2023, 12, 27),
        published=D(2024, 1, 5),
    ),
    DemoCase(
        "SL2023-LC09",
        PLAN_FILING,
        D(2023, 12, 11),
        accepted=D(2023, 12, 11),
        decided=D(2023, 12, 12),
        result="已备案",
    ),
]


SUPPLEMENT_ITEMS = "主要负责人、安全管理人员安全生产知识和管理能力考核合格证明\n经营场所租赁合同（原件核对）"


def build_licensing_workflows() -> None:
    items = {spec["name"]: services.licensing_item_create(actor=None, via=VIA, **spec) for spec in ITEMS}
    firms = list(
        Enterprise.objects.filter(industry__in=["危险化学品", "工贸"]).order_by("credit_code")[: len(CASES)]
    )
    # 行政许可法第四十二条: an extension is approved by the bureau's head, a user of the role 局领导.
    leader = User.objects.filter(role=Role.LEADER, is_active=True).order_by("pk").first()
    for n, (spec, firm) in enumerate(zip(CASES, firms, strict=True), start=1):
        _run(spec, items[spec.item], firm, n, leader)


def _run(spec: DemoCase, item: LicensingItem, firm: Enterprise, n: int, leader: User | None) -> LicensingCase:
    case = services.licensing_case_apply(
        actor=None,
        via=VIA,
        number=spec.number,
        item=item,
        applicant=firm.name,
        credit_code=firm.credit_code,
        applied_on=spec.applied,
    )
    if spec.supplement:
        told, complete = spec.supplement
        case = LICENSING_CASE.take(
            "request_supplement", case, actor=None, via=VIA, requested_on=told, items=SUPPLEMENT_ITEMS
        )
        if complete:
            case = LICENSING_CASE.take(
                "supplement_received", case, actor=None, via=VIA, completed_on=complete
            )
    if spec.accepted:
        case = LICENSING_CASE.take("accept", case, actor=None, via=VIA, accepted_on=spec.accepted)
    if spec.expert_review:
        told, start, end = spec.expert_review
        case = LICENSING_CASE.take(
            "exclude",
            case,
            actor=None,
            via=VIA,
            kind="专家评审",
            started_on=start,
            ended_on=end,
            notified_on=told,
            note="组织专家对安全设施设计进行评审，所需时间书面告知申请人",
        )
    if spec.extended:
        case = LICENSING_CASE.take(
            "extend",
            case,
            actor=None,
            via=VIA,
            extended_on=spec.extended,
            reason="需组织专家对安全设施设计进行现场核查",
            approved_by=leader,
        )
    if spec.decided:
        case = LICENSING_CASE.take(
            "decide", case, actor=None, via=VIA, decided_on=spec.decided, result=spec.result
        )
    if spec.certificate:
        prefix = "粤佛南安经" if item.name == HAZCHEM else "粤佛南烟零"
        case = LICENSING_CASE.take(
            "certificate",
            case,
            actor=None,
            via=VIA,
            issued_on=spec.certificate,
            certificate_number=f"{prefix}字〔{spec.certificate.year}〕{n:04d}号",
        )
    if spec.published:
        case = LICENSING_CASE.take("publish", case, actor=None, via=VIA, published_on=spec.published)
    return case
