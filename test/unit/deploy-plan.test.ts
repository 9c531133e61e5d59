// The deploy plan covers database/collections.ts and deploy/functions.ts, and the dry run prints it without an account.
import { runDeploy, type CliIo } from '../../deploy/cli';
import { check, isSevenFieldCron } from '../../deploy/check';
import { FUNCTIONS } from '../../deploy/functions';
import { describe as describeStep, plan, PROJECT, type Step } from '../../deploy/plan';
import { COLLECTIONS } from '../../database/collections';

const steps = plan();
const of = <K extends Step['kind']>(kind: K) => steps.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind);

describe('plan', () => {
  it('ensures every collection with the rule that closes it to clients', () => {
    expect(of('collection').map((s) => s.name)).toEqual(COLLECTIONS.map((c) => c.name));
    expect(of('rule').map((s) => [s.collection, s.rule])).toEqual(
      COLLECTIONS.map((c) => [c.name, { read: false, write: false }]),
    );
  });

  it('ensures every index, unique ones as unique, compound keys in order, geo as 2dsphere', () => {
    const expected = COLLECTIONS.flatMap((c) =>
      c.indexes.map((i) => ({
        collection: c.name,
        name: i.name,
        keys: Object.entries(i.keys).map(([field, k]) => [field, String(k)]),
        unique: i.unique === true,
      })),
    );
    const planned = of('index').map((s) => ({
      collection: s.collection,
      name: s.name,
      keys: s.keys.map((k) => [k.field, k.direction]),
      unique: s.unique,
    }));
    expect(planned).toEqual(expected);
    expect(planned.find((i) => i.collection === 'signups' && i.name === 'post_volunteer_unique')).toEqual({
      collection: 'signups',
      name: 'post_volunteer_unique',
      keys: [
        ['postId', '1'],
        ['volunteerId', '1'],
      ],
      unique: true,
    });
    expect(planned.find((i) => i.collection === 'posts' && i.name === 'location')?.keys).toEqual([
      ['location', '2dsphere'],
    ]);
  });

  it('ensures every function with its setting names and timer triggers', () => {
    expect(of('function').map((s) => [s.name, s.runtime, s.handler, s.timeout, s.settings])).toEqual(
      FUNCTIONS.map((f) => [f.name, 'Nodejs18.15', 'index.main', f.timeout, f.settings]),
    );
    expect(of('trigger').map((s) => [s.function, s.name, s.cron])).toEqual(
      FUNCTIONS.flatMap((f) => f.triggers.map((t) => [f.name, t.name, t.cron])),
    );
    expect(steps.map(describeStep).join('\n')).not.toMatch(/\{\{|=\s*[0-9a-f]{32}/);
  });
});

describe('local checks', () => {
  const built = () => true;

  it('accepts only seven-field crons', () => {
    expect(['0 0 3 * * * *', '0 */5 * * * * *'].map(isSevenFieldCron)).toEqual([true, true]);
    expect(['0 3 * * *', '0 0 3 * * *', '0 0 3 * * * * *'].map(isSevenFieldCron)).toEqual([false, false, false]);
    const bad = plan({ ...PROJECT, functions: [{ ...FUNCTIONS[4], triggers: [{ name: 't', cron: '0 3 * * *' }] }] });
    expect(check(bad, { env: {}, built, dryRun: true }).filter((f) => f.level === 'error')).toHaveLength(1);
  });

  it('warns in a dry run and refuses in a real run when a required setting is missing; names only', () => {
    const env = { HQ_OPENIDS: 'hq', NOTICE_TEMPLATE_ID: 'n', REMINDER_TEMPLATE_ID: 'r' };
    const dry = check(steps, { env, built, dryRun: true });
    const real = check(steps, { env, built, dryRun: false });
    expect(dry.map((f) => f.level)).toEqual(['warning', 'warning']);
    expect(real.map((f) => [f.level, f.message.split(' ')[1]])).toEqual([
      ['error', 'PII_KEY'],
      ['warning', 'REMINDER_LEAD_MINUTES'],
    ]);
  });

  it('reports a function folder that is not built', () => {
    const findings = check(steps, { env: {}, built: (name) => name !== 'posts', dryRun: true });
    expect(findings.filter((f) => f.level === 'error').map((f) => f.message)).toEqual([
      'function posts: cloudfunctions/posts/index.js is not built',
    ]);
  });
});

describe('npm run deploy -- --dry-run', () => {
  const io = (env: Record<string, string>) => {
    const lines: string[] = [];
    const manager = jest.fn(() => {
      throw new Error('no account in a dry run');
    });
    const value: CliIo = { env, built: () => true, log: (l) => lines.push(l), manager };
    return { value, lines, manager };
  };

  it('prints every step and the missing settings, exits 0 and touches no account', async () => {
    const { value, lines, manager } = io({ PII_KEY: 'secret-value-never-printed' });
    expect(await runDeploy(['--dry-run'], value)).toBe(0);
    expect(manager).not.toHaveBeenCalled();
    expect(lines).toContain('  ensure collection signups (create if missing)');
    expect(lines).toContain(
      '  ensure index signups.post_volunteer_unique {postId:1, volunteerId:1} unique (create if missing)',
    );
    expect(lines).toContain(
      '  ensure timer trigger reminders.send-due "0 */5 * * * * *" (create if missing or different)',
    );
    expect(lines.filter((l) => l.startsWith('  ensure'))).toHaveLength(steps.length);
    expect(lines.filter((l) => l.startsWith('warning: setting')).map((l) => l.split(' ')[2])).toEqual([
      'HQ_OPENIDS',
      'NOTICE_TEMPLATE_ID',
      'REMINDER_LEAD_MINUTES',
      'REMINDER_TEMPLATE_ID',
    ]);
    expect(lines.join('\n')).not.toContain('secret-value-never-printed');
  });

  it('refuses a real run without an environment id or with a required setting missing', async () => {
    const none = io({});
    expect(await runDeploy([], none.value)).toBe(1);
    expect(none.lines).toContain('error: give the environment with --env <id> (or ENV_ID)');
    const missing = io({ HQ_OPENIDS: 'hq' });
    expect(await runDeploy(['--env', 'prod-1'], missing.value)).toBe(1);
    expect(missing.lines).toContain('refusing to deploy: fix the errors above');
    expect(missing.manager).not.toHaveBeenCalled();
  });

  it('fails without an API key, and when the environment cannot be read', async () => {
    const settings = { HQ_OPENIDS: 'hq', PII_KEY: 'k', NOTICE_TEMPLATE_ID: 'n', REMINDER_TEMPLATE_ID: 'r' };
    const noKey = io(settings);
    expect(await runDeploy(['--env', 'prod-1'], noKey.value)).toBe(1);
    expect(noKey.manager).not.toHaveBeenCalled();
    const keys = { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' };
    const offline = io({ ...settings, ...keys });
    expect(await runDeploy(['--env', 'prod-1'], offline.value)).toBe(1);
    expect(offline.lines.at(-1)).toBe('failed to read the environment prod-1: no account in a dry run');
  });
});
