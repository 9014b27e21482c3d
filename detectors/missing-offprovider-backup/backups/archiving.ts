// PostgreSQL's continuous WAL archiving, configured in the server's own settings: `archive_mode = on` with an
// `archive_command` in postgresql.conf (or its Ansible/Jinja template), `postgres -c archive_command=…` in a compose or
// container command, a ConfigMap or Helm values embedding the conf, Patroni's `parameters`, and Ansible roles'
// `option: archive_command` / `value:` lists. The command says where each WAL segment goes: a backup tool whose own
// settings decide (WAL-G, pgBackRest), an upload (`aws s3 cp`, `gsutil cp`, `rclone copyto`, `rsync host:`), a Barman
// server, or a copy to a path on the database server itself (`cp %p /var/lib/postgresql/archive/%f`).
import { environmentOf, type Inventory } from '../shared.js';
import { ARCHIVE_TOOL_REF, classifyDestination, isUnresolved, type Destination } from './destinations.js';
import { readScript } from './commands.js';

/** The setting, in any of the spellings it is written in: `archive_command`, Bitnami's old camelCase `archiveCommand`. */
const SETTING = /\barchive_?command\b/gi;
/** `archive_mode = on|always`, `archive_mode=on` (a `-c` option), `archiveMode: "on"`, or an Ansible `option:`/`value:` pair. */
const MODE_ON = /\barchive_?mode\b["']?[ \t]*(?:[=:][ \t]*|\r?\n[ \t]*-?[ \t]*value[ \t]*:[ \t]*)["']?(?:on|always|true|yes)\b/i;
/** Commands that archive nothing: they only let `archive_mode` be turned on without a destination yet. */
const NO_OP = /^(?:\/bin\/|\/usr\/bin\/)?(?:true|false|:)$|^exit(?:\s+0)?$|^$/;

export interface ArchiveSetting {
  command: string;
  line: number;
}

/** The `archive_command` values a text sets, with their lines; none unless it also turns `archive_mode` on. */
export function archiveSettingsOf(text: string, lineAt: (offset: number) => number): ArchiveSetting[] {
  if (!MODE_ON.test(text)) return [];
  const settings: ArchiveSetting[] = [];
  for (const match of text.matchAll(SETTING)) {
    const start = match.index;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    // `#archive_command = ''` in the stock postgresql.conf, or a YAML comment.
    if (text.slice(lineStart, start).includes('#')) continue;
    const value = valueAfter(text, start, start + match[0].length);
    if (value === undefined) continue;
    const command = value.trim();
    if (NO_OP.test(command)) continue;
    settings.push({ command, line: lineAt(start) });
  }
  return settings;
}

/** The value written after the setting's name: `= '…'`, `: "…"`, `=…` in a command line, or a `value:` on the next line. */
function valueAfter(text: string, start: number, end: number): string | undefined {
  const opener = start > 0 ? text[start - 1] : undefined;
  let at = end;
  // `"archive_command=…"`: the value ends where the quote around the whole option does.
  if (opener === '"' || opener === "'") {
    const close = text.indexOf(opener, end);
    const inner = text.slice(end, close === -1 ? undefined : close);
    const assigned = /^[ \t]*[=:][ \t]*/.exec(inner);
    return assigned ? unquote(inner.slice(assigned[0].length)) : undefined;
  }
  const assigned = /^[ \t]*([=:])[ \t]*/.exec(text.slice(at, at + 40));
  if (!assigned) {
    // Ansible's `- option: archive_command` followed by `value: '…'`.
    const next = /^["']?[ \t]*\r?\n[ \t]*-?[ \t]*value[ \t]*:[ \t]*([^\r\n]*)/.exec(text.slice(at, at + 400));
    return next ? quotedOrLine(next[1]!) : undefined;
  }
  at += assigned[0].length;
  const rest = text.slice(at, text.indexOf('\n', at) === -1 ? undefined : text.indexOf('\n', at));
  // `-c archive_command=/usr/local/bin/archive.sh` in a command line: the value is one shell word.
  const commandLine = assigned[1] === '=' && /(?:^|\s)(?:-c[ \t]+|--)$/.test(text.slice(Math.max(0, start - 8), start));
  if (commandLine && !/^["']/.test(rest)) return rest.split(/\s/)[0];
  return quotedOrLine(rest);
}

/** A quoted value (`'…'` with `''` escapes, `"…"`), or the rest of the line without a trailing comment. */
function quotedOrLine(rest: string): string {
  const quote = rest[0];
  if (quote === "'") {
    let value = '';
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === "'" && rest[i + 1] === "'") {
        value += "'";
        i++;
      } else if (rest[i] === "'") return value;
      else value += rest[i];
    }
    return value;
  }
  if (quote === '"') {
    const close = rest.indexOf('"', 1);
    return rest.slice(1, close === -1 ? undefined : close).replace(/\\"/g, '"');
  }
  return rest.replace(/\s+#.*$/, '');
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** What an archive command does with each WAL segment: the tool, and where the copy goes as far as the command says. */
export interface ArchiveCopy {
  mechanism: string;
  destination: Destination;
  /** The tool's own settings decide the destination (see `ARCHIVE_TOOL_REF`). */
  ref?: string;
}

const ARCHIVE_TOOLS: ReadonlyArray<{ program: RegExp; verb: string; mechanism: string; configured: string[] }> = [
  { program: /^wal-g$/, verb: 'wal-push', mechanism: 'wal-g', configured: ['wal-g'] },
  { program: /^wal-e$/, verb: 'wal-push', mechanism: 'wal-e', configured: ['wal-e'] },
  { program: /^pgbackrest$/, verb: 'archive-push', mechanism: 'pgbackrest', configured: ['pgbackrest'] },
];

/** Programs that copy a file where the command runs: the database server. */
const LOCAL_COPY = /^(?:cp|mv|install|ln|rsync|gzip|pigz|zstd|xz|lz4|bzip2|cat|dd|tee)$/;

export function archiveCopyOf(command: string): ArchiveCopy {
  const words = command.split(/\s+/).map((word) => word.replace(/^["']|["']$/g, ''));
  const programs = words.map((word) => word.replace(/^.*\//, ''));
  for (const tool of ARCHIVE_TOOLS) {
    if (programs.some((program) => tool.program.test(program)) && words.includes(tool.verb)) {
      return { mechanism: tool.mechanism, destination: { display: `${tool.mechanism}'s configured storage`, unresolved: true }, ref: `${ARCHIVE_TOOL_REF}${tool.configured.join('|')}` };
    }
  }
  // Barman's `barman-wal-archive <barman host> <server> %p` ships to the Barman server, a host of its own.
  const barman = programs.indexOf('barman-wal-archive');
  if (barman !== -1) {
    const host = words.slice(barman + 1).find((word) => !word.startsWith('-'));
    return { mechanism: 'barman-wal-archive', destination: host && !isUnresolved(host) ? { display: `Barman server ${host}`, provider: 'ssh', unresolved: false } : { display: 'a Barman server', unresolved: true } };
  }
  const cloud = programs.indexOf('barman-cloud-wal-archive');
  if (cloud !== -1) {
    // The destination is the first URL that is not an option's value (`--endpoint-url https://…`).
    const url = words.slice(cloud + 1).find((word, index, rest) => /^(s3|gs|https?|azure):\/\//.test(word) && !(rest[index - 1] ?? '').startsWith('-'));
    const endpoint = words[words.indexOf('--endpoint-url') + 1];
    return { mechanism: 'barman-cloud-wal-archive', destination: url ? classifyDestination(url, words.includes('--endpoint-url') ? endpoint : undefined) : { display: 'barman-cloud', unresolved: true } };
  }
  const reading = readScript(command);
  const upload = reading.uploads.find((candidate) => !candidate.destination.unresolved) ?? reading.uploads[0];
  if (upload) return { mechanism: upload.tool, destination: upload.destination, ref: upload.ref };
  // `test ! -f /mnt/archive/%f && cp %p /mnt/archive/%f`: a copy on the server that runs the database.
  // The last path written is where the copy goes (`cp %p /archive/%f`, `gzip < %p > /archive/%f.gz`).
  // Relative paths count (Patroni's sample: `cp %p ../wal_archive/%f`): the server resolves them against its data directory.
  const path = words.filter((word) => /^(?:\/|\.\.?\/)[\w.-]/.test(word) && !/%p/.test(word) && word !== '/dev/null').pop();
  if (programs.some((program) => LOCAL_COPY.test(program)) && path) {
    return { mechanism: programs.find((program) => LOCAL_COPY.test(program))!, destination: { display: path.replace(/\/%f[\w.]*$/, ''), provider: 'local', unresolved: false } };
  }
  // A script of the team's own (`/usr/local/bin/archive-wal.sh %p %f`): where it sends the segment is in the script.
  return { mechanism: programs[0] || 'archive_command', destination: { display: words[0] ?? command, unresolved: true } };
}

/** Publishes each archive command a file turns on as backup evidence for the Postgres databases beside it. */
export function scanWalArchiving(inventory: Inventory): void {
  const file = inventory.file;
  const settings = archiveSettingsOf(file.text, (offset) => file.positionAt(offset).line);
  if (settings.length === 0) return;
  const environment = environmentOf(inventory.path, []);
  for (const setting of settings) {
    const copy = archiveCopyOf(setting.command);
    const { destination } = copy;
    const unknown = destination.unresolved || copy.ref !== undefined;
    inventory.evidence({
      covers: [],
      protection: unknown ? 'destination-unknown' : destination.provider === 'local' ? 'same-volume' : 'off-provider',
      mechanism: `WAL archiving (${copy.mechanism})`,
      destination: destination.display,
      destinationProvider: unknown ? undefined : destination.provider,
      destinationAccount: destination.account,
      destinationRegion: destination.region,
      ...(copy.ref ? { destinationRef: copy.ref } : {}),
      engines: ['postgres'],
      location: inventory.line(setting.line),
      onStoreHost: true,
      ...(environment ? { environment } : {}),
    });
  }
}

/** postgresql.conf as Ansible, Chef or Salt write it: a template of the conf (`postgresql.conf.j2`), admitted by its name. */
export function isPostgresConfigTemplate(path: string): boolean {
  return /(^|\/)postgresql(\.auto)?\.conf\.(j2|jinja2?|tmpl|tpl|template|erb)$/i.test(path);
}
