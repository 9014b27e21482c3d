// Reads shell written anywhere (workflow steps, CronJob commands, scripts, Makefiles, package.json scripts) for the
// three things a backup story needs: a dump of a database, an upload of it somewhere, and a restore that is checked.
import { ARCHIVE_TOOL_REF, classifyDestination, isUnresolved, providerOfRcloneRemote as providerOfRemote, type Destination } from './destinations.js';
import { lookupTable } from '../../../src/lookup-table.js';

export interface Dump {
  tool: string;
  engines: string[];
  /** Offset of the tool's name in the script. */
  offset: number;
  /** Host the dump reads, when written literally. */
  host?: string;
  /** The store the dump reads, when its CLI names it (`wrangler d1 export blog-prod`): one of the store's identities. */
  store?: string;
  /** Platform whose CLI makes the dump (`supabase db dump`, `heroku pg:backups`), which tells which store it reads. */
  platform?: string;
  /** A dump kept by the platform itself (`heroku pg:backups:schedule`). */
  providerHeld?: boolean;
}

export interface Upload {
  tool: string;
  offset: number;
  destination: Destination;
  /** An rclone remote, mc alias or config the script does not resolve (resolved later from rclone.conf). */
  ref?: string;
  /** File-level tools copy volumes and directories, not a database dump. */
  fileLevel: boolean;
}

export interface ScriptReading {
  dumps: Dump[];
  uploads: Upload[];
  /** A dump written to a local path with no upload after it. */
  localOnly: boolean;
  /** Offsets of a backup being fetched back, restored into a database, and checked. */
  fetch?: number;
  /** Where the fetched backup comes from, when the fetch names it. */
  fetchSource?: Destination;
  load?: number;
  /** Engine the restore loads into (`postgres` for pg_restore and psql...). */
  loadEngine?: string;
  verify?: number;
  /** Databases the script provisions on a platform (`railway add -d postgres`, `fly postgres create`). */
  provisions: Array<{ platform: string; engine: string; name?: string; offset: number; /** The environment the command names (`-e staging`), as written. */ environment?: string }>;
  /** Supabase project refs the script links or deploys to (`--project-ref`), or `linked` for the linked project. */
  supabaseProjects: string[];
  /** Deploy commands: how the repo ships (`fly`, `railway`, `compose`...), with the compose file a remote `up` names. */
  deploys: Array<{ kind: string; offset: number; composeFiles?: string[]; remote: boolean; release?: HelmRelease; stackTags?: StackTags }>;
  /** The script starts a throwaway cluster (`kind create cluster`, `minikube start`): what it installs is a test's. */
  localCluster?: boolean;
}

/** A CloudFormation stack deployed with stack-level tags (`--tags`), which reach every resource it creates. */
export interface StackTags {
  /** The template it deploys as written (`infra/template.yaml`), when a local file is named. */
  template?: string;
  /** The tags as `key=value` (lowercase), `*` for one the command does not spell out (`--tags $STACK_TAGS`). */
  tags: string[];
}

/** What `helm upgrade --install <release> <chart> -n <namespace>` installs, and where. */
export interface HelmRelease {
  chart: string;
  namespace?: string;
  /** The release's name, as written. */
  name?: string;
  /** `--set` values as written (`primary.persistence.enabled=false`). */
  sets: string[];
  /** Values files (`-f`), as written. */
  values: string[];
}

/** Environment a script runs with: literal values only. */
export type ScriptEnv = ReadonlyMap<string, string>;

const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL', 'S3_ENDPOINT', 'S3_ENDPOINT_URL', 'AWS_S3_ENDPOINT', 'AWS_ENDPOINT', 'ENDPOINT_URL', 'R2_ENDPOINT', 'BUCKET_ENDPOINT', 'STORAGE_ENDPOINT'];

/**
 * Splits a script into commands with their offsets, joining continued lines and splitting on `&&`, `;`, `|`. A
 * command substitution (`$(date +%F | tr - _)`, backquotes) stays inside the command that holds it.
 */
function commandsOf(script: string): Array<{ text: string; offset: number; piped: boolean }> {
  const commands: Array<{ text: string; offset: number; piped: boolean }> = [];
  let start = 0;
  let quote: string | undefined;
  let piped = false;
  const push = (end: number, nextPiped: boolean) => {
    const raw = script.slice(start, end);
    const trimmed = raw.replace(/\\\r?\n/g, '  ');
    const lead = trimmed.length - trimmed.trimStart().length;
    if (trimmed.trim()) commands.push({ text: trimmed.trim(), offset: start + lead, piped });
    piped = nextPiped;
  };
  for (let i = 0; i < script.length; i++) {
    const char = script[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') i++;
      continue;
    }
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      continue;
    }
    if ((char === '$' && script[i + 1] === '(') || char === '`') {
      i = substitutionEnd(script, i);
      continue;
    }
    if (char === '#' && (i === 0 || /\s/.test(script[i - 1]!))) {
      // A comment runs to the end of the line.
      const end = script.indexOf('\n', i);
      push(i, false);
      i = end === -1 ? script.length : end;
      start = i + 1;
      continue;
    }
    if (char === '\n' || char === ';') {
      push(i, false);
      start = i + 1;
    } else if (char === '&' && script[i + 1] === '&') {
      push(i, false);
      start = i + 2;
      i++;
    } else if (char === '|' && script[i + 1] === '|') {
      push(i, false);
      start = i + 2;
      i++;
    } else if (char === '|') {
      push(i, true);
      start = i + 1;
    }
  }
  if (quote) quote = undefined;
  push(script.length, false);
  return commands;
}

/**
 * Where the command substitution starting at `start` (`$(` or a backquote) ends: its closing character, or the end
 * of the text when it is not closed. Parentheses nest; quotes inside are skipped.
 */
function substitutionEnd(text: string, start: number): number {
  if (text[start] === '`') {
    const end = text.indexOf('`', start + 1);
    return end === -1 ? text.length - 1 : end;
  }
  let depth = 0;
  let quote: string | undefined;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') i++;
    } else if (char === '\\') i++;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return text.length - 1;
}

/** The commands a command substitution runs (`$(heroku pg:backups:url)`, backquotes) inside a command's text. */
function substitutionsIn(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") {
      // Nothing is substituted between single quotes.
      const end = text.indexOf("'", i + 1);
      if (end === -1) break;
      i = end;
    } else if ((text[i] === '$' && text[i + 1] === '(' && text[i + 2] !== '(') || text[i] === '`') {
      const end = substitutionEnd(text, i);
      found.push(text.slice(i + (text[i] === '`' ? 1 : 2), end));
      i = end;
    }
  }
  return found;
}

/**
 * Shell words, quotes removed; `$VAR`, `${VAR:-x}` and `${{ env.X }}` expanded from the literal environment. A
 * command substitution is part of the word it sits in (`backup-$(date +%F).sql.gz` is one word), as in a shell.
 */
function wordsOf(command: string, env: ScriptEnv): string[] {
  const text = expand(command, env);
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      current += text.slice(i + 1, Math.min(end, text.length));
      i = end;
    } else if (char === "'") {
      const end = text.indexOf("'", i + 1);
      current += text.slice(i + 1, end === -1 ? text.length : end);
      i = end === -1 ? text.length : end;
    } else if ((char === '$' && text[i + 1] === '(') || char === '`') {
      const end = substitutionEnd(text, i);
      current += text.slice(i, end + 1);
      i = end;
    } else if (char === '$' && text[i + 1] === '{' && text[i + 2] === '{' && text.indexOf('}}', i) !== -1) {
      // A workflow expression left unexpanded (`https://${{ secrets.CF_ACCOUNT_ID }}.r2…`) is one word, blanks and all.
      const end = text.indexOf('}}', i) + 1;
      current += text.slice(i, end + 1);
      i = end;
    } else current += char;
  }
  if (inWord) words.push(current);
  return words.filter((word) => word !== '');
}

