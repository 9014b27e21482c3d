// The GitHub Actions that run a coding agent, and which of them refuse actors without write access unless one of
// their inputs widens who may start them (claude-code-action's `allowed_non_write_users`, codex-action's
// `allow-users`); run-gemini-cli and the base action check nothing.
import type { AgentId } from './agents.js';

export interface AgentAction {
  /** `owner/name`, as `uses:` writes it before `@`. */
  name: string;
  agent: AgentId;
  /** What a message calls it. */
  title: string;
  /** The input that lets actors without write access start it: set only for actions that check the actor. */
  accessInput?: string;
}

export const AGENT_ACTIONS: readonly AgentAction[] = [
  { name: 'anthropics/claude-code-action', agent: 'claude-code', title: 'claude-code-action', accessInput: 'allowed_non_write_users' },
  { name: 'anthropics/claude-code-base-action', agent: 'claude-code', title: 'claude-code-base-action' },
  { name: 'openai/codex-action', agent: 'codex', title: 'codex-action', accessInput: 'allow-users' },
  { name: 'google-github-actions/run-gemini-cli', agent: 'gemini-cli', title: 'run-gemini-cli' },
];

const escaped = (name: string): string => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Any agent action's name, anywhere in a text: whether a workflow is worth walking for them. */
export const AGENT_ACTION_NAME = new RegExp(AGENT_ACTIONS.map((action) => escaped(action.name)).join('|'));

/** A `uses:` of an action that checks the actor's access. */
export const ACCESS_CHECKING_ACTION = new RegExp(`^(?:${AGENT_ACTIONS.filter((action) => action.accessInput).map((action) => escaped(action.name)).join('|')})@`);

/** The agent action a `uses:` names (`anthropics/claude-code-action@v1`), if any. */
export function agentActionOf(uses: string): AgentAction | undefined {
  const at = uses.indexOf('@');
  return at < 0 ? undefined : AGENT_ACTIONS.find((action) => action.name === uses.slice(0, at));
}
