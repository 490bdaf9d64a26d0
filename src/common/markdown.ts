import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Markdown for text people write (an assignment's brief): raw HTML is shown as text, images are off (the
 * page's CSP would block outside ones anyway), links only to http(s) and mailto, each opened without
 * handing the page over (`noopener`) and without vouching for the target (`nofollow`).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.disable('image');
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx].attrSet('rel', 'noopener nofollow');
  return self.renderToken(tokens, idx, options);
};

/** Safe HTML from Markdown; the only output a view may triple-stash. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
