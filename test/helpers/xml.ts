/**
 * A strict XML 1.0 reader for tests: the bytes must be UTF-8, and the document well formed down
 * to every character (saxes rejects what XML cannot carry, which lenient parsers let through).
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** the text directly inside the element, character references and CDATA resolved */
  text: string;
}

/** The text as UTF-8 bytes decodes back to the same text: no lone surrogate was written. */
export function isUtf8RoundTrip(text: string): boolean {
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'utf8')) === text;
}

/** Parses an XML document, throwing on the first well-formedness error. */
export function parseXmlStrict(text: string): XmlElement {
  if (!isUtf8RoundTrip(text)) throw new Error('the document is not valid UTF-8 once encoded (a lone surrogate)');
  const parser = new SaxesParser({ xmlns: false });
  const errors: string[] = [];
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const top = (): XmlElement => stack[stack.length - 1] as XmlElement;
  parser.on('error', (e) => errors.push(e.message));
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    top().children.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (t) => {
    top().text += t;
  });
  parser.on('cdata', (t) => {
    top().text += t;
  });
  parser.write(text).close();
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  const [element, ...rest] = root.children;
  if (element === undefined || rest.length > 0) throw new Error('not one root element');
  return element;
}

/** Every element below `element` (itself included) with this name, in document order. */
export function elements(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement): void => {
    if (e.name === name) out.push(e);
    e.children.forEach(visit);
  };
  visit(element);
  return out;
}
