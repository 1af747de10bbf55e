import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const css = readFileSync(`${process.cwd()}/src/styles.css`, 'utf8');

/**
 * jsdom lays nothing out, so the browser suite measures the page width at 375 px; this checks that the rules that
 * keep it from growing apply to the elements that made it grow (the "I am affected as" select, a long word, a URL).
 */
function page(html: string): HTMLElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

const word = 'x'.repeat(300);
const url = 'https://example.org/' + 'a/'.repeat(200);

describe('at 375 px, nothing pushes the page sideways', () => {
  const root = page(`
    <div class="two-columns"><div>
      <section class="panel">
        <h1>${word}</h1>
        <form class="form compact"><div class="field">
          <label for="g">I am affected as</label>
          <select id="g"><option>${word} — suggested: moderate</option></select>
        </div>
        <div class="field"><label for="t">Title</label><input id="t" value="${word}"></div></form>
        <ul class="argument-columns"><li class="argument"><p>${url}</p></li></ul>
        <ol class="ranking-list"><li class="ranking-item"><span class="rank-label">${word}</span></li></ol>
        <div class="table-scroll"><table><tr><td>${word}</td></tr></table></div>
      </section>
    </div></div>`);
  const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);

  it('lets the columns shrink below their content', () => {
    expect(css).toMatch(/\.two-columns \{[^}]*grid-template-columns: minmax\(0, 1fr\)/);
    expect(style('.two-columns > div').minWidth).toMatch(/^0(px)?$/);
    expect(style('.panel').minWidth).toMatch(/^0(px)?$/);
    expect(style('.field').minWidth).toMatch(/^0(px)?$/);
  });

  it('keeps selects and inputs within their box', () => {
    expect(style('select').maxWidth).toBe('100%');
    expect(style('select').width).toBe('100%');
    expect(style('input').maxWidth).toBe('100%');
  });

  it('breaks people’s words and pasted links where it must', () => {
    for (const selector of ['h1', '.argument p', '.rank-label', 'label', 'td'])
      expect(style(selector).getPropertyValue('overflow-wrap'), selector).toBe('anywhere');
  });

  it('scrolls a table inside its own box', () => {
    expect(style('.table-scroll').overflowX).toBe('auto');
    expect(style('.table-scroll').maxWidth).toBe('100%');
  });
});
