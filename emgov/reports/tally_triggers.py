"""The database triggers that mark a place's tallies as changed (`TallyChange`), on PostgreSQL and SQLite.

Every write to a counted table marks the places it touches, whichever path made it (a form, an import's
COPY, a bulk update, a migration): the tallies can only be stale until the next read, which recomputes
the marked places (`tallies.refresh`). On PostgreSQL the triggers run once per statement over its
transition tables; SQLite has row triggers only. SQLite drops a table's triggers when a migration
rebuilds the table: such a migration installs them again (`install`), and a test checks they are there.
"""

from __future__ import annotations

from dataclasses import dataclass

CHANGES = "reports_tallychange"
ALL_PLACES = "SELECT 0 UNION SELECT id FROM core_region"


@dataclass(frozen=True)
class Marker:
    """The places a table's written rows touch: each of `places` selects them from the rows `{rows}`,
    aliased `r` (a visit's own place; a hazard's and its visit's); `changed`, for an update, says which updated rows matter (old `o`,
    new `n`), None when every update does; `inserts`/`deletes`: whether those writes matter at all."""

    table: str
    columns: tuple[str, ...]
    places: tuple[str, ...]
    changed: str | None = None
    inserts: bool = True
    deletes: bool = True


OWN_PLACE = "SELECT r.place_id FROM {rows}"
VISIT_PLACE = "SELECT v.place_id FROM {rows} JOIN enforcement_visit v ON v.id = r.visit_id"

MARKERS = (
    Marker("enforcement_visit", ("place_id",), (OWN_PLACE,)),
    Marker("enforcement_hazard", ("place_id", "visit_id"), (OWN_PLACE, VISIT_PLACE)),
    Marker("enforcement_visit_officers", ("visit_id",), (VISIT_PLACE,)),
    Marker("cases_penaltycase", ("place_id",), (OWN_PLACE,)),
    # An operation's kind, start date or voiding decides whether and when its visits count as 联合执法.
    Marker(
        "enforcement_operation",
        ("id",),
        ("SELECT v.place_id FROM {rows} JOIN enforcement_visit v ON v.operation_id = r.id",),
        inserts=False,
        deletes=False,
    ),
    # An officer's certificate validity decides whether they count on a visit.
    Marker(
        "core_officer",
        ("id",),
        (
            "SELECT v.place_id FROM {rows} JOIN enforcement_visit_officers vo ON vo.officer_id = r.id "
            "JOIN enforcement_visit v ON v.id = vo.visit_id",
        ),
        changed="n.valid_until IS DISTINCT FROM o.valid_until",
        inserts=False,
        deletes=False,
    ),
    # The industry and the town of an enterprise are the breakdowns' keys; its visits are placed in its town.
    Marker(
        "enterprises_enterprise",
        ("town_id",),
        ("SELECT r.town_id FROM {rows}",),
        changed="n.industry IS DISTINCT FROM o.industry OR n.town_id IS DISTINCT FROM o.town_id",
        inserts=False,
        deletes=False,
    ),
)
# Which department is the bureau decides every count: a change marks every place.
BUREAU = Marker("core_department", ("is_bureau",), (), changed="n.is_bureau OR o.is_bureau")


def _distinct(marker: Marker, rows: str) -> str:
    """The distinct place keys (0 for none) that `marker`'s places select from `rows`."""
    selects = " UNION ".join(
        ["SELECT NULL AS place WHERE 1 = 0", *(p.format(rows=rows) for p in marker.places)]
    )
    return f"SELECT DISTINCT COALESCE(place, 0) FROM ({selects}) AS t"


