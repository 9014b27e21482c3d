// Credentials stored where a coding agent reads them: anything but a git-ignored .env file. Publishes every
// credential it finds (git-ignored .env files included, for their scope) for the later stages to rate and join.
import { severityRank, type Detector, type FileEmitter, type FileRef, type FindingInput, type Severity, type SourceFile } from '../../src/model.js';
import type { Credential, HeaderDependentCredential } from '../../src/facts/index.js';
import type { CredentialKind } from '../../knowledge/credentials/types.js';
import { headersSentWith } from './sent-with.js';
import { isApiClientRequest, reportByHeaderSent } from './api-client.js';
import { canonicalEnvironment, environmentOfPath } from '../../knowledge/environments/names.js';
import { environmentOfBlock } from './environment-blocks.js';
import { sha256 } from '../../src/fingerprint.js';
import { isTestOrExamplePath } from '../../src/paths.js';
import { redact, redactIn } from '../../src/redact.js';
import { ciServicesOf, isThrowaway } from './ci-services.js';
import { documentationRanges, DOCS_TREE, exampleRanges, inRanges, ledAsExample } from './documentation.js';
import { FIND_KEYWORDS, findCredentials, holdsLiteral, isApiClientEnvironment, isApiClientEnvironmentFile, isCredentialFilePath, NAME_KEYWORDS, REQUIRED_LITERALS, SENT_REQUIRED_LITERALS, STRUCTURE_WORDS, type FoundCredential } from './find.js';
import { committedDotenvRule, committedTerraformStateRule, DETECTOR_ID, EXPOSED_RULES, exposedRuleId } from './rules.js';
import { SECRETLINT_KEYWORDS } from './secretlint.js';
import { secretNameClass } from '../../knowledge/credentials/names.js';
import { shipsToBrowsers } from '../../knowledge/credentials/narrowing.js';
import { lineBindings, type Binding } from './bindings.js';
import { decodeJwt, isHumanPlaceholder, isReference } from '../../knowledge/credentials/values.js';
import { PAIR_WINDOW } from '../../knowledge/credentials/companions.js';

const EXAMPLE_DOTENV = /\.(?:example|sample|template|dist|defaults?|tmpl|tpl|schema)$/i;
const MAX_SNIPPET = 160;
/** Lines longer than this are shown from shortly before the secret. */
const LONG_LINE = 1_000;
const SNIPPET_LEAD = 40;

/** Terraform state and its backups: `terraform.tfstate`, `prod.tfstate`, `terraform.tfstate.backup`, `.terraform/terraform.tfstate`. */
function isTerraformStatePath(path: string): boolean {
  return /\.tfstate(?:\.backup|\.\d+\.backup)?$/.test(path);
}

