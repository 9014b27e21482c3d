// Finds the credentials in one file: provider value patterns, secretlint's recommended rules, and names bound to
// values (context patterns of provider kinds, then secret-named literals). Overlapping candidates resolve to the
// most specific kind; each survivor carries the context its scope is rated from.
import type { SourceFile } from '../../src/model.js';
import { CREDENTIAL_KINDS, PROVIDER_KINDS } from '../../knowledge/credentials/index.js';
import { basicAuthUrl, databaseConnectionString, genericSecret, hardcodedPassword, jsonWebToken, privateKey } from '../../knowledge/credentials/generic.js';
import { secretNameClass, SECRET_NAME_KEYWORDS } from '../../knowledge/credentials/names.js';
import type { ContextPattern, CredentialContext, CredentialKind } from '../../knowledge/credentials/types.js';
import { decodeBase64Text, escapeRegExp, isHashOrCiphertext, isHumanPlaceholder, isPlaceholder, isReference, looksRandom, wordsOf } from '../../knowledge/credentials/values.js';
import { continuedLiteral, dataBindings, lineBindings, lineBindingsOfLine, propertyListBindings, scriptBindings, type Binding } from './bindings.js';
import { secretlintMatches } from './secretlint.js';
import { sectionAt } from './sections.js';
import { htmlTableBindings, tableBindings } from './tables.js';
import { headersSentWith } from './sent-with.js';
import { CREDENTIAL_HEADERS } from './credential-headers.js';
import { labelledBindings, sentenceBindingsOfLine } from './labels.js';
import { lookupTable } from '../../src/lookup-table.js';

/** How sure the match is about the kind: a provider prefix beats a name, a name beats a shape. */
const Specificity = { Generic: 1, SecretlintOnly: 2, Context: 3, Value: 4 } as const;
type Specificity = (typeof Specificity)[keyof typeof Specificity];

export interface Candidate {
  kind: CredentialKind;
  value: string;
  start: number;
  end: number;
  specificity: Specificity;
  binding?: Binding;
  /**
   * Other kinds whose context patterns fit the same binding, in declaration order, then the generic kind its name
   * makes: taken in turn while the kinds before disclaim the value (a 40-character secret is Google's HMAC secret only
   * beside a Google access id, AWS's otherwise).
   */
  alternatives?: readonly CredentialKind[];
}

export interface FoundCredential {
  kind: CredentialKind;
  value: string;
  start: number;
  end: number;
  context: CredentialContext;
  /** Recognised by the provider's own value format (`sk_live_`, `AKIA`, `ghp_`), not by the name it is given. */
  byFormat: boolean;
  /**
   * In an API client's environment file, which binds variables that requests in other files send: the kind the value
   * is when a request sends it with a header (lower-cased), where that differs from the kind it is without one.
   */
  ifSent?: ReadonlyMap<string, readonly SentAs[]>;
  /** A credential only if a request sends it with a header (its name says nothing of a secret: `dd_app`). */
  onlyIfSent?: true;
}

/**
 * A kind an API client's environment value is when a request sends it with a header: where the kind's pattern asks for
 * a literal the environment file lacks (a Hetzner bearer token needs `api.hetzner.cloud`), the request must hold it.
 */
export interface SentAs {
  kind: CredentialKind;
  /** Literals (lower-cased) the sending request must hold; none for a kind the environment file alone decides. */
  requires?: readonly string[];
}

/** Formats where a bare right-hand side is an expression (`password = getpass()`), never a literal. */
const CODE_FORMATS = new Set(['javascript', 'typescript', 'python', 'notebook', 'hcl']);
/**
 * Programming languages the engine has no parser for, read as text: in them too a bare right-hand side is an
 * expression (`struct Pass : ImmutablePass`, `password = params[:password]`), never a literal.
 */
