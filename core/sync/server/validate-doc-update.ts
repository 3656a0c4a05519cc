import { DOC_RULES, type DocRules } from './doc-rules';

/** The design document TierBook keeps on a team's database. */
export const DESIGN_DOC_ID = '_design/tierbook';

/**
 * CouchDB's `validate_doc_update`, interpreting the rules it is built with. Written as ES5 in a string on
 * purpose: CouchDB runs it in its own JavaScript engine (SpiderMonkey 1.8.5 on older installs, which knows
 * no arrow functions, `let` or template strings), and a string cannot be rewritten by our bundler.
 *
 * A refusal is `{forbidden: reason}`; the reason names the document, the column and what is wrong, in
 * plain English (CouchDB returns it as is, and the app shows it under its own translated heading).
 * `__RULES__` is replaced by the rules' JSON.
 */
const INTERPRETER = String.raw`function (newDoc, oldDoc, userCtx, secObj) {
  var RULES = __RULES__;
  var id = newDoc._id;
  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  var isAdmin = userCtx && userCtx.roles && userCtx.roles.indexOf('_admin') !== -1;
  function refuse(reason) { throw ({ forbidden: 'TierBook refused ' + id + ': ' + reason }); }

  if (id.indexOf('_design/') === 0) {
    if (!isAdmin) refuse('only a database admin may change design documents');
    return;
  }
  // A deletion tombstone carries no fields to check: allowed, the id alone says what it deletes.
  if (newDoc._deleted === true) return;

  var bytes = JSON.stringify(newDoc).length;
  if (bytes > RULES.maxDocBytes) refuse('the document is ' + bytes + ' characters long, more than ' + RULES.maxDocBytes);

  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
  // Hybrid logical clock: 15 digits of milliseconds, 6 of counter, the laptop's node id (core/sync/hlc.ts).
  var HLC = /^\d{15}\.\d{6}\.[A-Za-z0-9_-]{1,64}$/;

  // A value quoted in a reason, cut short: reasons are read by people, and bad values can be huge.
  function show(value, max) {
    var text = JSON.stringify(value);
    var limit = max || 40;
    return text === undefined ? String(value) : (text.length > limit ? text.slice(0, limit) + '…' : text);
  }
  function isObject(value) { return value !== null && typeof value === 'object' && !Array.isArray(value); }
  function realDate(y, m, d) {
    var date = new Date(Date.UTC(+y, +m - 1, +d));
    return date.getUTCFullYear() === +y && date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d;
  }
  function textProblem(value, max, min) {
    if (typeof value !== 'string') return 'is not text: ' + show(value);
    if (value.length > max) return 'is ' + value.length + ' characters long, more than ' + max;
    if (min && value.replace(/^\s+|\s+$/g, '').length < min) return 'is empty';
    return null;
  }

  // What is wrong with a column's value (never null here), or null when it fits the rule.
  function problem(rule, value) {
    var m;
    switch (rule.kind) {
      case 'string':
        return textProblem(value, rule.max, rule.min);
      case 'enum':
        return rule.values.indexOf(value) === -1 ? 'is ' + show(value) + ', not one of ' + rule.values.join(', ') : null;
      case 'uuid':
        return typeof value === 'string' && UUID.test(value) ? null : 'is not an id (a lower-case UUID): ' + show(value);
      case 'date':
        m = typeof value === 'string' ? DATE.exec(value) : null;
        return m && realDate(m[1], m[2], m[3]) ? null : 'is not a calendar date (YYYY-MM-DD): ' + show(value);
      case 'instant':
        m = typeof value === 'string' ? INSTANT.exec(value) : null;
        return m && realDate(m[1], m[2], m[3]) ? null : 'is not a date and time (ISO 8601, e.g. 2026-03-01T09:30:00.000Z): ' + show(value);
      case 'time':
        return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? null : 'is not a time of day (HH:MM): ' + show(value);
      case 'int':
        if (typeof value !== 'number' || !isFinite(value) || value !== Math.floor(value)) return 'is not a whole number: ' + show(value);
        return value < rule.min || value > rule.max ? 'is ' + value + ', outside ' + rule.min + ' to ' + rule.max : null;
      case 'number':
        if (typeof value !== 'number' || !isFinite(value)) return 'is not a number: ' + show(value);
        return value < rule.min || value > rule.max ? 'is ' + value + ', outside ' + rule.min + ' to ' + rule.max : null;
      case 'flag':
        return value === 0 || value === 1 ? null : 'is not 0 or 1: ' + show(value);
      case 'currency':
        return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? null : 'is not a currency code (three capital letters): ' + show(value);
      case 'country':
        return typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? null : 'is not a country code (two capital letters): ' + show(value);
      case 'json':
        var wrongText = textProblem(value, rule.max);
        if (wrongText) return wrongText;
        var parsed;
        try { parsed = JSON.parse(value); } catch (e) { return 'is not JSON: ' + show(value); }
        if (rule.shape === 'object') return isObject(parsed) ? null : 'is not a JSON object: ' + show(value);
        if (!Array.isArray(parsed)) return 'is not a JSON list: ' + show(value);
        if (parsed.length > rule.items) return 'has ' + parsed.length + ' items, more than ' + rule.items;
        for (var i = 0; i < parsed.length; i++) {
          var wrongItem = textProblem(parsed[i], rule.itemMax, 1);
          if (wrongItem) return 'item ' + (i + 1) + ' ' + wrongItem;
        }
        return null;
    }
    return 'has a rule this server does not know (' + rule.kind + ')';
  }

  for (var top in newDoc) {
    if (has(newDoc, top) && top.charAt(0) !== '_' && top !== 'table' && top !== 'fields') refuse(show(top) + ' is not part of a TierBook document (only table and fields are)');
  }
  var tableName = newDoc.table;
  if (typeof tableName !== 'string' || !has(RULES.tables, tableName)) {
    refuse('unknown table ' + show(tableName === undefined ? null : tableName) + ' (expected one of ' + Object.keys(RULES.tables).join(', ') + ')');
  }
  if (oldDoc && !oldDoc._deleted && oldDoc.table !== tableName) refuse('the table cannot change from ' + show(oldDoc.table) + ' to ' + show(tableName));
  var table = RULES.tables[tableName];
  var fields = newDoc.fields;
  if (!isObject(fields)) refuse('fields is missing or not an object');

  var column;
  for (column in fields) {
    if (!has(fields, column)) continue;
    // A column an older release wrote and this one derives (an order's unpaid amount) says what to do about it.
    if (!has(table.columns, column)) refuse(tableName + '.' + column + (table.retired && has(table.retired, column) ? ' ' + table.retired[column] : ' is not a column of ' + tableName));
    var state = fields[column];
    if (!isObject(state)) refuse(tableName + '.' + column + ' is not a {v, t, b, by} value');
    for (var part in state) {
      if (has(state, part) && part !== 'v' && part !== 't' && part !== 'b' && part !== 'by') refuse(tableName + '.' + column + ' has ' + show(part) + ', not only v, t, b and by');
    }
    if (typeof state.t !== 'string' || !HLC.test(state.t)) refuse(tableName + '.' + column + ' has no valid clock (t): ' + show(state.t));
    if (state.b !== '' && (typeof state.b !== 'string' || !HLC.test(state.b))) refuse(tableName + '.' + column + ' has no valid previous clock (b): ' + show(state.b));
    if (state.by !== null && state.by !== undefined) {
      var wrongBy = textProblem(state.by, RULES.maxByLength);
      if (wrongBy) refuse(tableName + '.' + column + ' author (by) ' + wrongBy);
    }
    var rule = table.columns[column];
    if (state.v === null || state.v === undefined) {
      if (rule.required) refuse(tableName + '.' + column + ' is missing');
      continue;
    }
    var wrong = problem(rule, state.v);
    if (wrong) refuse(tableName + '.' + column + ' ' + wrong);
  }
  for (column in table.columns) {
    if (has(table.columns, column) && table.columns[column].required && !has(fields, column)) refuse(tableName + '.' + column + ' is missing');
  }

  // The id names the row: the table, then its key columns' values.
  var expected = tableName;
  for (var k = 0; k < table.key.length; k++) expected += ':' + fields[table.key[k]].v;
  if (id !== expected) refuse('the id does not match the row (expected ' + show(expected, 200) + ')');
}`;

/** The function's source with the rules built in. */
export function validateDocUpdateSource(rules: DocRules = DOC_RULES): string {
  return INTERPRETER.replace('__RULES__', JSON.stringify(rules));
}

export interface ValidationDesignDoc {
  _id: typeof DESIGN_DOC_ID;
  _rev?: string;
  language: 'javascript';
  /** The rules' version, so the app can tell an older design document from its own. */
  tierbookRulesVersion: number;
  validate_doc_update: string;
}

export function validationDesignDoc(rules: DocRules = DOC_RULES): ValidationDesignDoc {
  return { _id: DESIGN_DOC_ID, language: 'javascript', tierbookRulesVersion: rules.version, validate_doc_update: validateDocUpdateSource(rules) };
}
