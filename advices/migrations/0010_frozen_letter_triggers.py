"""On PostgreSQL, the database itself refuses to change what a frozen letter holds.

Triggers refuse every UPDATE or DELETE — raw SQL included — that would change the text or the
status of an adopted or sent letter (other than its lifecycle steps), delete it, change or
delete its recommendations or the rows that tie it to themes and meetings, or change or
delete a stored PDF. INSERTs are left to the application, so restoring a backup (which
only inserts, into empty tables) works as before; TRUNCATE is not a row trigger either.

SQLite (the development database) gets no triggers: Django's test flush deletes rows there.
The values below are the lifecycle's as it was when this migration was written; the
application's own guards (``advices.lifecycle.frozen``) stay the first line.
"""

from django.db import migrations

EDITABLE = "('concept', 'ter-vaststelling')"
CONTENT = [
    "reference", "date", "subject", "addressee", "salutation", "introduction", "closing",
    "signatory_name", "signatory_role", "kind",
]  # fmt: skip
STEPS_FROM_FROZEN = [
    ("vastgesteld", "verzonden"),
    ("verzonden", "beantwoord"),
    ("beantwoord", "afgerond"),
    ("afgerond", "beantwoord"),
]

changed_content = " OR ".join(f"NEW.{name} IS DISTINCT FROM OLD.{name}" for name in CONTENT)
allowed_step = " OR ".join(
    f"(OLD.status = '{old}' AND NEW.status = '{new}')" for old, new in STEPS_FROM_FROZEN
)

CREATE = f"""
CREATE OR REPLACE FUNCTION advices_refuse(message text) RETURNS void AS $$
BEGIN
    RAISE EXCEPTION 'advices: %', message USING ERRCODE = 'integrity_constraint_violation';
END; $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION advices_guard_letter() RETURNS trigger AS $$
BEGIN
    IF OLD.status NOT IN {EDITABLE} THEN
        IF TG_OP = 'DELETE' THEN
            PERFORM advices_refuse('an adopted or sent letter is kept');
        ELSIF {changed_content} THEN
            PERFORM advices_refuse('the text of an adopted or sent letter never changes');
        ELSIF NEW.status IS DISTINCT FROM OLD.status AND NOT ({allowed_step}) THEN
            PERFORM advices_refuse('the status of a letter changes only along its lifecycle');
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END; $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION advices_guard_letter_rows() RETURNS trigger AS $$
DECLARE
    letter_ids bigint[] := ARRAY[(to_jsonb(OLD) ->> TG_ARGV[0])::bigint];
BEGIN
    IF TG_OP = 'UPDATE' THEN
        letter_ids := letter_ids || (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    END IF;
    IF EXISTS (
        SELECT 1 FROM advices_adviceletter
        WHERE id = ANY(letter_ids) AND status NOT IN {EDITABLE}
    ) THEN
        PERFORM advices_refuse('what an adopted or sent letter holds never changes');
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END; $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION advices_guard_sent_pdf() RETURNS trigger AS $$
BEGIN
    PERFORM advices_refuse('the stored PDF of a sent letter never changes');
    RETURN NULL;
END; $$ LANGUAGE plpgsql;

CREATE TRIGGER advices_guard_letter BEFORE UPDATE OR DELETE ON advices_adviceletter
    FOR EACH ROW EXECUTE FUNCTION advices_guard_letter();
CREATE TRIGGER advices_guard_recommendation BEFORE UPDATE OR DELETE ON advices_recommendation
    FOR EACH ROW EXECUTE FUNCTION advices_guard_letter_rows('letter_id');
CREATE TRIGGER advices_guard_letter_themes BEFORE UPDATE OR DELETE ON advices_adviceletter_themes
    FOR EACH ROW EXECUTE FUNCTION advices_guard_letter_rows('adviceletter_id');
CREATE TRIGGER advices_guard_letter_meetings
    BEFORE UPDATE OR DELETE ON advices_adviceletter_meetings
    FOR EACH ROW EXECUTE FUNCTION advices_guard_letter_rows('adviceletter_id');
CREATE TRIGGER advices_guard_sent_pdf BEFORE UPDATE OR DELETE ON advices_sentletterpdf
    FOR EACH ROW EXECUTE FUNCTION advices_guard_sent_pdf();
"""

DROP = """
DROP TRIGGER IF EXISTS advices_guard_letter ON advices_adviceletter;
DROP TRIGGER IF EXISTS advices_guard_recommendation ON advices_recommendation;
DROP TRIGGER IF EXISTS advices_guard_letter_themes ON advices_adviceletter_themes;
DROP TRIGGER IF EXISTS advices_guard_letter_meetings ON advices_adviceletter_meetings;
DROP TRIGGER IF EXISTS advices_guard_sent_pdf ON advices_sentletterpdf;
DROP FUNCTION IF EXISTS advices_guard_letter();
DROP FUNCTION IF EXISTS advices_guard_letter_rows();
DROP FUNCTION IF EXISTS advices_guard_sent_pdf();
DROP FUNCTION IF EXISTS advices_refuse(text);
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("advices", "0009_letter_sending")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
