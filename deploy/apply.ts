/**
 * The real run: read the environment's state, apply only the differences from the plan, then read again to
 * verify. Works on a narrow Manager (deploy/manager.ts adapts @cloudbase/manager-node; tests pass a fake).
 */
import type { FunctionStep, IndexStep, Step } from './plan';

export interface RemoteIndex {
  name: string;
  keys: IndexStep['keys'];
  unique: boolean;
}

export interface RemoteFunction {
  runtime: string;
  handler: string;
  timeout: number;
  env: Record<string, string>;
  triggers: { name: string; cron: string }[];
}

export interface Manager {
  listCollections(): Promise<string[]>;
  createCollection(name: string): Promise<void>;
  listIndexes(collection: string): Promise<RemoteIndex[]>;
  createIndex(collection: string, index: RemoteIndex): Promise<void>;
  getRule(collection: string): Promise<{ read: boolean; write: boolean } | undefined>;
  setRule(collection: string, rule: { read: boolean; write: boolean }): Promise<void>;
  getFunction(name: string): Promise<RemoteFunction | undefined>;
  createFunction(step: FunctionStep, env: Record<string, string>): Promise<void>;
  updateFunctionCode(step: FunctionStep): Promise<void>;
  updateFunctionConfig(name: string, timeout: number, env: Record<string, string>): Promise<void>;
  createTrigger(fn: string, trigger: { name: string; cron: string }): Promise<void>;
  deleteTrigger(fn: string, name: string): Promise<void>;
}

export interface Change {
  what: string;
  run?: () => Promise<void>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (env: Record<string, string>) =>
  Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));

/** The changes the environment needs; without `run` a change cannot be applied and is a failure. */
export async function differences(
  steps: Step[],
  m: Manager,
  env: Record<string, string | undefined>,
  opts: { code: boolean },
): Promise<Change[]> {
  const out: Change[] = [];
  const collections = new Set(await m.listCollections());
  const indexes = new Map<string, RemoteIndex[]>();
  const indexesOf = async (c: string) => {
    if (!indexes.has(c)) indexes.set(c, collections.has(c) ? await m.listIndexes(c) : []);
    return indexes.get(c) ?? [];
  };
  for (const step of steps) {
    if (step.kind === 'collection' && !collections.has(step.name)) {
      out.push({ what: `create collection ${step.name}`, run: () => m.createCollection(step.name) });
    } else if (step.kind === 'index') {
      const want: RemoteIndex = { name: step.name, keys: step.keys, unique: step.unique };
      const have = (await indexesOf(step.collection)).find((i) => i.name === step.name);
      if (!have)
        out.push({
          what: `create index ${step.collection}.${step.name}`,
          run: () => m.createIndex(step.collection, want),
        });
      else if (!same(have, want))
        out.push({
          what: `index ${step.collection}.${step.name} exists with other keys or uniqueness: drop it by hand`,
        });
    } else if (step.kind === 'rule') {
      const have = collections.has(step.collection) ? await m.getRule(step.collection) : undefined;
      if (!same(have, step.rule))
        out.push({ what: `set security rule of ${step.collection}`, run: () => m.setRule(step.collection, step.rule) });
    } else if (step.kind === 'function') {
      out.push(...(await functionChanges(step, steps, m, env, opts)));
    }
  }
  return out;
}

async function functionChanges(
  step: FunctionStep,
  steps: Step[],
  m: Manager,
  given: Record<string, string | undefined>,
  opts: { code: boolean },
): Promise<Change[]> {
  // An unset optional setting is left out, so the function uses its default.
  const env = sorted(Object.fromEntries(step.settings.flatMap((s) => (given[s] ? [[s, given[s]]] : []))));
  const triggers = steps.flatMap((s) =>
    s.kind === 'trigger' && s.function === step.name ? [{ name: s.name, cron: s.cron }] : [],
  );
  const have = await m.getFunction(step.name);
  if (!have) {
    return [
      { what: `create function ${step.name}`, run: () => m.createFunction(step, env) },
      ...triggers.map((t) => ({
        what: `create trigger ${step.name}.${t.name}`,
        run: () => m.createTrigger(step.name, t),
      })),
    ];
  }
  const out: Change[] = [];
  if (have.runtime !== step.runtime || have.handler !== step.handler)
    out.push({
      what: `function ${step.name} runs ${have.runtime} ${have.handler}: the runtime is fixed, recreate it by hand`,
    });
  if (opts.code) out.push({ what: `update code of ${step.name}`, run: () => m.updateFunctionCode(step) });
  if (have.timeout !== step.timeout || !same(sorted(have.env), env))
    out.push({
      what: `update config of ${step.name} (timeout, settings)`,
      run: () => m.updateFunctionConfig(step.name, step.timeout, env),
    });
  for (const t of have.triggers.filter((r) => !triggers.some((w) => same(w, r))))
    out.push({
      what: `delete trigger ${step.name}.${t.name} "${t.cron}"`,
      run: () => m.deleteTrigger(step.name, t.name),
    });
  for (const t of triggers.filter((w) => !have.triggers.some((r) => same(w, r))))
    out.push({ what: `create trigger ${step.name}.${t.name}`, run: () => m.createTrigger(step.name, t) });
  return out;
}

export interface ApplyReport {
  applied: string[];
  failures: string[];
}

/** Applies the differences one by one (a failure does not stop the others), then verifies nothing is left. */
export async function apply(
  steps: Step[],
  m: Manager,
  env: Record<string, string | undefined>,
  log: (line: string) => void = () => undefined,
): Promise<ApplyReport> {
  const report: ApplyReport = { applied: [], failures: [] };
  for (const change of await differences(steps, m, env, { code: true })) {
    if (!change.run) {
      report.failures.push(change.what);
      log(`✗ ${change.what}`);
      continue;
    }
    try {
      await change.run();
      report.applied.push(change.what);
      log(`✓ ${change.what}`);
    } catch (err) {
      report.failures.push(`${change.what}: ${(err as Error).message}`);
      log(`✗ ${change.what}: ${(err as Error).message}`);
    }
  }
  const left = await differences(steps, m, env, { code: false });
  for (const change of left)
    if (!report.failures.some((f) => f.startsWith(change.what)))
      report.failures.push(`still different after deploy: ${change.what}`);
  return report;
}
