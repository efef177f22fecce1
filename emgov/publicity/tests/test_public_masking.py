"""The public pages mask personal data with the one function (`core.masking.mask_personal`)."""

from __future__ import annotations

import pytest
from django.test import Client

from emgov.publicity.services.publications import publication_publish
from emgov.publicity.tests.publication_helpers import d, penalty

pytestmark = pytest.mark.django_db


def test_the_public_penalty_page_masks_phones_written_with_brackets_and_country_codes(nanhai, today):
    today("2023-10-20")
    case = penalty(
        "（南海）应急罚〔2023〕9号",
        region=nanhai.jiujiang,
        decided="2023-10-09",
        violation="当事人联系电话(0757)86281234、+86 139 1234 5678，身份证 4406 0519 8801 0123 45。",
    )
    publication_publish(actor=nanhai.legal, case=case, on=d("2023-10-10"))
    page = Client().get(f"/public/penalties/{case.pk}/").content.decode()
    for private in ("86281234", "1234 5678", "0123 45"):
        assert private not in page
    assert "**************" in page
