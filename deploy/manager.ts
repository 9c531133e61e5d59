/**
 * The Manager of deploy/apply.ts on @cloudbase/manager-node 5.6.5 (see notes/cloudbase-deploy.md). Credentials come
 * from TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY (/ TENCENTCLOUD_SESSIONTOKEN), as the SDK reads them.
 */
import CloudBase from '@cloudbase/manager-node';
import type { Manager, RemoteIndex } from './apply';
import type { Direction } from './plan';

const PAGE = 100;

/** SCF describes a timer trigger as `{"cron":"…"}` (or, in older answers, the cron itself). */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: string };
    return parsed.cron ?? desc;
  } catch {
    return desc;
  }
}

export function cloudbaseManager(envId: string, functionRootPath: string): Manager {
  const app = new CloudBase({ envId });
  const db = app.database;
  const fns = app.functions;
  const tcb = app.commonService();
  const listFunctions = async (): Promise<Set<string>> => {
    const names = new Set<string>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await fns.listFunctions(PAGE, offset);
      for (const f of page) names.add(f.FunctionName);
      if (page.length < PAGE) return names;
    }
  };
  const func = (name: string, extra: object = {}) => ({ name, ...extra });
  return {
    async listCollections() {
      const names: string[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const res = await db.listCollections({ MgoLimit: PAGE, MgoOffset: offset });
        names.push(...res.Collections.map((c) => c.CollectionName));
        if (res.Collections.length < PAGE) return names;
      }
    },
    async createCollection(name) {
      await db.createCollectionIfNotExists(name);
    },
    async listIndexes(collection) {
      const res = await db.describeCollection(collection);
      return (res.Indexes ?? [])
        .filter((i) => i.Name !== '_id_')
        .map((i): RemoteIndex => ({
          name: i.Name,
          keys: (i.Keys ?? []).map((k) => ({ field: k.Name ?? '', direction: (k.Direction ?? '1') as Direction })),
          unique: i.Unique === true,
        }));
    },
    async createIndex(collection, index) {
      const MgoIndexKeys = index.keys.map((k) => ({ Name: k.field, Direction: k.direction }));
      await db.updateCollection(collection, {
        CreateIndexes: [{ IndexName: index.name, MgoKeySchema: { MgoIndexKeys, MgoIsUnique: index.unique } }],
      });
    },
    async getRule(collection) {
      const res = (await tcb.call({
        Action: 'DescribeSafeRule',
        Param: { EnvId: envId, CollectionName: collection },
      })) as {
        AclTag?: string;
        Rule?: string;
      };
      return res.AclTag === 'CUSTOM' && res.Rule
        ? (JSON.parse(res.Rule) as { read: boolean; write: boolean })
        : undefined;
    },
    async setRule(collection, rule) {
      const Param = { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) };
      await tcb.call({ Action: 'ModifySafeRule', Param });
    },
    async getFunction(name) {
      if (!(await listFunctions()).has(name)) return undefined;
      const f = await fns.getFunctionDetail(name);
      return {
        runtime: f.Runtime,
        handler: f.Handler,
        timeout: f.Timeout,
        env: Object.fromEntries((f.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
        triggers: (f.Triggers ?? [])
          .filter((t) => t.Type === 'timer')
          .map((t) => ({ name: t.TriggerName, cron: cronOf(t.TriggerDesc) })),
      };
    },
    async createFunction(step, env) {
      const config = { runtime: step.runtime, handler: step.handler, timeout: step.timeout, envVariables: env };
      await fns.createFunction({ func: func(step.name, { ...config, installDependency: true }), functionRootPath });
    },
    async updateFunctionCode(step) {
      await fns.updateFunctionCode({ func: func(step.name, { installDependency: true }), functionRootPath });
    },
    async updateFunctionConfig(name, timeout, env) {
      await fns.updateFunctionConfig(func(name, { timeout, envVariables: env }));
    },
    async createTrigger(fn, trigger) {
      await fns.createFunctionTriggers(fn, [{ name: trigger.name, type: 'timer', config: trigger.cron }]);
    },
    async deleteTrigger(fn, name) {
      await fns.deleteFunctionTrigger(fn, name);
    },
  };
}
