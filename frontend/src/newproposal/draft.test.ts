import { describe, expect, it } from 'vitest';
import { emptyDraft, fromProposal, toContent } from './draft';

const circle = '7d3c1f3e-0000-4000-8000-000000000001';

describe('the new-proposal form as the API body', () => {
  it('sends an approve-or-reject proposal without options, with its threshold and no quorum when left empty', () => {
    const content = toContent({ ...emptyDraft(circle), title: 'Garden' });
    expect(content).toMatchObject({
      title: 'Garden',
      method: 'APPROVE_REJECT',
      threshold: { rule: 'SIMPLE_MAJORITY' },
      weighting: { policy: 'SQRT' },
    });
    expect(content).not.toHaveProperty('options');
    expect(content).not.toHaveProperty('quorum');
    expect(content).not.toHaveProperty('protection');
    expect(content.affectedGroups).toEqual([{ circleId: circle, suggestedLevel: 2, howAffected: '' }]);
  });

  it('sends the objection share only with consent and no-objection protection', () => {
    const content = toContent({
      ...emptyDraft(circle),
      threshold: 'CONSENT',
      consentObjection: '20',
      protection: 'NO_OBJECTION',
      protectionObjection: '35',
    });
    expect(content.threshold).toEqual({ rule: 'CONSENT', objectionPercent: 20 });
    expect(content.protection).toEqual({ rule: 'NO_OBJECTION', objectionPercent: 35 });
  });

  it('sends options, the cap, a quorum and deadlines, but no threshold, for other methods', () => {
    const content = toContent({
      ...emptyDraft(circle),
      method: 'RANKED_SCHULZE',
      options: ['A', 'B', 'C'],
      policy: 'CAPPED',
      cap: 4,
      quorumPercent: '40',
      quorumHeadcount: '',
      deliberationEndsAt: '2030-05-01T18:30',
      groups: [
        { circleId: null, name: 'Tenants of building C', howAffected: 'Under their windows', suggestedLevel: 4 },
      ],
    });
    expect(content).toMatchObject({
      options: ['A', 'B', 'C'],
      weighting: { policy: 'CAPPED', cap: 4 },
      quorum: { turnoutPercent: 40 },
    });
    expect(content).not.toHaveProperty('threshold');
    expect(content.deliberationEndsAt).toBe(new Date('2030-05-01T18:30').toISOString());
    expect(content.votingEndsAt).toBeNull();
    expect(content.affectedGroups).toEqual([
      { circleId: null, name: 'Tenants of building C', howAffected: 'Under their windows', suggestedLevel: 4 },
    ]);
  });
});

describe('an existing draft in the form', () => {
  it('gives back the same body it was made from', () => {
    const content = toContent({
      ...emptyDraft(circle),
      title: 'Garden',
      method: 'SINGLE_CHOICE',
      options: ['Beds', 'Lawn'],
      quorumHeadcount: '3',
      votingEndsAt: '2030-05-02T09:00',
      groups: [
        { circleId: circle, suggestedLevel: 2, howAffected: 'Noise' },
        { circleId: null, name: 'Tenants', howAffected: 'Windows', suggestedLevel: 4 },
      ],
    });
    const proposal = {
      ...content,
      circle: { id: circle },
      options: content.options!.map((label, index) => ({ index, label })),
      quorum: { headcount: 3 },
      threshold: undefined,
      protection: undefined,
      affectedGroups: [
        { circle: { id: circle }, name: 'Riverside', howAffected: 'Noise', suggestedLevel: 2 },
        { circle: null, name: 'Tenants', howAffected: 'Windows', suggestedLevel: 4 },
      ],
    };
    expect(toContent(fromProposal(proposal))).toEqual(content);
  });
});
