import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { I18nProvider } from '../i18n/i18n';
import { Field } from './Field';

const refused = () =>
  new ApiError({
    status: 400,
    title: 'Invalid',
    errors: [{ field: 'title', code: 'NOT_BLANK', message: 'must not be blank' }],
  });

function Form({ error }: { error: ApiError | null }) {
  const [title, setTitle] = useState('');
  return (
    <Field label="Title" field="title" error={error}>
      <input value={title} onChange={(e) => setTitle(e.target.value)} />
    </Field>
  );
}

describe('a field with the service’s validation messages', () => {
  it('shows the message at the field and marks it invalid', () => {
    render(<Form error={refused()} />);
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('must not be blank');
  });

  it('lets the message go once the field is edited, and shows the next refusal again', async () => {
    const { rerender } = render(<Form error={refused()} />);
    await userEvent.type(screen.getByLabelText('Title'), 'A garden');
    expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('must not be blank')).toBeNull();
    rerender(<Form error={refused()} />);
    expect(screen.getByText('must not be blank')).toBeInTheDocument();
  });

  it('says a reason that needs no numbers in the reader’s language, and any other as the service says it', () => {
    window.localStorage.setItem('devolve.language', 'fr');
    const error = new ApiError({
      status: 400,
      errors: [
        { field: 'title', code: 'NOT_BLANK', message: 'must not be blank' },
        { field: 'title', code: 'SIZE', message: 'size must be between 0 and 200' },
      ],
    });
    render(
      <I18nProvider>
        <Form error={error} />
      </I18nProvider>,
    );
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(
      'ne doit pas être vide; size must be between 0 and 200',
    );
    window.localStorage.removeItem('devolve.language');
  });
});
