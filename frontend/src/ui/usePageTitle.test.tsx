import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { focusMainHeading, usePageTitle } from './usePageTitle';

function Screen({ title }: { title: string | null }) {
  usePageTitle(title);
  return null;
}

describe('each screen', () => {
  it('names the browser tab after itself', () => {
    const { rerender } = render(<Screen title={null} />);
    expect(document.title).toBe('Devolve');
    rerender(<Screen title="Tool library" />);
    expect(document.title).toBe('Tool library · Devolve');
  });

  it('takes focus to its main heading once it is drawn, after its data has loaded', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    main.innerHTML = '<p>Loading…</p>';
    focusMainHeading(main);
    expect(document.activeElement).toBe(document.body);
    await act(async () => {
      main.innerHTML = '<h1>Tool library</h1>';
      await Promise.resolve();
    });
    expect(document.activeElement).toBe(main.querySelector('h1'));
    expect(main.querySelector('h1')).toHaveAttribute('tabindex', '-1');
    main.remove();
  });

  it('gives focus to its heading drawn anew, but never takes it back from where the person moved it', async () => {
    const main = document.createElement('main');
    document.body.append(main);
    main.innerHTML = '<h1>Edit the draft</h1>';
    const stop = focusMainHeading(main);
    expect(document.activeElement).toBe(main.querySelector('h1'));
    await act(async () => {
      main.innerHTML = '<h1>Edit the draft</h1><input aria-label="Title">'; // the screen drew itself again
      await Promise.resolve();
    });
    expect(document.activeElement).toBe(main.querySelector('h1'));
    main.querySelector('input')!.focus();
    await act(async () => {
      main.insertAdjacentHTML('beforeend', '<p>more</p>');
      await Promise.resolve();
    });
    expect(document.activeElement).toBe(main.querySelector('input'));
    stop();
    main.remove();
  });
});
