import { z } from 'zod';
import { countrySchema, enumOf, idSchema, isoDateSchema, optionalText, requiredText, timestampsSchema } from './common';
import { boundedArray, MAX_FILTER_VALUES } from './limits';
import { CONTACT_KINDS, CUSTOMER_TYPES, LOCALITIES, MANUAL_LEVELS, NEEDS } from './enums';
import { refuseUnknownClass, schemeSchema } from './segmentation';
import { splitList } from '../import/parse-contact';
import { contactMaxLength, EMAIL_MAX_LENGTH } from '../domain/contact-limits';
import { customerTimeZoneSchema } from './time-zone';

/** Contacts of one customer, as the form and a duplicate check send them. */
const MAX_CONTACTS = 20;

export const contactInputSchema = z
  .object({
    kind: enumOf(CONTACT_KINDS),
    value: requiredText(EMAIL_MAX_LENGTH),
    label: optionalText(60),
  })
  // Only an email address may be as long as 254 characters; the other kinds keep their own limit. A value past 254 is
  // already refused above, so it is said once.
  .superRefine(({ kind, value }, ctx) => {
    // Counted in code points, as requiredText's max counts.
    const length = typeof value === 'string' ? [...value].length : 0;
    // Said with its length and limit, as a text past its schema's max is (core/dispatch.ts).
    const max = contactMaxLength(kind);
    if (length > max && length <= EMAIL_MAX_LENGTH) ctx.addIssue({ code: 'custom', path: ['value'], message: 'text_too_long', params: { length, max, over: length - max } });
  });

export const contactSchema = z.object({ id: z.string(), kind: enumOf(CONTACT_KINDS), value: z.string(), label: z.string().nullable() });

/** The most tags a customer carries: the profile form and the bulk "add tag" both stop here. */
export const MAX_CUSTOMER_TAGS = 50;

/**
 * A customer's tags, each split where the import splits a tags cell ("VIP；老客户", "a, b", "x|y"): a tag
 * holding a separator would come back from an export and re-import as two, so it is two from the start.
 */
const tagsSchema = z.preprocess(
  (tags) => (Array.isArray(tags) ? [...new Set(tags.flatMap((tag) => (typeof tag === 'string' ? splitList(tag) : [tag])))] : tags),
  boundedArray(requiredText(40), MAX_CUSTOMER_TAGS).default([]),
);

export const customerInputSchema = z.object({
  name: requiredText(120),
  company: optionalText(),
  type: enumOf(CUSTOMER_TYPES).default('individual'),
  industry: optionalText(80),
  country: countrySchema.nullish().transform((c) => c ?? null),
  region: optionalText(80),
  city: optionalText(80),
  /** null: derive from the business's home country and region. */
  localityOverride: enumOf(LOCALITIES).nullish().transform((l) => l ?? null),
  sizeBand: optionalText(40),
  incomeBand: optionalText(40),
  needs: enumOf(NEEDS).nullish().transform((n) => n ?? null),
  tags: tagsSchema,
  owner: optionalText(80),
  source: optionalText(60),
  manualLevel: enumOf(MANUAL_LEVELS).nullish().transform((l) => l ?? null),
  notes: optionalText(4000),
  contacts: boundedArray(contactInputSchema, MAX_CONTACTS).default([]),
});
export type CustomerInput = z.input<typeof customerInputSchema>;

export const customerSchema = z.object({
  ...timestampsSchema,
  name: z.string(),
  company: z.string().nullable(),
  type: enumOf(CUSTOMER_TYPES),
  industry: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  locality: enumOf(LOCALITIES).nullable(),
  localityManual: z.boolean(),
  sizeBand: z.string().nullable(),
  incomeBand: z.string().nullable(),
  needs: enumOf(NEEDS).nullable(),
  tags: z.array(z.string()),
  owner: z.string().nullable(),
  source: z.string().nullable(),
  manualLevel: enumOf(MANUAL_LEVELS).nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  contacts: z.array(contactSchema),
});
export type Customer = z.infer<typeof customerSchema>;

