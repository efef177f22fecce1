"""裁量基准 catalogue: versions are copied, never edited once a decision used them; a seed of 安全生产法 items."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from emgov.cases.models import DiscretionGrade, DiscretionItem, DiscretionVersion
from emgov.core import services
from emgov.core.models import User
from emgov.core.services import VIA_WEB

K = Decimal(1000)

# (code, violation, legal basis, penalty basis, daily continuous, [(circumstance, description, min, max)])
SEED_ITEMS: list[tuple[str, str, str, str, bool, list[tuple[str, str, Decimal, Decimal]]]] = [
    (
        "AQ097-06",
        "未按照规定制定生产安全事故应急救援预案或者未定期组织演练",
        "《安全生产法》第八十一条",
        "《安全生产法》第九十七条第（六）项",
        False,
        [
            ("轻微", "已制定预案但未按期演练，及时改正", 1 * K, 20 * K),
            ("一般", "未定期组织演练", 20 * K, 50 * K),
            ("较重", "未制定应急救援预案", 50 * K, 80 * K),
            ("严重", "未制定预案且从业人员五十人以上", 80 * K, 100 * K),
        ],
    ),
    (
        "AQ099-08",
        "餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置",
        "《安全生产法》第三十六条第四款",
        "《安全生产法》第九十九条第（八）项",
        False,
        [
            ("轻微", "经营面积一百平方米以下，及时改正", 1 * K, 10 * K),
            ("一般", "经营面积一百至五百平方米", 10 * K, 20 * K),
            ("较重", "经营面积五百平方米以上", 20 * K, 35 * K),
            ("严重", "人员密集场所或曾因同类行为受过处罚", 35 * K, 50 * K),
        ],
    ),
    (
        "AQ101-05",
        "未建立事故隐患排查治理制度，或者重大事故隐患排查治理情况未按照规定报告",
        "《安全生产法》第四十一条第二款",
        "《安全生产法》第一百零一条第（五）项",
        False,
        [
            ("轻微", "制度不健全，及时改正", 1 * K, 20 * K),
            ("一般", "未建立隐患排查治理制度", 20 * K, 50 * K),
            ("较重", "重大事故隐患排查治理情况未按规定报告", 50 * K, 80 * K),
            ("严重", "重大事故隐患隐瞒不报", 80 * K, 100 * K),
        ],
    ),
    (
        "AQ102-00",
        "未采取措施消除事故隐患",
        "《安全生产法》第四十一条第二款",
        "《安全生产法》第一百零二条",
        False,
        [
            ("一般", "一般事故隐患逾期未消除", 5 * K, 20 * K),
            ("较重", "重大事故隐患逾期未消除", 20 * K, 50 * K),
        ],
    ),
    (
        "AQ112-00",
        "被责令改正且受到罚款处罚，拒不改正",
        "《安全生产法》第一百一十二条",
        "《安全生产法》第一百一十二条（按日连续处罚）",
        True,
        [("一般", "按照原处罚数额按日连续处罚", 1 * K, 100 * K)],
    ),
]


@transaction.atomic
def discretion_version_create(
    *,
    actor: User | None,
    code: str,
    title: str,
    effective_from: datetime.date,
    items: list,
    via: str = VIA_WEB,
) -> DiscretionVersion:
    version = services.record_create(
        DiscretionVersion(code=code, title=title, effective_from=effective_from), actor=actor, via=via
    )
    for item_code, violation, basis, penalty_basis, daily, grades in items:
        item = services.record_create(
            DiscretionItem(
                version=version,
                code=item_code,
                violation=violation,
                legal_basis=basis,
                penalty_basis=penalty_basis,
                daily_continuous=daily,
            ),
            actor=actor,
            via=via,
        )
        for circumstance, description, lo, hi in grades:
            services.record_create(
                DiscretionGrade(
                    item=item, circumstance=circumstance, description=description, fine_min=lo, fine_max=hi
                ),
                actor=actor,
                via=via,
            )
    return version


def _items_of(version: DiscretionVersion) -> list:
    return [
        (
            item.code,
            item.violation,
            item.legal_basis,
            item.penalty_basis,
            item.daily_continuous,
            [(g.circumstance, g.description, g.fine_min, g.fine_max) for g in item.grades.all()],
        )
        for item in version.items.prefetch_related("grades")
    ]


def discretion_version_copy(
    source: DiscretionVersion,
    *,
    actor: User | None,
    code: str,
    title: str,
    effective_from: datetime.date,
    via: str = VIA_WEB,
) -> DiscretionVersion:
    """A new version starting as a copy of `source`; cases decided with `source` keep pointing at it."""
    return discretion_version_create(
        actor=actor, code=code, title=title, effective_from=effective_from, items=_items_of(source), via=via
    )


def discretion_grade_update(
    grade: DiscretionGrade, *, actor: User | None, changes: dict[str, Any], via: str = VIA_WEB
) -> DiscretionGrade:
    """Refused once a decision used the grade: the change belongs in a new version."""
    if grade.cases.exists():
        raise ValidationError(
            _("裁量基准%(grade)s已被处罚决定引用，不能修改；请复制为新版本后修改。") % {"grade": grade},
            code="grade_in_use",
        )
    return services.record_update(grade, actor=actor, changes=changes, via=via)


def discretion_seed(*, actor: User | None, via: str = VIA_WEB) -> DiscretionVersion:
    """The bureau's benchmark of 安全生产法 items (2023 edition), once."""
    existing = DiscretionVersion.objects.filter(code="2023").first()
    if existing is not None:
        return existing
    return discretion_version_create(
        actor=actor,
        code="2023",
        title="南海区应急管理局安全生产行政处罚自由裁量基准",
        effective_from=datetime.date(2023, 1, 1),
        items=SEED_ITEMS,
        via=via,
    )