def _postgresql(marker: Marker) -> list[str]:
    name = f"reports_tally_{marker.table}"

    def mark(rows: str) -> str:
        if not marker.places:
            return f"INSERT INTO {CHANGES} (place_key) {ALL_PLACES} ON CONFLICT DO NOTHING;"
        return f"INSERT INTO {CHANGES} (place_key) {_distinct(marker, rows)} ON CONFLICT DO NOTHING;"

    pairs = "new_rows n JOIN old_rows o ON o.id = n.id"
    if marker.changed:
        updated = f"(SELECT n.* FROM {pairs} WHERE {marker.changed}) r"
        updated_old = f"(SELECT o.* FROM {pairs} WHERE {marker.changed}) r"
    else:
        updated, updated_old = "new_rows r", "old_rows r"
    if not marker.places:
        # The whole database is marked once, when some row of the statement matters.
        body = f"IF EXISTS (SELECT 1 FROM {pairs} WHERE {marker.changed}) THEN {mark('')} END IF;"
        inserts = f"IF EXISTS (SELECT 1 FROM new_rows n WHERE n.is_bureau) THEN {mark('')} END IF;"
        deletes = f"IF EXISTS (SELECT 1 FROM old_rows o WHERE o.is_bureau) THEN {mark('')} END IF;"
    else:
        body = mark(updated) + " " + mark(updated_old)
        inserts, deletes = mark("new_rows r"), mark("old_rows r")
    branches = [f"IF TG_OP = 'UPDATE' THEN {body} END IF;"]
    events = [("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows")]
    if marker.inserts:
        branches.append(f"IF TG_OP = 'INSERT' THEN {inserts} END IF;")
        events.append(("INSERT", "NEW TABLE AS new_rows"))
    if marker.deletes:
        branches.append(f"IF TG_OP = 'DELETE' THEN {deletes} END IF;")
        events.append(("DELETE", "OLD TABLE AS old_rows"))
    statements = [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + " ".join(branches)
        + " RETURN NULL; END $$;"
    ]
    for event, referencing in events:
        trigger = f"{name}_{event.lower()}"
        statements += [
            f"DROP TRIGGER IF EXISTS {trigger} ON {marker.table};",
            f"CREATE TRIGGER {trigger} AFTER {event} ON {marker.table} REFERENCING {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}();",
        ]
    return statements


def _sqlite(marker: Marker) -> list[str]:
    name = f"reports_tally_{marker.table}"

    def mark(row: str) -> str:
        if not marker.places:
            return f"INSERT OR IGNORE INTO {CHANGES} (place_key) {ALL_PLACES};"
        columns = ", ".join(f"{row}.{c} AS {c}" for c in marker.columns)
        return f"INSERT OR IGNORE INTO {CHANGES} (place_key) {_distinct(marker, f'(SELECT {columns}) r')};"

    # SQLite writes IS NOT where PostgreSQL writes IS DISTINCT FROM; NEW and OLD name the row.
    when = (
        (marker.changed or "")
        .replace("IS DISTINCT FROM", "IS NOT")
        .replace("n.", "NEW.")
        .replace("o.", "OLD.")
    )
    update_when = f" WHEN {when}" if when else ""
    triggers = [("update", update_when, mark("NEW") + " " + (mark("OLD") if marker.places else ""))]
    if marker.inserts:
        triggers.append(("insert", " WHEN NEW.is_bureau" if not marker.places else "", mark("NEW")))
    if marker.deletes:
        triggers.append(("delete", " WHEN OLD.is_bureau" if not marker.places else "", mark("OLD")))
    statements = []
    for event, condition, body in triggers:
        trigger = f"{name}_{event}"
        statements += [
            f"DROP TRIGGER IF EXISTS {trigger};",
            f"CREATE TRIGGER {trigger} AFTER {event.upper()} ON {marker.table} FOR EACH ROW{condition} "
            f"BEGIN {body} END;",
        ]
    return statements


def statements(vendor: str) -> list[str]:
    build = _postgresql if vendor == "postgresql" else _sqlite
    return [sql for marker in (*MARKERS, BUREAU) for sql in build(marker)]


def trigger_names(vendor: str) -> set[str]:
    """The triggers `install` creates, as the database lists them."""
    names = set()
    for marker in (*MARKERS, BUREAU):
        events = ["update"] + (["insert"] if marker.inserts else []) + (["delete"] if marker.deletes else [])
        names |= {f"reports_tally_{marker.table}_{event}" for event in events}
    return names


def install(schema_editor) -> None:  # noqa: ANN001 (a migration's schema editor)
    """Create (or replace) the triggers, and mark every place: records written while the triggers were
    absent are counted at the next read. A migration that rebuilds a counted table on SQLite calls this again."""
    vendor = schema_editor.connection.vendor
    for sql in statements(vendor):
        schema_editor.execute(sql)
    conflict = " ON CONFLICT DO NOTHING" if vendor == "postgresql" else ""
    insert = "INSERT INTO" if vendor == "postgresql" else "INSERT OR IGNORE INTO"
    schema_editor.execute(f"{insert} {CHANGES} (place_key) {ALL_PLACES}{conflict}")


def uninstall(schema_editor) -> None:  # noqa: ANN001
    vendor = schema_editor.connection.vendor
    for marker in (*MARKERS, BUREAU):
        events = ["update"] + (["insert"] if marker.inserts else []) + (["delete"] if marker.deletes else [])
        for event in events:
            trigger = f"reports_tally_{marker.table}_{event}"
            on = f" ON {marker.table}" if vendor == "postgresql" else ""
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}{on};")
        if vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS reports_tally_{marker.table}();")
