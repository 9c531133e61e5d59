// A real deploy reads the environment first, applies only the differences, verifies, and fails on any failure.
// The manager is a fake that keeps state and records the calls (no account can be tested here).
import { apply, type Manager, type RemoteFunction, type RemoteIndex } from '../../deploy/apply';
import { plan } from '../../deploy/plan';

const ENV = {
  HQ_OPENIDS: 'hq',
  PII_KEY: 'k'.repeat(64),
  NOTICE_TEMPLATE_ID: 'n',
  REMINDER_TEMPLATE_ID: 'r',
  REMINDER_LEAD_MINUTES: '120',
};
const WRITES = /^(create|set|update|delete)/;

class FakeManager implements Manager {
  calls: string[] = [];
  collections = new Map<string, RemoteIndex[]>();
  rules = new Map<string, { read: boolean; write: boolean }>();
  functions = new Map<string, RemoteFunction>();
  failOn?: string;

  private record(call: string) {
    this.calls.push(call);
    if (this.failOn && call.startsWith(this.failOn)) throw new Error('ResourceUnavailable');
  }
  listCollections = async () => [...this.collections.keys()];
  createCollection = async (name: string) => {
    this.record(`createCollection ${name}`);
    this.collections.set(name, []);
  };
  listIndexes = async (c: string) => this.collections.get(c) ?? [];
  createIndex = async (c: string, index: RemoteIndex) => {
    this.record(`createIndex ${c}.${index.name}`);
    this.collections.get(c)?.push(index);
  };
  getRule = async (c: string) => this.rules.get(c);
  setRule = async (c: string, rule: { read: boolean; write: boolean }) => {
    this.record(`setRule ${c}`);
    this.rules.set(c, rule);
  };
  getFunction = async (name: string) => this.functions.get(name);
  createFunction: Manager['createFunction'] = async (step, env) => {
    this.record(`createFunction ${step.name}`);
    this.functions.set(step.name, { ...step, env, triggers: [] });
  };
  updateFunctionCode: Manager['updateFunctionCode'] = async (step) => this.record(`updateFunctionCode ${step.name}`);
  updateFunctionConfig = async (name: string, timeout: number, env: Record<string, string>) => {
    this.record(`updateFunctionConfig ${name}`);
    Object.assign(this.functions.get(name) ?? {}, { timeout, env });
  };
  createTrigger = async (fn: string, t: { name: string; cron: string }) => {
    this.record(`createTrigger ${fn}.${t.name}`);
    this.functions.get(fn)?.triggers.push(t);
  };
  deleteTrigger = async (fn: string, name: string) => {
    this.record(`deleteTrigger ${fn}.${name}`);
    const f = this.functions.get(fn);
    if (f) f.triggers = f.triggers.filter((t) => t.name !== name);
  };
}

const steps = plan();

describe('apply', () => {
  it('creates everything in an empty environment, then verifies it', async () => {
    const m = new FakeManager();
    const report = await apply(steps, m, ENV);
    expect(report.failures).toEqual([]);
    const kinds = steps.map((s) => s.kind);
    const count = (prefix: string) => m.calls.filter((c) => c.startsWith(prefix)).length;
    expect([count('createCollection'), count('createIndex'), count('setRule')]).toEqual([
      kinds.filter((k) => k === 'collection').length,
      kinds.filter((k) => k === 'index').length,
      kinds.filter((k) => k === 'rule').length,
    ]);
    expect([count('createFunction'), count('createTrigger')]).toEqual([9, 6]);
    expect(m.functions.get('posts')?.env).toEqual({
      HQ_OPENIDS: 'hq',
      NOTICE_TEMPLATE_ID: 'n',
      PII_KEY: ENV.PII_KEY,
      REMINDER_LEAD_MINUTES: '120',
    });
  });

  it('applies only the differences to an environment already deployed (code is always updated)', async () => {
    const m = new FakeManager();
    await apply(steps, m, ENV);
    m.collections.get('posts')?.splice(0, 1); // an index dropped in the console
    m.rules.delete('ledger'); // a rule changed back to a preset
    const posts = m.functions.get('posts') as RemoteFunction;
    posts.env = { HQ_OPENIDS: 'hq' }; // the old deploy without PII_KEY
    const stats = m.functions.get('stats') as RemoteFunction;
    stats.triggers = [
      { name: 'nightly-reconcile', cron: '0 0 4 * * * *' },
      { name: 'old', cron: '0 0 1 * * * *' },
    ];
    m.calls = [];
    const report = await apply(steps, m, ENV);
    expect(report.failures).toEqual([]);
    expect(m.calls.filter((c) => WRITES.test(c) && !c.startsWith('updateFunctionCode'))).toEqual([
      'createIndex posts.status_visibility_startAt',
      'setRule ledger',
      'updateFunctionConfig posts',
      'deleteTrigger stats.nightly-reconcile',
      'deleteTrigger stats.old',
      'createTrigger stats.nightly-reconcile',
    ]);
    expect(m.calls.filter((c) => c.startsWith('updateFunctionCode'))).toHaveLength(9);
    expect(posts.env.PII_KEY).toBe(ENV.PII_KEY);
  });

  it('reports a failed call, an index it must not replace and a runtime it cannot change, and goes on', async () => {
    const m = new FakeManager();
    await apply(steps, m, ENV);
    m.collections.set('towns', [{ name: 'name_unique', keys: [{ field: 'name', direction: '1' }], unique: false }]);
    (m.functions.get('stars') as RemoteFunction).runtime = 'Nodejs16.13';
    m.rules.delete('plans');
    m.rules.delete('proofs');
    m.failOn = 'setRule plans';
    const report = await apply(steps, m, ENV);
    expect(report.failures).toEqual([
      'index towns.name_unique exists with other keys or uniqueness: drop it by hand',
      'set security rule of plans: ResourceUnavailable',
      'function stars runs Nodejs16.13 index.main: the runtime is fixed, recreate it by hand',
    ]);
    expect(m.rules.get('proofs')).toEqual({ read: false, write: false });
  });

  it('fails when the environment still differs after the calls succeeded', async () => {
    const m = new FakeManager();
    m.setRule = async (c) => {
      m.calls.push(`setRule ${c}`); // answers success but changes nothing
    };
    const report = await apply(steps, m, ENV);
    expect(report.failures).toHaveLength(steps.filter((s) => s.kind === 'rule').length);
    expect(report.failures[0]).toBe('still different after deploy: set security rule of volunteers');
  });
});
