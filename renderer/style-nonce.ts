/**
 * The desktop app serves the page with a fresh nonce (electron/app-protocol.ts) and a CSP that admits only
 * <style> elements carrying it. antd's CSS-in-JS takes it through ConfigProvider's `csp`, but a few helpers
 * underneath (the modal's scroll lock, the scrollbar measure in @rc-component/util) create <style> elements
 * without asking for one. So every <style> created by the page's own scripts is stamped here: scripts are
 * 'self' only, and any of them could read the nonce anyway. What the nonce keeps out is markup: a <style>
 * parsed from a string (a hostile note rendered as HTML) never passes through createElement.
 * In browser mode there is no nonce, and the page's meta CSP lets styles in as it always did.
 */
export const styleNonce: string | undefined = document.querySelector<HTMLMetaElement>('meta[name="tierbook-style-nonce"]')?.content || undefined;

if (styleNonce) {
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function createElement(this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = Reflect.apply(create, this, [tagName, options]) as HTMLElement;
    if (element instanceof HTMLStyleElement) element.nonce = styleNonce;
    return element;
  } as typeof create;
}
