// Which sentences of an instructions file are guardrails of the incident's class (destructive commands, production,
// migrations, secrets) and which are ordinary conventions, through scan(): the exact lines prose-only-guardrail reports.
import { afterAll, describe, expect, it } from 'vitest';
import { agentPermission } from '../detectors/agent-permission/index.js';
import { scan } from '../src/scan.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

async function guardrailLines(files: Record<string, string>): Promise<string[]> {
  const repo = makeRepo(files);
  repos.push(repo);
  const result = await scan({ root: repo.root, detectors: [agentPermission] });
  return result.findings
    .filter((finding) => finding.ruleId === 'agent-permission/prose-only-guardrail')
    .map((finding) => `${finding.location.path}:${finding.location.span.line}`);
}

const GUARDRAILS = [
  'Never run destructive commands (drop, reset --hard, rm -rf) without asking.',
  'NEVER run destructive database operations.',
  'Never touch production.',
  'Never touch production Supabase projects without explicit approval.',
  'Do not deploy to production; the release workflow does that.',
  'Do not delete the database volume.',
  'Never drop tables or truncate data in any environment.',
  'Ask the user before running migrations.',
  'Do not run `prisma migrate reset` under any circumstances.',
  'Never run migrations against production.',
  'Never read `.env` files or print their values.',
  '**Never** run `terraform destroy` or `terraform apply` yourself.',
  'Running `railway down` requires explicit human approval.',
  'Do not access the production database directly; use the read replica.',
];

const CONVENTIONS = [
  'Never push to main; open a pull request.',
  'Never commit secrets; use .env.example.',
  'Avoid `any` in production code.',
  'Never use console.log in production builds.',
  'Do not modify files under `src/generated/`.',
  'Do not edit existing migrations; add a new one.',
  'Never delete or overwrite a file without reading it first.',
  'Never run destructive git operations (`reset --hard`, `clean -fd`) unless asked.',
  'Never expose secrets, tokens or passwords in logs.',
  'Do not create migrations by hand; run the generator.',
  "Don't mock the database in integration tests.",
  'Never hardcode API keys; read them from the environment.',
  'Keep commits small and run `npm test` before pushing.',
  'Never guess an API shape; read the types first.',
];