export function expand(text: string, env: ScriptEnv): string {
  return text
    .replace(/\$\{\{\s*(?:env|vars)\.([A-Za-z_][\w]*)\s*\}\}/g, (whole, name: string) => env.get(name) ?? whole)
    .replace(/\$\{([A-Za-z_][\w]*)(?::?-([^}]*))?\}/g, (whole, name: string, fallback: string | undefined) => env.get(name) ?? (fallback && !isUnresolved(fallback) ? fallback : whole))
    .replace(/\$([A-Za-z_][\w]*)/g, (whole, name: string) => env.get(name) ?? whole);
}

/** Shell words that open a body whose first command is the one that runs. */
const SHELL_KEYWORDS = new Set(['do', 'then', 'else', '{', '!']);

/** sudo/runuser/doas options followed by a value (`-u postgres`, `-iu postgres`, `-g staff`), not `--user=postgres`. */
const SUDO_OPTION_WITH_VALUE = /^-[A-Za-z]*[ugCDhprtUT]$/;

/** Drops wrappers (`sudo`, `docker exec db`, `kubectl exec -- `, `railway run`, `VAR=x`) to reach the real tool. */
function unwrap(words: string[]): { words: string[]; platform?: string } {
  let rest = words;
  let platform: string | undefined;
  for (let guard = 0; guard < 6 && rest.length > 0; guard++) {
    const head = rest[0]!;
    if (head === 'sudo' || head === 'runuser' || head === 'doas') {
      // `sudo -u postgres pg_dump`, `sudo -iu postgres`, `runuser -u postgres -- pg_dump`: past the options and the user.
      let index = 1;
      while (index < rest.length && rest[index]!.startsWith('-')) {
        const option = rest[index]!;
        index += option === '--' ? 1 : SUDO_OPTION_WITH_VALUE.test(option) ? 2 : 1;
        if (option === '--') break;
      }
      rest = rest.slice(index);
      continue;
    }
    // A loop's or a condition's body (`while true; do mongodump …; sleep 86400; done`): the command follows the keyword.
    if (SHELL_KEYWORDS.has(head)) {
      rest = rest.slice(1);
      continue;
    }
    if (/^[A-Za-z_][\w]*=/.test(head) || head === 'time' || head === 'exec' || head === 'nice' || head === 'command' || head === 'env' || head === 'npx' || head === 'bunx') {
      rest = rest.slice(1);
      continue;
    }
    if (head === 'ionice') {
      rest = rest.slice(1).filter((word, index) => !(index < 2 && /^-c?\d?$/.test(word)));
      continue;
    }
    if (head === 'railway' && rest[1] === 'run') {
      platform = 'railway';
      rest = rest.slice(2);
      continue;
    }
    if (head === 'heroku' && rest[1] === 'run') {
      platform = 'heroku';
      rest = rest.slice(2).filter((word) => !/^(-a|--app)$/.test(word));
      continue;
    }
    if ((head === 'docker' || head === 'podman') && rest[1] === 'exec') {
      const index = rest.findIndex((word, i) => i > 1 && !word.startsWith('-') && !/^(-e|--env|-u|--user|-w|--workdir)$/.test(rest[i - 1] ?? ''));
      rest = index === -1 ? [] : rest.slice(index + 1);
      continue;
    }
    if ((head === 'docker' && rest[1] === 'compose') || head === 'docker-compose') {
      // `docker compose -f prod.yml exec -T db pg_dump ...`: past compose's options, the verb, its options, the service.
      let verb = head === 'docker' ? 2 : 1;
      while (verb < rest.length && rest[verb]!.startsWith('-')) verb += COMPOSE_VALUE_OPTIONS.includes(rest[verb]!) ? 2 : 1;
      if (rest[verb] !== 'exec' && rest[verb] !== 'run') break;
      let service = verb + 1;
      while (service < rest.length && rest[service]!.startsWith('-')) service += COMPOSE_EXEC_VALUE_OPTIONS.includes(rest[service]!) ? 2 : 1;
      rest = rest.slice(service + 1);
      continue;
    }
    if (head === 'kubectl' && rest.includes('--')) {
      rest = rest.slice(rest.indexOf('--') + 1);
      continue;
    }
    // `sh -c "…"` stays whole: the script reader reads the quoted commands as a script of their own.
    break;
  }
  return { words: rest, platform };
}

function option(words: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    for (const name of names) {
      if (word === name) return words[i + 1];
      if (name.startsWith('--') && word.startsWith(`${name}=`)) return word.slice(name.length + 1);
      if (!name.startsWith('--') && word.startsWith(name) && word.length > name.length && name.length === 2) return word.slice(2);
    }
  }
  return undefined;
}

/** Where a script's `kopia repository create|connect` points later snapshots (kept in the script's environment). */
const KOPIA_REPOSITORY = ' kopia-repository';
const KOPIA_ENDPOINT = ' kopia-endpoint';

/** Options of `docker compose` that take a value, before its verb; then those of `exec` and `run`. */
const COMPOSE_VALUE_OPTIONS = ['-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory', '--ansi', '--parallel', '--progress'];
const COMPOSE_EXEC_VALUE_OPTIONS = ['-u', '--user', '-e', '--env', '-w', '--workdir', '--index', '--name', '--entrypoint', '-v', '--volume', '-l', '--label', '-p', '--publish'];

/** Options of `ssh` that take a value (`-i key`, `-p 23`). */
const SSH_VALUE_OPTIONS = ['-i', '-p', '-o', '-l', '-F', '-J', '-b', '-c', '-D', '-E', '-e', '-L', '-R', '-S', '-W', '-w', '-m', '-Q'];
/** Options of `restic` that take a value, which would otherwise read as its verb (`restic -r b2:bucket:/pg backup`). */
const RESTIC_VALUE_OPTIONS = ['-r', '--repo', '-p', '--password-file', '--password-command', '--repository-file', '--cache-dir', '-o', '--option', '--limit-upload', '--limit-download', '--tls-client-cert', '--cacert', '--key-hint', '--pack-size'];

/** The words without the given options and the value each takes (`--repo x` and `--repo=x` alike). */
function dropOptionValues(words: string[], names: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (names.includes(word)) i++;
    else if (!names.some((name) => name.startsWith('--') && word.startsWith(`${name}=`))) kept.push(word);
  }
  return kept;
}

function positional(words: string[], from: number): string[] {
  const result: string[] = [];
  for (let i = from; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-') && word !== '-') {
      // Options that take a value: skip it too, unless written `--x=y`.
      if (/^--(endpoint-url|region|profile|storage-class|exclude|include|acl|sse|expires|cache-control|content-type|config|transfers|checkers|host|host-bucket|log-file|account-name|account-key|container-name|name|file|type|auth-mode|connection-string|bwlimit|tag|host-base)$/.test(word) || /^-[eE]$/.test(word)) i++;
      continue;
    }
    if (word === '>' || word === '<' || word === '2>&1') break;
    result.push(word);
  }
  return result;
}

