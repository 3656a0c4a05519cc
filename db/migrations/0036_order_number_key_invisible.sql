-- Order numbers are now compared without the characters that render as nothing (a zero-width space, joiner or
-- soft hyphen pasted from a chat app inside INV-1: shared/domain/order-number.ts). Only numbers holding a character
-- beyond printable ASCII can hold one, and only the app knows which characters those are: it keys them again when it
-- next opens the file, as it keyed the numbers migration 0033 left, and of live orders whose numbers are now one the
-- order entered first keeps its number and each later one is renumbered `<number>-<last 6 of its id>`
-- (core/maintenance.ts). Until then every key stays as it was, so the unique index holds.
INSERT INTO `maintenance_tasks` (`name`) VALUES ('order_numbers_keyed_visible');
