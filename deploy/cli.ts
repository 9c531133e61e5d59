/**
 * `npm run deploy -- --env <id>` (or ENV_ID): ensures the collections, indexes and security rules of
 * database/collections.ts and the functions and timer triggers of deploy/functions.ts in a CloudBase environment.
 * `--dry-run` prints the plan and the local checks with no account and no network.
 */
import { apply, type Manager } from './apply';
import { check } from './check';
import { describe, plan, PROJECT } from './plan';

export interface CliIo {
  env: Record<string, string | undefined>;
  built: (name: string) => boolean;
  log: (line: string) => void;
  /** Made only for a real run. */
  manager: (envId: string) => Manager;
}

export function parseArgs(argv: string[]): { dryRun: boolean; envId?: string; help: boolean } {
  const at = argv.indexOf('--env');
  const inline = argv.find((a) => a.startsWith('--env='));
  return {
    dryRun: argv.includes('--dry-run'),
    envId: inline ? inline.slice('--env='.length) : at >= 0 ? argv[at + 1] : undefined,
    help: argv.includes('--help') || argv.includes('-h'),
  };
}

/** Returns the exit code. */
export async function runDeploy(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    io.log('usage: npm run deploy -- --env <envId> [--dry-run]   (or ENV_ID=<envId>)');
    return 0;
  }
  const envId = args.envId || io.env.ENV_ID;
  const steps = plan(PROJECT);
  io.log(`${args.dryRun ? 'dry run: ' : ''}plan for ${envId ? `environment ${envId}` : 'a CloudBase environment'}:`);
  for (const step of steps) io.log(`  ${describe(step)}`);
  const findings = check(steps, { env: io.env, built: io.built, dryRun: args.dryRun });
  for (const f of findings) io.log(`${f.level}: ${f.message}`);
  const errors = findings.filter((f) => f.level === 'error');
  if (args.dryRun) {
    io.log(`dry run: ${steps.length} steps, ${errors.length} errors, ${findings.length - errors.length} warnings`);
    return errors.length ? 1 : 0;
  }
  if (!envId) {
    io.log('error: give the environment with --env <id> (or ENV_ID)');
    return 1;
  }
  if (errors.length) {
    io.log('refusing to deploy: fix the errors above');
    return 1;
  }
  if (!io.env.TENCENTCLOUD_SECRETID || !io.env.TENCENTCLOUD_SECRETKEY) {
    io.log('error: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (an API key of the CloudBase account)');
    return 1;
  }
  let report;
  try {
    report = await apply(steps, io.manager(envId), io.env, io.log);
  } catch (err) {
    io.log(`failed to read the environment ${envId}: ${(err as Error).message}`);
    return 1;
  }
  io.log(`${report.applied.length} changes applied, ${report.failures.length} failures`);
  for (const f of report.failures) io.log(`failed: ${f}`);
  return report.failures.length ? 1 : 0;
}
