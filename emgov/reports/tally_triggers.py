"""The database triggers that mark a place's tallies as changed (`TallyChange`), on PostgreSQL and SQLite.

Every write to a counted table marks the places it touches, whichever path made it (a form, an import's
COPY, a bulk update, a migration): the tallies can only be stale until the next read, which recomputes
the marked places (`tallies.refresh`). On PostgreSQL the triggers run once per statement over its
transition tables; SQLite has row triggers only. SQLite drops a table's triggers when a migration
rebuilds the table: such a migration installs them again (`install`), and a test checks they are there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CHANGES = "reports_tallychange"
ALL_PLACES = "SELECT 0 UNION SELECT id FROM core_region"
PREFIX = "reports_tally_"


@dataclass(frozen=True)
class Marker:
    """The places a table's written rows touch. Each of `places` selects them, as `place`, from the rows
    `{rows}` (aliased `r`: a visit's own place; an officer's visits' places), reading `columns`; no
    places: every place. `events` maps each write that matters to the condition on its rows that makes it matter (the
    old row `o`, the new row `n`), None when every such write does."""

    table: str
    columns: tuple[str, ...]
    places: tuple[str, ...]
    events: dict[str, str | None] = field(
        default_factory=lambda: {"insert": None, "update": None, "delete": None}
    )

    def trigger(self, event: str) -> str:
        return f"{PREFIX}{self.table}_{event}"


OWN_PLACE = "SELECT r.place_id AS place FROM {rows}"
VISIT_PLACE = "SELECT v.place_id AS place FROM {rows} JOIN enforcement_visit v ON v.id = r.visit_id"

MARKERS = (
    Marker("enforcement_visit", ("place_id",), (OWN_PLACE,)),
    # A hazard's place is its visit's (both are kept from the visit's enterprise's town).
    Marker("enforcement_hazard", ("place_id",), (OWN_PLACE,)),
    Marker("enforcement_visit_officers", ("visit_id",), (VISIT_PLACE,)),
    Marker("cases_penaltycase", ("place_id",), (OWN_PLACE,)),
    # An order's place is its visit's: 责令停产停业 on a 联合执法 visit.
    Marker("enforcement_order", ("place_id",), (OWN_PLACE,)),
    # An operation's kind, start date or voiding decides whether and when its visits count as 联合执法.
    Marker(
        "enforcement_operation",
        ("id",),
        ("SELECT v.place_id AS place FROM {rows} JOIN enforcement_visit v ON v.operation_id = r.id",),
        {"update": None},
    ),
    # An officer's certificate validity decides whether they count on a visit.
    Marker(
        "core_officer",
        ("id",),
        (
            "SELECT v.place_id AS place FROM {rows} JOIN enforcement_visit_officers vo ON vo.officer_id = r.id "
            "JOIN enforcement_visit v ON v.id = vo.visit_id",
        ),
        {"update": "n.valid_until IS DISTINCT FROM o.valid_until"},
    ),
    # The industry and the town of an enterprise are the breakdowns' keys; its visits are placed in its town.
    Marker(
        "enterprises_enterprise",
        ("town_id",),
        ("SELECT r.town_id AS place FROM {rows}",),
        {"update": "n.industry IS DISTINCT FROM o.industry OR n.town_id IS DISTINCT FROM o.town_id"},
    ),
    # The region tree decides which places a district, a city or the province sums (`tally_sums`).
    Marker(
        "core_region",
        ("path",),
        (),
        {"insert": None, "update": "n.path IS DISTINCT FROM o.path", "delete": None},
    ),
    # Which department is the bureau decides every count: a change marks every place.
    Marker(
        "core_department",
        ("is_bureau",),
        (),
        {"insert": "n.is_bureau", "update": "n.is_bureau OR o.is_bureau", "delete": "o.is_bureau"},
    ),
)


def _distinct(marker: Marker, rows: str) -> str:
    """The distinct place keys (0 for none) that `marker`'s places select from `rows`; every place when
    the marker names none."""
    if not marker.places:
        return ALL_PLACES
    selects = " UNION ".join(p.format(rows=rows) for p in marker.places)
    return f"SELECT DISTINCT COALESCE(place, 0) FROM ({selects}) AS t"


def _postgresql(marker: Marker) -> list[str]:
    """One function for the table, and a statement trigger per event over its transition tables."""
    function = f"{PREFIX}{marker.table}"
    pairs = "new_rows n JOIN old_rows o ON o.id = n.id"
    branches, statements = [], []
    for event, condition in marker.events.items():
        if event == "update":
            alive = f"{pairs} WHERE {condition or 'TRUE'}"
            sources = [f"(SELECT n.* FROM {alive}) r", f"(SELECT o.* FROM {alive}) r"]
            referencing, matters = "OLD TABLE AS old_rows NEW TABLE AS new_rows", f"SELECT 1 FROM {alive}"
        else:
            alias, table = ("n", "new_rows") if event == "insert" else ("o", "old_rows")
            matters = f"SELECT 1 FROM {table} {alias} WHERE {condition or 'TRUE'}"
            sources = [f"(SELECT {alias}.* FROM {table} {alias} WHERE {condition or 'TRUE'}) r"]
            referencing = f"{table.split('_')[0].upper()} TABLE AS {table}"
        marks = " ".join(
            f"INSERT INTO {CHANGES} (place_key) {_distinct(marker, rows)} ON CONFLICT DO NOTHING;"
            for rows in (sources if marker.places else sources[:1])
        )
        body = marks if marker.places else f"IF EXISTS ({matters}) THEN {marks} END IF;"
        branches.append(f"IF TG_OP = '{event.upper()}' THEN {body} END IF;")
        statements += [
            f"DROP TRIGGER IF EXISTS {marker.trigger(event)} ON {marker.table};",
            f"CREATE TRIGGER {marker.trigger(event)} AFTER {event.upper()} ON {marker.table} "
            f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}();",
        ]
    create = (
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + " ".join(branches)
        + " RETURN NULL; END $$;"
    )
    return [create, *statements]


def _sqlite_condition(condition: str) -> str:
    """A condition over `o` and `n` as SQLite's row triggers write it (OLD, NEW, IS NOT)."""
    condition = condition.replace("IS DISTINCT FROM", "IS NOT")
    return re.sub(r"\b([on])\.", lambda m: "OLD." if m.group(1) == "o" else "NEW.", condition)


def _sqlite(marker: Marker) -> list[str]:
    """A row trigger per event."""

    def mark(row: str) -> str:
        """An insert per place select, without the DISTINCT of a statement's many rows: a row trigger
        runs for every row of an import, and an insert of the row's own key reads nothing."""
        if not marker.places:
            return f"INSERT OR IGNORE INTO {CHANGES} (place_key) {ALL_PLACES};"
        if marker.places == (OWN_PLACE,):
            return f"INSERT OR IGNORE INTO {CHANGES} (place_key) VALUES (COALESCE({row}.place_id, 0));"
        columns = ", ".join(f"{row}.{c} AS {c}" for c in marker.columns)
        rows = f"(SELECT {columns}) r"
        return " ".join(
            f"INSERT OR IGNORE INTO {CHANGES} (place_key) "
            f"SELECT COALESCE(place, 0) FROM ({p.format(rows=rows)}) AS t;"
            for p in marker.places
        )

    statements = []
    for event, condition in marker.events.items():
        rows = {"insert": ["NEW"], "delete": ["OLD"], "update": ["NEW", "OLD"]}[event]
        body = " ".join(mark(row) for row in (rows if marker.places else rows[:1]))
        when = f" WHEN {_sqlite_condition(condition)}" if condition else ""
        statements += [
            f"DROP TRIGGER IF EXISTS {marker.trigger(event)};",
            f"CREATE TRIGGER {marker.trigger(event)} AFTER {event.upper()} ON {marker.table} "
            f"FOR EACH ROW{when} BEGIN {body} END;",
        ]
    return statements


def statements(vendor: str) -> list[str]:
    build = _postgresql if vendor == "postgresql" else _sqlite
    return [sql for marker in MARKERS for sql in build(marker)]


def trigger_names() -> set[str]:
    """The triggers `install` creates, as the database lists them."""
    return {marker.trigger(event) for marker in MARKERS for event in marker.events}


def install(schema_editor) -> None:  # noqa: ANN001 (a migration's schema editor)
    """Create (or replace) the triggers, and mark every place: records written while the triggers were
    absent are counted at the next read. A migration that rebuilds a counted table on SQLite calls this
    again."""
    vendor = schema_editor.connection.vendor
    for sql in statements(vendor):
        schema_editor.execute(sql)
    mark_every_place(schema_editor)


def mark_every_place(schema_editor) -> None:  # noqa: ANN001
    """Mark every place, to be recounted at the next read (a migration that changes what lines hold)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"INSERT INTO {CHANGES} (place_key) {ALL_PLACES} ON CONFLICT DO NOTHING")
    else:
        schema_editor.execute(f"INSERT OR IGNORE INTO {CHANGES} (place_key) {ALL_PLACES}")


def uninstall(schema_editor) -> None:  # noqa: ANN001
    vendor = schema_editor.connection.vendor
    for marker in MARKERS:
        for event in marker.events:
            on = f" ON {marker.table}" if vendor == "postgresql" else ""
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {marker.trigger(event)}{on};")
        if vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {PREFIX}{marker.table}();")
