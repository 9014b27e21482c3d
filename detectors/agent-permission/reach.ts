// The agent-reach stage: for every credential, which agents' rules keep its file from their file tools, which agents
// can read it anyway (no rule, or their shell runs unasked here: no ignore file stops `cat`), and one finding per
// secret-bearing file that an agent working here can read.
import ignore, { type Ignore } from 'ignore';
import type { FinishContext, Severity } from '../../src/model.js';
import type { AgentGrant, AgentReadExclusion, Credential } from '../../src/facts/index.js';
import { AGENTS, agentKnowledge, agentTitle, type AgentId } from '../../knowledge/agents/agents.js';
import { RULE_IDS } from './permission.js';
import { commonNoun, withArticle } from '../../src/wording.js';

const GIT_IGNORED = '(files git ignores)';

/** The agents' own defaults, published so the summary and the chain finding see every exclusion. */
export function publishBuiltInExclusions(context: FinishContext): void {
  const repoRules = context.facts.all('agent-read-exclusion').filter((rule) => !rule.indexOnly);
  for (const agent of AGENTS) {
    // Zed's `private_files` in the repository replaces its defaults.
    const replaced = agent.id === 'zed' && repoRules.some((rule) => rule.agent === 'zed' && !rule.builtIn);
    if (!replaced) {
      for (const pattern of agent.builtInExclusions) context.publish('agent-read-exclusion', { agent: agent.id, pattern, builtIn: true });
    }
    if (agent.skipsGitIgnored) context.publish('agent-read-exclusion', { agent: agent.id, pattern: GIT_IGNORED, builtIn: true, gitIgnoredFiles: true });
  }
}

/** Agents the repository shows in use (instructions, settings, ignore files, MCP configs, launchers). */
export function agentsInUse(context: FinishContext): Set<AgentId> {
  return new Set(context.facts.all('agent-config').map((config) => config.agent as AgentId));
}

interface FileReach {
  excludedFor: AgentId[];
  readableBy: AgentId[];
  readableByShell: AgentId[];
}

class ExclusionIndex {
  private readonly byAgent = new Map<string, { patterns: Ignore; gitIgnored: boolean }>();
  /** Index-only ignore files (`.codeiumignore`) per agent: what they list, and the file. */
  private readonly indexOnly = new Map<string, { patterns: Ignore; file: string }>();

  constructor(exclusions: readonly AgentReadExclusion[]) {
    for (const exclusion of exclusions) {
      if (exclusion.indexOnly) {
        let listed = this.indexOnly.get(exclusion.agent);
        if (!listed) {
          listed = { patterns: ignore(), file: exclusion.location?.path ?? '' };
          this.indexOnly.set(exclusion.agent, listed);
        }
        listed.patterns.add(exclusion.pattern);
        continue;
      }
      let entry = this.byAgent.get(exclusion.agent);
      if (!entry) {
        entry = { patterns: ignore(), gitIgnored: false };
        this.byAgent.set(exclusion.agent, entry);
      }
      if (exclusion.gitIgnoredFiles) entry.gitIgnored = true;
      else entry.patterns.add(exclusion.pattern);
    }
  }

  /** The index-only ignore file of `agent` that lists `path`, if one does. */
  listedForIndexOnly(agent: string, path: string): string | undefined {
    const listed = this.indexOnly.get(agent);
    if (!listed) return undefined;
    try {
      return listed.patterns.ignores(path) ? listed.file : undefined;
    } catch {
      return undefined;
    }
  }

  excludes(agent: string, path: string, gitIgnored: boolean): boolean {
    const entry = this.byAgent.get(agent);
    if (!entry) return false;
    if (gitIgnored && entry.gitIgnored) return true;
    try {
      return entry.patterns.ignores(path);
    } catch {
      return false;
    }
  }
}

