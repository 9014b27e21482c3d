// The engine's model: what detectors see and what they hand back. Detectors import from here, never from each other.
import type { DataDocument } from './parse/data-tree.js';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FactKind, FactOf } from './facts/index.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Higher is worse; used for sorting and for `--fail-on`. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** 1-based lines and columns; `endColumn` is the column after the last character (SARIF's convention). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A place in the scanned tree. `path` is repo-relative with forward slashes. */
export interface Location {
  path: string;
  span: Span;
  /** Set when the location is in git history rather than the working tree. */
  commit?: string;
}

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

/** One input a rule must (positive) or must not (negative) report; run by the generic rule test. */
export interface Sample {
  /** Files of the throwaway repo, by repo-relative path. */
  files: Record<string, string>;
  /** Paths that git must ignore in the sample repo (they are written to .gitignore). */
  gitignored?: string[];
  /** For positives: where the finding must land. Defaults to the first file; line is checked when given. */
  expect?: { path?: string; line?: number };
  /** Why this sample exists, shown when it fails. */
  note?: string;
}

export interface RuleSamples {
  positive: Sample[];
  negative: Sample[];
}

/** Everything a user and a SARIF consumer learn about a rule. Docs and SARIF help are generated from it. */
export interface RuleMeta {
  /** `<detector>/<rule>`, stable forever. */
  id: string;
  title: string;
  severity: Severity;
  /** Why an agent with this in reach is dangerous. */
  why: string;
  /** What to do instead. */
  fix: string;
  /** Optional extra Markdown for SARIF `help.markdown` and the docs. */
  help?: string;
  /** A page that documents what the rule finds (a vendor's token reference, a platform's docs). */
  helpUri?: string;
  precision: Precision;
  tags?: string[];
  samples: RuleSamples;
}

/** A single-file sample, the common case. */
export function sample(path: string, content: string, extra: Omit<Sample, 'files'> = {}): Sample {
  return { files: { [path]: content }, ...extra };
}

export interface RelatedLocation {
  location: Location;
  message: string;
}

/** Structured facts about a finding that later stages and reporters read. Never holds a raw secret. */
export interface FindingDetails {
  provider?: string;
  kind?: string;
  variable?: string;
  scope?: CredentialScope;
  environment?: string;
  /** Whether some coding agent's file tools could read the file (set by the agent-reach stage). */
  agentReadable?: boolean;
  /** For history findings: is the secret still in the working tree? */
  stillInTree?: boolean;
  commitDate?: string;
  [key: string]: string | number | boolean | string[] | undefined;
}

export type CredentialScope = 'root' | 'root-resource' | 'scoped' | 'public' | 'test' | 'unknown';

export interface Suppression {
  kind: 'inSource' | 'external';
  justification: string;
}

/** What a detector reports. The engine adds the fingerprint and applies suppressions. */
export interface FindingInput {
  ruleId: string;
  /** Overrides the rule's default severity (e.g. a test key reported low). */
  severity?: Severity;
  /** Self-contained first sentence; never contains the secret. */
  message: string;
  location: Location;
  /** The redacted excerpt shown to users (use `redact()`); never the whole secret. */
  snippet?: string;
  /**
   * What makes this finding this finding, independent of line numbers (the secret value, a resource id,
   * a key path). Only its hash leaves the engine.
   */
  evidence: string;
  details?: FindingDetails;
  related?: RelatedLocation[];
  /** The path an agent would walk, in order (SARIF codeFlows). */
  flow?: RelatedLocation[];
}

export interface Finding extends Omit<FindingInput, 'evidence' | 'severity'> {
  severity: Severity;
  /** sha256 of rule, path and evidence: survives unrelated edits and line moves. */
  fingerprint: string;
  details: FindingDetails;
  suppression?: Suppression;
}

export type NotificationLevel = 'error' | 'warning' | 'note';

/** Something the user should know about the scan itself: a file we could not read or parse, a skip, a cut. */
export interface Notification {
  level: NotificationLevel;
  /** Stable machine-readable reason, e.g. `parse-error`, `binary-file`, `too-large`, `unreadable`. */
  code: string;
  message: string;
  path?: string;
  line?: number;
}

