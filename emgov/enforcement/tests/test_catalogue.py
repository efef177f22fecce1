"""The catalogue of common clauses offered for a 一般隐患: the 2021 numbering of the 安全生产法, and each
clause marked with how far its article number is checked."""

from __future__ import annotations

from emgov.enforcement import catalogue
from emgov.enforcement.catalogue import CLAUSES, SECONDARY, UNVERIFIED, VERIFIED


def test_every_clause_says_how_far_it_is_checked():
    for clause in CLAUSES:
        assert clause.verified in (VERIFIED, SECONDARY, UNVERIFIED), clause
        if clause.verified != UNVERIFIED:
            assert clause.source, f"{clause.article} is marked {clause.verified} without its source"


def test_the_work_safety_law_is_cited_in_its_2021_numbering():
    by_article = {c.article: c for c in CLAUSES if c.law == catalogue.LAW}
    # 2021: hazard investigation is Art. 41 (Art. 38 before), failing to eliminate a hazard Art. 102.
    assert "事故隐患排查治理" in by_article["第四十一条"].summary
    assert by_article["第四十一条"].verified == VERIFIED
    assert "消除事故隐患" in by_article["第一百零二条"].summary
    assert by_article["第一百零二条"].verified == VERIFIED
    assert "隐患" not in by_article["第三十八条"].summary
    assert "《中华人民共和国安全生产法》第一百零二条（未采取措施消除事故隐患）" in catalogue.options()


def test_the_phone_page_offers_the_catalogue(nanhai):
    page = nanhai.client_for(nanhai.guicheng_officer).get("/enforcement/visits/record/").content.decode()
    assert '<datalist id="clause-catalogue">' in page
    assert "第四十一条（安全风险分级管控和事故隐患排查治理）" in page
