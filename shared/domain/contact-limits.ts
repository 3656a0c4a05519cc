/**
 * How long a contact may be, wherever one is entered (the form, the contract, an import). An email address may be
 * 254 characters (RFC 5321's path limit less its angle brackets), longer than any phone number or WeChat ID, so it has
 * a limit of its own; every other kind keeps 120.
 */
export const CONTACT_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;

export function contactMaxLength(kind: string): number {
  return kind === 'email' ? EMAIL_MAX_LENGTH : CONTACT_MAX_LENGTH;
}
