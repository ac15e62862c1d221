CREATE TYPE "public"."presence" AS ENUM('came', 'came_late', 'left_early', 'remote', 'apologies', 'no_word');--> statement-breakpoint
CREATE TYPE "public"."signature_kind" AS ENUM('signed', 'co_signed');--> statement-breakpoint
CREATE TYPE "public"."withhold_reason" AS ENUM('serious_harm_to_person', 'harm_to_someone_else', 'about_someone_else', 'safeguarding_enquiry');--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid,
	"person_id" uuid,
	"network_member_id" uuid,
	"presence" "presence" NOT NULL,
	"invited" boolean DEFAULT true NOT NULL,
	"covering_for" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_one_attendee" CHECK (num_nonnulls("meeting_attendance"."user_id", "meeting_attendance"."person_id", "meeting_attendance"."network_member_id") = 1),
	CONSTRAINT "meeting_attendance_covering" CHECK ("meeting_attendance"."covering_for" is null or "meeting_attendance"."user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "record_share_choices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"sections" text[] NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"signer_id" uuid NOT NULL,
	"kind" "signature_kind" NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_signatures_recordId_signerId_unique" UNIQUE("record_id","signer_id")
);
--> statement-breakpoint
CREATE TABLE "record_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"section" text NOT NULL,
	"words" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_withholdings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"section" text,
	"reason" "withhold_reason" NOT NULL,
	"review_on" date NOT NULL,
	"withheld_by" uuid NOT NULL,
	"withheld_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "fidelity_ratings" DROP CONSTRAINT "fidelity_score";--> statement-breakpoint
