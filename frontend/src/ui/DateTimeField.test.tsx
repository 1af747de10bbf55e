import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { DateTimeField } from './DateTimeField';

function Deadline() {
  const [value, setValue] = useState('');
  return <DateTimeField label="Clôture du vote" field="votingEndsAt" error={null} value={value} onChange={setValue} />;
}

afterEach(() => window.localStorage.clear());

describe('a date and time picker', () => {
  it('says the time zone, then writes the chosen instant out in the UI’s language', async () => {
    window.localStorage.setItem('devolve.language', 'fr');
    render(
      <I18nProvider>
        <Deadline />
      </I18nProvider>,
    );
    const input = screen.getByLabelText('Clôture du vote');
    expect(input).toHaveAttribute('lang', 'fr-FR');
    expect(input).toHaveAccessibleDescription(/Dans votre fuseau horaire \(.+\)\./);
    await userEvent.type(input, '2026-12-24T18:30');
    expect(input).toHaveAccessibleDescription(/^Soit le 24 déc\. 2026.*18:30.*\./);
  });
});
