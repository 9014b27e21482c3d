// Names bound to literal values in a file: `KEY=value`, `key: "value"`, `const apiKey = '...'`, `"Authorization":
// "Bearer ..."`. Structure-aware where the file parses (data tree, JS/TS AST), line patterns elsewhere, so that a
// value's name, header and neighbours are known whatever the format.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SourceFile } from '../../src/model.js';
import { leaves, type DataLeaf } from '../../src/parse/data-tree.js';
import { decodeSecretData, sealedSecretValues, secretDataValues } from '../../knowledge/credentials/kubernetes-secret-data.js';
import { CREDENTIAL_HEADERS } from './credential-headers.js';

export interface Binding {
  /** The variable, key or property as written (env lookups reduced to the variable: `process.env.X` -> `X`). */
  name: string;
  value: string;
  /** Offsets of the value in the file's text. */
  start: number;
  end: number;
  /** The HTTP header the value is sent with, when the name is one. */
  header?: string;
  /** Given to a command-line flag (`--token abc`) rather than assigned. */
  flag?: true;
  /**
   * Variables a name written as prose stands for (a table row `Hetzner Cloud` under `API token`:
   * HETZNER_CLOUD_API_TOKEN), matched by provider kinds where the name itself is not a variable.
   */
  aliases?: readonly string[];
  /** Named in prose, not declared: a credential only where a provider kind knows the name (no generic secret by name). */
  providerOnly?: true;
  /** The value is decoded from what the file holds between start and end (a Kubernetes Secret's base64 `data`). */
  decoded?: true;
  /**
   * Ciphertext the structure vouches for (a SealedSecret's `encryptedData`): never a candidate, and it tells the
   * line pass that the value is explained.
   */
  ciphertext?: true;
}

/** Headers that carry credentials: the common ones, and every one a provider kind knows its credential by. */
const HEADERS = new RegExp(
  `^(?:authorization|proxy-authorization|x-api-key|x-auth-key|x-auth-token|x-access-token|api-key|apikey|x-apikey|project-access-token|private-token|x-auth-email|x-secret|x-token|x-mcp-readonly|${CREDENTIAL_HEADERS.join('|')})$`,
  'i',
);
const AUTH_SCHEME = /^(?:bearer|token|basic|bot|apikey|key)\s+/i;
/** Cheap first test for the header pass: the header names' distinctive parts. */
const HEADER_HINT = /uthorization|ccess-Token|uth-Key|pi-Key|rivate-Token/i;
const ENV_PREFIX = /^(?:process\.env|import\.meta\.env|os\.environ|Deno\.env|ENV|env|secrets|vars)\./;

/**
 * One line-level binding pattern for every language: an optional `export`/`ENV`/`set`, a (quoted) name, an
 * assignment operator (`=`, `:`, `:=`, `=>`, `??`, `||`, a Makefile's `?=`), then a quoted or bare value. A quoted
 * name may sit in brackets (`$config['api_token'] =`). A backslash before a name makes it an escape (`"\npassword=%s"`,
 * `\x1fTokenUnit:`), and `::` is a scope operator, not a binding. A quoted value may be as long as a service-account
 * key file base64-encoded (about 3,200 characters: `GCP_SA_KEY: "ewogICJ0eXBlIjog…"`).
 */