/** Path, size and git facts known before the file is read. */
export interface FileRef {
  /** Repo-relative, forward slashes. */
  path: string;
  absolutePath: string;
  /**
   * Bytes, when the listing knows them (git blobs, inline content). A walk of the work tree leaves it unset rather
   * than stat every file twice: the read checks the real size before it reads.
   */
  size?: number;
  /** Tracked by git (false outside a git work tree). */
  tracked: boolean;
  /** Matched by .gitignore: read only because a detector reads such files (git-ignored .env) or by --include-ignored. */
  gitIgnored: boolean;
  /** When set, the file's content comes from here (staged blobs, history), not from disk. */
  content?: string;
  /**
   * Set for a file version from git history: the engine stamps it on the locations this file's pass reports and
   * publishes (so cross-file passes that report a fact's location keep the commit).
   */
  commit?: string;
}

export type FileFormat =
  | 'dotenv'
  | 'yaml'
  | 'json'
  | 'toml'
  | 'ini'
  | 'properties'
  | 'hcl'
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'shell'
  | 'dockerfile'
  | 'markdown'
  | 'notebook'
  | 'text';

/**
 * A file as detectors see it: read once, parsed at most once and only when asked.
 * Every accessor is cached; a parse failure becomes a notification and returns undefined.
 */
export interface SourceFile extends FileRef {
  format: FileFormat;
  readonly text: string;
  /** Line starts for offset -> position conversion. */
  readonly lineStarts: readonly number[];
  /** Text of line `n` (1-based), without the newline. */
  line(n: number): string;
  /** Where line `n` (1-based) starts in `text` (`lineStarts[n - 1]`, cheaper for the keyword lines); undefined past the end. */
  lineStart(n: number): number | undefined;
  /** Where line `n` (1-based) ends in `text`, before its newline (and carriage return); it starts at `lineStarts[n - 1]`. */
  lineEnd(n: number): number;
  /** Converts a string offset in `text` to a 1-based line/column. */
  positionAt(offset: number): { line: number; column: number };
  /** Span covering `text.slice(start, end)`. */
  spanOf(start: number, end: number): Span;
  /** Structured data (YAML, JSON, TOML, INI, dotenv, properties, HCL, notebooks' JSON); undefined if it does not parse. */
  data(): DataDocument | undefined;
  /** ESTree AST for JS/TS; undefined if it does not parse. */
  ast(): TSESTree.Program | undefined;
  /** True if the prefilter saw this keyword in the file (keywords must be declared by a rule or detector). */
  hasKeyword(keyword: string): boolean;
  /**
   * The keywords (lower-cased) the prefilter saw, or `all` when it did not run (the slow path: every keyword then
   * counts as seen). Lets a detector with hundreds of keyed patterns visit only the patterns whose keywords occur.
   */
  foundKeywords(): ReadonlySet<string> | 'all';
  /** 1-based lines, ascending, holding one of the line keywords detectors declare: found by the prefilter's pass. */
  keywordLines(): readonly number[];
}

/** Facts already published by the detectors that run before this one (read side). */
export interface FactReader {
  all<K extends FactKind>(kind: K): readonly FactOf<K>[];
}

/** What a detector's per-file pass hands back. */
export interface FileEmitter {
  report(finding: FindingInput): void;
  publish<K extends FactKind>(kind: K, fact: FactOf<K>): void;
  notify(notification: Omit<Notification, 'path'> & { path?: string }): void;
}

/** What a detector's cross-file pass sees and hands back. */
export interface FinishContext extends FileEmitter {
  facts: FactReader;
  config: ResolvedConfig;
  /** Replace a published fact with an enriched copy (the scope, environment and agent-reach stages). */
  enrich<K extends FactKind>(kind: K, predicate: (fact: FactOf<K>) => boolean, patch: Partial<FactOf<K>>): void;
  /**
   * Enrich many facts in one pass: each gets the patch `patchOf` returns for it (none for undefined). A stage that
   * rates every fact calls this once rather than `enrich` per fact, which reads every fact each time.
   */
  enrichEach<K extends FactKind>(kind: K, patchOf: (fact: FactOf<K>) => Partial<FactOf<K>> | undefined): void;
  root: string;
  git: GitFacts;
}

