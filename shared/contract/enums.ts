/** The fixed vocabularies of the data model. Labels live in the renderer's translations, keyed by these values. */
export const CUSTOMER_TYPES = ['individual', 'enterprise', 'government', 'distributor', 'internal'] as const;
export const LOCALITIES = ['local', 'non_local', 'overseas'] as const;
export const NEEDS = ['product', 'service', 'solution'] as const;
export const MANUAL_LEVELS = ['A', 'B', 'C'] as const;
export const CONTACT_KINDS = ['phone', 'email', 'wechat', 'whatsapp'] as const;
export const FOLLOW_UP_CHANNELS = ['call', 'visit', 'wechat', 'whatsapp', 'email', 'meeting', 'other'] as const;
export const INTENTS = ['interested', 'hesitant', 'not_now', 'never'] as const;
export const LANGUAGES = ['zh-CN', 'en'] as const;
/** Shipped defaults for the editable list of sources; users add their own in Settings. */
export const DEFAULT_SOURCES = ['walk_in', 'referral', 'trade_fair', 'b2b_platform', 'website', 'wechat', 'cold_call', 'other'] as const;

export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type Locality = (typeof LOCALITIES)[number];
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];
export type Intent = (typeof INTENTS)[number];
export type Language = (typeof LANGUAGES)[number];
