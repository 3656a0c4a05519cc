CREATE TABLE `today_changes` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`rev` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `today_changes_rev` ON `today_changes` (`rev`);--> statement-breakpoint
-- A reminder marked done, reopened or moved: Today's kept list reads that customer's reminders again (core/today/basis.ts).
CREATE TRIGGER today_changes_follow_up_reminder AFTER UPDATE OF done, next_contact_date ON follow_ups
  WHEN OLD.done IS NOT NEW.done OR OLD.next_contact_date IS NOT NEW.next_contact_date BEGIN
  INSERT INTO today_changes (customer_id, rev) VALUES (NEW.customer_id, (SELECT coalesce(max(rev), 0) + 1 FROM today_changes))
    ON CONFLICT (customer_id) DO UPDATE SET rev = excluded.rev;
END;
--> statement-breakpoint
-- A payment recorded, an amount owed or its due date changed: that customer's overdue money is read again.
CREATE TRIGGER today_changes_order_payment AFTER UPDATE OF unpaid_minor, base_unpaid_minor, payment_due_date ON orders
  WHEN OLD.unpaid_minor IS NOT NEW.unpaid_minor OR OLD.base_unpaid_minor IS NOT NEW.base_unpaid_minor OR OLD.payment_due_date IS NOT NEW.payment_due_date BEGIN
  INSERT INTO today_changes (customer_id, rev) VALUES (NEW.customer_id, (SELECT coalesce(max(rev), 0) + 1 FROM today_changes))
    ON CONFLICT (customer_id) DO UPDATE SET rev = excluded.rev;
END;
