// Runs the Action as the runner would, without GitHub: INPUT_* variables, an event payload file, and the output,
// summary and workspace paths the runner provides; collects the log, outputs, summary and exit code.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runAction } from '../../src/action/run.js';

export interface ActionRun {
  exitCode: number;
  log: string[];
  /** Workflow commands (`::error ...::`) in the order they were printed. */
  commands: string[];
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionSetup {
  workspace: string;
  event: string;
  payload?: unknown;
  inputs?: Record<string, string>;
  /** Extra environment (GITHUB_SHA, GITHUB_REF...). */
  env?: Record<string, string>;
}

export function actionEnv(setup: ActionSetup): Record<string, string> {
  const runner = mkdtempSync(join(tmpdir(), 'blast-radius-runner-'));
  const eventPath = join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(setup.payload ?? {}));
  writeFileSync(join(runner, 'output'), '');
  writeFileSync(join(runner, 'summary'), '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runner,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: setup.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: setup.workspace,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_OUTPUT: join(runner, 'output'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary'),
    RUNNER_TEMP: runner,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    ...setup.env,
  };
  for (const [name, value] of Object.entries(setup.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** Runs the Action's entry in this process (source), as the bundle's entry calls it. */
export async function runActionInProcess(setup: ActionSetup): Promise<ActionRun> {
  const env = actionEnv(setup);
  let text = '';
  const exitCode = await runAction(env, { stdout: (chunk) => (text += chunk) });
  return collect(env, exitCode, text);
}

/** Runs a built entry file (the committed bundle) with `node`, as the runner does. */
export function runActionFile(node: string, entry: string, setup: ActionSetup): ActionRun {
  const env = actionEnv(setup);
  const child = spawnSync(node, [entry], { cwd: setup.workspace, env, encoding: 'utf8', timeout: 120_000 });
  if (child.error) throw child.error;
  return collect(env, child.status ?? -1, `${child.stdout}${child.stderr}`);
}

function collect(env: Record<string, string>, exitCode: number, text: string): ActionRun {
  const log = text.split('\n').filter((line) => line.length > 0);
  const run = {
    exitCode,
    log,
    commands: log.filter((line) => line.startsWith('::')),
    outputs: parseOutputs(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    summary: existsSync(env.GITHUB_STEP_SUMMARY!) ? readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') : '',
  };
  // The runner's temp directory is this helper's own: remove it, or every test run leaves one behind.
  rmSync(env.RUNNER_TEMP!, { recursive: true, force: true });
  return run;
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as the runner reads $GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const header = /^([^<]+)<<(.+)$/.exec(lines[index]!);
    if (!header) continue;
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== header[2]; index++) value.push(lines[index]!);
    outputs[header[1]!] = value.join('\n');
  }
  return outputs;
}
