/**
 * Markdown for text panels: rendered by marked, then sanitised by DOMPurify (no scripts, no
 * handlers, no styles; links and images only with http(s), mailto or relative URLs) straight into
 * DOM nodes, so no HTML string is ever assigned anywhere (strict CSP with Trusted Types:
 * DOMPurify parses through its own `dompurify` policy).
 */
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { marked } from 'marked';
import { safeUrl } from '@promkit/core';

/** Attributes whose value is a URL the browser follows or fetches. */
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'cite', 'background'];
let purifier: Purifier | undefined;

/**
 * promkit's own DOMPurify instance (its hooks never touch a host's use of DOMPurify): links and
 * images keep only URLs core's `safeUrl` accepts (http(s), mailto, relative), and a link that
 * opens a new tab gets `rel="noopener noreferrer"`; any other `target` is removed.
 */
function purify(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== null && safeUrl(value) === undefined) node.removeAttribute(name);
    }
    const target = node.getAttribute('target');
    if (target === '_blank') node.setAttribute('rel', 'noopener noreferrer');
    else if (target !== null) node.removeAttribute('target');
  });
  return purifier;
}

/** The markdown as sanitised DOM, in a `div`. */
export function renderMarkdown(source: string): HTMLElement {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false });
  const fragment = purify().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button'],
    FORBID_ATTR: ['style', 'srcset'],
    ADD_ATTR: ['target'],
    RETURN_DOM_FRAGMENT: true,
  });
  const root = document.createElement('div');
  root.append(fragment);
  return root;
}
