import Markdown, { type Components } from 'react-markdown';

/**
 * A note's Markdown, rendered safely: raw HTML in a note is dropped (`skipHtml`, and
 * rehype-raw is never used), links are shown as text with their address instead of being
 * clickable (nothing in a note can navigate the app or open a page), and images are shown
 * as their description (the renderer loads nothing remote).
 */
const components: Components = {
  a: ({ children, href }) => (
    <span className="markdown__link">
      {children}
      {href && String(children) !== href ? ` (${href})` : null}
    </span>
  ),
  img: ({ alt, src }) => (
    <span className="markdown__image">
      [{alt || ''}]{typeof src === 'string' && src ? ` (${src})` : null}
    </span>
  ),
};

export function MarkdownView({ text }: { text: string }) {
  return (
    <div className="markdown" data-testid="note-preview">
      <Markdown skipHtml components={components}>
        {text}
      </Markdown>
    </div>
  );
}
