// Compose stacks a script starts for two environments under one project name: `docker compose -p shop -f
// docker-compose.yml -f docker-compose.staging.yml up` beside the same with `docker-compose.prod.yml`. Compose names
// a stack's volumes `<project>_<key>`, and a project name given on the command line or in COMPOSE_PROJECT_NAME wins over
// any `name:` in the files: on the host both run on, staging's database writes production's volume. Given no name at
// all, both take the one Compose derives (COMPOSE_PROJECT_NAME in the `.env` beside the files, else the directory's
// name), which is the same one for the same base file.
import type { Recorder } from '../recorder.js';
import { composeStackIdentity } from '../../../../knowledge/environments/identities.js';
import { environmentOfPath } from '../../../../knowledge/environments/names.js';
import { NON_PRODUCTION } from '../../model.js';

/**
 * Lowercase literals one of which a script holds before any pattern runs on it (prefilter keywords of the detector):
 * a project name given on purpose, not every script that runs compose.
 */
export const COMPOSE_COMMAND_KEYWORDS = ['compose_project_name', '--project-name', 'compose -p ', 'docker compose', 'docker-compose'];

/** A script that picks the daemon it talks to deploys to hosts it names: two environments there are two hosts. */
const OTHER_HOST = /\bDOCKER_HOST\b|\bdocker\s+(?:--context|-c\s|context\s+use|-H\s|--host\b)|\bcompose\b[^\n]*\s(?:--context|-H|--host)\s|\bssh\s|\bkamal\b|\bansible\b/;
const INVOCATION = /(?:\bdocker(?:-compose|\s+compose)\b|\$\((\w+)\)|\$\{(\w+)\})((?:[^\n\\]|\\\n|\\.)*)/g;
/** A variable a Makefile or script sets to the compose command (`COMPOSE = docker compose -f docker-compose.yml`). */
const COMMAND_VARIABLE = /^[ \t]*(?:export\s+)?(\w+)[ \t]*(?:\?=|:=|::=|=)[ \t]*["']?docker(?:-compose|\s+compose)\b([^\n"']*)/gm;
/** A script that writes the `.env` Compose reads (`cp .env.staging .env`) may change the project name by environment. */
const WRITES_DOT_ENV = /\b(?:cp|ln|mv|envsubst|cat)\b[^\n]*?(?:\s|>\s*)\.env(?=[\s;"']|$)/m;
/** A project name: a literal that ends where the word does (`shop-$(ENV)` is no literal). */
const NAME = String.raw`["']?([a-z0-9][a-z0-9_-]*|\$\(\w+\)|\$\{\w+\}|\$\w+)["']?(?=[\s;)]|$)`;
const FLAG_PROJECT = new RegExp(String.raw`(?:^|\s)(?:-p|--project-name)(?:\s+|=)${NAME}`);
const INLINE_PROJECT = new RegExp(String.raw`\bCOMPOSE_PROJECT_NAME=${NAME}`);

interface Invocation {
  base: string;
  project: string;
  environment: 'production' | 'non-production';
  name: string;
  start: number;
  end: number;
}

export function scanComposeCommands(rec: Recorder): void {
  // Prose shows commands to copy, for hosts it does not name.
  if (rec.file.format === 'markdown') return;
  if (!COMPOSE_COMMAND_KEYWORDS.some((keyword) => rec.file.hasKeyword(keyword))) return;
  const text = rec.file.text;
  if (OTHER_HOST.test(text)) return;
  const fileProject = assigned(text, 'COMPOSE_PROJECT_NAME');
  // Set, but not to one literal (`COMPOSE_PROJECT_NAME=shop-$(ENV)`): the name Compose derives is not the one used.
  const projectVaries = fileProject === undefined && /\bCOMPOSE_PROJECT_NAME\b/.test(text);
  const commands = new Map([...text.matchAll(COMMAND_VARIABLE)].map((match) => [match[1]!, match[2]!]));
  const invocations: Invocation[] = [];
  for (const match of text.matchAll(INVOCATION)) {
    const variable = match[1] ?? match[2];
    if (variable !== undefined && !commands.has(variable)) continue;
    const args = `${variable !== undefined ? commands.get(variable)! : ''} ${match[3]!}`.replace(/\\\n/g, ' ');
    const files = [...args.matchAll(/(?:^|\s)(?:-f|--file)(?:\s+|=)["']?([\w./-]+\.ya?ml)\b/g)].map((file) => file[1]!);
    if (files.length < 2) continue;
    const before = text.slice(text.lastIndexOf('\n', match.index) + 1, match.index);
    const written = FLAG_PROJECT.exec(args)?.[1] ?? INLINE_PROJECT.exec(before)?.[1];
    // A name built from parts (`-p shop-$(ENV)`) differs by environment.
    if (written === undefined && (/(?:^|\s)(?:-p|--project-name)(?:\s|=)/.test(args) || /\bCOMPOSE_PROJECT_NAME=/.test(before))) continue;
    const project = written === undefined ? (fileProject ?? (projectVaries || WRITES_DOT_ENV.test(text) ? undefined : derivedProject(args))) : written.startsWith('$') ? assigned(text, written.replace(/[^\w]/g, '')) : written;
    if (!project) continue;
    const environments = new Set(files.slice(1).map((file) => environmentOfPath(file)?.environment).filter((environment) => environment !== undefined));
    if (environments.size !== 1) continue;
    const [environment] = [...environments];
    if (environment !== 'production' && !NON_PRODUCTION.has(environment!)) continue;
    // A derived name is shared only by stacks that run where production's does: a development or test stack runs on
    // a laptop or a CI runner, and a production stack only built or validated (`build`, `config`, `push`) runs nowhere.
    if (project.startsWith(DERIVED) && (environment === 'development' || environment === 'test' || !RUNS.test(args))) continue;
    invocations.push({
      base: resolve(rec.file.path, files[0]!),
      project,
      environment: environment === 'production' ? 'production' : 'non-production',
      name: files.slice(1).join(' '),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  for (const invocation of invocations) {
    if (invocation.environment === 'production') continue;
    if (!invocations.some((other) => other.environment === 'production' && other.base === invocation.base && other.project === invocation.project)) continue;
    const file = invocation.name.split(' ').find((path) => environmentOfPath(path)) ?? invocation.name;
    const found = environmentOfPath(file);
    if (!found) continue;
    const identity = composeStackIdentity(invocation.base);
    const variable = invocation.project.startsWith(DERIVED) ? 'docker compose without -p' : `docker compose -p ${invocation.project}`;
    rec.resource({ environment: found.environment, name: found.name, evidence: 'file-name' }, identity, rec.file.spanOf(invocation.start, invocation.end), { variable });
  }
}

/** Compose subcommands that start a stack's containers, and so create its volumes. */
const RUNS = /\s(?:up|run|start|create|restart|exec)(?=\s|$)/;

/** The mark of a project name Compose derives itself, followed by what it derives it from. */
const DERIVED = '\u0000derived:';

/**
 * The project an invocation that names none runs as: COMPOSE_PROJECT_NAME from the env file it reads (`--env-file`,
 * else the `.env` beside the files), else the project directory's name. Two invocations with the same base file, env
 * file and project directory run as the same project.
 */
function derivedProject(args: string): string {
  const option = (name: string) => new RegExp(String.raw`(?:^|\s)--${name}(?:\s+|=)["']?([^\s"']+)`).exec(args)?.[1] ?? '';
  return `${DERIVED}${option('env-file')}\u0000${option('project-directory')}`;
}

/** The literal a script or Makefile sets a variable to once (`NAME ?= shop`, `export NAME=shop`); none when it varies. */
function assigned(text: string, variable: string): string | undefined {
  const values = new Set<string>();
  for (const match of text.matchAll(new RegExp(String.raw`^[ \t]*(?:export\s+|override\s+)?${variable}[ \t]*(?:\?=|:=|::=|=)[ \t]*(.*)$`, 'gm'))) {
    const value = match[1]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    values.add(/^[a-z0-9][a-z0-9_-]*$/.test(value) ? value : '');
  }
  const [value] = values;
  return values.size === 1 && value ? value : undefined;
}

/**
 * The path of a compose file a script names: a Makefile's and a justfile's commands run in their directory; other
 * scripts are taken to run from the repository's root unless the path climbs out of theirs.
 */
function resolve(script: string, file: string): string {
  const directory = script.includes('/') ? script.slice(0, script.lastIndexOf('/')) : '';
  const fromScript = /^(makefile|justfile|[^/]+\.mk)$/i.test(script.slice(script.lastIndexOf('/') + 1)) || file.startsWith('../');
  const parts = (fromScript && directory ? `${directory}/${file}` : file).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || part === '') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}
