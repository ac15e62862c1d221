-- No working link at rest: stored email kept each invitee's personal link in its text, HTML and
-- calendar file. The app now stores a marker naming the row's invitation, {{invitation-link:<id>}},
-- and makes the link as the message is sent or shown to staff (lib/invitations/link-marker.ts).
-- Rows already stored get the marker in place of the link. A calendar file is unfolded first, so a
-- link folded across two lines is found too; delivery folds it again. A link in a row that names
-- no invitation cannot be made again, and is taken out.
UPDATE "outbox" SET
  "body_text" = regexp_replace("body_text", 'https?://[^[:space:]"<>]*/invite/[A-Za-z0-9_-]{43}',
    coalesce('{{invitation-link:' || "invitation_id" || '}}', '(link removed)'), 'g'),
  "body_html" = regexp_replace("body_html", 'https?://[^[:space:]"<>]*/invite/[A-Za-z0-9_-]{43}',
    coalesce('{{invitation-link:' || "invitation_id" || '}}', '(link removed)'), 'g'),
  "ics_attachment" = CASE
    WHEN regexp_replace("ics_attachment", E'\r?\n[ \t]', '', 'g') ~ 'https?://[^[:space:]"<>]*/invite/[A-Za-z0-9_-]{43}'
    THEN regexp_replace(regexp_replace("ics_attachment", E'\r?\n[ \t]', '', 'g'),
      'https?://[^[:space:]"<>]*/invite/[A-Za-z0-9_-]{43}',
      coalesce('{{invitation-link:' || "invitation_id" || '}}', '(link removed)'), 'g')
    ELSE "ics_attachment"
  END
WHERE "body_text" ~ '/invite/[A-Za-z0-9_-]{43}'
  OR "body_html" ~ '/invite/[A-Za-z0-9_-]{43}'
  OR regexp_replace("ics_attachment", E'\r?\n[ \t]', '', 'g') ~ '/invite/[A-Za-z0-9_-]{43}';
