import type { CircleKind } from '../api/types';
import type { MessageKey } from '../i18n/en';

export const KIND_KEYS: Record<CircleKind, MessageKey> = {
  CITY: 'kind.CITY',
  REGION: 'kind.REGION',
  FEDERATION: 'kind.FEDERATION',
  NETWORK: 'kind.NETWORK',
  COOPERATIVE: 'kind.COOPERATIVE',
  OTHER: 'kind.OTHER',
};
