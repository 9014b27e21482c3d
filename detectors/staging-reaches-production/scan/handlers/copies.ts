// Commands in scripts, Makefiles, runbooks and CI steps that copy production's database into another one: a dump
// piped or handed by file into a restore (`pg_dump "$PROD_DATABASE_URL" | psql "$STAGING_DATABASE_URL"`,
// `mysqldump … > prod.sql` then `mysql … < prod.sql`), and the clouds' own copies (`aws rds
// restore-db-instance-from-db-snapshot`, `aws rds restore-db-instance-to-point-in-time`, `gcloud sql instances clone`,
// `gcloud sql backups restore`, `az postgres flexible-server restore`). The source must be named for production; the
// target for another environment, or else the script's own path must name one.
import type { SourceFile } from '../../../../src/model.js';
import type { CanonicalEnvironment } from '../../../../src/facts/environment.js';
import { environmentOfPath, environmentsNamedIn } from '../../../../knowledge/environments/names.js';

export interface DatabaseCopy {
  /** Offset of the command that lands the copy in the other environment. */
  index: number;
  environment: Exclude<CanonicalEnvironment, 'production' | 'base'>;
  /** How the environment is named (`STAGING_DATABASE_URL`, `orders-staging`, the script's path). */
  environmentName: string;
  /** `pg_dump "$PROD_DATABASE_URL" | psql`, for the message: words that name, never a value that could hold a password. */
  command: string;
  source: string;
  evidence: string;
  /** The line that writes the dump, when it is another than the restore's. */
  dumpLine?: number;
}

/** Tools that write a database out, and those that load one, by the name they run as. */
const DUMP_TOOLS = new Set(['pg_dump', 'pg_dumpall', 'mysqldump', 'mariadb-dump', 'mongodump']);
const RESTORE_TOOLS = new Set(['psql', 'pg_restore', 'mysql', 'mariadb', 'mongorestore']);
/** Options whose value is the dump file a tool writes or reads. */
const FILE_OPTIONS = new Set(['-f', '--file', '-r', '--result-file', '--archive', '--out', '-o', '--dir', '--input-file']);
/** Words that are a dump file by their shape. */
const FILE_LIKE = /\.(?:sql|dump|pgdump|backup|bak|gz|bz2|xz|zst|zip|tar|tgz|archive|bson|custom)$/i;
/** Programs a dump is piped through on its way to a file: `pg_dump … | gzip > prod.sql.gz`. */
const PASSES = new Set(['gzip', 'bzip2', 'xz', 'zstd', 'lz4', 'pv', 'tee']);
/** Programs that only pass a file's bytes to the next stage: `gunzip -c prod.sql.gz | psql`. */
const READERS = new Set(['cat', 'zcat', 'gzcat', 'gunzip', 'gzip', 'pv', 'bzcat', 'xzcat', 'zstdcat', 'lz4cat']);
const RESTORE_WORDS = new RegExp(`\\b(?:${[...RESTORE_TOOLS].join('|')})\\b`);
/**
 * The commands that copy a database, by the words a line shows (a space: any blanks) and a literal every file running
 * them holds, which admits the file to the detector (a cloud's copy needs its CLI, `gcloud`, on the line).
 */
const COPY_COMMANDS: ReadonlyArray<{ words: string; keyword: string }> = [
  { words: 'pg_dump', keyword: 'pg_dump' },
  { words: 'pg_dumpall', keyword: 'pg_dump' },
  { words: 'mysqldump', keyword: 'mysqldump' },
  { words: 'mariadb-dump', keyword: 'mariadb-dump' },
  { words: 'mongodump', keyword: 'mongodump' },
  { words: 'restore-db-', keyword: 'restore-db-' },
  { words: 'create-db-instance-read-replica', keyword: 'read-replica' },
  { words: 'sql instances clone', keyword: 'gcloud' },
  { words: 'sql backups restore', keyword: 'gcloud' },
  { words: 'flexible-server restore', keyword: 'flexible-server' },
];
export const COPY_KEYWORDS: readonly string[] = [...new Set(COPY_COMMANDS.map((command) => command.keyword))];
const TOOL_WORDS = new RegExp(`\\b(?:${COPY_COMMANDS.map((command) => command.words.split(' ').join('\\s+')).join('|')})\\b`);

interface Word {
  /** The word with quotes and a leading backtick removed. */
  text: string;
  index: number;
}