/** State that manages something: a resource with at least one instance (an empty state holds no attribute). */
const STATE_WITH_INSTANCES = /"instances"\s*:\s*\[\s*\{/;

function isDotenvPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (name === '.env' || name.startsWith('.env.')) && !EXAMPLE_DOTENV.test(name);
}

export const exposedCredential: Detector = {
  id: DETECTOR_ID,
  rules: [...EXPOSED_RULES],
  keywords: [...new Set([...FIND_KEYWORDS, ...SECRETLINT_KEYWORDS])],
  lineKeywords: NAME_KEYWORDS,
  lookupKeywords: [...REQUIRED_LITERALS, ...STRUCTURE_WORDS],
  // A tracked .env is reported even when nothing in it matches a keyword of ours.
  // So is an API client's environment: its values may be credentials by the header a request sends them with.
  admitsWithoutKeywords: (file: FileRef) => (file.tracked && (isDotenvPath(file.path) || isTerraformStatePath(file.path))) || isCredentialFilePath(file.path) || isApiClientEnvironment(file.path),
  consumes: ['sent-variable', 'header-dependent-credential', 'client-environment'],
  produces: ['credential', 'sent-variable', 'header-dependent-credential', 'client-environment'],
  finish(context) {
    reportByHeaderSent(context);
  },
  scanFile(file, out) {
    const found = findCredentials(file);
    const inIgnoredDotenv = file.gitIgnored && file.format === 'dotenv';
    const documentation = found.length > 0 ? documentationRanges(file) : [];
    // A document's examples: reported low unless the value is in its provider's own format (a live `sk_live_` key
    // pasted into an example is still a live key). A provider's key known only by its name (a Railway UUID) is lowered
    // only in a documentation tree (a docs site's pages); in a README or a runbook at the root it keeps its severity:
    // that is where a team pastes the token it uses. A private key is lowered in a docs tree's example too (a page's
    // sample key), never in a README or a runbook.
    const examples = found.length > 0 ? exampleRanges(file) : [];
    const docsTree = DOCS_TREE.test(file.path);
    const services = found.length > 0 ? ciServicesOf(file) : undefined;
    const pairedByFormat = found.length > 1 ? halvesPairedByFormat(file, found) : undefined;
    let reported = 0;
    // The strongest severity among the credentials reported: a tracked .env holding only test-mode keys is as
    // serious as they are.
    let strongest: Severity | undefined;
    for (const credential of found) {
      const span = file.spanOf(credential.start, credential.end);
      const location = { path: file.path, span };
      const rating = credential.kind.rate(credential.context);
      // The half of a pair known only by its name (an AWS secret key) is as much a live credential as the half beside it
      // in its provider's format (the AKIA key id): one pair, rated once.
      const byFormat = credential.byFormat || pairedByFormat?.has(credential) === true;
      // A private key a docs site's page shows as an example is the page's sample key: it names no account to reach.
      const sampleKey = docsTree && credential.kind.id === 'private-key';
      const example = (!byFormat || sampleKey) && (docsTree || credential.kind.provider === 'generic') && inRanges(examples, credential.start);
      const inDocumentation = inRanges(documentation, credential.start) || example || ledAsExample(file.text, credential.start, file.lineStart(span.line) ?? 0);
      const throwaway = services !== undefined && isThrowaway(services, span.line, credential.value);
      if (rating.scope === 'public') continue;
      reported++;
      const variable = credential.context.variable;
      const environment = environmentOfPath(file.path)?.environment ?? (variable ? canonicalEnvironment(variable) : undefined) ?? environmentOfBlock(file, span.line);
      const fact: Credential = {
        id: `${file.path}:${span.line}:${span.column}`,
        provider: credential.kind.provider,
        kind: credential.kind.id,
        kindTitle: credential.kind.title,
        location,
        value: credential.value,
        valueHash: sha256(credential.value),
        redacted: redact(credential.value),
        variable,
        header: credential.context.header,
        siblings: [...credential.context.siblings],
        siblingValues: Object.assign(Object.create(null), credential.context.siblingValues),
        line: credential.context.line,
        nearby: credential.context.nearby,
        inIgnoredDotenv,
        ...(inDocumentation ? { inDocumentation: true } : {}),
        ...(throwaway ? { throwaway: true } : {}),
        environment,
      };
      // A value that is a credential only if sent is published once a request is seen sending it.
      if (!credential.onlyIfSent) out.publish('credential', fact);
      if (inIgnoredDotenv) continue;
      const severity = severityOf(credential, rating.scope === 'test' || inDocumentation || throwaway, file.path);
      if (strongest === undefined || severityRank(severity) > severityRank(strongest)) strongest = severity;
      const snippet = snippetOf(file, credential);
      const findingAs = (kind: CredentialKind, severity: Severity): FindingInput => ({
        ruleId: exposedRuleId(kind),
        severity,
        message: `${kind.title}${variable ? ` in ${variable}` : ''} is stored in plain text where coding agents read it.`,
        location,
        snippet,
        evidence: credential.value,
        details: { provider: kind.provider, kind: kind.id, variable, environment, redacted: redact(credential.value) },
      });
      if (credential.ifSent && variable) {
        // Which of its kinds it is, a request in another file of the collection says: reported once all are read.
        const byHeader: Record<string, HeaderDependentCredential['byHeader'][string]> = {};
        for (const [header, ways] of credential.ifSent) {
          byHeader[header] = ways.map(({ kind, requires }) => {
            const test = kind.rate({ ...credential.context, header }).scope === 'test';
            const finding = findingAs(kind, severityOf({ ...credential, kind }, test || inDocumentation || throwaway, file.path));
            return { kind: kind.id, kindTitle: kind.title, provider: kind.provider, finding, ...(requires ? { requires } : {}) };
          });
        }
        const unsent = credential.onlyIfSent ? { onlyIfSent: fact } : { unsent: findingAs(credential.kind, severity) };
        out.publish('header-dependent-credential', { credential: fact.id, variable, path: file.path, location, ...unsent, byHeader });
        continue;
      }
      out.report(findingAs(credential.kind, severity));
    }
    if (isApiClientEnvironmentFile(file)) {
      const literals = literalsOf(file, SENT_REQUIRED_LITERALS);
      if (literals.length > 0) out.publish('client-environment', { path: file.path, literals });
    }
    if (isApiClientRequest(file.path, file.text)) {
      const sent = headersSentWith(file.text);
      const literals = sent.size > 0 ? literalsOf(file, SENT_REQUIRED_LITERALS) : [];
      for (const [variable, header] of sent) out.publish('sent-variable', { variable, header: header.toLowerCase(), path: file.path, literals });
    }
    noteUnreadableShapes(file, found, out);
    if (file.tracked && isTerraformStatePath(file.path) && STATE_WITH_INSTANCES.test(file.text)) {
      out.report({
        ruleId: committedTerraformStateRule.id,
        message: `${file.path} is Terraform state tracked by git: it holds every attribute of the resources it manages, passwords and keys included, in plain text${found.length > 0 ? ` (${found.length} credential${found.length === 1 ? '' : 's'} recognised in it)` : ''}.`,
        location: { path: file.path, span: file.spanOf(0, Math.max(0, file.line(1).length)) },
        evidence: file.path,
        details: { credentials: found.length },
      });
    }
    // Public values (a Supabase anon key, NEXT_PUBLIC_ settings) make no secret of a tracked .env: a Next.js app commits
    // `.env.production` for exactly those.
    if (file.tracked && isDotenvPath(file.path) && (reported > 0 || holdsSecretNamedValue(file))) {
      // Secret-named values no kind recognised keep the rule's own severity.
      const severity = strongest !== undefined && severityRank(strongest) < severityRank('high') && !holdsUnrecognisedSecret(file, found) ? strongest : undefined;
      out.report({
        ruleId: committedDotenvRule.id,
        ...(severity ? { severity } : {}),
        message: `${file.path} is tracked by git, so the secrets in it are in every clone and in history.`,
        location: { path: file.path, span: file.spanOf(0, Math.max(0, file.line(1).length)) },
        evidence: file.path,
        details: { credentials: reported },
      });
    }
  },
};

/**
 * Things shaped like credentials that cannot be read as one: a private key with no END line (truncated), a token
 * shaped like a JWT whose parts do not decode. Said as notes, so a reader knows they were seen and not rated.
 */
function noteUnreadableShapes(file: SourceFile, found: readonly FoundCredential[], out: FileEmitter): void {
  const covered = (offset: number) => found.some((credential) => credential.start <= offset && offset < credential.end);
  if (file.hasKeyword('private key')) {
    for (const match of file.text.matchAll(/-----BEGIN ((?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?)-----/g)) {
      if (covered(match.index) || file.text.includes(`-----END ${match[1]}-----`, match.index)) continue;
      // Prose that names the marker (`starts with -----BEGIN PRIVATE KEY-----`) is not a key: a key has a body.
      const body = file.text.slice(match.index + match[0].length, match.index + match[0].length + 200).replace(/\\n/g, '\n').trimStart();
      if (!/^[A-Za-z0-9+/=]{40,}/.test(body)) continue;
      const line = file.positionAt(match.index).line;
      out.notify({ level: 'note', code: 'truncated-private-key', message: `${file.path}:${line} starts a ${match[1]!.toLowerCase()} that never ends (no END line): a truncated key, not rated.`, line });
    }
  }
  if (file.hasKeyword('eyj')) {
    for (const match of file.text.matchAll(/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g)) {
      if (covered(match.index) || decodeJwt(match[0])) continue;
      const line = file.positionAt(match.index).line;
      out.notify({ level: 'note', code: 'malformed-jwt', message: `${file.path}:${line} holds a JWT-shaped token whose header or payload does not decode: not rated.`, line });
    }
  }
}

/**
 * Credentials whose companion half (a kind that names them as its `companionOf`: the AWS key id of a secret key) sits
 * beside them in its provider's own format, within the lines a pair spans.
 */
function halvesPairedByFormat(file: SourceFile, found: readonly FoundCredential[]): ReadonlySet<FoundCredential> {
  const halves = found.filter((credential) => credential.byFormat && credential.kind.companionOf !== undefined);
  const paired = new Set<FoundCredential>();
  if (halves.length === 0) return paired;
  const lineOf = (credential: FoundCredential): number => file.positionAt(credential.start).line;
  const halfLines = new Map<string, number[]>();
  for (const half of halves) {
    const lines = halfLines.get(half.kind.companionOf!);
    if (lines) lines.push(lineOf(half));
    else halfLines.set(half.kind.companionOf!, [lineOf(half)]);
  }
  // Sorted, so each credential finds the first half at or after `line - PAIR_WINDOW` by bisection.
  for (const lines of halfLines.values()) lines.sort((a, b) => a - b);
  for (const credential of found) {
    const lines = halfLines.get(credential.kind.id);
    if (!lines || credential.byFormat) continue;
    const line = lineOf(credential);
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lines[middle]! < line - PAIR_WINDOW) low = middle + 1;
      else high = middle;
    }
    if (low < lines.length && lines[low]! <= line + PAIR_WINDOW) paired.add(credential);
  }
  return paired;
}