/** Another live customer who already has one of the contacts being entered. */
export const duplicateMatchSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  kind: enumOf(CONTACT_KINDS),
  value: z.string(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

/** One line of the customer list: the profile's listable fields plus the figures kept beside it. */
export const customerRowSchema = customerSchema
  .pick({
    id: true, name: true, company: true, type: true, industry: true, country: true, region: true, city: true, locality: true,
    tags: true, owner: true, source: true, manualLevel: true, createdAt: true, archivedAt: true, deletedAt: true,
  })
  .extend({
    phone: z.string().nullable(),
    wechat: z.string().nullable(),
    whatsapp: z.string().nullable(),
    email: z.string().nullable(),
    lastContactAt: z.string().nullable(),
    nextContactDate: z.string().nullable(),
    orderCount: z.number().int(),
    revenueBaseMinor: z.number().int(),
    /**
     * Today's class per requested scheme (`schemes` in the list input), keyed by scheme. `{}` when none was
     * requested; a scheme is absent for archived or deleted customers, who are in no class.
     */
    classes: z.record(z.string(), z.string()),
    /** The last recompute's purchase likelihood (0–100), P(alive), expected order value and CLV; null before one. */
    likelihood: z.number().int().min(0).max(100).nullable().optional(),
    pAlive: z.number().min(0).max(1).nullable().optional(),
    expectedValueMinor: z.number().int().min(0).nullable().optional(),
    clvMinor: z.number().int().min(0).nullable().optional(),
  });
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const CUSTOMER_SORT_FIELDS = ['name', 'company', 'type', 'country', 'city', 'owner', 'lastContactAt', 'nextContactDate', 'orderCount', 'revenueBaseMinor', 'createdAt', 'likelihood', 'pAlive', 'expectedValueMinor', 'clvMinor'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];
/** 'tier' sorts by the class's rank in `sort.scheme` (best first ascending); ties keep name order. */
export const CUSTOMER_LIST_SORTS = [...CUSTOMER_SORT_FIELDS, 'tier'] as const;
export const CUSTOMER_VIEWS = ['active', 'archived', 'trash'] as const;
export const PAYMENT_FILTERS = ['owes', 'overdue'] as const;

/** Only customers whose class today in `scheme` is one of `classes` (archived and deleted ones have none). */
export const classFilterSchema = z.object({
  scheme: schemeSchema,
  classes: z.array(z.string().min(1, 'required').max(200, 'too_long')).min(1, 'required').max(200, 'too_many'),
}).superRefine((filter, ctx) => refuseUnknownClass(filter.scheme, filter.classes, ctx, (k) => ['classes', k]));

export const customerListInputSchema = z.object({
  search: z.string().max(100, 'too_long').default(''),
  view: enumOf(CUSTOMER_VIEWS).default('active'),
  types: boundedArray(enumOf(CUSTOMER_TYPES), CUSTOMER_TYPES.length).default([]),
  localities: boundedArray(enumOf(LOCALITIES), LOCALITIES.length).default([]),
  countries: boundedArray(z.string().max(2, 'too_long'), MAX_FILTER_VALUES).default([]),
  tags: boundedArray(z.string().max(40, 'too_long'), MAX_FILTER_VALUES).default([]),
  owners: boundedArray(z.string().max(80, 'too_long'), MAX_FILTER_VALUES).default([]),
  sort: z
    .object({ field: enumOf(CUSTOMER_LIST_SORTS), desc: z.boolean(), scheme: schemeSchema.optional() })
    .refine((s) => s.field !== 'tier' || s.scheme !== undefined, { message: 'required', path: ['scheme'] })
    .default({ field: 'name', desc: false }),
  classFilter: classFilterSchema.optional(),
  /** 'owes': a sale still has a balance; 'overdue': such a balance is past its due date (before today). */
  payment: enumOf(PAYMENT_FILTERS).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(100),
  /**
   * Schemes whose class each row should carry (`rfm`, `pyramid`, …, `custom:<id>`). Empty by default so the
   * plain list never waits for a segmentation; a well-formed custom key of no live segment is refused by the handler.
   */
  schemes: boundedArray(schemeSchema, 40).default([]),
});
export type CustomerListInput = z.input<typeof customerListInputSchema>;

export const customersContract = {
  'customers:list': {
    input: customerListInputSchema,
    output: z.object({ total: z.number().int(), rows: z.array(customerRowSchema) }),
  },
  'customers:get': { input: z.object({ id: idSchema }), output: customerSchema },
  /** The customer's time zone, from their country, region and city (the file shows their local time by it). */
  'customers:timeZone': { input: z.object({ id: idSchema }), output: z.object({ timeZone: customerTimeZoneSchema }) },
  'customers:create': {
    input: customerInputSchema,
    output: z.object({ customer: customerSchema, duplicates: z.array(duplicateMatchSchema) }),
  },
  'customers:update': {
    input: z.object({ id: idSchema, customer: customerInputSchema }),
    output: z.object({ customer: customerSchema, duplicates: z.array(duplicateMatchSchema) }),
  },
  'customers:checkDuplicates': {
    /** country: the customer's, in whose country a phone without its country code is read (else the business's). */
    input: z.object({ contacts: boundedArray(contactInputSchema, MAX_CONTACTS), excludeId: idSchema.optional(), country: countrySchema.nullish() }),
    output: z.object({ duplicates: z.array(duplicateMatchSchema) }),
  },
  'customers:archive': { input: z.object({ id: idSchema, archived: z.boolean() }), output: customerSchema },
  'customers:delete': { input: z.object({ id: idSchema }), output: customerSchema },
  'customers:restore': { input: z.object({ id: idSchema }), output: customerSchema },
  'customers:facets': {
    input: z.object({}).default({}),
    output: z.object({ countries: z.array(z.string()), tags: z.array(z.string()), owners: z.array(z.string()), sources: z.array(z.string()) }),
  },
} as const;

export { isoDateSchema };
