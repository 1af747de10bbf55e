import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { emptyDraft } from '../newproposal/draft';
import { WeightingStep } from '../newproposal/WeightingStep';
import { MEASURED, robustnessOf } from './robustness';

function step(language: 'en' | 'fr' | 'de', patch: Partial<ReturnType<typeof emptyDraft>> = {}) {
  window.localStorage.setItem('devolve.language', language);
  return render(
    <I18nProvider>
      <WeightingStep draft={{ ...emptyDraft('c1'), ...patch }} set={() => undefined} error={null} />
    </I18nProvider>,
  );
}

afterEach(() => window.localStorage.clear());

describe('the weighting step shows the chosen policy’s measured robustness', () => {
  it('gives the study’s figures for the default policy in one sentence', () => {
    step('en');
    const sentence = screen.getByTestId('policy-robustness');
    expect(sentence).toHaveTextContent(
      'Measured against stake inflation: a faction of 20% that declares the highest stake on everything overturned 15.3% of the decisions it would lose declaring honestly (5.1% with a stake budget), and the result left 3.2% of those unflagged.',
    );
  });

  it('ranks the policies as the study did: LINEAR is moved most, EQUAL not at all', () => {
    const flips = (p: 'LINEAR' | 'SQRT' | 'CAPPED' | 'EQUAL') => MEASURED[p]?.flips ?? -1;
    expect(flips('LINEAR')).toBeGreaterThan(flips('SQRT'));
    expect(flips('SQRT')).toBeGreaterThan(flips('CAPPED'));
    expect(flips('EQUAL')).toBe(0);
    expect(robustnessOf('CAPPED', 4)).toBeNull();
    expect(robustnessOf('EXPLICIT')).toBeNull();
  });

  it('says that over-declaring gains nothing under EQUAL, and that another cap was not measured, in French and German', () => {
    const fr = step('fr', { policy: 'EQUAL' });
    expect(screen.getByTestId('policy-robustness')).toHaveTextContent('surdéclarer ne donne aucun poids de plus');
    fr.unmount();
    step('de', { policy: 'CAPPED', cap: 4 });
    expect(screen.getByTestId('policy-robustness')).toHaveTextContent('Die Studie maß eine Obergrenze von 3, nicht 4.');
  });
});