/** Which of these literals (lower-cased) the file holds. */
function literalsOf(file: SourceFile, literals: readonly string[]): string[] {
  const recorded = file.foundKeywords();
  return literals.filter((literal) => holdsLiteral(file.text, recorded, literal));
}

function severityOf(credential: FoundCredential, exampleOnly: boolean, path: string): Severity {
  if (exampleOnly || isTestOrExamplePath(path)) return 'low';
  return credential.kind.exposedSeverity ?? 'high';
}

/** A `.env` line binding a secret-named key to a real-looking value, even one no kind recognises. */
function holdsSecretNamedValue(file: SourceFile): boolean {
  return secretNamedBindings(file).length > 0;
}

/** A secret-named value of a `.env` that is none of the credentials found in it. */
function holdsUnrecognisedSecret(file: SourceFile, found: readonly FoundCredential[]): boolean {
  return secretNamedBindings(file).some((binding) => !found.some((credential) => credential.start <= binding.start && binding.start < credential.end));
}

function secretNamedBindings(file: SourceFile): Binding[] {
  return lineBindings(file.text).filter((binding) => !shipsToBrowsers(binding.name) && secretNameClass(binding.name) !== undefined && binding.value.length >= 6 && !isReference(binding.value) && !isHumanPlaceholder(binding.value));
}

