// Reads cases from standard input and prints, for each, the per-option scores that
// @snapshot-labs/snapshot.js computes: new utils.voting[type](proposal, votes, strategies, selected).getScores().
// Input:  [{"type": "single-choice" | "approval" | "weighted" | "quadratic" | "ranked-choice" | "copeland",
//           "choices": <number of options>, "votes": [{"choice": <Snapshot choice, 1-based>, "balance": <number>}]}]
// Output: {"version": "<snapshot.js version>", "scores": [[...], ...]}
'use strict';
const snapshot = require('@snapshot-labs/snapshot.js');
const { version } = require('@snapshot-labs/snapshot.js/package.json');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const strategies = [{ name: 'ticket', network: '1', params: {} }];
  const scores = cases.map((c) => {
    const Klass = snapshot.utils.voting[c.type];
    if (!Klass) throw new Error('snapshot.js has no voting type ' + c.type);
    const proposal = { choices: Array.from({ length: c.choices }, (_, i) => 'option ' + (i + 1)) };
    const votes = c.votes.map((v) => ({ choice: v.choice, balance: v.balance, scores: [v.balance] }));
    return new Klass(proposal, votes, strategies, null).getScores();
  });
  process.stdout.write(JSON.stringify({ version, scores }));
});
