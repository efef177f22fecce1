"""The public website's pages are `publicity.views.public`; this name stays for the apps that add a
section to it (enforcement imports `PUBLIC_SECTIONS` and `render_public` from here)."""

from emgov.publicity.views.public import PUBLIC_SECTIONS, render_public

__all__ = ["PUBLIC_SECTIONS", "render_public"]
