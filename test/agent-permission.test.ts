// agent-permission through scan(): the agent-reach enrichment of credentials (with a stand-in credential detector of
// the test's own, as the engine tests do), the facts the blast-radius stage reads, and malformed or unknown agent
// configurations as notifications.
import { afterAll, describe, expect, it } from 'vitest';
import { agentPermission } from '../detectors/agent-permission/index.js';
import type { Credential } from '../src/facts/credential.js';
import type { AgentGrant, AgentReadExclusion } from '../src/facts/agent.js';
import type { CredentialScope, Detector } from '../src/model.js';
import { scan } from '../src/scan.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

/** Publishes `NAME=value` / `NAME: value` pairs whose name ends in TOKEN or KEY as credentials; `*_API_TOKEN` is root. */
const standInCredentials: Detector = {
  id: 'stand-in-credentials',
  rules: [],
  produces: ['credential'],
  scanFile(file, out) {
    for (const match of file.text.matchAll(/\b([A-Z][A-Z0-9_]*(?:TOKEN|KEY))\s*[=:]\s*"?([A-Za-z0-9_-]{20,})"?/g)) {
      const start = match.index + match[0].indexOf(match[2]!);
      const span = file.spanOf(start, start + match[2]!.length);
      const scope: CredentialScope | undefined = match[1]!.endsWith('API_TOKEN') ? 'root' : match[1]!.includes('PUBLISHABLE') ? 'public' : undefined;
      out.publish('credential', {
        id: `${file.path}:${span.line}:${span.column}`,
        provider: 'test',
        kind: 'test-token',
        kindTitle: 'test token',
        location: { path: file.path, span },
        value: match[2]!,
        valueHash: match[2]!,
        redacted: `${match[2]!.slice(0, 4)}****`,
        variable: match[1],
        inIgnoredDotenv: file.gitIgnored && file.format === 'dotenv',
        ...(scope ? { scope } : {}),
      });
    }
  },
};

interface Observed {
  credentials: Credential[];
  grants: AgentGrant[];
  exclusions: AgentReadExclusion[];
}

async function scanWithFacts(files: Record<string, string>, gitignored?: string[]) {
  const observed: Observed = { credentials: [], grants: [], exclusions: [] };
  const probe: Detector = {
    id: 'probe',
    rules: [],
    consumes: ['credential', 'agent-grant', 'agent-read-exclusion'],
    finish(context) {
      observed.credentials = [...context.facts.all('credential')];
      observed.grants = [...context.facts.all('agent-grant')];
      observed.exclusions = [...context.facts.all('agent-read-exclusion')];
    },
  };
  const repo = makeRepo(files, { gitignored });
  repos.push(repo);
  const result = await scan({ root: repo.root, detectors: [standInCredentials, agentPermission, probe] });
  const findings = result.findings.map((finding) => `${finding.ruleId} ${finding.location.path}:${finding.location.span.line} ${finding.severity}`);
  return { result, observed, findings };
}

const reachOf = (credential: Credential | undefined) =>
  credential && { agentReadable: credential.agentReadable, excludedFor: credential.excludedFor, readableByShell: credential.readableByShell };

