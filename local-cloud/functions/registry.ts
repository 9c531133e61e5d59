/** Finds the built cloud functions under a functions root: `<root>/<name>/index.js` and its `config.json`. */
import fs from 'node:fs';
import path from 'node:path';

export interface TimerTrigger {
  name: string;
  /** Seven-field cron: sec min hour day month weekday year, Asia/Shanghai. */
  config: string;
}

export interface FunctionConfig {
  name: string;
  file: string;
  /** Milliseconds; CloudBase's default is 3 s. */
  timeoutMs: number;
  timer?: TimerTrigger;
  openapi: string[];
}

export const DEFAULT_TIMEOUT_MS = 3000;
const NAME = /^[A-Za-z0-9_-]{1,60}$/;

interface RawConfig {
  timeout?: number;
  permissions?: { openapi?: string[] };
  triggers?: { name?: string; type?: string; config?: string }[];
}

export class FunctionRegistry {
  constructor(readonly root: string) {}

  /** The function's configuration, or undefined when no built index.js exists. */
  get(name: string): FunctionConfig | undefined {
    if (!NAME.test(name)) return undefined;
    const dir = path.join(this.root, name);
    const file = path.join(dir, 'index.js');
    if (!fs.existsSync(file)) return undefined;
    let raw: RawConfig = {};
    const configFile = path.join(dir, 'config.json');
    if (fs.existsSync(configFile)) {
      try {
        raw = JSON.parse(fs.readFileSync(configFile, 'utf8')) as RawConfig;
      } catch (err) {
        throw new Error(`${configFile}: invalid JSON (${(err as Error).message})`, { cause: err });
      }
    }
    const trigger = (raw.triggers ?? []).find((t) => t.type === 'timer' && typeof t.config === 'string');
    return {
      name,
      file,
      timeoutMs: typeof raw.timeout === 'number' && raw.timeout > 0 ? raw.timeout * 1000 : DEFAULT_TIMEOUT_MS,
      timer: trigger ? { name: trigger.name ?? `${name}-timer`, config: trigger.config as string } : undefined,
      openapi: raw.permissions?.openapi ?? [],
    };
  }

  list(): FunctionConfig[] {
    if (!fs.existsSync(this.root)) return [];
    return fs
      .readdirSync(this.root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => this.get(d.name))
      .filter((f): f is FunctionConfig => f !== undefined);
  }
}
