// The contract is complete at compile time: a function whose code leaves out an action the contract names does not
// type-check (before, it compiled and answered "不支持的操作" only when called).
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '../..');

/** The type errors of `source`, compiled as a file at the repository root with the server's settings. */
function typeErrors(source: string): string[] {
  const file = join(root, 'contract-check.ts');
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  host.fileExists = (name) => name === file || fileExists(name);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const program = ts.createProgram([file], config.options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const check = (code: string) => `import type { Actions } from './server/handler';
declare const code: ${code};
export const routed: Actions<'reminders'> = code;
`;

describe("a cloud function's actions", () => {
  it('must include every action of the contract', () => {
    const errors = typeErrors(check("Omit<Actions<'reminders'>, 'templates'>"));
    expect(errors.join('\n')).toMatch(/'templates' is missing/);
  }, 60_000);

  it('type-check when every action has code', () => {
    expect(typeErrors(check("Actions<'reminders'>"))).toEqual([]);
  }, 60_000);
});
