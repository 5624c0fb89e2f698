"""Versioned schema migrations, keyed on ``PRAGMA user_version``.

Migration N turns a database of version N-1 into version N. Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

import re

MIGRATION_1 = """
-- The event, the person directory, the invitation list and the attendance log.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    date TEXT NOT NULL,                  -- ISO date
    end_date TEXT,                       -- multi-day events
    start_time TEXT NOT NULL,            -- HH:MM local to the time zone
    end_time TEXT,                       -- NULL: "s.d. selesai"
    timezone TEXT NOT NULL DEFAULT 'WIB' CHECK (timezone IN ('WIB', 'WITA', 'WIT')),
    call_time TEXT,                      -- Waktu Panggilan
    venue TEXT NOT NULL DEFAULT '',
    organizer_government TEXT NOT NULL DEFAULT '',
    organizer_unit TEXT NOT NULL DEFAULT '',
    organizer_address TEXT NOT NULL DEFAULT '',
    invitation_number TEXT NOT NULL DEFAULT '',
    invitation_date TEXT,
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    front_titles TEXT NOT NULL DEFAULT '',
    back_titles TEXT NOT NULL DEFAULT '',
    nip TEXT NOT NULL DEFAULT '',
    pangkat TEXT NOT NULL DEFAULT '',
    golongan TEXT NOT NULL DEFAULT '',
    jabatan TEXT NOT NULL DEFAULT '',
    instansi TEXT NOT NULL DEFAULT '',
    group_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'L', 'P')),
    search_key TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX persons_nip ON persons(nip) WHERE nip <> '';
CREATE INDEX persons_search ON persons(search_key);

CREATE TABLE event_officials (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('ketua', 'sekretaris', 'pencatat', 'moderator')),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    PRIMARY KEY (event_id, role)
);

CREATE TABLE invitees (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id),
    role TEXT NOT NULL DEFAULT 'peserta'
        CHECK (role IN ('peserta', 'narasumber', 'moderator', 'panitia')),
    checkin_code TEXT NOT NULL UNIQUE,
    jabatan TEXT NOT NULL DEFAULT '',
    instansi TEXT NOT NULL DEFAULT '',
    group_name TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',  -- name (no titles), jabatan, instansi; normalised
    sort_key TEXT NOT NULL DEFAULT '',      -- the name without titles, normalised
    created_at TEXT NOT NULL,
    UNIQUE (event_id, person_id)
);
CREATE INDEX invitees_event_sort ON invitees(event_id, sort_key);
CREATE INDEX invitees_event_group ON invitees(event_id, group_name);

