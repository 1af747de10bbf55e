import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StakeCostPreview } from './StakeCostPreview';

describe('stake cost preview', () => {
  it('says the cost, what is left, and the weight before I confirm', () => {
    render(<StakeCostPreview level={4} currentLevel={null} budgetLeft={50} policy="SQRT" />);
    const preview = screen.getByTestId('cost-preview');
    expect(preview).toHaveTextContent('Level 4 costs 16 points.');
    expect(preview).toHaveTextContent('34 points left this period after confirming.');
    expect(preview).toHaveTextContent('Your ballot will weigh 2.00.');
  });

  it('warns over budget', () => {
    render(<StakeCostPreview level={5} currentLevel={null} budgetLeft={9} policy="LINEAR" />);
    expect(screen.getByTestId('cost-preview')).toHaveTextContent('Over budget: only 9 points are left this period.');
  });
});
