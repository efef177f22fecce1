import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from emgov.core import numbering, services
from emgov.core.models import DocumentNumberTemplate

TEMPLATE = "（南海）应急罚〔{year}〕{n}号"


@pytest.fixture
def penalty_template(empty_database):
    return services.record_create(
        DocumentNumberTemplate(doc_type="行政处罚决定书", template=TEMPLATE), actor=None
    )


def test_numbers_follow_the_template_per_year(penalty_template):
    assert numbering.number_take("行政处罚决定书", year=2023) == "（南海）应急罚〔2023〕1号"
    assert numbering.number_take("行政处罚决定书", year=2023) == "（南海）应急罚〔2023〕2号"
    assert numbering.number_take("行政处罚决定书", year=2024) == "（南海）应急罚〔2024〕1号"


def test_a_rolled_back_document_gives_its_number_back(penalty_template):
    with pytest.raises(RuntimeError), transaction.atomic():
        numbering.number_take("行政处罚决定书", year=2023)
        raise RuntimeError("the document failed to save")
    assert numbering.number_take("行政处罚决定书", year=2023) == "（南海）应急罚〔2023〕1号"


def test_missing_template_is_a_clear_error(empty_database):
    with pytest.raises(ValidationError, match="未设置“查封扣押决定书”的文号模板"):
        numbering.number_take("查封扣押决定书", year=2023)


def test_template_without_placeholders_is_refused(db):
    with pytest.raises(ValidationError) as exc:
        services.record_create(DocumentNumberTemplate(doc_type="x", template="应急罚〔2023〕"), actor=None)
    assert "必须包含 {year} 和 {n}" in str(exc.value)


@pytest.mark.django_db(transaction=True)
def test_numbers_stay_unique_when_taken_at_once():
    DocumentNumberTemplate.objects.filter(doc_type="行政处罚决定书").delete()  # the base's, if there
    services.record_create(DocumentNumberTemplate(doc_type="行政处罚决定书", template=TEMPLATE), actor=None)
    taken: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def worker() -> None:
        try:
            start.wait()
            for _ in range(5):
                with transaction.atomic():
                    taken.append(numbering.number_take("行政处罚决定书", year=2023))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(taken) == sorted(f"（南海）应急罚〔2023〕{n}号" for n in range(1, 21))


def test_imported_numbers_move_the_sequence_past_them(penalty_template):
    numbering.numbers_observe(
        "行政处罚决定书", ["（南海）应急罚〔2023〕12号", "（南海）应急罚〔2023〕7号", "另一种格式12号", ""]
    )
    assert numbering.number_take("行政处罚决定书", year=2023) == "（南海）应急罚〔2023〕13号"
    numbering.numbers_observe("行政处罚决定书", ["（南海）应急罚〔2023〕5号"])
    assert numbering.number_take("行政处罚决定书", year=2023) == "（南海）应急罚〔2023〕14号"
    assert numbering.number_take("行政处罚决定书", year=2024) == "（南海）应急罚〔2024〕1号"