const LINE_BINDING = /(?<![\w$.\-/@\\])(?:export[ \t]+|ENV[ \t]+|set[ \t]+|declare[ \t]+(?:-\w+[ \t]+)?)?(?:(["'`])([A-Za-z_$][\w$.\-]*)\1\]?|([A-Za-z_$][\w$.\-]*))[ \t]*(?:=>|:=|\?\?|\?=|\|\||=|:(?!:))[ \t]*(?:"((?:[^"\\\r\n]|\\.){1,4096})"|'([^'\r\n]{1,4096})'|`([^`$\r\n]{1,2000})`|([^\s"'`,;)}\]]{1,4096}))/g;
/**
 * A declaration with a type between the name and `=`, given a string: `API_KEY: &str = "..."` (Rust),
 * `api_key: str = "..."` (Python), `apiKey: String = "..."` (Kotlin, Swift, TypeScript), Go's `var apiKey string =
 * "..."`. Its own pattern, run only on lines that can hold one, so the common pattern stays cheap.
 */
const TYPED_BINDING = /(?:(?<![\w$.])([A-Za-z_$][\w$]*)[ \t]*:[ \t]*&?(?:'[A-Za-z_]\w*[ \t]+)?[A-Za-z_][\w.]*(?:<[^<>\r\n]{0,60}>|\[[^\[\]\r\n]{0,60}\])?\??|\b(?:var|const)[ \t]+([A-Za-z_]\w*)[ \t]+\*?(?:\[\])?[A-Za-z_][\w.]*)[ \t]*=(?![=>])[ \t]*(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})'|`([^`$\r\n]{1,2000})`)/g;
/**
 * Command-line flags that take a secret (`vercel deploy --token abc...`, `--api-key=...`, `--db-password "..."`): a
 * secret word in the flag's name, then `=` or blanks, then the value. Single-letter flags (`-p`) say too little.
 */
const FLAG_WITHOUT_SECRET = /-(?:stdin|file|path|dir|env|length|policy|prompt|command|cmd)$/i;
const FLAG_BINDING = /(?<![\w-])--?((?:[A-Za-z][\w-]*?)?(?:token|secret|password|passwd|pass|pwd|key|auth)[\w-]*)(?:=|[ \t]+)(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})'|([^\s"'`;|&)]{1,2000}))/gi;
/**
 * A call given a quoted name and then a literal: a setter, a definition or a lookup with a default. PHP's
 * `define('DB_PASSWORD', '...')`, Go's `req.Header.Set("X-Api-Key", "...")` and `os.Setenv`, Java's `setProperty`,
 * Python's `os.getenv("API_KEY", "...")` and `os.environ.setdefault(...)`, Ruby's `ENV.fetch("API_KEY", "...")`,
 * Laravel's `env('APP_KEY', '...')`. A lookup's default is what runs wherever the variable is unset. Two arguments
 * only: a third makes the pair something else (`ps("SecretKeyFactory", "PBEWithMD5AndDES", Impl.class)`). The closing
 * parenthesis is looked ahead at, not matched: the value's offset is counted back from the end of the match.
 */
const CALL_BINDING = /\((?<=[\w$][ \t]*\()[ \t]*(["'])([A-Za-z_][\w.\-]*)\1[ \t]*,[ \t]*(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})')(?=[ \t]*\))/g;
/**
 * An environment variable set to a literal, named by a string: Python's `os.environ["API_KEY"] =`, Ruby's
 * `ENV["API_KEY"] ||=` and `process.env["API_KEY"] =`.
 */
const ENV_ASSIGNED = /(?<![\w$])(?:(?:os\.)?environ|ENV|process\.env)\[\s*(["'])([A-Za-z_][\w.-]*)\1\s*\]\s*(?:=(?!=)|\|\|=?|\?\?=?|or\b)\s*(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})')/g;
/**
 * A name given a string as a call without parentheses, alone on its line: Gradle's Groovy DSL (`storePassword
 * "..."`, `keyPassword '...'` in an Android signing config), Ruby DSLs.
 */
const DSL_BINDING = /^([ \t]*([A-Za-z_][\w.]*)[ \t]+)(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})')[ \t]*;?[ \t]*(?:(?:\/\/|#).*)?$/;
/** XML elements such as Maven's `<password>...</password>`. */
const GO_BYTES_BINDING = /\b([A-Za-z_]\w*)[ \t]*(?::=|=)[ \t]*\[\]byte\([ \t]*"((?:[^"\\\r\n]|\\.){1,2000})"[ \t]*\)/g;
const XML_BINDING = /<([A-Za-z_][\w.\-]*)>([^<\s]{1,2000})<\/\1>/g;
/**
 * Name and value as two attributes of one element: .NET's `<add key="ApiToken" value="..."/>` (appSettings),
 * `<add name="..." value="..."/>`, Ant's `<property name="db.password" value="..."/>`.
 */
const XML_ATTRIBUTE_PAIR = /\b(?:key|name)\s*=\s*"([A-Za-z_][\w.:\-]*)"\s+value\s*=\s*"([^"\r\n]{1,2000})"/g;
/**
 * A property list's `<key>NAME</key>` and the `<string>` after it (iOS and macOS `.plist` files), on one line or
 * on the next.
 */
const PLIST_PAIR = /<key>([A-Za-z_][\w.\-]*)<\/key>\s*<string>([^<\s]{1,2000})<\/string>/g;

/** In code, a bare right-hand side that reads as identifiers (`getpass`, `random_password.db.result`) is an expression. */
function isExpression(value: string): boolean {
  return (
    /^[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*|!)*;?$/.test(value) ||
    /^(?:true|false|null|undefined|None|nil)$/.test(value) ||
    // Number literals (`LONG_PASSWORD = 0x00000001`) and union types (`PrivateKeyBlob = Buffer|Uint8Array|string`).
    /^-?(?:0x[0-9a-f_]+|0b[01_]+|0o[0-7_]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)[nlufd]*[;,]?$/i.test(value) ||
    /^[A-Za-z_$][\w$.]*(?:\|[A-Za-z_$][\w$.]*)+;?$/.test(value) ||
    // Chained and defaulted assignments in minified code (`exports.Pass=exports.Result=void 0`, `a??!0`), scopes (`A::B`),
    // and chained ones spaced out in C and Perl (`report_user= report_password= report_host= 0;`: the value stops at
    // the blank, after the next name's `=`).
    /^[A-Za-z_$][\w$.]*(?:=(?=[A-Za-z_$!]|$)|\?\?|&&|\|\|)/.test(value) ||
    // An enumerator or constant counted from another (`tTOKEN_INSTANCE_BEGIN = tTOKEN_LOCAL_END-1,`).
    /^[A-Za-z_][A-Za-z0-9]*_\w*[-+]\d{1,3};?$/.test(value) ||
    /^(?:void 0|![01])\b/.test(value) ||
    // A ternary's condition in minified code (`n.in_atom?e.Pass:c?s.token==\`when\``): the `:` is its branch, not a key's.
    /^[A-Za-z_$][\w$.]*\?[A-Za-z_$!]/.test(value) ||
    // A negated identifier (`!isMetaPass || !identifier` in JSX): digits are what a password starting with `!` has.
    /^!+[a-z_$][A-Za-z_$.]*;?$/.test(value) ||
    /^[A-Za-z_]\w*(?:::[A-Za-z_]\w*)+/.test(value) ||
    // Generic types, calls, indexes and arrows (`PunctuationToken<Kind>`, `fn(x)`) are code.
    /[<>{}()[\]]|=>/.test(value)
  );
}

/**
 * Whether `at` sits inside a Go struct tag: a backtick after a field's type and a blank, then `key:"value"` pairs up
 * to `at`. Bounded to the tag's own stretch: asked for every quoted binding, it must not walk a minified line.
 */
function inStructTag(text: string, at: number): boolean {
  const from = Math.max(0, at - MAX_STRUCT_TAG);
  const within = text.slice(from, at).lastIndexOf('`');
  const open = within === -1 ? -1 : from + within;
  if (open < 1 || !/[ \t]/.test(text[open - 1]!)) return false;
  return /^`(?:[\w.-]+:"[^"]*"\s*)*$/.test(text.slice(open, at).trimEnd());
}

const MAX_STRUCT_TAG = 400;

/** A PowerShell cmdlet, Verb-Noun (`$p.Password = ConvertTo-SecureString -String $password`): a command, in any file. */
function isCmdlet(value: string): boolean {
  return /^(?:ConvertTo|ConvertFrom|Get|Set|New|Read|Invoke|Import|Export)-[A-Z][A-Za-z]+$/.test(value);
}

/**
 * A bare word closing a sentence or opening a clause is prose: docstrings' `password: Required. The ...`, and a
 * word that a sentence goes on from (`ADMIN_USER_PASSWORD_AUTH: Admin-based user password authentication.`).
 */
function isProse(value: string, text: string, end: number): boolean {
  // A word with more words after it: lowercase ones, or one more closed by punctuation (`>PASSWORD:Verification Failed: 'Auth'`).
  return /^[A-Za-z]+[.:]$/.test(value) || (/^[A-Za-z]+(?:-[a-z]+)*,?$/.test(value) && /^ (?:[a-z]+ [a-z]+\b|[A-Za-z]+[:;,.] )/.test(text.slice(end, end + 40)));
}

/** Inside a template tag (`{% set passwd = item.pass_key|string %}`): Jinja, Nunjucks and Liquid assign expressions there. */
function inTemplateTag(text: string, at: number): boolean {
  // Looked for in the stretch before the binding only: a search back through a whole minified file per binding
  // would cost the square of its length. A tag does not span lines.
  const from = Math.max(0, at - 500);
  const before = text.slice(from, at);
  const open = before.lastIndexOf('{%');
  if (open === -1 || before.indexOf('\n', open) !== -1) return false;
  const close = text.indexOf('%}', from + open);
  return close > at;
}

/**
 * The bare name of a line binding stands right after a quote, and the same quote follows its operator with nothing
 * between: name and operator are one string's text (`"Password:"`, `'token='`), which that quote closes.
 */
function closesNameString(text: string, match: RegExpExecArray, value: string): boolean {
  const opening = match[0].length - value.length - 2;
  const quote = match[0].charAt(opening);
  return match.index > 0 && text.charAt(match.index - 1) === quote && /[=:]/.test(match[0].charAt(opening - 1));
}

/** A test report's status (`echo "PASS: agentic-flow@1.10.0 exists"`): `PASS:` written in capitals, not `pass: …` in a config. */
function isStatusLabel(name: string | undefined, matched: string): boolean {
  return name === 'PASS' && /PASS[ \t]*:/.test(matched);
}

export function normaliseName(name: string): string {
  return name.replace(ENV_PREFIX, '');
}

const SHELL_DEFAULT = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=]([^${}\s]+)\}$/;

// Every binding has the same properties in the same order (one object shape), `flag` included: the line pass copies
// and reads thousands of them, and mixed shapes make each copy a slow generic one.
function binding(name: string, value: string, start: number, flag?: true): Binding {
  const normalised = name.includes('.') ? normaliseName(name) : name;
  let header: string | undefined;
  let trimmedStart = start;
  let trimmed = value;
  // A shell default (`${AWS_SECRET_ACCESS_KEY:-wJal...}`) holds a literal: what runs when the variable is unset.
  if (value.charCodeAt(0) === 36 && value.charCodeAt(1) === 123) {
    const fallback = SHELL_DEFAULT.exec(value);
    if (fallback) {
      trimmedStart += value.length - fallback[1]!.length - 1;
      trimmed = fallback[1]!;
    }
  }
  // Header names hold a dash or read `authorization`/`apikey`: skip the pattern for every other name.
  if ((normalised.includes('-') || /^(?:authorization|apikey)$/i.test(normalised)) && HEADERS.test(normalised)) header = normalised;
  // The scheme given with the credential (.NET's `new AuthenticationHeaderValue("Bearer", "…")`) builds the header.
  else if (normalised.length === 6 && /^bearer$/i.test(normalised)) header = 'Authorization';
  const scheme = header || /^authorization$/i.test(normalised) ? AUTH_SCHEME.exec(trimmed) : null;
  if (scheme) {
    trimmedStart += scheme[0].length;
    trimmed = trimmed.slice(scheme[0].length);
    // Basic credentials with an empty password (`user:` encoded) name a public OAuth client, and hold no secret.
    if (/^basic/i.test(scheme[0]) && /^[^:]*:$/.test(Buffer.from(trimmed, 'base64').toString('latin1'))) trimmed = '';
  }
  // A line printed into a JSON string (a notebook's `!env` output) ends in an escaped line break, not in the value.
  const escapedBreak = /(?:\\[rn])+$/.exec(trimmed);
  if (escapedBreak) trimmed = trimmed.slice(0, escapedBreak.index);
  return { name: normalised, value: trimmed, start: trimmedStart, end: trimmedStart + trimmed.length, header, flag, decoded: undefined };
}

/**
 * Bindings on the lines of `text` (or of one slice of it): the fallback for every format. With `bareLiterals`
 * false (source code), a bare right-hand side counts only when it cannot be an expression (a token pasted into a
 * comment or a shell line inside the file, not `getpass()` or `config.secret`).
 */
export function lineBindings(text: string, offset = 0, bareLiterals = true): Binding[] {
  const found: Binding[] = [];
  // One compiled pattern for the process; its lastIndex is reset here and the loop never yields.
  const pattern = LINE_BINDING;
  pattern.lastIndex = 0;
  const hasBacktick = text.includes('`');
  const hasTemplateTag = text.includes('{%');
  // A rejected bare value is read again for the assignments inside it. Values of up to 4,096 characters that each
  // start a few characters into the last (`password=password=…` over a megabyte) would be read thousands of times
  // each: past this budget a rejected value is skipped whole instead. Real lines never come near it.
  let rereadBudget = 4 * text.length + 16_384;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const index = match[4] !== undefined ? 0 : match[5] !== undefined ? 1 : match[6] !== undefined ? 2 : 3;
    const value = match[4 + index]!;
    if (index === 3) {
      // `postgres://...`, `https://...`: a URL scheme, not a name bound to a value; in code a bare right-hand side
      // is an expression. Either way, look again inside it (`x = process.env.Y ?? 'literal'`).
      // A bare value that is itself an assignment (`run: PGPASSWORD=… psql`) is read again as one.
      // A comparison or a logical operand is an expression too (`A.password||A.pathname!=="/"`, `x===!1||y`; not
      // base64's trailing `==`), and a bare value after `||` or `??` is another expression's fallback, never a literal
      // (`SPF_PASS || __DKIM_EXISTS`).
      if (value.startsWith('//') || /[<>{}()[\]]|=>|!==?|===|==(?!=*$)|\|\||&&|^=|\?\./.test(value) || hasFallbackAfter(text, match.index + match[0].length) || /(?:\|\||\?\?)[ \t]*$/.test(match[0].slice(0, match[0].length - value.length)) || /^[A-Z][A-Z0-9_]{2,}=/.test(value) || (!bareLiterals && isExpression(value)) || isCmdlet(value) || isProse(value, text, match.index + match[0].length) || isStatusLabel(match[3], match[0]) || (hasTemplateTag && inTemplateTag(text, match.index))) {
        rereadBudget -= value.length;
        if (rereadBudget > 0) pattern.lastIndex = match.index + match[0].length - value.length;
        continue;
      }
    }
    // A Go struct tag (`protobuf_key:"bytes,1,opt,name=key,proto3"` between backticks) is metadata, not a value.
    if (index === 0 && hasBacktick && inStructTag(text, match.index)) continue;
    // A string whose text is the name and its colon (a form's label, `"Password:"),B?e.createElement("code"…`): the
    // quote after the operator closes that string, and what it seems to open is the code between two strings.
    // A TypeScript type alias (`export type PasswordCredentialEnum = 'UNVERIFIED' | 'VERIFIED'`): its literals are
    // the members of a type, no value.
    if (match[3] !== undefined && match.index > 5 && text.charCodeAt(match.index - 1) === 32 && /(?:^|[^\w$.])type[ \t]+$/.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    if (index < 3 && match[3] !== undefined && closesNameString(text, match, value)) {
      pattern.lastIndex = match.index + match[0].length - value.length - 1;
      continue;
    }
    // A quoted string compared or defaulted is no name bound: `[ "$password" = x ]` is a shell test (an assignment
    // has neither quotes nor a `$`), `'userpassword' || x` a string literal on the left of an operator.
    if (match[2] !== undefined && !isQuotedName(match[0], match[2], match[1]!)) {
      pattern.lastIndex = match.index + match[0].length - value.length;
      continue;
    }
    // The value starts after the opening quote for quoted forms, at the match for bare ones.
    const valueStart = match.index + match[0].length - value.length - (index < 3 ? 1 : 0);
    // A URL's query parameter (`?onboarding_token=search&cta=…`) ends at the next `&`.
    const before = match.index > 0 ? text.charCodeAt(match.index - 1) : 0;
    // One in a URL to this machine (`ws://127.0.0.1:6083/?token=…`, Jupyter's `http://localhost:8888/?token=…`) is the
    // session a local server just handed out, not a key a service issued.
    if (index === 3 && (before === 63 || before === 38) && inLoopbackUrl(text, match.index)) continue;
    const ampersand = index === 3 && (before === 63 || before === 38) ? value.indexOf('&') : -1;
    found.push(binding(match[2] ?? match[3]!, ampersand === -1 ? value : value.slice(0, ampersand), offset + valueStart));
    // A quoted `KEY=value` (a comment field, a Docker `Env` entry) binds KEY too.
    const inner = index < 3 && value.includes('=') ? /^([A-Z][A-Z0-9_]{2,})=([^\s"'`]{6,})$/.exec(value) : null;
    if (inner) found.push(binding(inner[1]!, inner[2]!, offset + valueStart + inner[1]!.length + 1));
    // A password inside a keyword connection string: libpq's `host=… user=… password=…`, ODBC's `…;Password=…;`.
    else if (index < 3 && value.includes('=')) {
      const keyword = /(?:^|[\s;])((?:password|passwd|pwd))[ \t]*=[ \t]*([^\s;'"`]{6,})/i.exec(value);
      if (keyword) found.push(binding(keyword[1]!, keyword[2]!, offset + valueStart + keyword.index + keyword[0].length - keyword[2]!.length));
    }
  }
  // A type sits between a name and `=`: after a colon, or after `var`/`const`.
  const colon = text.indexOf(':');
  if ((colon !== -1 && text.indexOf('=', colon) !== -1) || (text.includes('=') && (text.includes('var') || text.includes('const')))) {
    for (const match of text.matchAll(TYPED_BINDING)) {
      const value = match[3] ?? match[4] ?? match[5]!;
      found.push(binding(match[1] ?? match[2]!, value, offset + match.index + match[0].length - value.length - 1));
    }
  }
  if (text.includes('-')) {
    for (const match of text.matchAll(FLAG_BINDING)) {
      // `--password-stdin <registry>`, `--token-file ./t`: the flag says where the secret comes from; what follows is not it.
      if (FLAG_WITHOUT_SECRET.test(match[1]!)) continue;
      const value = match[2] ?? match[3] ?? match[4]!;
      // A flag followed by another flag (`--token --verbose`) takes none; a word is a mode or a choice
      // (`--key-type rsa`, `-debug-pass=Executions`).
      if (value.startsWith('-') || /^[A-Za-z]+[,.;:]?$/.test(value)) continue;
      const valueStart = match.index + match[0].length - value.length - (match[4] === undefined ? 1 : 0);
      found.push(binding(match[1]!, value, offset + valueStart, true));
    }
  }
  // A call needs a parenthesis and a comma, an environment assignment a bracket.
  if (text.includes('(') && text.includes(',')) quotedNameBindings(text, CALL_BINDING, offset, found, (index, value) => !(/^[a-z]+$/.test(value) && GETTER.test(calleeBefore(text, index))));
  if (text.includes('[') && /env/i.test(text)) quotedNameBindings(text, ENV_ASSIGNED, offset, found);
  // In code, `password=…` inside a string is a keyword connection string's (`sql.Open("postgres", "host=… password=…")`),
  // which the pattern above saw as a bare expression.
  if (!bareLiterals && text.includes('=') && /pass|pwd/i.test(text)) keywordStringPasswords(text, offset, found);
  // Go converts a literal to bytes for signing keys: `var jwtSecret = []byte("...")`, `key := []byte("...")`.
  if (text.includes('[]byte(')) {
    for (const match of text.matchAll(GO_BYTES_BINDING)) {
      found.push(binding(match[1]!, match[2]!, offset + match.index + match[0].length - match[2]!.length - 2));
    }
  }
  // Such a line has no assignment operator (an `=` or `:` would make it a binding of another form).
  const dsl = (text.includes('"') || text.includes("'")) && !text.includes('=') && !text.includes(':') ? DSL_BINDING.exec(text) : null;
  // The value starts after the name, the blanks and the opening quote.
  if (dsl) found.push(binding(dsl[2]!, dsl[3] ?? dsl[4]!, offset + dsl[1]!.length + 1));
  if (text.includes('</')) {
    for (const match of text.matchAll(XML_BINDING)) {
      found.push(binding(match[1]!, match[2]!, offset + match.index + match[1]!.length + 2));
    }
  }
  if (text.includes('value=') || text.includes('value =')) {
    for (const match of text.matchAll(XML_ATTRIBUTE_PAIR)) {
      found.push(binding(match[1]!, match[2]!, offset + match.index + match[0].length - match[2]!.length - 1));
    }
  }
  // Dockerfile's legacy form, `ENV DD_API_KEY 0f3a…` (name, blanks, the rest of the line as the value), still built.
  if (text.includes('ENV')) {
    const legacy = LEGACY_DOCKER_ENV.exec(text);
    if (legacy) found.push(binding(legacy[1]!, legacy[2]!, offset + legacy[0].length - legacy[2]!.length));
  }
  // Variables of HTTP client files (`.http`, `.rest`): `@token = …` at the start of a line.
  if (text.charCodeAt(0) === 64) {
    for (const match of text.matchAll(/^@([A-Za-z_][\w-]*)[ \t]*=[ \t]*(\S+)[ \t]*$/gm)) {
      found.push(binding(match[1]!, match[2]!, offset + match.index + match[0].lastIndexOf(match[2]!)));
    }
  }
  // `Authorization: Bearer <token>` in HTTP files, curl flags and docs.
  if (!HEADER_HINT.test(text)) return found;
  // nginx sets them without a colon: `proxy_set_header Authorization "Bearer …";`.
  for (const match of text.matchAll(/\b(Authorization|Project-Access-Token|X-Auth-Key|X-Api-Key|Private-Token)(?:[ \t]*:|["']?[ \t]+["'](?=\S)|[ \t]+(?=[A-Za-z0-9]))[ \t]*((?:Bearer|Token|Basic)[ \t]+)?([A-Za-z0-9._~+/=-]{8,})/gi)) {
    const valueStart = match.index + match[0].length - match[3]!.length;
    found.push({ name: match[1]!, value: match[3]!, start: offset + valueStart, end: offset + valueStart + match[3]!.length, header: match[1]!, flag: undefined, decoded: undefined });
  }
  return found;
}

/**
 * libpq's keyword/value connection string (`host=db user=app password=…`) written as a literal in code: the password
 * beside another keyword of the string (`host`, `user`, `dbname`), inside quotes on its line.
 */
const KEYWORD_PASSWORD = /(?<=["'`\s;])(password|passwd|pwd)[ \t]*=[ \t]*([^\s;'"`%{}$<>()]{6,})/gi;
const CONNECTION_KEYWORD = /(?:^|["'`\s;])(?:host|hostaddr|server|dbname|database|user|user id|uid)[ \t]*=/i;

function keywordStringPasswords(text: string, offset: number, found: Binding[]): void {
  for (const match of text.matchAll(KEYWORD_PASSWORD)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const lineEnd = text.indexOf('\n', match.index);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    const at = match.index - lineStart;
    // Inside a string: an odd number of double quotes (or single quotes) before it on its line.
    const quoted = (quote: string) => (line.slice(0, at).split(quote).length - 1) % 2 === 1;
    if (!(quoted('"') || quoted("'") || quoted('`')) || !CONNECTION_KEYWORD.test(line)) continue;
    found.push(binding(match[1]!, match[2]!, offset + match.index + match[0].length - match[2]!.length));
  }
}

/** A string literal alone on its line, closing a statement or an argument list at most. */
const LONE_STRING = /^[ \t]*(["'])((?:(?!\1)[^\\\r\n]|\\.){1,2000})\1[ \t]*[;,)]?[ \t]*$/;

/** `name` bound to the string that is all of `line` (the line after `name =`), at that line's `offset`. */
export function continuedLiteral(name: string, line: string, offset: number): Binding | undefined {
  const match = LONE_STRING.exec(line);
  return match ? binding(name, match[2]!, offset + line.indexOf(match[1]!) + 1) : undefined;
}

/** Whether a quoted name before an operator binds it: not when the operator is `||`/`??`, nor `=` after `"$var"`. */
function isQuotedName(matched: string, name: string, quote: string): boolean {
  const operator = OPERATOR_AFTER_NAME.exec(matched.slice(matched.indexOf(quote + name + quote) + name.length + 2))?.[1];
  if (operator === '||' || operator === '??') return false;
  // A `$` anywhere in it (autoconf's `test "x$py_cv_module_pwd" = xmissing`) makes the string an expansion compared.
  return !(operator === '=' && name.includes('$'));
}

const OPERATOR_AFTER_NAME = /^\]?[ \t]*(=>|:=|\?\?|\?=|\|\||=|:)/;

/** `<key>`/`<string>` pairs of a property list, across lines: read over the whole text of files that hold one. */
export function propertyListBindings(text: string): Binding[] {
  const found: Binding[] = [];
  for (const match of text.matchAll(PLIST_PAIR)) {
    found.push(binding(match[1]!, match[2]!, match.index + match[0].length - match[2]!.length - '</string>'.length));
  }
  return found;
}

/** Bindings of a pattern whose group 2 is the quoted name and groups 3 and 4 the double- or single-quoted value. */
function quotedNameBindings(text: string, pattern: RegExp, offset: number, found: Binding[], accepts: (index: number, value: string) => boolean = () => true): void {
  for (const match of text.matchAll(pattern)) {
    const value = match[3] ?? match[4]!;
    if (!accepts(match.index, value)) continue;
    const valueStart = match.index + match[0].length - value.length - 1;
    found.push(binding(match[2]!, value, offset + valueStart));
  }
}

/**
 * The bindings of one line that `keep` accepts (the caller's test for a binding that can matter), remembered by the
 * line's text: source trees repeat lines (imports, boilerplate, generated code; 40% of the lines a scan of Python's
 * site-packages reads), and the line pattern is the costliest step of the pass. Most keyword lines bind nothing
 * that matters (`NextToken`, `key=lambda`), so most answers are empty and cost nothing to hand back. Long lines
 * (minified code) are not kept. The answers are kept filtered: another `keep` starts them anew.
 */
export function lineBindingsOfLine(line: string, offset: number, bareLiterals: boolean, keep: (binding: Binding) => boolean): readonly Binding[] {
  if (line.length > MAX_REMEMBERED_LINE) return lineBindings(line, offset, bareLiterals).filter(keep);
  if (keep !== rememberedFor) {
    rememberedBare.clear();
    rememberedCode.clear();
    rememberedFor = keep;
  }
  const remembered = bareLiterals ? rememberedBare : rememberedCode;
  let relative = remembered.get(line);
  if (relative === undefined) {
    // Kept and read from a copy: the line is a slice of the whole file, and the cache (its keys, and the names and
    // values cut from them) would otherwise keep every file it saw alive (80 MB of a site-packages scan).
    const own = ownCopy(line);
    const kept = lineBindings(own, 0, bareLiterals).filter(keep);
    relative = kept.length === 0 ? NONE : kept;
    if (remembered.size >= MAX_REMEMBERED_LINES) remembered.clear();
    remembered.set(own, relative);
  }
  // Most keyword lines bind nothing worth keeping: they share one empty answer instead of each allocating its own.
  return relative.length === 0 ? NONE : relative.map((binding) => ({ name: binding.name, value: binding.value, start: binding.start + offset, end: binding.end + offset, header: binding.header, flag: binding.flag, decoded: undefined }));
}

/** `ENV NAME value` with one word of value: a name without `=` (`ENV A=1 B=2` is the other form). */
const LEGACY_DOCKER_ENV = /^[ \t]*ENV[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]+([^\s="'$][^\s"']*)[ \t]*$/;

/** A bare value with a fallback after it is an operand (`raw.tests?.passed || 0`), not a literal (a shell's `&&` ends a command). */
function hasFallbackAfter(text: string, end: number): boolean {
  let at = end;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  const first = text.charCodeAt(at);
  // `||` or `??`
  return (first === 124 || first === 63) && text.charCodeAt(at + 1) === first;
}
/** Calls that read a setting: given one lowercase word (`getValue('password', 'lowercase')`), that is an option, not a default. */
/** A URL to the loopback host, at the start of a word. */
const LOOPBACK_URL = /^[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@]*@)?(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?\//i;

/** Whether the word (up to a blank or a quote) that holds the query parameter at `at` is a URL to the loopback host. */
function inLoopbackUrl(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < 2000 && !/[\s"'`(<>]/.test(text[start - 1]!)) start--;
  return LOOPBACK_URL.test(text.slice(start, at));
}

const GETTER = /^(?:get|has|is|find|read|fetch|lookup|query|select|where|filter|validate|check|assert|expect|contains)/i;

/** The name of the function whose call opens at `index` (`attr->getValue(` gives `getValue`). */
function calleeBefore(text: string, index: number): string {
  return /([A-Za-z_$][\w$]*)[ \t]*$/.exec(text.slice(Math.max(0, index - 64), index))?.[1] ?? '';
}

/** One empty answer shared by every line that binds nothing worth keeping. */
const NONE: readonly Binding[] = [];
const MAX_REMEMBERED_LINE = 400;
const MAX_REMEMBERED_LINES = 50_000;
const rememberedBare = new Map<string, readonly Binding[]>();
const rememberedCode = new Map<string, readonly Binding[]>();
let rememberedFor: ((binding: Binding) => boolean) | undefined;

/** Structure-aware bindings from a parsed data document; undefined when the file does not parse. */
export function dataBindings(file: SourceFile): Binding[] | undefined {
  const document = file.data();
  if (!document) return undefined;
  const found: Binding[] = [];
  const encoded = secretDataValues(document);
  const sealed = sealedSecretValues(document);
  const pulumiStack = PULUMI_STACK.test(file.path);
  for (const leaf of leaves(document)) {
    const node = leaf.node;
    if (node.expression !== undefined || typeof node.value !== 'string' || node.value === '') continue;
    const name = pulumiStack ? pulumiConfigName(leaf) ?? leafName(leaf) : leafName(leaf);
    const located = locateValue(file, leaf, node.value);
    if (!located) continue;
    if (sealed?.has(node)) {
      found.push({ ...binding(name ?? '', node.value, located.start), ciphertext: true });
      continue;
    }
    if (encoded?.has(node)) {
      // Read as what it decodes to; the finding points at the encoded value.
      const decoded = name === undefined ? undefined : decodeSecretData(node.value);
      if (decoded !== undefined) found.push({ ...binding(name!, decoded, located.start), end: located.end, decoded: true });
      continue;
    }
    if (file.format === 'notebook' || (name === undefined && /\s/.test(node.value))) {
      // Notebook cells and multi-line strings hold code: read their lines as code, and find each value in the
      // source (where it may sit between escapes) to point at it.
      const raw = file.text.slice(located.start, located.end);
      for (const inner of lineBindings(node.value, 0, false)) {
        const at = raw.indexOf(inner.value);
        const start = located.start + (at === -1 ? 0 : at);
        found.push({ ...inner, start, end: at === -1 ? located.end : start + inner.value.length });
      }
      continue;
    }
    // Compose-style `KEY=value` list items, and environment assignments written into any string.
    const inline = /^([A-Za-z_][\w.\-]*)=(\S.*)$/.exec(node.value);
    if (inline && (name === undefined || /^(?:environment|env|args|build_args|variables)$/i.test(leaf.key ?? '') || /^[A-Z][A-Z0-9_]{2,}$/.test(inline[1]!))) {
      // `PGPASSWORD=… psql -h …` (a CI step's one-line command): the variable's value ends at the first blank.
      const value = /^[A-Z][A-Z0-9_]{2,}$/.test(inline[1]!) ? inline[2]!.split(/\s/)[0]! : inline[2]!;
      found.push(binding(inline[1]!, value, located.start + inline[1]!.length + 1));
      continue;
    }
    if (name !== undefined) found.push(binding(name, node.value, located.start));
  }
  return found;
}

const PULUMI_STACK = /(?:^|\/)Pulumi\.[^/]+\.ya?ml$/;

/**
 * A Pulumi stack's provider settings (`config: { cloudflare:apiToken: … }`) are the provider's arguments, which
 * Terraform's provider blocks spell `cloudflare { api_token }`: bound as `cloudflare.api_token`, they are named as
 * there. A project's own settings read the same way (`acme:dbPassword` as `acme.db_password`).
 */
function pulumiConfigName(leaf: DataLeaf): string | undefined {
  if (leaf.path.length !== 2 || leaf.path[0] !== 'config' || leaf.key === undefined) return undefined;
  const setting = /^([a-z][a-z0-9-]*):([A-Za-z][A-Za-z0-9]*)$/.exec(leaf.key);
  if (!setting) return undefined;
  return `${setting[1]}.${setting[2]!.replace(/(?<=[a-z0-9])([A-Z])/g, (_, upper: string) => `_${upper.toLowerCase()}`).toLowerCase()}`;
}

/** The name a leaf's value is bound to: its key, or the `name:` beside a `value:` (Kubernetes env), or a block label. */
function leafName(leaf: DataLeaf): string | undefined {
  const key = leaf.key;
  if (key === undefined || typeof leaf.path[leaf.path.length - 1] === 'number') return undefined;
  // Hoppscotch keeps the value twice when it was not changed locally: one secret, one binding.
  if (key === 'currentValue' && leaf.parent?.entries.some((entry) => entry.key === 'initialValue' && entry.value.kind === 'scalar' && entry.value.value === leaf.node.value)) return undefined;
  if ((key === 'value' || key === 'Value' || key === 'ParameterValue' || key === 'initialValue' || key === 'currentValue') && leaf.parent) {
    // `{name, value}` (Kubernetes, ECS), `{key, value}` (Postman), `{ParameterKey, ParameterValue}` (CloudFormation),
    // `{key, initialValue, currentValue}` (Hoppscotch's environments).
    const sibling = leaf.parent.entries.find((entry) => entry.key === 'name' || entry.key === 'Name' || entry.key === 'key' || entry.key === 'ParameterKey');
    if (sibling?.value.kind === 'scalar' && typeof sibling.value.value === 'string') return sibling.value.value;
    // `"adminPassword": { "value": "…" }` (ARM parameter files): the value is named by the key that holds it.
    const holder = leaf.path[leaf.path.length - 2];
    if (!sibling && typeof holder === 'string') return holder;
  }
  // CloudFormation parameters: `DBPassword: { Type: String, NoEcho: true, Default: … }`.
  if (key === 'Default' && leaf.parent?.entries.some((entry) => entry.key === 'Type' || entry.key === 'NoEcho')) {
    const holder = leaf.path[leaf.path.length - 2];
    if (typeof holder === 'string') return holder;
  }
  if (key === 'default' && leaf.parent?.block?.type === 'variable') return leaf.parent.block.labels[0] ?? key;
  // A bare `Key` is named by what holds it: `"Jwt": { "Key": "…" }` (.NET appsettings) is the JWT signing key.
  if (key === 'Key' || key === 'key') {
    const holder = leaf.path[leaf.path.length - 2];
    if (typeof holder === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(holder)) return `${holder}_${key}`;
  }
  // A Terraform provider's arguments are that provider's: `provider "digitalocean" { token = … }` binds
  // `digitalocean.token`, which names the provider as its environment variable would.
  const provider = leaf.parent?.block?.type === 'provider' ? leaf.parent.block.labels[0] : undefined;
  if (provider && !key.toLowerCase().includes(provider.toLowerCase())) return `${provider}.${key}`;
  return key;
}

/** Offsets of a scalar's string value within the file (inside its quotes), or undefined if it cannot be found. */
function locateValue(file: SourceFile, leaf: DataLeaf, value: string): { start: number; end: number } | undefined {
  const span = leaf.node.span;
  const start = offsetOf(file, span.line, span.column);
  const end = offsetOf(file, span.endLine, span.endColumn);
  const raw = file.text.slice(start, end);
  const at = raw.indexOf(value);
  if (at !== -1) return { start: start + at, end: start + at + value.length };
  // Escaped in the source (JSON `\"`, YAML folding): point at the scalar without its quotes.
  const quoted = raw.length >= 2 && /^["'`]/.test(raw);
  return { start: start + (quoted ? 1 : 0), end: end - (quoted ? 1 : 0) };
}

export function offsetOf(file: SourceFile, line: number, column: number): number {
  return (file.lineStarts[line - 1] ?? file.text.length) + column - 1;
}

/** Structure-aware bindings from a JS/TS AST; undefined when the file does not parse. */
export function scriptBindings(file: SourceFile): Binding[] | undefined {
  const program = file.ast();
  if (!program) return undefined;
  const found: Binding[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const typed = node as TSESTree.Node;
    if (typeof typed.type !== 'string') return;
    switch (typed.type) {
      case 'VariableDeclarator':
        if (typed.id.type === 'Identifier') add(typed.id.name, typed.init);
        break;
      case 'Property':
      case 'PropertyDefinition':
        add(propertyName(typed.key, typed.computed), typed.value as TSESTree.Node | null);
        break;
      case 'AssignmentExpression':
        add(typed.left.type === 'Identifier' ? typed.left.name : typed.left.type === 'MemberExpression' ? propertyName(typed.left.property, typed.left.computed) : undefined, typed.right);
        break;
    }
    for (const [key, child] of Object.entries(typed)) {
      if (key !== 'parent' && key !== 'loc' && key !== 'range' && child && typeof child === 'object') visit(child);
    }
  };
  const add = (name: string | undefined, value: TSESTree.Node | null | undefined): void => {
    if (!value) return;
    const literal = stringLiteral(value);
    if (literal) {
      if (name) found.push(binding(name, literal.value, literal.start));
      return;
    }
    // `process.env.X ?? 'fallback'`: the fallback is bound to the environment variable X.
    if (value.type === 'LogicalExpression' && (value.operator === '??' || value.operator === '||')) {
      const fallback = stringLiteral(value.right);
      const envName = envVariable(value.left);
      if (fallback && (envName || name)) found.push(binding(envName ?? name!, fallback.value, fallback.start));
    }
  };
  visit(program.body);
  return found;
}

function stringLiteral(node: TSESTree.Node): { value: string; start: number } | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return { value: node.value, start: node.range[0] + 1 };
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis[0]) {
    return { value: node.quasis[0].value.cooked ?? node.quasis[0].value.raw, start: node.range[0] + 1 };
  }
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return stringLiteral(node.expression);
  return undefined;
}

function propertyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === 'Identifier' && !computed) return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function envVariable(node: TSESTree.Node): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  const object = node.object;
  const isEnv =
    (object.type === 'MemberExpression' && object.property.type === 'Identifier' && object.property.name === 'env') ||
    (object.type === 'Identifier' && /^(?:env|ENV)$/.test(object.name));
  if (!isEnv) return undefined;
  return propertyName(node.property, node.computed);
}

/**
 * A copy of a string that holds no reference to the text it was sliced from: concatenating makes a rope, and slicing
 * a rope flattens it into a string of its own.
 */
function ownCopy(slice: string): string {
  return `${slice} `.slice(0, -1);
}
