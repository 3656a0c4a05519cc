-- A customer's search keys now hold their name with Traditional characters as Simplified (張三豐 → 张三丰, as a
-- query is folded) and without the characters that render as nothing (李\u200D四 → 李四), and the sort key is made
-- from that form: the customers keyed before are keyed again when the app next opens the file (core/maintenance.ts).
INSERT INTO `maintenance_tasks` (`name`) VALUES ('search_keys_script_folded');