describe('agent reach of credentials', () => {
  it('marks a credential readable by every agent when the repository configures none, and reports its file once', async () => {
    const { observed, findings, result } = await scanWithFacts({
      'scripts/deploy.sh': '#!/usr/bin/env bash\nexport RAILWAY_API_TOKEN="7c9e6679-7425-40de-944b-e07fc1f90ae7"\nexport SENTRY_AUTH_TOKEN="sntrys_eyJpYXQiOjE3MDAwMDAwMDB9abc"\n',
    });
    expect(observed.credentials.map(reachOf)).toEqual([
      { agentReadable: true, excludedFor: [], readableByShell: [] },
      { agentReadable: true, excludedFor: [], readableByShell: [] },
    ]);
    expect(observed.credentials[0]!.readableBy).toContain('claude-code');
    expect(findings).toEqual(['agent-permission/secret-file-not-excluded scripts/deploy.sh:2 high']);
    expect(result.findings[0]!.message).toContain('any coding agent opened here can read');
    expect(result.findings[0]!.related?.map((related) => related.location.span.line)).toEqual([3]);
  });

  it('is medium when no credential in the file is root-scoped, and quiet for publishable keys', async () => {
    const { findings } = await scanWithFacts({
      'config/app.yml': 'sentry:\n  SENTRY_AUTH_TOKEN: sntrys_eyJpYXQiOjE3MDAwMDAwMDB9abc\n',
      'web/keys.ts': 'export const STRIPE_PUBLISHABLE_KEY = "pk_live_51Ha8KqLbF2mX7vNpT9rW3y";\n',
    });
    expect(findings).toEqual(['agent-permission/secret-file-not-excluded config/app.yml:2 medium']);
  });

  it('names OpenHands when its repository skills are the only agent configuration', async () => {
    const { observed, result } = await scanWithFacts({
      '.openhands/microagents/repo.md': '---\nname: repo\ntype: repo\n---\nRun `make test` before pushing.\n',
      'scripts/deploy.sh': 'export RAILWAY_API_TOKEN="7c9e6679-7425-40de-944b-e07fc1f90ae7"\n',
    });
    expect(observed.credentials[0]!.readableBy).toEqual(['openhands']);
    expect(result.findings.map((finding) => finding.message)).toEqual([expect.stringContaining('that OpenHands can read')]);
  });

  it("keeps a Read-denied file from Claude Code's sandboxed shell, which builds its file rules from them", async () => {
    const { observed, findings } = await scanWithFacts({
      '.claude/settings.json': '{\n  "sandbox": { "enabled": true },\n  "permissions": { "deny": ["Read(./config/deploy.env)"] }\n}\n',
      'config/deploy.env': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n',
    });
    expect(reachOf(observed.credentials[0])).toEqual({ agentReadable: false, excludedFor: ['claude-code'], readableByShell: [] });
    expect(findings).toEqual(['agent-permission/shell-auto-approved .claude/settings.json:2 low']);
  });

  it('excludes the env files a PreToolUse hook before Read refuses, as a Read deny rule would', async () => {
    const { observed, findings } = await scanWithFacts({
      '.claude/settings.json': '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Read|Grep", "hooks": [{ "type": "command", "command": "\\"$CLAUDE_PROJECT_DIR\\"/.claude/hooks/protect-env.sh" }] }\n    ]\n  }\n}\n',
      '.claude/hooks/protect-env.sh': "#!/usr/bin/env bash\nif jq -r '.tool_input.file_path' | grep -Eq '\\.env(\\.|$)'; then\n  echo 'blocked' >&2\n  exit 2\nfi\n",
      'config/.env.production': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n',
    });
    expect(reachOf(observed.credentials[0])).toEqual({ agentReadable: false, excludedFor: ['claude-code'], readableByShell: [] });
    expect(findings).toEqual([]);
  });

  it('excludes a file for the only agent in use when its ignore file names it', async () => {
    const { observed, findings } = await scanWithFacts({
      '.cursor/rules/general.mdc': '---\nalwaysApply: true\n---\nUse pnpm.\n',
      '.cursorignore': '# secrets\nconfig/deploy/\n',
      'config/deploy/railway.env.sh': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n',
    });
    expect(reachOf(observed.credentials[0])).toEqual({ agentReadable: false, excludedFor: ['cursor'], readableByShell: [] });
    expect(findings).toEqual([]);
  });

  it("says why a file Windsurf's .codeiumignore lists is still readable: the file keeps it only out of the index", async () => {
    const { result, observed } = await scanWithFacts({
      '.windsurfrules': 'Use pnpm.\n',
      '.codeiumignore': 'config/deploy/\n',
      'config/deploy/railway.env.sh': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n',
    });
    expect(reachOf(observed.credentials[0])).toEqual({ agentReadable: true, excludedFor: [], readableByShell: [] });
    const finding = result.findings.find((candidate) => candidate.ruleId === 'agent-permission/secret-file-not-excluded');
    expect(finding?.message).toContain(
      ".codeiumignore lists config/deploy/railway.env.sh, but it keeps files only out of Windsurf's index, and Windsurf's agent still reads them.",
    );
  });

  it('counts an excluded file as readable when the agent’s shell runs unasked: no ignore file stops cat', async () => {
    const { observed, findings, result } = await scanWithFacts({
      '.cursorignore': 'config/deploy/\n',
      '.cursor/cli.json': '{\n  "permissions": {\n    "allow": ["Shell(*)"]\n  }\n}\n',
      'config/deploy/railway.env.sh': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n',
    });
    expect(reachOf(observed.credentials[0])).toEqual({ agentReadable: true, excludedFor: ['cursor'], readableByShell: ['cursor'] });
    expect(findings).toEqual([
      'agent-permission/shell-auto-approved .cursor/cli.json:3 high',
      'agent-permission/secret-file-not-excluded config/deploy/railway.env.sh:1 high',
    ]);
    const secretFile = result.findings.find((finding) => finding.ruleId === 'agent-permission/secret-file-not-excluded')!;
    expect(secretFile.message).toContain('lets its shell read it');
  });

  it("counts OpenCode's default as an unasked shell: a config that leaves bash unset lets it read the .env files it asks about", async () => {
    const env = 'AWS_SESSION_API_TOKEN=7c9e6679742540de944be07fc1f90ae7\n';
    const unset = await scanWithFacts({ 'opencode.json': '{\n  "$schema": "https://opencode.ai/config.json",\n  "model": "anthropic/claude-sonnet-4-5"\n}\n', 'config/prod.env': env });
    expect(reachOf(unset.observed.credentials[0])).toEqual({ agentReadable: true, excludedFor: ['opencode'], readableByShell: ['opencode'] });
    expect(unset.findings).toEqual([
      'agent-permission/secret-file-not-excluded config/prod.env:1 high',
      'agent-permission/shell-auto-approved opencode.json:2 medium',
    ]);
    const explicit = await scanWithFacts({ 'opencode.json': '{\n  "permission": { "bash": "allow" }\n}\n', 'config/prod.env': env });
    expect(explicit.findings).toEqual([
      'agent-permission/secret-file-not-excluded config/prod.env:1 high',
      'agent-permission/shell-auto-approved opencode.json:2 high',
    ]);
    // A config that decides for the shell covers another of the same project that leaves it unset.
    const asked = await scanWithFacts({
      'opencode.json': '{\n  "permission": { "bash": { "*": "ask", "git status*": "allow" } }\n}\n',
      '.opencode/opencode.json': '{\n  "mcp": { "docs": { "type": "remote", "url": "https://mcp.context7.com/mcp" } }\n}\n',
      'config/prod.env': env,
    });
    expect(reachOf(asked.observed.credentials[0])).toEqual({ agentReadable: false, excludedFor: ['opencode'], readableByShell: [] });
    expect(asked.findings).toEqual([]);
  });

  it('keeps a git-ignored .env from Claude Code with a deny rule, and applies Cursor’s git-ignore default', async () => {
    const { observed, findings } = await scanWithFacts(
      {
        'CLAUDE.md': '# API\n',
        '.cursorrules': 'Use TypeScript.\n',
        '.claude/settings.json': '{\n  "permissions": {\n    "deny": ["Read(./.env)", "Read(./.env.*)"]\n  }\n}\n',
        '.env': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n',
      },
      ['.env'],
    );
    expect(reachOf(observed.credentials[0])).toEqual({ agentReadable: false, excludedFor: ['claude-code', 'cursor'], readableByShell: [] });
    expect(findings).toEqual([]);
  });

  it('reports a git-ignored .env only when an agent that reads it works here', async () => {
    const files = { '.env': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n', 'src/index.ts': 'export {};\n' };
    const alone = await scanWithFacts(files, ['.env']);
    expect(alone.observed.credentials[0]!.agentReadable).toBe(true);
    expect(alone.findings).toEqual([]);
    const withClaude = await scanWithFacts({ ...files, 'CLAUDE.md': '# App\n' }, ['.env']);
    expect(withClaude.findings).toEqual(['agent-permission/secret-file-not-excluded .env:1 high']);
    expect(reachOf(withClaude.observed.credentials[0])).toEqual({ agentReadable: true, excludedFor: [], readableByShell: [] });
  });

  it('anchors patterns of nested ignore files and Claude rules at their own directories', async () => {
    const { observed } = await scanWithFacts({
      'CLAUDE.md': '# Monorepo\n',
      'services/api/.claude/settings.json': '{ "permissions": { "deny": ["Read(./secrets/**)"] } }\n',
      'services/api/secrets/prod.sh': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n',
      'services/web/secrets/prod.sh': 'RAILWAY_API_TOKEN=9d1f7780-8536-41ef-a55c-f18ad2a01bf8\n',
    });
    expect(observed.credentials.map((credential) => [credential.location.path, credential.agentReadable])).toEqual([
      ['services/api/secrets/prod.sh', false],
      ['services/web/secrets/prod.sh', true],
    ]);
  });
});

describe('facts for the blast-radius stage', () => {
  it('publishes grants with effective and intent-only settings, and built-in exclusions', async () => {
    const { observed, result } = await scanWithFacts({
      '.claude/settings.json': '{\n  "permissions": {\n    "defaultMode": "auto",\n    "allow": ["Bash(railway:*)"]\n  }\n}\n',
      '.vscode/settings.json': '{ "chat.tools.global.autoApprove": true }\n',
    });
    // Sorted: Claude Code's shell allow rules are decided (and published) in the cross-file pass.
    expect(observed.grants.map((grant) => [grant.agent, grant.grant, grant.setting, grant.effective, grant.reaches]).sort()).toEqual([
      ['claude-code', 'bypass-mode', 'permissions.defaultMode: auto', false, undefined],
      ['claude-code', 'destructive-command', 'permissions.allow: "Bash(railway:*)"', true, 'railway'],
      ['copilot', 'bypass-mode', '"chat.tools.global.autoApprove": true', false, undefined],
    ]);
    expect(result.summary.agentBypasses.map((bypass) => `${bypass.agent} ${bypass.effective}`)).toEqual(['claude-code false', 'claude-code true', 'copilot false']);
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual([
      'agent-permission/bypass-mode info',
      'agent-permission/destructive-command-allowed high',
      'agent-permission/bypass-mode info',
    ]);
    const builtIn = observed.exclusions.filter((exclusion) => exclusion.builtIn);
    expect(builtIn.filter((exclusion) => exclusion.agent === 'cursor').map((exclusion) => exclusion.pattern)).toEqual(['.env', '.env.*', '(files git ignores)']);
    expect(builtIn.find((exclusion) => exclusion.agent === 'gemini-cli')?.gitIgnoredFiles).toBe(true);
  });

  it("records a Gemini CLI workspace policy as intent only: the policy engine's workspace tier is not loaded", async () => {
    const { observed, findings } = await scanWithFacts({
      '.gemini/policies/team.toml': '[[rule]]\ntoolName = "run_shell_command"\ndecision = "allow"\npriority = 100\n\n[[rule]]\ntoolName = "run_shell_command"\ncommandPrefix = "terraform destroy"\ndecision = "deny"\npriority = 200\n',
    });
    expect(observed.grants.map((grant) => [grant.agent, grant.grant, grant.effective, grant.ignoredBecause])).toEqual([
      ['gemini-cli', 'shell', false, 'its policy engine does not load workspace policies at present, per its docs and issue #18186'],
    ]);
    expect(findings).toEqual(['agent-permission/shell-auto-approved .gemini/policies/team.toml:3 info']);
  });
});

describe('one finding per reach', () => {
  it("reports Amazon Q's use_aws once: its allowedServices are part of the AWS calls allowedTools already lets through", async () => {
    const agent = (allowed: string) =>
      `{\n  "name": "ops",\n  "tools": ["*"],\n  "allowedTools": [${allowed}],\n  "toolsSettings": {\n    "use_aws": { "allowedServices": ["s3", "rds"] }\n  }\n}\n`;
    const both = await scanWithFacts({ '.amazonq/cli-agents/ops.json': agent('"fs_read", "use_aws"') });
    expect(both.findings).toEqual(['agent-permission/destructive-command-allowed .amazonq/cli-agents/ops.json:4 high']);
    const services = await scanWithFacts({ '.amazonq/cli-agents/ops.json': agent('"fs_read"') });
    expect(services.findings).toEqual(['agent-permission/destructive-command-allowed .amazonq/cli-agents/ops.json:6 high']);
  });
});

describe("the Copilot cloud agent's runner", () => {
  const setup = (runsOn: string) =>
    `name: "Copilot Setup Steps"\non: workflow_dispatch\njobs:\n  copilot-setup-steps:\n    runs-on: ${runsOn}\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "DATABASE_URL=\${{ secrets.PROD_DATABASE_URL }}" >> "$GITHUB_ENV"\n`;
  const details = async (runsOn: string) =>
    (await scanWithFacts({ '.github/workflows/copilot-setup-steps.yml': setup(runsOn) })).result.findings.filter((finding) => finding.ruleId.endsWith('production-secret-to-agent')).map((finding) => finding.details?.selfHostedRunner ?? false);

  it('says the firewall is off on a self-hosted runner, which GitHub requires', async () => {
    expect(await details('[self-hosted, linux, x64]')).toEqual([true]);
    expect(await details('ubuntu-latest')).toEqual([false]);
    expect(await details('ubuntu-latest-8-cores')).toEqual([false]);
  });
});

describe('tests and examples', () => {
  it('rates one named sibling checkout low, a parent or another absolute directory medium', async () => {
    const settings = (directories: string) => `{\n  "permissions": {\n    "additionalDirectories": [${directories}]\n  }\n}\n`;
    const severities = async (directories: string) => (await scanWithFacts({ '.claude/settings.json': settings(directories) })).result.findings.filter((finding) => finding.ruleId.endsWith('directory-outside-repo')).map((finding) => finding.severity);
    expect(await severities('"../shared-lib"')).toEqual(['low']);
    expect(await severities('"../"')).toEqual(['medium']);
    expect(await severities('"/opt/data"')).toEqual(['medium']);
  });

  it('reports configurations and secrets under tests, fixtures and examples low', async () => {
    const { findings } = await scanWithFacts({
      'examples/railway-bot/.claude/settings.json': '{ "permissions": { "defaultMode": "bypassPermissions" } }\n',
      'examples/railway-bot/deploy.sh': 'RAILWAY_API_TOKEN=7c9e6679-7425-40de-944b-e07fc1f90ae7\n',
      '.claude/settings.json': '{ "permissions": { "allow": ["Bash(railway:*)"] } }\n',
    });
    expect(findings).toEqual([
      'agent-permission/destructive-command-allowed .claude/settings.json:1 high',
      'agent-permission/bypass-mode examples/railway-bot/.claude/settings.json:1 low',
      'agent-permission/secret-file-not-excluded examples/railway-bot/deploy.sh:1 low',
    ]);
  });
});

describe('malformed and unknown agent configurations', () => {
  it('turns every bad shape into a notification and still reads the rest', async () => {
    const { result, findings } = await scanWithFacts({
      '.claude/settings.json': '{\n  "permissions": {\n    "defaultMode": "yolo",\n    "allow": ["Bash(rm:*)", 42, "Bash(unclosed"],\n    "deny": "Read(./.env)"\n  }\n}\n',
      '.claude/settings.local.json': '{ "permissions": { "allow": [ "Bash" ',
      '.codex/config.toml': 'approval_policy = "sometimes"\nsandbox_mode = "danger-full-access"\n',
      '.codex/rules/default.rules': 'prefix_rule(pattern=["git", "status"], decision="allow"\nprefix_rule(decision="allow")\n',
      '.vscode/settings.json': '{ "chat.tools.terminal.autoApprove": { "/(unclosed/": true } }\n',
      '.gemini/settings.json': '[1, 2, 3]\n',
      '.mcp.json': '{ "mcpServers": { "broken": "npx some-server", "ok": { "command": "npx" } } }\n',
      'opencode.json': '{ "permission": { "bash": { "rm *": "maybe" } } }\n',
    });
    expect(result.notifications.filter((notification) => notification.code === 'detector-error')).toEqual([]);
    const codes = result.notifications
      .filter((notification) => notification.code.startsWith('agent-config') || notification.code === 'parse-error')
      .map((notification) => `${notification.path}:${notification.line ?? '-'} ${notification.code}`);
    expect(codes).toEqual([
      '.claude/settings.json:3 agent-config-unknown-value',
      '.claude/settings.json:4 agent-config-invalid',
      '.claude/settings.json:4 agent-config-unknown-value',
      '.claude/settings.json:5 agent-config-invalid',
      '.claude/settings.local.json:1 parse-error',
      '.codex/config.toml:1 agent-config-unknown-value',
      '.codex/rules/default.rules:1 agent-config-unknown-value',
      '.codex/rules/default.rules:2 agent-config-unknown-value',
      '.gemini/settings.json:1 agent-config-invalid',
      '.mcp.json:1 agent-config-invalid',
      '.vscode/settings.json:1 agent-config-unknown-value',
      'opencode.json:1 agent-config-unknown-value',
    ]);
    expect(findings).toEqual([
      'agent-permission/destructive-command-allowed .claude/settings.json:4 high',
      'agent-permission/bypass-mode .codex/config.toml:2 medium',
      // The one valid-looking bash rule is not a catch-all: the commands it does not name are OpenCode's default, allow.
      'agent-permission/shell-auto-approved opencode.json:1 medium',
    ]);
  });

  it('ignores agent settings it does not know and JSON that is not an agent config', async () => {
    const { result, findings } = await scanWithFacts({
      '.claude/settings.json': '{ "statusLine": { "type": "command", "command": "~/.claude/statusline.sh" }, "model": "opus" }\n',
      '.vscode/settings.json': '{ "editor.tabSize": 2, "chat.agent.maxRequests": 50 }\n',
      '.zed/settings.json': '{ "tab_size": 4, "format_on_save": "on" }\n',
    });
    expect(findings).toEqual([]);
    expect(result.notifications.filter((notification) => notification.code.startsWith('agent-config'))).toEqual([]);
  });
});
