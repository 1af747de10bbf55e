import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { I18nProvider } from '../i18n/i18n';
import { Field } from './Field';
import { ErrorState, FormError } from './states';
import { useSubmit } from './useSubmit';

const inLanguage = (language: string, ui: React.ReactNode) => {
  window.localStorage.setItem('devolve.language', language);
  return render(<I18nProvider>{ui}</I18nProvider>);
};

afterEach(() => window.localStorage.clear());

const invalidDeadlines = () =>
  new ApiError({
    type: '/problems/validation-failed',
    code: 'VALIDATION_FAILED',
    status: 400,
    detail: '2 fields are not valid',
    requestId: 'req-123',
    errors: [
      { field: 'votingEndsAt', code: 'BEFORE_DELIBERATION_ENDS', message: 'must be after deliberationEndsAt' },
      { field: 'note', code: 'SIZE', message: 'size must be between 0 and 1000' },
    ],
  });

function DeadlineForm({ refusal }: { refusal: ApiError }) {
  const submit = useSubmit();
  const [closes, setCloses] = useState('');
  return (
    <form
      noValidate
      onSubmit={submit.onSubmit(() => {
        throw refusal;
      })}
    >
      <Field label="Un autre champ" field="title" error={submit.error}>
        <input />
      </Field>
      <Field label="Fin du vote" field="votingEndsAt" error={submit.error}>
        <input value={closes} onChange={(e) => setCloses(e.target.value)} />
      </Field>
      <FormError error={submit.error} />
      <button type="submit">Enregistrer</button>
    </form>
  );
}

describe('a refused form, in the reader’s language', () => {
  it('names the fields to correct by their labels, says each reason beside its field, and focuses the first', async () => {
    inLanguage('fr', <DeadlineForm refusal={invalidDeadlines()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const field = screen.getByLabelText('Fin du vote');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Doit être après l’ouverture du vote.');
    await waitFor(() => expect(field).toHaveFocus());
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Veuillez corriger : Fin du vote.');
    // the note has no control in this form: its reason is said with the note's label
    expect(alert).toHaveTextContent('Note pour le registre (facultatif) : Trop long, ou trop nombreux.');
    expect(document.body).not.toHaveTextContent(/fields are not valid|must be after|votingEndsAt|req-123/);
  });

  it('on a panel with no fields, says what is wrong rather than “N fields are not valid”', () => {
    inLanguage(
      'de',
      <FormError
        error={
          new ApiError({
            code: 'VALIDATION_FAILED',
            status: 400,
            detail: '1 field is not valid',
            errors: [{ field: 'ranking', code: 'RANKING_EMPTY', message: 'a ranking with no option' }],
          })
        }
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Ordnen Sie die Optionen, die liebste zuerst: Reihen Sie mindestens eine Option ein.',
    );
    expect(document.body).not.toHaveTextContent(/field is not valid/);
  });
});

describe('a refusal of the service', () => {
  it('is said from its type, with the phase in words, without the English detail or a request id', () => {
    inLanguage(
      'de',
      <ErrorState
        error={
          new ApiError({
            type: '/problems/wrong-phase',
            status: 409,
            detail: 'not possible while the proposal is deliberation',
            requestId: 'req-1',
            phase: 'DELIBERATION',
          } as never)
        }
        retry={() => undefined}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Jetzt nicht möglich: Der Vorschlag ist in der Phase „Beratung“.',
    );
    expect(document.body).not.toHaveTextContent(/while the proposal|req-1/);
    expect(screen.queryByRole('button', { name: /erneut/i })).toBeNull(); // trying again would not help
  });

  it('keeps the request id, small, and Try again for the service’s own failure', () => {
    inLanguage(
      'fr',
      <ErrorState
        error={new ApiError({ code: 'INTERNAL_ERROR', status: 500, detail: 'Internal error', requestId: 'req-9' })}
        retry={() => undefined}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('req-9');
    expect(alert).not.toHaveTextContent('Internal error');
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });

  it('says a count of open challenges with the right plural', () => {
    inLanguage(
      'en',
      <ErrorState error={new ApiError({ code: 'OPEN_CHALLENGES', status: 409, openChallenges: 1 } as never)} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Voting cannot open while 1 challenge is open.');
  });
});
