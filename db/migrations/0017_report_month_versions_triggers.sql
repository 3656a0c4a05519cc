-- Counters the report's memory is checked against (db/schema/report-totals.ts, report_month_versions):
-- every change of a month's totals moves that month's counter, every change of tier history moves the
-- 'segments' counter, in the writing transaction. A counter takes a fresh random value (53 bits) rather
-- than counting up, so a database put back from a backup — or another laptop's — never shows a month at
-- a value the report already holds for different rows.
CREATE TRIGGER report_versions_orders_insert AFTER INSERT ON order_month_totals BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('orders', NEW.month, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_orders_update AFTER UPDATE ON order_month_totals BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('orders', OLD.month, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
  INSERT INTO report_month_versions (source, month, version) VALUES ('orders', NEW.month, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_orders_delete AFTER DELETE ON order_month_totals BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('orders', OLD.month, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_follow_ups_insert AFTER INSERT ON follow_up_month_totals BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('follow_ups', NEW.month, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_follow_ups_update AFTER UPDATE ON follow_up_month_totals BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('follow_ups', OLD.month, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
  INSERT INTO report_month_versions (source, month, version) VALUES ('follow_ups', NEW.month, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_follow_ups_delete AFTER DELETE ON follow_up_month_totals BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('follow_ups', OLD.month, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_segments_insert AFTER INSERT ON segment_assignments BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('segments', 0, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_segments_update AFTER UPDATE ON segment_assignments BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('segments', 0, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
--> statement-breakpoint
CREATE TRIGGER report_versions_segments_delete AFTER DELETE ON segment_assignments BEGIN
  INSERT INTO report_month_versions (source, month, version) VALUES ('segments', 0, random() >> 11) ON CONFLICT (source, month) DO UPDATE SET version = random() >> 11;
END;
