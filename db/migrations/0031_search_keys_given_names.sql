-- A person's Chinese name is now also keyed with its given name read as usual (赵六 "zhaoliu", 王乐乐 "wanglele"),
-- beside surname mode's reading of every character ("zhaolu", "wangyueyue"): the customers keyed before are keyed
-- again when the app next opens the file (core/maintenance.ts).
INSERT INTO `maintenance_tasks` (`name`) VALUES ('search_keys_given_names');
