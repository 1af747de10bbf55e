import type { Phase } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';

export const PHASE_KEYS: Record<Phase, MessageKey> = {
  DRAFT: 'phase.DRAFT',
  DELIBERATION: 'phase.DELIBERATION',
  VOTING: 'phase.VOTING',
  CLOSED: 'phase.CLOSED',
  WITHDRAWN: 'phase.WITHDRAWN',
};

export function PhaseBadge({ phase }: { phase: Phase | undefined }) {
  const { t } = useI18n();
  if (!phase) return null;
  return <span className={`badge phase-${phase.toLowerCase()}`}>{t(PHASE_KEYS[phase])}</span>;
}
