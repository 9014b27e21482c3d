// Prose-only guardrails: an instructions file tells the agent never to run destructive commands, touch production,
// run migrations or read secrets, and no agent configuration in the repository denies any of it. The decision was
// placed with the model; nothing deterministic enforces it. The finding sits on the sentence and names the rule that would.
import type { FinishContext } from '../../src/model.js';
import type { AgentCommandBrake, AgentProseGuardrail } from '../../src/facts/index.js';
import { agentKnowledge, agentTitle, type AgentId } from '../../knowledge/agents/agents.js';
import { denyPrefixesOf, toolsOfDomain } from '../../knowledge/agents/commands.js';
import { RULE_IDS } from './permission.js';

type GuardrailClass = AgentProseGuardrail['classes'][number];

const PRODUCTION_TOOLS = new Set([...toolsOfDomain('data'), ...toolsOfDomain('infrastructure'), ...toolsOfDomain('migration')]);
const MIGRATION_TOOLS = new Set([...toolsOfDomain('migration'), ...toolsOfDomain('data')]);
const DATA_TOOLS = MIGRATION_TOOLS;
const DATA_WORDS = /\b(?:databases?|dbs?|data|tables?|volumes?|buckets?|backups?|schemas?|collections?)\b/i;

/** Grants that let an agent run some command without a person: a sentence against that command is then all that stops it. */
const UNASKED_GRANTS = new Set<string>(['bypass-mode', 'shell', 'interpreter', 'destructive-command']);
/** Agents that run shell commands unasked when no setting says otherwise (OpenCode's permissions default to allow). */
const ASKS_NOTHING: ReadonlySet<AgentId> = new Set<AgentId>(['opencode', 'openhands']);

/** Agents that load AGENTS.md as their instructions (agents.md), besides Codex, which stands for them in the knowledge. */
const AGENTS_MD_READERS: readonly AgentId[] = ['codex', 'cursor', 'copilot', 'opencode', 'amp', 'zed', 'windsurf', 'cline', 'roo-code', 'kilo-code', 'junie', 'droid', 'crush', 'goose', 'openhands', 'gemini-cli'];

export function reportProseGuardrails(context: FinishContext): void {
  const guardrails = context.facts.all('agent-prose-guardrail');
  if (guardrails.length === 0) return;
  const allBrakes = context.facts.all('agent-command-brake');
  const exclusions = context.facts.all('agent-read-exclusion').filter((exclusion) => !exclusion.builtIn && !exclusion.indexOnly);
  const allowed = [
    ...new Set(
      context.facts
        .all('agent-grant')
        .filter((grant) => grant.grant === 'destructive-command' && grant.reaches)
        .map((grant) => grant.reaches!),
    ),
  ];
  // Agents the repository lets run commands without a person: only for them is the sentence the last word.
  const unasked = new Set(
    context.facts
      .all('agent-grant')
      .filter((grant) => grant.effective && UNASKED_GRANTS.has(grant.grant))
      .map((grant) => grant.agent),
  );
  // A shared file (AGENTS.md) is read by many agents: the message names one the repository shows in use.
  const configs = context.facts.all('agent-config');
  for (const guardrail of guardrails) {
    // A file only one agent reads (CLAUDE.md, GEMINI.md, .cursor/rules) is enforced by that agent's rules: a Cursor
    // deny rule does not stop Claude Code. A shared file (AGENTS.md) counts any agent's rule, as teams configure one.
    const shared = /(?:^|\/)AGENTS\.md$/i.test(guardrail.location.path) || guardrail.agents.length !== 1;
    const reads = (agent: string) => shared || guardrail.agents[0] === agent;
    const brakes = allBrakes.filter((brake) => reads(brake.agent));
    const hasReadRule = exclusions.some((exclusion) => reads(exclusion.agent));
    const unenforced = guardrail.classes.filter((kind) => !enforced(kind, guardrail, brakes, hasReadRule));
    if (unenforced.length === 0) continue;
    // In use by some other file than this one (AGENTS.md alone stands for every agent that reads it).
    const inUse = new Set(configs.filter((config) => config.path !== guardrail.location.path).map((config) => config.agent));
    const readers = shared ? [...guardrail.agents, ...AGENTS_MD_READERS] : guardrail.agents;
    const agent = (readers.find((candidate) => inUse.has(candidate)) ?? guardrail.agents[0] ?? 'claude-code') as AgentId;
    const quoted = guardrail.text.length > 160 ? `${guardrail.text.slice(0, 157)}...` : guardrail.text;
    // Commands the agent asks before running are held by the person who answers; file reads are not asked for.
    const personDecides = !unenforced.includes('credentials') && !readers.some((reader) => unasked.has(reader) || (ASKS_NOTHING.has(reader as AgentId) && inUse.has(reader)));
    context.report({
      ruleId: RULE_IDS.proseOnlyGuardrail,
      ...(personDecides ? { severity: 'info' as const } : {}),
      message:
        `${guardrail.location.path} tells ${agentTitle(agent)} "${quoted}", but no agent configuration in the repository enforces it: ` +
        (personDecides
          ? `nothing in the repository lets ${agentTitle(agent)} run commands unasked, so a person still approves each one, but once one is allowed the model alone decides. `
          : 'the model decides whether to obey. ') +
        `${enforceWith(agent, unenforced[0]!)}${fixFor(agent, unenforced[0]!, guardrail.tools, allowed, DATA_WORDS.test(guardrail.text))}.`,
      location: guardrail.location,
      snippet: quoted,
      evidence: `guardrail|${guardrail.text.toLowerCase().replace(/\s+/g, ' ')}`,
      details: { agent, classes: guardrail.classes, ...(guardrail.tools.length > 0 ? { tools: guardrail.tools } : {}) },
    });
  }
}

