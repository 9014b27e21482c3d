// A credential found anywhere in the tree: published by the credential pass, rated by the scope stage.
import type { CredentialScope, FindingInput, Location } from '../model.js';

export interface Credential {
  /** Stable id within one scan: `<path>:<line>:<column>`. */
  id: string;
  /** Provider family (`railway`, `aws`, `stripe`...) or `generic` when only the context says it is a secret. */
  provider: string;
  /** Provider kind id (`railway-account-token`, `stripe-live-secret-key`...). */
  kind: string;
  /** Human name of the kind, e.g. "Railway account token". */
  kindTitle: string;
  location: Location;
  /**
   * The raw value. Kept in memory for decoding and cross-file comparison only: never printed, logged or
   * serialised. Reporters see `redacted`.
   */
  value: string;
  /** sha256 of the value, for comparing credentials across files without holding them. */
  valueHash: string;
  redacted: string;
  /** The variable, key or property it is bound to, if any. */
  variable?: string;
  /** HTTP header it is sent with, if the file shows one. */
  header?: string;
  /** Sibling keys in the same object/section/file (names only), which can narrow or widen scope. */
  siblings?: string[];
  /** Literal values of those siblings (in memory only, like `value`: pairs such as an AWS key id and its secret). */
  siblingValues?: Record<string, string>;
  /** The line the value sits on and a few lines around it (in memory only), for signals a rating reads. */
  line?: string;
  nearby?: string;
  /** The file is a git-ignored .env: read for scope only, not reported as exposed. */
  inIgnoredDotenv: boolean;
  /** It sits in documentation (a docstring, a module's EXAMPLES): an example, rated low like test files. */
  inDocumentation?: boolean;
  /** It configures a CI job's service container (a test database thrown away with the job): rated low like test files. */
  throwaway?: boolean;
  /** Half of a pair counted as one (an AWS key id beside its secret): set by the scope stage. */
  companionHalf?: boolean;
  /** Filled by the scope stage (root-scoped-token). */
  scope?: CredentialScope;
  /** What the holder can do, in one sentence (scope stage). */
  reach?: string;
  /** Canonical environment the file or variable points to, when known. */
  environment?: string;
  /** Filled by the agent-reach stage: some agent's file tools can read it. */
  agentReadable?: boolean;
  /** Agents whose ignore rules exclude this file. */
  excludedFor?: string[];
  /** Filled by the agent-reach stage: agents that can read it (those the repo shows in use, or every known agent). */
  readableBy?: string[];
  /** Agents whose ignore rules exclude the file but whose shell runs unasked here, so `cat` still reads it. */
  readableByShell?: string[];
}

/**
 * A principal the repository grants an account-wide role (a service account bound to `roles/owner`): a credential
 * of that principal found anywhere reaches what the role reaches.
 */
export interface PrivilegedPrincipal {
  /** The principal's identifier, lower-cased: a service account's e-mail. */
  principal: string;
  role: string;
  location: Location;
}

/**
 * A request of an API client that sends a variable with a header (`Project-Access-Token: {{railway_token}}` in a
 * Bruno request): the environment file binding the variable is another file, and the header says what the value is.
 */
export interface SentVariable {
  variable: string;
  /** Lower-cased. */
  header: string;
  path: string;
  /**
   * Literals (lower-cased) the request holds of those credential kinds ask for beside a header (`api.hetzner.cloud`):
   * the host a collection names only in its requests.
   */
  literals: readonly string[];
}

/**
 * An API client's environment file and the literals it names of those credential kinds ask for beside a header: the
 * JetBrains client keeps the host in `http-client.env.json` and the token in `http-client.private.env.json`.
 */
export interface ClientEnvironment {
  path: string;
  /** Lower-cased. */
  literals: readonly string[];
}

/**
 * A credential of an API client's environment file whose kind turns on the header some request of the collection
 * sends it with: its finding waits for every request to be read.
 */
export interface HeaderDependentCredential {
  /** The credential's id. */
  credential: string;
  variable: string;
  path: string;
  /** Where the credential is: the findings' location (a historical version's carries its commit). */
  location: Location;
  /** Its finding when no request is seen sending it with a header that changes its kind. */
  unsent?: FindingInput;
  /**
   * For a value that is a credential only if sent (an environment's `dd_app`): the credential to publish, as the kind
   * its header says, once a request sends it. No finding when none does.
   */
  onlyIfSent?: Credential;
  /**
   * By header (lower-cased): the kinds it may be when sent with it, and the finding then; the first whose literals
   * the sending request holds (none asked: any request) is the one.
   */
  byHeader: Readonly<Record<string, ReadonlyArray<{ kind: string; kindTitle: string; provider: string; finding: FindingInput; requires?: readonly string[] }>>>;
}
