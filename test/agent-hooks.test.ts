// What a PreToolUse hook refuses, read from its script or inline command, and the script a hook command runs.
import { describe, expect, it } from 'vitest';
import { hookScriptOf, refusalsOf } from '../knowledge/agents/hooks.js';

const toolsRefusedBy = (text: string) => refusalsOf(text).tools;
const filesProtectedBy = (text: string) => refusalsOf(text).files;

describe('refusalsOf: tools', () => {
  it('reads the patterns of a Python hook that exits 2', () => {
    const script = [
      '#!/usr/bin/env python3',
      'import json, re, sys',
      'BLOCKED = [r"\\brm\\s+-rf\\b", r"(?i)drop\\s+(table|database)", r"terraform\\s+destroy"]',
      'command = json.load(sys.stdin).get("tool_input", {}).get("command", "")',
      'for pattern in BLOCKED:',
      '    if re.search(pattern, command):',
      '        print(f"Blocked: {pattern}", file=sys.stderr)',
      '        sys.exit(2)',
      '',
    ].join('\n');
    const refused = toolsRefusedBy(script);
    expect(refused).toEqual(expect.arrayContaining(['rm', 'terraform', 'psql', 'mysql']));
    expect(refused).not.toContain('aws');
  });

  it('reads a JavaScript hook that answers deny', () => {
    const script = [
      "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));",
      "const dangerous = ['railway volume delete', 'railway down', 'fly volumes destroy'];",
      'if (dangerous.some((prefix) => input.tool_input.command.startsWith(prefix))) {',
      "  console.log(JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny' } }));",
      '}',
    ].join('\n');
    expect(toolsRefusedBy(script)).toEqual(['fly', 'railway']);
  });

  it('reads the other places shell hooks write patterns: =~ with POSIX classes, jq test(), case globs, regex literals', () => {
    expect(toolsRefusedBy('#!/usr/bin/env bash\ncmd=$(jq -r .tool_input.command)\nif [[ $cmd =~ (rm[[:space:]]+-rf|terraform[[:space:]]+destroy) ]]; then echo blocked >&2; exit 2; fi\n')).toEqual(['rm', 'terraform']);
    expect(toolsRefusedBy('#!/usr/bin/env bash\nif jq -e \'.tool_input.command | test("terraform destroy|DROP TABLE"; "i")\' >/dev/null; then\n  exit 2\nfi\n')).toEqual(expect.arrayContaining(['terraform', 'psql']));
    expect(toolsRefusedBy('#!/usr/bin/env bash\ncmd=$(jq -r .tool_input.command)\ncase "$cmd" in\n  *rm\\ -rf*|*terraform\\ destroy*) echo blocked >&2; exit 2;;\nesac\n')).toEqual(['rm', 'terraform']);
    expect(toolsRefusedBy('const deny = [/rm\\s+-rf/, /terraform\\s+destroy/i];\nif (deny.some((r) => r.test(cmd))) process.exit(2);\n')).toEqual(['rm', 'terraform']);
    // Cursor answers with `permission`; short quoted strings (`'%s'`) must not pair the wrong quotes.
    expect(toolsRefusedBy("#!/usr/bin/env bash\ncmd=$(printf '%s' \"$input\" | jq -r '.command')\nif printf '%s' \"$cmd\" | grep -Eq 'prisma migrate reset'; then\n  printf '{\"permission\":\"deny\"}'\nfi\n")).toEqual(['prisma migrate reset']);
  });

  it('refuses nothing when the hook never refuses, or its patterns match every command', () => {
    expect(toolsRefusedBy('#!/bin/sh\necho "$(date) $(jq -r .tool_input.command)" >> .claude/audit.log\nexit 0\n')).toEqual([]);
    expect(toolsRefusedBy('#!/bin/sh\nif echo "$cmd" | grep -qE "\\w+"; then echo "blocked" >&2; exit 2; fi\n')).toEqual([]);
    expect(toolsRefusedBy('#!/bin/sh\n# /bin/sh is not a pattern\nexit 2\n')).toEqual([]);
  });
});

describe('refusalsOf: files', () => {
  it('reads the env files a refusing hook keeps from the tools, and none from a hook that only logs', () => {
    const guard = "#!/usr/bin/env bash\nif jq -r '.tool_input.file_path // .tool_input.command' | grep -Eq '(^|/)\\.env|\\.env(\\.|$)'; then\n  echo 'env files are off limits' >&2\n  exit 2\nfi\n";
    expect(filesProtectedBy(guard)).toEqual(['.env', '.env.*', '*.env']);
    expect(filesProtectedBy(guard.replace('exit 2', 'exit 0'))).toEqual([]);
    expect(filesProtectedBy("#!/bin/sh\ngrep -q 'terraform destroy' && exit 2\n")).toEqual([]);
  });
});

describe('hookScriptOf', () => {
  it('resolves scripts under the project directory and ignores paths outside it', () => {
    expect(hookScriptOf('"$CLAUDE_PROJECT_DIR"/.claude/hooks/guard.sh', '')).toBe('.claude/hooks/guard.sh');
    expect(hookScriptOf('python3 .claude/hooks/guard.py', 'services/api/')).toBe('services/api/.claude/hooks/guard.py');
    expect(hookScriptOf('node ~/.claude/hooks/guard.js', '')).toBeUndefined();
    expect(hookScriptOf('jq -r .tool_input.command | grep -q "rm -rf" && exit 2', '')).toBeUndefined();
  });
});