-- Append-only: an entry is never changed or removed (but with its whole event).
-- "Present" is derived: the earliest check-in that no undo refers to.
CREATE TABLE attendance_log (
    uid TEXT PRIMARY KEY,                -- UUID: a replayed entry is ignored
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    invitee_id INTEGER NOT NULL REFERENCES invitees(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('checkin', 'undo', 'signature')),
    target_uid TEXT,                     -- the check-in an undo or signature refers to
    recorded_at TEXT NOT NULL,           -- UTC, ISO 8601 with milliseconds
    station TEXT NOT NULL,
    operator TEXT NOT NULL DEFAULT '',
    on_behalf_name TEXT NOT NULL DEFAULT '',
    on_behalf_jabatan TEXT NOT NULL DEFAULT '',
    on_behalf_instansi TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    signature_png BLOB,
    received_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX attendance_invitee ON attendance_log(invitee_id, kind, recorded_at);
CREATE INDEX attendance_target ON attendance_log(target_uid) WHERE target_uid IS NOT NULL;
CREATE INDEX attendance_event ON attendance_log(event_id, recorded_at);

CREATE TRIGGER attendance_log_append_only_update BEFORE UPDATE ON attendance_log
BEGIN
    SELECT RAISE(ABORT, 'attendance_log is append-only');
END;
-- INSERT OR REPLACE from any program must not overwrite an entry: a known uid is a replay.
CREATE TRIGGER attendance_log_no_replace BEFORE INSERT ON attendance_log
WHEN EXISTS (SELECT 1 FROM attendance_log WHERE uid = NEW.uid)
BEGIN
    SELECT RAISE(IGNORE);
END;
CREATE TRIGGER attendance_log_append_only_delete BEFORE DELETE ON attendance_log
WHEN EXISTS (SELECT 1 FROM events WHERE id = OLD.event_id)
BEGIN
    SELECT RAISE(ABORT, 'attendance_log is append-only');
END;

CREATE VIEW presence AS
SELECT a.invitee_id AS invitee_id,
       a.event_id AS event_id,
       MIN(a.recorded_at) AS first_checkin_at,
       -- SQLite takes these bare columns from the row that holds the MIN().
       a.uid AS checkin_uid,
       a.station AS station,
       a.on_behalf_name AS on_behalf_name,
       a.on_behalf_jabatan AS on_behalf_jabatan,
       a.on_behalf_instansi AS on_behalf_instansi
FROM attendance_log AS a
WHERE a.kind = 'checkin'
  AND NOT EXISTS (
      SELECT 1 FROM attendance_log AS u WHERE u.kind = 'undo' AND u.target_uid = a.uid
  )
GROUP BY a.invitee_id;
"""

MIGRATION_2 = """
-- The meeting record: rundown, speakers, discussion, notes, conclusions, photos.
CREATE TABLE rundown_items (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'lainnya',
    title TEXT NOT NULL,
    responsible_invitee_id INTEGER REFERENCES invitees(id) ON DELETE SET NULL,
    responsible_text TEXT NOT NULL DEFAULT '',
    planned_start TEXT,
    planned_minutes INTEGER NOT NULL DEFAULT 0,
    actual_start TEXT,
    actual_end TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rundown_event ON rundown_items(event_id, position);

CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    rundown_item_id INTEGER NOT NULL REFERENCES rundown_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    invitee_id INTEGER REFERENCES invitees(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    instansi TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'waiting'
        CHECK (state IN ('waiting', 'speaking', 'paused', 'finished')),
    allotted_seconds INTEGER NOT NULL DEFAULT 0,
    started_at TEXT,
    ended_at TEXT,
    spoken_seconds INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX speakers_item ON speakers(rundown_item_id, position);

CREATE TABLE termins (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    max_askers INTEGER NOT NULL DEFAULT 3,
    opened_at TEXT,
    closed_at TEXT,
    UNIQUE (event_id, number)
);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    termin_id INTEGER NOT NULL REFERENCES termins(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    asker_invitee_id INTEGER REFERENCES invitees(id) ON DELETE SET NULL,
    asker_name TEXT NOT NULL,
    asker_instansi TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    addressed_to TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'antre'
        CHECK (status IN ('antre', 'bertanya', 'dijawab', 'ditunda', 'dibatalkan')),
    answer TEXT NOT NULL DEFAULT '',
    answered_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX questions_termin ON questions(termin_id, position);

CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    what TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    due TEXT NOT NULL DEFAULT ''
);

CREATE TABLE conclusions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'kesimpulan'
        CHECK (kind IN ('kesimpulan', 'keputusan', 'rekomendasi')),
    body TEXT NOT NULL
);

CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    filename TEXT NOT NULL DEFAULT '',
    caption TEXT NOT NULL DEFAULT '',
    mime TEXT NOT NULL DEFAULT 'image/jpeg',
    data BLOB NOT NULL
);

-- Per-event settings later issues need (notulen variant, termin cap, ...).
CREATE TABLE event_settings (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (event_id, key)
) WITHOUT ROWID;

-- Check-in desk (issue 3): a word-prefix index over the invitation lists, so that a
-- keystroke at the desk searches 20,000 invitees in about a millisecond (LIKE scans all).
CREATE VIRTUAL TABLE invitees_fts USING fts5(
    sort_key, search_text, content='invitees', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
);
INSERT INTO invitees_fts(invitees_fts) VALUES ('rebuild');
CREATE TRIGGER invitees_fts_insert AFTER INSERT ON invitees
BEGIN
    INSERT INTO invitees_fts(rowid, sort_key, search_text)
    VALUES (NEW.id, NEW.sort_key, NEW.search_text);
END;
CREATE TRIGGER invitees_fts_delete AFTER DELETE ON invitees
BEGIN
    INSERT INTO invitees_fts(invitees_fts, rowid, sort_key, search_text)
    VALUES ('delete', OLD.id, OLD.sort_key, OLD.search_text);
END;
CREATE TRIGGER invitees_fts_update AFTER UPDATE OF sort_key, search_text ON invitees
BEGIN
    INSERT INTO invitees_fts(invitees_fts, rowid, sort_key, search_text)
    VALUES ('delete', OLD.id, OLD.sort_key, OLD.search_text);
    INSERT INTO invitees_fts(rowid, sort_key, search_text)
    VALUES (NEW.id, NEW.sort_key, NEW.search_text);
END;
-- Check-in desk (issue 3): the same "presence" without GROUP BY, so SQLite flattens it
-- and looks one invitee up by index instead of materialising every check-in of the
-- database (a scanned code took 32 ms with 5,000 people present, now 0.3 ms).
DROP VIEW presence;
CREATE VIEW presence AS
SELECT a.invitee_id AS invitee_id,
       a.event_id AS event_id,
       a.recorded_at AS first_checkin_at,
       a.uid AS checkin_uid,
       a.station AS station,
       a.on_behalf_name AS on_behalf_name,
       a.on_behalf_jabatan AS on_behalf_jabatan,
       a.on_behalf_instansi AS on_behalf_instansi
FROM attendance_log AS a
WHERE a.kind = 'checkin'
  AND NOT EXISTS (
      SELECT 1 FROM attendance_log AS u WHERE u.kind = 'undo' AND u.target_uid = a.uid
  )
  AND NOT EXISTS (
      -- an earlier valid check-in of the same invitee
      SELECT 1 FROM attendance_log AS b
      WHERE b.invitee_id = a.invitee_id AND b.kind = 'checkin'
        AND (b.recorded_at < a.recorded_at OR (b.recorded_at = a.recorded_at AND b.uid < a.uid))
        AND NOT EXISTS (
            SELECT 1 FROM attendance_log AS v WHERE v.kind = 'undo' AND v.target_uid = b.uid
        )
  );
-- Invitation-list import (issue 3, item 1): the invitations of one person, so that
-- updating a directory person merged from a list of 20,000 does not scan every invitee.
CREATE INDEX invitees_person ON invitees(person_id);
"""

# Every database of Rakor Desktop carries this number in its header
# (``PRAGMA application_id``, bytes 68-71 of the file), so another program's SQLite
# file is recognised before anything is written to it. The four bytes read "RAKD".
APPLICATION_ID = 0x52414B44

MIGRATION_3 = f"""
-- Issue 10, item 7: mark the file as a Rakor Desktop database. Files of versions 1
-- and 2 were made without the mark; they are recognised by their tables and get it here.
PRAGMA application_id = {APPLICATION_ID:d};
"""

MIGRATION_4 = """
-- Issue 10, item 14: a walk-in (registered at the desk, not on the list) is marked as
-- one. Walk-ins of earlier versions are recognised by their time: the desk invited
-- them and checked them in at the same moment.
ALTER TABLE invitees ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1));
UPDATE invitees SET walk_in = 1
WHERE EXISTS (
    SELECT 1 FROM attendance_log AS a
    WHERE a.invitee_id = invitees.id AND a.kind = 'checkin' AND a.recorded_at = invitees.created_at
);
"""

MIGRATION_5 = """
-- Issue 10, item 13: a delegate (mewakili) has the fields of an invitee: titles,
-- NIP/NRP, pangkat/golongan and phone, kept with the check-in. (Item 12: persons.nip
-- now also holds an NRP; its kind is derived from the value, so no column is needed.)
ALTER TABLE attendance_log ADD COLUMN on_behalf_front_titles TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance_log ADD COLUMN on_behalf_back_titles TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance_log ADD COLUMN on_behalf_nip TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance_log ADD COLUMN on_behalf_pangkat TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance_log ADD COLUMN on_behalf_golongan TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance_log ADD COLUMN on_behalf_phone TEXT NOT NULL DEFAULT '';
DROP VIEW presence;
CREATE VIEW presence AS
SELECT a.invitee_id AS invitee_id,
       a.event_id AS event_id,
       a.recorded_at AS first_checkin_at,
       a.uid AS checkin_uid,
       a.station AS station,
       a.on_behalf_name AS on_behalf_name,
       a.on_behalf_jabatan AS on_behalf_jabatan,
       a.on_behalf_instansi AS on_behalf_instansi,
       a.on_behalf_front_titles AS on_behalf_front_titles,
       a.on_behalf_back_titles AS on_behalf_back_titles,
       a.on_behalf_nip AS on_behalf_nip,
       a.on_behalf_pangkat AS on_behalf_pangkat,
       a.on_behalf_golongan AS on_behalf_golongan,
       a.on_behalf_phone AS on_behalf_phone
