// Where the per-file pass writes what it learns: every resource identity an environment uses and every layer of a
// configuration family, published as facts. Environments are placed without the team's aliases here; the
// cross-file pass places them again with the config and reports.
import type { CanonicalEnvironment, EnvironmentLayer, EnvironmentResource } from '../../../src/facts/environment.js';
import type { FileEmitter, FindingInput, SourceFile, Span } from '../../../src/model.js';
import { dataStoreForms, identityInScope, isComparableIdentity, type ResourceIdentity } from '../../../knowledge/environments/identities.js';
import { canonicalEnvironment, environmentOfPath } from '../../../knowledge/environments/names.js';
import { isTestExampleOrDocsPath } from '../../../src/paths.js';

export type Evidence = EnvironmentResource['environmentEvidence'];

/** An environment as the repo names it; `environment` is undefined when the name is not one the vocabulary knows. */
export interface EnvTag {
  environment?: CanonicalEnvironment;
  name: string;
  evidence: Evidence;
}

export const BASE: EnvTag = { environment: 'base', name: '', evidence: 'base' };

/** An environment named by an explicit key or a value: `default` and friends are the base every other inherits. */
export function namedTag(name: string, evidence: 'key' | 'value'): EnvTag {
  const lower = name.trim().toLowerCase();
  if (['default', 'defaults', 'base', 'common', 'shared', 'global', 'all'].includes(lower)) return BASE;
  return { environment: canonicalEnvironment(name), name: name.trim(), evidence };
}

/**
 * The environment a path names. Differs from `environmentOfPath` for dotenv's local overrides: `.env.staging.local`
 * is staging's, not development's.
 */
export function pathTag(path: string): EnvTag | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const local = /^\.env\.([A-Za-z0-9_-]+)\.local$/i.exec(name);
  if (local) {
    const environment = canonicalEnvironment(local[1]!);
    if (environment) return { environment, name: local[1]!, evidence: 'file-name' };
  }
  const found = environmentOfPath(path);
  // Terragrunt keeps every environment under `live/`; as a directory it names none of them.
  if (found?.evidence === 'directory' && found.name.toLowerCase() === 'live') return undefined;
  return found ? { environment: found.environment, name: found.name, evidence: found.evidence } : undefined;
}

export class Recorder {
  readonly testOnly: boolean;
  private readonly template: boolean;
  private readonly seen = new Set<string>();
  private readonly layers = new Map<string, { family: string; tag: EnvTag; span: Span; keys: Set<string>; implicit: boolean; inheritsFrom?: { tag: EnvTag; span: Span } }>();

  /**
   * The scope a handler knows the file's scoped identities live in (one Serverless service's account and region, a
   * namespace): given a scoped identity and the variable holding it, the scope, or undefined where it is not known.
   */
  scopeOf?: (identity: string, variable: string | undefined) => string | undefined;

  constructor(
    readonly file: SourceFile,
    private readonly out: FileEmitter,
    /** The path a template stands for (`config/staging.env` for `config/staging.env.example`), judged in its place. */
    standsFor?: string,
  ) {
    this.testOnly = isTestExampleOrDocsPath(standsFor ?? file.path);
    this.template = standsFor !== undefined;
  }

