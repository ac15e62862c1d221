CREATE TYPE "public"."absence_reason" AS ENUM('leave', 'training', 'sickness', 'other');--> statement-breakpoint
CREATE TYPE "public"."attendance" AS ENUM('unknown', 'attended', 'absent');--> statement-breakpoint
CREATE TYPE "public"."closeness" AS ENUM('inner', 'middle', 'outer');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('email', 'sms', 'phone', 'post');--> statement-breakpoint
CREATE TYPE "public"."core_role" AS ENUM('lead', 'co_worker', 'peer');--> statement-breakpoint
CREATE TYPE "public"."discipline" AS ENUM('psychiatrist', 'nurse', 'psychologist', 'social_worker', 'peer_support_worker', 'occupational_therapist', 'other');--> statement-breakpoint
CREATE TYPE "public"."invitation_response" AS ENUM('needs_action', 'accepted', 'tentative', 'declined');--> statement-breakpoint
CREATE TYPE "public"."location_kind" AS ENUM('home', 'community', 'clinic', 'video', 'phone');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('first', 'crisis', 'network', 'review');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('scheduled', 'held', 'did_not_happen', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."member_kind" AS ENUM('family', 'friend', 'professional', 'other');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."participant_role" AS ENUM('required', 'optional');--> statement-breakpoint
CREATE TYPE "public"."person_status" AS ENUM('active', 'discharged');--> statement-breakpoint
CREATE TYPE "public"."record_sharing" AS ENUM('team', 'person', 'person_and_network');--> statement-breakpoint
CREATE TYPE "public"."relationship" AS ENUM('parent', 'partner', 'sibling', 'child', 'friend', 'neighbour', 'gp', 'social_worker', 'teacher', 'employer', 'other');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'practitioner');--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'Europe/London' NOT NULL,
	"travel_buffer_minutes" smallint DEFAULT 30 NOT NULL,
	"reminder_hours" smallint DEFAULT 24 NOT NULL,
	"minimum_notice_hours" smallint DEFAULT 2 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'practitioner' NOT NULL,
	"discipline" "discipline" DEFAULT 'other' NOT NULL,
	"time_zone" text DEFAULT 'Europe/London' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" "absence_reason" NOT NULL,
	"note" text,
	CONSTRAINT "absences_order" CHECK ("absences"."starts_at" < "absences"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "working_patterns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "working_patterns_weekday" CHECK ("working_patterns"."weekday" between 1 and 7),
	CONSTRAINT "working_patterns_window" CHECK ("working_patterns"."start_minute" >= 0 and "working_patterns"."end_minute" <= 1440 and "working_patterns"."start_minute" < "working_patterns"."end_minute")
);
--> statement-breakpoint
CREATE TABLE "consent_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_member_id" uuid NOT NULL,
	"may_be_invited" boolean NOT NULL,
	"may_see_shared_records" boolean NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core_team_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "core_role" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "core_team_order" CHECK ("core_team_assignments"."ends_on" is null or "core_team_assignments"."starts_on" <= "core_team_assignments"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text,
	"relationship" "relationship" NOT NULL,
	"kind" "member_kind" NOT NULL,
	"closeness" "closeness" NOT NULL,
	"email" text,
	"phone" text,
	"preferred_channel" "contact_channel" DEFAULT 'email' NOT NULL,
	"may_be_invited" boolean DEFAULT false NOT NULL,
	"may_see_shared_records" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"preferred_name" text,
	"pronouns" text,
	"date_of_birth" date,
	"email" text,
	"phone" text,
	"address" text,
	"preferred_places" text,
	"accessibility_needs" text,
	"interpreter_language" text,
	"meeting_preferences" jsonb,
	"referral_at" timestamp with time zone NOT NULL,
	"first_contact_user_id" uuid,
	"status" "person_status" DEFAULT 'active' NOT NULL,
	"discharged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid,
	"network_member_id" uuid,
	"token_hash" text NOT NULL,
	"response" "invitation_response" DEFAULT 'needs_action' NOT NULL,
	"responded_at" timestamp with time zone,
	"message" text,
	"attended" boolean,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_one_invitee" CHECK (("invitations"."person_id" is null) <> ("invitations"."network_member_id" is null))
);
--> statement-breakpoint
CREATE TABLE "meeting_practitioners" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "participant_role" DEFAULT 'required' NOT NULL,
	"busy_from" timestamp with time zone NOT NULL,
	"busy_to" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"attendance" "attendance" DEFAULT 'unknown' NOT NULL,
	CONSTRAINT "meeting_practitioners_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id"),
	CONSTRAINT "meeting_practitioners_order" CHECK ("meeting_practitioners"."busy_from" < "meeting_practitioners"."busy_to")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/London' NOT NULL,
	"location_kind" "location_kind" NOT NULL,
	"location_detail" text,
	"video_url" text,
	"status" "meeting_status" DEFAULT 'scheduled' NOT NULL,
	"status_reason" text,
	"series_id" uuid,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_order" CHECK ("meetings"."starts_at" < "meetings"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fidelity_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"rater_id" uuid NOT NULL,
	"element" text NOT NULL,
	"score" smallint NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fidelity_ratings_meetingId_raterId_element_unique" UNIQUE("meeting_id","rater_id","element"),
	CONSTRAINT "fidelity_score" CHECK ("fidelity_ratings"."score" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "meeting_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"read_back_with_person" boolean DEFAULT false NOT NULL,
	"sharing" "record_sharing" DEFAULT 'team' NOT NULL,
	"amendment_reason" text,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp with time zone,
	CONSTRAINT "meeting_records_meetingId_version_unique" UNIQUE("meeting_id","version"),
	CONSTRAINT "meeting_records_version" CHECK ("meeting_records"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"team_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"origin" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text,
	"ics_attachment" text,
	"meeting_id" uuid,
	"invitation_id" uuid,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_dedupeKey_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_patterns" ADD CONSTRAINT "working_patterns_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_changes" ADD CONSTRAINT "consent_changes_network_member_id_network_members_id_fk" FOREIGN KEY ("network_member_id") REFERENCES "public"."network_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_changes" ADD CONSTRAINT "consent_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_team_assignments" ADD CONSTRAINT "core_team_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core_team_assignments" ADD CONSTRAINT "core_team_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_first_contact_user_id_users_id_fk" FOREIGN KEY ("first_contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_network_member_id_network_members_id_fk" FOREIGN KEY ("network_member_id") REFERENCES "public"."network_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_practitioners" ADD CONSTRAINT "meeting_practitioners_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_practitioners" ADD CONSTRAINT "meeting_practitioners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_ratings" ADD CONSTRAINT "fidelity_ratings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fidelity_ratings" ADD CONSTRAINT "fidelity_ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_records" ADD CONSTRAINT "meeting_records_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_records" ADD CONSTRAINT "meeting_records_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_members_user_id_index" ON "team_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "absences_user_id_starts_at_index" ON "absences" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "working_patterns_user_id_index" ON "working_patterns" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "consent_changes_network_member_id_changed_at_index" ON "consent_changes" USING btree ("network_member_id","changed_at");--> statement-breakpoint
CREATE INDEX "core_team_assignments_person_id_index" ON "core_team_assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "core_team_assignments_user_id_index" ON "core_team_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "network_members_person_id_index" ON "network_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_team_id_family_name_given_name_index" ON "people" USING btree ("team_id","family_name","given_name");--> statement-breakpoint
CREATE INDEX "people_team_id_status_index" ON "people" USING btree ("team_id","status");--> statement-breakpoint
CREATE INDEX "invitations_meeting_id_index" ON "invitations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_practitioners_user_id_busy_from_index" ON "meeting_practitioners" USING btree ("user_id","busy_from");--> statement-breakpoint
CREATE INDEX "meetings_team_id_starts_at_index" ON "meetings" USING btree ("team_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_person_id_starts_at_index" ON "meetings" USING btree ("person_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_series_id_index" ON "meetings" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "fidelity_ratings_meeting_id_index" ON "fidelity_ratings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_entity_id_at_index" ON "audit_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_at_index" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "outbox_status_next_attempt_at_index" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_meeting_id_index" ON "outbox" USING btree ("meeting_id");