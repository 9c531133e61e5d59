// The bench's mutation table: the last `npm run mutate` scores (reports/mutation/summary.json) against the goal.
// `npm run bench -- --mutate` runs the server/rules target first (about 20 minutes on 2 cores).
import { GOAL, mutate, readSummary } from '../mutate.mjs';
import { table } from './table.mjs';

const TARGETS = [
  ['rules', 'server/rules/** (unit tests)', GOAL],
  ['domain', 'money-like and role code (function tests)', undefined],
];

export async function benchMutation(run) {
  if (run) await mutate(['rules']);
  const summary = readSummary();
  const rows = TARGETS.filter(([key]) => summary[key]).map(([key, label, goal]) => {
    const s = summary[key];
    const files = s.files && s.files !== 'all' ? `, ${s.files}` : '';
    const measured = `${s.score}% (${s.undetected} left, ${s.at.slice(0, 10)}${files})`;
    return [label, measured, goal ? `≥ ${goal}%` : 'reported', !goal || s.score >= goal ? 'ok' : 'UNDER'];
  });
  if (rows.length === 0) {
    console.log('\nMutation score: no report yet; run `npm run mutate` (or `npm run bench -- --mutate`).');
    return true;
  }
  return table('Mutation score (last `npm run mutate`; killed or timed out over all valid mutants)', rows);
}
