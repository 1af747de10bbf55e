import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TallyResult } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { Fragility } from './Fragility';

function show(fragility: TallyResult['fragility'], language: 'en' | 'fr' | 'de' = 'en') {
  window.localStorage.setItem('devolve.language', language);
  return render(
    <I18nProvider>
      <Fragility tally={{ method: 'APPROVE_REJECT', outcome: 'ADOPTED', fragility }} />
    </I18nProvider>,
  );
}

const flipping = (count: number): TallyResult['fragility'] => ({
  applicable: true,
  flips: true,
  robust: false,
  count,
  voters: [],
  fragile: true,
  search: 'exact',
});

afterEach(() => window.localStorage.clear());

describe('the fragility panel', () => {
  it('warns whenever lowering declarations flips the outcome, however many it takes', () => {
    show(flipping(40));
    expect(screen.getByTestId('fragile')).toHaveTextContent(
      'Fragile: 40 declarations above their group’s suggested level decide this outcome: check them.',
    );
  });

  it('speaks of one declaration in the singular, in every language', () => {
    const en = show(flipping(1));
    expect(screen.getByTestId('fragile')).toHaveTextContent('one declaration above its group’s suggested level');
    en.unmount();
    const fr = show(flipping(1), 'fr');
    expect(screen.getByTestId('fragile')).toHaveTextContent('une déclaration au-dessus du niveau suggéré');
    fr.unmount();
    show(flipping(1250), 'de');
    expect(screen.getByTestId('fragile')).toHaveTextContent('1.250 Erklärungen über der vorgeschlagenen Stufe');
  });

  it('shows no warning on a robust result', () => {
    show({ applicable: true, flips: false, robust: true, count: 0, voters: [], fragile: false, search: 'exact' });
    expect(screen.queryByTestId('fragile')).toBeNull();
    expect(screen.getByText(/^Robust:/)).toBeInTheDocument();
  });
});