const SOURCE_EXTENSION = /\.(?:c|h|cc|cpp|cxx|hh|hpp|hxx|java|kt|kts|scala|groovy|gradle|go|rs|rb|php|cs|fs|vb|swift|m|mm|dart|lua|ex|exs|erl|clj|cljs|pl|pm|jl|zig|nim|cr|hs|ml)$/i;
const DATA_FORMATS = new Set(['yaml', 'json', 'toml', 'ini', 'properties', 'dotenv', 'hcl', 'notebook']);
const KUBERNETES_SECRET = /\bkind["']?\s*:\s*["']?Secret\b/;
/**
 * Kinds a pattern finds by where a password goes (a URL's `user:password@`, `IDENTIFIED BY '…'`, `mysql -p…`), not by
 * a format of its own: a document's example of one is as made up as its other examples.
 */
const PASSWORD_BY_PLACE = new Set([hardcodedPassword.id, basicAuthUrl.id, databaseConnectionString.id]);
const GENERIC_KIND_IDS = new Set([genericSecret.id, hardcodedPassword.id, jsonWebToken.id, basicAuthUrl.id, databaseConnectionString.id, privateKey.id]);
const CONTEXT_KINDS = PROVIDER_KINDS.filter((kind) => kind.contextPatterns?.length);
const FILE_KINDS = PROVIDER_KINDS.filter((kind) => kind.filePatterns?.length);

/** Files some kind recognises by path alone: they are read whatever keywords they hold. */
export function isCredentialFilePath(path: string): boolean {
  return FILE_KINDS.some((kind) => kind.filePatterns!.some((pattern) => pattern.path.test(path)));
}
const SIBLING_WINDOW = 12;
const NEARBY_WINDOW = 3;

/** Every keyword a match of this detector needs, for the engine's prefilter. */
export const FIND_KEYWORDS: readonly string[] = [
  ...new Set([
    ...CREDENTIAL_KINDS.flatMap((kind) => [...(kind.valuePatterns ?? []).flatMap((pattern) => pattern.keywords), ...(kind.contextPatterns ?? []).flatMap((pattern) => pattern.keywords)]),
    ...SECRET_NAME_KEYWORDS,
  ]),
];

/**
 * Literals a pattern requires the file to hold besides its keywords (`twilio` for a Twilio key's SK value): the
 * prefilter records whether each occurs, so a file is not searched again for them.
 */
export const REQUIRED_LITERALS: readonly string[] = [
  ...new Set(
    CREDENTIAL_KINDS.flatMap((kind) => [...(kind.valuePatterns ?? []), ...(kind.contextPatterns ?? [])].flatMap((pattern) => pattern.requires ?? [])).map((literal) => literal.toLowerCase()),
  ),
];
/** Words whose presence sends a data file to its structure (name/value pairs, HCL defaults): asked of the record too. */
export const STRUCTURE_WORDS: readonly string[] = ['value', 'default'];
const REQUIRED_LITERAL_SET = new Set(REQUIRED_LITERALS);

/**
 * Words one of which every interesting binding's name (or header) contains: the prefilter records the lines that
 * hold one, and only those lines are read for bindings.
 */
export const NAME_KEYWORDS: readonly string[] = [
  ...new Set([...SECRET_NAME_KEYWORDS, 'project-access-token', 'authorization', ...CONTEXT_KINDS.flatMap((kind) => kind.contextPatterns!.flatMap((pattern) => pattern.keywords))]),
];

/** secretlint rule -> the kinds its matches may be. */
const SECRETLINT_KINDS: Readonly<Record<string, readonly string[]>> = lookupTable({
  '@secretlint/secretlint-rule-aws': ['aws-secret-access-key', 'aws-access-key-id'],
  '@secretlint/secretlint-rule-gcp': ['gcp-service-account-key'],
  '@secretlint/secretlint-rule-privatekey': ['private-key'],
  '@secretlint/secretlint-rule-npm': ['npm-token'],
  '@secretlint/secretlint-rule-basicauth': ['basic-auth-url', 'database-connection-string'],
  '@secretlint/secretlint-rule-slack': ['slack-user-token', 'slack-bot-token', 'slack-webhook'],
  '@secretlint/secretlint-rule-sendgrid': ['sendgrid-api-key'],
  '@secretlint/secretlint-rule-shopify': ['shopify-access-token', 'shopify-shared-secret'],
  '@secretlint/secretlint-rule-github': ['github-classic-token', 'github-oauth-token', 'github-fine-grained-token', 'github-app-token'],
  '@secretlint/secretlint-rule-openai': ['openai-admin-key', 'openai-project-key', 'openai-legacy-key'],
  '@secretlint/secretlint-rule-anthropic': ['anthropic-admin-key', 'anthropic-api-key'],
  '@secretlint/secretlint-rule-linear': ['linear-api-key'],
  '@secretlint/secretlint-rule-1password': ['onepassword-service-account-token'],
  '@secretlint/secretlint-rule-database-connection-string': ['database-connection-string'],
});
const KIND_BY_ID = new Map(CREDENTIAL_KINDS.map((kind) => [kind.id, kind]));

/** Each pattern once more with the `d` flag, so the secret's own group has exact offsets (a password can repeat the user). */
const indexed = new Map<RegExp, RegExp>();
function withIndices(regex: RegExp): RegExp {
  let copy = indexed.get(regex);
  if (!copy) {
    copy = new RegExp(regex.source, regex.flags.includes('d') ? regex.flags : `${regex.flags}d`);
    indexed.set(regex, copy);
  }
  return copy;
}

/** Offsets of group 1 (the secret), or of the whole match when the pattern has no group. */
function secretRange(match: RegExpMatchArray): [number, number] {
  const group = match.indices?.[1];
  if (group) return [group[0], group[1]];
  return [match.index!, match.index! + match[0].length];
}

/**
 * A case-insensitive search for a literal, compiled once: asking whether a file names `twilio` must not copy the
 * whole file into lower case, and the answer must not depend on the prefilter (the slow path asks too).
 */
const literalPatterns = new Map<string, RegExp>();
function literalPattern(literal: string): RegExp {
  let pattern = literalPatterns.get(literal);
  if (!pattern) {
    pattern = new RegExp(escapeRegExp(literal), 'i');
    literalPatterns.set(literal, pattern);
  }
  return pattern;
}

/** Every kind's value patterns, in declaration order (candidates keep it), and which of them each keyword admits. */
const VALUE_PATTERNS = CREDENTIAL_KINDS.flatMap((kind) => (kind.valuePatterns ?? []).map((pattern) => ({ kind, pattern })));
const PATTERNS_BY_KEYWORD = new Map<string, number[]>();
VALUE_PATTERNS.forEach(({ pattern }, index) => {
  for (const keyword of new Set(pattern.keywords.map((keyword) => keyword.toLowerCase()))) {
    const list = PATTERNS_BY_KEYWORD.get(keyword) ?? [];
    list.push(index);
    PATTERNS_BY_KEYWORD.set(keyword, list);
  }
});

/**
 * The value patterns one of whose keywords the file holds, in declaration order: looked up from the few keywords
 * found rather than by asking the file about each of the hundreds of patterns.
 */
function keyedPatterns(file: SourceFile): typeof VALUE_PATTERNS {
  const found = file.foundKeywords();
  if (found === 'all') return VALUE_PATTERNS;
  const indexes: number[] = [];
  for (const keyword of found) {
    const admitted = PATTERNS_BY_KEYWORD.get(keyword);
    if (admitted) indexes.push(...admitted);
  }
  return [...new Set(indexes)].sort((a, b) => a - b).map((index) => VALUE_PATTERNS[index]!);
}

/**
 * Whether the text holds the literal (ASCII case ignored): the prefilter's record (`recorded`) answers for the
 * literals it was given; without one (the slow path), or for another literal, the text is searched.
 */
export function holdsLiteral(text: string, recorded: ReadonlySet<string> | 'all', literal: string): boolean {
  const lower = literal.toLowerCase();
  return recorded !== 'all' && REQUIRED_LITERAL_SET.has(lower) ? recorded.has(lower) : literalPattern(literal).test(text);
}

export function findCredentials(file: SourceFile): FoundCredential[] {
  const text = file.text;
  // Asked per pattern and again per binding: each literal is searched for once per file.
  const contains = new Map<string, boolean>();
  // The prefilter's record answers for the literals it was given; without one (the slow path) the text is searched.
  const recorded = file.foundKeywords();
  const containsLiteral = (literal: string): boolean => {
    let found = contains.get(literal);
    if (found === undefined) {
      found = holdsLiteral(text, recorded, literal);
      contains.set(literal, found);
    }
    return found;
  };
  const fileContains = (literals: readonly string[] | undefined): boolean => !literals || literals.every(containsLiteral);
  const candidates: Candidate[] = [];

  for (const { kind, pattern } of keyedPatterns(file)) {
    if (!fileContains(pattern.requires)) continue;
    for (const match of text.matchAll(withIndices(pattern.regex))) {
      const [start, end] = secretRange(match);
      candidates.push({ kind, value: text.slice(start, end), start, end, specificity: Specificity.Value });
    }
  }

  for (const kind of FILE_KINDS) {
    for (const pattern of kind.filePatterns!) {
      if (!pattern.path.test(file.path)) continue;
      const value = text.trim();
      if (!pattern.value.test(value)) continue;
      const start = text.indexOf(value);
      candidates.push({ kind, value, start, end: start + value.length, specificity: Specificity.Value });
    }
  }

  for (const match of secretlintMatches(file)) {
    const kinds = (SECRETLINT_KINDS[match.ruleId] ?? []).map((id) => KIND_BY_ID.get(id)).filter((kind): kind is CredentialKind => kind !== undefined);
    const excerpt = text.slice(match.start, match.end);
    let refined = false;
    for (const kind of kinds) {
      for (const pattern of kind.valuePatterns ?? []) {
        for (const inner of excerpt.matchAll(withIndices(pattern.regex))) {
          const [start, end] = secretRange(inner);
          candidates.push({ kind, value: excerpt.slice(start, end), start: match.start + start, end: match.start + end, specificity: Specificity.Value });
          refined = true;
        }
      }
    }
    // A secretlint match none of our patterns explains still counts, as its first kind (plausibility applies).
    if (!refined && kinds[0] && excerpt.length >= 8) {
      // In a URL the secret is the password, not the URL: judged alone (`user:pass@host` holds a placeholder).
      const userinfo = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:([^@/\s]+)@/i.exec(excerpt);
      if (userinfo) {
        const start = match.start + userinfo[0].length - 1 - userinfo[1]!.length;
        candidates.push({ kind: kinds[0], value: userinfo[1]!, start, end: start + userinfo[1]!.length, specificity: Specificity.SecretlintOnly });
      } else {
        candidates.push({ kind: kinds[0], value: excerpt.trim(), start: match.start, end: match.end, specificity: Specificity.SecretlintOnly });
      }
    }
  }

  // Documentation shows commands as examples (`aws sns confirm-subscription --token ...`); scripts, CI files and
  // Makefiles run them. In a document a value given to a flag counts only where a provider's pattern for that flag
  // takes it (`vercel deploy --token <24 characters>` in a runbook), never for the flag's name alone.
  const documentation = showsCommands(file);
  const clientEnvironment = isApiClientEnvironmentFile(file);
  const onlyIfSent = new Set<Candidate>();
  const sentCandidates = new Map<Candidate, ReadonlyMap<string, ReadonlyArray<{ candidate: Candidate; requires?: readonly string[] }>>>();
  // Read once, and only where a value bound without a header may be sent with one.
  let sentWith: ReadonlyMap<string, string> | undefined;
  for (const bound of bindingsOf(file)) {
    if (bound.ciphertext) continue;
    let binding = bound;
    if (binding.header === undefined && !binding.decoded) {
      sentWith ??= SENDS_HEADER.test(text) ? headersSentWith(text) : new Map();
      const header = sentWith.get(binding.name);
      if (header !== undefined) binding = { ...binding, header };
    }
    const decoded = binding.decoded ? decodedValueCandidate(binding) : (basicAuthCandidate(binding) ?? encodedJsonCandidate(binding));
    const ofBinding = (bound: Binding, contains = fileContains) => candidateOfBinding(bound, file.path, contains, (documentation && bound.flag === true) || bound.providerOnly === true, (at) => sectionAt(text, at, file.lineStart(file.positionAt(at).line) ?? 0), (from, to) => text.slice(Math.max(0, from - BESIDE), to + BESIDE));
    const found = decoded ?? ofBinding(binding);
    // An API client's environment names values as it likes (`dd_app`, `hcloud`): a value with no secret in its name
    // is a credential if a request sends it as one, as the kind its header says.
    const sentOnly = !found && clientEnvironment && binding.header === undefined && looksLikeGeneratedSecret(binding.value);
    if (!found && !sentOnly) continue;
    const candidate: Candidate = found ?? { kind: genericSecret, value: binding.value, start: binding.start, end: binding.end, specificity: Specificity.Generic, binding };
    if (sentOnly) onlyIfSent.add(candidate);
    if (clientEnvironment && !decoded && binding.header === undefined) {
      const ifSent = new Map<string, Array<{ candidate: Candidate; requires?: readonly string[] }>>();
      for (const header of CREDENTIAL_HEADERS) {
        const sent: Array<{ candidate: Candidate; requires?: readonly string[] }> = [];
        // The API's host is in the request, not in the environment: each kind the header takes, if the request names it.
        for (const requires of REQUIRES_BY_HEADER.get(header) ?? []) {
          if (fileContains(requires)) continue;
          const assumed = ofBinding({ ...binding, header }, (literals) => !literals || literals.every((literal) => requires.includes(literal.toLowerCase()) || containsLiteral(literal)));
          if (assumed) sent.push({ candidate: assumed, requires });
        }
        const plain = ofBinding({ ...binding, header });
        if (plain) sent.push({ candidate: plain });
        if (sent.length > 0) ifSent.set(header, sent);
      }
      if (ifSent.size > 0) sentCandidates.set(candidate, ifSent);
    }
    if (sentOnly && !sentCandidates.has(candidate)) continue;
    candidates.push(candidate);
  }

  // A translation catalog's messages are sentences (`Example: https://ceph:telemetry@10.0.0.1:8080`, in every language
  // it ships): only a provider's own format is read there.
  const catalog = TRANSLATION_CATALOG.test(file.path) || LOCALE_NAMED_CATALOG.test(file.path);
  return resolve(plausibleOfTwins(file, candidates)).flatMap((candidate) => {
    if (catalog && candidate.kind.provider === 'generic') return [];
    if (isReference(candidate.value)) return [];
    const context = contextOf(file, candidate);
    const kind = plausibleKind(candidate, context);
    if (!kind) return [];
    if (kind.provider === 'generic') {
      if (catalog) return [];
      // A format string filled on the same line (`'storage-systems/%s' % ssid`, `sprintf("%s:%d", …)`) is a template.
      if (/%[sd]/.test(candidate.value) && FILLED_FORMAT.test(context.line)) return [];
      // A placeholder written base64-encoded (`DB_PASSWORD: Y2hhbmdlbWU=`, a Secret's `changeme`, also where the
      // manifest's `kind: Secret` is not at hand: a history line, a template) is still a placeholder.
      if (encodesPlaceholder(candidate.value)) return [];
    }
    const sentOnly = onlyIfSent.has(candidate);
    const ifSent = sentCandidates.has(candidate) ? kindsIfSent(file, sentOnly ? undefined : kind, sentCandidates.get(candidate)!) : undefined;
    if (sentOnly && !ifSent) return [];
    const byFormat = candidate.specificity === Specificity.Value && !PASSWORD_BY_PLACE.has(kind.id);
    return [{ kind, value: candidate.value, start: candidate.start, end: candidate.end, context, byFormat, ...(ifSent ? { ifSent } : {}), ...(sentOnly ? { onlyIfSent: true as const } : {}) }];
  });
}

/**
 * Environment files of API clients, which bind the variables their requests (other files) send: Bruno's
 * `environments/*.bru`, Postman's exported `*.postman_environment.json`, the JetBrains and VS Code HTTP client's
 * `http-client(.private).env.json`, Thunder Client's Git Sync `thunder-tests/environments/tc_env_*.json` (formerly
 * one `thunderEnvironment.json`).
 */
const API_CLIENT_ENVIRONMENT = /(?:^|\/)environments\/[^/]+\.bru$|\.postman_environment\.json$|(?:^|\/)http-client(?:\.private)?\.env\.json$|(?:^|\/)thunder-tests\/(?:environments\/[^/]+|thunderEnvironment)\.json$/i;

export function isApiClientEnvironment(path: string): boolean {
  return API_CLIENT_ENVIRONMENT.test(path);
}

/**
 * Hoppscotch exports environments under any name the user picks, so they are known by their shape: a `name` and
 * `variables` of `{ key, value }` (or, since secret variables, `initialValue` / `currentValue` and `secret`).
 */
const HOPPSCOTCH_VARIABLES = /"variables"\s*:\s*\[\s*\{\s*"key"\s*:/;

/** An API client's environment, by its path or, for exports named freely, by its shape. */
export function isApiClientEnvironmentFile(file: SourceFile): boolean {
  // Asked up to three times of each file (the credential pass, its bindings, the detector): answered once.
  if (file !== lastAsked) {
    lastAsked = file;
    lastAnswer = isApiClientEnvironment(file.path) || (file.format === 'json' && holdsHoppscotchVariables(file.text));
  }
  return lastAnswer;
}

let lastAsked: SourceFile | undefined;
let lastAnswer = false;

function holdsHoppscotchVariables(text: string): boolean {
  if (!text.includes('"variables"')) return false;
  const head = text.slice(0, 4096);
  return head.includes('"name"') && HOPPSCOTCH_VARIABLES.test(head);
}


/**
 * The `requires` lists of the context patterns each credential header names (`authorization` -> `api.hetzner.cloud`,
 * `api.linode.com`, `upstash.io`, …), lower-cased: the literals a request sending a value may supply.
 */
const REQUIRES_BY_HEADER: ReadonlyMap<string, readonly (readonly string[])[]> = (() => {
  const byHeader = new Map<string, Map<string, readonly string[]>>();
  for (const header of CREDENTIAL_HEADERS) {
    for (const pattern of CONTEXT_KINDS.flatMap((kind) => kind.contextPatterns!)) {
      if (!pattern.requires || !pattern.header?.test(header)) continue;
      const requires = pattern.requires.map((literal) => literal.toLowerCase());
      const lists = byHeader.get(header) ?? new Map<string, readonly string[]>();
      lists.set(requires.join('\0'), requires);
      byHeader.set(header, lists);
    }
  }
  return new Map([...byHeader].map(([header, lists]) => [header, [...lists.values()]]));
})();

/** Every literal a request may supply to the environment values it sends (lower-cased). */
export const SENT_REQUIRED_LITERALS: readonly string[] = [...new Set([...REQUIRES_BY_HEADER.values()].flat(2))];

/**
 * The kinds a value bound without a header is under each header a request may send it with, where that differs:
 * first those the request's literals decide, then the one the environment alone does.
 */
function kindsIfSent(file: SourceFile, unsent: CredentialKind | undefined, sent: ReadonlyMap<string, ReadonlyArray<{ candidate: Candidate; requires?: readonly string[] }>>): ReadonlyMap<string, readonly SentAs[]> | undefined {
  const kinds = new Map<string, SentAs[]>();
  for (const [header, options] of sent) {
    const plain = options.find((option) => option.requires === undefined);
    const plainKind = plain ? plausibleKind(plain.candidate, contextOf(file, plain.candidate)) : undefined;
    const ways: SentAs[] = [];
    for (const { candidate, requires } of options) {
      if (requires === undefined) continue;
      const kind = plausibleKind(candidate, contextOf(file, candidate));
      if (kind && kind !== (plainKind ?? unsent) && !ways.some((way) => way.kind === kind)) ways.push({ kind, requires });
    }
    if (plainKind && plainKind !== unsent) ways.push({ kind: plainKind });
    if (ways.length > 0) kinds.set(header, ways);
  }
  return kinds.size > 0 ? kinds : undefined;
}

/**
 * The first of the candidate's kinds that claims the value in its context, when that kind finds it plausible: a kind
 * that claims a value and finds it fabricated (a documented example) drops it, whatever the kinds after it would say.
 */
function plausibleKind(candidate: Candidate, context: CredentialContext): CredentialKind | undefined {
  for (const kind of [candidate.kind, ...(candidate.alternatives ?? [])]) {
    if (kind.claims && !kind.claims(context)) continue;
    return (kind.plausible ? kind.plausible(candidate.value, context) : !isPlaceholder(candidate.value)) ? kind : undefined;
  }
  return undefined;
}

/**
 * Two providers' formats matching the same value (Clerk's secret keys share Stripe's `sk_live_`): the one whose
 * context fits is kept, so that resolving the overlap cannot keep the other and then drop it as implausible.
 */
function plausibleOfTwins(file: SourceFile, candidates: Candidate[]): Candidate[] {
  const spans = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.specificity !== Specificity.Value) continue;
    const key = `${candidate.start}:${candidate.end}`;
    const same = spans.get(key);
    if (same) same.push(candidate);
    else spans.set(key, [candidate]);
  }
  const dropped = new Set<Candidate>();
  for (const same of spans.values()) {
    if (same.length < 2 || same.every((candidate) => candidate.kind === same[0]!.kind)) continue;
    const fits = same.filter((candidate) => !candidate.kind.plausible || candidate.kind.plausible(candidate.value, contextOf(file, candidate)));
    if (fits.length > 0) for (const candidate of same) if (!fits.includes(candidate)) dropped.add(candidate);
  }
  return dropped.size === 0 ? candidates : candidates.filter((candidate) => !dropped.has(candidate));
}

/**
 * A provider's value pattern matched in a decoded value (a Stripe key base64-encoded in a Kubernetes Secret), pointing
 * at the encoded value. Decoded values are few (only Secrets hold them), so every pattern whose keyword they hold runs.
 */
function decodedValueCandidate(binding: Binding): Candidate | undefined {
  const lower = binding.value.toLowerCase();
  for (const { kind, pattern } of VALUE_PATTERNS) {
    if (!pattern.keywords.some((keyword) => lower.includes(keyword.toLowerCase()))) continue;
    // One exec of a global pattern from the start: lastIndex is left as it was found, at 0.
    const regex = withIndices(pattern.regex);
    regex.lastIndex = 0;
    const match = regex.exec(binding.value);
    regex.lastIndex = 0;
    if (!match) continue;
    const [start, end] = secretRange(match);
    return { kind, value: binding.value.slice(start, end), start: binding.start, end: binding.end, specificity: Specificity.Value, binding };
  }
  return undefined;
}

/**
 * A JSON credential file stored base64-encoded under a name (`GCP_SA_KEY: ewogICJ0eXBlIjog…`, what `base64 key.json`
 * prints and CI guides ask for): read as what it decodes to, pointing at the encoded value.
 */
function encodedJsonCandidate(binding: Binding): Candidate | undefined {
  if (!ENCODED_JSON.test(binding.value)) return undefined;
  const text = decodeBase64Text(binding.value);
  return text?.trimStart().startsWith('{') ? decodedValueCandidate({ ...binding, value: text }) : undefined;
}

/** Base64 of a JSON object: `{"` is `eyJ`, `{\n` is `ewo`, `{\r\n` is `ew0K`; long enough to hold a key. */
const ENCODED_JSON = /^(?:eyJ|ewo|ew0K)[A-Za-z0-9+/]{100,}={0,2}$/;

/**
 * An HTTP Basic credential (`Authorization: Basic base64(user:password)`) whose password is a token of a known kind
 * (`acme-bot:ghp_…`): the kind, found in the decoded password, at the encoded value.
 */
function basicAuthCandidate(binding: Binding): Candidate | undefined {
  if (binding.header === undefined) return undefined;
  // The header pass keeps the credential without its scheme: a value that decodes to printable `user:password` is one.
  const encoded = /^(?:basic\s+)?([A-Za-z0-9+/]{12,}={0,2})$/i.exec(binding.value)?.[1];
  const text = encoded ? decodeBase64Text(encoded) : undefined;
  const colon = text?.indexOf(':') ?? -1;
  if (!text || colon <= 0 || !/^[\x20-\x7e]+$/.test(text)) return undefined;
  return decodedValueCandidate({ ...binding, value: text.slice(colon + 1) });
}

/** Bindings of the file, read through its structure when it parses; only for files that can hold secret names. */
function bindingsOf(file: SourceFile): Binding[] {
  // Every value of an API client's environment may be sent as a credential, whatever its name: all are read (the
  // files are small and few).
  if (isApiClientEnvironmentFile(file)) return (DATA_FORMATS.has(file.format) ? dataBindings(file) : undefined) ?? lineBindings(file.text, 0, true).filter((binding) => !isReference(binding.value));
  if (!NAME_KEYWORDS.some((keyword) => file.hasKeyword(keyword))) return [];
  // A translation catalog binds message keys (`config-admin-password`, `$labels['password']`, gettext's msgid) to
  // labels in another language: what a secret-named key holds there is a word. Provider patterns still run.
  if (TRANSLATION_CATALOG.test(file.path)) return [];
  // A stylesheet's `#password:disabled` is a selector and its state.
  if (STYLESHEET.test(file.path)) return [];
  // The line pass is cheap and decides whether the file is worth parsing at all.
  const bare = !readsAsCode(file);
  const isScript = file.format === 'javascript' || file.format === 'typescript';
  const fromLines: Binding[] = [];
  // In JS/TS the line pass sees every single-line assignment; the AST (and the TypeScript compiler it loads, about
  // 0.6 s the first time) is only needed where a secret-named binding continues on the next line with what may be a
  // string (`const apiKey =\n  '...'`), not with an expression (`const apiKey =\n  process.env.API_KEY;`).
  let script = false;
  // Notes, chat logs and exports name a provider's secret in a sentence ("the hetzner token is …"); code says it in
  // code, except in its comments, where a token is pasted as a note to whoever runs the script.
  const fromSentences: Binding[] = [];
  for (const line of file.keywordLines()) {
    const text = file.line(line);
    const lineStart = file.lineStart(line) ?? 0;
    const found = lineBindingsOfLine(text, lineStart, bare, isInteresting);
    for (const binding of found) fromLines.push(binding);
    for (const binding of sentenceBindingsOfLine(text, lineStart, !bare)) if (!isReference(binding.value)) fromSentences.push(binding);
    if (isScript) {
      if (!script) script = continuedName(text) !== undefined && continuedValueMayBeLiteral(file, line);
    } else if (!bare) {
      // Other languages have no parser here: a string alone on the next line is the value (Java's `TOKEN =\n "…";`).
      const name = continuedName(text);
      const next = name === undefined ? undefined : nextLineWithText(file, line);
      const continued = next === undefined ? undefined : continuedLiteral(name!, file.line(next), file.lineStart(next) ?? 0);
      if (continued && isInteresting(continued)) fromLines.push(continued);
    }
  }
  // A document's table names its values by column and row label, lines away from them; a list item by its label.
  const tables = isDocumentation(file) ? [...tableBindings(file), ...labelledBindings(file)] : HTML_PAGE.test(file.path) && file.text.includes('<t') ? htmlTableBindings(file.text) : [];
  for (const binding of tables) if (!isReference(binding.value)) fromLines.push(binding);
  for (const binding of fromSentences) fromLines.push(binding);
  // A property list puts a name and its value on two lines: read as pairs over the whole text.
  if (file.text.includes('</key>')) for (const binding of propertyListBindings(file.text)) if (isInteresting(binding)) fromLines.push(binding);
  // The line pass keeps only bindings that can matter.
  const interesting = fromLines.length > 0;
  // Notebook cells are code inside JSON strings, where escaped quotes hide bindings from the line pass.
  // Kubernetes Secrets hold their values base64-encoded, under any name: only the structure reads them.
  // The words are asked of the prefilter's record first (STRUCTURE_WORDS): most data files hold neither.
  const structured =
    DATA_FORMATS.has(file.format) &&
    (interesting ||
      file.format === 'notebook' ||
      ((file.hasKeyword('value') || file.hasKeyword('default')) && (/\b(?:value|default)\s*[:=]/.test(file.text) || (file.format === 'json' && opensSecretNamedMap(file)))) ||
      // A parameter named for a secret holding its value: ARM's `"adminPassword": { "value": … }`, CloudFormation's
      // `NoEcho` parameters with a `Default`. (JSON's `{"name": "DB_PASSWORD", "value": …}` pairs are seen by the
      // line pass, which marks the file.)
      (file.hasKeyword('value') && ARM_SECRET_PARAMETER.test(file.text)) ||
      (file.hasKeyword('default') && file.text.includes('NoEcho')) ||
      (file.hasKeyword('secret') && KUBERNETES_SECRET.test(file.text)));
  if (!interesting && !structured && !script) return [];
  const fromStructure = structured ? dataBindings(file) : script ? scriptBindings(file) : undefined;
  if (!fromStructure) return fromLines;
  // What the structure does not explain (a `KEY=value` inside a comment string, a template string) the line pass
  // still saw; a value both passes bound keeps the structure's name for it.
  const starts = new Set(fromStructure.map((binding) => binding.start));
  return [...fromStructure, ...fromLines.filter((binding) => !starts.has(binding.start))];
}

function encodesPlaceholder(value: string): boolean {
  // Hex of a sentence too, after a key name (MinIO's documented `my-minio-key:6368616e67652074686973…`, "change this
  // password to a secret").
  const hex = /(?:^|:)((?:[0-9a-f]{2}){8,})$/i.exec(value)?.[1];
  const decoded = hex ? Buffer.from(hex, 'hex').toString('latin1') : /^[A-Za-z0-9+/]{8,}={0,2}$/.test(value) && value.length % 4 === 0 ? decodeBase64Text(value) : undefined;
  // `echo password | base64` encodes the newline too (`cGFzc3dvcmQK`): the word is what was meant.
  const text = decoded?.replace(/\r?\n$/, '');
  if (text !== undefined && /^[\x20-\x7e]{1,64}$/.test(text) && (isPlaceholder(text) || isHumanPlaceholder(text))) return true;
  // A TOTP seed is base32: RFC 6238's test secret (`GEZDGNBVGY3TQOJQ…`, "1234567890…") is every OTP guide's example.
  const base32 = /^[A-Z2-7]{16,}={0,6}$/.test(value) ? decodeBase32Text(value) : undefined;
  return base32 !== undefined && /^[\x20-\x7e]{1,64}$/.test(base32) && (isPlaceholder(base32) || isHumanPlaceholder(base32));
}

/** RFC 4648 base32 decoded as Latin-1 text: the whole bytes its characters make, padding ignored. */
function decodeBase32Text(value: string): string {
  let bits = 0;
  let buffer = 0;
  let text = '';
  for (const char of value.replace(/=+$/, '')) {
    buffer = (buffer << 5) | 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      text += String.fromCharCode((buffer >> bits) & 0xff);
      buffer &= (1 << bits) - 1;
    }
  }
  return text;
}

