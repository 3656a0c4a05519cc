-- A laptop that was in a team with the release before 0034 received the records of settlements the team shares
-- (customer_merge_moves, restored_sales) into its replica, left them aside as a table it did not know, and moved its
-- checkpoint past them: nothing would ever apply them. Its next sync round reads those tables again from the replica
-- (core/sync/read-again.ts), which needs the replica, so it is not one of the tasks done as the file opens
-- (core/maintenance.ts). Only in a team: a laptop that joins later reads its whole replica anyway.
INSERT INTO `maintenance_tasks` (`name`) SELECT 'team_records_read_again' FROM `sync_state` WHERE `id` = 1 AND `server_url` IS NOT NULL;
