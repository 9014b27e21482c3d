// Chains: an agent-readable credential whose scope reaches a production store without an off-provider backup,
// directly or through a non-production environment that shares the store; or an MCP server with its write tools on
// that reaches such a store. The headline findings of a scan.
import type { Detector, FinishContext, RelatedLocation } from '../../src/model.js';
import { CI_JOB_ENVIRONMENT, describeProtection, findChains, findToolChains, flowOf, isUnprotected, toolFlowOf, type Chain } from './chains.js';
import { findClientChains } from './client-chains.js';
import { CHAIN_RULES, ciAgentChain, clientChain, DETECTOR_ID, directChain, stagingChain, toolChain } from './rules.js';
import { agentTitle } from '../../knowledge/agents/agents.js';
import { commonNoun } from '../../src/wording.js';
import { storeNoun } from '../../src/facts/datastore.js';

/** Related locations beyond this many stores per credential are summarised in the message. */
const MAX_STORES = 5;

export const blastRadius: Detector = {
  id: DETECTOR_ID,
  rules: [...CHAIN_RULES],
  consumes: ['credential', 'data-store', 'backup-evidence', 'environment-crossing', 'environment-resource', 'environment-layer', 'agent-grant', 'agent-tool'],
  finish(context) {
    const byCredential = new Map<string, Chain[]>();
    for (const chain of findChains(context.facts)) {
      const list = byCredential.get(chain.credential.id);
      if (list) list.push(chain);
      else byCredential.set(chain.credential.id, [chain]);
    }
    for (const chains of byCredential.values()) {
      // The path through a shared environment is the incident's: it leads when there is one.
      const lead = chains.find((chain) => chain.crossing) ?? chains[0]!;
      const credential = lead.credential;
      const stores = chains.map((chain) => chain.store);
      const names = stores.slice(0, MAX_STORES).map((store) => `${store.name} (${store.platform}, backups ${describeProtection(store.protection)})`);
      const more = stores.length > MAX_STORES ? ` and ${stores.length - MAX_STORES} more` : '';
      // An account token reaches production on its own; the shared environment is a second way in, not its only one.
      const path = lead.crossing
        ? ` ${lead.direct ? 'directly and ' : ''}through ${lead.crossing.environment}, which uses production's ${lead.crossing.resourceKind}`
        : lead.sharedAccount
          ? `, as ${lead.sharedAccount.environment} is in production's account (it uses production's ${lead.sharedAccount.resource})`
          : '';
      const related: RelatedLocation[] = [
        ...(lead.crossing ? [{ location: lead.crossing.location, message: `${lead.crossing.environment} shares production's ${lead.crossing.resourceKind}` }] : []),
        ...(!lead.crossing && lead.sharedAccount ? [{ location: lead.sharedAccount.location, message: `${lead.sharedAccount.environment} is in production's account` }] : []),
        ...stores.slice(0, MAX_STORES).map((store) => ({ location: store.location, message: `production ${storeNoun(store)} ${store.name}` })),
        ...(lead.grants[0] ? [{ location: lead.grants[0].location, message: `${lead.grants[0].agent} runs commands unasked` }] : []),
      ];
      context.report({
        ruleId: lead.crossing ? stagingChain.id : directChain.id,
        message: `An agent working here can read this ${commonNoun(credential.kindTitle)} (scope: ${credential.scope ?? 'unknown'}), which reaches ${names.join(', ')}${more}${path}${lead.namedOnLine && !lead.crossing ? ': the command it is given on its line names the store' : ''}; no copy survives outside the provider.`,
        location: credential.location,
        snippet: credential.redacted,
        evidence: `${credential.valueHash}:${stores.map((store) => store.id).sort().join(',')}`,
        details: {
          provider: credential.provider,
          kind: credential.kind,
          variable: credential.variable,
          scope: credential.scope,
          stores: stores.map((store) => store.name),
          environment: lead.crossing?.environment ?? credential.environment,
          unattended: lead.grants.length > 0,
        },
        related,
        flow: flowOf(lead),
      });
    }
    reportToolChains(context);
    reportClientChains(context, new Set(byCredential.keys()));
  },
};

