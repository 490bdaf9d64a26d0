import { renderMarkdown } from './markdown';

describe('safe Markdown', () => {
  it('renders ordinary formatting and lists', () => {
    expect(renderMarkdown('**Uzdevums**: apraksts\n\n- viens\n- divi')).toBe(
      '<p><strong>Uzdevums</strong>: apraksts</p>\n<ul>\n<li>viens</li>\n<li>divi</li>\n</ul>\n',
    );
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:x">a</a>');
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toContain('&lt;script&gt;');
  });

  it('links only to http(s) and mailto, with noopener nofollow', () => {
    expect(renderMarkdown('[lapa](https://daugavpils.lv)')).toBe(
      '<p><a href="https://daugavpils.lv" rel="noopener nofollow">lapa</a></p>\n',
    );
    expect(renderMarkdown('[pasts](mailto:projekti@daugavpils.lv)')).toContain(
      'href="mailto:projekti@daugavpils.lv" rel="noopener nofollow"',
    );
    expect(renderMarkdown('http://example.lv/x')).toContain('<a href="http://example.lv/x" rel="noopener nofollow">');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example/x',
    ]) {
      expect(renderMarkdown(`[x](${bad})`)).not.toContain('<a');
    }
  });

  it('renders no images', () => {
    expect(renderMarkdown('![attēls](https://example.lv/a.png)')).not.toContain('<img');
  });
});
