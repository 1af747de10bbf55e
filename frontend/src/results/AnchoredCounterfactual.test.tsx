import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TallyResult } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { WeightedVsEqual } from './WeightedVsEqual';

const labels = ['For', 'Against', 'Abstain'];

/** Two tenants claim 5 (suggested 2) and vote for; three neighbours at 2 vote against: adopted 10 to 6. */
const inflated: TallyResult = {
  method: 'APPROVE_REJECT',
  outcome: 'ADOPTED',
  totals: ['10.000000', '6.000000', '0.000000'],
  counterfactual: {
    rule: 'one person, one vote',
    outcome: 'REJECTED',
    totals: ['2.000000', '3.000000', '0.000000'],
    changesOutcome: true,
  },
  anchored: {
    rule: 'declarations above the suggested level counted at it',
    outcome: 'REJECTED',
    totals: ['4.000000', '6.000000', '0.000000'],
    changesOutcome: true,
    lowered: 2,
    weightRemoved: '6.000000',
  },
};

const modest: TallyResult = {
  ...inflated,
  counterfactual: {
    ...inflated.counterfactual,
    outcome: 'ADOPTED',
    totals: ['3.000000', '2.000000', '0.000000'],
    changesOutcome: false,
  },
  anchored: {
    ...inflated.anchored,
    outcome: 'ADOPTED',
    totals: ['10.000000', '6.000000', '0.000000'],
    changesOutcome: false,
    lowered: 0,
    weightRemoved: '0.000000',
  },
};

function renderIn(language: 'en' | 'fr' | 'de', tally: TallyResult) {
  window.localStorage.setItem('devolve.language', language);
  return render(
    <I18nProvider>
      <WeightedVsEqual tally={tally} labels={labels} />
    </I18nProvider>,
  );
}

afterEach(() => window.localStorage.clear());

describe('the anchored counterfactual beside one person, one vote', () => {
  it('says what nobody above the suggested level would have decided, and that it differs', () => {
    renderIn('en', inflated);
    const anchored = screen.getByTestId('counterfactual-anchored');
    expect(anchored).toHaveTextContent('Nobody above their group’s suggested level');
    expect(anchored).toHaveTextContent('would have decided otherwise: Rejected.');
    expect(anchored).toHaveTextContent('counted at it: 2 (6.00 weight less)');
    expect(anchored).toHaveClass('notice');
    expect(screen.getByTestId('counterfactual-equal')).toHaveTextContent(
      'One person, one vote among the same voters would have decided otherwise: Rejected.',
    );
  });

  it('says when it would have decided the same, and that nobody claimed above the anchor', () => {
    renderIn('en', modest);
    const anchored = screen.getByTestId('counterfactual-anchored');
    expect(anchored).toHaveTextContent('would have decided the same: Adopted.');
    expect(anchored).toHaveTextContent('No declaration was above its group’s suggested level.');
    expect(anchored).not.toHaveClass('notice');
  });

  it('speaks French and German', () => {
    const fr = renderIn('fr', inflated);
    expect(screen.getByTestId('counterfactual-anchored')).toHaveTextContent(
      'Personne au-dessus du niveau suggéré de son groupe',
    );
    expect(screen.getByTestId('counterfactual-anchored')).toHaveTextContent('aurait décidé autrement : Rejetée.');
    fr.unmount();
    renderIn('de', modest);
    expect(screen.getByTestId('counterfactual-anchored')).toHaveTextContent('hätte gleich entschieden: Angenommen.');
  });

  it('is absent under explicit weights, where weights do not follow stakes', () => {
    renderIn('en', { ...inflated, anchored: null });
    expect(screen.queryByTestId('counterfactual-anchored')).toBeNull();
    expect(screen.getByTestId('counterfactual-equal')).toBeInTheDocument();
  });
});
