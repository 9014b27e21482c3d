// The shape of provider knowledge: one entry per credential kind, holding how to recognise it, how far it reaches
// and what narrower credential would do. Adding a provider is adding entries; no engine or detector code changes.
import type { CredentialScope, RuleSamples } from '../../src/model.js';

/** What is known around a value when it is rated: the signals that may narrow or widen its scope. */
export interface CredentialContext {
  value: string;
  /** The variable, key or property the value is bound to, as written. */
  variable?: string;
  /** HTTP header it is sent with, when the file shows one. */
  header?: string;
  /** Names of sibling keys in the same object, section or file. */
  siblings: readonly string[];
  /** Values of sibling keys by name, where they are literals (for pairs: AWS id + secret, user + host). */
  siblingValues: Readonly<Record<string, string>>;
  /** Repo-relative path of the file. */
  path: string;
}

export interface Rating {
  scope: CredentialScope;
  /** Which signal decided it, e.g. "variable RAILWAY_API_TOKEN", "JWT role service_role", "value prefix sk_live_". */
  because: string;
}

/** A value shape a kind is recognised by, anywhere in a file's text. */
export interface ValuePattern {
  /** Must be a global regex; group 1 (or the whole match) is the secret. Anchor it with token boundaries. */
  regex: RegExp;
  /** Literal, case-insensitive keywords the prefilter looks for; at least one must occur for the regex to run. */
  keywords: readonly string[];
}

/** A value recognised only by the name it is bound to (Railway UUIDs, AWS secret keys, Twilio auth tokens). */
export interface ContextPattern {
  /** Matches the variable/key name (case-insensitive matching is the pattern's job). */
  variable: RegExp;
  /** Shape the value must have. */
  value: RegExp;
  /** Prefilter keywords (usually parts of the variable name). */
  keywords: readonly string[];
}

export interface CredentialKind {
  /** Stable id, `<provider>-<kind>`, used in rule ids (`root-scoped-token/<id>`) and fact `kind`. */
  id: string;
  provider: string;
  /** "Railway account token". */
  title: string;
  valuePatterns?: readonly ValuePattern[];
  contextPatterns?: readonly ContextPattern[];
  /** Drops fabricated or documented example values (checksums, `...EXAMPLE`). True = plausible real credential. */
  plausible?(value: string): boolean;
  /** Scope from the value and its context; fail closed (the broad kind) when nothing narrows it. */
  rate(context: CredentialContext): Rating;
  /** What the holder can do at the broad scope, one sentence: "can delete every project, service and volume in every workspace". */
  reach: string;
  /** The narrower alternative: "use a project token in RAILWAY_TOKEN, bound to one environment". */
  narrower: string;
  /** Docs for the kind. */
  reference?: string;
  /**
   * Files in which this kind must / must not be found (realistic placements: a script, a compose file, a README).
   * They become the samples of the generated `exposed-credential/<id>` rule and run in the generic rule test.
   */
  samples: RuleSamples;
  /**
   * For kinds that can rate root or root-resource: files where the credential must be rated that broad (positive)
   * and files where the same kind is narrowed by its context (negative). They become the samples of the generated
   * `root-scoped-token/<id>` rule.
   */
  scopeSamples?: RuleSamples;
}
