/** Text panels with hostile markdown: no handler, no script, no link or image with a refused URL. */
import { expect } from 'chai';
import type { PromPanel } from './panel.component.js';
import './panel.js';

type Flagged = Window & { __promkitXss?: number };

const HOSTILE = [
  '[tab entity](java&#x09;script:window.__promkitXss=1)',
  '[tab](java\tscript:window.__promkitXss=2)',
  '[newline entity](java&#x0A;script:window.__promkitXss=3)',
  '[ftp](ftp://example.com/file) [tel](tel:+15550100)',
  '<a href="javascript:window.__promkitXss=4">a</a>',
  '<a href=" JAVASCRIPT:window.__promkitXss=5">b</a>',
  '<a href="java&#x09;script:window.__promkitXss=6">c</a>',
  '<a href="tel:+15550100">tel</a> <a href="xmpp:x@example.com">xmpp</a> <a href="cid:x">cid</a>',
  '<a href="data:text/html,&lt;script&gt;window.opener.__promkitXss=7&lt;/script&gt;">data</a>',
  '<img src=x onerror="window.__promkitXss=8">',
  '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__promkitXss=9">',
  '<img src="/promkit-missing.png" srcset="javascript:x 1x, /promkit-missing-2x.png 2x">',
  '<svg onload="window.__promkitXss=10"><a xlink:href="javascript:window.__promkitXss=11"><text>s</text></a></svg>',
  '<iframe srcdoc="&lt;script&gt;parent.__promkitXss=12&lt;/script&gt;"></iframe>',
  '"><script>window.__promkitXss=13</script>',
  '<details open ontoggle="window.__promkitXss=14">d</details>',
  '<a href="https://example.com/new" target="_blank">new tab</a>',
  '<a href="https://example.com/top" target="_top">top</a>',
  '[ok](https://prometheus.io/docs/) [mail](mailto:oncall@example.com) [rel](/targets)',
].join('\n\n');

/** Every element in the panel's shadow root, nested shadow roots included. */
function allElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? allElements(el.shadowRoot) : [])]);
}

/** The scheme a browser uses for this attribute value. */
function schemeOf(value: string): string {
  return new URL(value, document.baseURI).protocol;
}

async function textPanel(content: string): Promise<PromPanel> {
  const el = document.createElement('prom-panel');
  el.spec = { id: 1, type: 'text', title: 'Notes', gridPos: { x: 0, y: 0, w: 12, h: 8 }, options: { content } };
  document.body.append(el);
  await el.updateComplete;
  // Give images time to load or fail, so an onerror/onload handler that survived would have run.
  const settled = (img: HTMLImageElement) =>
    img.complete ? undefined : new Promise((resolve) => ['load', 'error'].forEach((type) => img.addEventListener(type, resolve, { once: true })));
  await Promise.all([...el.shadowRoot!.querySelectorAll('img')].map(settled));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return el;
}

describe('text panel markdown with hostile content', () => {
  let el: PromPanel;
  before(async () => {
    el = await textPanel(HOSTILE);
  });
  after(() => el.remove());

  it('keeps the harmless parts', () => {
    const links = [...el.shadowRoot!.querySelectorAll('.markdown a[href]')].map((a) => a.getAttribute('href'));
    expect(links).to.include.members(['https://prometheus.io/docs/', 'mailto:oncall@example.com', '/targets', 'https://example.com/new', 'https://example.com/top']);
    expect(el.shadowRoot!.querySelector('.markdown img[src="/promkit-missing.png"]')).to.not.equal(null);
  });

  it('no element has an event handler attribute', () => {
    const handlers = allElements(el.shadowRoot!).flatMap((e) => e.getAttributeNames().filter((n) => n.toLowerCase().startsWith('on')).map((n) => `${e.localName}[${n}]`));
    expect(handlers).to.deep.equal([]);
  });

  it('no script, iframe, svg, object or embed exists', () => {
    expect(allElements(el.shadowRoot!).map((e) => e.localName).filter((n) => ['script', 'iframe', 'svg', 'object', 'embed', 'style', 'form'].includes(n))).to.deep.equal([]);
  });

  it('every href, src and xlink:href is http(s), mailto or relative; srcset is gone', () => {
    const refused = allElements(el.shadowRoot!).flatMap((e) =>
      ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster'].flatMap((name) => {
        const value = e.getAttribute(name);
        return value !== null && !['http:', 'https:', 'mailto:'].includes(schemeOf(value)) ? [`${e.localName}[${name}=${JSON.stringify(value)}]`] : [];
      }),
    );
    expect(refused).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[srcset]')).to.equal(null);
  });

  it('a link to a new tab gets rel="noopener noreferrer"; other targets are removed', () => {
    const blank = el.shadowRoot!.querySelector('.markdown a[href="https://example.com/new"]')!;
    expect([blank.getAttribute('target'), blank.getAttribute('rel')]).to.deep.equal(['_blank', 'noopener noreferrer']);
    expect(el.shadowRoot!.querySelector('.markdown a[href="https://example.com/top"]')!.hasAttribute('target')).to.equal(false);
  });

  it('no payload ran', () => {
    expect((window as Flagged).__promkitXss).to.equal(undefined);
  });
});
