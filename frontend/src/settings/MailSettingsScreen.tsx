import { useState } from 'react';
import { api, call } from '../api/client';
import type { MailMode, MailPreferences } from '../api/types';
import { useLoad } from '../api/useLoad';
import { LANGUAGES, useI18n } from '../i18n/i18n';
import { isMessageKey, type MessageKey } from '../i18n/en';
import { DoneNote } from '../ui/DoneNote';
import { Field } from '../ui/Field';
import { FieldErrors, FormError, Region } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { usePageTitle } from '../ui/usePageTitle';

const MODES: MailMode[] = ['IMMEDIATE', 'DIGEST', 'OFF'];

/**
 * Where every mail's footer leads (`/settings/mail`): per kind of mail immediately, in the daily digest or off, and
 * the language of the mails. The language and only the kinds the member changed are sent (the API keeps the others).
 */
export function MailSettingsScreen() {
  const { t } = useI18n();
  usePageTitle(t('mailSettings.title'));
  const loaded = useLoad(() => call(api.GET('/api/v1/me/mail-preferences')), []);
  return (
    <section aria-labelledby="mail-settings">
      <h1 id="mail-settings">{t('mailSettings.title')}</h1>
      <p className="hint">{t('mailSettings.intro')}</p>
      <Region loaded={loaded}>{(saved) => <MailSettingsForm key={JSON.stringify(saved)} saved={saved} />}</Region>
    </section>
  );
}

function MailSettingsForm({ saved }: { saved: MailPreferences }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(saved);
  const [language, setLanguage] = useState(saved.language ?? 'en');
  const [kinds, setKinds] = useState<Record<string, MailMode>>(saved.kinds ?? {});
  const [done, setDone] = useState({ message: '', stamp: 0 });
  const submit = useSubmit();
  const names = Object.keys(current.kinds ?? {});
  const save = async () => {
    const changed = Object.fromEntries(Object.entries(kinds).filter(([k, m]) => current.kinds?.[k] !== m));
    // the language always goes along: the API requires it, and saving the form is choosing the language it shows
    // (until then mails are in English, `languageChosen` false)
    const body = { language, ...(Object.keys(changed).length > 0 ? { kinds: changed } : {}) };
    const after = await call(api.PUT('/api/v1/me/mail-preferences', { body }));
    setCurrent(after);
    setKinds(after.kinds ?? {});
    setLanguage(after.language ?? language);
    setDone((d) => ({ message: t('mailSettings.saved'), stamp: d.stamp + 1 }));
  };
  // "Off for everything" sets every kind off in the form; the member still saves (and sees what is sent first).
  // The API has no separate unsubscribe-all switch: a mail's unsubscribe link turns off one kind, and all kinds off
  // is the same state as having unsubscribed from everything.
  const allOff = () => setKinds(Object.fromEntries(names.map((k) => [k, 'OFF' as MailMode])));
  return (
    <form className="form" noValidate onSubmit={submit.onSubmit(save)}>
      <DoneNote message={done.message} stamp={done.stamp} />
      {current.address ? (
        <p>{t('mailSettings.address', { address: current.address })}</p>
      ) : (
        <p className="hint">{t('mailSettings.noAddress')}</p>
      )}
      <Field label={t('mailSettings.language')} field="language" error={submit.error}>
        <select value={language} onChange={(e) => setLanguage(e.target.value)}>
          {Object.keys(LANGUAGES).map((l) => (
            <option key={l} value={l}>
              {t(`mailSettings.language.${l}` as MessageKey)}
            </option>
          ))}
        </select>
      </Field>
      <p>
        <button type="button" onClick={allOff}>
          {t('mailSettings.allOff')}
        </button>
      </p>
      {names.map((kind) => (
        <fieldset key={kind} className="field" data-field={`kinds.${kind}`}>
          <legend>{kindText(t, kind, 'name')}</legend>
          <p className="hint">{kindText(t, kind, 'about')}</p>
          {MODES.map((mode) => (
            <label key={mode} className="choice">
              <input
                type="radio"
                name={`mail-${kind}`}
                value={mode}
                checked={kinds[kind] === mode}
                onChange={() => setKinds((k) => ({ ...k, [kind]: mode }))}
              />{' '}
              {t(`mailSettings.mode.${mode}` as MessageKey)}
            </label>
          ))}
          <FieldErrors id={`mail-${kind}-error`} error={submit.error} field={`kinds.${kind}`} />
        </fieldset>
      ))}
      <FormError error={submit.error} />
      <button type="submit" className="primary" disabled={submit.busy}>
        {t('mailSettings.save')}
      </button>
    </form>
  );
}

/** A kind's human name or explanation; a kind this version does not know shows by its code. */
function kindText(t: (key: MessageKey) => string, kind: string, part: 'name' | 'about'): string {
  const key = `mailSettings.kind.${kind}.${part}`;
  if (isMessageKey(key)) return t(key);
  return part === 'name' ? kind : '';
}
