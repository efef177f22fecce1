import pytest

from emgov.reports.tests.builders import add_shunde, load_officers


@pytest.fixture
def districts(nanhai):
    """南海区 with its bureau, officers and 7 towns, and 顺德区 with 大良街道 in the same database."""
    add_shunde()
    load_officers()
    return nanhai