FROM attendance_log AS a
WHERE a.kind = 'checkin'
  AND NOT EXISTS (
      SELECT 1 FROM attendance_log AS u WHERE u.kind = 'undo' AND u.target_uid = a.uid
  )
  AND NOT EXISTS (
      -- an earlier valid check-in of the same invitee
      SELECT 1 FROM attendance_log AS b
      WHERE b.invitee_id = a.invitee_id AND b.kind = 'checkin'
        AND (b.recorded_at < a.recorded_at OR (b.recorded_at = a.recorded_at AND b.uid < a.uid))
        AND NOT EXISTS (
            SELECT 1 FROM attendance_log AS v WHERE v.kind = 'undo' AND v.target_uid = b.uid
        )
  );
"""

MIGRATION_6 = """
-- Issue 13: the venue network.
-- On the host: the paired desks of an event. The token itself is never stored, only
-- its SHA-256; a revoked desk keeps its row (its entries name it) and is refused.
CREATE TABLE network_desks (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    paired_at TEXT NOT NULL,
    last_seen_at TEXT,
    last_address TEXT NOT NULL DEFAULT '',
    revoked_at TEXT
);
CREATE INDEX network_desks_event ON network_desks(event_id);

-- On the host: what changed, in order, for the desks to follow from a sequence number.
-- Filled by triggers, so a change made by any program (an import from the command
-- line too) reaches the desks. ``uid`` is the uid of the changed row.
CREATE TABLE sync_feed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('attendance', 'invitee', 'invitee_deleted', 'event')),
    uid TEXT NOT NULL
);
CREATE INDEX sync_feed_event ON sync_feed(event_id, seq);
CREATE TRIGGER sync_feed_attendance AFTER INSERT ON attendance_log
BEGIN
    INSERT INTO sync_feed (event_id, kind, uid) VALUES (NEW.event_id, 'attendance', NEW.uid);
