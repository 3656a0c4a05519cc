import i18next, { type TFunction } from 'i18next';
import { resources } from '../../renderer/i18n/resources';

/** The languages the command line refuses in: the app's two. */
export type CliLanguage = 'zh-CN' | 'en';

/**
 * Something said to the user, not yet in a language: a refusal is made where the input is checked, and only
 * the line printed on stderr knows whom it is for (--lang, the workspace's setting, the system's locale).
 */
export type Said = (language: CliLanguage) => string;

type Values = Record<string, string | number | Said>;

const translators = new Map<CliLanguage, TFunction>();

/**
 * i18next over the screens' resources, one instance per language, made the first time a refusal is said: a
 * command that succeeds never pays for it.
 */
function translator(language: CliLanguage): TFunction {
  const known = translators.get(language);
  if (known) return known;
  const i18n = i18next.createInstance();
  const byNamespace = Object.fromEntries(Object.entries(resources).map(([namespace, both]) => [namespace, both[language]]));
  void i18n.init({ resources: { [language]: byNamespace }, lng: language, fallbackLng: false, ns: Object.keys(resources), defaultNS: 'cli', initAsync: false, interpolation: { escapeValue: false }, returnNull: false });
  translators.set(language, i18n.t);
  return i18n.t;
}

/** A sentence of the resources (`cli:usage.required`, `errors:issue.invalid_amount`), its values said in the same language. */
export function say(key: string, values: Values = {}): Said {
  return (language) => {
    const spoken = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'function' ? value(language) : value]));
    return String(translator(language)(key, spoken));
  };
}

/** Words that read the same in either language: a flag's name, a path. */
export const verbatim =
  (text: string): Said =>
  () =>
    text;

/** A label that may be plain (a flag, the same in both languages) or said. */
export const spoken = (label: string | Said, language: CliLanguage): string => (typeof label === 'function' ? label(language) : label);

const sayings = new WeakMap<object, Said>();

/** Gives an error thrown with its English message what it says in every language (read back by saidOf). */
export function sayAs<E extends object>(error: E, said: Said): E {
  sayings.set(error, said);
  return error;
}

/** What an error says in every language, when it was given that (sayAs); undefined for any other. */
export const saidOf = (error: unknown): Said | undefined => (typeof error === 'object' && error !== null ? sayings.get(error) : undefined);

/** Words of the resources said in one language: how a command's lines for people are written (Command.human). */
export type Words = ((key: string, values?: Values) => string) & { language: CliLanguage };

/**
 * Words as the screens' wording functions take them (an i18next `t`), so a line for people can say a thing as its
 * screen does (Today's reasons).
 */
export const asTranslator = (w: Words): TFunction => ((key: string, values?: Values) => w(key, values)) as unknown as TFunction;

/** The command line's words in `language`; its i18next instance is made at the first word, so --json never pays for it. */
export function wordsIn(language: CliLanguage): Words {
  return Object.assign((key: string, values: Values = {}) => say(key, values)(language), { language });
}

/** A count with its noun in `w`'s language ("1 customer", "2 orders", "3 位客户"), for sentences that name several. */
export const counted = (w: Words, noun: 'customers' | 'orders' | 'followUps' | 'contacts', count: number): string => w(`cli:out.counted.${noun}`, { count });

/** What a merge moved (or moved back), each count with its noun. */
export const movedCounts = (w: Words, moved: { orders: number; followUps: number; contacts: number }) => ({
  orders: counted(w, 'orders', moved.orders),
  followUps: counted(w, 'followUps', moved.followUps),
  contacts: counted(w, 'contacts', moved.contacts),
});