/** A detector: one folder under detectors/, a set of rules, a per-file pass and an optional cross-file pass. */
export interface Detector {
  id: string;
  rules: RuleMeta[];
  /**
   * Cheap path-level admission, called before any read. A file no detector admits is never read.
   * Omit to admit every file that passes `keywords`.
   */
  admits?(file: FileRef): boolean;
  /**
   * Literal keywords (case-insensitive) any of which admits a file's content; omit to skip the content check.
   * A file admitted by path with `admitsWithoutKeywords` skips this check.
   */
  keywords?: readonly string[];
  /**
   * Keywords whose lines the detector reads (`SourceFile.keywordLines()`): the prefilter records them in the same
   * pass, so the detector never searches the whole text for them again.
   */
  lineKeywords?: readonly string[];
  /**
   * Literals the detector asks a file about (`SourceFile.foundKeywords()`) without their admitting it: the prefilter
   * records whether they occur in the same pass, so the detector never searches the whole text for them.
   */
  lookupKeywords?: readonly string[];
  /** When true, a path-admitted file is scanned even if no keyword occurs (configs read for structure). */
  admitsWithoutKeywords?(file: FileRef): boolean;
  scanFile?(file: SourceFile, out: FileEmitter): void;
  /** Fact kinds this detector reads in `finish`; the engine runs producers first. */
  consumes?: readonly FactKind[];
  produces?: readonly FactKind[];
  finish?(context: FinishContext): void;
}

export interface GitFacts {
  /** The scanned root is inside a git work tree. */
  isRepo: boolean;
  /** Absolute path of the work tree's top level, when isRepo. */
  topLevel?: string;
}

export interface SeverityOverride {
  rule: string;
  severity: Severity;
}

/** `.blast-radius.yml`, validated and with defaults applied. */
export interface ResolvedConfig {
  /** Gitignore-style patterns excluded from the scan. */
  ignorePaths: string[];
  /** Rule ids (or `<detector>/*`) turned off. */
  disabledRules: string[];
  severityOverrides: SeverityOverride[];
  /** Literal values that are known not to be secrets (placeholders of this team). */
  allowedValues: string[];
  /** Team-specific names for environments, mapped to canonical ones. */
  environmentAliases: Record<string, string>;
  /** Backups that live outside the repo, recorded by the team. */
  externalBackups: Array<{ store: string; reason: string }>;
  /** Where the config was read from, if anywhere. */
  source?: string;
}

export interface ScanStats {
  filesDiscovered: number;
  filesRead: number;
  bytesRead: number;
  skippedBinary: number;
  skippedTooLarge: number;
  skippedUnreadable: number;
  durationMs: number;
  /** With --profile: milliseconds per detector and phase, slowest first. */
  profile?: Array<{ key: string; ms: number }>;
}

/** The headline: what an agent in this repo could reach, at what scope, in which environment, and what survives. */
export interface BlastRadiusSummary {
  credentials: {
    total: number;
    /** Credentials some agent can read, counted by scope. */
    agentReadableByScope: Partial<Record<CredentialScope, number>>;
    /** Counted by canonical environment ('unknown' when the repo does not say). */
    byEnvironment: Record<string, number>;
  };
  productionStores: Array<{ name: string; platform: string; protection: string; location: Location }>;
  /** Non-production environments that reach a production resource. */
  crossings: Array<{ environment: string; resource: string; location: Location }>;
  /** Agent permissions that bypass a human (`effective: false` when the agent ignores the setting from a repository). */
  agentBypasses: Array<{ agent: string; setting: string; effective: boolean; location: Location }>;
  /** The incident's chain, lined up: a credential an agent can read that reaches production data with no surviving copy. */
  chains: Array<{ message: string; location: Location; stores: string[] }>;
  /** One line for CI outputs and terminal headers. */
  headline: string;
}

export interface ScanResult {
  /** Absolute path of the scanned root. */
  root: string;
  toolVersion: string;
  /** Every rule of every enabled detector (reporters list them even without results). */
  rules: RuleMeta[];
  /** Sorted deterministically: path, line, column, rule id, fingerprint. Suppressed ones included, flagged. */
  findings: Finding[];
  notifications: Notification[];
  summary: BlastRadiusSummary;
  stats: ScanStats;
  /** False when the scan could not complete (a fatal error); findings may then be partial. */
  complete: boolean;
}
