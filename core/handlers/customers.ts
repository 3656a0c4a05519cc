import { AppError, notFound, type ParsedInputOf } from '../../shared/contract';
import { deriveLocality } from '../../shared/domain/locality';
import { inferPlace } from '../../shared/domain/place';
import { normalizeQuery } from '../../shared/domain/pinyin';
import * as repo from '../../db/repos/customers';
import { toCustomer } from '../../db/repos/rows';
import { readSettings } from '../../db/repos/settings';
import type { HandlerContext } from '../context';
import { timeZonesOf } from '../customer-time-zones';
import { newId } from '../ids';
import { listByClass } from '../segmentation/class-list';
import { withClasses } from '../segmentation/row-classes';
import { buildSearchText, buildSortName } from '../search-text';
import { normalizeContacts } from './contacts';
import type { BulkChannel } from './customers-bulk';
import type { MergeChannel } from './merges';
import type { HandlerMap } from './types';

type CustomerInput = ParsedInputOf<'customers:create'>;

function loadCustomer(ctx: HandlerContext, id: string) {
  const row = repo.findCustomer(ctx.db, id);
  if (!row) throw notFound('customer', id);
  return toCustomer(row, repo.liveContactsOf(ctx.db, id));
}

/** Input → the columns stored for it; contacts normalised and the search text rebuilt with them. */
/**
 * The stored columns of a customer. A new customer's missing country (and the province of a known city)
 * is inferred from the province/city names or the phone, as the form shows while typing; an edit keeps
 * what the user left, even blank.
 */
function toRecord(ctx: HandlerContext, given: CustomerInput, infer: boolean) {
  const settings = readSettings(ctx.db);
  // A number written without its country code is the customer's country's (an exporter's British client's
  // 07700 900123 is +44, not +86); the business's own country only when the customer has none.
  const contacts = normalizeContacts(given.contacts, given.country ?? settings.homeCountry);
  const place = infer ? inferPlace(given, contacts.filter((c) => c.kind === 'phone' || c.kind === 'whatsapp').map((c) => c.value)) : given;
  const input = { ...given, country: place.country, region: place.region };
  const locality = input.localityOverride ?? deriveLocality(input, settings);
  const record = {
    name: input.name,
    company: input.company,
    type: input.type,
    industry: input.industry,
    country: input.country,
    region: input.region,
    city: input.city,
    locality,
    localityManual: input.localityOverride !== null,
    sizeBand: input.sizeBand,
    incomeBand: input.incomeBand,
    needs: input.needs,
    tags: JSON.stringify([...new Set(input.tags)]),
    owner: input.owner,
    source: input.source,
    manualLevel: input.manualLevel,
    notes: input.notes,
    searchText: buildSearchText(input, contacts),
    sortName: buildSortName(input),
  };
  return { record, contacts };
}

export function customerHandlers(ctx: HandlerContext): Omit<HandlerMap<'customers'>, MergeChannel | BulkChannel> {
  const { db } = ctx;
  const setDeleted = (id: string, deleted: boolean) => {
    const row = repo.findCustomer(db, id);
    if (!row) throw notFound('customer', id);
    // Asked again (a second click, a script run twice): nothing changes. Writing would move the time the customer
    // went to the trash and send the team an edit nobody made.
    if ((row.deletedAt !== null) === deleted) return loadCustomer(ctx, id);
    const now = ctx.clock.now().toISOString();
    repo.updateCustomerRecord(db, id, { deletedAt: deleted ? now : null, updatedAt: now });
    return loadCustomer(ctx, id);
  };

  return {
    'customers:list': async (parsed) => {
      const input = { ...parsed, today: ctx.clock.today() };
      const searchKey = normalizeQuery(input.search);
      const { total, rows } =
        input.classFilter || input.sort.field === 'tier' ? await listByClass(ctx, input, searchKey) : repo.listCustomers(db, input, searchKey);
      return { total, rows: await withClasses(ctx, rows, input.schemes) };
    },

    'customers:get': ({ id }) => loadCustomer(ctx, id),

    'customers:timeZone': async ({ id }) => {
      const row = repo.findCustomer(db, id);
      if (!row) throw notFound('customer', id);
      const [timeZone] = await timeZonesOf([row]);
      return { timeZone: timeZone ?? null };
    },

    'customers:create': (input) =>
      db.transaction(() => {
        const { record, contacts } = toRecord(ctx, input, true);
        const duplicates = repo.findContactMatches(db, contacts);
        const now = ctx.clock.now().toISOString();
        const id = newId();
        repo.insertCustomer(db, { id, createdAt: now, updatedAt: now, ...record });
        repo.replaceContacts(db, id, contacts, now, newId);
        return { customer: loadCustomer(ctx, id), duplicates };
      }),

    'customers:update': ({ id, customer }) =>
      db.transaction(() => {
        if (!repo.findCustomer(db, id)) throw notFound('customer', id);
        const { record, contacts } = toRecord(ctx, customer, false);
        const duplicates = repo.findContactMatches(db, contacts, id);
        const now = ctx.clock.now().toISOString();
        repo.updateCustomerRecord(db, id, { ...record, updatedAt: now });
        repo.replaceContacts(db, id, contacts, now, newId);
        return { customer: loadCustomer(ctx, id), duplicates };
      }),

    'customers:checkDuplicates': ({ contacts, excludeId, country }) => {
      const settings = readSettings(db);
      const phoneCountry = country ?? settings.homeCountry;
      // Half-typed values are not errors here: check only what already normalises.
      const usable = contacts.flatMap((c) => {
        try {
          return normalizeContacts([c], phoneCountry);
        } catch (error) {
          if (error instanceof AppError) return [];
          throw error;
        }
      });
      return { duplicates: repo.findContactMatches(db, usable, excludeId) };
    },

    'customers:archive': ({ id, archived }) => {
      const row = repo.findCustomer(db, id);
      if (!row) throw notFound('customer', id);
      // Archived again, or brought back while active: the first archiving's time stands, and nothing is written.
      if ((row.archivedAt !== null) === archived) return loadCustomer(ctx, id);
      const now = ctx.clock.now().toISOString();
      repo.updateCustomerRecord(db, id, { archivedAt: archived ? now : null, updatedAt: now });
      return loadCustomer(ctx, id);
    },

    'customers:delete': ({ id }) => setDeleted(id, true),
    'customers:restore': ({ id }) => setDeleted(id, false),

    'customers:facets': () => ({ ...repo.customerFacets(db), sources: readSettings(db).sources }),
  };
}
