/**
 * The app and the bridge serve the page with a fresh nonce (core/renderer-serving.ts) and a CSP that admits only
 * <style> elements carrying it. antd's CSS-in-JS takes it through ConfigProvider's `csp`, but a few helpers
 * underneath (the modal's scroll lock, the scrollbar measure in @rc-component/util) create <style> elements
 * without asking for one. So every <style> created by the page's own scripts is stamped here: scripts are
 * 'self' only, and any of them could read the nonce anyway. What the nonce keeps out is markup: a <style>
 * parsed from a string (a hostile note rendered as HTML) never passes through createElement.
 * A page opened without the handler has no nonce, and its meta CSP lets styles in.
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