describe('prose guardrails', () => {
  it('reports every sentence of the incident class, one finding per line', async () => {
    const lines = await guardrailLines({ 'CLAUDE.md': `# Rules\n\n${GUARDRAILS.map((sentence) => `- ${sentence}`).join('\n')}\n` });
    expect(lines).toEqual(GUARDRAILS.map((_, index) => `CLAUDE.md:${index + 3}`));
  });

  it('stays quiet on conventions that no deny rule would enforce', async () => {
    expect(await guardrailLines({ 'CLAUDE.md': `# Rules\n\n${CONVENTIONS.map((sentence) => `- ${sentence}`).join('\n')}\n` })).toEqual([]);
  });

  it('skips code blocks, HTML comments and front matter, and reads every instructions file agents load', async () => {
    const lines = await guardrailLines({
      'AGENTS.md': '# Agents\n\n```bash\n# never run this against prod\nrm -rf ./data\n```\n\n<!--\nNever run destructive commands.\n-->\n',
      '.cursor/rules/db.mdc': '---\ndescription: Never drop tables\n---\nNever drop tables.\n',
      '.github/copilot-instructions.md': 'Never touch production.\n',
      'docs/CONTRIBUTING.md': 'Never touch production.\n',
    });
    expect(lines).toEqual(['.cursor/rules/db.mdc:4', '.github/copilot-instructions.md:1']);
  });

  it('is enforced by a deny or ask rule that stops the named commands, in any agent configuration', async () => {
    const files = {
      'AGENTS.md': '- Never run `terraform destroy`.\n- Never touch the production database.\n- Never read `.env` files.\n',
      '.codex/rules/default.rules': 'prefix_rule(pattern=["terraform", "destroy"], decision="forbidden")\n',
    };
    expect(await guardrailLines(files)).toEqual(['AGENTS.md:2', 'AGENTS.md:3']);
    expect(
      await guardrailLines({
        ...files,
        '.claude/settings.json': '{ "permissions": { "ask": ["Bash(psql:*)"], "deny": ["Read(./.env)"] } }\n',
      }),
    ).toEqual([]);
  });

  it('suggests deny rules for the destructive subcommands, not the whole tool, and each suggestion enforces the sentence', async () => {
    const repo = makeRepo({ 'CLAUDE.md': '- Never run `terraform destroy` or `kubectl delete` against production.\n' });
    repos.push(repo);
    const result = await scan({ root: repo.root, detectors: [agentPermission] });
    const message = result.findings.find((finding) => finding.ruleId === 'agent-permission/prose-only-guardrail')?.message ?? '';
    expect(message).toContain('"Bash(terraform destroy:*)", "Bash(terraform apply:*)", "Bash(kubectl delete:*)"');
    expect(message).not.toContain('"Bash(terraform:*)"');
    const rules = [...message.matchAll(/"(Bash\([^"]+\))"/g)].map((match) => match[1]!);
    expect(
      await guardrailLines({
        'CLAUDE.md': '- Never run `terraform destroy` or `kubectl delete` against production.\n',
        '.claude/settings.json': JSON.stringify({ permissions: { deny: rules } }),
      }),
    ).toEqual([]);
  });

  it('says when the agent reading the file has no command rule of its own, and gives the rule for the agents that do', async () => {
    const repo = makeRepo({ '.clinerules/safety.md': '# Rules\n\n- Never run `terraform destroy`.\n' });
    repos.push(repo);
    const result = await scan({ root: repo.root, detectors: [agentPermission] });
    const message = result.findings.find((finding) => finding.ruleId === 'agent-permission/prose-only-guardrail')?.message ?? '';
    expect(message).toContain('Cline reads no command rule from the repository; for the agents that do, enforce it with a deny rule');
  });

  it('names, for AGENTS.md, an agent the repository otherwise shows in use, and its rule', async () => {
    const repo = makeRepo({ 'AGENTS.md': '# Ops\n\n- Never run `terraform destroy`.\n', '.cursor/rules/style.mdc': '---\nalwaysApply: true\n---\nUse pnpm.\n' });
    repos.push(repo);
    const result = await scan({ root: repo.root, detectors: [agentPermission] });
    const message = result.findings.find((finding) => finding.ruleId === 'agent-permission/prose-only-guardrail')?.message ?? '';
    expect(message).toMatch(/^AGENTS\.md tells Cursor .*\.cursor\/cli\.json/);
  });

  it('is information only while the agents reading it still ask before every command, and medium once one runs commands unasked', async () => {
    const severityOf = async (files: Record<string, string>) => {
      const repo = makeRepo(files);
      repos.push(repo);
      const result = await scan({ root: repo.root, detectors: [agentPermission] });
      return result.findings.filter((finding) => finding.ruleId === 'agent-permission/prose-only-guardrail').map((finding) => finding.severity);
    };
    const claudeMd = '# Rules\n\n- Never run destructive database commands against production.\n';
    expect(await severityOf({ 'CLAUDE.md': claudeMd })).toEqual(['info']);
    expect(await severityOf({ 'CLAUDE.md': claudeMd, '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(*)"]\n  }\n}\n' })).toEqual(['medium']);
    expect(await severityOf({ 'CLAUDE.md': claudeMd, 'package.json': '{\n  "scripts": { "agent": "claude -p \\"$TASK\\" --dangerously-skip-permissions" }\n}\n' })).toEqual(['medium']);
    // A Cursor allow rule does not let Claude Code, the only reader of CLAUDE.md, run anything unasked.
    expect(await severityOf({ 'CLAUDE.md': claudeMd, '.cursor/cli.json': '{\n  "permissions": {\n    "allow": ["Shell(*)"]\n  }\n}\n' })).toEqual(['info']);
    // Reading secrets is never asked for, so a sentence against it stays medium.
    expect(await severityOf({ 'CLAUDE.md': '# Rules\n\n- Never read `.env` files or print their values.\n' })).toEqual(['medium']);
  });
});
