/**
 * What happens to a link the page asks the operating system to open. The renderer may be shown text from
 * strangers (imported files, notes), so a link is treated as untrusted: only web pages and e-mail ever
 * leave the app, and a web page on a host we do not know is opened only after the user says yes.
 */
export type ExternalLinkDecision = 'open' | 'confirm' | 'refuse';

/**
 * Hosts opened without asking, each for a reason the app itself gives: a customer's WhatsApp chat is
 * linked as wa.me/<number>, which forwards to api.whatsapp.com. Kept short on purpose: every entry is a
 * place a hostile note could send the user without a question.
 */
export const TRUSTED_LINK_HOSTS: readonly string[] = ['wa.me', 'api.whatsapp.com'];

/**
 * mailto: opens a draft the user still has to send; tel: and every other scheme (file:, smb:, custom
 * app handlers) are refused, as is http: (no reason to leave TLS) and any URL with a user name in it
 * (https://wa.me@evil.example looks like one host and is another).
 */
export function externalLinkDecision(url: string): ExternalLinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'refuse';
  }
  if (parsed.protocol === 'mailto:') return 'open';
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return 'refuse';
  return parsed.port === '' && TRUSTED_LINK_HOSTS.includes(parsed.hostname) ? 'open' : 'confirm';
}
