/**
 * Comparison keys for text typed by people: full-width forms folded to ASCII (NFKC turns "ＡＢＣ１２３"
 * into "ABC123" and "￥" into "¥"), case ignored, spaces and punctuation dropped, so "E-mail",
 * "e mail" and "Ｅｍａｉｌ：" all meet at "email".
 */
export function foldKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}_]+/gu, '');
}

/** Like foldKey but keeps symbols ($ € ¥ ★), which carry meaning in values such as amounts and ratings. */
export function foldValue(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
}

/** Removes bracketed parts — "金额（元）" → "金额", "Amount (USD)" → "Amount" — and returns them too. */
export function splitBrackets(text: string): { outside: string; inside: string } {
  const normalized = text.normalize('NFKC');
  const inside: string[] = [];
  const outside = normalized.replace(/[([{【〔]([^)\]}】〕]*)[)\]}】〕]/g, (_, inner: string) => {
    inside.push(inner);
    return ' ';
  });
  return { outside, inside: inside.join(' ') };
}