END;
CREATE TRIGGER sync_feed_invitee_insert AFTER INSERT ON invitees
BEGIN
    INSERT INTO sync_feed (event_id, kind, uid) VALUES (NEW.event_id, 'invitee', NEW.uid);
END;
CREATE TRIGGER sync_feed_invitee_update AFTER UPDATE ON invitees
BEGIN
    INSERT INTO sync_feed (event_id, kind, uid) VALUES (NEW.event_id, 'invitee', NEW.uid);
END;
CREATE TRIGGER sync_feed_invitee_delete AFTER DELETE ON invitees
BEGIN
    INSERT INTO sync_feed (event_id, kind, uid)
    VALUES (OLD.event_id, 'invitee_deleted', OLD.uid);
END;
CREATE TRIGGER sync_feed_person_update AFTER UPDATE ON persons
BEGIN
    INSERT INTO sync_feed (event_id, kind, uid)
    SELECT event_id, 'invitee', uid FROM invitees WHERE person_id = NEW.id;
END;
CREATE TRIGGER sync_feed_event_update AFTER UPDATE ON events
BEGIN
    INSERT INTO sync_feed (event_id, kind, uid) VALUES (NEW.id, 'event', NEW.uid);
END;

-- On a desk: the link to the host. A desk's database is a copy of the host's event
-- (same uids) with this one row; the token lives only here.
CREATE TABLE desk_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    host_url TEXT NOT NULL,
    event_uid TEXT NOT NULL,
    desk_id INTEGER NOT NULL,
    desk_name TEXT NOT NULL,
    token TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    clock_offset_ms INTEGER NOT NULL DEFAULT 0,  -- host clock minus desk clock
    last_sync_at TEXT,                           -- UTC, the desk's clock
    joined_at TEXT NOT NULL
);

-- On a desk: every attendance entry written here, until the host acknowledged it.
-- ``uid`` is the entry's uid in attendance_log (its idempotency key on the host).
CREATE TABLE sync_outbox (
    uid TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    acked_at TEXT,
    status TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'stored', 'known', 'rejected')),
    message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_outbox_waiting ON sync_outbox(created_at) WHERE acked_at IS NULL;