function hostOf(target: string | undefined): string | undefined {
  if (!target || isUnresolved(target)) return undefined;
  const url = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/:?]+)/i.exec(target);
  if (url) return url[1]!.toLowerCase();
  if (/^[\w.-]+\.[a-z]{2,}$/i.test(target)) return target.toLowerCase();
  return undefined;
}

const DUMP_TOOLS: Readonly<Record<string, string[]>> = lookupTable({
  pg_dump: ['postgres'],
  pg_dumpall: ['postgres'],
  pg_basebackup: ['postgres'],
  mysqldump: ['mysql'],
  'mariadb-dump': ['mysql'],
  mysqlpump: ['mysql'],
  mydumper: ['mysql'],
  xtrabackup: ['mysql'],
  mariabackup: ['mysql'],
  mongodump: ['mongo'],
  sqlcmd: ['mssql'],
});

const MANAGED_DATABASES = ['postgres', 'mysql', 'mssql', 'mongo', 'database'];

/** Snapshot commands of provider CLIs: `<cli> <words…>` -> the platform that keeps the snapshot and what it copies. */
const PROVIDER_SNAPSHOTS: ReadonlyArray<{ words: string[]; platform: string; engines: string[] }> = [
  { words: ['doctl', 'compute', 'volume', 'snapshot'], platform: 'digitalocean', engines: ['volume'] },
  { words: ['doctl', 'compute', 'volume-action', 'snapshot'], platform: 'digitalocean', engines: ['volume'] },
  { words: ['doctl', 'compute', 'droplet-action', 'snapshot'], platform: 'digitalocean', engines: ['volume'] },
  { words: ['aws', 'ec2', 'create-snapshot'], platform: 'aws', engines: ['volume'] },
  { words: ['aws', 'ec2', 'create-snapshots'], platform: 'aws', engines: ['volume'] },
  { words: ['aws', 'rds', 'create-db-snapshot'], platform: 'aws', engines: MANAGED_DATABASES },
  { words: ['aws', 'rds', 'create-db-cluster-snapshot'], platform: 'aws', engines: MANAGED_DATABASES },
  { words: ['aws', 'dynamodb', 'create-backup'], platform: 'aws', engines: ['dynamodb'] },
  { words: ['gcloud', 'compute', 'disks', 'snapshot'], platform: 'gcp', engines: ['volume'] },
  { words: ['gcloud', 'compute', 'snapshots', 'create'], platform: 'gcp', engines: ['volume'] },
  { words: ['gcloud', 'sql', 'backups', 'create'], platform: 'gcp', engines: MANAGED_DATABASES },
  { words: ['az', 'snapshot', 'create'], platform: 'azure', engines: ['volume'] },
  { words: ['hcloud', 'server', 'create-image'], platform: 'hetzner', engines: ['volume'] },
  { words: ['hcloud', 'server', 'enable-backup'], platform: 'hetzner', engines: ['volume'] },
  { words: ['vultr-cli', 'snapshot', 'create'], platform: 'vultr', engines: ['volume'] },
  { words: ['linode-cli', 'linodes', 'snapshot'], platform: 'linode', engines: ['volume'] },
  { words: ['fly', 'volumes', 'snapshots', 'create'], platform: 'fly', engines: ['volume', 'sqlite'] },
  { words: ['flyctl', 'volumes', 'snapshots', 'create'], platform: 'fly', engines: ['volume', 'sqlite'] },
];

function providerSnapshotOf(tool: string, words: string[]): { tool: string; platform: string; engines: string[] } | undefined {
  // Subcommands follow the program, past any global options (`aws --region eu-west-1 ec2 create-snapshot`, read above).
  const verbs = [tool, ...words.slice(1).filter((word) => !word.startsWith('-'))];
  const found = PROVIDER_SNAPSHOTS.find((entry) => entry.words.every((word, index) => verbs[index] === word));
  return found ? { tool: found.words.join(' '), platform: found.platform, engines: found.engines } : undefined;
}

/** Reads a script for dumps, uploads and restores. `remotes` resolves rclone remotes known from the same file. */
/**
 * A wrapper's command with the caller's arguments: the wrapper's options go after them (`aws s3 cp - s3://b --region
 * x`), where the tool reads them as well and the subcommand stays next to the program.
 */
function callOf(body: string[], args: string[]): string[] {
  const firstOption = body.findIndex((word) => word.startsWith('-'));
  return firstOption === -1 ? [...body, ...args] : [...body.slice(0, firstOption), ...args, ...body.slice(firstOption)];
}

/** Shell functions that run one command with the caller's arguments: `s3() { aws s3 --region "$AWS_REGION" "$@"; }`. */
function wrappersIn(script: string): Map<string, string> {
  const wrappers = new Map<string, string>();
  if (!script.includes('"$@"')) return wrappers;
  for (const match of script.matchAll(/^[ \t]*(?:function[ \t]+)?([A-Za-z_][\w-]*)[ \t]*\(\)[ \t]*\{[ \t]*\n?[ \t]*([^\n{};|&]+?)[ \t]+"\$@"[ \t]*;?[ \t]*\n?[ \t]*\}/gm)) {
    wrappers.set(match[1]!, match[2]!);
  }
  return wrappers;
}

/**
 * What a nested script (a substitution, `ssh host "…"`, `sh -c "…"`) did, placed at the command that ran it. A shell's
 * nested script is this one's steps, restore drills included; a substitution only yields what it prints.
 */
function adopt(reading: ScriptReading, nested: ScriptReading, offset: number, options: { deploys?: boolean; drill?: boolean } = {}): void {
  for (const dump of nested.dumps) reading.dumps.push({ ...dump, offset });
  for (const upload of nested.uploads) reading.uploads.push({ ...upload, offset });
  if (options.deploys !== false) for (const deploy of nested.deploys) reading.deploys.push({ ...deploy, offset });
  if (!options.drill) return;
  if (nested.fetch !== undefined) reading.fetch ??= offset;
  if (nested.load !== undefined) {
    reading.load ??= offset;
    reading.loadEngine ??= nested.loadEngine;
  }
  if (nested.verify !== undefined) reading.verify ??= offset;
  if (nested.fetchSource) reading.fetchSource ??= nested.fetchSource;
}

