/**
 * Characters that show nothing and mean nothing in a name or a note, anywhere in it: the zero-width space, the
 * word joiner and a stray byte-order mark, which text pasted from web pages and chat apps carries. A name of
 * nothing but these looked blank and was taken; one with a trailing one was a second "王小明" search could not tell.
 * The direction marks and controls too (U+200E/F, U+202A–E, U+2066–9), which WhatsApp and right-to-left pages put
 * around what is copied from them: the bidirectional algorithm orders a name without them, and an override kept in
 * one turns around whatever is shown after it.
 */
const INVISIBLE = /[\u200B\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Whitespace and the joiners (which matter between letters of some scripts, and in emoji) at either end. */
const EDGES = /^[\s\u200C\u200D]+|[\s\u200C\u200D]+$/g;

/** Text as typed or pasted, without invisible characters and without whitespace at its ends. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(EDGES, '');
}

/** Nothing but whitespace and the characters above: a test that stops at the first visible character (an import's hot path). */
const BLANK = /^[\s\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]*$/;

/** True when `text` shows nothing: what cleanText leaves of it is empty. */
export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}