"""

MIGRATION_7 = """
-- Issue 14: phones and tablets in the hall.
-- A paired device is a desk, the moderator's tablet or a PC driving the projector.
ALTER TABLE network_desks ADD COLUMN role TEXT NOT NULL DEFAULT 'desk'
    CHECK (role IN ('desk', 'moderator', 'projector'));

-- Where a question was registered: at the laptop or from a phone in the hall.
ALTER TABLE questions ADD COLUMN source TEXT NOT NULL DEFAULT 'laptop'
    CHECK (source IN ('laptop', 'ponsel'));

-- A version per row the moderator acts on: a page names the version it saw, and a
-- stale one is refused (nothing applied twice). Bumped by the triggers below on every
-- change; the WHEN stops the trigger's own UPDATE from firing it again
-- (recursive_triggers is on).
ALTER TABLE questions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE termins ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER questions_version AFTER UPDATE ON questions
WHEN NEW.version = OLD.version
BEGIN
    UPDATE questions SET version = OLD.version + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER termins_version AFTER UPDATE ON termins
WHEN NEW.version = OLD.version
BEGIN
    UPDATE termins SET version = OLD.version + 1 WHERE id = NEW.id;
END;

-- Questions sent from the floor (a phone): they wait in the moderator's incoming list
-- until accepted into a termin (``question_id``) or set aside.
CREATE TABLE floor_questions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    asker_invitee_id INTEGER REFERENCES invitees(id) ON DELETE SET NULL,
    asker_name TEXT NOT NULL,
    asker_instansi TEXT NOT NULL DEFAULT '',
    addressed_to TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    submitted_at TEXT NOT NULL,          -- UTC, ISO 8601 with milliseconds
    device_hash TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'incoming'
        CHECK (status IN ('incoming', 'accepted', 'set_aside')),
    question_id INTEGER REFERENCES questions(id) ON DELETE SET NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX floor_questions_event ON floor_questions(event_id, status, submitted_at);
CREATE TRIGGER floor_questions_version AFTER UPDATE ON floor_questions
WHEN NEW.version = OLD.version
BEGIN
    UPDATE floor_questions SET version = OLD.version + 1 WHERE id = NEW.id;
END;
-- A question removed from its termin (deleted, or its acceptance undone) leaves the
-- floor question it came from set aside: kept, and the moderator can take it up again.
CREATE TRIGGER floor_questions_question_deleted BEFORE DELETE ON questions
BEGIN
    UPDATE floor_questions SET status = 'set_aside', question_id = NULL
    WHERE question_id = OLD.id AND status = 'accepted';
END;

-- Self check-in by name and the last four digits of the phone number on the list: the
-- digits looked up by index (the expression must stay the one in storage/phones.py).
CREATE INDEX persons_phone_last4 ON persons(substr(replace(replace(replace(replace(replace(
    replace(phone, ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', ''), -4))
    WHERE phone <> '';

-- Someone not on the list who checked in with a phone: waits for a desk to confirm
-- (then registered as a walk-in with this signature, station "ponsel") or refuse.
CREATE TABLE phone_walkins (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    jabatan TEXT NOT NULL DEFAULT '',
    instansi TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    signature_png BLOB,
    submitted_at TEXT NOT NULL,
    device_hash TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'waiting'
        CHECK (status IN ('waiting', 'confirmed', 'refused')),
    decided_at TEXT,
    decided_by TEXT NOT NULL DEFAULT '',
    invitee_id INTEGER REFERENCES invitees(id) ON DELETE SET NULL
);
CREATE INDEX phone_walkins_event ON phone_walkins(event_id, status, submitted_at);
"""

MIGRATIONS: tuple[str, ...] = (
    MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4, MIGRATION_5, MIGRATION_6, MIGRATION_7
)
LATEST_VERSION = len(MIGRATIONS)

_CREATED_TABLE = re.compile(
    r"^\s*CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)",
    re.IGNORECASE | re.MULTILINE,
)


def tables_created_by(number: int) -> frozenset[str]:
    """The tables migration ``number`` creates (read from its SQL)."""
    return frozenset(name.lower() for name in _CREATED_TABLE.findall(MIGRATIONS[number - 1]))

# Tables that belong to one event, in an order that respects foreign keys.
EVENT_TABLES: tuple[str, ...] = (
    "invitees",
    "event_officials",
    "attendance_log",
    "rundown_items",
    "speakers",
    "termins",
    "questions",
    "follow_ups",
    "conclusions",
    "photos",
    "event_settings",
)
