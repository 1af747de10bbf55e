import type { ApiError } from '../api/client';
import type { ProposalDraft } from './draft';

/** What every step of the new-proposal form receives. */
export interface StepProps {
  draft: ProposalDraft;
  set: (patch: Partial<ProposalDraft>) => void;
  error: ApiError | null;
}
