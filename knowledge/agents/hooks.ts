// Hooks that refuse commands before they run (Claude Code's PreToolUse): a hook that exits 2, or answers "deny" or
// "block", stops the call whatever the model decided, so what it refuses is enforced, not prose. The commands it
// refuses are read from the patterns it holds: each quoted string, compiled as the regular expression `grep -E`,
// Python's `re` or JavaScript would use, is tried on the destructive probes.
import { stoppedBy } from './commands.js';

/** How a hook refuses: exit status 2, or a JSON answer that denies or blocks. */
const REFUSES = /\bexit\s+2\b|\bsys\.exit\(\s*2\s*\)|\bprocess\.exit(?:Code\s*=\s*|\(\s*)2\b|\bos\.Exit\(\s*2\s*\)|permissionDecision\\?["']?\s*:\s*\\?["']deny|\\?["']decision\\?["']\s*:\s*\\?["']block/;

const QUOTED = /(["'`])((?:\\.|(?!\1)[^\\\r\n]){3,300})\1/g;

/** Commands a refusing pattern must leave alone: one that matches them refuses everything, or is no command pattern. */
const ORDINARY = ['ls -la', 'git status', 'npm test', 'cat README.md', 'echo done', 'zqx-unlisted-tool --any-flag'];

/** The destructive tools a hook's text refuses (empty when it never refuses). */
export function toolsRefusedBy(text: string): string[] {
  if (!REFUSES.test(text)) return [];
  const patterns: RegExp[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const pattern = compile(match[2]!);
    if (pattern && !ORDINARY.some((command) => pattern.test(command))) patterns.push(pattern);
  }
  if (patterns.length === 0) return [];
  return stoppedBy((command) => patterns.some((pattern) => pattern.test(command))).filter((tool) => tool !== '*');
}

/** A pattern as the hook's language reads it; Python's inline `(?i)` becomes a flag. Undefined when it does not compile. */
function compile(source: string): RegExp | undefined {
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  const body = (inline ? source.slice(inline[0].length) : source).replace(/\\\\/g, '\\');
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