/** Agents whose shell (or every tool) runs unasked here: their ignore rules do not keep a file from them. */
function shellBypassing(grants: readonly AgentGrant[]): Map<string, AgentGrant> {
  const byAgent = new Map<string, AgentGrant>();
  for (const grant of grants) {
    if (!grant.effective) continue;
    if (grant.grant === 'bypass-mode' || grant.grant === 'shell' || grant.grant === 'interpreter' || grant.grant === 'file-read') {
      if (!byAgent.has(grant.agent)) byAgent.set(grant.agent, grant);
    }
  }
  return byAgent;
}

export function enrichCredentials(context: FinishContext): void {
  const credentials = context.facts.all('credential').filter((credential) => credential.location.commit === undefined);
  if (credentials.length === 0) return;
  const inUse = agentsInUse(context);
  const candidates: AgentId[] = inUse.size > 0 ? [...inUse].sort() : AGENTS.map((agent) => agent.id);
  const exclusions = new ExclusionIndex(context.facts.all('agent-read-exclusion'));
  const shells = shellBypassing(context.facts.all('agent-grant'));

  const byPath = new Map<string, Credential[]>();
  for (const credential of credentials) {
    const list = byPath.get(credential.location.path);
    if (list) list.push(credential);
    else byPath.set(credential.location.path, [credential]);
  }

  // Each file's reach, published in one pass over the credentials once every file is decided.
  const reachByPath = new Map<string, Pick<Credential, 'agentReadable' | 'excludedFor' | 'readableBy' | 'readableByShell'>>();
  for (const [path, inFile] of [...byPath.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const gitIgnored = inFile.some((credential) => credential.inIgnoredDotenv);
    const reach = reachOfFile(path, gitIgnored, candidates, exclusions, shells);
    const agentReadable = reach.readableBy.length > 0;
    reachByPath.set(path, { agentReadable, excludedFor: reach.excludedFor, readableBy: reach.readableBy, readableByShell: reach.readableByShell });
    if (!agentReadable) continue;
    // A git-ignored .env is where credentials belong; it matters here only when an agent that reads it is in use.
    if (gitIgnored && inUse.size === 0) continue;
    reportSecretFile(context, path, inFile, reach, shells, inUse.size > 0, exclusions);
  }
  context.enrichEach('credential', (credential) => (credential.location.commit === undefined ? reachByPath.get(credential.location.path) : undefined));
}

function reachOfFile(path: string, gitIgnored: boolean, candidates: readonly AgentId[], exclusions: ExclusionIndex, shells: ReadonlyMap<string, AgentGrant>): FileReach {
  const excludedFor: AgentId[] = [];
  const readableBy: AgentId[] = [];
  const readableByShell: AgentId[] = [];
  for (const agent of candidates) {
    if (exclusions.excludes(agent, path, gitIgnored)) {
      excludedFor.push(agent);
      if (shells.has(agent)) {
        readableByShell.push(agent);
        readableBy.push(agent);
      }
    } else {
      readableBy.push(agent);
    }
  }
  return { excludedFor, readableBy, readableByShell };
}

function reportSecretFile(
  context: FinishContext,
  path: string,
  inFile: readonly Credential[],
  reach: FileReach,
  shells: ReadonlyMap<string, AgentGrant>,
  agentsKnown: boolean,
  exclusions: ExclusionIndex,
): void {
  const live = inFile.filter((credential) => credential.scope !== 'public' && credential.scope !== 'test' && !credential.inDocumentation && !credential.throwaway);
  // A file whose only credentials are name-based guesses (a secret-named value, a password) is reported by the
  // credential stage already; the agent-reach finding waits for a recognised credential or a broad one, so that a
  // guess is never counted twice.
  if (!live.some((credential) => credential.provider !== 'generic' || credential.scope === 'root' || credential.scope === 'root-resource')) return;
  const ordered = [...live].sort((a, b) => a.location.span.line - b.location.span.line || a.location.span.column - b.location.span.column);
  const first = ordered[0]!;
  const root = live.some((credential) => credential.scope === 'root' || credential.scope === 'root-resource');
  const severity: Severity = root ? 'high' : 'medium';
  const kinds = [...new Set(ordered.map((credential) => commonNoun(credential.kindTitle)))];
  const holds = ordered.length === 1 ? withArticle(kinds[0]!) : `${ordered.length} credentials (${kinds.join(', ')})`;
  const byFiles = reach.readableBy.filter((agent) => !reach.readableByShell.includes(agent));
  const it = ordered.length === 1 ? 'it' : 'them';
  let message: string;
  if (!agentsKnown) {
    // No agent is configured here: name the ones that read everything by default, and the usual ways to hide a file.
    message =
      `${path} holds ${holds} that any coding agent opened here can read: no ignore file or deny rule in the repository keeps ${it} from agents ` +
      `(Claude Code, Codex and GitHub Copilot exclude nothing by default). Fix: ${agentKnowledge('claude-code').exclusionFix!(path)}; ` +
      `${agentKnowledge('cursor').exclusionFix!(path)}; or move the credential out of the checkout.`;
  } else {
    const readers = [...byFiles.map((agent) => agentTitle(agent)), ...reach.readableByShell.map((agent) => `${agentTitle(agent)} (through its unasked shell)`)];
    const shellNotes = reach.readableByShell.map((agent) => {
      const grant = shells.get(agent)!;
      return `${agentTitle(agent)}'s file rules exclude it, but ${grant.setting} (${grant.location.path}) lets its shell read it`;
    });
    const fixes = fixesFor(path, byFiles);
    const unruled = byFiles.length > 0 ? ` no ignore file or deny rule in the repository keeps ${it} from ${listOf(byFiles.map(agentTitle))}.` : '';
    // A team that listed the file in `.codeiumignore` believes it hidden: say why it is not.
    const indexNotes = byFiles.flatMap((agent) => {
      const file = exclusions.listedForIndexOnly(agent, path);
      return file ? [`${file} lists ${path}, but it keeps files only out of ${agentTitle(agent)}'s index, and ${agentTitle(agent)}'s agent still reads them`] : [];
    });
    message =
      `${path} holds ${holds} that ${listOf(readers)} can read:${unruled}` +
      (indexNotes.length > 0 ? ` ${indexNotes.join('; ')}.` : '') +
      (shellNotes.length > 0 ? ` ${shellNotes.join('; ')}.` : '') +
      (fixes ? ` ${fixes}` : '');
  }
  context.report({
    ruleId: RULE_IDS.secretFileNotExcluded,
    severity,
    message,
    location: { path, span: first.location.span },
    evidence: `secret-file|${path}`,
    details: {
      agents: reach.readableBy,
      excludedFor: reach.excludedFor,
      ...(root ? { scope: first.scope === 'root-resource' && !live.some((credential) => credential.scope === 'root') ? 'root-resource' : 'root' } : {}),
      kind: first.kind,
      provider: first.provider,
    },
    related: ordered.slice(1).map((credential) => ({ location: credential.location, message: `also holds: ${credential.kindTitle}` })),
  });
}

/** One line per kind of fix: the agents that have a repository rule for hiding a file, and those that have none. */
function fixesFor(path: string, agents: readonly AgentId[]): string {
  const withRule = agents.filter((agent) => agentKnowledge(agent).exclusionFix);
  const without = agents.filter((agent) => !agentKnowledge(agent).exclusionFix);
  const parts: string[] = [];
  for (const agent of withRule.slice(0, 3)) parts.push(`${agentTitle(agent)}: ${agentKnowledge(agent).exclusionFix!(path)}`);
  if (withRule.length > 3) parts.push(`and the same for ${listOf(withRule.slice(3).map(agentTitle))}`);
  if (without.length > 0) {
    parts.push(`${listOf(without.map(agentTitle))} ${without.length === 1 ? 'has' : 'have'} no repository rule that hides a file: move the credential out of the checkout`);
  }
  return parts.length > 0 ? `Fix: ${parts.join('; ')}.` : '';
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > 4) return `${items.slice(0, 3).join(', ')} and ${items.length - 3} more agents`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
