// The fact kinds detectors publish for one another through the engine, never by importing each other.
import type { ClientEnvironment, Credential, HeaderDependentCredential, PrivilegedPrincipal, SentVariable } from './credential.js';
import type { EnvironmentCrossing, EnvironmentLayer, EnvironmentResource, EnvironmentScope } from './environment.js';
import type { BackupEvidence, DataStore, StoreContext } from './datastore.js';
import type { AgentCommandBrake, AgentConfigFile, AgentDefaultSetting, AgentGrant, AgentPendingGrant, AgentTemplatedSecret, HelmSecretValue, AgentHook, AgentHookScript, AgentProseGuardrail, AgentReadExclusion, AgentTaskAllow, AgentTool, ClaudeShellAllow, OpencodeShellDefault, ProjectTask } from './agent.js';

export interface FactKinds {
  credential: Credential;
  'privileged-principal': PrivilegedPrincipal;
  'sent-variable': SentVariable;
  'header-dependent-credential': HeaderDependentCredential;
  'client-environment': ClientEnvironment;
  'environment-resource': EnvironmentResource;
  'environment-crossing': EnvironmentCrossing;
  'environment-layer': EnvironmentLayer;
  'environment-scope': EnvironmentScope;
  'data-store': DataStore;
  'backup-evidence': BackupEvidence;
  'store-context': StoreContext;
  'agent-grant': AgentGrant;
  'agent-pending-grant': AgentPendingGrant;
  'agent-templated-secret': AgentTemplatedSecret;
  'helm-secret-value': HelmSecretValue;
  'agent-read-exclusion': AgentReadExclusion;
  'agent-config': AgentConfigFile;
  'agent-command-brake': AgentCommandBrake;
  'agent-prose-guardrail': AgentProseGuardrail;
  'agent-tool': AgentTool;
  'claude-shell-allow': ClaudeShellAllow;
  'agent-hook': AgentHook;
  'agent-hook-script': AgentHookScript;
  'project-task': ProjectTask;
  'agent-task-allow': AgentTaskAllow;
  'opencode-shell-default': OpencodeShellDefault;
  'agent-default-setting': AgentDefaultSetting;
}

export type FactKind = keyof FactKinds;
export type FactOf<K extends FactKind> = FactKinds[K];

export type { ClientEnvironment, Credential, HeaderDependentCredential, PrivilegedPrincipal, SentVariable } from './credential.js';
export type { EnvironmentResource, EnvironmentCrossing, EnvironmentLayer, EnvironmentScope, CanonicalEnvironment, ResourceKind } from './environment.js';
export type { DataStore, BackupEvidence, BackupProtection, StoreContext, DestructiveSetting, StoreDeclaration } from './datastore.js';
export type { AgentGrant, AgentDefaultSetting, AgentPendingGrant, AgentTemplatedSecret, HelmSecretValue, AgentReadExclusion, AgentConfigFile, AgentCommandBrake, AgentHook, AgentHookScript, AgentProseGuardrail, AgentTool, AgentTaskAllow, ClaudeShellAllow, CommandRule, OpencodeShellDefault, ProjectTask } from './agent.js';
