import { useI18n } from '../i18n/i18n';

/** On a phone the vote sits below the text and the stakes: one tap takes the voter there, focus included. */
export function VoteJump() {
  const { t } = useI18n();
  return (
    <p className="vote-jump">
      <a
        href="#vote"
        className="button primary"
        onClick={(event) => {
          const heading = document.getElementById('vote');
          if (!heading) return;
          event.preventDefault();
          heading.setAttribute('tabindex', '-1');
          heading.scrollIntoView?.({ block: 'start' });
          heading.focus({ preventScroll: true });
        }}
      >
        {t('vote.jump')}
      </a>
    </p>
  );
}