/**
 * How the fix is introduced: an agent with no command rule of its own (Cline, Kiro, Junie read these files) cannot be
 * held to the sentence by the repository, so the fix is for the agents that have one.
 */
function enforceWith(agent: AgentId, kind: GuardrailClass): string {
  if (kind === 'credentials' || agentKnowledge(agent).commandDeny) return 'Enforce it with ';
  return `${agentTitle(agent)} reads no command rule from the repository; for the agents that do, enforce it with `;
}

function stops(brakes: readonly AgentCommandBrake[], accept: (tool: string) => boolean): boolean {
  return brakes.some((brake) => brake.stops.some((tool) => tool === '*' || accept(tool)));
}

function enforced(kind: GuardrailClass, guardrail: AgentProseGuardrail, brakes: readonly AgentCommandBrake[], hasReadRule: boolean): boolean {
  if (kind === 'credentials') return hasReadRule;
  // A sentence that names its commands is enforced only when each of them is stopped.
  if (guardrail.tools.length > 0) return guardrail.tools.every((tool) => stops(brakes, (stopped) => stopped === tool));
  switch (kind) {
    case 'destructive':
      // "never run destructive database commands" is kept by brakes on database tools, not by one on `rm`.
      return stops(brakes, (tool) => !DATA_WORDS.test(guardrail.text) || DATA_TOOLS.has(tool));
    case 'production':
      // "the production database" is kept safe by brakes on database tools, not by one on terraform.
      return stops(brakes, (tool) => (DATA_WORDS.test(guardrail.text) ? DATA_TOOLS.has(tool) : PRODUCTION_TOOLS.has(tool)));
    case 'migration':
      return stops(brakes, (tool) => MIGRATION_TOOLS.has(tool));
  }
}

/** How a user types these tools, when the probe's name is not a command line (`prisma migrate reset` runs through npx). */
const TYPED: Readonly<Record<string, string>> = {
  'prisma migrate reset': 'npx prisma migrate reset',
  'prisma db push --force-reset': 'npx prisma db push',
  'rails db:drop': 'bin/rails db:drop',
  'artisan migrate:fresh': 'php artisan migrate:fresh',
};

/** The deny rule (or exclusion) that would enforce the sentence, in the syntax of the agent that reads the file. */
function fixFor(agent: AgentId, kind: GuardrailClass, tools: readonly string[], allowed: readonly string[], aboutData: boolean): string {
  const knowledge = agentKnowledge(agent);
  if (kind === 'credentials') {
    const fix = knowledge.exclusionFix ?? agentKnowledge('claude-code').exclusionFix!;
    const hint = fix('.env');
    return knowledge.exclusionFix
      ? `an exclusion for the secret files (${hint}, and the same for .env.*)`
      : `a read rule for the agents that have one (Claude Code: ${hint}); ${agentTitle(agent)} has none, so keep secrets out of the checkout`;
  }
  const deny = knowledge.commandDeny ?? agentKnowledge('claude-code').commandDeny!;
  // Without named commands: the destructive CLIs this repository already lets agents run, else a typical one.
  const commands = tools.length > 0 ? tools : allowed.length > 0 ? allowed : kind === 'destructive' && !aboutData ? ['rm'] : kind === 'migration' ? ['npx prisma migrate'] : ['psql'];
  // Each tool by its destructive subcommands (`terraform destroy`), so the rule leaves `terraform plan` alone.
  const typed = commands.flatMap((command) => (TYPED[command] ? [TYPED[command]] : denyPrefixesOf(command).slice(0, 2).concat(denyPrefixesOf(command).length === 0 ? [command] : [])));
  const rules = [...new Set(typed.slice(0, 4).map((command) => deny.rule(command)))].join(', ');
  const more = tools.length === 0 && kind !== 'destructive' ? ', and the same for every deploy and database CLI that reaches production' : '';
  return `a deny rule in ${deny.where}: ${rules}${more}`;
}
