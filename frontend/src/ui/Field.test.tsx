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
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Required: write something.');
  });

  it('lets the message go once the field is edited, and shows the next refusal again', async () => {
    const { rerender } = render(<Form error={refused()} />);
    await userEvent.type(screen.getByLabelText('Title'), 'A garden');
    expect(screen.getByLabelText('Title')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Required: write something.')).toBeNull();
    rerender(<Form error={refused()} />);
    expect(screen.getByText('Required: write something.')).toBeInTheDocument();
  });

  it('says every reason in the reader’s language, never the service’s English', () => {
    window.localStorage.setItem('devolve.language', 'fr');
    const error = new ApiError({
      status: 400,
      errors: [
        { field: 'title', code: 'NOT_BLANK', message: 'must not be blank' },
        { field: 'title', code: 'SIZE', message: 'size must be between 0 and 200' },
        { field: 'title', code: 'SOMETHING_NEW', message: 'an English sentence' },
      ],
    });
    render(
      <I18nProvider>
        <Form error={error} />
      </I18nProvider>,
    );
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(
      'Obligatoire : écrivez quelque chose. Trop long, ou trop nombreux. Cette valeur n’est pas acceptée.',
    );
    window.localStorage.removeItem('devolve.language');
  });
});

function Limited({ max }: { max: number }) {
  const [title, setTitle] = useState('');
  return (
    <Field label="Title" field="title" error={null} max={max}>
      <input value={title} onChange={(e) => setTitle(e.target.value)} />
    </Field>
  );
}

describe('a field with a maximum length', () => {
  it('counts before the limit and takes more text than the limit, saying by how much it is over', async () => {
    render(<Limited max={10} />);
    const input = screen.getByLabelText('Title');
    await userEvent.type(input, 'Garden');
    expect(screen.getByText('6 / 10')).toBeInTheDocument();
    expect(input).not.toHaveAttribute('maxLength');
    await userEvent.type(input, ' and more');
    expect(input).toHaveValue('Garden and more'); // nothing cut
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/5 characters too many/);
  });

  it('announces what is left only near the limit, in a polite live region, with the plural right', async () => {
    render(<Limited max={10} />);
    const input = screen.getByLabelText('Title');
    await userEvent.type(input, 'abc');
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(screen.getByText('3 / 10')).toBeInTheDocument();
    expect(live).toBeEmptyDOMElement(); // far from the limit, nothing is announced at each key
    await userEvent.type(input, 'defghi');
    expect(live).toHaveTextContent('1 character left');
    await userEvent.type(input, 'jk');
    expect(live).toHaveTextContent('1 character too many');
  });
});
