// The shape of provider knowledge: one entry per credential kind, holding how to recognise it, how far it reaches
// and what narrower credential would do. Adding a provider is adding entries; no engine or detector code changes.
import type { CredentialScope, RuleSamples, Severity } from '../../src/model.js';

/** What is known around a value when it is rated: the signals that may narrow or widen its scope. */
export interface CredentialContext {
  value: string;
  /** The variable, key or property the value is bound to, as written. */
  variable?: string;
  /** HTTP header it is sent with, when the file shows one. */
  header?: string;
  /** Names of sibling keys in the same object, section or file (as written). */
  siblings: readonly string[];
  /** Values of sibling keys by name, where they are literals (for pairs: AWS id + secret, user + host). */
  siblingValues: Readonly<Record<string, string>>;
  /** Repo-relative path of the file. */
  path: string;
  /** The whole text of the line the value sits on (for nearby signals such as a host or a flag). */
  line: string;
  /** The text of the lines around it (a small window), for signals that sit in comments or headers nearby. */
  nearby: string;
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
  /**
   * Literal, case-insensitive keywords the prefilter looks for; at least one must occur for the regex to run,
   * so every match of the regex must contain one of them.
   */
  keywords: readonly string[];
  /** Literals (case-insensitive) that must also occur somewhere in the file, e.g. `service_account` for a key file. */
  requires?: readonly string[];
}

/** A value recognised only by the name it is bound to or the header it is sent with (Railway UUIDs, AWS secrets). */
export interface ContextPattern {
  /** Matches the variable/key name. */
  variable?: RegExp;
  /**
   * Only a name written as `variable` spells it counts (give it a case-sensitive pattern): the variable a tool reads
   * (`RAILWAY_TOKEN`), not a lowercase key, a camelCase name or a table's prose label (`Railway | Token`) that only
   * resembles it and says nothing of which kind the value is.
   */
  literal?: true;
  /** Matches the HTTP header the value is sent with. */
  header?: RegExp;
  /**
   * Matches the name of the section the binding sits under: a YAML parent key (`railway:`), a TOML or INI table
   * (`[railway]`), a JSON object's key. Set, a binding outside such a section does not match (a bare `token`).
   */
  section?: RegExp;
  /**
   * Matches the repo-relative path of the file: set, a binding in any other file does not match (a CLI's own config
   * file, `.laravel-forge/config.json`, names its token just `token`).
   */
  path?: RegExp;
  /** Shape the value must have. */
  value: RegExp;
  /**
   * Prefilter keywords; the binding's name (or header) must contain one, case-insensitively, so that the prefilter
   * never hides a match.
   */
  keywords: readonly string[];
  /** Literals (case-insensitive) that must also occur in the file (e.g. `backboard.railway` for a bearer token). */
  requires?: readonly string[];
}

/** A file whose whole content is the secret (`config/master.key`): recognised by its path, with no keyword. */
export interface FilePattern {
  /** Matches the repo-relative path. */
  path: RegExp;
  /** Shape the trimmed content must have. */
  value: RegExp;
}

export interface CredentialKind {
  /** Stable id, `<provider>-<kind>`, used in rule ids (`exposed-credential/<id>`, `root-scoped-token/<id>`). */
  id: string;
  provider: string;
  /** "Railway account token". */
  title: string;
  valuePatterns?: readonly ValuePattern[];
  contextPatterns?: readonly ContextPattern[];
  filePatterns?: readonly FilePattern[];
  /** Drops fabricated or documented example values (checksums, `...EXAMPLE`). True = plausible real credential. */
  plausible?(value: string, context: CredentialContext): boolean;
  /**
   * Whether a value this kind's context patterns matched is this kind's at all, judged from its context (the access id
   * beside it, the lines around a bare `api_key`). When it is not, the value is read as the next kind whose patterns
   * match, and at last as what its name alone says; `plausible` only judges whether a value that is this kind's is real.
   */
  claims?(context: CredentialContext): boolean;
  /** Scope from the value and its context; fail closed (the broad kind) when nothing narrows it. */
  rate(context: CredentialContext): Rating;
  /** What the holder can do at the broad scope, one sentence: "can delete every project, service and volume in every workspace". */
  reach: string;
  /** The narrower alternative: "use a project token in RAILWAY_TOKEN, bound to one environment". */
  narrower: string;
  /**
   * This value is one half of a pair whose other half is the named kind (an AWS key id and its secret): when both
   * sit together, the pair is rated once, on the other half.
   */
  companionOf?: string;
  /** Severity of the exposed-credential finding (default high; a rating of `test` lowers it to low). */
  exposedSeverity?: Severity;
  /** Docs for the kind (vendor token reference). */
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

/** A rating decided by the value alone, for kinds whose scope never depends on context. */
export function fixed(scope: CredentialScope, because: string): (context: CredentialContext) => Rating {
  return () => ({ scope, because });
}
