-- Links given before withdrawing consent (or leaving the network) stopped working at once only
-- from migration 0006's release on: end any that are still live, and take back their unsent emails.
UPDATE "invitations" SET "revoked_at" = now()
WHERE "revoked_at" IS NULL
  AND "network_member_id" IN (SELECT "id" FROM "network_members" WHERE NOT "active" OR NOT "may_be_invited");--> statement-breakpoint
DELETE FROM "outbox"
WHERE "status" IN ('pending', 'failed')
  AND "invitation_id" IN (SELECT "id" FROM "invitations" WHERE "revoked_at" IS NOT NULL);
