import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from './render-markdown.js';

describe('renderMarkdown', () => {
  it('renders GFM emphasis, lists, code and tables', () => {
    const html = renderMarkdown(
      '**bold** _em_ ~~gone~~ `x<y`\n\n- one\n- two\n\n| a | b |\n|:--|--:|\n| 1 | 2 |',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<code>x&lt;y</code>');
    expect(html).toContain('<ul>\n<li>one</li>');
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<td align="right">2</td>');
  });

  it('demotes h1 and h2 below the page headings', () => {
    expect(renderMarkdown('# One\n\n## Two\n\n### Three')).toBe(
      '<h3>One</h3>\n<h4>Two</h4>\n<h3>Three</h3>\n',
    );
  });

  it('marks http, https and mailto links as untrusted', () => {
    const html = renderMarkdown('[a](https://example.org/?q=1&r=2) [b](http://x.test) [c](mailto:a@b.test)');
    expect(html).toContain(
      '<a href="https://example.org/?q=1&amp;r=2" rel="nofollow noopener noreferrer ugc">a</a>',
    );
    expect(html).toContain('<a href="http://x.test" rel="nofollow noopener noreferrer ugc">b</a>');
    expect(html).toContain('<a href="mailto:a@b.test" rel="nofollow noopener noreferrer ugc">c</a>');
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](/relative/path)',
    '[x](//evil.test/)',
  ])('unwraps a link with a refused href: %s', (markdown) => {
    expect(renderMarkdown(markdown)).toBe('<p>x</p>\n');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.test"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    'text <b onmouseover="alert(1)">hover</b>',
    '<style>body{display:none}</style>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<scr<script>ipt>alert(1)</script>',
  ])('lets no raw HTML through: %s', (markdown) => {
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/<(?!\/?p>)[a-z]/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
  });

  it('shows raw HTML as the text the issuer typed', () => {
    expect(renderMarkdown('a <b>b</b>')).toBe('<p>a &lt;b&gt;b&lt;/b&gt;</p>\n');
  });

  it('replaces images by their alt text so that no external resource is fetched', () => {
    const html = renderMarkdown('![Team <photo>](https://tracker.test/pixel.png)');
    expect(html).toBe('<p>Team &lt;photo&gt;</p>\n');
  });

  it('renders a phrase inline, without a paragraph, and as safely', () => {
    expect(renderInlineMarkdown('a `code` and *stress*')).toBe('a <code>code</code> and <em>stress</em>');
    expect(renderInlineMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1))')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; x',
    );
  });
});
