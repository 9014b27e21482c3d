// The blast-radius summary as plain sentences, shared by the text and Markdown reports so they never disagree.
import type { BlastRadiusSummary, CredentialScope } from '../model.js';

const SCOPE_ORDER: CredentialScope[] = ['root', 'root-resource', 'scoped', 'unknown', 'test', 'public'];

export interface SummaryRow {
  /** What an agent could reach. */
  label: string;
  value: string;
}

export function summaryRows(summary: BlastRadiusSummary): SummaryRow[] {
  const readable = SCOPE_ORDER.filter((scope) => (summary.credentials.agentReadableByScope[scope] ?? 0) > 0)
    .map((scope) => `${summary.credentials.agentReadableByScope[scope]} ${scope}`)
    .join(', ');
  const environments = Object.entries(summary.credentials.byEnvironment)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([environment, count]) => `${count} ${environment}`)
    .join(', ');
  const stores = summary.productionStores.map((store) => `${store.name} (${store.platform}): ${store.protection}`).join('; ');
  const crossings = summary.crossings.map((crossing) => `${crossing.environment} → ${crossing.resource}`).join('; ');
  const bypasses = summary.agentBypasses
    .map((bypass) => `${bypass.agent}: ${bypass.setting}${bypass.effective ? '' : ' (intent only)'}`)
    .join('; ');
  const chains = summary.chains.map((chain) => `${chain.location.path}:${chain.location.span.line} → ${chain.stores.join(', ')}`).join('; ');
  return [
    { label: 'Agent → unrecoverable production data', value: chains || 'no complete chain' },
    { label: 'Credentials agents can read', value: readable || 'none' },
    { label: 'Credentials by environment', value: environments || 'none' },
    { label: 'Production data stores', value: stores || 'none declared in the repository' },
    { label: 'Non-production paths to production', value: crossings || 'none' },
    { label: 'Agent permissions without a human', value: bypasses || 'none' },
  ];
}
