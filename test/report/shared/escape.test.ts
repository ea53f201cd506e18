import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTerminal, escapeTerminalData, forTerminal } from '../../../src/report/shared/escape.js';
import { RAW_CONTROL } from '../terminal-hostile.js';

describe('escapeTerminal', () => {
  it.each([
    ['\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['\u001b[2J\u001b[H', '\\x1b[2J\\x1b[H'],
    ['\u001b]52;c;ZXZpbA==\u0007', '\\x1b]52;c;ZXZpbA==\\x07'],
    ['a\u009b31mb', 'a\\x9b31mb'],
    ['\u0085next', '\\x85next'],
    ['abc\u202edcba', 'abc\\u202edcba'],
    ['\u2066x\u2069', '\\u2066x\\u2069'],
    ['\u200e\u200f\u061c', '\\u200e\\u200f\\u061c'],
    ['tab\there\r', 'tab\\there\\r'],
    ['\u0000\u007f', '\\x00\\x7f'],
    ['two\nlines', 'two\nlines'],
    ['plain text, ünïcödé, 日本語, emoji 🎉', 'plain text, ünïcödé, 日本語, emoji 🎉'],
  ])('%j shows as %j', (raw, shown) => {
    expect(escapeTerminal(raw)).toBe(shown);
  });

  it('leaves no control character but the newline, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeTerminal(text)).not.toMatch(RAW_CONTROL);
      }),
    );
  });

  it('changes nothing in text without control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!RAW_CONTROL.test(text));
        expect(escapeTerminal(text)).toBe(text);
      }),
    );
  });
});

describe('escapeTerminalData', () => {
  it('escapes every string, key and Map key, keeping the shape and shared references', () => {
    const shared = { name: 'x\u001b' };
    const data = {
      list: ['a\u0007', 1, null, undefined, true],
      map: new Map([['k\u009b', { v: '\u202e' }]]),
      set: new Set(['s\u001b']),
      nested: { 'key\u001b': shared, again: shared },
    };
    const out = escapeTerminalData(data);
    expect(out.list).toEqual(['a\\x07', 1, null, undefined, true]);
    expect([...out.map]).toEqual([['k\\x9b', { v: '\\u202e' }]]);
    expect([...out.set]).toEqual(['s\\x1b']);
    expect(Object.keys(out.nested)).toEqual(['key\\x1b', 'again']);
    expect((out.nested as Record<string, unknown>)['key\\x1b']).toBe(out.nested.again);
    expect(data.list[0]).toBe('a\u0007');
  });

  it('keeps a key named __proto__ as a key, and class instances as they are', () => {
    const data = JSON.parse('{"__proto__": "x\\u001b", "other": 1}') as Record<string, unknown>;
    const out = escapeTerminalData({ data, regex: /a/u, when: new Date(0) });
    expect(Object.keys(out.data)).toEqual(['__proto__', 'other']);
    expect(Object.getPrototypeOf(out.data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out.data, '__proto__')?.value).toBe('x\\x1b');
    expect(out.regex).toBeInstanceOf(RegExp);
    expect(out.when).toBeInstanceOf(Date);
  });

  it('escapes only keys with keysOnly', () => {
    const out = escapeTerminalData(new Map([['f\u001b', ['\tline\u001b']]]), true);
    expect([...out]).toEqual([['f\\x1b', ['\tline\u001b']]]);
  });
});

describe('forTerminal', () => {
  it('formats an escaped copy, with the source-text fields escaped by the formatter itself', () => {
    const format = forTerminal((d: { title: string; lines: Map<string, string[]> }) => `${d.title}|${[...d.lines].flat(2).join('|')}`, ['lines']);
    expect(format({ title: 'T\u001b', lines: new Map([['f\u0007', ['raw\u001b']]]) })).toBe('T\\x1b|f\\x07|raw\u001b');
  });
});
