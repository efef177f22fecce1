from emgov.core.interchange.columns import (
    BoolColumn,
    ChoiceColumn,
    DateColumn,
    DecimalColumn,
    IntColumn,
    RefColumn,
    TextColumn,
)
from emgov.core.interchange.ledger import Ledger
from emgov.core.ledgers import region_column
from emgov.core.models import Officer
from emgov.legal.models import (
    CleanupResult,
    CounselKind,
    CounselRecord,
    ExamResult,
    LitigationCase,
    LitigationKind,
    NormativeDocument,
    NormativeStatus,
    StudyKind,
    StudySession,
)


class CounselLedger(Ledger):
    id = "counsel"
    title = "法律顾问"
    model = CounselRecord
    columns = (
        TextColumn("编号", "number", key=True),
        ChoiceColumn("类型", "kind", required=True, choices=CounselKind.values),
        DateColumn("日期", "date", required=True),
        TextColumn("事项", "subject", required=True),
        region_column(),
    )


class LitigationLedger(Ledger):
    id = "litigation"
    title = "行政诉讼与复议"
    model = LitigationCase
    columns = (
        TextColumn("案号", "number", key=True),
        ChoiceColumn("类型", "kind", required=True, choices=LitigationKind.values),
        DateColumn("收案日期", "received_on", required=True),
        TextColumn("案由", "cause", required=True),
        TextColumn("相对人", "counterparty"),
        BoolColumn("负责人应出庭", "head_required"),
        BoolColumn("负责人实际出庭", "head_appeared"),
        TextColumn("审理结果", "result"),
        region_column(),
    )


class NormativeDocumentLedger(Ledger):
    id = "normative-documents"
    title = "规范性文件"
    model = NormativeDocument
    columns = (
        TextColumn("文号", "number", key=True),
        TextColumn("名称", "title", required=True),
        DateColumn("施行日期", "effective_on", required=True),
        DateColumn("有效期至", "valid_until"),
        ChoiceColumn("状态", "status", required=True, choices=NormativeStatus.values),
        ChoiceColumn("清理结果", "cleanup_result", choices=CleanupResult.values),
        DateColumn("清理日期", "cleanup_on"),
        region_column(),
    )


class StudySessionLedger(Ledger):
    id = "study-sessions"
    title = "学法活动"
    model = StudySession
    columns = (
        TextColumn("编号", "number", key=True),
        ChoiceColumn("类型", "kind", required=True, choices=StudyKind.values),
        DateColumn("日期", "date", required=True),
        TextColumn("主题", "topic", required=True),
        region_column(),
    )


class ExamLedger(Ledger):
    id = "exams"
    title = "执法证考试"
    model = ExamResult
    columns = (
        IntColumn("年度", "year", key=True, minimum=1990),
        RefColumn(
            "执法证号",
            "officer",
            key=True,
            model=Officer,
            lookups=("certificate_number",),
            noun="执法人员",
            shown=[("姓名", "name")],
        ),
        DecimalColumn("成绩", "score", places=1),
        BoolColumn("是否通过", "passed", required=True),
    )
