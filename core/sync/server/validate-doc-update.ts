import { DOC_RULES, type DocRules } from './doc-rules';

/** The design document TierBook keeps on a team's database. */
export const DESIGN_DOC_ID = '_design/tierbook';

/**
 * CouchDB's `validate_doc_update`, interpreting the rules it is built with. Written as ES5 in a string on
 * purpose: CouchDB runs it in its own JavaScript engine (SpiderMonkey 1.8.5 on older installs, which knows
 * no arrow functions, `let` or template strings), and a string cannot be rewritten by our bundler.
 *
 * A refusal is `{forbidden: reason}`; the reason names the document, the field and what is wrong, in
 * plain English (CouchDB returns it as is, and the app shows it under its own translated heading).
 * `__RULES__` is replaced by the rules' JSON.
 */
const INTERPRETER = String.raw`function (newDoc, oldDoc, userCtx, secObj) {
  var RULES = __RULES__;
  var id = newDoc._id;
  var isAdmin = userCtx && userCtx.roles && userCtx.roles.indexOf('_admin') !== -1;
  function refuse(reason) { throw ({ forbidden: 'TierBook refused ' + id + ': ' + reason }); }

  if (id.indexOf('_design/') === 0) {
    if (!isAdmin) refuse('only a database admin may change design documents');
    return;
  }
  if (id.indexOf('_local/') === 0) return;
  // A deletion tombstone carries no fields to check: allowed, the id alone says what it deletes.
  if (newDoc._deleted === true) return;

  var bytes = JSON.stringify(newDoc).length;
  if (bytes > RULES.maxDocBytes) refuse('the document is ' + bytes + ' characters long, more than ' + RULES.maxDocBytes);

  var typeName = newDoc[RULES.typeField];
  if (typeof typeName !== 'string' || !Object.prototype.hasOwnProperty.call(RULES.types, typeName)) {
    refuse('unknown document type ' + JSON.stringify(typeName === undefined ? null : typeName).slice(0, 40) + ' (expected one of ' + Object.keys(RULES.types).join(', ') + ')');
  }
  var type = RULES.types[typeName];
  var idPattern = type.idPattern || ('^' + typeName + ':[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
  if (!new RegExp(idPattern).test(id)) refuse('the id does not match ' + idPattern);
  if (oldDoc && !oldDoc._deleted && oldDoc[RULES.typeField] !== typeName) refuse('the type cannot change from ' + oldDoc[RULES.typeField] + ' to ' + typeName);

  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

  function realDate(y, m, d) {
    var date = new Date(Date.UTC(+y, +m - 1, +d));
    return date.getUTCFullYear() === +y && date.getUTCMonth() === +m - 1 && date.getUTCDate() === +d;
  }
  function show(value) {
    var text = JSON.stringify(value);
    return text === undefined ? String(value) : (text.length > 40 ? text.slice(0, 40) + '…' : text);
  }
  // A problem found deeper starts with its path (".field", "[2]"); a problem of the value itself with words.
  function nested(problemText) {
    var first = problemText.charAt(0);
    return first === '.' || first === '[' ? problemText : ' ' + problemText;
  }
  function isObject(value) { return value !== null && typeof value === 'object' && !Array.isArray(value); }

  // Returns what is wrong with the value, or null when it fits the rule.
  function problem(rule, value) {
    var m;
    switch (rule.kind) {
      case 'string':
        if (typeof value !== 'string') return 'is not text';
        if (value.length > rule.max) return 'is ' + value.length + ' characters long, more than ' + rule.max;
        if (rule.min && value.replace(/^\s+|\s+$/g, '').length < rule.min) return 'is empty';
        if (rule.pattern && !new RegExp(rule.pattern).test(value)) return 'is not ' + (rule.patternName || 'in the expected form') + ': ' + show(value);
        return null;
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
        if (typeof value !== 'number' || value !== Math.floor(value) || !isFinite(value)) return 'is not a whole number: ' + show(value);
        return value < rule.min || value > rule.max ? 'is ' + value + ', outside ' + rule.min + ' to ' + rule.max : null;
      case 'number':
        if (typeof value !== 'number' || !isFinite(value)) return 'is not a number: ' + show(value);
        return value < rule.min || value > rule.max ? 'is ' + value + ', outside ' + rule.min + ' to ' + rule.max : null;
      case 'bool':
        return typeof value === 'boolean' ? null : 'is not true or false: ' + show(value);
      case 'currency':
        return typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? null : 'is not a currency code (three capital letters): ' + show(value);
      case 'country':
        return typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? null : 'is not a country code (two capital letters): ' + show(value);
      case 'json':
        var json = JSON.stringify(value);
        return json === undefined ? 'is not a JSON value' : (json.length > rule.maxBytes ? 'is ' + json.length + ' characters long, more than ' + rule.maxBytes : null);
      case 'array':
        if (!Array.isArray(value)) return 'is not a list';
        if (value.length > rule.max) return 'has ' + value.length + ' items, more than ' + rule.max;
        for (var i = 0; i < value.length; i++) {
          var itemProblem = problem(rule.items, value[i]);
          if (itemProblem) return '[' + i + ']' + nested(itemProblem);
        }
        return null;
      case 'map':
        if (!isObject(value)) return 'is not an object';
        var keys = Object.keys(value);
        if (keys.length > rule.max) return 'has ' + keys.length + ' keys, more than ' + rule.max;
        for (var k = 0; k < keys.length; k++) {
          if (keys[k].length > rule.keyMax) return 'has a key longer than ' + rule.keyMax + ' characters';
          var valueProblem = problem(rule.values, value[keys[k]]);
          if (valueProblem) return '.' + keys[k] + nested(valueProblem);
        }
        return null;
      case 'object':
        if (!isObject(value)) return 'is not an object';
        var fieldProblem = fieldsProblem(rule.fields, value, rule.open);
        return fieldProblem ? '.' + fieldProblem : null;
    }
    return 'has a rule this server does not know (' + rule.kind + ')';
  }

  // Checks an object's fields; returns "<field> <problem>" for the first wrong one, or null.
  function fieldsProblem(fields, object, open) {
    var name;
    for (name in fields) {
      if (!Object.prototype.hasOwnProperty.call(fields, name)) continue;
      var field = fields[name];
      var present = Object.prototype.hasOwnProperty.call(object, name) && object[name] !== undefined;
      if (!present || object[name] === null) {
        if (field.required) return name + ' is missing';
        if (present && !field.nullable) return name + ' cannot be empty (null)';
        continue;
      }
      var wrong = problem(field, object[name]);
      if (wrong) return name + nested(wrong);
    }
    if (!open) {
      for (name in object) {
        if (!Object.prototype.hasOwnProperty.call(object, name)) continue;
        if (name.charAt(0) === '_' || name === RULES.typeField) continue;
        if (!Object.prototype.hasOwnProperty.call(fields, name)) return name + ' is not a field of this document';
      }
    }
    return null;
  }

  var wrongField = fieldsProblem(type.fields, newDoc, false);
  if (wrongField) refuse(typeName + '.' + wrongField);
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
