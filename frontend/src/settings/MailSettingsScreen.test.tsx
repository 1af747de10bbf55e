import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { MailSettingsScreen } from './MailSettingsScreen';

afterEach(() => vi.restoreAllMocks());

const answer = (data: object) => ({ data, response: new Response('{}') }) as never;
const refused = (error: object) => ({ error, response: new Response('{}', { status: 400 }) }) as never;
const saved = {
  language: 'en',
  languageChosen: false,
  address: 'alice@example.org',
  kinds: { DELIBERATION: 'DIGEST', VOTING: 'DIGEST', REMINDER: 'IMMEDIATE', RESULT: 'OFF' },
};

const kind = (name: string) => screen.getByRole('group', { name });

describe('the mail settings screen', () => {
  it('shows each kind by its name with the saved choice, the language and the address', async () => {
    vi.spyOn(api, 'GET').mockResolvedValueOnce(answer(saved));
    render(<MailSettingsScreen />);
    expect(await screen.findByRole('group', { name: 'Voting opened' })).toBeInTheDocument();
    expect(within(kind('Voting opened')).getByRole('radio', { name: 'Daily digest' })).toBeChecked();
    expect(within(kind('Reminders')).getByRole('radio', { name: 'Immediately' })).toBeChecked();
    expect(within(kind('Results')).getByRole('radio', { name: 'Off' })).toBeChecked();
    expect(screen.getByText('A deadline is near and you have not declared or voted yet.')).toBeInTheDocument();
    expect(screen.getByLabelText('Language of your mails')).toHaveValue('en');
    expect(screen.getByText(/alice@example\.org/)).toBeInTheDocument();
  });

  it('sends only what changed, and shows the saved choice', async () => {
    vi.spyOn(api, 'GET').mockResolvedValueOnce(answer(saved));
    const put = vi
      .spyOn(api, 'PUT')
      .mockResolvedValueOnce(
        answer({ ...saved, language: 'fr', languageChosen: true, kinds: { ...saved.kinds, REMINDER: 'DIGEST' } }),
      );
    render(<MailSettingsScreen />);
    await userEvent.click(
      within(await screen.findByRole('group', { name: 'Reminders' })).getByLabelText('Daily digest'),
    );
    await userEvent.selectOptions(screen.getByLabelText('Language of your mails'), 'fr');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(put).toHaveBeenCalledWith('/api/v1/me/mail-preferences', {
      body: { language: 'fr', kinds: { REMINDER: 'DIGEST' } },
    });
    expect(await screen.findByText('Your mail settings are saved.')).toBeInTheDocument();
    expect(within(kind('Reminders')).getByRole('radio', { name: 'Daily digest' })).toBeChecked();
  });

  it('turns every kind off with one button, sending the language and the kinds not yet off (the API requires the language)', async () => {
    vi.spyOn(api, 'GET').mockResolvedValueOnce(answer(saved));
    const put = vi.spyOn(api, 'PUT').mockResolvedValueOnce(answer(saved));
    render(<MailSettingsScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Turn every mail off' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(put).toHaveBeenCalledWith('/api/v1/me/mail-preferences', {
      body: { language: 'en', kinds: { DELIBERATION: 'OFF', VOTING: 'OFF', REMINDER: 'OFF' } },
    });
  });

  it('shows the problem the service names, by field', async () => {
    vi.spyOn(api, 'GET').mockResolvedValueOnce(answer(saved));
    vi.spyOn(api, 'PUT').mockResolvedValueOnce(
      refused({
        type: '/problems/validation-failed',
        code: 'VALIDATION_FAILED',
        status: 400,
        detail: '1 field is not valid',
        errors: [{ field: 'kinds.VOTING', code: 'INVALID_VALUE', message: 'must be IMMEDIATE, DIGEST or OFF' }],
      }),
    );
    render(<MailSettingsScreen />);
    await userEvent.click(within(await screen.findByRole('group', { name: 'Voting opened' })).getByLabelText('Off'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct: Voting opened.');
    expect(within(kind('Voting opened')).getByText('This value is not accepted.')).toBeInTheDocument();
    expect(screen.queryByText('Your mail settings are saved.')).toBeNull();
  });
});