  resource(tag: EnvTag, identity: ResourceIdentity, span: Span, options: { variable?: string; family?: string; fromBase?: boolean; declared?: boolean; connectsTo?: string; perEnvironment?: boolean } = {}): void {
    // A template says where its environment's data lives; a key written into one is a leaked credential, which the
    // credential detector reports, not a setting the environment runs with.
    if (this.template && identity.kind === 'payment-key') return;
    const key = `${tag.environment ?? '?'}:${tag.name}:${identity.identity}:${span.line}:${span.column}:${options.variable ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const fact: EnvironmentResource = {
      environment: tag.environment ?? 'base',
      environmentName: tag.name,
      environmentEvidence: tag.evidence,
      kind: identity.kind,
      identity: identity.identity,
      display: identity.display,
      location: { path: this.file.path, span: lineSpan(this.file, span) },
    };
    if (options.variable !== undefined) fact.variable = options.variable;
    if (identity.user) fact.user = identity.user;
    const scope = this.scopeOf && !isComparableIdentity(identity.identity) ? this.scopeOf(identity.identity, options.variable) : undefined;
    const others = [...new Set([...identity.otherIdentities, ...[identity.identity, ...identity.otherIdentities].flatMap(dataStoreForms), ...(scope ? [identityInScope(identity.identity, scope)] : [])])];
    if (others.length > 0) fact.otherIdentities = others;
    if (options.family) fact.family = options.family;
    if (options.fromBase) fact.fromBase = true;
    if (options.declared) fact.declared = true;
    if (options.connectsTo) fact.connectsTo = options.connectsTo;
    if (options.perEnvironment) fact.perEnvironment = true;
    if (identity.copy) fact.copy = identity.copy;
    if (this.testOnly) fact.testOnly = true;
    if (!tag.environment) fact.unplaced = true;
    this.out.publish('environment-resource', fact);
  }

  /** Buffers a layer; layers of one family and environment met in several documents of a file are merged. */
  layer(family: string, tag: EnvTag, span: Span, keys: Iterable<string>, implicit = false, inheritsFrom?: { tag: EnvTag; span: Span }): void {
    const key = `${family}\u0000${tag.name}\u0000${tag.environment ?? '?'}`;
    const existing = this.layers.get(key);
    if (existing) {
      for (const k of keys) existing.keys.add(k);
      existing.implicit &&= implicit;
      existing.inheritsFrom ??= inheritsFrom;
      return;
    }
    this.layers.set(key, { family, tag, span, keys: new Set(keys), implicit, inheritsFrom });
  }

  /** Publishes the buffered layers; call once per file, after every handler ran. */
  flush(): void {
    for (const { family, tag, span, keys, implicit, inheritsFrom } of this.layers.values()) {
      const fact: EnvironmentLayer = {
        family,
        environment: tag.environment ?? 'base',
        environmentName: tag.name,
        environmentEvidence: tag.evidence,
        location: { path: this.file.path, span: lineSpan(this.file, span) },
        keys: [...keys].sort(),
      };
      if (implicit) fact.implicit = true;
      if (inheritsFrom?.tag.environment) {
        fact.inheritsFrom = { environment: inheritsFrom.tag.environment, name: inheritsFrom.tag.name, location: { path: this.file.path, span: lineSpan(this.file, inheritsFrom.span) } };
      }
      if (this.testOnly) fact.testOnly = true;
      if (!tag.environment) fact.unplaced = true;
      this.out.publish('environment-layer', fact);
    }
    this.layers.clear();
  }

  /** Says which scope the scoped identities of another file or directory (`path`) live in. */
  scope(path: string, scope: string, span: Span): void {
    if (!this.testOnly) this.out.publish('environment-scope', { path, scope, location: { path: this.file.path, span: lineSpan(this.file, span) } });
  }

  /** A finding the per-file pass can judge alone (a workflow job's triggers and environment). */
  report(finding: FindingInput): void {
    if (!this.testOnly) this.out.report(finding);
  }

  notify(code: string, message: string, line?: number, level: 'warning' | 'note' = 'warning'): void {
    this.out.notify({ level, code, message, line });
  }
}

/** The whole first line of a span: findings point at the line, and the line is what a user recognises. */
export function lineSpan(file: SourceFile, span: Span): Span {
  const text = file.line(span.line);
  const indent = text.length - text.trimStart().length;
  return { line: span.line, column: indent + 1, endLine: span.line, endColumn: Math.max(indent + 1, text.trimEnd().length + 1) };
}

/** A span for the start of a file, for layers that are whole files. */
export function fileStart(): Span {
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
