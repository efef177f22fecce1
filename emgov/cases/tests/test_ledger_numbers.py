from emgov.core import numbering
from emgov.core.interchange import registry

HEADER = [
    "决定书文号",
    "立案日期",
    "决定日期",
    "当事人名称",
    "当事人类型",
    "执法部门",
    "违法行为",
    "处罚依据",
    "处罚种类",
    "罚款金额",
    "程序类型",
]


def test_imported_decision_numbers_are_not_given_out_again(nanhai):
    row = [
        "（南海）应急罚〔2023〕41号",
        "2023-03-01",
        "2023-04-01",
        "张三",
        "自然人",
        "应急",
        "未按规定佩戴安全帽",
        "《安全生产法》第一百零七条",
        "罚款",
        "200",
        "普通程序",
    ]
    result = registry.get("penalties").load_rows([HEADER, row], actor=None, via="导入 测试")
    assert result.ok, result.errors
    assert numbering.number_take("行政处罚决定书", year=2023) == "（南海）应急罚〔2023〕42号"
