/** A LIKE pattern (with ESCAPE '\') that finds `text` anywhere: its own %, _ and \ escaped. */
export const likeContaining = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