ALTER TABLE "fidelity_ratings" ALTER COLUMN "score" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "record_link_days" smallint DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "fidelity_ratings" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "meeting_records" ADD COLUMN "entered_in_error_reason" text;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_network_member_id_network_members_id_fk" FOREIGN KEY ("network_member_id") REFERENCES "public"."network_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_covering_for_users_id_fk" FOREIGN KEY ("covering_for") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_share_choices" ADD CONSTRAINT "record_share_choices_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_share_choices" ADD CONSTRAINT "record_share_choices_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_signatures" ADD CONSTRAINT "record_signatures_record_id_meeting_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."meeting_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_signatures" ADD CONSTRAINT "record_signatures_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_statements" ADD CONSTRAINT "record_statements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_statements" ADD CONSTRAINT "record_statements_record_id_meeting_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."meeting_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_statements" ADD CONSTRAINT "record_statements_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_withholdings" ADD CONSTRAINT "record_withholdings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_withholdings" ADD CONSTRAINT "record_withholdings_withheld_by_users_id_fk" FOREIGN KEY ("withheld_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_withholdings" ADD CONSTRAINT "record_withholdings_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_user_unique" ON "meeting_attendance" USING btree ("meeting_id","user_id") WHERE "meeting_attendance"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_person_unique" ON "meeting_attendance" USING btree ("meeting_id","person_id") WHERE "meeting_attendance"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_member_unique" ON "meeting_attendance" USING btree ("meeting_id","network_member_id") WHERE "meeting_attendance"."network_member_id" is not null;--> statement-breakpoint
CREATE INDEX "meeting_attendance_user_id_meeting_id_index" ON "meeting_attendance" USING btree ("user_id","meeting_id");--> statement-breakpoint
CREATE INDEX "record_share_choices_meeting_id_recorded_at_index" ON "record_share_choices" USING btree ("meeting_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "record_signatures_one_signer" ON "record_signatures" USING btree ("record_id") WHERE "record_signatures"."kind" = 'signed';--> statement-breakpoint
CREATE INDEX "record_statements_meeting_id_index" ON "record_statements" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "record_withholdings_meeting_id_index" ON "record_withholdings" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "meeting_records" DROP COLUMN "sharing";--> statement-breakpoint
ALTER TABLE "meeting_records" DROP COLUMN "signed_at";--> statement-breakpoint
ALTER TABLE "fidelity_ratings" ADD CONSTRAINT "fidelity_score" CHECK ("fidelity_ratings"."score" is null or "fidelity_ratings"."score" between 0 and 3);--> statement-breakpoint
ALTER TABLE "meeting_records" ADD CONSTRAINT "meeting_records_one_reason" CHECK ("meeting_records"."amendment_reason" is null or "meeting_records"."entered_in_error_reason" is null);--> statement-breakpoint
DROP TYPE "public"."record_sharing";--> statement-breakpoint
-- A record's versions follow one another; once a version is signed, the only new versions are an
-- amendment or an "entered in error" mark, each with its reason; after "entered in error", none.
CREATE FUNCTION "meeting_record_next_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  latest integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('meeting_records:' || NEW.meeting_id::text));
  SELECT coalesce(max(version), 0) INTO latest FROM meeting_records WHERE meeting_id = NEW.meeting_id;
  IF NEW.version <> latest + 1 THEN
    RAISE EXCEPTION 'meeting_records: version % follows %', NEW.version, latest USING ERRCODE = 'AO001';
  END IF;
  IF EXISTS (SELECT 1 FROM meeting_records WHERE meeting_id = NEW.meeting_id AND entered_in_error_reason IS NOT NULL) THEN
    RAISE EXCEPTION 'meeting_records: the record was entered in error and takes no new versions' USING ERRCODE = 'AO001';
  END IF;
  IF NEW.amendment_reason IS NULL AND NEW.entered_in_error_reason IS NULL AND EXISTS (
    SELECT 1 FROM record_signatures s JOIN meeting_records r ON r.id = s.record_id WHERE r.meeting_id = NEW.meeting_id
  ) THEN
    RAISE EXCEPTION 'meeting_records: a signed record changes only by an amendment with a reason' USING ERRCODE = 'AO001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "meeting_records_next_version" BEFORE INSERT ON "meeting_records"
  FOR EACH ROW EXECUTE FUNCTION "meeting_record_next_version"();
--> statement-breakpoint
-- Only the newest version is signed, never one marked entered in error; a co-signature follows a signature.
CREATE FUNCTION "record_signature_rules"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec meeting_records%ROWTYPE;
BEGIN
  SELECT * INTO rec FROM meeting_records WHERE id = NEW.record_id;
  PERFORM pg_advisory_xact_lock(hashtext('meeting_records:' || rec.meeting_id::text));
  IF EXISTS (SELECT 1 FROM meeting_records WHERE meeting_id = rec.meeting_id AND version > rec.version) THEN
    RAISE EXCEPTION 'record_signatures: only the newest version can be signed' USING ERRCODE = 'AO001';
  END IF;
  IF rec.entered_in_error_reason IS NOT NULL THEN
    RAISE EXCEPTION 'record_signatures: a record entered in error is not signed' USING ERRCODE = 'AO001';
  END IF;
  IF NEW.kind = 'co_signed' AND NOT EXISTS (
    SELECT 1 FROM record_signatures WHERE record_id = NEW.record_id AND kind = 'signed'
  ) THEN
    RAISE EXCEPTION 'record_signatures: a co-signature needs the signature first' USING ERRCODE = 'AO001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "record_signatures_rules" BEFORE INSERT ON "record_signatures"
  FOR EACH ROW EXECUTE FUNCTION "record_signature_rules"();
--> statement-breakpoint
CREATE TRIGGER "record_signatures_append_only" BEFORE UPDATE OR DELETE ON "record_signatures"
  FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "record_signatures_no_truncate" BEFORE TRUNCATE ON "record_signatures"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "record_statements_append_only" BEFORE UPDATE OR DELETE ON "record_statements"
  FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "record_statements_no_truncate" BEFORE TRUNCATE ON "record_statements"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "record_share_choices_append_only" BEFORE UPDATE OR DELETE ON "record_share_choices"
  FOR EACH ROW EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
CREATE TRIGGER "record_share_choices_no_truncate" BEFORE TRUNCATE ON "record_share_choices"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_change"();
--> statement-breakpoint
-- Personal links now open the meeting's notes for reading after it, for the team's number of days.
UPDATE "invitations" i SET "expires_at" = m."ends_at" + make_interval(hours => 24 * t."record_link_days")
FROM "meetings" m JOIN "teams" t ON t."id" = m."team_id"
WHERE m."id" = i."meeting_id" AND i."revoked_at" IS NULL;
