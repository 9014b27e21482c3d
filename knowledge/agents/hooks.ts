// Hooks that refuse tool calls before they run (Claude Code's and Copilot's PreToolUse, Cursor's
// beforeShellExecution): a hook that exits 2, or answers "deny" or "block", stops the call whatever the model decided,
// so what it refuses is enforced, not prose. What it refuses is read from the patterns it holds (quoted strings,
// regex literals, `=~` and `case` patterns, compiled as `grep -E`, Python's `re` or JavaScript would), tried on the
// destructive probes for commands and on secret-file paths for the file tools.
import { stoppedBy } from './commands.js';

/**
 * How a hook refuses: exit status 2, or a JSON answer that denies or blocks (Claude Code's and Copilot's
 * `permissionDecision: "deny"`, the older `decision: "block"`, Cursor's `permission: "deny"`).
 */
const REFUSES = /\bexit\s+2\b|\bsys\.exit\(\s*2\s*\)|\bprocess\.exit(?:Code\s*=\s*|\(\s*)2\b|\bos\.Exit\(\s*2\s*\)|(?:permissionDecision|permission)\\?["']?\s*:\s*\\?["']deny|\\?["']decision\\?["']\s*:\s*\\?["']block/;

/** Quoted strings, short ones included so that quotes pair up (`'%s'` must not open a string that `'…'` closes). */
const QUOTED = /(["'`])((?:\\.|(?!\1)[^\\\r\n]){0,300})\1/g;

/**
 * Commands a refusing pattern must leave alone: one that matches them refuses everything, or is no command pattern
 * (the `"command"` a hook reads its input by, which remote-shell probes such as `aws ssm send-command` also hold).
 */
const ORDINARY = ['ls -la', 'git status', 'npm test', 'cat README.md', 'echo done', 'zqx-unlisted-tool --any-flag', 'command -v node'];

/** What a hook's text refuses: destructive tools, and secret files (gitignore patterns); both empty when it never refuses. */
export function refusalsOf(text: string): { tools: string[]; files: string[] } {
  const patterns = refusingPatterns(text);
  if (patterns.length === 0) return { tools: [], files: [] };
  const tools = stoppedBy((command) => patterns.some((pattern) => pattern.test(command))).filter((tool) => tool !== '*');
  const files = SECRET_FILES.filter((family) => family.probes.every((path) => patterns.some((pattern) => pattern.test(path)))).flatMap((family) => family.patterns);
  return { tools, files };
}

/** Secret files a hook on the file tools refuses, as gitignore patterns: the `.env` family and `*.env` files. */
const SECRET_FILES: ReadonlyArray<{ probes: readonly string[]; patterns: readonly string[] }> = [
  { probes: ['.env', 'config/.env.production', '/app/.env.local'], patterns: ['.env', '.env.*'] },
  { probes: ['deploy/staging.env', 'config/production.env'], patterns: ['*.env'] },
];


/** The patterns of a hook that refuses: what it is matched against decides what it stops. */
function refusingPatterns(text: string): RegExp[] {
  if (!REFUSES.test(text)) return [];
  const patterns: RegExp[] = [];
  for (const source of patternSources(text)) {
    // A jq path (`.tool_input.command`) reads the input; it refuses nothing.
    if (/^\.[\w.[\]"]*$/.test(source)) continue;
    const pattern = compile(source);
    if (pattern && !ORDINARY.some((command) => pattern.test(command))) patterns.push(pattern);
  }
  return patterns;
}

/**
 * Where hooks write the commands they refuse: quoted strings (one level of nesting too, as in jq's
 * `'.tool_input.command | test("rm -rf|…")'`), JavaScript regex literals (`/terraform\s+destroy/i`), bash's
 * `[[ $cmd =~ … ]]` and the glob arms of a `case` (`*rm\ -rf*|*terraform\ destroy*)`).
 */
function patternSources(text: string): string[] {
  const sources: string[] = [];
  for (const match of text.matchAll(QUOTED)) {
    if (match[2]!.length >= 3) sources.push(match[2]!);
    for (const inner of match[2]!.matchAll(QUOTED)) if (inner[2]!.length >= 3) sources.push(inner[2]!);
  }
  // After an operator or bracket, as JavaScript allows one; never the `#!/bin/sh` of a shebang.
  for (const match of text.matchAll(/(?<=(?:^|[^#])[(=,[:!&|?]\s*)\/((?:\\.|[^/\\\n])+)\/[gimsuy]*/gm)) sources.push(match[1]!);
  // Bash needs a blank before the closing `]]`; the pattern's own `[[:space:]]` has none.
  for (const match of text.matchAll(/=~\s*(\S.*?)\s+\]\](?=\s|;|$)/gm)) sources.push(match[1]!);
  for (const match of text.matchAll(/^[ \t]*\(?((?:[^()\n;]|\\[ ()])+)\)[ \t]/gm)) {
    if (!match[1]!.includes('*')) continue;
    for (const glob of match[1]!.split('|')) sources.push(globSource(glob.trim()));
  }
  return sources;
}

/** A shell `case` glob as a regular expression: `*` any run, `?` one character, `\ ` a blank. */
function globSource(glob: string): string {
  return glob
    .replace(/^["']|["']$/g, '')
    .split(/(\\.|\*|\?)/)
    .map((part) => (part === '*' ? '.*' : part === '?' ? '.' : (part.startsWith('\\') ? part.slice(1) : part).replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

/** POSIX classes (`[[:space:]]`) that `grep -E` and bash read, as JavaScript writes them. */
const POSIX_CLASSES: Readonly<Record<string, string>> = { space: '\\s', blank: '[ \\t]', digit: '\\d', alpha: 'A-Za-z', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', punct: '!-\\/:-@[-`{-~' };

/** A pattern as the hook's language reads it; Python's inline `(?i)` becomes a flag. Undefined when it does not compile. */
function compile(source: string): RegExp | undefined {
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  const body = (inline ? source.slice(inline[0].length) : source)
    .replace(/\\\\/g, '\\')
    .replace(/\[\[:(\w+):\]\]/g, (whole, name: string) => (POSIX_CLASSES[name]?.startsWith('\\') ? POSIX_CLASSES[name]! : POSIX_CLASSES[name] ? `[${POSIX_CLASSES[name]}]` : whole))
    .replace(/\[:(\w+):\]/g, (whole, name: string) => (POSIX_CLASSES[name] ? POSIX_CLASSES[name]!.replace(/^\[|\]$/g, '') : whole));
  try {
    return new RegExp(body, inline?.[1]?.includes('i') ? 'i' : '');
  } catch {
    return undefined;
  }
}

/**
 * The script a hook command runs, repository-relative: `"$CLAUDE_PROJECT_DIR"/.claude/hooks/guard.sh`,
 * `python3 .claude/hooks/guard.py`. `project` is the directory holding `.claude/` ('' at the root).
 */
export function hookScriptOf(command: string, project: string): string | undefined {
  const match = /(?:["']?\$\{?CLAUDE_PROJECT_DIR\}?["']?\/|(?<![\w$./-]))((?:\.{0,2}[\w-]*\/)*[\w.-]+\.(?:sh|bash|py|js|mjs|cjs|ts))\b/.exec(command);
  if (!match) return undefined;
  const path = match[1]!.replace(/^\.\//, '');
  if (path.startsWith('../') || path.startsWith('/')) return undefined;
  return `${project}${path}`;
}
