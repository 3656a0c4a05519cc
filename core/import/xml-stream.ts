import { SaxesParser } from 'saxes';
import type yauzl from 'yauzl';
import { ImportError } from '../../shared/import/errors';
import { unreadable, type ZipParts } from './zip-parts';

export interface XmlHandlers {
  /** `name` is the local name: SpreadsheetML may be written with a prefix ("x:row"). */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Feeds one zip part through saxes as it inflates; handlers see tags and text and may throw an
 * ImportError to stop reading. saxes does not expand entities declared in a DTD, so the "billion
 * laughs" trick has nothing to grow.
 */
export async function streamXml(parts: ZipParts, entry: yauzl.Entry, handlers: XmlHandlers, limit?: number): Promise<void> {
  const parser = new SaxesParser({ xmlns: false });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    await parts.readText(entry, (text) => void parser.write(text), limit);
    parser.close();
  } catch (error) {
    throw error instanceof ImportError ? error : unreadable(error);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