interface Stage {
  words: Word[];
  /** Files written by `>` and read by `<`. */
  writes: string[];
  reads: string[];
}

/** The copies of production's database the commands of one file make. */
export function databaseCopies(file: SourceFile): DatabaseCopy[] {
  const text = file.text;
  if (!TOOL_WORDS.test(text)) return [];
  const copies: DatabaseCopy[] = [];
  const assignments = assignmentsOf(text);
  const pathEnvironment = environmentOfPath(file.path);
  const fallback = pathEnvironment && pathEnvironment.environment !== 'production' && pathEnvironment.environment !== 'base' ? pathEnvironment : undefined;
  const named = (words: readonly Word[]) => namedEnvironments(words, assignments);
  // Dumps to a file, for the restores later in the file that read it.
  const dumpsToFile: Array<{ file: string; source: string; tool: string; line: number }> = [];

  for (const pipeline of pipelines(text)) {
    for (let position = 0; position < pipeline.length; position++) {
      const stage = pipeline[position]!;
      const tool = toolOf(stage, DUMP_TOOLS);
      if (tool) {
        // A schema has no rows: `pg_dump --schema-only`, `mysqldump --no-data`.
        if (stage.words.slice(tool.at + 1).some((word) => (tool.name.startsWith('pg_') ? PG_SCHEMA_ONLY : MYSQL_SCHEMA_ONLY).test(word.text))) continue;
        const source = named(connectionWords(stage, tool.at));
        if (!isProductionOnly(source.environments)) continue;
        // A dump piped (through readers and compressors) into a restore, unless something on the way masks it.
        const restoreAt = pipeline.findIndex((next, index) => index > position && toolOf(next, RESTORE_TOOLS));
        const restoreStage = restoreAt > 0 ? pipeline[restoreAt] : undefined;
        if (restoreStage && pipeline.slice(position + 1, restoreAt).some((between) => between.words.some((word) => MASKING.test(word.text)))) continue;
        if (restoreStage) {
          const restore = toolOf(restoreStage, RESTORE_TOOLS)!;
          const target = targetOf(named(connectionWords(restoreStage, restore.at)), fallback);
          if (target) copies.push(copy(stage.words[tool.at]!.index, target, `${tool.name} ${source.shown} | ${restore.name}${target.shown ? ` ${target.shown}` : ''}`, source.shown, tool.name));
          continue;
        }
        // Written by the dump, or by what it is piped through (`pg_dump … | gzip > prod.sql.gz`, `| tee prod.sql`).
        const through = pipeline.slice(position + 1).filter((next) => PASSES.has(baseName(next.words[0]?.text ?? '')));
        const written = [...filesOf(stage, tool.at), ...stage.writes, ...through.flatMap((next) => [...next.writes, ...next.words.slice(1).filter((word) => FILE_LIKE.test(word.text)).map((word) => word.text)])];
        for (const path of written) dumpsToFile.push({ file: baseName(path), source: source.shown, tool: tool.name, line: file.positionAt(stage.words[tool.at]!.index).line });
        continue;
      }
      const restore = toolOf(stage, RESTORE_TOOLS);
      if (restore && dumpsToFile.length > 0) {
        // `psql "$STAGING_DATABASE_URL" < prod.sql`, `pg_restore -d … prod.dump`, `gunzip -c prod.sql.gz | psql …`.
        const previous = position > 0 ? pipeline[position - 1] : undefined;
        const fed = previous && READERS.has(baseName(previous.words[0]?.text ?? '')) ? previous.words.slice(1).filter((word) => !word.text.startsWith('-')).map((word) => word.text) : [];
        const inputs = new Set([...filesOf(stage, restore.at), ...stage.reads, ...fed].map(baseName));
        const dump = dumpsToFile.find((candidate) => inputs.has(candidate.file));
        // A step between the dump and the restore that masks the data (`./scripts/anonymize.sh prod.sql`).
        if (!dump || maskedBetween(text, file, dump.line, stage.words[restore.at]!.index)) continue;
        const target = targetOf(named(connectionWords(stage, restore.at)), fallback);
        if (target) copies.push({ ...copy(stage.words[restore.at]!.index, target, `${dump.tool} ${dump.source} > ${dump.file}; ${restore.name}${target.shown ? ` ${target.shown}` : ''} ${dump.file}`, dump.source, dump.tool), dumpLine: dump.line });
        continue;
      }
      const cloud = cloudCopy(stage, named, fallback);
      if (cloud) copies.push(cloud);
    }
  }
  return copies;
}

