"""双公示 services are `publicity.services.publications`; this name stays for the tests of other apps
that publish a decision with it (cases' `test_correction`)."""

from emgov.publicity.services.publications import (
    publication_in_force,
    publication_publish,
    publication_withdraw,
    publications_of,
)

__all__ = ["publication_in_force", "publication_publish", "publication_withdraw", "publications_of"]