/** A format operator or call on the line: Python's `'…' % x`, `.format(`, and the printf family. */
const FILLED_FORMAT = /["']\s*%\s*[\w(]|\.format\(|\b(?:s?printf|fmt\.Sprintf|String\.format)\s*\(/;

/**
 * JSON's secret-named key opening a map that holds its value (`"PARTNER_API_TOKEN": { "description": …, "value": "…" }`,
 * Heroku's app.json): only such maps send a JSON file with `"value"` keys (most JSON data has them) through its
 * structure. The key is on a line the prefilter marked for its name.
 */
function opensSecretNamedMap(file: SourceFile): boolean {
  for (const line of file.keywordLines()) {
    if (!SECRET_NAMED_MAP_KEY.test(file.line(line))) continue;
    // Its `"value"` within the map's first lines (a botocore shape named `Token` has none).
    for (let next = line; next <= line + 4 && next <= file.lineStarts.length; next++) if (VALUE_KEY.test(file.line(next))) return true;
  }
  return false;
}

const VALUE_KEY = /["'](?:value|default)["']\s*:/;

const SECRET_NAMED_MAP_KEY = /["'][\w.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|credential)[\w.-]*["']\s*:\s*\{/i;
/** How far either side of a value the API it is sent to may be named (its line, and a line or two around it). */
const BESIDE = 400;
/** A header that carries credentials, or the bearer scheme, named somewhere in the file: the cheap test before reading which variable each sends. */
const SENDS_HEADER = new RegExp(`authorization|bearer|-token\\b|-key\\b|api-?key|${CREDENTIAL_HEADERS.join('|')}`, 'i');
const HTML_PAGE = /\.(?:html?|xhtml)$/i;
const STYLESHEET = /\.(?:css|scss|sass|less|styl)$/i;
const TRANSLATION_CATALOG = /(?:^|\/)(?:i18n|l10n|locales?|localization|localisation|translations?|lang|languages)\/|\.(?:po|pot|xliff|xlf|strings|lang)$/i;
/**
 * A catalog named by its locale, with a region or script (`ca-ES.json`, `es-419-BW_NbmtZ.js`, a bundler's chunk of
 * `pt_BR` messages, `zh-Hans.js`): its values are a language's words (`password: "Contrasenya"`).
 */
const LOCALE_NAMED_CATALOG = new RegExp(
  String.raw`(?:^|\/)(?:${'af am ar az be bg bn br bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ky lo lt lv mk ml mn mr ms my nb ne nl nn no pa pl ps pt ro ru si sk sl sq sr sv sw ta te th tk tl tr uk ur uz vi zh'.split(' ').join('|')})[-_](?:[A-Z]{2}|\d{3}|[A-Z][a-z]{3})(?:[-_.][\w-]+)?\.(?:js|mjs|cjs|json|ya?ml|ts)$`,
);

function readsAsCode(file: SourceFile): boolean {
  return CODE_FORMATS.has(file.format) || (file.format === 'text' && SOURCE_EXTENSION.test(file.path));
}

function isDocumentation(file: SourceFile): boolean {
  return file.format === 'markdown' || /\.(?:rst|txt|adoc|asciidoc|textile)$/i.test(file.path);
}

/** A document, or a page of HTML, which shows its commands to a reader as documents do (a README rendered into a `<pre>`). */
function showsCommands(file: SourceFile): boolean {
  return isDocumentation(file) || HTML_PAGE.test(file.path);
}

/** What `trimEnd` removes at the end of a line of code: ASCII blanks, and the Unicode spaces it knows, via the slow path. */
function isTrailingSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && String.fromCharCode(code).trim() === '';
}

/**
 * Whether the next line that holds anything can hold the string a continued binding is given: a quote, or a comment
 * (the value may follow it). `process.env.API_KEY;` or `getKey(),` cannot.
 */
function continuedValueMayBeLiteral(file: SourceFile, line: number): boolean {
  const lines = file.lineStarts.length;
  for (let next = line + 1; next <= lines; next++) {
    const text = file.line(next).trim();
    if (text !== '') return /["'`]/.test(text) || text.startsWith('//') || text.startsWith('/*');
  }
  return false;
}

/** Type aliases (`type Token =`) and case labels (`case 'token':`) end in `=` and `:` without binding a value. */
const NOT_A_BINDING = /^\s*(?:(?:export\s+)?(?:declare\s+)?type\s|case\s|default\s*:)/;

/** Longer than any name and operator a continued assignment ends with. */
const MAX_OPEN_TAIL = 256;

/** A secret-named name, then an assignment operator, then nothing more on the line: the name, when so. */
function continuedName(line: string): string | undefined {
  // Most lines end in something else: look at the last character before running a pattern anchored at the end.
  let end = line.length - 1;
  while (end >= 0 && isTrailingSpace(line.charCodeAt(end))) end--;
  const last = end >= 0 ? line[end] : '';
  if (last !== '=' && last !== ':' && last !== '?' && last !== '|') return undefined;
  const name = nameBeforeOperator(line, end);
  return name !== undefined && !NOT_A_BINDING.test(line) && !/[=!<>]=\s*$|=>\s*$/.test(line) && (nameClassOf(name) !== undefined || namedByContextKind(name)) ? name : undefined;
}

/**
 * The name an operator ending the line at `end` (`=`, `:`, `??`, `||`) follows: blanks, an optional closing quote,
 * then the name, read backwards from the operator. Within the line's last MAX_OPEN_TAIL characters, and from the first
 * letter of the run of word characters (`9token` names `token`). A pattern anchored only at the end would retry at
 * every character before it: on generated code, whose long lines often end in `:`, that was most of the pass.
 */
function nameBeforeOperator(line: string, end: number): string | undefined {
  const floor = Math.max(0, line.length - MAX_OPEN_TAIL);
  const last = line.charCodeAt(end);
  let at = end;
  // `??` and `||` are two characters; `=` and `:` one.
  if (last === 63 || last === 124) {
    if (end - 1 < floor || line.charCodeAt(end - 1) !== last) return undefined;
    at = end - 2;
  } else at = end - 1;
  while (at >= floor && isTrailingSpace(line.charCodeAt(at))) at--;
  if (at >= floor && (line.charCodeAt(at) === 34 || line.charCodeAt(at) === 39 || line.charCodeAt(at) === 96)) at--;
  const nameEnd = at + 1;
  while (at >= floor && isWordCode(line.charCodeAt(at))) at--;
  let start = at + 1;
  while (start < nameEnd && isDigitCode(line.charCodeAt(start))) start++;
  return start < nameEnd ? line.slice(start, nameEnd) : undefined;
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The first line after `line` that holds anything, when one of the next two does. */
function nextLineWithText(file: SourceFile, line: number): number | undefined {
  for (let next = line + 1; next <= line + 2 && next <= file.lineStarts.length; next++) if (file.line(next).trim() !== '') return next;
  return undefined;
}

/**
 * A binding that can become a candidate: a secret-named (or header, or pair-naming) binding of a value long enough,
 * and not a reference (`process.env.API_TOKEN`, `${{ secrets.X }}`), which no candidate is made of: kept out here,
 * the line cache holds nothing for such lines and the file is not parsed for them.
 */
function isInteresting(binding: Binding): boolean {
  // A pair's name may be shorter than any value (Postman's `{"key": "token", "value": …}`): it only names the value.
  if (namesAValue(binding)) return true;
  return binding.value.length >= 6 && (binding.header !== undefined || nameClassOf(binding.name) !== undefined || namedByContextKind(binding.name)) && !isReference(binding.value);
}

const ARM_SECRET_PARAMETER = /"[A-Za-z_]*(?:[Pp]assword|[Ss]ecret|[Tt]oken|[Kk]ey)"\s*:\s*\{\s*"value"/;
const PAIR_NAMES = new Set(['name', 'Name', 'key', 'ParameterKey']);

/**
 * Bindings that say the structure will name a value: a `name`/`key` whose value is a secret's name (the value sits
 * beside it: `{"name": "DB_PASSWORD", "value": …}`), and a bare `Key` holding a generated value (named by its
 * holder: `"Jwt": {"Key": …}`).
 */
function namesAValue(binding: Binding): boolean {
  if (PAIR_NAMES.has(binding.name) && binding.value.length <= 80 && nameClassOf(binding.value) !== undefined) return true;
  return (binding.name === 'Key' || binding.name === 'key') && binding.value.length >= 16 && /\d/.test(binding.value) && looksRandom(binding.value, 16, 3.0);
}

/**
 * Every context pattern's variable in one regular expression per set of flags: a name matches when any does, and a
 * scan of minified code asks for thousands of distinct names. Patterns whose groups are numbered or named are kept
 * apart, since joining them would renumber their back-references.
 */
const CONTEXT_VARIABLES: readonly RegExp[] = (() => {
  const variables = CONTEXT_KINDS.flatMap((kind) => kind.contextPatterns!.flatMap((pattern) => (pattern.variable ? [pattern.variable] : [])));
  const joinable = (pattern: RegExp) => !/\\[1-9k]|\(\?</.test(pattern.source.replace(/\(\?<[=!]/g, ''));
  const byFlags = new Map<string, string[]>();
  for (const variable of variables.filter(joinable)) byFlags.set(variable.flags, [...(byFlags.get(variable.flags) ?? []), `(?:${variable.source})`]);
  return [...[...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags)), ...variables.filter((variable) => !joinable(variable))];
})();

/** Whether some provider kind's context pattern names this variable: asked once per distinct name. */
const contextNames = new Map<string, boolean>();
function namedByContextKind(name: string): boolean {
  let known = contextNames.get(name);
  if (known === undefined) {
    known = CONTEXT_VARIABLES.some((variable) => variable.test(name));
    if (contextNames.size > 50_000) contextNames.clear();
    contextNames.set(name, known);
  }
  return known;
}

/** Names repeat across a repository (`token`, `password`, `API_KEY`): classify each once. */
const nameClasses = new Map<string, ReturnType<typeof secretNameClass>>();
function nameClassOf(name: string): ReturnType<typeof secretNameClass> {
  let known = nameClasses.get(name);
  if (known === undefined && !nameClasses.has(name)) {
    known = secretNameClass(name);
    if (nameClasses.size > 50_000) nameClasses.clear();
    nameClasses.set(name, known);
  }
  return known;
}

/**
 * `hcloudToken` -> `HCLOUD_TOKEN`, when some kind's variable is spelled so; undefined for a name with no lower-to-upper
 * step (already snake or one word) and for a spelling no kind names (most camelCase keys: asked once per name).
 */
function snakeCaseOf(name: string): string | undefined {
  if (!/[a-z0-9][A-Z]/.test(name) || name.includes('_')) return undefined;
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return namedByContextKind(snake) ? snake : undefined;
}

/** A name in a namespace (`profile::backup::hcloud_token`): its last part. */
const NAMESPACED = /::([A-Za-z_][\w-]*)$/;

/** Receivers a setting is assigned through (`config.auth_token = …` in a `Twilio.configure` block, `self.api_key`). */
const RECEIVER = /^(?:config|conf|cfg|c|settings|options|opts|self|this|@)\.?(?=[A-Za-z_])/;

/** Every context pattern with its kind, in the order kinds are tried (a kind's patterns are adjacent). */
type KindPattern = { kind: CredentialKind; pattern: ContextPattern };
const CONTEXT_PATTERNS: readonly KindPattern[] = CONTEXT_KINDS.flatMap((kind) => kind.contextPatterns!.map((pattern) => ({ kind, pattern })));

/**
 * The context patterns whose variable or header a binding's names match. Names repeat across a repository
 * (`password`, `API_KEY`, `Authorization`), so the answer is kept per name, header and aliases: trying every pattern
 * on every binding was a tenth of the scan's time on a tree of Python packages.
 */
const patternsByName = new Map<string, readonly KindPattern[]>();
function patternsNaming(binding: Binding): readonly KindPattern[] {
  const key = binding.header === undefined && binding.aliases === undefined ? binding.name : `${binding.name}\0${binding.header ?? ''}\0${binding.aliases?.join('\0') ?? ''}`;
  let found = patternsByName.get(key);
  if (!found) {
    found = patternsNamingUncached(binding);
    if (patternsByName.size > 50_000) patternsByName.clear();
    patternsByName.set(key, found);
  }
  return found;
}

function patternsNamingUncached(binding: Binding): readonly KindPattern[] {
  // `unqualified` is the name without its receiver (`config.auth_token` -> `auth_token`) or its namespace (Hiera's
  // `profile::backup::hcloud_token` -> `hcloud_token`, a class parameter), when it has one.
  const unqualified = RECEIVER.test(binding.name) ? binding.name.replace(RECEIVER, '') : NAMESPACED.exec(binding.name)?.[1];
  const snake = snakeCaseOf(unqualified ?? binding.name);
  return CONTEXT_PATTERNS.filter(({ pattern }) => namedSo(pattern, binding, unqualified, snake));
}

function namedSo(pattern: ContextPattern, binding: Binding, unqualified: string | undefined, snake: string | undefined): boolean {
  if (pattern.variable && (pattern.variable.test(binding.name) || (unqualified !== undefined && pattern.variable.test(unqualified)))) return true;
  if (pattern.literal) return pattern.header !== undefined && binding.header !== undefined && pattern.header.test(binding.header);
  // Code names the variable in camelCase (`hcloudToken`, `linodeApiToken`) where config spells HCLOUD_TOKEN.
  if (pattern.variable && snake !== undefined && pattern.variable.test(snake)) return true;
  if (pattern.variable && binding.aliases?.some((alias) => pattern.variable!.test(alias))) return true;
  return pattern.header !== undefined && binding.header !== undefined && pattern.header.test(binding.header);
}

function candidateOfBinding(
  bound: Binding,
  path: string,
  fileContains: (literals: readonly string[] | undefined) => boolean,
  providerOnly: boolean,
  sectionOf: (at: number) => string | undefined,
  textAround: (start: number, end: number) => string,
): Candidate | undefined {
  const value = bound.value;
  if (value.length < 6 || isReference(value) || spellsName(bound.name, value) || MARKUP.test(value)) return undefined;
  // Looked up once, and only for a pattern that names a section or a bare name a section may qualify.
  let section: string | undefined | null = null;
  const sectionName = () => (section === null ? (section = sectionOf(bound.start)) : section);
  const binding = bound.aliases === undefined && BARE_SECRET_NAME.test(ownName(bound.name)) ? withSectionAlias(bound, sectionName()) : bound;
  const claims = (pattern: ContextPattern): boolean =>
    (pattern.section === undefined || pattern.section.test(sectionName() ?? '')) && (pattern.path === undefined || pattern.path.test(path)) && pattern.value.test(value) && fileContains(pattern.requires);
  const named = patternsNaming(binding);
  let matched: CredentialKind[] | undefined;
  for (const { kind, pattern } of named) {
    if (!matched?.includes(kind) && claims(pattern)) (matched ??= []).push(kind);
  }
  // A value the file sends with a header (`Project-Access-Token: {{railway_token}}`) is what that header takes,
  // whatever its name resembles: the kinds the header names come first.
  // Then the kinds whose API (`requires: ['api.netlify.com']`) is named nearest the value: a cheat sheet calling several
  // APIs with tokens of the same shape (64 hex for Sentry, Linode, DigitalOcean) names each one's host on its line.
  if (matched && matched.length > 1) {
    const header = binding.header !== undefined && binding.header !== binding.name ? binding.header : undefined;
    let around: string | undefined;
    const distance = (literals: readonly string[]): number => {
      around ??= textAround(binding.start, binding.end).toLowerCase();
      const at = Math.min(binding.start, BESIDE);
      let farthest = 0;
      for (const literal of literals) {
        const lower = literal.toLowerCase();
        const before = around.lastIndexOf(lower, at);
        const after = around.indexOf(lower, at);
        const nearest = Math.min(before === -1 ? Infinity : at - before, after === -1 ? Infinity : after - at);
        farthest = Math.max(farthest, nearest);
      }
      return farthest;
    };
    const rank = (kind: CredentialKind): [number, number] => {
      const patterns = named.filter((entry) => entry.kind === kind && claims(entry.pattern)).map((entry) => entry.pattern);
      const sent = header !== undefined && patterns.some((pattern) => pattern.header?.test(header) === true);
      return [sent ? 0 : 1, Math.min(...patterns.map((pattern) => (pattern.requires ? distance(pattern.requires) : Infinity)))];
    };
    const ranks = new Map(matched.map((kind) => [kind, rank(kind)]));
    matched = [...matched].sort((a, b) => ranks.get(a)![0] - ranks.get(b)![0] || ranks.get(a)![1] - ranks.get(b)![1] || 0);
  }
  const generic = providerOnly ? undefined : genericKindOf(binding);
  if (matched) {
    // What the name alone says stays the last resort, for a provider's bare name (`api_key`) its context disowns.
    const alternatives = [...matched.slice(1), ...(generic ? [generic] : [])];
    return { kind: matched[0]!, ...(alternatives.length > 0 ? { alternatives } : {}), value, start: binding.start, end: binding.end, specificity: Specificity.Context, binding };
  }
  return generic ? { kind: generic, value, start: binding.start, end: binding.end, specificity: Specificity.Generic, binding } : undefined;
}

/** A secret's name that says nothing of whose it is: `token`, `api_key`, `AccessToken`, `secret`. */
const BARE_SECRET_NAME = /^(?:(?:api|access|auth|secret|private)[_-]?)?(?:token|key|secret)$|^(?:Api|Access|Auth|Secret|Private)?(?:Token|Key|Secret)$/i;

/**
 * A bare name under a section that names its owner (`linode:` then `token:`, `[digitalocean]` then `token =`,
 * `"Netlify": { "AccessToken": … }`): also spelled as the owner's variable would be (LINODE_TOKEN,
 * DIGITALOCEAN_TOKEN, NETLIFY_ACCESS_TOKEN), for the kinds that know the provider by its variable.
 */
function withSectionAlias(binding: Binding, section: string | undefined): Binding {
  const owner = section?.split(/[.\s]/).pop();
  if (!owner || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(owner)) return binding;
  const spell = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-.]/g, '_').toUpperCase();
  return { ...binding, aliases: [`${spell(owner)}_${spell(ownName(binding.name))}`] };
}

/** A name without the short receiver a configure block sets it on (`c.api_key`, `config.token` in `Heroku.configure do |c|`). */
function ownName(name: string): string {
  const receiver = /^(?:c|cfg|conf|config|configuration|settings)\.([A-Za-z_]\w*)$/.exec(name);
  return receiver ? receiver[1]! : name;
}

/** The kind a binding's name alone makes of its value: a password, a generated-looking secret, or nothing. */
function genericKindOf(binding: Binding): CredentialKind | undefined {
  const nameClass = nameClassOf(binding.name) ?? (binding.header ? 'secret' : undefined);
  // A value ending in a colon is a form label (`"Wagwoord:"`), not a password.
  if (nameClass === 'password' && !binding.value.endsWith(':')) return hardcodedPassword;
  if (nameClass === 'secret' && looksLikeGeneratedSecret(binding.value) && !namesKeyringKey(binding)) return genericSecret;
  return undefined;
}

/**
 * A GnuPG key's ID or fingerprint under a signing or encryption key's name (duplicity's `--encrypt-key=453005CE9B736B2A`,
 * `SIGN_KEY="839E6A2856538CCF"`): it picks a key from the keyring, and is printed by `gpg --list-keys` for anyone.
 */
function namesKeyringKey(binding: Binding): boolean {
  return KEYRING_KEY_ID.test(binding.value) && KEYRING_KEY_NAME.test(binding.name);
}

const KEYRING_KEY_ID = /^(?:0x)?(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9A-F]{40})$/;
const KEYRING_KEY_NAME = /(?:^|[^a-z])(?:sign|encrypt|gpg|pgp|gnupg)[-_.]?key(?:[-_.]?id)?$/i;

/** An HTML tag inside a value: a manual's markup around a flag (`--ask-password=false</code>`), not a secret. */
const MARKUP = /<\/[a-z][a-z0-9]*>|^<[a-z][a-z0-9]*[\s>]/i;

/** A value that spells its own name is a label or a type (`oauth2ClientCredentials: Oauth2ClientCredentials.`). */
function spellsName(name: string, value: string): boolean {
  const own = name.replace(/^.*[.:/]/, '');
  if (sameLetters(value, own.replace(/[^A-Za-z0-9]+/g, '').toLowerCase())) return true;
  // A word of its own name (`'certificate_password' = 'certificate'`): a label or a key, not a password.
  if (/^[A-Za-z]{4,}$/.test(value) && wordsOf(own).includes(value.toLowerCase())) return true;
  if (fillsWithOwnName(own, value)) return true;
  // The last words of its own name, joined as a configuration key is (`INI_KEY_CIPHER_PASS => 'cipher-pass'`):
  // a constant that names the option it reads, not the option's value.
  if (!/^[a-z]+(?:[-_.][a-z]+)+$/i.test(value)) return false;
  const words = wordsOf(own);
  const said = value.toLowerCase().split(/[-_.]/);
  return said.length < words.length && said.every((word, index) => word === words[words.length - said.length + index]);
}

/**
 * Its own name's words with placeholder words (`ALICLOUD_SECRET_KEY='AlicloudSecret123'`, `RABBIT_PASSWORD=secretrabbit`,
 * `esxi1_password: myEsxiSuperSecretPassw0rd!`): a value made up to fill the field. The name's words alone, or with
 * an environment's, are not (`netapp_password: netapp123` may be the password a team set).
 */
function fillsWithOwnName(name: string, value: string): boolean {
  if (value.length > 64 || !/[A-Za-z]{3}/.test(value)) return false;
  const lower = value.toLowerCase();
  // The own words cut out below leave pieces of the value: no filler word in the value, none in a piece.
  if (!FILLER_WORD.test(lower)) return false;
  const own = wordsOf(name).map((word) => word.replace(/\d+$/, '')).filter((word) => word.length >= 4 && lower.includes(word) && !isHumanPlaceholder(word));
  if (own.length === 0) return false;
  let rest = lower;
  for (const word of own) rest = rest.split(word).join(' ');
  // A filler word among them: `RentwheelsProd2024` (its name's word and an environment's) is a password people set.
  return FILLER_WORD.test(rest) && isHumanPlaceholder(rest);
}

const FILLER_WORD = /secret|pass|pwd|token|key|my|your|super|example|sample|test|dummy|fake|change/;

/**
 * Whether `value`'s letters and digits, lowercased, are `target`: compared as they are read, so that a long value
 * (a minified line's right-hand side) stops at its first letter that differs instead of being copied whole.
 */
function sameLetters(value: string, target: string): boolean {
  let matched = 0;
  for (let index = 0; index < value.length; index++) {
    let code = value.charCodeAt(index);
    if (code >= 65 && code <= 90) code += 32;
    else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) continue;
    if (matched === target.length || code !== target.charCodeAt(matched)) return false;
    matched++;
  }
  return matched === target.length;
}

/**
 * Random-looking: letters and digits mixed the way generated tokens are (a 32-character random token has a digit
 * all but always; identifiers such as `DBClusterParameterGroups` have none), not words joined by dots or dashes
 * (`fs.s3.consistent`, `my-app.war`), not a URL, ARN, path or template.
 */
function looksLikeGeneratedSecret(value: string): boolean {
  if (!looksRandom(value, 16, 3.0) || value.length > 500) return false;
  // Escape sequences spell bytes (`"\015\001\007NTOKENS"`, a Perl magic number), which no token is written as; a
  // manual page's font and size changes typeset a word (`\fI\s-1KEY\s0\fR`).
  if (/\\(?:[0-7]{3}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|f[BIRP]|s[+-]?\d)/.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (/^(?:https?|wss?|s3|gs|file):\/\//i.test(value) || /^[./~]/.test(value) || /^arn:/.test(value) || isHashOrCiphertext(value)) return false;
  // A signed request's Authorization (AWS Signature V4, Tencent's COS and TC3, Alibaba's OSS4): a signature of that one
  // request, valid for minutes, beside the key's public id; the secret key that signed it is not in it.
  if (SIGNED_REQUEST.test(value)) return false;
  // A link inside it (a changelog's `([#2023](https://github.com/…/pull/2023))`): prose, which no token holds.
  if (/\]\(https?:\/\/|\bhttps?:\/\/[\w.-]+\//i.test(value)) return false;
  // Publishable keys (Stripe's and Clerk's `pk_live_`/`pk_test_`) ship to every browser: public by design, whatever
  // the name holding them (Laravel Cashier calls Stripe's `STRIPE_KEY`).
  if (/^pk_(?:live|test)_[A-Za-z0-9]{10,}$/.test(value)) return false;
  // So is PostHog's project key (`phc_…`), which only sends events, in every page's snippet; its personal key
  // (`phx_…`) reads every project and stays a secret.
  if (/^phc_[A-Za-z0-9]{30,}$/.test(value)) return false;
  // Base64 of a sentence is a sample, not a key (`raw_key: SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0=`).
  if (/^[A-Za-z0-9+/]{16,}={0,2}$/.test(value) && /^[A-Za-z][\x20-\x7e]*\s[\x20-\x7e]*$/.test(decodeBase64Text(value) ?? '')) return false;
  // Words, camelCase words, short codes and numbers joined by separators are names and paths, not secrets
  // (`fs.s3.serverSideEncryption`, `AWS4-HMAC-SHA256`, `mock_access_key/20220524/us-east-1`).
  const segments = value.split(/[._:\-/ ]+/).filter(Boolean);
  // A `$0`/`@pop` part is a grammar's capture or state (Monarch's `{ token: "string.$S2.delim" }`).
  // A word may hold a number inside it: a product's or standard's name (`apache2hook`, `X509Certificate`, `ec2Instance`),
  // a curve's (`ed25519_private_key`, `x25519`).
  const wordLike = (segment: string) =>
    /^[A-Za-z][a-z]*(?:[A-Z][a-z]+)*\d{0,3}$/.test(segment) || /^[A-Z]{2,}(?:[A-Z][a-z]+)+$/.test(segment) || /^[a-z]{1,6}\d{3,5}$/.test(segment) || /^[$@]?[A-Za-z0-9]{1,5}$/.test(segment) || /^\d+$/.test(segment) || /^[A-Z0-9]{1,10}$/.test(segment) || /^(?:[A-Z]?[a-z]+|[A-Z]+)?\d{1,4}(?:[A-Z]?[a-z]+)+$/.test(segment);
  if (segments.length >= 2 && segments.every(wordLike)) return false;
  // One CamelCase name with a digit or two is an identifier (`Ec2InstanceMetadata`), which generated tokens never spell.
  // So is one behind an API version (a generated client's model types: `V1SecretVolumeSource`, `V2beta1Secret`).
  if (CAMEL_IDENTIFIER.test(value)) return false;
  // An acronym among its words (`heightOfGeoidAboveWGS84Units`, a unit's name) leaves one too when taken out.
  if (/[A-Z]{2}/.test(value)) {
    const words = value.replace(ACRONYM_WORD, '');
    if (words.length >= 12 && words.length !== value.length && CAMEL_IDENTIFIER.test(words)) return false;
  }
  // An entry point or import reference (`package.module:Attribute`: setuptools' entry_points.txt, `app.wsgi:application`).
  if (/^[A-Za-z_]\w*(?:\.\w+)+:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(value)) return false;
  // Placeholder words run together (`OldPassPhrase@123`), which a generated token never segments into.
  return !isHumanPlaceholder(value);
}

const CAMEL_IDENTIFIER = /^(?:[a-z]*\d{0,2}|[A-Z]\d{1,2}(?:[a-z]+\d{1,2})?)(?:[A-Z][a-z]+\d{0,2}){2,}[.,;:]?$/;
/** An acronym between two of an identifier's words, a few digits after it (`WGS84`, `EC2`). */
const ACRONYM_WORD = /(?<=[a-z])[A-Z]{2,5}\d{0,3}(?=[A-Z][a-z])/g;

const SIGNED_REQUEST = /^(?:q-sign-algorithm=|(?:AWS4|OSS4|TC3)-(?:HMAC|ECDSA-P256)-SHA256 Credential=)/;

/** Keeps, for overlapping candidates, the most specific kind (then the longest match). */
function resolve(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.specificity - a.specificity || b.end - a.end);
  const kept: Candidate[] = [];
  // Starts only grow, so a kept candidate that ends at or before this start can overlap nothing after it: skip the
  // run of those at the front instead of testing every kept one again (a bundle can hold thousands of candidates).
  let open = 0;
  for (const candidate of sorted) {
    while (open < kept.length && kept[open]!.end <= candidate.start) open++;
    let overlapping = -1;
    for (let index = open; index < kept.length; index++) {
      const other = kept[index]!;
      if (candidate.start < other.end && other.start < candidate.end) {
        overlapping = index;
        break;
      }
    }
    if (overlapping === -1) {
      kept.push(candidate);
      continue;
    }
    const other = kept[overlapping]!;
    if (better(candidate, other)) kept[overlapping] = withBindingOf(candidate, other);
    else if (other.binding === undefined && candidate.binding !== undefined) kept[overlapping] = withBindingOf(other, candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * A provider's format found inside a value the structure names (`DIGITALOCEAN_ACCESS_TOKEN: { value: dop_v1_… }` in
 * GitLab CI, a Postman `{key, value}` pair, a table's row): the name is the binding's, not the nearest `key: value`
 * the line pattern sees (`value`).
 */
const CONNECTION_KEYWORD = /^(?:password|passwd|pwd)$/i;

function withBindingOf(kept: Candidate, dropped: Candidate): Candidate {
  const binding = dropped.binding;
  if (kept.binding !== undefined || binding === undefined || binding.start > kept.start || kept.end > binding.end) return kept;
  // The password keyword of a connection string (`…;Password=…;`) names a part of the string, not the string: its
  // holder (`ConnectionStrings:Default`) stays the name.
  if (kept.kind === databaseConnectionString && CONNECTION_KEYWORD.test(binding.name)) return kept;
  return { ...kept, binding };
}

function better(candidate: Candidate, other: Candidate): boolean {
  // A provider's name for a value of a generic format (`TURSO_API_TOKEN=eyJ…`) says more than the format: its pattern
  // already asks for that shape.
  if (candidate.start === other.start && candidate.end === other.end && namesProviderOfGenericFormat(candidate, other) !== namesProviderOfGenericFormat(other, candidate)) {
    return namesProviderOfGenericFormat(candidate, other);
  }
  if (candidate.specificity !== other.specificity) return candidate.specificity > other.specificity;
  const candidateGeneric = GENERIC_KIND_IDS.has(candidate.kind.id);
  const otherGeneric = GENERIC_KIND_IDS.has(other.kind.id);
  if (candidateGeneric !== otherGeneric) return otherGeneric;
  return candidate.end - candidate.start > other.end - other.start;
}

/** A provider kind known by the value's name, where the other is a generic kind known by the value's format. */
function namesProviderOfGenericFormat(candidate: Candidate, other: Candidate): boolean {
  return candidate.specificity === Specificity.Context && !GENERIC_KIND_IDS.has(candidate.kind.id) && other.specificity === Specificity.Value && GENERIC_KIND_IDS.has(other.kind.id);
}

/**
 * How far context reaches either side of a candidate, in characters, whatever its lines say: a minified bundle is one
 * line of megabytes, every rating reads the context, and reading the whole line per candidate made one such file
 * take minutes. Ordinary lines never come near it.
 */
const CONTEXT_REACH = 2_000;
const SEPARATOR = /[\s,;{}()[\]]/;

/** `[from, to)` cut to within CONTEXT_REACH of `[start, end)`, at separators, so that no name or value is cut in half. */
function within(text: string, start: number, end: number, from: number, to: number): [number, number] {
  let first = from;
  if (start - from > CONTEXT_REACH) {
    first = start - CONTEXT_REACH;
    while (first < start && !SEPARATOR.test(text[first]!)) first++;
  }
  let last = to;
  if (to - end > CONTEXT_REACH) {
    last = end + CONTEXT_REACH;
    while (last > end && !SEPARATOR.test(text[last - 1]!)) last--;
  }
  return [first, last];
}

/**
 * A table header of an INI or TOML file (`[spaces]`, `[profile prod]`, `[[servers]]`), on a line of its own: also inside
 * a heredoc, a YAML block or a code fence that writes such a file. Commas keep out array literals (`[1, 2]`).
 */
const TABLE_HEADER = /^[ \t]*\[\[?[\w.\- "']+\]\]?[ \t]*\r?$/gm;

/**
 * `[from, to)` cut to the table the value at `offset` sits in: in an rclone config each remote is a table, and the
 * `provider` and `endpoint` of the next remote are not its own.
 */
function withinTable(text: string, offset: number, from: number, to: number): [number, number] {
  const window = text.slice(from, to);
  if (!window.includes('[')) return [from, to];
  let first = from;
  let last = to;
  for (const match of window.matchAll(TABLE_HEADER)) {
    const at = from + match.index;
    if (at < offset) first = at + match[0].length;
    else {
      last = at;
      break;
    }
  }
  return [first, last];
}

/** The signals a rating reads: the name and header the value is bound to, the bindings and text around it. */
function contextOf(file: SourceFile, candidate: Candidate): CredentialContext {
  const text = file.text;
  const position = file.positionAt(candidate.start);
  const reach = (from: number, to: number): string => {
    const [first, last] = within(text, candidate.start, candidate.end, from, to);
    return text.slice(first, last);
  };
  const windowStart = file.lineStarts[Math.max(0, position.line - 1 - SIBLING_WINDOW)] ?? 0;
  const windowEnd = file.lineStarts[Math.min(file.lineStarts.length - 1, position.line + SIBLING_WINDOW)] ?? text.length;
  const [windowFirst, windowLast] = within(text, candidate.start, candidate.end, windowStart, windowEnd === windowStart ? text.length : windowEnd);
  const [siblingsStart, siblingsEnd] = withinTable(text, candidate.start, windowFirst, windowLast);
  const around = lineBindings(text.slice(siblingsStart, siblingsEnd), siblingsStart, !readsAsCode(file));
  const own = candidate.binding ?? around.find((binding) => binding.start <= candidate.start && candidate.end <= binding.end + 1);
  const siblings: string[] = [];
  // A dictionary from the start: a file of thousands of distinct names (a generated `.env`) would otherwise give V8 a
  // hidden class for every order of names seen, which cost more time and memory than the scan itself.
  const siblingValues: Record<string, string> = Object.create(null);
  for (const binding of around) {
    if (binding === own || (own && binding.start === own.start)) continue;
    siblings.push(binding.name);
    if (!isReference(binding.value)) siblingValues[binding.name] = binding.value;
  }
  const nearbyStart = file.lineStarts[Math.max(0, position.line - 1 - NEARBY_WINDOW)] ?? 0;
  const nearbyEnd = file.lineStarts[Math.min(file.lineStarts.length - 1, position.line + NEARBY_WINDOW)] ?? text.length;
  return {
    value: candidate.value,
    variable: own?.name,
    header: own?.header,
    siblings,
    siblingValues,
    path: file.path,
    // A Secret's base64 value is rated from what it decodes to (the user and host of a connection string): the
    // encoded line says nothing.
    line: candidate.binding?.decoded ? `${candidate.binding.name}: ${candidate.binding.value}` : reach(file.lineStarts[position.line - 1]!, file.lineEnd(position.line)),
    nearby: reach(nearbyStart, nearbyEnd > nearbyStart ? nearbyEnd : text.length),
  };
}
