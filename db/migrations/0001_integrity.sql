-- What must never happen is enforced here, in the database, whatever the application does.

CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint

-- No double booking: a practitioner's active busy intervals can never overlap.
-- Half-open ranges, so back-to-back meetings are allowed. Violations raise SQLSTATE 23P01.
ALTER TABLE "meeting_practitioners"
  ADD CONSTRAINT "meeting_practitioners_no_double_booking"
  EXCLUDE USING gist ("user_id" WITH =, tstzrange("busy_from", "busy_to", '[)') WITH &&)
  WHERE ("active");
--> statement-breakpoint

-- A practitioner's absences never overlap each other.
ALTER TABLE "absences"
  ADD CONSTRAINT "absences_no_overlap"
  EXCLUDE USING gist ("user_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&);
--> statement-breakpoint

-- Cancelling a meeting frees its practitioners' intervals; restoring it takes them again.
CREATE FUNCTION "sync_meeting_practitioners_active"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" IS DISTINCT FROM OLD."status" THEN
    UPDATE "meeting_practitioners"
       SET "active" = (NEW."status" <> 'cancelled')
     WHERE "meeting_id" = NEW."id";
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "meetings_status_frees_intervals"
  AFTER UPDATE OF "status" ON "meetings"
  FOR EACH ROW EXECUTE FUNCTION "sync_meeting_practitioners_active"();
--> statement-breakpoint

-- Append-only tables: audit events, meeting record versions and consent history.
CREATE FUNCTION "forbid_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'AO001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "meeting_records_append_only" BEFORE UPDATE OR DELETE ON "meeting_records"
  FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "meeting_records_no_truncate" BEFORE TRUNCATE ON "meeting_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "consent_changes_append_only" BEFORE UPDATE OR DELETE ON "consent_changes"
  FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "consent_changes_no_truncate" BEFORE TRUNCATE ON "consent_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
