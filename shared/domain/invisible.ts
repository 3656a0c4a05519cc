/**
 * Characters that render as nothing (Unicode's Default_Ignorable_Code_Point: zero-width space, joiner and
 * non-joiner, word joiner, BOM, bidi marks, soft hyphen, variation selectors). Text pasted from a chat app or a
 * web page carries them unseen, so two texts that look the same differ. Where text is compared (search, order
 * numbers) they are dropped on both sides; what is kept and shown stays as typed.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** `text` without the characters that render as nothing. */
export function dropInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