function reportClientChains(context: FinishContext, covered: ReadonlySet<string>): void {
  for (const chain of findClientChains(context.facts, covered)) {
    const { credential, grant, store } = chain;
    const agent = agentTitle(grant.agent);
    const client = grant.grant === 'destructive-command' ? grant.reaches! : `a ${chain.engine} client`;
    // A backup that leaves the provider bounds the loss; the agent still runs the SQL unasked.
    const survives = store !== undefined && !isUnprotected(store);
    context.report({
      ruleId: clientChain.id,
      severity: survives ? 'high' : 'critical',
      message:
        (chain.loadedByTool
          ? `${grant.setting} lets ${agent} run ${client} without a human, and ${client} loads this production ${chain.engine} login (user ${chain.user} on ${chain.host}) from ${credential.location.path} itself: `
          : `${agent} can read this production ${chain.engine} login (user ${chain.user} on ${chain.host}) and ${grant.setting} lets it run ${client} without a human: `) +
        `one DROP or DELETE against production runs unasked${survives ? '; a backup off the provider bounds the loss' : ''}.`,
      location: credential.location,
      snippet: credential.redacted,
      evidence: `${credential.valueHash}|${grant.agent}|${grant.setting}`,
      details: {
        provider: credential.provider,
        kind: credential.kind,
        variable: credential.variable,
        scope: credential.scope,
        engine: chain.engine,
        host: chain.host,
        stores: [store ? store.name : `${chain.engine} database on ${chain.host}`],
        environment: 'production',
        unattended: true,
        // The summary counts paths to data that would not survive: this one's loss is bounded.
        ...(survives ? { survives: true } : {}),
      },
      related: [
        { location: grant.location, message: `${agent} runs ${client} unasked` },
        ...(store ? [{ location: store.location, message: `production ${storeNoun(store)} ${store.name}` }] : []),
      ],
      flow: [
        { location: grant.location, message: `The ${agent} configuration lets the agent run ${client} without a human (${grant.setting}).` },
        { location: credential.location, message: `${chain.loadedByTool ? `${client} loads` : 'The agent can read'} a production ${chain.engine} login${credential.variable ? ` in ${credential.variable}` : ''} for ${chain.host}.` },
        ...(store ? [{ location: store.location, message: `Production ${store.engine} ${store.name} on ${store.platform}, backups ${describeProtection(store.protection)}.` }] : []),
      ],
    });
  }
}

function reportToolChains(context: FinishContext): void {
  for (const chain of findToolChains(context.facts)) {
    const { tool, stores, grant } = chain;
    const names = stores.slice(0, MAX_STORES).map((store) => `${store.name} (${store.platform}, backups ${describeProtection(store.protection)})`);
    const more = stores.length > MAX_STORES ? ` and ${stores.length - MAX_STORES} more` : '';
    const how = grant ? `, and ${grant.setting} lets ${agentTitle(tool.agent)} call its tools without a human` : `; each call still asks a human`;
    const why = tool.targets.length > 0 || tool.accountPlatform ? '' : ` (it points at production: ${tool.production}; the repository deploys one ${tool.engine} store)`;
    if (tool.kind === CI_JOB_ENVIRONMENT) {
      // Without its grant the job's agent asks nobody anyway (no human watches CI): only the grant makes it a finding.
      if (!grant) continue;
      context.report({
        ruleId: ciAgentChain.id,
        message: `${grant.setting} starts ${agentTitle(tool.agent)} in CI job \`${tool.server}\` without approvals, and the job ${tool.reach}: one command the agent decides to run changes production data in ${names.join(', ')}${more} (the repository deploys one ${tool.engine === 'database' ? 'database' : tool.engine} store); no copy survives outside the provider.`,
        location: tool.location,
        evidence: `${tool.server}|${tool.kind}|${tool.production ?? ''}|${stores.map((store) => store.id).sort().join(',')}`,
        details: { agent: tool.agent, job: tool.server, stores: stores.map((store) => store.name), environment: 'production', unattended: true },
        related: stores.slice(0, MAX_STORES).map((store) => ({ location: store.location, message: `production ${storeNoun(store)} ${store.name}` })),
        flow: toolFlowOf(chain),
      });
      continue;
    }
    context.report({
      ruleId: toolChain.id,
      severity: grant ? 'critical' : 'high',
      message: `Through the ${tool.title} "${tool.server}", its write tools on, ${agentTitle(tool.agent)} can change production data in ${names.join(', ')}${more}${why}${how}; no copy survives outside the provider.`,
      location: tool.location,
      evidence: `${tool.server}|${tool.kind}|${stores.map((store) => store.id).sort().join(',')}`,
      details: { agent: tool.agent, server: tool.server, kind: tool.kind, stores: stores.map((store) => store.name), environment: 'production', unattended: grant !== undefined },
      related: [
        ...stores.slice(0, MAX_STORES).map((store) => ({ location: store.location, message: `production ${storeNoun(store)} ${store.name}` })),
        ...(grant ? [{ location: grant.location, message: `${agentTitle(tool.agent)} calls the server's tools unasked` }] : []),
      ],
      flow: toolFlowOf(chain),
    });
  }
}
