-- Every in-app notification also goes into the mail outbox, in the same transaction as the change
-- it reports, for a recipient who is active, has an e-mail address and has not turned mail off.
-- The sender loop writes and sends the mail after commit (immediately or in the daily digest).
CREATE OR REPLACE FUNCTION enqueue_notification_mail() RETURNS trigger AS $$
BEGIN
  INSERT INTO mail_outbox (recipient_id, delivery, notification_id, link)
  SELECT u.id, coalesce(s.delivery, 'immediate'), NEW.id, NEW.link
  FROM users u
  LEFT JOIN mail_settings s ON s.user_id = u.id
  WHERE u.id = NEW.recipient_id
    AND u.is_active
    AND coalesce(u.email, '') <> ''
    AND coalesce(s.delivery, 'immediate') <> 'off';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER notifications_mail AFTER INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION enqueue_notification_mail();
