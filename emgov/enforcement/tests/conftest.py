"""Fixtures of the field-officer tests: 桂城's enterprise inspected on site and the two officers signing."""

import pytest

from emgov.enforcement.tests import phone


@pytest.fixture
def firm(nanhai):
    return phone.enterprise(nanhai.guicheng, 1, "桂城五金制品有限公司")


@pytest.fixture
def officers(nanhai):
    return phone.officer_pair()
