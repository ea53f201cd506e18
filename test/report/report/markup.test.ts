import { describe, expect, it } from 'vitest';
import { html, join, Markup, trusted } from '../../../src/report/report/markup.js';

describe('html template tag', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const value = `<b title="x">Tom & 'Jerry'</b>`;
    expect(html`<p title="${value}">${value}</p>`.text).toBe(
      '<p title="&lt;b title=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/b&gt;">&lt;b title=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/b&gt;</p>',
    );
  });

  it('inserts markup it made as it is, and lists of parts in order', () => {
    const item = (s: string) => html`<li>${s}</li>`;
    expect(html`<ul>${['a<', 'b&'].map(item)}</ul>`.text).toBe('<ul><li>a&lt;</li><li>b&amp;</li></ul>');
    expect(html`${html`<i>${'<'}</i>`}`.text).toBe('<i>&lt;</i>');
  });

  it('writes numbers as they are and nothing for undefined, null and false', () => {
    expect(html`${1.5}|${0}|${undefined}|${null}|${false}`.text).toBe('1.5|0|||');
  });

  it('joins with an escaped separator, and lets only trusted constants through raw', () => {
    expect(join(['a', html`<br>`, 'b'], ' & ').text).toBe('a &amp; <br> &amp; b');
    expect(trusted('p > a { color: red }')).toBeInstanceOf(Markup);
    expect(html`<style>${trusted('p > a {}')}</style>`.text).toBe('<style>p > a {}</style>');
  });
});