/** Options that dump the schema alone (pg_dump's `-d` names the database; mysqldump's means no data). */
const PG_SCHEMA_ONLY = /^(?:-s|--schema-only)$/;
const MYSQL_SCHEMA_ONLY = /^(?:-d|--no-data)$/;
/** Words of a step that anonymises a copy on its way: a masking tool or script. */
const MASKING = /anonymi[sz]|saniti[sz]|scrub|\bmask|redact|obfuscat|pseudonymi[sz]|greenmask|replibyte/i;

/** A command line (not a comment) between the dump's line and the restore that masks data. */
function maskedBetween(text: string, file: SourceFile, dumpLine: number, restoreIndex: number): boolean {
  const from = file.lineStart(dumpLine + 1) ?? text.length;
  return text
    .slice(from, restoreIndex)
    .split('\n')
    .some((line) => !/^\s*(?:#|\/\/)/.test(line) && MASKING.test(line));
}

function copy(index: number, target: { environment: DatabaseCopy['environment']; name: string }, command: string, source: string, tool: string): DatabaseCopy {
  return { index, environment: target.environment, environmentName: target.name, command, source, evidence: `copy:${tool}:${source}:${target.name}` };
}

/**
 * The clouds' copies: the source named by its option (or first operand), the new database by its own.
 * `aws rds restore-db-instance-from-db-snapshot --db-snapshot-identifier orders-prod-… --db-instance-identifier orders-staging`.
 */
const CLOUD_COPIES: ReadonlyArray<{ command: RegExp; source: readonly string[]; target: readonly string[]; operands?: [number, number] }> = [
  { command: /^aws rds restore-db-(?:instance|cluster)-from-(?:db-)?snapshot$/, source: ['--db-snapshot-identifier', '--snapshot-identifier'], target: ['--db-instance-identifier', '--db-cluster-identifier'] },
  { command: /^aws rds restore-db-(?:instance|cluster)-to-point-in-time$/, source: ['--source-db-instance-identifier', '--source-db-cluster-identifier'], target: ['--target-db-instance-identifier', '--db-cluster-identifier'] },
  { command: /^aws rds create-db-instance-read-replica$/, source: ['--source-db-instance-identifier'], target: ['--db-instance-identifier'] },
  { command: /^gcloud (?:beta )?sql instances clone$/, source: [], target: [], operands: [0, 1] },
  { command: /^gcloud (?:beta )?sql backups restore$/, source: ['--backup-instance'], target: ['--restore-instance'] },
  { command: /^az (?:postgres|mysql) flexible-server (?:restore|geo-restore|replica create)$/, source: ['--source-server'], target: ['--name', '-n', '--replica-name'] },
  { command: /^az sql db copy$/, source: ['--server', '-s'], target: ['--dest-server'] },
];

function cloudCopy(stage: Stage, named: (words: readonly Word[]) => Naming, fallback: { environment: CanonicalEnvironment; name: string } | undefined): DatabaseCopy | undefined {
  const texts = stage.words.map((word) => word.text);
  const start = texts.findIndex((word) => word === 'aws' || word === 'gcloud' || word === 'az');
  if (start < 0) return undefined;
  for (const known of CLOUD_COPIES) {
    // The command is its first words before any option (`gcloud sql instances clone`, `gcloud beta sql …`).
    const operandsAt = texts.findIndex((word, index) => index > start && word.startsWith('-'));
    const head = texts.slice(start, operandsAt < 0 ? undefined : operandsAt);
    for (let length = Math.min(head.length, 6); length >= 3; length--) {
      if (!known.command.test(head.slice(0, length).join(' '))) continue;
      const operands = head.slice(length).map((_text, offset) => stage.words[start + length + offset]!);
      const sourceWord = known.operands ? operands[known.operands[0]] : optionValue(stage, start, known.source);
      const targetWord = known.operands ? operands[known.operands[1]] : optionValue(stage, start, known.target);
      if (!sourceWord) return undefined;
      const source = named([sourceWord]);
      if (!isProductionOnly(source.environments)) return undefined;
      const target = targetOf(targetWord ? named([targetWord]) : { environments: new Set(), shown: '', local: false }, fallback);
      if (!target) return undefined;
      const command = head.slice(0, length).join(' ');
      return copy(stage.words[start]!.index, target, `${command} ${source.shown}${target.shown ? ` → ${target.shown}` : ''}`, source.shown, command);
    }
  }
  return undefined;
}

function optionValue(stage: Stage, from: number, options: readonly string[]): Word | undefined {
  for (let i = from; i < stage.words.length; i++) {
    const word = stage.words[i]!;
    const eq = word.text.indexOf('=');
    const option = eq > 0 ? word.text.slice(0, eq) : word.text;
    if (!options.includes(option)) continue;
    if (eq > 0) return { text: word.text.slice(eq + 1), index: word.index + eq + 1 };
    return stage.words[i + 1];
  }
  return undefined;
}

interface Naming {
  environments: Set<CanonicalEnvironment>;
  /** The naming words as shown: variable names, hosts and database names, never a URL's credentials. */
  shown: string;
  /** A loopback host: a developer's own database. */
  local: boolean;
}

/** The environments a command's connection words name, a variable read by its name and the value the script gives it. */
function namedEnvironments(words: readonly Word[], assignments: ReadonlyMap<string, string>): Naming {
  const environments = new Set<CanonicalEnvironment>();
  const shown: string[] = [];
  let local = false;
  for (const word of words) {
    for (const part of namingParts(word.text)) {
      const value = part.variable ? assignments.get(part.variable) : undefined;
      const found = environmentsNamedIn(part.name);
      for (const environment of found.size > 0 ? found : environmentsNamedIn(value ?? '')) environments.add(environment);
      if (/(?:^|[@/\s])(?:localhost|127\.0\.0\.1)(?:$|[:/\s])/.test(` ${part.name} ${value ?? ''} `)) local = true;
      if (found.size > 0 || (value && environmentsNamedIn(value).size > 0)) shown.push(part.shown);
    }
  }
  return { environments, shown: [...new Set(shown)].join(' '), local };
}

/**
 * The parts of a word that can name an environment: a variable (`$PROD_DATABASE_URL`, `${{ secrets.PROD_DB_URL }}`),
 * a URL's host and database (its user and password left out), an option's value, or the word itself.
 */
function namingParts(word: string): Array<{ name: string; shown: string; variable?: string }> {
  const parts: Array<{ name: string; shown: string; variable?: string }> = [];
  for (const reference of word.matchAll(/\$\{\{\s*(?:secrets|vars|env)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}|\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
    const name = reference[1] ?? reference[2]!;
    parts.push({ name, shown: reference[1] ? `secrets.${name}` : `$${name}`, variable: reference[2] });
  }
  if (parts.length > 0) return parts;
  const value = word.includes('=') && word.startsWith('-') ? word.slice(word.indexOf('=') + 1) : word;
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^/?\s]+)(\/[^?\s]*)?/i.exec(value);
  if (url) {
    const where = `${url[1]}${url[2] ?? ''}`;
    return [{ name: where, shown: where }];
  }
  if (value.startsWith('-')) return [];
  return [{ name: value, shown: value }];
}

/** The words of a tool's stage that name its database: everything after it but the dump file and its options' flags. */
function connectionWords(stage: Stage, at: number): Word[] {
  const files = new Set(filesOf(stage, at));
  return stage.words.slice(at + 1).filter((word) => !files.has(word.text) && !FILE_LIKE.test(word.text) && !FILE_OPTIONS.has(word.text.split('=')[0]!));
}

/** The files a tool's options name (`-f prod.sql`, `--file=prod.dump`, `--archive=prod.archive`), and dump-shaped operands. */
function filesOf(stage: Stage, at: number): string[] {
  const files: string[] = [];
  for (let i = at + 1; i < stage.words.length; i++) {
    const word = stage.words[i]!.text;
    const eq = word.indexOf('=');
    if (eq > 0 && word.startsWith('--') && FILE_OPTIONS.has(word.slice(0, eq))) files.push(word.slice(eq + 1));
    else if (FILE_OPTIONS.has(word) && i + 1 < stage.words.length) files.push(stage.words[++i]!.text);
    else if (FILE_LIKE.test(word) && !word.includes('://')) files.push(word);
  }
  return files;
}

function isProductionOnly(environments: ReadonlySet<CanonicalEnvironment>): boolean {
  return environments.size === 1 && environments.has('production');
}

/** The environment a copy lands in: what its target names, a loopback host (a developer's), else the script's path. */
function targetOf(target: Naming, fallback: { environment: CanonicalEnvironment; name: string } | undefined): { environment: DatabaseCopy['environment']; name: string; shown: string } | undefined {
  const named = [...target.environments].filter((environment) => environment !== 'base');
  if (named.includes('production')) return undefined;
  if (named.length === 1) return { environment: named[0] as DatabaseCopy['environment'], name: target.shown, shown: target.shown };
  if (named.length > 1) return undefined;
  if (target.local) return { environment: 'development', name: 'local database', shown: 'localhost' };
  if (fallback) return { environment: fallback.environment as DatabaseCopy['environment'], name: fallback.name, shown: target.shown };
  return undefined;
}

/** The tool a stage runs (after `sudo`, `docker exec db`, `PGPASSWORD=… `, a YAML `run:`), and where. */
function toolOf(stage: Stage, tools: ReadonlySet<string>): { name: string; at: number } | undefined {
  for (let i = 0; i < stage.words.length; i++) {
    const name = baseName(stage.words[i]!.text);
    if (tools.has(name)) return { name, at: i };
  }
  return undefined;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `SOURCE_DB=$(heroku config:get DATABASE_URL -a acme-prod)`, `export PROD_URL="…"`: a variable's last assignment. */
function assignmentsOf(text: string): Map<string, string> {
  const assignments = new Map<string, string>();
  for (const match of text.matchAll(/^[ \t]*(?:export[ \t]+|local[ \t]+|readonly[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm)) assignments.set(match[1]!, match[2]!.trim());
  return assignments;
}

/**
 * The pipelines of the file's command lines, as stages of words: logical lines (backslash continuations joined)
 * that hold a tool, split at `;`, `&&` and `||`, then at `|`. Comment lines are skipped; quotes, `$(…)` and
 * `${{ … }}` keep their spaces inside one word.
 */
function* pipelines(text: string): Generator<Stage[]> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // A line ending in a backslash continues on the next.
    while (end < text.length && text.charCodeAt(end - 1) === 92) {
      const next = text.indexOf('\n', end + 1);
      end = next < 0 ? text.length : next;
    }
    const line = text.slice(start, end);
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('#') && !trimmed.startsWith('//') && (TOOL_WORDS.test(line) || RESTORE_WORDS.test(line))) {
      yield* splitLine(line, start);
    }
    start = end + 1;
  }
}

function* splitLine(line: string, offset: number): Generator<Stage[]> {
  let pipeline: Stage[] = [];
  let stage: Stage = { words: [], writes: [], reads: [] };
  let redirect: 'writes' | 'reads' | undefined;
  let i = 0;
  const endStage = () => {
    pipeline.push(stage);
    stage = { words: [], writes: [], reads: [] };
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || (c === '\\' && line[i + 1] === '\n') || c === '\n') {
      i += c === '\\' ? 2 : 1;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    if (c === ';' || (c === '&' && line[i + 1] === '&') || (c === '|' && line[i + 1] === '|')) {
      endStage();
      yield pipeline;
      pipeline = [];
      i += c === ';' ? 1 : 2;
      continue;
    }
    if (c === '|') {
      endStage();
      i++;
      continue;
    }
    if (c === '>' || c === '<') {
      redirect = c === '>' ? 'writes' : 'reads';
      i += line[i + 1] === '>' ? 2 : 1;
      continue;
    }
    // A word: quotes, `$(…)` and `${{ … }}` hold their spaces.
    const from = i;
    let word = '';
    let depth = 0;
    while (i < line.length) {
      const ch = line[i]!;
      if (depth === 0 && /[\s;|<>]/.test(ch) && !(ch === '&' && line[i + 1] !== '&')) break;
      if (ch === '"' || ch === "'") {
        const close = line.indexOf(ch, i + 1);
        const stop = close < 0 ? line.length : close;
        word += line.slice(i + 1, stop);
        i = stop + 1;
        continue;
      }
      if (ch === '$' && line[i + 1] === '(') depth++;
      else if (ch === '$' && line[i + 1] === '{' && line[i + 2] === '{') {
        const close = line.indexOf('}}', i);
        const stop = close < 0 ? line.length : close + 2;
        word += line.slice(i, stop);
        i = stop;
        continue;
      } else if (ch === ')' && depth > 0) depth--;
      word += ch;
      i++;
    }
    const clean = word.replace(/^`+|`+$/g, '');
    if (redirect) {
      stage[redirect].push(clean);
      redirect = undefined;
    } else if (clean !== '') stage.words.push({ text: clean, index: offset + from + (word.length - word.replace(/^`+/, '').length) });
  }
  endStage();
  yield pipeline;
}