export function readScript(script: string, env: ScriptEnv = new Map(), remote = false): ScriptReading {
  const reading: ScriptReading = { dumps: [], uploads: [], localOnly: false, deploys: [], supabaseProjects: [], provisions: [] };
  const localEnv = new Map(env);
  const mcAliases = new Map<string, string>();
  const wrappers = wrappersIn(script);
  let dumpedToFile = false;
  for (const command of commandsOf(script)) {
    // What a substitution runs counts too: `curl -o latest.dump "$(heroku pg:backups:url)"` downloads a dump.
    for (const inner of substitutionsIn(command.text)) adopt(reading, readScript(inner, localEnv, remote), command.offset, { deploys: false });
    // Assignments at the top of a script resolve later references (`BUCKET=s3://acme-backups`).
    const assignment = /^(?:export\s+)?([A-Za-z_][\w]*)=("[^"]*"|'[^']*'|\S*)$/.exec(command.text);
    if (assignment) {
      const value = expand(assignment[2]!.replace(/^["']|["']$/g, ''), localEnv);
      if (value && !isUnresolved(value)) localEnv.set(assignment[1]!, value);
      continue;
    }
    const written = wordsOf(command.text, localEnv);
    // A call of a wrapper function (`s3 cp - s3://…` where `s3() { aws s3 --region "$AWS_REGION" "$@"; }`) runs its body.
    const wrapped = written.length > 0 ? wrappers.get(written[0]!) : undefined;
    const all = wrapped ? callOf(wordsOf(wrapped, localEnv), written.slice(1)) : written;
    const { words, platform } = unwrap(all);
    if (words.length === 0) continue;
    const tool = words[0]!.replace(/^.*\//, '');
    const at = command.offset + Math.max(0, command.text.indexOf(words[0]!.replace(/^.*\//, '')));
    if (tool === 'ssh' && words.length > 2) {
      // `pg_dumpall | gzip | ssh box "cat > backups/db.sql.gz"`: what is piped in is written on the other host.
      const host = positional(dropOptionValues(words, SSH_VALUE_OPTIONS), 1)[0];
      if (command.piped && host && /^(?:cat\s*>|dd\s.*\bof=|tee\s)/.test(words[words.length - 1]!)) {
        reading.uploads.push({ tool: 'ssh', offset: at, destination: classifyDestination(`${host}:`), fileLevel: false });
        continue;
      }
      // `ssh host "docker compose up -d"`: the quoted command runs on the server.
      adopt(reading, readScript(words[words.length - 1]!, localEnv, true), at);
      continue;
    }
    // `sh -c "redis-cli --rdb /tmp/d.rdb && aws s3 cp …"`: a container's command, run by a shell.
    if (/^(?:sh|bash|ash|dash)$/.test(tool) && words[1] === '-c' && words[2] !== undefined) {
      adopt(reading, readScript(words[2], localEnv, remote), at, { drill: true });
      continue;
    }
    if ((tool === 'kind' && words[1] === 'create') || (tool === 'minikube' && words[1] === 'start') || (tool === 'k3d' && words[1] === 'cluster' && words[2] === 'create') || (tool === 'ct' && words[1] === 'install')) reading.localCluster = true;
    const deploy = deployOf(words, remote || /^ssh:\/\//.test(localEnv.get('DOCKER_HOST') ?? ''));
    if (deploy) reading.deploys.push({ ...deploy, offset: at });
    readCommand(tool, words, all, at, platform, command.piped, localEnv, mcAliases, reading);
    if (DUMP_TOOLS[tool] && (all.includes('>') || option(words, '-f', '--file', '-o', '--out', '--result-file', '--archive') !== undefined)) dumpedToFile = true;
  }
  reading.localOnly = dumpedToFile && reading.uploads.length === 0;
  return reading;
}

function readCommand(
  tool: string,
  words: string[],
  all: string[],
  at: number,
  platform: string | undefined,
  piped: boolean,
  env: Map<string, string>,
  mcAliases: Map<string, string>,
  reading: ScriptReading,
): void {
  const endpoint = () => option(words, '--endpoint-url', '--endpoint', '--host') ?? ENDPOINT_VARIABLES.map((name) => env.get(name)).find(Boolean);
  const fetched = (source?: string, givenEndpoint?: string) => {
    reading.fetch ??= at;
    if (source && !reading.fetchSource) reading.fetchSource = classifyDestination(source, givenEndpoint);
  };
  const loaded = (engine?: string) => {
    reading.load ??= at;
    reading.loadEngine ??= engine;
  };
  const upload = (destination: string, kind: string, fileLevel = false, givenEndpoint?: string, ref?: string) =>
    reading.uploads.push({ tool: kind, offset: at, destination: classifyDestination(destination, givenEndpoint), fileLevel, ref });

  if (tool === 'aws') {
    // Global options may come before the service: `aws --endpoint-url https://... s3 cp - s3://b/k`.
    const globals: string[] = [];
    let index = 1;
    while (index < words.length && words[index]!.startsWith('--')) {
      const word = words[index]!;
      globals.push(word);
      if (!word.includes('=') && /^--(endpoint-url|region|profile|output|query|cli-read-timeout|cli-connect-timeout|ca-bundle)$/.test(word)) globals.push(words[++index] ?? '');
      index++;
    }
    if (globals.length > 0) words = [words[0]!, ...words.slice(index), ...globals];
  }
  const provision = provisionOf(tool, words);
  if (provision) {
    reading.provisions.push({ ...provision, offset: at });
    return;
  }
  // `redis-cli -h cache.internal --rdb /backups/dump.rdb` copies a Redis server's snapshot.
  if ((tool === 'redis-cli' || tool === 'valkey-cli') && words.includes('--rdb')) {
    reading.dumps.push({ tool: `${tool} --rdb`, engines: ['redis'], offset: at, host: hostOf(option(words, '-h') ?? option(words, '-u')), platform });
    return;
  }
  const dumpEngines = DUMP_TOOLS[tool];
  if (dumpEngines) {
    if (tool === 'sqlcmd' && !/BACKUP\s+DATABASE/i.test(words.join(' '))) return;
    const target = option(words, '-h', '--host', '--dbname', '-d', '--uri') ?? positional(words, 1).find((word) => /:\/\//.test(word));
    reading.dumps.push({ tool, engines: dumpEngines, offset: at, host: hostOf(target), platform });
    return;
  }
  if (tool === 'pg_restore') {
    if (words.includes('--list') || words.includes('-l')) reading.verify ??= at;
    else loaded('postgres');
    return;
  }
  if (tool === 'psql' || tool === 'mysql' || tool === 'mariadb' || tool === 'mongosh' || tool === 'mongo' || tool === 'sqlite3') {
    const sql = option(words, '-c', '--command', '-e', '--execute', '--eval') ?? (tool === 'sqlite3' ? positional(words, 1)[1] : undefined);
    if (tool === 'sqlite3' && sql && /^\.(backup|dump)\b/.test(sql) && !piped) {
      reading.dumps.push({ tool: 'sqlite3', engines: ['sqlite'], offset: at, platform });
      return;
    }
    if (sql && /\b(select|count|pragma\s+integrity_check|\\dt|countDocuments|db\.\w+\.count)/i.test(sql)) reading.verify ??= at;
    else if (piped || all.includes('<') || option(words, '-f', '--file') !== undefined || tool === 'sqlite3') loaded(tool === 'psql' ? 'postgres' : tool === 'sqlite3' ? 'sqlite' : tool === 'mongosh' || tool === 'mongo' ? 'mongo' : 'mysql');
    return;
  }
  if (tool === 'mongorestore' || tool === 'createdb' || tool === 'pg_ctl' || tool === 'initdb') {
    loaded(tool === 'mongorestore' ? 'mongo' : 'postgres');
    return;
  }
  if (tool === 'pg_verifybackup') {
    reading.verify ??= at;
    return;
  }
  if (tool === 'supabase' && (words[1] === 'link' || (words[1] === 'db' && words[2] === 'push') || (words[1] === 'functions' && words[2] === 'deploy'))) {
    const ref = option(words, '--project-ref');
    reading.supabaseProjects.push(ref && /^[a-z]{20}$/.test(ref) ? ref : 'linked');
    if (words[1] !== 'link') reading.deploys.push({ kind: 'supabase', offset: at, remote: true });
  }
  if (tool === 'supabase' && words[1] === 'db' && words[2] === 'dump') {
    reading.dumps.push({ tool: 'supabase db dump', engines: ['postgres'], offset: at, platform: 'supabase' });
    return;
  }
  if (tool === 'heroku' && /^pg:backups(:capture|:download|:url|:schedule)?$/.test(words[1] ?? '')) {
    const sub = words[1]!;
    if (sub === 'pg:backups:schedule' || sub === 'pg:backups:capture') {
      reading.dumps.push({ tool: `heroku ${sub}`, engines: ['postgres'], offset: at, platform: 'heroku', providerHeld: true });
    } else if (sub === 'pg:backups:download' || sub === 'pg:backups:url') {
      reading.dumps.push({ tool: `heroku ${sub}`, engines: ['postgres'], offset: at, platform: 'heroku' });
    }
    return;
  }
  // Dokku's datastore plugins dump a service and upload it to an S3 bucket (or an S3-compatible endpoint set with
  // `backup-auth`): `dokku postgres:backup-schedule db "0 3 * * *" bucket`, `dokku postgres:backup db bucket`.
  if (tool === 'dokku' && /^(postgres|mysql|mariadb|mongo):backup(-schedule)?$/.test(words[1] ?? '')) {
    const [plugin, command] = words[1]!.split(':');
    const bucket = command === 'backup-schedule' ? words[4] : words[3];
    reading.dumps.push({ tool: `dokku ${words[1]}`, engines: [PROVISIONED_ENGINES[plugin!]!], offset: at, platform: 'dokku' });
    if (bucket) upload(`s3://${bucket}`, 'dokku');
    return;
  }
  // Firestore's own copies: a backup schedule, point-in-time recovery, or an export to a bucket (of the project's,
  // in the same Google Cloud account, as far as the repository says).
  if (tool === 'gcloud' && words[1] === 'firestore' && ((words[2] === 'backups' && words[3] === 'schedules' && words[4] === 'create') || words[2] === 'export' || words.includes('--enable-pitr'))) {
    reading.dumps.push({ tool: `gcloud firestore ${words[2]}`, engines: ['firestore'], offset: at, platform: 'gcp', providerHeld: true });
    return;
  }
  // A provider's own snapshot of a disk or managed database, taken by a script (`doctl compute volume snapshot`, `aws ec2
  // create-snapshot`): kept by the provider, in the same account.
  const snapshot = providerSnapshotOf(tool, words);
  if (snapshot) {
    reading.dumps.push({ tool: snapshot.tool, engines: snapshot.engines, offset: at, platform: snapshot.platform, providerHeld: true });
    return;
  }
  // Cloud SQL's export to a bucket (`gcloud sql export sql orders-prod gs://acme-sql-exports/orders.sql.gz`): a copy
  // of the instance's databases in Cloud Storage, whose project the command does not say.
  if (tool === 'gcloud' && words[1] === 'sql' && words[2] === 'export' && /^(sql|csv|bak)$/.test(words[3] ?? '')) {
    const [, target] = positional(words, 4);
    reading.dumps.push({ tool: 'gcloud sql export', engines: ['postgres', 'mysql', 'mssql'], offset: at, platform: 'gcp' });
    if (target?.startsWith('gs://')) upload(target, 'gcloud sql export', false);
    return;
  }
  // Cloudflare D1's export to a SQL file (`wrangler d1 export blog-prod --remote --output=backup.sql`).
  if (tool === 'wrangler' && words[1] === 'd1' && words[2] === 'export') {
    // The database is the first word after `export` that is no flag; a variable names whichever one it holds.
    const database = words.slice(3).find((word) => !word.startsWith('-'));
    const named = database && /^[A-Za-z0-9_-]+$/.test(database) ? `cloudflare:d1:${database.toLowerCase()}` : undefined;
    reading.dumps.push({ tool: 'wrangler d1 export', engines: ['sqlite'], offset: at, platform: 'cloudflare', store: named });
    return;
  }
  if (tool === 'pscale' && (words[1] === 'database' && words[2] === 'dump')) {
    reading.dumps.push({ tool: 'pscale database dump', engines: ['mysql'], offset: at, platform: 'planetscale' });
    return;
  }
  if (tool === 'aws' && words[1] === 's3' && /^(cp|sync|mv)$/.test(words[2] ?? '')) {
    const [source, target] = positional(words, 3);
    if (target?.startsWith('s3://')) upload(target, 'aws s3', !!source && !/\.(sql|dump|gz|bak|tar|zst|archive|bz2|xz|7z)\b/i.test(source) && words[2] === 'sync', endpoint());
    else if (source?.startsWith('s3://')) fetched(source, endpoint());
    return;
  }
  if (tool === 'aws' && words[1] === 's3api' && words[2] === 'put-object') {
    const bucket = option(words, '--bucket');
    if (bucket) upload(`s3://${bucket}`, 'aws s3api', false, endpoint());
    return;
  }
  if (tool === 'aws' && ((words[1] === 'rds' && /^restore-db-(instance|cluster)-/.test(words[2] ?? '')) || (words[1] === 'dynamodb' && /^restore-table-/.test(words[2] ?? '')) || (words[1] === 'backup' && words[2] === 'start-restore-job'))) {
    // Restoring a snapshot or recovery point into a new, scratch resource.
    fetched();
    loaded(words[1] === 'dynamodb' ? 'dynamodb' : undefined);
    return;
  }
  if (tool === 'aws' && words[1] === 'dynamodb' && (words[2] === 'scan' || words[2] === 'describe-table') && words.includes('COUNT')) {
    reading.verify ??= at;
    return;
  }
  if (tool === 'aws' && words[1] === 's3api' && words[2] === 'get-object') {
    reading.fetch ??= at;
    return;
  }
  if (tool === 's3cmd' || tool === 's5cmd') {
    const sub = positional(words, 1);
    const verb = sub[0];
    const [source, target] = sub.slice(1);
    const host = option(words, '--host', '--endpoint-url') ?? endpoint();
    if ((verb === 'put' || verb === 'sync' || verb === 'cp') && target?.startsWith('s3://')) upload(target, tool, false, host);
    else if ((verb === 'get' || verb === 'sync' || verb === 'cp') && source?.startsWith('s3://')) fetched(source, host);
    return;
  }
  if (tool === 'mc') {
    if (words[1] === 'alias' && words[2] === 'set' && words[3] && words[4]) {
      mcAliases.set(words[3], words[4]);
      return;
    }
    if (/^(cp|mirror|pipe)$/.test(words[1] ?? '')) {
      const args = positional(words, 2);
      const target = args[args.length - 1];
      const source = args.length > 1 ? args[0] : undefined;
      const alias = target?.split('/')[0];
      if (target && alias && !/^[./~]/.test(target) && target.includes('/')) {
        const url = mcAliases.get(alias) ?? env.get(`MC_HOST_${alias}`);
        reading.uploads.push({ tool: 'mc', offset: at, destination: url ? classifyDestination(`s3://${target}`, url.replace(/\/\/[^@]*@/, '//')) : { display: target, unresolved: true }, fileLevel: words[1] === 'mirror', ref: url ? undefined : `mc:${alias}` });
      } else if (source && source.includes('/') && !/^[./~]/.test(source)) reading.fetch ??= at;
    }
    return;
  }
  if (tool === 'gsutil' || (tool === 'gcloud' && words[1] === 'storage')) {
    const args = positional(words, tool === 'gsutil' ? 1 : 2).filter((word) => !/^(cp|rsync|mv|-m)$/.test(word));
    const target = args[args.length - 1];
    const source = args[0];
    if (target?.startsWith('gs://')) upload(target, tool, false);
    else if (source?.startsWith('gs://')) fetched(source);
    return;
  }
  if (tool === 'az' && words[1] === 'storage' && words[2] === 'blob') {
    const account = option(words, '--account-name') ?? env.get('AZURE_STORAGE_ACCOUNT');
    const container = option(words, '--container-name', '-c');
    if (/^(upload|upload-batch|sync)$/.test(words[3] ?? '')) upload(account ? `https://${account}.blob.core.windows.net/${container ?? ''}` : 'azure://', 'az storage', false);
    else if (/^(download|download-batch)$/.test(words[3] ?? '')) reading.fetch ??= at;
    return;
  }
  if (tool === 'azcopy' && /^(copy|cp|sync)$/.test(words[1] ?? '')) {
    const [source, target] = positional(words, 2);
    if (target && /blob\.core\.windows\.net/.test(target)) upload(target, 'azcopy', false);
    else if (source && /blob\.core\.windows\.net/.test(source)) fetched(source);
    return;
  }
  if (tool === 'b2') {
    const verb = words[1];
    if (verb === 'upload-file' || verb === 'upload_file' || (verb === 'file' && words[2] === 'upload')) upload(`b2://${positional(words, verb === 'file' ? 3 : 2)[0] ?? ''}`, 'b2', false);
    else if (verb === 'sync') {
      const [source, target] = positional(words, 2);
      if (target?.startsWith('b2://')) upload(target, 'b2', true);
      else if (source?.startsWith('b2://')) fetched(source);
    } else if (/^download/.test(verb ?? '') || (verb === 'file' && words[2] === 'download')) reading.fetch ??= at;
    return;
  }
  if (tool === 'rclone' && /^(copy|sync|copyto|move|moveto|rcat)$/.test(words[1] ?? '')) {
    const args = positional(words, 2);
    const target = args[args.length - 1];
    const source = args.length > 1 ? args[0] : undefined;
    const isRemote = (path: string | undefined) => !!path && /^[\w-]+:/.test(path) && !/^[A-Za-z]:\\/.test(path);
    if (isRemote(target)) {
      const name = target!.split(':')[0]!;
      reading.uploads.push({ tool: 'rclone', offset: at, destination: classifyDestination(target!, undefined, rcloneFromEnv(env)), fileLevel: words[1] === 'sync' || !/\.(sql|dump|gz|bak|tar|zst|archive)\b/.test(source ?? ''), ref: rcloneFromEnv(env).has(name.toLowerCase()) ? undefined : `rclone:${name.toLowerCase()}` });
    } else if (isRemote(source)) fetched(source);
    return;
  }
  if (tool === 'restic' || tool === 'resticprofile') {
    const repository = option(words, '-r', '--repo') ?? env.get('RESTIC_REPOSITORY');
    const verb = positional(dropOptionValues(words, RESTIC_VALUE_OPTIONS), 1)[0];
    if (verb === 'backup') {
      const stdin = words.includes('--stdin') || words.includes('--stdin-from-command') || piped;
      reading.uploads.push({ tool: 'restic', offset: at, destination: repository ? classifyDestination(repository) : { display: '$RESTIC_REPOSITORY', unresolved: true }, fileLevel: !stdin, ref: repository?.startsWith('rclone:') ? `rclone:${repository.split(':')[1]!.toLowerCase()}` : undefined });
    } else if (verb === 'restore' || verb === 'dump') {
      fetched(repository);
      if (verb === 'restore') loaded('volume');
    }
    else if (verb === 'check' && words.includes('--read-data')) reading.verify ??= at;
    return;
  }
  if (tool === 'duplicity') {
    // `duplicity [full|incremental] <dir> <url>` backs up; `duplicity [restore] <url> <dir>` restores.
    const args = positional(words, 1).filter((word) => !/^(full|incremental|incr|restore)$/.test(word));
    const [source, target] = args;
    if (target && /:\/\//.test(target) && !/:\/\//.test(source ?? '')) upload(target, 'duplicity', true);
    else if (source && /:\/\//.test(source)) {
      fetched(source);
      loaded('volume');
    } else if (words[1] === 'verify') reading.verify ??= at;
    return;
  }
  if (tool === 'kopia') {
    // The repository is connected once (`kopia repository create b2 --bucket=...`); snapshots go wherever it points.
    if (words[1] === 'repository' && /^(create|connect)$/.test(words[2] ?? '') && words[3]) {
      const bucket = option(words, '--bucket', '--container') ?? '';
      const schemes: Record<string, string> = { s3: 's3://', b2: 'b2://', gcs: 'gs://', azure: 'azure://', filesystem: '', sftp: 'sftp://', rclone: 'rclone:' };
      const location = words[3] === 'filesystem' ? option(words, '--path') : words[3] === 'sftp' ? option(words, '--host') : bucket;
      if (location !== undefined && schemes[words[3]] !== undefined) env.set(KOPIA_REPOSITORY, `${schemes[words[3]]}${location}`);
      const givenEndpoint = option(words, '--endpoint');
      if (givenEndpoint) env.set(KOPIA_ENDPOINT, `https://${givenEndpoint.replace(/^https?:\/\//, '')}`);
    } else if (words[1] === 'snapshot' && words[2] === 'create') {
      const repository = env.get(KOPIA_REPOSITORY);
      reading.uploads.push({ tool: 'kopia', offset: at, destination: repository ? classifyDestination(repository, env.get(KOPIA_ENDPOINT)) : { display: 'kopia repository', unresolved: true }, fileLevel: !piped && !words.includes('--stdin-file') });
    } else if ((words[1] === 'snapshot' && words[2] === 'restore') || words[1] === 'restore') {
      fetched(env.get(KOPIA_REPOSITORY), env.get(KOPIA_ENDPOINT));
      loaded('volume');
    } else if (words[1] === 'snapshot' && words[2] === 'verify') reading.verify ??= at;
    return;
  }
  if (tool === 'borg' || tool === 'borgbackup') {
    const verb = words[1];
    if (verb === 'create') {
      const archive = positional(words, 2)[0] ?? '';
      const repository = archive.startsWith('::') ? env.get('BORG_REPO') : archive.split('::')[0];
      reading.uploads.push({ tool: 'borg', offset: at, destination: repository ? classifyDestination(repository) : { display: '$BORG_REPO', unresolved: true }, fileLevel: !piped && !words.includes('-') });
    } else if (verb === 'extract' || verb === 'export-tar') {
      fetched(positional(words, 2)[0]?.split('::')[0] || env.get('BORG_REPO'));
      loaded('volume');
    }
    else if (verb === 'check' && words.includes('--verify-data')) reading.verify ??= at;
    return;
  }
  if (tool === 'rsync' || tool === 'scp') {
    const args = positional(words, 1);
    const target = args[args.length - 1];
    const source = args.length > 1 ? args[0] : undefined;
    const remote = (path: string | undefined) => !!path && /^(?:[\w.-]+@)?[\w.-]+:(?!\/\/)/.test(path) && !/^[A-Za-z]:[\\/]/.test(path);
    if (remote(target)) {
      // `rsync %p backup:/wal/%f`: a host with no domain is still another host over ssh, not an rclone remote.
      const destination = classifyDestination(target!);
      const ssh = destination.unresolved && !isUnresolved(target!) ? { ...destination, provider: 'ssh', unresolved: false } : destination;
      reading.uploads.push({ tool, offset: at, destination: ssh, fileLevel: tool === 'rsync' });
    }
    else if (remote(source)) fetched(source);
    return;
  }
  if (tool === 'curl' && (words.includes('-T') || words.some((word) => word.startsWith('--upload-file')))) {
    const url = positional(words, 1).find((word) => /^https?:\/\//.test(word));
    if (url) upload(url, 'curl', false);
    return;
  }
  if (tool === 'wrangler' && words[1] === 'r2' && words[2] === 'object') {
    if (words[3] === 'put') upload(`r2://${positional(words, 4)[0] ?? ''}`, 'wrangler r2', false);
    else if (words[3] === 'get') reading.fetch ??= at;
    return;
  }
  if (tool === 'gh' && words[1] === 'release' && words[2] === 'upload') {
    reading.uploads.push({ tool: 'gh release', offset: at, destination: { display: 'GitHub release assets', provider: 'github', unresolved: false }, fileLevel: false });
    return;
  }
  if (tool === 'wal-g' || tool === 'wal-e' || tool === 'envdir') {
    const verb = words.find((word) => /^(backup-push|backup-fetch|wal-push)$/.test(word));
    if (verb === 'backup-push') {
      const prefix = ['WALG_S3_PREFIX', 'WALG_GS_PREFIX', 'WALG_AZ_PREFIX', 'WALG_SSH_PREFIX', 'WALG_FILE_PREFIX', 'WALE_S3_PREFIX'].map((name) => env.get(name)).find(Boolean);
      reading.dumps.push({ tool: 'wal-g', engines: ['postgres'], offset: at });
      // With no prefix in the script's environment, WAL-G's own settings (an env file, `.walg.json`) say where.
      reading.uploads.push({ tool: 'wal-g', offset: at, destination: prefix ? classifyDestination(prefix, env.get('AWS_ENDPOINT') ?? env.get('WALG_S3_ENDPOINT')) : { display: '$WALG_*_PREFIX', unresolved: true }, fileLevel: false, ...(prefix ? {} : { ref: `${ARCHIVE_TOOL_REF}wal-g|wal-e` }) });
    } else if (verb === 'backup-fetch') {
      fetched(['WALG_S3_PREFIX', 'WALG_GS_PREFIX', 'WALG_AZ_PREFIX'].map((name) => env.get(name)).find(Boolean));
      loaded('postgres');
    }
    return;
  }
  // Percona Backup for MongoDB: `pbm backup` writes to the storage its config file (`pbm config --file`) names.
  if (tool === 'pbm') {
    if (words[1] === 'backup') {
      reading.dumps.push({ tool: 'pbm', engines: ['mongo'], offset: at });
      reading.uploads.push({ tool: 'pbm', offset: at, destination: { display: "PBM's configured storage", unresolved: true }, fileLevel: false, ref: `${ARCHIVE_TOOL_REF}pbm` });
    } else if (words[1] === 'restore') {
      fetched();
      loaded('mongo');
    }
    return;
  }
  if (tool === 'barman-cloud-backup') {
    const destination = positional(words, 1).find((word) => /^(s3|gs|https?|azure):\/\//.test(word));
    reading.dumps.push({ tool, engines: ['postgres'], offset: at });
    reading.uploads.push({ tool, offset: at, destination: destination ? classifyDestination(destination, option(words, '--endpoint-url')) : { display: 'barman-cloud', unresolved: true }, fileLevel: false });
    return;
  }
  if (tool === 'barman-cloud-restore' || (tool === 'barman' && words[1] === 'recover')) {
    fetched(positional(words, 1).find((word) => /^(s3|gs|https?|azure):\/\//.test(word)), option(words, '--endpoint-url'));
    loaded('postgres');
    return;
  }
  if (tool === 'litestream' && words[1] === 'restore') {
    fetched(positional(words, 2).find((word) => /:\/\//.test(word)));
    loaded('sqlite');
    return;
  }
  if (tool === 'pgbackrest' || tool === 'pgbackrest.sh') {
    if (words.includes('restore')) {
      fetched();
      loaded('postgres');
    } else if (words.includes('verify')) reading.verify ??= at;
    return;
  }
  if (tool === 'velero' && words[1] === 'restore' && words[2] === 'create') {
    fetched();
    loaded();
    return;
  }
  if ((tool === 'docker' || tool === 'podman') && words[1] === 'run' && words.some((word) => /^(postgres|mysql|mariadb|mongo)(:|$)/.test(word.replace(/^docker\.io\/(library\/)?/, '')))) {
    loaded(words.map((word) => word.replace(/^docker\.io\/(library\/)?/, '')).find((word) => /^(postgres|mysql|mariadb|mongo)(:|$)/.test(word))?.replace(/[:].*$/, '').replace('mariadb', 'mysql'));
  }
}

/** rclone remotes configured through `RCLONE_CONFIG_<NAME>_TYPE` variables. */
function rcloneFromEnv(env: ScriptEnv): Map<string, string> {
  const remotes = new Map<string, string>();
  for (const [key, value] of env) {
    const match = /^RCLONE_CONFIG_([A-Z0-9_]+)_TYPE$/.exec(key);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    const provider = env.get(`RCLONE_CONFIG_${match[1]}_PROVIDER`);
    const endpoint = env.get(`RCLONE_CONFIG_${match[1]}_ENDPOINT`);
    const resolved = providerOfRemote(value, provider, endpoint);
    if (resolved) remotes.set(name, resolved);
  }
  return remotes;
}

/** Options of `helm upgrade`/`install` that take a value. */
const HELM_VALUE_OPTIONS = ['-n', '--namespace', '-f', '--values', '--set', '--set-string', '--set-file', '--version', '--timeout', '--kube-context', '--kubeconfig', '-o', '--output', '--post-renderer', '--description', '--repo'];

/** A command that ships the app somewhere: the platform, and for compose, the file it brings up and whether on a server. */
function deployOf(words: string[], remote: boolean): { kind: string; composeFiles?: string[]; remote: boolean; release?: HelmRelease; stackTags?: StackTags } | undefined {
  const [head, first, second] = words;
  const tool = head?.replace(/^.*\//, '');
  const stack = stackDeployOf(tool, words);
  if (stack) return { kind: 'infrastructure', remote: true, stackTags: stack.tags.length > 0 ? { template: stack.template, tags: stack.tags } : undefined };
  if ((tool === 'fly' || tool === 'flyctl') && first === 'deploy') return { kind: 'fly', remote: true };
  if (tool === 'railway' && (first === 'up' || (first === 'deploy' && !words.includes('-t') && !words.includes('--template')))) return { kind: 'railway', remote: true };
  if (tool === 'vercel' && (first === 'deploy' || words.includes('--prod'))) return { kind: 'vercel', remote: true };
  if (tool === 'netlify' && first === 'deploy') return { kind: 'netlify', remote: true };
  if (tool === 'kamal' && /^(deploy|setup|redeploy)$/.test(first ?? '')) return { kind: 'kamal', remote: true };
  if (tool === 'heroku' && /^container:release$/.test(first ?? '')) return { kind: 'heroku', remote: true };
  if (tool === 'git' && first === 'push' && /^(heroku|dokku)$/.test(second ?? '')) return { kind: second!, remote: true };
  if (tool === 'dokku') return { kind: 'dokku', remote: true };
  // Laravel's deploy tools: the Forge CLI (`forge deploy shop.acme.com`), Envoyer's and Deployer's (`dep deploy production`).
  if ((tool === 'forge' || tool === 'envoyer' || tool === 'dep') && first === 'deploy') return { kind: tool === 'dep' ? 'deployer' : tool, remote: true };
  if (tool === 'kubectl' && (first === 'apply' || first === 'rollout')) return { kind: 'kubernetes', remote: true };
  if (tool === 'helm' && (first === 'upgrade' || first === 'install')) {
    // `helm upgrade --install acme ./chart -n acme-prod -f …`: the release name, then the chart.
    const [name, chart] = positional(dropOptionValues(words.slice(1), HELM_VALUE_OPTIONS), 1);
    const namespace = optionValues(words, '-n', '--namespace')[0];
    return { kind: 'kubernetes', remote: true, release: chart ? { chart, namespace, name, sets: optionValues(words, '--set', '--set-string'), values: optionValues(words, '-f', '--values') } : undefined };
  }
  if ((tool === 'serverless' || tool === 'sls' || tool === 'sst' || tool === 'cdk' || tool === 'cdklocal') && first === 'deploy') return { kind: 'infrastructure', remote: true };
  if ((tool === 'terraform' || tool === 'tofu' || tool === 'terragrunt') && first === 'apply') return { kind: 'infrastructure', remote: true };
  if (tool === 'pulumi' && first === 'up') return { kind: 'infrastructure', remote: true };
  if (tool === 'gcloud' && words.includes('deploy')) return { kind: 'cloud', remote: true };
  if (tool === 'az' && /^(webapp|containerapp|functionapp)$/.test(first ?? '')) return { kind: 'cloud', remote: true };
  if (tool === 'aws' && (first === 'ecs' || (first === 'deploy' && second === 'create-deployment'))) return { kind: 'cloud', remote: true };
  if ((tool === 'eb' || tool === 'copilot') && words.includes('deploy')) return { kind: 'cloud', remote: true };
  if (tool === 'docker' && first === 'stack' && second === 'deploy') return { kind: 'compose', composeFiles: optionValues(words, '-c', '--compose-file'), remote: true };
  const compose = tool === 'docker-compose' ? words.slice(1) : tool === 'docker' && words.includes('compose') ? words.slice(words.indexOf('compose') + 1) : undefined;
  if (compose && compose.includes('up')) {
    const onServer = remote || (tool === 'docker' && words.slice(0, words.indexOf('compose')).some((word) => word === '--context' || word === '-H' || word.startsWith('--host') || word.startsWith('ssh://')));
    return { kind: 'compose', composeFiles: optionValues(compose, '-f', '--file'), remote: onServer };
  }
  return undefined;
}

/**
 * `aws cloudformation deploy --template-file t.yaml`, `aws cloudformation create-stack|update-stack --template-body
 * file://t.yaml`, `sam deploy [-t t.yaml]`: whether it tags the stack (`--tags`), and the local template it names.
 */
function stackDeployOf(tool: string | undefined, words: string[]): { tags: string[]; template?: string } | undefined {
  let template: string | undefined;
  if (tool === 'aws') {
    const at = words.indexOf('cloudformation');
    const action = at === -1 ? undefined : words[at + 1];
    if (action === 'deploy') template = option(words, '--template-file');
    else if (action === 'create-stack' || action === 'update-stack') template = /^file:\/\/(.+)$/.exec(option(words, '--template-body') ?? '')?.[1];
    else return undefined;
  } else if (tool === 'sam' && words[1] === 'deploy') template = option(words, '--template-file', '--template', '-t');
  else return undefined;
  const tags = stackTagsOf(words);
  // A built (`.aws-sam/build`), remote or computed template names no file of the repository.
  const local = template && !/^(?:https?:|s3:|\/)|\$|\.aws-sam\//.test(template) ? template.replace(/^\.\//, '') : undefined;
  return { tags, template: local };
}

/**
 * `--tags Backup=daily Team=orders` (deploy, sam), `--tags Key=Backup,Value=daily` (create-stack), or one quoted
 * `"Backup=daily Team=orders"`: each tag as `key=value`, `*` for one written as a variable.
 */
function stackTagsOf(words: string[]): string[] {
  const tags: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word !== '--tags' && !word.startsWith('--tags=')) continue;
    const values = word === '--tags' ? [] : [word.slice('--tags='.length)];
    if (word === '--tags') for (let j = i + 1; j < words.length && !words[j]!.startsWith('--'); j++) values.push(words[j]!);
    for (const value of values.flatMap((text) => text.split(/\s+/)).filter(Boolean)) {
      const pair = /^Key=([^,]+),Value=(.*)$/.exec(value) ?? /^([^=,$]+)=([^,]*)$/.exec(value);
      tags.push(pair && !/\$/.test(pair[2]!) ? `${pair[1]}=${pair[2]}`.toLowerCase() : '*');
    }
    if (values.length === 0) tags.push('*');
  }
  return tags;
}

function optionValues(words: string[], ...names: string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const name of names) {
      if (words[i] === name && words[i + 1]) values.push(words[i + 1]!);
      else if (words[i]!.startsWith(`${name}=`)) values.push(words[i]!.slice(name.length + 1));
    }
  }
  return values;
}

const PROVISIONED_ENGINES: Readonly<Record<string, string>> = lookupTable({ postgres: 'postgres', postgresql: 'postgres', mysql: 'mysql', mariadb: 'mysql', mongo: 'mongo', mongodb: 'mongo' });

/** A command that creates a database on a platform: the store exists even though no config file declares it. */
function provisionOf(tool: string, words: string[]): { platform: string; engine: string; name?: string; environment?: string } | undefined {
  if (tool === 'railway') {
    // `railway volume add --mount-path /data` (aliases `create`, `new`): a volume made outside any config file, whose
    // backups are snapshots on the volume itself.
    if (words[1] === 'volume' && /^(add|create|new)$/.test(words[2] ?? '')) {
      const mountPath = option(words, '-m', '--mount-path');
      const service = option(words, '-s', '--service');
      return { platform: 'railway', engine: 'volume', name: service && mountPath ? `${service}:${mountPath}` : (mountPath ?? service ?? 'volume'), environment: option(words, '-e', '--environment') };
    }
    // `railway add -d postgres`, `railway add --database postgres`, `railway deploy -t postgres` (a template).
    const database = option(words, '-d', '--database') ?? (words[1] === 'deploy' ? option(words, '-t', '--template') : undefined);
    const engine = database ? PROVISIONED_ENGINES[database.toLowerCase()] : undefined;
    return engine ? { platform: 'railway', engine, name: database } : undefined;
  }
  if ((tool === 'fly' || tool === 'flyctl') && (words[1] === 'postgres' || words[1] === 'pg') && words[2] === 'create') {
    return { platform: 'fly', engine: 'postgres', name: option(words, '--name', '-n') };
  }
  if (tool === 'heroku' && words[1] === 'addons:create') {
    const plan = words[2] ?? '';
    return /^heroku-postgresql/.test(plan) ? { platform: 'heroku', engine: 'postgres', name: plan } : undefined;
  }
  if (tool === 'dokku' && /^(postgres|mysql|mariadb|mongo):create$/.test(words[1] ?? '')) {
    return { platform: 'dokku', engine: PROVISIONED_ENGINES[words[1]!.split(':')[0]!]!, name: words[2] };
  }
  return undefined;
}
