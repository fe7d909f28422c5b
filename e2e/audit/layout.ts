import type { Page } from '@playwright/test';

export interface LayoutAuditOptions {
  /** Require touch-sized targets (the projects up to 768 px wide). */
  touch: boolean;
  /** The smallest acceptable target on touch screens, in CSS px (WCAG 2.5.5: 44). */
  minTarget?: number;
}

/**
 * Audits what is on screen now and returns human-readable problems (empty when all is well):
 *
 * - overflow: the document is wider than the viewport (names the elements that stick out);
 * - clipped: an element hides horizontal overflow while visible content of it is wider (ellipsis
 *   truncation of text, scroll containers and visually hidden text are fine; an inline-flex or
 *   inline-block box inside an ellipsis element is not: the ellipsis cannot shorten it, it is cut);
 * - target: on touch screens a visible interactive element is under `minTarget` × `minTarget` px
 *   (links inside running text are exempt: WCAG 2.5.8's inline exception);
 * - offscreen: a visible interactive element is not fully inside the viewport horizontally (unless it
 *   sits in a horizontal scroll container).
 *
 * Each problem names the element: tag, accessible name or text, a short path, and its box.
 */
export async function auditLayout(page: Page, options: LayoutAuditOptions): Promise<string[]> {
  const minTarget = options.minTarget ?? 44;
  return page.evaluate(
    ({ touch, minTarget }) => {
      const problems: string[] = [];
      const vw = document.documentElement.clientWidth;
      const TOLERANCE = 1;
      const INTERACTIVE = [
        'a[href]',
        'button',
        'input:not([type="hidden"])',
        'select',
        'textarea',
        'summary',
        '[role="button"]',
        '[role="link"]',
        '[role="tab"]',
        '[role="checkbox"]',
        '[role="radio"]',
        '[role="switch"]',
        '[role="menuitem"]',
        '[role="option"]',
        '[contenteditable="true"]',
      ].join(',');

      const round = (n: number) => Math.round(n * 10) / 10;
      const box = (r: DOMRect) => `${round(r.width)}x${round(r.height)} at (${round(r.left)}, ${round(r.top)})`;

      function nameOf(el: Element): string {
        const label = el.getAttribute('aria-label');
        if (label) return label;
        const labelledBy = el.getAttribute('aria-labelledby');
        if (labelledBy) {
          const text = labelledBy
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
            .trim();
          if (text) return text;
        }
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
          return el.labels?.[0]?.textContent?.trim() || el.placeholder || el.name || '';
        }
        return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      }

      function short(text: string, max = 60): string {
        return text.length > max ? `${text.slice(0, max - 1)}…` : text;
      }

      function selectorOf(el: Element): string {
        const parts: string[] = [];
        for (let node: Element | null = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
          let part = node.tagName.toLowerCase();
          if (node.id && !/^[«:]|^_r_/.test(node.id)) part += `#${node.id}`;
          const role = node.getAttribute('role');
          if (role) part += `[role=${role}]`;
          const label = node.getAttribute('aria-label');
          if (label && node !== el) part += `[aria-label="${short(label, 30)}"]`;
          const testId = node.getAttribute('data-testid');
          if (testId) part += `[data-testid=${testId}]`;
          const classes = [...node.classList].filter((c) => !c.includes(':') && !c.includes('[')).slice(0, 3);
          if (classes.length > 0 && !node.id) part += `.${classes.join('.')}`;
          parts.unshift(part);
        }
        return parts.join(' > ');
      }

      function describe(el: Element): string {
        const name = short(nameOf(el));
        return `${el.tagName.toLowerCase()}${name ? ` "${name}"` : ''} (${selectorOf(el)})`;
      }

      /** Rendered, with a box, not hidden by visibility, and not clipped away as screen-reader-only text. */
      function isVisible(el: Element): boolean {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) return false;
        if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
          return false;
        }
        return !isVisuallyHidden(el);
      }

      /** The `sr-only` pattern (1 px, clipped) on the element or an ancestor. */
      function isVisuallyHidden(el: Element): boolean {
        for (let node: Element | null = el; node; node = node.parentElement) {
          const s = getComputedStyle(node);
          const r = node.getBoundingClientRect();
          const clipped = (s.clip !== 'auto' && s.clip !== '') || (s.clipPath !== 'none' && s.clipPath !== '');
          if (clipped && r.width <= 1 && r.height <= 1) return true;
        }
        return false;
      }

      function scrollsX(el: Element): boolean {
        const overflowX = getComputedStyle(el).overflowX;
        return overflowX === 'auto' || overflowX === 'scroll';
      }

      function inHorizontalScroller(el: Element): boolean {
        for (let node = el.parentElement; node && node !== document.documentElement; node = node.parentElement) {
          if (scrollsX(node) && node.scrollWidth > node.clientWidth + TOLERANCE) return true;
        }
        return false;
      }

      /**
       * The inline exception (WCAG 2.5.8; 2.5.5 says "in a sentence or block of text"): a link laid out
       * inline, as part of a line of text: its block holds other text too, or it is a paragraph, list
       * item or table cell of text (a markdown link on a line of its own).
       */
      function isInlineLinkInText(el: Element): boolean {
        if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
        let block: Element | null = el.parentElement;
        while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
        if (!block) return false;
        if (['P', 'LI', 'TD', 'TH', 'DD', 'BLOCKQUOTE'].includes(block.tagName)) return true;
        const own = (el.textContent ?? '').replace(/\s+/g, '');
        const all = (block.textContent ?? '').replace(/\s+/g, '');
        return all.length > own.length;
      }

      const everything = [...document.body.querySelectorAll('*')];

      /** Has a box: rendered, even if only as 1 px of screen-reader text. */
      function isRendered(el: Element): boolean {
        const rect = el.getBoundingClientRect();
        return rect.width > 0 || rect.height > 0;
      }

      // 1. The document must not scroll sideways. Screen-reader-only text counts too: it widens the page.
      const docWidth = document.documentElement.scrollWidth;
      if (docWidth > vw + TOLERANCE) {
        const sticksOut = (el: Element) => isRendered(el) && el.getBoundingClientRect().right > vw + TOLERANCE && !inHorizontalScroller(el);
        const culprits = everything
          .filter(sticksOut)
          // The outermost offenders: skip elements whose parent already sticks out.
          .filter((el) => !(el.parentElement && sticksOut(el.parentElement)))
          .slice(0, 5)
          .map((el) => `${describe(el)}${isVisuallyHidden(el) ? ' [visually hidden]' : ''} ends at x=${round(el.getBoundingClientRect().right)}`);
        problems.push(`overflow: the document is ${docWidth}px wide in a ${vw}px viewport; ${culprits.join('; ') || 'no single element found'}`);
      }

      /** Visible content of `el` (elements and text) that reaches past its padding box horizontally. */
      function cutOff(el: Element): string[] {
        const left = el.getBoundingClientRect().left + el.clientLeft;
        const right = left + el.clientWidth;
        const out: string[] = [];
        // A nested element that truncates, scrolls or clips answers for its own content.
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
          acceptNode(node) {
            if (!(node instanceof Element)) return NodeFilter.FILTER_ACCEPT;
            const s = getComputedStyle(node);
            return s.textOverflow === 'ellipsis' || s.overflowX !== 'visible' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
          },
        });
        for (let node = walker.nextNode(); node && out.length < 3; node = walker.nextNode()) {
          let rect: DOMRect;
          if (node instanceof Text) {
            if (!node.data.trim() || !node.parentElement || !isVisible(node.parentElement)) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            rect = range.getBoundingClientRect();
          } else if (node instanceof Element) {
            if (!isVisible(node) || node.children.length > 0) continue;
            rect = node.getBoundingClientRect();
          } else continue;
          if (rect.width === 0) continue;
          if (rect.right > right + TOLERANCE || rect.left < left - TOLERANCE) {
            const what = node instanceof Text ? `text "${short(node.data.trim(), 40)}"` : describe(node as Element);
            out.push(`${what} spans x=${round(rect.left)}..${round(rect.right)}`);
          }
        }
        return out;
      }

      /** Children of an ellipsis element that the ellipsis cannot shorten and that reach past its edge. */
      function unellipsized(el: Element): string[] {
        const right = el.getBoundingClientRect().left + el.clientLeft + el.clientWidth;
        return [...el.children]
          .filter((child) => {
            const display = getComputedStyle(child).display;
            const atomic = /^inline-(flex|block|grid|table)$/.test(display) || ['IMG', 'SVG', 'svg', 'VIDEO', 'CANVAS'].includes(child.tagName);
            return atomic && isVisible(child) && child.getBoundingClientRect().right > right + TOLERANCE;
          })
          .slice(0, 3)
          .map(
            (child) =>
              `${describe(child)} (${getComputedStyle(child).display}, no ellipsis) spans x=${round(child.getBoundingClientRect().left)}..${round(child.getBoundingClientRect().right)}`,
          );
      }

      // 2. Nothing visible may be cut off by an element that hides its horizontal overflow.
      for (const el of everything) {
        const s = getComputedStyle(el);
        if (s.overflowX !== 'hidden' && s.overflowX !== 'clip') continue;
        if (el.scrollWidth <= el.clientWidth + TOLERANCE) continue;
        if (!isVisible(el)) continue;
        // Ellipsis truncation is fine, but it only shortens text: an atomic inline box (inline-flex,
        // inline-block, an image) inside it is cut off hard, with no ellipsis.
        const lost = s.textOverflow === 'ellipsis' ? unellipsized(el) : cutOff(el);
        if (lost.length === 0) continue;
        problems.push(
          `clipped: ${describe(el)} hides overflow-x (${s.overflowX}) while its content is ${el.scrollWidth}px wide in ${el.clientWidth}px: ${lost.join('; ')}`,
        );
      }

      // 3 and 4. Interactive elements: big enough to touch, and inside the viewport.
      for (const el of document.body.querySelectorAll(INTERACTIVE)) {
        if (!isVisible(el)) continue;
        if (getComputedStyle(el).pointerEvents === 'none') continue;
        const rect = el.getBoundingClientRect();
        if (touch && (rect.width < minTarget - 0.5 || rect.height < minTarget - 0.5) && !isInlineLinkInText(el)) {
          problems.push(`target: ${describe(el)} is ${box(rect)}, under ${minTarget}x${minTarget}px`);
        }
        if ((rect.left < -TOLERANCE || rect.right > vw + TOLERANCE) && !inHorizontalScroller(el)) {
          problems.push(`offscreen: ${describe(el)} spans x=${round(rect.left)}..${round(rect.right)} in a ${vw}px viewport`);
        }
      }
      return problems;
    },
    { touch: options.touch, minTarget },
  );
}