/** The line with the secret redacted, trimmed around it. */
function snippetOf(file: SourceFile, credential: FoundCredential): string {
  const position = file.positionAt(credential.start);
  // A PEM block shows its BEGIN line, which names the key type and holds nothing secret.
  if (credential.value.startsWith('-----BEGIN')) return credential.value.slice(0, credential.value.indexOf('-----', 11) + 5);
  const lineStart = file.lineStarts[position.line - 1]!;
  const lineEnd = file.lineEnd(position.line);
  // What the file holds can differ from the value (escaped in JSON, base64 in a Kubernetes Secret): hide both.
  const held = file.text.slice(credential.start, credential.end);
  // The value first: once the held text is replaced, a value that overlaps it would no longer be found whole.
  const hide = (text: string): string => (held !== credential.value ? redactIn(redactIn(text, credential.value), held) : redactIn(text, credential.value));
  // A long line (minified code) shows the stretch around the secret, not its first characters: copying and
  // redacting the whole line for each secret in it made a bundle of megabytes take minutes.
  if (lineEnd - lineStart > LONG_LINE) {
    const from = Math.max(lineStart, credential.start - SNIPPET_LEAD);
    const around = hide(file.text.slice(from, Math.min(lineEnd, credential.end + MAX_SNIPPET))).trim();
    return `…${around.slice(0, MAX_SNIPPET - 2)}…`;
  }
  const line = hide(file.line(position.line)).trim();
  return line.length > MAX_SNIPPET ? `${line.slice(0, MAX_SNIPPET - 1)}…` : line;
}
