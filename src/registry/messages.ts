/**
 * Findings are a message id and its data; the sentence and the hint are made from them here,
 * from the templates each rule declares (ESLint's `meta.messages`), and nowhere else. A template
 * is text with `{{name}}` placeholders, or a function of the data where the words depend on it
 * (a plural, a list); the placeholders a template names are the data it must be given.
 */
import type { MessageData, MessageValue } from '../model/diagnostic.js';

// The data of a function template is whatever that function declares.
type Template = string | ((data: any) => string);

export interface MessageSpec {
  message: Template;
  hint?: Template;
}

/** A rule's messages, by message id. */
export type Messages = Readonly<Record<string, MessageSpec>>;

type Names<T extends string> = T extends `${string}{{${infer N}}}${infer R}` ? N | Names<R> : never;
type TemplateData<T> = T extends string ? { readonly [K in Names<T>]: MessageValue } : T extends (data: infer D) => string ? D : unknown;
/** The data a message needs: every placeholder of its sentence and of its hint. */
export type DataOf<S> = (S extends { message: infer M } ? TemplateData<M> : unknown) & (S extends { hint: infer H } ? TemplateData<H> : unknown);

/** What a finding says: its id and data, and the sentence and hint made from them. */
export interface Said {
  messageId: string;
  data: MessageData;
  message: string;
  hint?: string;
}

/** A template filled from its data. */
export function fill(template: Template, data: MessageData): string {
  if (typeof template === 'function') return template(data);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = data[name];
    // the types make every placeholder a key of the data; a miss is a bug, not a user's problem
    if (value === undefined) throw new Error(`message data lacks "${name}" for "${template}"`);
    return typeof value === 'object' ? value.join(', ') : String(value);
  });
}

/** The message `messageId` of `messages`, filled from `data`. */
export function say<M extends Messages, K extends keyof M & string>(messages: M, messageId: K, data: DataOf<M[K]> & MessageData): Said {
  const spec = messages[messageId] as MessageSpec;
  const said: Said = { messageId, data, message: fill(spec.message, data) };
  if (spec.hint !== undefined) {
    const hint = fill(spec.hint, data);
    if (hint !== '') said.hint = hint;
  }
  return said;
}
