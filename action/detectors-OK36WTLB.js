import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_ignore,
  sha256
} from "./chunk-3P5U27ZX.js";
import {
  formatOf,
  lookupTable,
  parseYaml,
  sample,
  severityRank
} from "./chunk-PPTZAW4O.js";
import {
  creator
} from "./chunk-4IEEGQES.js";
import {
  __toESM
} from "./chunk-4JN6GR4P.js";

// knowledge/environments/names.ts
var WORDS = {
  production: ["production", "prod", "prd", "live"],
  staging: ["staging", "stage", "stg", "preprod", "pre-prod", "uat", "qa", "sit", "acceptance", "acc"],
  preview: ["preview", "review", "pr", "ephemeral", "deploy-preview", "branch-deploy"],
  development: ["development", "dev", "develop", "local", "sandbox", "demo"],
  test: ["test", "testing", "ci", "e2e"]
};
var BY_WORD = /* @__PURE__ */ new Map();
for (const [environment, words2] of Object.entries(WORDS)) {
  for (const word of words2) BY_WORD.set(word, environment);
}
function aliasFor(aliases, name) {
  return Object.hasOwn(aliases, name) ? aliases[name] : void 0;
}
function canonicalEnvironment(name, aliases = {}) {
  if (Object.keys(aliases).length > 0) return canonicalEnvironmentUncached(name, aliases);
  if (canonicalNames.has(name)) return canonicalNames.get(name);
  const found = canonicalEnvironmentUncached(name, aliases);
  if (canonicalNames.size >= 1e5) canonicalNames.clear();
  canonicalNames.set(name, found);
  return found;
}
var canonicalNames = /* @__PURE__ */ new Map();
function canonicalEnvironmentUncached(name, aliases) {
  const lower = name.trim().toLowerCase();
  const alias = aliasFor(aliases, lower);
  if (alias) return alias;
  const exact = BY_WORD.get(lower);
  if (exact) return exact;
  if (/^pr-?\d+$/.test(lower)) return "preview";
  const tokens = tokensOf(name);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    const aliased = aliasFor(aliases, token);
    if (aliased) return aliased;
    if (token.length <= 2 && tokens.length > 1) continue;
    const found = BY_WORD.get(token);
    if (found) return found;
  }
  return void 0;
}
function tokensOf(name) {
  const tokens = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const code = i < name.length ? name.charCodeAt(i) : 0;
    const upper = code >= 65 && code <= 90;
    if (upper || code >= 97 && code <= 122) {
      if (start === -1) start = i;
      else if (upper && isLowerAscii(name.charCodeAt(i - 1))) {
        tokens.push(name.slice(start, i).toLowerCase());
        start = i;
      }
    } else if (start !== -1) {
      tokens.push(name.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return tokens;
}
function isLowerAscii(code) {
  return code >= 97 && code <= 122;
}
var ENVIRONMENT_DIRECTORIES = /* @__PURE__ */ new Set(["envs", "env", "environments", "environment", "overlays", "live", "deploy", "deployments", "stages", "config", "settings", "clusters", "k8s", "helm", "terraform", "infra"]);
var EXAMPLE_SUFFIXES = /\.(example|sample|template|dist|defaults?|tmpl|tpl)$/i;
function environmentOfPath(path2, aliases = {}) {
  const plain2 = !hasAny(aliases);
  if (plain2 && path2 === lastPath) return lastEnvironment;
  const found = environmentOfPathUncached(path2, aliases, plain2);
  if (plain2) {
    lastPath = path2;
    lastEnvironment = found;
  }
  return found;
}
var lastPath;
var lastEnvironment;
function hasAny(record2) {
  for (const _ in record2) return true;
  return false;
}
function environmentOfPathUncached(path2, aliases, plain2) {
  const slash = path2.lastIndexOf("/");
  const fileName = path2.slice(slash + 1);
  const byName = fileNameEnvironment(fileName, aliases);
  if (byName || slash === -1) return byName;
  if (!plain2) return directoryEnvironment(path2.split("/"), aliases);
  const directory = path2.slice(0, slash);
  if (directory !== lastDirectory) {
    lastDirectoryEnvironment = directoryEnvironment(path2.split("/"), aliases);
    lastDirectory = directory;
  }
  return lastDirectoryEnvironment;
}
var lastDirectory;
var lastDirectoryEnvironment;
var CONFIG_FILE_NAME = /^\.env\b|\.(?:ya?ml|json|jsonc|toml|properties|tfvars|env|ini|conf|cfg|config|hcl)$/i;
function fileNameEnvironment(fileName, aliases) {
  if (EXAMPLE_SUFFIXES.test(fileName)) return void 0;
  const tokens = tokensOf(fileName.charCodeAt(0) === 46 ? fileName.slice(1) : fileName);
  const configName = CONFIG_FILE_NAME.test(fileName);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    const aliased = aliasFor(aliases, token);
    if (token.length <= 2 && !aliased && token !== "pr" && !(token === "qa" && configName)) continue;
    const environment = aliased ?? BY_WORD.get(token);
    if (environment) return { environment, name: token, evidence: "file-name" };
  }
  return void 0;
}
function directoryEnvironment(segments, aliases) {
  for (let i = segments.length - 2; i >= 0; i--) {
    const directory = segments[i];
    const parent = segments[i - 1]?.toLowerCase();
    const environment = canonicalEnvironment(directory, aliases);
    if (!environment) continue;
    if (BY_WORD.has(directory.toLowerCase()) || aliasFor(aliases, directory.toLowerCase()) || parent && ENVIRONMENT_DIRECTORIES.has(parent)) {
      return { environment, name: directory, evidence: "directory" };
    }
  }
  return void 0;
}
function isExampleFile(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1).toLowerCase();
  if (EXAMPLE_SUFFIXES.test(name)) return true;
  return /(^|[._-])(example|examples|sample|samples|template|templates|tmpl|dist)([._-]|$)/.test(name);
}
function environmentsNamedIn(name, aliases = {}) {
  const found = /* @__PURE__ */ new Set();
  const tokens = tokensOf(name);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const aliased = aliasFor(aliases, token);
    if (aliased) {
      found.add(aliased);
      continue;
    }
    if (token.length <= 2 || token === "live") continue;
    if (token === "nonprod" || token === "nonproduction" || token === "notprod") continue;
    const environment = BY_WORD.get(token);
    if (!environment) continue;
    const previous = tokens[i - 1];
    if (previous === "non" || previous === "not" || previous === "pre") continue;
    found.add(environment);
  }
  return found;
}

// src/paths.ts
var TEST_OR_EXAMPLE = new RegExp(
  [
    String.raw`(?:^|\/)(?:tests?|spec|specs|__tests__|__mocks__|fixtures?|testdata|test-data|mocks?|examples?|samples?)(?:\/|$)`,
    // Test files by their language's convention: `x.test.ts`, `test_x.py`, `x_test.go`, `x_spec.rb`, a lone `test.js`.
    String.raw`\.(?:test|spec)\.[a-z]+$`,
    String.raw`(?:^|\/)(?:tests?\.[a-z]+|test_[^/]+\.py)$`,
    String.raw`_(?:test|spec)\.(?:go|py|rb|exs?)$`,
    // Example files: `examples-1.json`, an API model's `iam-2010-05-08.examples.json`.
    String.raw`(?:^|[/-])examples?-\d*\.json$`,
    String.raw`\.examples?\.json$`
  ].join("|"),
  "i"
);
function isTestOrExamplePath(path2) {
  return TEST_OR_EXAMPLE.test(path2);
}
function isTestExampleOrDocsPath(path2) {
  return TEST_OR_EXAMPLE.test(path2) || /(?:^|\/)(?:docs?|e2e|cypress)(?:\/|$)/i.test(path2);
}

// src/redact.ts
function redact(value) {
  const trimmed = value.trim();
  if (trimmed.length <= 8) return "*".repeat(Math.max(trimmed.length, 4));
  const prefix = knownPrefix(trimmed);
  const visibleTail = Math.min(4, Math.floor(trimmed.length / 8));
  const head = prefix ?? trimmed.slice(0, Math.min(4, Math.floor(trimmed.length / 8)));
  return `${head}${"*".repeat(8)}${visibleTail > 0 ? trimmed.slice(-visibleTail) : ""}`;
}
var PREFIX = /^(?:[a-z]{2,10}(?:[_-][a-z0-9]{1,8}){0,2}[_-]|[A-Z]{4}(?=[A-Z0-9]{16}$)|-----BEGIN [A-Z ]+-----)/;
function knownPrefix(value) {
  const match = PREFIX.exec(value);
  if (!match) return void 0;
  return match[0].length <= value.length / 2 ? match[0] : void 0;
}
function redactIn(text, secret) {
  if (!secret) return text;
  return text.split(secret).join(redact(secret));
}

// knowledge/credentials/values.ts
function entropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
var REFERENCE = new RegExp(
  [
    String.raw`\$\{[^}]*\}`,
    // ${VAR}, ${{ secrets.X }}
    String.raw`^\$\{\{?\s*[A-Za-z_]`,
    // ${VAR or ${{ secrets.X cut short by a bare-value boundary
    String.raw`^\$[A-Za-z_]\w*$`,
    // $VAR
    String.raw`\{\{[^}]*\}\}`,
    // {{ .Values.x }}, Jinja, Mustache
    String.raw`<%=?[^%]*%>`,
    // ERB
    String.raw`^%[A-Za-z_]\w*%$`,
    // %VAR%
    String.raw`^@[A-Za-z_]\w*@$`,
    // @VAR@
    String.raw`\$\([^)]*\)`,
    // $(VAR), $(command)
    String.raw`^(?:op|vault|awssm|gcpsm|azkv|doppler|infisical|sops|ref\+[a-z]+)://`,
    // secret-manager URIs
    String.raw`^(?:arn:aws:secretsmanager|arn:aws:ssm|projects/[^/]+/secrets/)`,
    String.raw`(?:process\.env|os\.environ|os\.getenv|ENV\[|env\(|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable)`,
    String.raw`^\{env:[^}]+\}$`,
    String.raw`^\{file:[^}]+\}$`
  ].join("|")
);
function isReference(value) {
  return REFERENCE.test(value);
}
var PLACEHOLDER_WORDS = new Set(
  "changeme change me changeit password passwd pass pwd secret secrets mysecret token apikey api key test tests testing dummy fake placeholder redacted todo tbd fixme null none nil undefined empty example examples sample samples demo your yours my mine here insert replace with value default local localhost dev development staging prod production admin administrator root user username postgres postgresql mysql mariadb mongo mongodb redis rabbitmq guest minio minioadmin ci app db database foo bar baz qux xyz abc abcd abcdef letmein welcome hello world super some thing keep set put fill enter add generate generated random string sekret s3cret secure strong new old the a an of for to be is it this that goes here private public access auth credential credentials client id key1 key2 hunter qwerty asdf asdfgh zxcv pa ss word docker compose service services server backend frontend api1 web worker geheim parole passwort kennwort motdepasse contrasena senha foobared correct horse battery staple".split(" ")
);
var PLACEHOLDER_PATTERNS = [
  /^<[^<>]+>$/,
  // <your-token>
  /^\[[^\]]+\]$/,
  // [REDACTED]
  /^\*+$/,
  /^(.)\1+$/,
  // xxxx, 0000
  /^(?:x+|X+|0+|\*+|\.+|-+|_+|#+)$/,
  /(?:x{5,}|X{5,}|\*{4,}|0{8,}|a{6,}|\.{3,}|…)/,
  // trufflehog-style fill substrings
  /example|sample|placeholder|dummy|changeme|change_me|change-me|replace[_-]?me|your[_-]|_here\b|redacted|not[_-]?a[_-]?real|notreal|fake[_-]|[_-]fake|^mock|[_-]mock/i,
  /1a2b3c|a1b2c3|abc123|123abc/i,
  // Format strings (`flow_{0}`, `{name}`, `%(user)s`); a bare `%s` is not one, generated keys hold `%` and letters.
  /\{\d*\}|\{[A-Za-z_]\w*\}|%\([\w.]+\)[sdr]/,
  /^(?:abc|123|1234|12345|123456|1234567|12345678|123456789|0123456789|abcdef|abcdefgh|qwerty)[a-z0-9]{0,4}$/i,
  /^(?:true|false|yes|no|on|off|null|nil|none|undefined|required|optional|string|number|secret|password|token)$/i
];
function isSequential(value) {
  if (value.length < 6) return false;
  let runs = 0;
  for (let i = 1; i < value.length; i++) {
    if (value.charCodeAt(i) - value.charCodeAt(i - 1) === 1) runs++;
  }
  return runs >= value.length - 2;
}
var LEET = lookupTable({ "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" });
function isWordSalad(value) {
  const normalised = value.toLowerCase().replace(/\d{2,}|^\d+|\d+$/g, " ").replace(/[013457@$]/g, (char) => LEET[char] ?? char).replace(/[^a-z]+/g, " ").trim();
  if (normalised === "") return true;
  return normalised.split(" ").every((chunk) => segmentsInto(chunk));
}
function segmentsInto(text) {
  const reachable = new Array(text.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 14); start < end; start++) {
      if (reachable[start] && PLACEHOLDER_WORDS.has(text.slice(start, end))) {
        reachable[end] = true;
        break;
      }
    }
  }
  return reachable[text.length];
}
var KNOWN_EXAMPLES = /* @__PURE__ */ new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "AKIAI44QH8DHBEXAMPLE",
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "pk_test_TYooMQauvdEDq54NiTphI7jx",
  "your-256-bit-secret",
  "super-secret-jwt-token-with-at-least-32-characters-long",
  "dev-only-token",
  "minioadmin",
  "notasecret",
  // OAuth RFC examples (5849, 6749, 7009), quoted in library docs and docstrings everywhere.
  "dpf43f3p2l4k3l03",
  "kd94hf93k423kf44",
  "hh5s93j4hdidpola",
  "hdk48Djdsa",
  "nnch734d00sl2jdk",
  "pfkkdhi9sl3r4s00",
  "0685bd9184jfhq22",
  "ad180jjd733klru7",
  "kllo9940pd9333jh",
  "2YotnFZFEjr1zCsicMWpAA",
  "tGzv3JOkF0XG5Qx2TlKWIA",
  "SplxlOBeZQQYbYS6WxSbIA",
  "czZCaGRSa3F0MzpnWDFmQmF0M2JW",
  "s6BhdRkqt3",
  "gX1fBat3bV",
  "7Fjfp0ZBr1KtDRbnfVdmIw",
  "45ghiukldjahdnhzdauz"
]);
function isPlaceholder(value) {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (KNOWN_EXAMPLES.has(trimmed)) return true;
  if (/EXAMPLE(?:KEY)?$/.test(trimmed)) return true;
  if (PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(trimmed))) return true;
  if (isSequential(trimmed)) return true;
  const body2 = trimmed.replace(/^[a-z]{2,8}[_-](?:[a-z0-9]{1,8}[_-])?/i, "");
  if (body2.length >= 8 && /^(.)\1+$/.test(body2)) return true;
  return false;
}
var HASH_OR_CIPHERTEXT = /^(?:\$(?:2[abxy]?|argon2(?:id|i|d)|[1356]|7|y|gy|sha1|md5|apr1|scrypt|pbkdf2(?:-sha\d+)?)\$[^\s]{8,}|(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt_sha256|bcrypt|scrypt|sha1|md5|unsalted_md5|unsalted_sha1|crypt)\$[^\s]{8,}|\{(?:SSHA|SHA|SSHA256|SSHA512|CRYPT|PBKDF2(?:-SHA\d+)?|ARGON2|MD5|SMD5)\}[^\s]{8,}|AQI[BCD]AH[A-Za-z0-9+/]{40,}={0,2})$/;
function isHashOrCiphertext(value) {
  return HASH_OR_CIPHERTEXT.test(value.trim());
}
function isHumanPlaceholder(value) {
  return isPlaceholder(value) || isWordSalad(value);
}
function looksRandom(value, minLength = 16, minEntropy = 3) {
  if (value.length < minLength) return false;
  if (/\s/.test(value)) return false;
  if (entropy(value) < minEntropy) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes >= 2;
}
var UUID_SOURCE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
var UUID = new RegExp(`^${UUID_SOURCE}$`);
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(text) {
  let crc = 4294967295;
  for (let i = 0; i < text.length; i++) crc = crc >>> 8 ^ CRC_TABLE[(crc ^ text.charCodeAt(i)) & 255];
  return (crc ^ 4294967295) >>> 0;
}
function base62(value, width) {
  let out = "";
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, "0");
}
function hasValidBase62Checksum(token, prefixLength) {
  const body2 = token.slice(prefixLength, -6);
  return base62(crc32(body2), 6) === token.slice(-6);
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function decodeBase64Text(value) {
  const clean = value.replace(/\\n|\s/g, "");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return void 0;
  const text = Buffer.from(clean.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return text.includes("�") ? void 0 : text;
}
function decodeJwt(token) {
  const parts = token.split(".");
  if (parts.length !== 3) return void 0;
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    if (!isObject(header) || !isObject(payload)) return void 0;
    return { header, payload };
  } catch {
    return void 0;
  }
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function wordsOf(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word.toLowerCase());
}

// knowledge/credentials/aws.ts
var REFERENCE2 = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html";
var ROOT_ARN = /arn:aws:iam::\d{12}:root\b/;
var NARROW_NAME_WORDS = /* @__PURE__ */ new Set(["readonly", "ro", "read", "viewer", "deploy", "ci", "upload", "uploader", "backup", "ses", "sqs", "s3", "bucket", "logs"]);
function rateAwsKey(context, keyId) {
  const nearby = [context.nearby, ...Object.values(context.siblingValues)].join("\n");
  if (ROOT_ARN.test(nearby) || /(?:^|_)root(?:_|$)/i.test(context.variable ?? "")) {
    return { scope: "root", because: "the key sits beside the account root ARN: root user keys can do anything, including closing the account" };
  }
  if (keyId?.startsWith("ASIA")) return { scope: "scoped", because: "an ASIA key id is a temporary role session (at most 36 hours)" };
  const pairNames = Object.entries(context.siblingValues).filter(([, value]) => /^(?:AKIA|ASIA)[A-Z2-7]{16}$/.test(value)).map(([name]) => name);
  const narrow = [context.variable, ...pairNames].flatMap((name) => wordsOf(name ?? "")).find((word) => NARROW_NAME_WORDS.has(word));
  if (narrow) return { scope: "scoped", because: `the variable names a ${narrow} key` };
  return { scope: "root", because: "a long-term IAM user key: its policies are not in the repository, so it is rated the broad kind" };
}
var awsAccessKeyId = {
  id: "aws-access-key-id",
  provider: "aws",
  title: "AWS access key ID",
  valuePatterns: [{ regex: /(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])/g, keywords: ["akia", "asia", "abia", "acca"] }],
  // In a presigned URL (`X-Amz-Credential=AKIA...`, `AWSAccessKeyId=AKIA...`) the id travels with a short-lived
  // signature, not with the secret key.
  plausible: (value, context) => !value.endsWith("EXAMPLE") && !/^(?:AKIA|ASIA)([A-Z2-7])\1{10,}/.test(value) && !new RegExp(`(?:X-Amz-Credential|AWSAccessKeyId)=${value}`).test(context.line),
  rate: (context) => rateAwsKey(context, context.value),
  companionOf: "aws-secret-access-key",
  reach: "with its secret key, does whatever the IAM user may do; a root or admin user can delete every resource in the account",
  narrower: "use short-lived role credentials (OIDC from CI, SSO locally) or a user limited to the few actions and resources it needs",
  reference: REFERENCE2,
  samples: {
    positive: [
      sample("scripts/upload-assets.sh", "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=AKIAQX4KJ2MZ7HTLD5PW\nexport AWS_SECRET_ACCESS_KEY=9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\naws s3 sync ./public s3://acme-assets\n", { expect: { line: 2 } }),
      sample("notebooks/explore.ipynb", `{
 "cells": [
  {
   "cell_type": "code",
   "source": [
    "import boto3\\n",
    "s3 = boto3.client('s3', aws_access_key_id='AKIAQX4KJ2MZ7HTLD5PW', aws_secret_access_key='9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK')\\n"
   ]
  }
 ]
}
`, { expect: { line: 7 } })
    ],
    negative: [
      sample("docs/aws.md", "For example `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE`.\n"),
      sample("src/iam.ts", "export const ROLE_ID = 'AROAQX4KJ2MZ7HTLD5PW';\nexport const USER_ID = 'AIDAQX4KJ2MZ7HTLD5PW';\n")
    ]
  },
  scopeSamples: {
    positive: [sample("ops/aws.ini", "[default]\naws_access_key_id = AKIAQX4KJ2MZ7HTLD5PW\n", { expect: { line: 2 } })],
    negative: [sample("ops/aws.ini", "[default]\naws_access_key_id = ASIAQX4KJ2MZ7HTLD5PW\n")]
  }
};
var awsSecretAccessKey = {
  id: "aws-secret-access-key",
  provider: "aws",
  title: "AWS secret access key",
  contextPatterns: [
    {
      variable: /(?:aws)?[_.-]?secret[_.-]?access[_.-]?key|^aws[_.-]?secret(?:[_.-]?key)?$|secretAccessKey/i,
      value: /^[A-Za-z0-9/+]{40}$/,
      keywords: ["secret"]
    },
    // Terraform's aws provider block and boto-style configs call it plainly `secret_key`.
    { variable: /^secret[_-]?key$/i, value: /^[A-Za-z0-9/+]{40}$/, keywords: ["secret"], requires: ["aws"] },
    // Terraform state of an `aws_iam_access_key`: its attributes are `id` (the AKIA key ID) and `secret`.
    { variable: /^secret$/, value: /^[A-Za-z0-9/+]{40}$/, keywords: ["secret"], requires: ["aws_iam_access_key"] }
  ],
  // Given by position after its key ID, as SDK constructors take them: Go's `credentials.NewStaticCredentials("AKIA…",
  // "…", "")`, Java's `new BasicAWSCredentials("AKIA…", "…")`, PHP's `new Credentials('AKIA…', '…')`.
  valuePatterns: [{ regex: /(?<=["'](?:AKIA|ASIA)[A-Z2-7]{16}["']\s*,\s*["'])([A-Za-z0-9/+]{40})(?=["'])/g, keywords: ["akia", "asia"] }],
  plausible: (value) => !/EXAMPLEKEY$/.test(value) && looksRandom(value, 40, 3.5),
  rate: (context) => {
    const keyId = Object.values(context.siblingValues).find((value) => /^(?:AKIA|ASIA)[A-Z2-7]{16}$/.test(value)) ?? /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/.exec(context.line)?.[0];
    return rateAwsKey(context, keyId);
  },
  reach: "signs requests as the IAM user; a root or admin user can delete every resource in the account",
  narrower: "use short-lived role credentials (OIDC from CI, SSO locally) or a user limited to the few actions and resources it needs",
  reference: REFERENCE2,
  samples: {
    positive: [
      sample("config/storage.yml", "amazon:\n  service: S3\n  access_key_id: AKIAQX4KJ2MZ7HTLD5PW\n  secret_access_key: 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\n  region: eu-west-1\n", { expect: { line: 4 } }),
      sample("internal/storage/session.go", 'sess := session.Must(session.NewSession(&aws.Config{\n	Credentials: credentials.NewStaticCredentials("AKIAQX4KJ2MZ7HTLD5PW", "9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK", ""),\n}))\n', { expect: { line: 2 }, note: "given by position after its key ID" }),
      sample("src/main/java/com/acme/Upload.java", 'AWSCredentials creds = new BasicAWSCredentials("AKIAQX4KJ2MZ7HTLD5PW", "9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK");\n', { expect: { line: 1 } }),
      sample("terraform/provider.tf", 'provider "aws" {\n  region     = "eu-west-1"\n  access_key = "AKIAQX4KJ2MZ7HTLD5PW"\n  secret_key = "9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK"\n}\n', { expect: { line: 4 } }),
      sample("infra/terraform.tfstate", '{\n  "version": 4,\n  "resources": [\n    {\n      "mode": "managed",\n      "type": "aws_iam_access_key",\n      "name": "ci",\n      "instances": [\n        {\n          "attributes": {\n            "id": "AKIAQX4KJ2MZ7HTLD5PW",\n            "secret": "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",\n            "user": "ci"\n          }\n        }\n      ]\n    }\n  ]\n}\n', { expect: { line: 12 }, note: "committed Terraform state of an IAM access key" })
    ],
    negative: [
      sample("config/storage.yml", 'amazon:\n  access_key_id: <%= ENV["AWS_ACCESS_KEY_ID"] %>\n  secret_access_key: <%= ENV["AWS_SECRET_ACCESS_KEY"] %>\n'),
      sample("docs/aws.md", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
    ]
  },
  scopeSamples: {
    positive: [sample("ops/credentials", "[default]\n# arn:aws:iam::123456789012:root\naws_access_key_id = AKIAQX4KJ2MZ7HTLD5PW\naws_secret_access_key = 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\n", { expect: { line: 4 } })],
    negative: [sample("ops/credentials", "[default]\naws_access_key_id = ASIAQX4KJ2MZ7HTLD5PW\naws_secret_access_key = 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\naws_session_token = IQoJb3JpZ2luX2VjEJr\n")]
  }
};
var AWS_KINDS = [awsAccessKeyId, awsSecretAccessKey];

// knowledge/credentials/signals.ts
import { X509Certificate } from "node:crypto";
var NARROW_WORDS = /* @__PURE__ */ new Set([
  "readonly",
  "ro",
  "read",
  "reader",
  "viewer",
  "view",
  "deploy",
  "deployer",
  "upload",
  "uploader",
  "publisher",
  "publish",
  "subscriber",
  "invoker",
  "logs",
  "logging",
  "logger",
  "monitoring",
  "metrics"
]);
function narrowingWord(names, words2 = NARROW_WORDS) {
  for (const name of names) {
    const found = wordsOf(name ?? "").find((word) => words2.has(word));
    if (found) return found;
  }
  return void 0;
}
function surroundings(context) {
  return [context.line, context.nearby, ...Object.values(context.siblingValues)].join("\n");
}
function flatSiblings(context) {
  return context.siblings.map((name) => name.toLowerCase().replace(/[^a-z0-9]/g, ""));
}
function hasTypedRun(value, length = 6) {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) - value.charCodeAt(i - 1) === 1 && /[A-Za-z0-9]/.test(value[i]) ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}
function base64Json(value) {
  const text = decodeBase64Text(value);
  if (!text || !text.trimStart().startsWith("{")) return void 0;
  try {
    const parsed = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function certificateSubject(data) {
  const pem = data.includes("-----BEGIN") ? data : decodeBase64Text(data);
  if (!pem || !pem.includes("-----BEGIN CERTIFICATE-----")) return void 0;
  try {
    const subject = new X509Certificate(pem).subject;
    const fields = { O: [], CN: [] };
    for (const line of subject.split("\n")) {
      const at = line.indexOf("=");
      const key = line.slice(0, at);
      if (key === "O" || key === "CN") fields[key].push(line.slice(at + 1));
    }
    return fields;
  } catch {
    return void 0;
  }
}

// knowledge/credentials/types.ts
function fixed(scope, because) {
  return () => ({ scope, because });
}

// knowledge/credentials/azure.ts
var ACCOUNT_KEY = /^[A-Za-z0-9+/]{86}==$/;
var AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
var COSMOS_EMULATOR_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
var EMULATOR_KEYS = /* @__PURE__ */ new Set([AZURITE_KEY, COSMOS_EMULATOR_KEY]);
var EMULATOR_PATTERN = { regex: /(?<![A-Za-z0-9+/])(Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==|C2y6yDjf5\/R\+ob0N8A7Cgv30VRDJIWEHLM\+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw\/Jw==)/g, keywords: ["eby8vdm02x", "c2y6ydjf5"] };
var plausibleAccountKey = (value) => !EMULATOR_KEYS.has(value) && looksRandom(value, 80, 4.5);
var STORAGE_KEY = "dxRn126HYQYXGzSm0fxybysIgCVymUvbLCYO4mAkQZ62+QFHY1d3MT6NMduLqcW1Ye20y5gGp3vr8GkXHNlifQ==";
var STORAGE_KEY_2 = "bzt3UKfTQtxCgZKvE6BcZGnoOXU+pFuo9hgNqiRlGaQ7fHfO2c6/L4JxZj1nNK0aIFihFYEID2VQ6D09LNXALg==";
var STORAGE_CONNECTION = (account, key) => `DefaultEndpointsProtocol=https;AccountName=${account};AccountKey=${key};EndpointSuffix=core.windows.net`;
var azureCosmosDbKey = {
  id: "azure-cosmos-db-key",
  provider: "azure",
  title: "Azure Cosmos DB account key",
  valuePatterns: [
    { regex: /AccountEndpoint=https:\/\/[A-Za-z0-9.-]+\.documents\.azure\.(?:com|us|cn)[^;'"\s]*;\s*AccountKey=([A-Za-z0-9+/]{86}==)/g, keywords: ["accountendpoint="] },
    EMULATOR_PATTERN
  ],
  contextPatterns: [{ variable: /cosmos(?:[_.-]?db)?[_.-]?(?:primary[_.-]?|master[_.-]?|read[_.-]?only[_.-]?|readonly[_.-]?)?(?:account[_.-]?)?(?:key|auth[_.-]?key)|documentdb[_.-]?(?:auth[_.-]?)?key|docdb[_.-]?auth[_.-]?key/i, value: ACCOUNT_KEY, keywords: ["cosmos", "documentdb", "docdb"] }],
  plausible: plausibleAccountKey,
  rate: (context) => {
    if (/read[_.-]?only|readonly|(?:^|[_.-])ro(?:$|[_.-])/i.test(context.variable ?? "")) return { scope: "scoped", because: `variable ${context.variable} names a read-only key` };
    return { scope: "root-resource", because: "a Cosmos DB primary key can read, change and delete every database and container of the account" };
  },
  reach: "can read, change and delete every database, container and item of the Cosmos DB account, and change its throughput",
  narrower: "use Microsoft Entra identities with Cosmos DB data-plane roles, or a read-only key where the code only reads",
  reference: "https://learn.microsoft.com/azure/cosmos-db/secure-access-to-data",
  samples: {
    positive: [
      sample("api/local.settings.json", `{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "CosmosDBConnection": "AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=Kt6Tye17ePeNRn0xGLyK+YFN8HdCoZIrZLUtTUOpo3qEi9KU3g6laZYbO9mjf69yKY/2dknw147Gv9fp/5weJg==;"
  }
}
`, { expect: { line: 5 } }),
      sample("src/store.py", 'from azure.cosmos import CosmosClient\n\nCOSMOS_URL = "https://acme-orders.documents.azure.com:443/"\nCOSMOS_KEY = "Kt6Tye17ePeNRn0xGLyK+YFN8HdCoZIrZLUtTUOpo3qEi9KU3g6laZYbO9mjf69yKY/2dknw147Gv9fp/5weJg=="\nclient = CosmosClient(COSMOS_URL, credential=COSMOS_KEY)\n', { expect: { line: 4 } })
    ],
    negative: [
      sample("tests/CosmosFixture.cs", `public class CosmosFixture
{
    // The emulator's published key.
    private const string EmulatorKey = "${COSMOS_EMULATOR_KEY}";
    public CosmosClient Client { get; } = new("AccountEndpoint=https://localhost:8081/;AccountKey=${COSMOS_EMULATOR_KEY};");
}
`),
      sample(".github/workflows/api.yml", "jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      COSMOS_KEY: ${{ secrets.COSMOS_KEY }}\n    steps:\n      - run: dotnet test\n")
    ]
  },
  scopeSamples: {
    positive: [sample("src/store.py", 'COSMOS_PRIMARY_KEY = "Kt6Tye17ePeNRn0xGLyK+YFN8HdCoZIrZLUtTUOpo3qEi9KU3g6laZYbO9mjf69yKY/2dknw147Gv9fp/5weJg=="\n', { expect: { line: 1 } })],
    negative: [sample("src/reports.py", 'COSMOS_READONLY_KEY = "LqoIm+b9Y5gRRRc5o4SzvTBp2cviFo09t/zQNdo/lc6QG7mfrZ/Qt3Ws0yL2giLItmZRhAfgi926G+ie4gI2dA=="\n')]
  }
};
var azureStorageAccountKey = {
  id: "azure-storage-account-key",
  provider: "azure",
  title: "Azure storage account key",
  valuePatterns: [
    // Connection strings (Cosmos DB strings, which also say AccountKey=, are the Cosmos kind's).
    { regex: /(?<!documents\.azure\.(?:com|us|cn)[^;'"\s]{0,40};\s*)AccountKey=([A-Za-z0-9+/]{86}==)/g, keywords: ["accountkey="] },
    EMULATOR_PATTERN
  ],
  contextPatterns: [
    {
      variable: /^(?:AZURE_STORAGE_(?:ACCOUNT_)?(?:ACCESS_)?KEY\d?|ARM_ACCESS_KEY)$|azure[_.-]?storage[_.-]?(?:account[_.-]?)?(?:access[_.-]?)?key|storage[_.-]?account[_.-]?(?:access[_.-]?)?key|^storage[_.-]?(?:access[_.-]?)?key$/i,
      value: ACCOUNT_KEY,
      keywords: ["storage", "arm_access_key"]
    },
    // The azurerm Terraform backend and storage SDK configs call it plainly `access_key` / `account_key`.
    { variable: /^(?:access|account)[_-]?key$/i, value: ACCOUNT_KEY, keywords: ["key"], requires: ["azurerm"] }
  ],
  plausible: plausibleAccountKey,
  rate: fixed("root-resource", "a storage account key is the account: every blob, file, queue and table, and it can mint SAS tokens"),
  reach: "can read, overwrite and delete every blob, file share, queue and table in the storage account, including backups kept there, and mint SAS tokens for any of it",
  narrower: "use Microsoft Entra identities with data roles on one container, or a short-lived user-delegation SAS; disable shared-key access on the account",
  reference: "https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage",
  samples: {
    positive: [
      sample("src/Api/appsettings.Production.json", `{
  "Logging": { "LogLevel": { "Default": "Warning" } },
  "ConnectionStrings": {
    "Blobs": "${STORAGE_CONNECTION("acmeprodfiles", STORAGE_KEY)}"
  }
}
`, { expect: { line: 4 } }),
      sample("infra/backend.tf", `terraform {
  backend "azurerm" {
    resource_group_name  = "tfstate"
    storage_account_name = "acmetfstate"
    container_name       = "tfstate"
    key                  = "prod.terraform.tfstate"
    access_key           = "${STORAGE_KEY_2}"
  }
}
`, { expect: { line: 7 } }),
      sample(".github/workflows/assets.yml", `jobs:
  upload:
    runs-on: ubuntu-latest
    env:
      AZURE_STORAGE_ACCOUNT: acmeassets
      AZURE_STORAGE_KEY: ${STORAGE_KEY}
    steps:
      - run: az storage blob upload-batch -d '$web' -s dist
`, { expect: { line: 6 } })
    ],
    negative: [
      sample("docker-compose.yml", `services:
  azurite:
    image: mcr.microsoft.com/azure-storage/azurite
  api:
    environment:
      Storage__ConnectionString: "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://azurite:10000/devstoreaccount1;"
`, { note: "Azurite’s published key" }),
      sample("src/Api/appsettings.json", '{\n  "ConnectionStrings": {\n    "Blobs": "DefaultEndpointsProtocol=https;AccountName=<account-name>;AccountKey=<account-key>;EndpointSuffix=core.windows.net"\n  }\n}\n'),
      sample("scripts/upload.sh", `#!/bin/sh
az storage blob upload-batch --account-name acmeassets --account-key "$AZURE_STORAGE_KEY" -d '$web' -s dist
`)
    ]
  },
  scopeSamples: {
    positive: [sample("config/storage.env.yaml", `STORAGE_CONNECTION: "${STORAGE_CONNECTION("acmeprodbackups", STORAGE_KEY)}"
`, { expect: { line: 1 } })],
    negative: [sample("tests/integration/storage.py", `AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
`, { note: "published emulator key" })]
  }
};
function sasParameters(value) {
  const parameters = /* @__PURE__ */ new Map();
  for (const part of value.split("&")) {
    const at = part.indexOf("=");
    if (at > 0) parameters.set(part.slice(0, at).toLowerCase(), decodeURIComponent(part.slice(at + 1).replace(/\+/g, "%2B")));
  }
  return parameters;
}
var DAY = 24 * 60 * 60 * 1e3;
function rateSas(context) {
  let parameters;
  try {
    parameters = sasParameters(context.value);
  } catch {
    return { scope: "scoped", because: "the SAS query does not decode, so only its presence is known" };
  }
  const permissions = parameters.get("sp") ?? "";
  const expiry = Date.parse(parameters.get("se") ?? "");
  const start = Date.parse(parameters.get("st") ?? "") || Date.now();
  const services = parameters.get("ss");
  const resourceTypes = parameters.get("srt") ?? "";
  if (!services) return { scope: "scoped", because: `a service SAS for one ${{ b: "blob", c: "container", s: "share", f: "file", d: "directory" }[parameters.get("sr") ?? ""] ?? "resource"} with permissions "${permissions}"` };
  const far = Number.isNaN(expiry) || expiry - start > 90 * DAY;
  if (permissions.includes("d") && resourceTypes.includes("s") && resourceTypes.includes("c") && far) {
    return { scope: "root-resource", because: `an account SAS with delete permission on every service (${services}) and container, valid until ${parameters.get("se") ?? "no stated expiry"}` };
  }
  return { scope: "scoped", because: `an account SAS limited to permissions "${permissions}" on resource types "${resourceTypes}"${far ? "" : " with a near expiry"}` };
}
var SAS_ACCOUNT = (sig) => `sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2099-12-31T23:59:59Z&st=2025-01-06T09:00:00Z&spr=https&sig=${sig}`;
var SIG = "zK%2FlhbunuN6PRi9wyMsyFMzQb5t3IG8MvXW589ObHYU%3D";
var SIG_2 = "THCz%2FVImaex2fS%2FHEp2PzhIIH3DKqAzCFq4KnqNczVY%3D";
var azureSasToken = {
  id: "azure-sas-token",
  provider: "azure",
  title: "Azure shared access signature",
  valuePatterns: [
    {
      // The whole signed query: the signature is only valid with the parameters it signs.
      regex: /(?<![A-Za-z0-9_%])((?:[a-z]{2,6}=[^&\s"'<>\\;]*&){0,12}sv=20\d\d-\d\d-\d\d(?:&[a-z]{2,6}=[^&\s"'<>\\;]*){1,12})/g,
      keywords: ["sv=20"]
    }
  ],
  plausible: (value) => {
    const sig = /(?:^|&)sig=([^&]+)/.exec(value)?.[1];
    if (!sig) return false;
    const expiry = Date.parse(decodeURIComponent(/(?:^|&)se=([^&]+)/.exec(value)?.[1] ?? ""));
    if (!Number.isNaN(expiry) && expiry < Date.now()) return false;
    let decoded;
    try {
      decoded = decodeURIComponent(sig);
    } catch {
      return false;
    }
    return /^[A-Za-z0-9+/]{42,}={0,2}$/.test(decoded) && looksRandom(decoded, 40, 4) && !isPlaceholder(decoded);
  },
  rate: rateSas,
  reach: "can do what its permissions allow until it expires; an account SAS with delete rights on every container can wipe the storage account, backups included",
  narrower: "issue a user-delegation SAS for one container with only the permissions the job needs and an expiry of hours, minted at run time",
  reference: "https://learn.microsoft.com/rest/api/storageservices/create-account-sas",
  samples: {
    positive: [
      sample("scripts/backup-db.sh", `#!/usr/bin/env bash
set -euo pipefail
pg_dump "$DATABASE_URL" > dump.sql
azcopy copy dump.sql "https://acmeprodbackups.blob.core.windows.net/db/dump.sql?${SAS_ACCOUNT(SIG)}"
`, { expect: { line: 4 } }),
      sample("src/Web/appsettings.json", `{
  "Media": {
    "ConnectionString": "BlobEndpoint=https://acmemedia.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=co&sp=rl&se=2099-06-30T00:00:00Z&spr=https&sig=${SIG_2}"
  }
}
`, { expect: { line: 3 } })
    ],
    negative: [
      sample("docs/storage.md", "Append a SAS such as `?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2025-01-01T00:00:00Z&sig=<signature>` to the container URL.\n"),
      sample("src/sas.ts", "const url = `${container}?sv=2022-11-02&sr=c&sp=r&se=${expiry}&sig=${encodeURIComponent(signature)}`;\n"),
      sample("docs/artifacts.md", `az deploymentmanager artifact-source create -g rg1 -n artifacts --sas-uri "https://acmeartifacts.blob.core.windows.net/artifacts?st=2019-04-10T22%3A12Z&se=2019-04-11T09%3A12Z&sp=rl&sv=2018-03-28&sr=c&sig=${SIG_2}"
`, { note: "expired in 2019" })
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/backup-db.sh", `azcopy copy dump.sql "https://acmeprodbackups.blob.core.windows.net/db/dump.sql?${SAS_ACCOUNT(SIG)}"
`, { expect: { line: 1 } })],
    negative: [sample("scripts/fetch-report.sh", `curl -o report.csv "https://acmereports.blob.core.windows.net/exports/report.csv?sp=r&st=2025-01-06T09:00:00Z&se=2099-01-06T17:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=${SIG}"
`, { note: "service SAS, read one blob" })]
  }
};
var SIGN_IN_SIGNAL = /callbackpath|signin-oidc|redirect_?uri|nextauth|auth_microsoft_entra_id|openidconnect|\bopenid\b|signedoutcallbackpath/i;
var DEPLOY_PRINCIPAL = /\bARM_CLIENT_SECRET\b|subscriptionid|ARM_SUBSCRIPTION_ID|AZURE_SUBSCRIPTION_ID/i;
function rateEntraSecret(context) {
  const names = [context.variable ?? "", ...context.siblings].join(" ");
  const around = `${names}
${surroundings(context)}`;
  if (DEPLOY_PRINCIPAL.test(around)) return { scope: "root", because: "the secret belongs to a deployment service principal (a subscription is named beside it): its Azure roles reach every resource they are assigned on" };
  if (SIGN_IN_SIGNAL.test(around)) return { scope: "scoped", because: "the secret belongs to a sign-in app registration (an OpenID Connect callback sits beside it), which holds no Azure resource roles by itself" };
  const narrow = narrowingWord([context.variable]);
  if (narrow) return { scope: "scoped", because: `variable ${context.variable} names a ${narrow} principal` };
  return { scope: "root", because: "a service principal secret acts with every Azure role and Graph permission granted to the app; they are not in the repository, so it is rated the broad kind" };
}
var ENTRA_SECRET = "LTk8Q~y6~o~35rFYV8IiDgzpcNIZ~vx~MC2QnK9c";
var azureEntraClientSecret = {
  id: "azure-entra-client-secret",
  provider: "azure",
  title: "Microsoft Entra application client secret",
  // Three characters, a format digit, `Q~`, then 31 (format 7) or 34 (format 8) characters.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}(?:7Q~[A-Za-z0-9_~.-]{31}|8Q~[A-Za-z0-9_~.-]{34}))(?![A-Za-z0-9_~.-])/g, keywords: ["q~"] }],
  plausible: (value) => looksRandom(value.slice(6), 28, 3.8) && !isPlaceholder(value.slice(6)),
  rate: rateEntraSecret,
  reach: "signs in as the service principal: with Owner or Contributor on a subscription it can delete every resource there, with Graph directory permissions it can take over the tenant",
  narrower: "use workload identity federation (OIDC) from CI or a managed identity, with a role assignment on the one resource group it needs",
  reference: "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials",
  samples: {
    positive: [
      sample(".github/workflows/infra.yml", `jobs:
  apply:
    runs-on: ubuntu-latest
    env:
      ARM_CLIENT_ID: 7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57
      ARM_CLIENT_SECRET: ${ENTRA_SECRET}
      ARM_TENANT_ID: 0f8e2a61-5c4b-4d3a-8e29-1b7c6d5a4f30
      ARM_SUBSCRIPTION_ID: 5a3b1c9d-7e2f-4a6b-8c0d-2e4f6a8b0c1d
    steps:
      - run: terraform apply -auto-approve
`, { expect: { line: 6 } }),
      sample("src/Web/appsettings.json", `{
  "AzureAd": {
    "Instance": "https://login.microsoftonline.com/",
    "TenantId": "0f8e2a61-5c4b-4d3a-8e29-1b7c6d5a4f30",
    "ClientId": "7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57",
    "ClientSecret": "WXm8Q~IB.xZSqEGS1N5QXTbQfXja3L~Fz~D4Mq-b",
    "CallbackPath": "/signin-oidc"
  }
}
`, { expect: { line: 6 } }),
      sample("tools/graph_sync.py", `import msal

app = msal.ConfidentialClientApplication(
    "7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57",
    client_credential="Fmb7Q~51I4ZcGCkZMJgRs3j4UeMxu.xViuZua",
    authority="https://login.microsoftonline.com/0f8e2a61-5c4b-4d3a-8e29-1b7c6d5a4f30",
)
`, { expect: { line: 5 } })
    ],
    negative: [
      sample("docs/azure.md", "Set `AZURE_CLIENT_SECRET=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` from the app registration page.\n"),
      sample("src/Web/appsettings.json", '{\n  "AzureAd": {\n    "ClientId": "7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57",\n    "ClientSecret": "[Enter the client secret here]"\n  }\n}\n'),
      sample("assets/sprite.css", ".ui.visible.right.sidebar~.ui.visible.left.sidebar~.pusher{transform:translate3d(0,0,0)}\n")
    ]
  },
  scopeSamples: {
    positive: [sample("ci/terraform.env", `ARM_CLIENT_ID=7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57
ARM_CLIENT_SECRET=${ENTRA_SECRET}
ARM_SUBSCRIPTION_ID=5a3b1c9d-7e2f-4a6b-8c0d-2e4f6a8b0c1d
`, { expect: { line: 2 } })],
    negative: [sample("src/Web/appsettings.json", `{
  "AzureAd": {
    "ClientId": "7c1e5a9f-2b3d-4e8a-9f10-6d4c2b8a1e57",
    "ClientSecret": "${ENTRA_SECRET}",
    "CallbackPath": "/signin-oidc"
  }
}
`, { note: "sign-in app registration" })]
  }
};
var ADO_NEW = /^[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}$/;
var ADO_LEGACY = /^[a-z2-7]{52}$/;
var FEED_SIGNAL = /pkgs\.dev\.azure\.com|_packaging|(?:^|\/)(?:\.npmrc|nuget\.config|pip\.conf|\.pypirc)$/i;
function rateDevOpsPat(context) {
  const variable = context.variable ?? "";
  if (/^AZP_TOKEN$/i.test(variable)) return { scope: "scoped", because: "AZP_TOKEN registers a self-hosted agent (Agent Pools: read & manage)" };
  if (FEED_SIGNAL.test(`${context.path}
${context.line}
${context.nearby}`) || /packaging|feed|artifacts|nuget|npm/i.test(variable)) {
    return { scope: "scoped", because: "the token is used for a package feed, which needs only Packaging scope" };
  }
  const narrow = narrowingWord([variable]);
  if (narrow) return { scope: "scoped", because: `variable ${variable} names a ${narrow} token` };
  return { scope: "root", because: "a PAT’s scopes and organisations are not in the value: a full-access PAT acts as its user in every project (and every organisation when created for all)" };
}
var ADO_NEW_PAT = "7apAmnnzCNugxG4WgEmHCTjiYdfAKqaBchd7RucuwCoRA0YJ3531JQQJ99BAACAAAAAAAAAAAAASAZDODlOz";
var ADO_LEGACY_PAT = "mbgy7lwzgpvihqmlpdc7vsgigxa5suu6apr3rsscmulq3cf5pt7f";
var ADO_LEGACY_PAT_2 = "vhugwjb3jhmyyezca7jczdyaw5xofvyvlyv2jl5mepvqyaevq53a";
var azureDevOpsPat = {
  id: "azure-devops-pat",
  provider: "azure",
  title: "Azure DevOps personal access token",
  valuePatterns: [
    // The 84-character format carries the AZDO signature at positions 77-80.
    { regex: /(?<![A-Za-z0-9])([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])/g, keywords: ["azdo"] },
    // Either format as the password of a Git or feed URL.
    { regex: /https:\/\/(?:[^\s:@/'"`]*:)?([a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})@(?:dev\.azure\.com|[a-z0-9-]+\.visualstudio\.com|pkgs\.dev\.azure\.com)/g, keywords: ["dev.azure.com", "visualstudio.com"] }
  ],
  contextPatterns: [
    {
      variable: /^(?:AZURE_DEVOPS(?:_EXT)?_(?:PAT|TOKEN)|AZDO_(?:PERSONAL_ACCESS_TOKEN|PAT|TOKEN)|ADO_(?:[A-Z]+_)*(?:PAT|TOKEN)|VSTS_(?:PAT|TOKEN)|AZP_TOKEN)$|azure[_.-]?devops[_.-]?(?:[a-z]+[_.-]?)?(?:pat|token)|azureDevOps(?:Pat|Token)/i,
      value: /^(?:[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})$/,
      keywords: ["azure_devops", "azure-devops", "azuredevops", "azdo", "ado_", "vsts", "azp_token"]
    },
    { variable: /^personal_access_token$/i, value: /^(?:[a-z2-7]{52}|[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})$/, keywords: ["token"], requires: ["dev.azure.com"] }
  ],
  plausible: (value) => {
    if (!ADO_NEW.test(value) && !ADO_LEGACY.test(value)) return false;
    const random = value.slice(0, 52);
    return !hasTypedRun(value) && !isPlaceholder(random) && looksRandom(random, 40, ADO_LEGACY.test(value) ? 3.8 : 4.2);
  },
  rate: rateDevOpsPat,
  reach: "acts as its user with the scopes it was given; a full-access PAT can delete repositories, pipelines and projects across the organisation",
  narrower: "use Microsoft Entra tokens or a service connection with workload identity; when a PAT is unavoidable, scope it to one organisation and the few scopes the job needs, with a short expiry",
  reference: "https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
  samples: {
    positive: [
      sample("infra/providers.tf", `provider "azuredevops" {
  org_service_url       = "https://dev.azure.com/acme"
  personal_access_token = "${ADO_NEW_PAT}"
}
`, { expect: { line: 3 } }),
      sample("scripts/mirror.sh", `#!/bin/sh
git clone --mirror "https://build:${ADO_LEGACY_PAT}@dev.azure.com/acme/Platform/_git/api" api.git
`, { expect: { line: 2 } }),
      sample("agents/docker-compose.yml", `services:
  agent:
    image: acme/azp-agent:latest
    environment:
      AZP_URL: https://dev.azure.com/acme
      AZP_TOKEN: ${ADO_LEGACY_PAT_2}
      AZP_POOL: linux
`, { expect: { line: 6 } })
    ],
    negative: [
      sample("azure-pipelines.yml", "steps:\n  - script: az devops configure --defaults organization=https://dev.azure.com/acme\n    env:\n      AZURE_DEVOPS_EXT_PAT: $(System.AccessToken)\n"),
      sample("docs/pat.md", "A PAT looks like `abcdefghijklmnopqrstuvwxyz012345679ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnoAZDOabcd`.\n", { note: "Microsoft’s documented example" }),
      sample("scripts/mirror.sh", 'git clone "https://build:${ADO_PAT}@dev.azure.com/acme/Platform/_git/api"\n')
    ]
  },
  scopeSamples: {
    positive: [sample("infra/providers.tf", `provider "azuredevops" {
  org_service_url       = "https://dev.azure.com/acme"
  personal_access_token = "${ADO_NEW_PAT}"
}
`, { expect: { line: 3 } })],
    negative: [sample("ci/feeds.env", `ADO_FEED_READ_PAT=${ADO_LEGACY_PAT}
`, { note: "named for reading a package feed" })]
  }
};
var REDIS_KEY = "CKWFBsEkXpw9gnOYjxGwOiXfsxpSAq2aJazUuFI/W7w=";
var azureCacheRedisKey = {
  id: "azure-cache-redis-key",
  provider: "azure",
  title: "Azure Cache for Redis access key",
  valuePatterns: [
    // StackExchange.Redis connection strings: `<name>.redis.cache.windows.net:6380,password=<key>,ssl=True`.
    { regex: /[a-z0-9-]+\.redis\.cache\.(?:windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)(?::\d+)?,(?:[^,\s"'`]*,){0,6}?password=([A-Za-z0-9+/]{43}=)/gi, keywords: ["redis.cache."] },
    // redis:// URLs: `rediss://:<key>@<name>.redis.cache.windows.net:6380`.
    { regex: /rediss?:\/\/[^:@/\s'"`]*:([A-Za-z0-9+/]{43}=)@[a-z0-9-]+\.redis\.cache\.(?:windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)/gi, keywords: ["redis.cache."] }
  ],
  plausible: (value) => looksRandom(value, 40, 4.2) && !isPlaceholder(value) && !hasTypedRun(value),
  rate: fixed("root-resource", "an access key authenticates as the cache’s default user, which can run every command, FLUSHALL included"),
  reach: "runs any command on the cache, including FLUSHALL, CONFIG and reading every key",
  narrower: "use Microsoft Entra authentication with a data-access policy limited to the commands and keys the app uses, and disable access keys",
  reference: "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-configure#access-keys",
  samples: {
    positive: [
      sample("src/Api/appsettings.Production.json", `{
  "ConnectionStrings": {
    "Redis": "acme-prod.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True,abortConnect=False"
  }
}
`, { expect: { line: 3 } }),
      sample("worker/settings.py", `CELERY_BROKER_URL = "rediss://:${REDIS_KEY}@acme-prod.redis.cache.windows.net:6380/0?ssl_cert_reqs=required"
`, { expect: { line: 1 } })
    ],
    negative: [
      sample("src/Api/appsettings.json", '{\n  "ConnectionStrings": {\n    "Redis": "<cache-name>.redis.cache.windows.net:6380,password=<access-key>,ssl=True,abortConnect=False"\n  }\n}\n'),
      sample("worker/settings.py", 'CELERY_BROKER_URL = f"rediss://:{REDIS_KEY}@acme-prod.redis.cache.windows.net:6380/0"\n')
    ]
  },
  scopeSamples: {
    positive: [sample("worker/settings.py", `CELERY_BROKER_URL = "rediss://:${REDIS_KEY}@acme-prod.redis.cache.windows.net:6380/0"
`, { expect: { line: 1 } })],
    negative: [sample("worker/settings.py", 'CELERY_BROKER_URL = "rediss://:abcdefghijklmnopqrstuvwxyz0123456789/+ABCDE=@acme-prod.redis.cache.windows.net:6380/0"\n', { note: "Microsoft’s documented example value" })]
  }
};
var SERVICE_BUS_KEY = "+q2a+Fbht3ITmgne7Cp8kWpFjqtUfw9ax3ya7RHCiL4=";
var SERVICE_BUS_KEY_2 = "eCP20FEpjXB262T7PE1Xo/qtJ87aEQL4Kw3spbGb5sA=";
var SERVICE_BUS = (policy, key, entity = "") => `Endpoint=sb://acme-prod.servicebus.windows.net/;SharedAccessKeyName=${policy};SharedAccessKey=${key}${entity}`;
var azureServiceBusKey = {
  id: "azure-service-bus-key",
  provider: "azure",
  title: "Azure Service Bus or Event Hubs shared access key",
  valuePatterns: [
    {
      regex: /Endpoint=sb:\/\/[A-Za-z0-9.-]+\.servicebus\.(?:windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)\/?;\s*SharedAccessKeyName=[^;'"\s]+;\s*SharedAccessKey=([A-Za-z0-9+/]{43}=)/g,
      keywords: ["sharedaccesskey="]
    }
  ],
  plausible: (value) => looksRandom(value, 40, 4.2) && !isPlaceholder(value) && !hasTypedRun(value),
  rate: (context) => {
    const policy = /SharedAccessKeyName=([^;'"\s]+)/.exec(context.line)?.[1] ?? "";
    if (/^RootManageSharedAccessKey$|manage/i.test(policy)) return { scope: "root-resource", because: `policy ${policy} has Manage rights on the whole namespace: every queue, topic and event hub` };
    return { scope: "scoped", because: `policy ${policy || "of the connection string"} is a send or listen policy` };
  },
  reach: "with the namespace’s RootManageSharedAccessKey, creates and deletes every queue, topic and event hub and reads or injects every message",
  narrower: "use Microsoft Entra identities with a data-sender or data-receiver role on one entity, or a Send/Listen policy on the one queue or hub",
  reference: "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas",
  samples: {
    positive: [
      sample("functions/local.settings.json", `{
  "Values": {
    "ServiceBusConnection": "${SERVICE_BUS("RootManageSharedAccessKey", SERVICE_BUS_KEY)}"
  }
}
`, { expect: { line: 3 } }),
      sample("ingest/config.py", `EVENT_HUB_CONN = "${SERVICE_BUS("ingest-send", SERVICE_BUS_KEY_2, ";EntityPath=telemetry")}"
`, { expect: { line: 1 } })
    ],
    negative: [
      sample("functions/local.settings.json", '{\n  "Values": {\n    "ServiceBusConnection": "Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"\n  }\n}\n'),
      sample("ingest/.env.example", 'EVENT_HUB_CONN="Endpoint=sb://acme-prod.servicebus.windows.net/;SharedAccessKeyName=ingest-send;SharedAccessKey=${EVENT_HUB_KEY};EntityPath=telemetry"\n')
    ]
  },
  scopeSamples: {
    positive: [sample("functions/local.settings.json", `{
  "Values": {
    "ServiceBusConnection": "${SERVICE_BUS("RootManageSharedAccessKey", SERVICE_BUS_KEY)}"
  }
}
`, { expect: { line: 3 } })],
    negative: [sample("ingest/config.py", `EVENT_HUB_CONN = "${SERVICE_BUS("ingest-send", SERVICE_BUS_KEY_2, ";EntityPath=telemetry")}"
`, { note: "a send policy on one event hub" })]
  }
};
var SEARCH_ADMIN_KEY = "4A3446A1419926CF765769C8EA3FD9F2";
var SEARCH_KEY_VALUE = /^(?:[A-F0-9]{32}|[A-Za-z0-9]{52})$/;
var azureSearchKey = {
  id: "azure-search-key",
  provider: "azure",
  title: "Azure AI Search API key",
  contextPatterns: [
    { header: /^api-key$/i, value: SEARCH_KEY_VALUE, keywords: ["api-key"], requires: ["search.windows.net"] },
    { variable: /search[_.-]?(?:service[_.-]?)?(?:admin[_.-]?|query[_.-]?|api[_.-]?)?key|searchcredential/i, value: SEARCH_KEY_VALUE, keywords: ["search"], requires: ["search.windows.net"] }
  ],
  plausible: (value) => looksRandom(value, 32, 3.2) && !isPlaceholder(value),
  rate: (context) => {
    if (/query/i.test(context.variable ?? "")) return { scope: "scoped", because: `variable ${context.variable} names a query key, which only reads indexes` };
    return { scope: "root-resource", because: "an admin key (query keys cannot be told apart by value) creates, changes and deletes every index of the search service" };
  },
  reach: "with an admin key, creates, overwrites and deletes every index, indexer and data source of the search service",
  narrower: "use a query key where the code only searches, or Microsoft Entra roles on the one index it needs",
  reference: "https://learn.microsoft.com/azure/search/search-security-api-keys",
  samples: {
    positive: [
      sample("indexer/push.py", `from azure.core.credentials import AzureKeyCredential
from azure.search.documents import SearchClient

SEARCH_ENDPOINT = "https://acme-search.search.windows.net"
SEARCH_ADMIN_KEY = "${SEARCH_ADMIN_KEY}"
client = SearchClient(SEARCH_ENDPOINT, "products", AzureKeyCredential(SEARCH_ADMIN_KEY))
`, { expect: { line: 5 } }),
      sample("scripts/reindex.http", `POST https://acme-search.search.windows.net/indexers/products-indexer/run?api-version=2024-07-01
api-key: ${SEARCH_ADMIN_KEY}
`, { expect: { line: 2 } })
    ],
    negative: [
      sample("indexer/push.py", 'SEARCH_ENDPOINT = "https://acme-search.search.windows.net"\nSEARCH_ADMIN_KEY = os.environ["SEARCH_ADMIN_KEY"]\n'),
      sample("web/.env.local.example", "SEARCH_ENDPOINT=https://<service>.search.windows.net\nSEARCH_QUERY_KEY=<query-key>\n")
    ]
  },
  scopeSamples: {
    positive: [sample("indexer/push.py", `SEARCH_ENDPOINT = "https://acme-search.search.windows.net"
SEARCH_ADMIN_KEY = "${SEARCH_ADMIN_KEY}"
`, { expect: { line: 2 } })],
    negative: [sample("web/search.ts", `export const searchEndpoint = 'https://acme-search.search.windows.net';
export const searchQueryKey = '${SEARCH_ADMIN_KEY}';
`, { note: "a query key" })]
  }
};
var azureApimSubscriptionKey = {
  id: "azure-apim-subscription-key",
  provider: "azure",
  title: "Azure API Management or AI services subscription key",
  contextPatterns: [{ variable: /ocp[_.-]?apim[_.-]?subscription[_.-]?key|apim[_.-]?subscription[_.-]?key/i, value: /^[0-9a-f]{32}$/, keywords: ["subscription"] }],
  plausible: (value) => looksRandom(value, 32, 3.2) && !/0123456789abcdef/.test(value),
  rate: fixed("scoped", "a subscription key calls the APIs of one product or one AI services resource"),
  reach: "calls the APIs its subscription or AI services resource allows, billed to its owner",
  narrower: "keep it in the caller’s secret store; rotate it from the subscription or resource keys page after exposure",
  reference: "https://learn.microsoft.com/azure/api-management/api-management-subscriptions",
  samples: {
    positive: [
      sample("scripts/translate.sh", `#!/bin/sh
curl -X POST "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de" \\
  -H "Ocp-Apim-Subscription-Key: 413b6d635522b6035f68864c0641e411" \\
  -H "Content-Type: application/json" -d '[{"Text":"Hello"}]'
`, { expect: { line: 3 } }),
      sample("src/partner-api.ts", "export const partnerApi = axios.create({\n  baseURL: 'https://acme-apim.azure-api.net/orders',\n  headers: { 'Ocp-Apim-Subscription-Key': '413b6d635522b6035f68864c0641e411' },\n});\n", { expect: { line: 3 } })
    ],
    negative: [
      sample("src/partner-api.ts", "export const partnerApi = axios.create({ headers: { 'Ocp-Apim-Subscription-Key': process.env.APIM_KEY! } });\n"),
      sample("docs/api.md", "Send your key in the `Ocp-Apim-Subscription-Key: <subscription-key>` header.\n")
    ]
  }
};
var AZURE_KINDS = [
  azureCosmosDbKey,
  azureStorageAccountKey,
  azureSasToken,
  azureEntraClientSecret,
  azureDevOpsPat,
  azureCacheRedisKey,
  azureServiceBusKey,
  azureSearchKey,
  azureApimSubscriptionKey
];

// knowledge/credentials/cloudflare.ts
var REFERENCE3 = "https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/";
function hasValidCloudflareChecksum(token) {
  const match = /^cf(?:k|ut|at)_([A-Za-z0-9]{40})([0-9a-f]{8})$/.exec(token);
  return match !== null && crc32(match[1]).toString(16).padStart(8, "0") === match[2];
}
var prefixedPattern = (prefix) => ({
  regex: new RegExp(`(?<![A-Za-z0-9_])(${prefix}_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9_])`, "g"),
  keywords: [`${prefix}_`]
});
var GLOBAL_KEY_NAME = /^(?:CLOUDFLARE|CF)_(?:GLOBAL_)?API_KEY$|cloudflare[_.-]?(?:global[_.-]?)?api[_.-]?key|^dns_cloudflare_api_key$|^CF_API_KEY$|^cfApiKey$/i;
var LEGACY_GLOBAL_KEY = /^[0-9a-f]{37,45}$/;
var CFK = "cfk_3lh7piHkqXDe2TC6gctMGSBlt5zTHoVnA48laJdq6086d3d9";
var LEGACY_KEY = "ec1880178db2a36d7aa2372380b21a4c733d5";
var LEGACY_KEY_2 = "72e41ae70603aa9f403fe56a3dbc424232269";
var cloudflareGlobalApiKey = {
  id: "cloudflare-global-api-key",
  provider: "cloudflare",
  title: "Cloudflare Global API Key",
  valuePatterns: [prefixedPattern("cfk")],
  contextPatterns: [
    // The legacy key (37-45 lower-case hex) is always used with the account's email.
    { variable: GLOBAL_KEY_NAME, value: LEGACY_GLOBAL_KEY, keywords: ["cloudflare", "cf_api", "cfapi"], requires: ["email"] },
    { header: /^x-auth-key$/i, value: LEGACY_GLOBAL_KEY, keywords: ["x-auth-key"], requires: ["x-auth-email"] },
    { variable: /^(?:cloudflare\.)?api_key$/, value: LEGACY_GLOBAL_KEY, keywords: ["api_key"], requires: ['provider "cloudflare"', "email"] }
  ],
  plausible: (value) => value.startsWith("cfk_") ? hasValidCloudflareChecksum(value) : !hasTypedRun(value) && !isPlaceholder(value) && looksRandom(value, 37, 3.2),
  rate: fixed("root", "the Global API Key acts as the user with all of their permissions on every account and zone they can reach"),
  reach: "acts as the user on every account and zone they belong to: it can delete zones, DNS records, Workers, R2 buckets and rotate other credentials",
  narrower: "use an API token limited to the permission groups and zones the job needs (for example Zone:DNS:Edit on one zone), with a TTL and client IP filter",
  reference: "https://developers.cloudflare.com/fundamentals/api/get-started/keys/",
  samples: {
    positive: [
      sample("certbot/cloudflare.ini", `# Cloudflare credentials used by certbot
dns_cloudflare_email = ops@acme.io
dns_cloudflare_api_key = ${LEGACY_KEY}
`, { expect: { line: 3 } }),
      sample("traefik/docker-compose.yml", `services:
  traefik:
    image: traefik:v3.1
    environment:
      CF_API_EMAIL: ops@acme.io
      CF_API_KEY: ${LEGACY_KEY_2}
`, { expect: { line: 6 } }),
      sample("scripts/purge-cache.sh", `#!/bin/sh
curl -X POST "https://api.cloudflare.com/client/v4/zones/$ZONE_ID/purge_cache" \\
  -H "X-Auth-Email: ops@acme.io" \\
  -H "X-Auth-Key: ${LEGACY_KEY}" \\
  --data '{"purge_everything":true}'
`, { expect: { line: 4 } }),
      sample("ops/cloudflare.env.yaml", `CLOUDFLARE_EMAIL: ops@acme.io
CLOUDFLARE_API_KEY: ${CFK}
`, { expect: { line: 2 } })
    ],
    negative: [
      sample("certbot/cloudflare.ini", "# Cloudflare API credentials used by Certbot\ndns_cloudflare_email = cloudflare@example.com\ndns_cloudflare_api_key = 0123456789abcdef0123456789abcdef01234567\n", { note: "certbot’s documented example" }),
      sample("traefik/docker-compose.yml", "services:\n  traefik:\n    environment:\n      CF_API_EMAIL: ${CF_API_EMAIL}\n      CF_API_KEY: ${CF_API_KEY}\n"),
      sample("ops/cloudflare.env.yaml", "CLOUDFLARE_EMAIL: ops@acme.io\nCLOUDFLARE_API_KEY: cfk_3lh7piHkqXDe2TC6gctMGSBlt5zTHoVnA48laJdq00000000\n", { note: "checksum fails" })
    ]
  },
  scopeSamples: {
    positive: [sample("certbot/cloudflare.ini", `dns_cloudflare_email = ops@acme.io
dns_cloudflare_api_key = ${LEGACY_KEY}
`, { expect: { line: 2 } })],
    negative: [sample("certbot/cloudflare.ini", "dns_cloudflare_email = ops@acme.io\ndns_cloudflare_api_key = 0123456789abcdef0123456789abcdef01234567\n", { note: "documented example value" })]
  }
};
var TOKEN_NAME = /^(?:CLOUDFLARE|CF)_(?:[A-Z]+_)?API_TOKEN$|cloudflare[_.-]?(?:[a-z]+[_.-]?)?api[_.-]?token|^dns_cloudflare_api_token$|^cfApiToken$/i;
var LEGACY_TOKEN = /^(?=[A-Za-z0-9_-]*[g-zA-Z_-])[A-Za-z0-9_-]{40}$/;
var CFUT = "cfut_iPLkHomeXpKrKSYNHaHLgn1IXRn9CtZW6hGKYkoU6ae2ffb7";
var LEGACY_API_TOKEN = "rVmMk-7N9_6VlWiXUqVxjPmFjslH64dM0hltJ1-e";
var LEGACY_API_TOKEN_2 = "8T4tshMX7wLu7SbMFBTvu5tH7WEFqYZUA2On2lAb";
var cloudflareApiToken = {
  id: "cloudflare-api-token",
  provider: "cloudflare",
  title: "Cloudflare user API token",
  valuePatterns: [prefixedPattern("cfut")],
  contextPatterns: [
    { variable: TOKEN_NAME, value: LEGACY_TOKEN, keywords: ["cloudflare", "cf_", "cfapi"] },
    // Older tooling calls a token CLOUDFLARE_API_KEY; a 40-character value that is not hex is a token, not the key.
    { variable: GLOBAL_KEY_NAME, value: LEGACY_TOKEN, keywords: ["cloudflare", "cf_api", "cfapi"] },
    { variable: /^(?:cloudflare\.)?api_token$/, value: LEGACY_TOKEN, keywords: ["api_token"], requires: ['provider "cloudflare"'] },
    { header: /^authorization$/i, value: LEGACY_TOKEN, keywords: ["authorization"], requires: ["api.cloudflare.com"] }
  ],
  plausible: (value) => value.startsWith("cfut_") ? hasValidCloudflareChecksum(value) : !isPlaceholder(value) && !hasTypedRun(value) && looksRandom(value, 40, 3.8),
  rate: fixed("scoped", "an API token holds only the permission groups and resources chosen when it was created"),
  reach: "does what its permission groups allow on the accounts and zones it was given; an all-zones edit token can rewrite every DNS record",
  narrower: "keep it in CI secrets; limit it to the zones and permission groups the job needs, with a TTL and client IP filter",
  reference: REFERENCE3,
  samples: {
    positive: [
      sample(".github/workflows/pages.yml", `jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: cloudflare/wrangler-action@v3
        with:
          apiToken: ${CFUT}
          command: pages deploy dist --project-name=acme-site
`, { expect: { line: 7 } }),
      sample("infra/cloudflare.tf", `provider "cloudflare" {
  api_token = "${LEGACY_API_TOKEN}"
}

resource "cloudflare_record" "www" {
  zone_id = var.zone_id
  name    = "www"
  type    = "CNAME"
  content = "acme.pages.dev"
}
`, { expect: { line: 2 } }),
      sample("caddy/docker-compose.yml", `services:
  caddy:
    image: ghcr.io/caddybuilds/caddy-cloudflare:latest
    environment:
      CF_DNS_API_TOKEN: ${LEGACY_API_TOKEN_2}
`, { expect: { line: 5 } })
    ],
    negative: [
      sample(".github/workflows/pages.yml", "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n        with:\n          apiToken: ${{ secrets.CLOUDFLARE_API_TOKEN }}\n          accountId: 6480e9d30ee5b575a9580f5b126adfc7\n"),
      sample("docs/tokens.md", "Tokens look like `cfut_iPLkHomeXpKrKSYNHaHLgn1IXRn9CtZW6hGKYkoU0000abcd`.\n", { note: "checksum fails" }),
      sample("wrangler.toml", 'name = "acme-api"\naccount_id = "6480e9d30ee5b575a9580f5b126adfc7"\nmain = "src/index.ts"\n')
    ]
  }
};
var CFAT = "cfat_8cQ8IOeejW3bp3oEmumS5DkdperwTOQVjrFtmBQ1424cbd6c";
var cloudflareAccountApiToken = {
  id: "cloudflare-account-api-token",
  provider: "cloudflare",
  title: "Cloudflare account API token",
  valuePatterns: [prefixedPattern("cfat")],
  plausible: hasValidCloudflareChecksum,
  rate: fixed("scoped", "an account-owned token holds only the permission groups chosen when it was created"),
  reach: "does what its permission groups allow on one account, whoever leaves the team",
  narrower: "keep it in CI secrets; limit it to the permission groups and resources the job needs, with a TTL",
  reference: REFERENCE3,
  samples: {
    positive: [
      sample(".env.deploy", `CLOUDFLARE_ACCOUNT_ID=6480e9d30ee5b575a9580f5b126adfc7
CLOUDFLARE_API_TOKEN=${CFAT}
`, { expect: { line: 2 } }),
      sample("scripts/r2-sync.py", `import boto3

CF_TOKEN = "${CFAT}"
headers = {"Authorization": f"Bearer {CF_TOKEN}"}
`, { expect: { line: 3 } })
    ],
    negative: [
      sample(".env.example", "CLOUDFLARE_ACCOUNT_ID=\nCLOUDFLARE_API_TOKEN=cfat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
      sample("scripts/r2-sync.py", 'CF_TOKEN = "cfat_8cQ8IOeejW3bp3oEmumS5DkdperwTOQVjrFtmBQ10000beef"\n', { note: "checksum fails" })
    ]
  }
};
var ORIGIN_CA_KEY = "v1.0-8891943273102a2562c5ca5d-5dd9dd71fc363c0f8c3f21c7cb0c5e4fcf06f2d440284ad31be207638e1f91ea74acfa84a9b613ba0fc61f2fbe1258f69778d3f88206964b739cc66ae5939595dae757725697b3daf2";
var cloudflareOriginCaKey = {
  id: "cloudflare-origin-ca-key",
  provider: "cloudflare",
  title: "Cloudflare Origin CA key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.-])(v1\.0-[0-9a-f]{24}-[0-9a-f]{146})(?![A-Za-z0-9_-])/g, keywords: ["v1.0-"] }],
  plausible: (value) => looksRandom(value.slice(30), 100, 3.5) && !/0{16,}|f{16,}/.test(value),
  rate: fixed("scoped", "an Origin CA key only creates and revokes origin certificates"),
  reach: "creates and revokes Cloudflare origin certificates for the user’s zones",
  narrower: "keep it in the origin-ca-issuer Secret created at install time; prefer an API token with SSL and Certificates: Edit on one zone",
  reference: "https://developers.cloudflare.com/ssl/origin-configuration/origin-ca/",
  samples: {
    positive: [
      sample("k8s/origin-ca-issuer.yaml", `apiVersion: v1
kind: Secret
metadata:
  name: origin-ca-key
  namespace: cert-manager
type: Opaque
stringData:
  key: ${ORIGIN_CA_KEY}
`, { expect: { line: 8 } }),
      sample(".env.production", `CF_ORIGIN_CA_KEY=${ORIGIN_CA_KEY}
`, { expect: { line: 1 } })
    ],
    negative: [
      sample("CHANGELOG.md", "## v1.0-beta.2\n\n- Release notes for v1.0-rc1 and v1.0-rc2.\n"),
      sample("k8s/origin-ca-issuer.yaml", "stringData:\n  key: v1.0-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxx\n")
    ]
  }
};
var TUNNEL_TOKEN = "eyJhIjoiNGNmZWI2YzJmZjBmOGI3ODZjYzkyYmNiMzJiMzE1ZGYiLCJ0IjoiNDkzZjViZDktYmFjYi00N2RjLWFmZDctZmQ4YWZjNmVmN2I5IiwicyI6IlliSHZsVUFkSDZ4cVg2QTVmMGFWS1puQUZHcG1JancxZGtVVTUwL01RTms9In0=";
var cloudflareTunnelToken = {
  id: "cloudflare-tunnel-token",
  provider: "cloudflare",
  title: "Cloudflare Tunnel token",
  // base64 of {"a": account tag, "t": tunnel id, "s": tunnel secret}.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9+/_-])(eyJhIjoi[A-Za-z0-9+/_-]{60,}={0,2})(?![A-Za-z0-9+/=_-])/g, keywords: ["eyjhijoi"] }],
  plausible: (value) => {
    const payload = base64Json(value);
    return payload !== void 0 && typeof payload.t === "string" && typeof payload.s === "string" && String(payload.s).length >= 32 && !isPlaceholder(String(payload.s));
  },
  rate: fixed("scoped", "a tunnel token runs one tunnel"),
  reach: "runs a connector for the tunnel, so that its hostnames can be served from the holder’s machine",
  narrower: "pass it to cloudflared from a secret store (TUNNEL_TOKEN from a Kubernetes Secret or Docker secret), never in compose files",
  reference: "https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/remote-tunnel-permissions/",
  samples: {
    positive: [
      sample("docker-compose.yml", `services:
  tunnel:
    image: cloudflare/cloudflared:latest
    restart: unless-stopped
    command: tunnel --no-autoupdate run --token ${TUNNEL_TOKEN}
`, { expect: { line: 5 } }),
      sample("k8s/cloudflared.yaml", `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cloudflared
spec:
  template:
    spec:
      containers:
        - name: cloudflared
          image: cloudflare/cloudflared:2024.12.2
          args: [tunnel, run]
          env:
            - name: TUNNEL_TOKEN
              value: "${TUNNEL_TOKEN}"
`, { expect: { line: 14 } })
    ],
    negative: [
      sample("docker-compose.yml", "services:\n  tunnel:\n    image: cloudflare/cloudflared:latest\n    command: tunnel --no-autoupdate run --token ${TUNNEL_TOKEN}\n"),
      sample("docs/tunnel.md", "The token is base64 JSON and starts with `eyJhIjoi`, e.g. `eyJhIjoiYWNjb3VudC10YWciLCJ0IjoidHVubmVsLWlkIiwicyI6InNlY3JldCJ9`.\n")
    ]
  }
};
var ACCESS_SECRET = "3644a3001faef12b122967dc59eaaf5fc03571ff04bd412380358533a6539cfa";
var cloudflareAccessServiceToken = {
  id: "cloudflare-access-service-token",
  provider: "cloudflare",
  title: "Cloudflare Access service token secret",
  contextPatterns: [{ variable: /cf[_.-]?access[_.-]?client[_.-]?secret/i, value: /^[0-9a-f]{64}$/, keywords: ["access"] }],
  plausible: (value) => !hasTypedRun(value) && looksRandom(value, 64, 3.5),
  rate: fixed("scoped", "a service token passes the Access policies that name it"),
  reach: "passes the Cloudflare Access policies that allow the service token, reaching the internal applications behind them",
  narrower: "keep the client secret in a secret store and allow the token only on the applications the job calls",
  reference: "https://developers.cloudflare.com/cloudflare-one/identity/service-tokens/",
  samples: {
    positive: [
      sample("monitoring/probe.py", `import requests

HEADERS = {
    "CF-Access-Client-Id": "4f1e2d3c5b6a79880a1b2c3d4e5f6a7b.access",
    "CF-Access-Client-Secret": "${ACCESS_SECRET}",
}
requests.get("https://grafana.internal.acme.io/api/health", headers=HEADERS)
`, { expect: { line: 5 } }),
      sample(".github/workflows/smoke.yml", `jobs:
  smoke:
    runs-on: ubuntu-latest
    env:
      CF_ACCESS_CLIENT_ID: 4f1e2d3c5b6a79880a1b2c3d4e5f6a7b.access
      CF_ACCESS_CLIENT_SECRET: ${ACCESS_SECRET}
    steps:
      - run: ./smoke.sh
`, { expect: { line: 6 } })
    ],
    negative: [
      sample(".github/workflows/smoke.yml", "jobs:\n  smoke:\n    env:\n      CF_ACCESS_CLIENT_SECRET: ${{ secrets.CF_ACCESS_CLIENT_SECRET }}\n"),
      sample("monitoring/probe.py", 'HEADERS = {"CF-Access-Client-Id": CLIENT_ID, "CF-Access-Client-Secret": os.environ["CF_ACCESS_CLIENT_SECRET"]}\n')
    ]
  }
};
var CLOUDFLARE_KINDS = [
  cloudflareGlobalApiKey,
  cloudflareApiToken,
  cloudflareAccountApiToken,
  cloudflareOriginCaKey,
  cloudflareTunnelToken,
  cloudflareAccessServiceToken
];

// knowledge/credentials/narrowing.ts
var READ_ONLY_WORDS = /* @__PURE__ */ new Set(["readonly", "read", "ro", "reader", "viewer", "readers", "pull", "install"]);
var TEST_WORDS = /* @__PURE__ */ new Set(["test", "testing", "sandbox", "mock", "fake", "dummy", "local", "e2e", "ci_test"]);
function nameWord(context, words2) {
  return wordsOf(context.variable ?? context.header ?? "").find((word) => words2.has(word));
}
var BROWSER_PREFIX = /^(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|PUBLIC_|GATSBY_)/;
function browserExposure(context) {
  const prefix = BROWSER_PREFIX.exec(context.variable ?? "")?.[1];
  return prefix ? `, and the ${prefix} prefix ships it to every browser` : "";
}
function saysReadOnly(context) {
  return /\bread[-_ ]?only\b/i.test(`${context.line}
${context.nearby}`);
}
function readOnlyRating(context, what) {
  const word = nameWord(context, READ_ONLY_WORDS);
  if (word) return { scope: "scoped", because: `variable ${context.variable ?? context.header} names a ${word} ${what}` };
  if (saysReadOnly(context)) return { scope: "scoped", because: `the text beside it says the ${what} is read-only` };
  return void 0;
}
var TYPED_WORDS = /secret|passw|change|session|cookie|super|nextauth|example|develop|product|default|random|string|please|generat|insecure|hasura|admin|token|signing|django|rails|laravel|local|dummy|sample|qwerty|letmein|welcome|hello/i;
function looksGenerated(value, minLength = 16) {
  if (value.length < minLength || /\s/.test(value)) return false;
  if (isHumanPlaceholder(value) || TYPED_WORDS.test(value)) return false;
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= minLength && new Set(value.toLowerCase()).size >= 10;
  return looksRandom(value, minLength, 3.2);
}
function base64urlFragments(text) {
  const bytes = Buffer.from(text, "utf8");
  const fragments = [];
  for (let align = 0; align < 3; align++) {
    const encoded = Buffer.concat([Buffer.alloc(align), bytes]).toString("base64url");
    const first = Math.ceil(8 * align / 6);
    const last = Math.floor(8 * (align + bytes.length) / 6);
    fragments.push(encoded.slice(first, last));
  }
  return fragments;
}

// knowledge/credentials/databases.ts
var SUPABASE_KEYS = "https://supabase.com/docs/guides/api/api-keys";
var SUPABASE_ISSUER = [...base64urlFragments('"iss":"supabase"'), ...base64urlFragments('"iss": "supabase"')].map(escapeRegExp).join("|");
var SUPABASE_JWT = new RegExp(`(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\\.(?=[A-Za-z0-9_-]*(?:${SUPABASE_ISSUER}))eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_.-])`, "g");
function supabaseJwtRating(context) {
  const role = decodeJwt(context.value)?.payload.role;
  if (role === "anon") return { scope: "public", because: "JWT role anon: the legacy publishable key, bound by Row Level Security" };
  if (typeof role === "string" && role !== "service_role") return { scope: "scoped", because: `JWT role ${role}` };
  const because = role === "service_role" ? "JWT role service_role bypasses Row Level Security on the whole project" : "a Supabase-issued JWT without a role claim is rated as the service key";
  return { scope: "root-resource", because: because + browserExposure(context) };
}
var supabaseServiceRoleKey = {
  id: "supabase-service-role-key",
  provider: "supabase",
  title: "Supabase service_role key",
  valuePatterns: [{ regex: SUPABASE_JWT, keywords: ["eyj"] }],
  plausible: (value) => {
    const claims = decodeJwt(value)?.payload;
    if (!claims || claims.iss !== "supabase") return false;
    return !(typeof claims.exp === "number" && claims.exp * 1e3 < Date.now());
  },
  rate: supabaseJwtRating,
  reach: "bypasses Row Level Security: reads, changes and deletes every row, file and user of the Supabase project",
  narrower: "keep the service key on the server only, and give clients the anon or publishable key with Row Level Security policies",
  reference: SUPABASE_KEYS,
  samples: {
    positive: [
      sample("scripts/backfill-profiles.js", "const { createClient } = require('@supabase/supabase-js');\n\nconst supabase = createClient(\n  'https://ygginoqukmzwpujrtqlo.supabase.co',\n  process.env.SUPABASE_SERVICE_ROLE_KEY || 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAwMDAwMCwiZXhwIjoyMDMzNTc2MDAwfQ.BynD1m9qtpr1vA5MMXs3SKhdU7IYycm_eu3QZTO03qE',\n);\n", { expect: { line: 5 } }),
      sample("supabase/docker/.env.production", "############\n# Secrets\n############\nPOSTGRES_HOST=db\nSERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoic3VwYWJhc2UiLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MTg3NTc2NjQwMH0.rhIGIXd9x1EWWMgb4iS8S5Ov5Oc-QvW2IDyOqFsNITA\n", { expect: { line: 5 } })
    ],
    negative: [
      sample("src/lib/supabase.ts", "import { createClient } from '@supabase/supabase-js';\n\nexport const supabase = createClient(\n  'https://ygginoqukmzwpujrtqlo.supabase.co',\n  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MjAzMzU3NjAwMH0.rSsWA-hLJeiytq9mDPLsqsYNBAsQ6VciKx5W73K8H-I',\n);\n", { note: "the anon key ships to browsers by design" }),
      sample("supabase/.env.local", "# `supabase start` prints these local-only keys\nSUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU\n", { note: "Supabase CLI demo key (iss supabase-demo)" }),
      sample("tests/e2e/api.http", "### List orders\nGET https://api.acme.io/v1/orders\nAuthorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOGYzYTIiLCJyb2xlIjoic3RhZmYiLCJpc3MiOiJodHRwczovL2F1dGguYWNtZS5pbyIsImlhdCI6MTc2NDAwMDAwMH0.6M_8UAzZH63g-3xpWqDaqvVszhMruQdXPN5epXsboDI\n", { note: "a JWT another service issued stays the generic jwt kind" })
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/admin.py", 'from supabase import create_client\n\nSUPABASE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxODAwMDAwMCwiZXhwIjoyMDMzNTc2MDAwfQ.BynD1m9qtpr1vA5MMXs3SKhdU7IYycm_eu3QZTO03qE"\nclient = create_client("https://ygginoqukmzwpujrtqlo.supabase.co", SUPABASE_KEY)\n', { expect: { line: 3 } })],
    negative: [sample("scripts/admin.py", 'from supabase import create_client\n\nSUPABASE_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InlnZ2lub3F1a216d3B1anJ0cWxvIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MjAzMzU3NjAwMH0.rSsWA-hLJeiytq9mDPLsqsYNBAsQ6VciKx5W73K8H-I"\nclient = create_client("https://ygginoqukmzwpujrtqlo.supabase.co", SUPABASE_KEY)\n')]
  }
};
var SUPABASE_LOCAL_KEYS = /* @__PURE__ */ new Set(["sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz", "sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH"]);
var supabaseSecretKey = {
  id: "supabase-secret-key",
  provider: "supabase",
  title: "Supabase secret API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(sb_(?:secret|publishable)_[A-Za-z0-9-]{22}_[A-Za-z0-9_-]{8})(?![A-Za-z0-9_-])/g, keywords: ["sb_secret_", "sb_publishable_"] }],
  plausible: (value) => !SUPABASE_LOCAL_KEYS.has(value) && !isPlaceholder(value.replace(/^sb_[a-z]+_/, "")),
  rate: (context) => context.value.startsWith("sb_publishable_") ? { scope: "public", because: "a publishable key is meant for browsers and is bound by Row Level Security" } : { scope: "root-resource", because: `an sb_secret_ key bypasses Row Level Security on the whole project${browserExposure(context)}` },
  reach: "bypasses Row Level Security: reads, changes and deletes every row, file and user of the Supabase project",
  narrower: "keep secret keys on the server only (one per backend component, so each can be revoked alone) and give clients the publishable key",
  reference: SUPABASE_KEYS,
  samples: {
    positive: [
      sample("supabase/functions/_shared/admin.ts", "import { createClient } from 'npm:@supabase/supabase-js@2';\n\nexport const admin = createClient(Deno.env.get('SUPABASE_URL')!, 'sb_secret_75BdvwuoBt7DPJr0uKhI5-_qgWZYNeW');\n", { expect: { line: 3 } }),
      sample("deploy/worker.env.yaml", "env:\n  SUPABASE_URL: https://ygginoqukmzwpujrtqlo.supabase.co\n  SUPABASE_SECRET_KEY: sb_secret_75BdvwuoBt7DPJr0uKhI5-_qgWZYNeW\n", { expect: { line: 3 } })
    ],
    negative: [
      sample("web/.env.production", "NEXT_PUBLIC_SUPABASE_URL=https://ygginoqukmzwpujrtqlo.supabase.co\nNEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=sb_publishable_Dt4AspvZab1qydp0QSdH2D_BEnN95Uu\n", { note: "publishable keys ship to browsers" }),
      sample("tests/setup.ts", "// keys printed by `supabase start` for the local stack\nprocess.env.SUPABASE_SECRET_KEY = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';\n"),
      sample("README.md", "## Environment\n\n| Variable | Value |\n|---|---|\n| `SUPABASE_SECRET_KEY` | `sb_secret_...` from Project Settings > API Keys |\n")
    ]
  },
  scopeSamples: {
    positive: [
      sample("server/db.py", 'SUPABASE_KEY = "sb_secret_75BdvwuoBt7DPJr0uKhI5-_qgWZYNeW"\n', { expect: { line: 1 } }),
      sample("web/.env.production", "VITE_SUPABASE_URL=https://ygginoqukmzwpujrtqlo.supabase.co\nVITE_SUPABASE_KEY=sb_secret_75BdvwuoBt7DPJr0uKhI5-_qgWZYNeW\n", { expect: { line: 2 }, note: "a secret key under a bundler prefix ships to browsers" })
    ],
    negative: [sample("server/db.py", 'SUPABASE_KEY = "sb_publishable_Dt4AspvZab1qydp0QSdH2D_BEnN95Uu"\n')]
  }
};
var supabaseAccessToken = {
  id: "supabase-access-token",
  provider: "supabase",
  title: "Supabase personal access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(sbp_[a-f0-9]{40})(?![A-Za-z0-9_-])/g, keywords: ["sbp_"] }],
  plausible: (value) => !isPlaceholder(value.slice(4)) && new Set(value.slice(4)).size >= 10,
  rate: (context) => readOnlyRating(context, "access token") ?? { scope: "root", because: "a personal access token acts as its user on every organization and project, including deleting projects" },
  reach: "acts as the user on the Management API across every organization and project: can read database passwords and keys, and pause or delete projects",
  narrower: "use a scoped access token limited to one project, or the project’s own keys for data access",
  reference: "https://supabase.com/docs/guides/platform/personal-access-tokens",
  samples: {
    positive: [
      sample(".github/workflows/migrate.yml", "jobs:\n  migrate:\n    runs-on: ubuntu-latest\n    env:\n      SUPABASE_ACCESS_TOKEN: sbp_c18280358b712b72d164a383f4a1b15aa6b4b157\n      SUPABASE_DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n    steps:\n      - uses: supabase/setup-cli@v1\n      - run: supabase db push\n", { expect: { line: 5 } }),
      sample(".cursor/mcp.json", '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--access-token", "sbp_c18280358b712b72d164a383f4a1b15aa6b4b157"]\n    }\n  }\n}\n', { expect: { line: 5 } })
    ],
    negative: [
      sample(".github/workflows/migrate.yml", "jobs:\n  migrate:\n    env:\n      SUPABASE_ACCESS_TOKEN: ${{ secrets.SUPABASE_ACCESS_TOKEN }}\n    steps:\n      - run: supabase db push\n"),
      sample("docs/mcp.md", "Pass `--access-token sbp_0000000000000000000000000000000000000000` or set `SUPABASE_ACCESS_TOKEN`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/link.sh", "#!/bin/sh\nexport SUPABASE_ACCESS_TOKEN=sbp_c18280358b712b72d164a383f4a1b15aa6b4b157\nsupabase link --project-ref ygginoqukmzwpujrtqlo\n", { expect: { line: 2 } })],
    negative: [sample("scripts/link.sh", "#!/bin/sh\n# read-only token for the status dashboard\nexport SUPABASE_READONLY_TOKEN=sbp_c18280358b712b72d164a383f4a1b15aa6b4b157\n")]
  }
};
var supabaseJwtSecret = {
  id: "supabase-jwt-secret",
  provider: "supabase",
  title: "Supabase JWT secret",
  contextPatterns: [
    { variable: /^(?:SUPABASE_(?:AUTH_)?JWT_SECRET|GOTRUE_JWT_SECRET|PGRST_JWT_SECRET|supabaseJwtSecret)$/i, value: /^[\x21-\x7e]{32,512}$/, keywords: ["supabase", "gotrue", "pgrst"] }
  ],
  plausible: (value) => looksGenerated(value, 32),
  rate: (context) => {
    const test = nameWord(context, TEST_WORDS);
    if (test) return { scope: "test", because: `variable ${context.variable} names a ${test} project` };
    return { scope: "root-resource", because: "the JWT secret signs service_role tokens: whoever holds it mints a key that bypasses Row Level Security" };
  },
  reach: "mints service_role tokens for the project: every row, file and user, bypassing Row Level Security",
  narrower: "move the project to asymmetric JWT signing keys and keep the legacy secret out of the repository",
  reference: "https://supabase.com/docs/guides/auth/signing-keys",
  samples: {
    positive: [
      sample("supabase/docker/.env", "POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\nJWT_EXPIRY=3600\nSUPABASE_JWT_SECRET=69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=\n", { expect: { line: 3 } }),
      sample("services/auth/config.ts", "export const auth = {\n  issuer: 'supabase',\n  supabaseJwtSecret: 'Nt4UiEejzb80eM4gWCVQpdRiL8LANwHYH/J3bXPR/u0=',\n};\n", { expect: { line: 3 } })
    ],
    negative: [
      sample("supabase/docker/.env.example", "# CHANGE THIS before going to production\nSUPABASE_JWT_SECRET=your-super-secret-jwt-token-with-at-least-32-characters-long\n"),
      sample("docker-compose.yml", "services:\n  auth:\n    image: supabase/gotrue\n    environment:\n      GOTRUE_JWT_SECRET: super-secret-jwt-token-with-at-least-32-characters-long\n")
    ]
  },
  scopeSamples: {
    positive: [sample("deploy/auth.env.yaml", 'GOTRUE_JWT_SECRET: "69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI="\n', { expect: { line: 1 } })],
    negative: [sample("deploy/auth.env.yaml", 'GOTRUE_JWT_SECRET: "${JWT_SECRET}"\n')]
  }
};
var neonApiKey = {
  id: "neon-api-key",
  provider: "neon",
  title: "Neon API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(napi_[A-Za-z0-9]{32,128})(?![A-Za-z0-9_-])/g, keywords: ["napi_"] }],
  plausible: (value) => !isPlaceholder(value.slice(5)) && /[0-9]/.test(value.slice(5)) && /[A-Za-z]/.test(value.slice(5)),
  rate: (context) => {
    if (wordsOf(context.variable ?? "").includes("project")) return { scope: "scoped", because: `variable ${context.variable} names a project-scoped key` };
    return readOnlyRating(context, "API key") ?? { scope: "root", because: "personal and organization keys share one format: the broad kind reaches every project of the organization" };
  },
  reach: "manages every Neon project the user or organization owns: can reveal and reset database passwords and delete projects and branches",
  narrower: "use a project-scoped API key bound to the one project the job needs",
  reference: "https://neon.com/docs/manage/api-keys",
  samples: {
    positive: [
      sample(".github/workflows/preview.yml", "jobs:\n  branch:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: neondatabase/create-branch-action@v5\n        with:\n          project_id: raspy-leaf-12345678\n          api_key: napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E\n", { expect: { line: 8 } }),
      sample("scripts/reset-branch.sh", '#!/bin/sh\ncurl -X POST "https://console.neon.tech/api/v2/projects/$PROJECT/branches" \\\n  -H "Authorization: Bearer napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E"\n', { expect: { line: 3 } })
    ],
    negative: [
      sample(".github/workflows/preview.yml", "jobs:\n  branch:\n    steps:\n      - uses: neondatabase/create-branch-action@v5\n        with:\n          api_key: ${{ secrets.NEON_API_KEY }}\n"),
      sample("docs/neon.md", "Keys look like `napi_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.ci", "NEON_API_KEY=napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E\n", { expect: { line: 1 } })],
    negative: [sample(".env.ci", "NEON_PROJECT_API_KEY=napi_Rl1J90PUOe7QAxzBpvVY54MR00I7pGTYWRBu3xH4HTUTi2WIukMcY3ChgUETFJ2E\n")]
  }
};
var PLANETSCALE_BODY = (value) => value.replace(/^pscale_[a-z]+_/, "");
var planetscaleServiceToken = {
  id: "planetscale-service-token",
  provider: "planetscale",
  title: "PlanetScale service or OAuth token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(pscale_(?:tkn|oauth)_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/g, keywords: ["pscale_tkn_", "pscale_oauth_"] }],
  plausible: (value) => !isPlaceholder(PLANETSCALE_BODY(value)),
  rate: (context) => readOnlyRating(context, "service token") ?? { scope: "root", because: "a service token’s database and organization grants are not in the repository, so it is rated the broad kind" },
  reach: "acts on the PlanetScale organization with the token’s grants, which can include deleting databases and branches and creating passwords",
  narrower: "grant the service token only the databases and permissions it needs (for example connect_branch on one database)",
  reference: "https://planetscale.com/docs/concepts/service-tokens",
  samples: {
    positive: [
      sample(".github/workflows/deploy-request.yml", "jobs:\n  schema:\n    runs-on: ubuntu-latest\n    env:\n      PLANETSCALE_SERVICE_TOKEN_ID: k2m9x4v7q1wz\n      PLANETSCALE_SERVICE_TOKEN: pscale_tkn_230OzNoXv39iILvyEjoayEXZnHI7TySIs093LXEE3yf\n    steps:\n      - run: pscale deploy-request create acme main\n", { expect: { line: 6 } }),
      sample("ops/pscale.env", "PLANETSCALE_ORG=acme\nPLANETSCALE_TOKEN=pscale_oauth_EVqfs-C0rFUe_mkTC6hUUrnKweVEEudlfbNSOmVVQzV\n", { expect: { line: 2 } })
    ],
    negative: [
      sample(".github/workflows/deploy-request.yml", "jobs:\n  schema:\n    env:\n      PLANETSCALE_SERVICE_TOKEN: ${{ secrets.PLANETSCALE_SERVICE_TOKEN }}\n"),
      sample("docs/planetscale.md", "Service tokens look like `pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("ops/pscale.env", "PLANETSCALE_SERVICE_TOKEN=pscale_tkn_230OzNoXv39iILvyEjoayEXZnHI7TySIs093LXEE3yf\n", { expect: { line: 1 } })],
    negative: [sample("ops/pscale.env", "PLANETSCALE_READONLY_TOKEN=pscale_tkn_230OzNoXv39iILvyEjoayEXZnHI7TySIs093LXEE3yf\n")]
  }
};
var PLANETSCALE_ROLE_WORDS = /* @__PURE__ */ new Set([...READ_ONLY_WORDS, "writer", "readwriter", "readwrite", "write"]);
var planetscalePassword = {
  id: "planetscale-password",
  provider: "planetscale",
  title: "PlanetScale database password",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(pscale_pw_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/g, keywords: ["pscale_pw_"] }],
  plausible: (value) => !isPlaceholder(PLANETSCALE_BODY(value)),
  rate: (context) => {
    const role = nameWord(context, PLANETSCALE_ROLE_WORDS);
    if (role) return { scope: "scoped", because: `variable ${context.variable} names a ${role} password` };
    if (saysRole(context)) return { scope: "scoped", because: "the text beside it names a reader or writer role" };
    return { scope: "root-resource", because: "Admin is the default password role and the role is not in the repository: it can drop every table of the branch" };
  },
  reach: "connects to one database branch; with the default Admin role it can alter and drop every table",
  narrower: "create a password with the reader, writer or readwriter role for the application",
  reference: "https://planetscale.com/docs/concepts/password-roles",
  samples: {
    positive: [
      sample(".env.production", "DATABASE_URL=mysql://c5m4gpsppg9x:pscale_pw_7YYhEGkpHs-wUqbhYIR-cFo4AOTMxo_WCQa5lsgpiK4@aws.connect.psdb.cloud/acme?sslaccept=strict\n", { expect: { line: 1 } }),
      sample("config/database.yml", "production:\n  adapter: trilogy\n  host: aws.connect.psdb.cloud\n  database: acme\n  username: c5m4gpsppg9x\n  password: pscale_pw_7YYhEGkpHs-wUqbhYIR-cFo4AOTMxo_WCQa5lsgpiK4\n", { expect: { line: 6 } })
    ],
    negative: [
      sample("config/database.yml", 'production:\n  host: aws.connect.psdb.cloud\n  password: <%= ENV["PLANETSCALE_PASSWORD"] %>\n'),
      sample("README.md", "Copy the `pscale_pw_...` password from the Connect dialog into `.env`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.production", "DATABASE_PASSWORD=pscale_pw_7YYhEGkpHs-wUqbhYIR-cFo4AOTMxo_WCQa5lsgpiK4\n", { expect: { line: 1 } })],
    negative: [sample(".env.production", "DATABASE_READER_PASSWORD=pscale_pw_7YYhEGkpHs-wUqbhYIR-cFo4AOTMxo_WCQa5lsgpiK4\n")]
  }
};
function saysRole(context) {
  return /\b(?:reader|writer|readwriter|read[-_ ]?only)\b/i.test(`${context.line}
${context.nearby}`);
}
function atlasRating(context) {
  const narrowed = readOnlyRating(context, "Atlas key");
  if (narrowed) return narrowed;
  const names = [context.variable ?? "", ...context.siblings].flatMap((name) => wordsOf(name));
  if (names.includes("project") || names.includes("group")) {
    return { scope: "root-resource", because: "a project-level Atlas key reaches every cluster of one project" };
  }
  return { scope: "root", because: "Atlas keys carry organization roles (often Organization Owner) that are not in the repository" };
}
var mongodbAtlasApiKey = {
  id: "mongodb-atlas-api-key",
  provider: "mongodb-atlas",
  title: "MongoDB Atlas API private key",
  contextPatterns: [
    { variable: /(?:mongodb)?[_.-]?atlas[_.-]?(?:api[_.-]?)?private[_.-]?key|atlasPrivateKey/i, value: UUID, keywords: ["atlas"] },
    // The Terraform provider block and the Atlas CLI config call it plainly `private_key`.
    { variable: /^private[_-]?key$/i, value: UUID, keywords: ["private"], requires: ["mongodbatlas"] }
  ],
  rate: atlasRating,
  reach: "manages the Atlas organization or project with the key’s roles: can create database users and delete clusters and their backups",
  narrower: "use a service account or API key with a project role (Project Read Only, Project Data Access) on the one project it needs, with an IP access list",
  reference: "https://www.mongodb.com/docs/atlas/configure-api-access-org/",
  samples: {
    positive: [
      sample("terraform/providers.tf", 'provider "mongodbatlas" {\n  public_key  = "fmgfjplu"\n  private_key = "04c88b82-ed9c-3639-383e-0d8319e97abe"\n}\n', { expect: { line: 3 } }),
      sample("scripts/atlas.env", "MONGODB_ATLAS_PUBLIC_KEY=fmgfjplu\nMONGODB_ATLAS_PRIVATE_KEY=04c88b82-ed9c-3639-383e-0d8319e97abe\n", { expect: { line: 2 } })
    ],
    negative: [
      sample("terraform/providers.tf", 'provider "mongodbatlas" {\n  public_key  = var.atlas_public_key\n  private_key = var.atlas_private_key\n}\n'),
      sample("src/ids.ts", "export const ATLAS_PROJECT_ID = '64f1c2a9e3b7d4c8e9a12d4e';\nexport const ATLAS_ORG_ID = '5d4e3f2a1b0c6f1c2a9e3b7d';\n")
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/atlas.env", "MONGODB_ATLAS_PRIVATE_KEY=04c88b82-ed9c-3639-383e-0d8319e97abe\n", { expect: { line: 1 } })],
    negative: [sample("scripts/atlas.env", "# read-only key for the metrics exporter\nMONGODB_ATLAS_PRIVATE_KEY=04c88b82-ed9c-3639-383e-0d8319e97abe\n")]
  }
};
var mongodbAtlasServiceAccount = {
  id: "mongodb-atlas-service-account",
  provider: "mongodb-atlas",
  title: "MongoDB Atlas service account secret",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(mdb_sa_sk_[A-Za-z0-9_-]{32,64})(?![A-Za-z0-9_-])/g, keywords: ["mdb_sa_sk_"] }],
  plausible: (value) => !isPlaceholder(value.slice(10)),
  rate: atlasRating,
  reach: "manages the Atlas organization or project with the service account’s roles: can create database users and delete clusters and their backups",
  narrower: "give the service account a project role on the one project it needs, with an IP access list",
  reference: "https://www.mongodb.com/docs/atlas/api/service-accounts-overview/",
  samples: {
    positive: [
      sample(".env.ci", "MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_7a66c887e96759b7f6d1e4cf\nMONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_lEZqyhmb0zFnz3YS3dAQAiPAUy4yvjn0I8QKzpF8\n", { expect: { line: 2 } }),
      sample("ops/atlas_backup.py", 'import requests\n\nCLIENT_ID = "mdb_sa_id_7a66c887e96759b7f6d1e4cf"\nCLIENT_SECRET = "mdb_sa_sk_lEZqyhmb0zFnz3YS3dAQAiPAUy4yvjn0I8QKzpF8"\n', { expect: { line: 4 } })
    ],
    negative: [
      sample(".env.example", "MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_...\nMONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_...\n"),
      sample("ops/atlas_backup.py", 'CLIENT_ID = "mdb_sa_id_7a66c887e96759b7f6d1e4cf"\nCLIENT_SECRET = os.environ["MONGODB_ATLAS_CLIENT_SECRET"]\n')
    ]
  },
  scopeSamples: {
    positive: [sample(".env.ci", "ATLAS_CLIENT_SECRET=mdb_sa_sk_lEZqyhmb0zFnz3YS3dAQAiPAUy4yvjn0I8QKzpF8\n", { expect: { line: 1 } })],
    negative: [sample(".env.ci", "ATLAS_READONLY_CLIENT_SECRET=mdb_sa_sk_lEZqyhmb0zFnz3YS3dAQAiPAUy4yvjn0I8QKzpF8\n")]
  }
};
var DATABASE_KINDS = [
  supabaseServiceRoleKey,
  supabaseSecretKey,
  supabaseAccessToken,
  supabaseJwtSecret,
  neonApiKey,
  planetscaleServiceToken,
  planetscalePassword,
  mongodbAtlasApiKey,
  mongodbAtlasServiceAccount
];

// knowledge/credentials/gcp.ts
var PEM_BODY = String.raw`(?:\\{1,2}n|[A-Za-z0-9+/=\s])+?`;
var CLIENT_EMAIL = /\\?["']client_email\\?["']\s*:\s*\\?["']([^"'\\\s]+@[^"'\\\s]+)/;
function defaultAccount(email) {
  if (/-compute@developer\.gserviceaccount\.com$/.test(email)) return "the Compute Engine default service account, which has the Editor role on the project by default";
  if (/@appspot\.gserviceaccount\.com$/.test(email)) return "the App Engine default service account, which has the Editor role on the project by default";
  if (/@cloudbuild\.gserviceaccount\.com$/.test(email)) return "the legacy Cloud Build service account, which can change most resources of the project";
  if (/^firebase-adminsdk-/.test(email)) return "the Firebase Admin SDK account, which reads and writes every Firebase product of the project";
  return void 0;
}
function rateServiceAccountKey(context) {
  const email = CLIENT_EMAIL.exec(surroundings(context))?.[1] ?? context.siblingValues.client_email ?? "";
  const known = email ? defaultAccount(email) : void 0;
  if (known) return { scope: "root", because: `the key belongs to ${known}` };
  const narrow = narrowingWord([email.split("@")[0], context.variable]);
  if (narrow) return { scope: "scoped", because: `the service account is named for a ${narrow} job (${email || context.variable})` };
  return {
    scope: "root",
    because: `a service-account key acts with every role bound to ${email || "its account"}; the bindings are not in the repository, so it is rated the broad kind`
  };
}
function plausiblePem(value) {
  const body2 = value.replace(/-----[A-Z ]+-----|\\{1,2}n|\s/g, "");
  return body2.length >= 64 && !/\.\.\.|x{8,}|X{8,}/.test(body2);
}
var EXAMPLE_ACCOUNT = /@(?:[a-z0-9-]+\.)*example\.(?:com|org|net)$|\.example$/;
var EXAMPLE_PROJECT = /\\?["']project_id\\?["']\s*:\s*\\?["'][^"'\\]*(?:example|fake|mock|dummy)[^"'\\]*\\?["']/;
function plausibleServiceAccountKey(value, context) {
  if (!plausiblePem(value)) return false;
  const around = surroundings(context);
  const email = CLIENT_EMAIL.exec(around)?.[1] ?? "";
  return !EXAMPLE_ACCOUNT.test(email) && !EXAMPLE_PROJECT.test(around);
}
var SA_JSON = (privateKey2, email) => [
  "{",
  '  "type": "service_account",',
  '  "project_id": "acme-billing-prod",',
  '  "private_key_id": "898a2bd5df628ba35a2b59542975a1d07e8c697f",',
  `  "private_key": "${privateKey2}",`,
  `  "client_email": "${email}",`,
  '  "client_id": "104857362910473829561",',
  '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
  '  "token_uri": "https://oauth2.googleapis.com/token",',
  '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",',
  `  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}",`,
  '  "universe_domain": "googleapis.com"',
  "}",
  ""
].join("\n");
var PEM = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n17eKxz2KciCe9JO/prc0rqK3CnmoCfQgovm90IEdEt1T6cXyz6KzO6a2hZQTPwkk\\n0SrCcPeWlG4F5TOJ9I9bhvrSOenJ5hyNGQDu9T7jUoA3cO3Dv8RqjbkIEAfiADRd\\npB1h6rca9FXhWuYvKn8CCs5s4EJ/Lul3m0UF3DlPhqJqgXDMR4ngkh+eodhuYyrD\\n-----END PRIVATE KEY-----\\n";
var INLINE = (email) => `{"type":"service_account","project_id":"acme-billing-prod","private_key_id":"898a2bd5df628ba35a2b59542975a1d07e8c697f","private_key":"${PEM}","client_email":"${email}","client_id":"104857362910473829561","token_uri":"https://oauth2.googleapis.com/token"}`;
var gcpServiceAccountKey = {
  id: "gcp-service-account-key",
  provider: "gcp",
  title: "Google Cloud service-account key",
  valuePatterns: [
    {
      // The key file's `private_key`, raw, in an inline JSON blob (escaped once or twice) or a YAML block.
      regex: new RegExp(String.raw`\\?["']private_key\\?["']\s*:\s*\\?["'](-----BEGIN (?:RSA )?PRIVATE KEY-----${PEM_BODY}-----END (?:RSA )?PRIVATE KEY-----)`, "g"),
      keywords: ["private_key"],
      requires: ["service_account"]
    }
  ],
  plausible: plausibleServiceAccountKey,
  rate: rateServiceAccountKey,
  reach: "acts as the service account with every IAM role bound to it; an Owner or Editor account can delete every resource of the project, and keys do not expire",
  narrower: "use Workload Identity Federation from CI (no key at all) or attached service accounts, each bound to the few roles its job needs",
  reference: "https://cloud.google.com/iam/docs/service-account-creds#key-types",
  samples: {
    positive: [
      sample("deploy/gcp-key.json", SA_JSON(PEM, "billing-exporter@acme-billing-prod.iam.gserviceaccount.com"), { expect: { line: 5 } }),
      sample(".github/workflows/deploy.yml", `name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      GCP_SA_KEY: '${INLINE("deployer-bot@acme-billing-prod.iam.gserviceaccount.com")}'
    steps:
      - run: gcloud run deploy api --source .
`, { expect: { line: 7 } }),
      sample("docker-compose.yml", `services:
  worker:
    image: acme/worker:1.4
    environment:
      GOOGLE_CREDENTIALS: |
        {
          "type": "service_account",
          "project_id": "acme-billing-prod",
          "private_key": "${PEM}",
          "client_email": "worker@acme-billing-prod.iam.gserviceaccount.com"
        }
`, { expect: { line: 9 } })
    ],
    negative: [
      sample("deploy/gcp-key.example.json", SA_JSON("-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n", "my-sa@my-project.iam.gserviceaccount.com")),
      sample("deploy/wif-config.json", '{\n  "type": "external_account",\n  "audience": "//iam.googleapis.com/projects/4821093/locations/global/workloadIdentityPools/github/providers/acme",\n  "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",\n  "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/deployer@acme-billing-prod.iam.gserviceaccount.com:generateAccessToken",\n  "token_url": "https://sts.googleapis.com/v1/token"\n}\n'),
      sample("tests/data/service_account.json", SA_JSON(PEM, "service-account@example.com"), { note: "a library’s test key for an example.com account" }),
      sample("src/gcp.ts", "// The key file's private_key field holds a PEM block; service_account keys are read from GOOGLE_APPLICATION_CREDENTIALS.\nconst credentials = JSON.parse(process.env.GCP_SA_KEY ?? '{}');\nexport const privateKey: string = credentials.private_key;\n")
    ]
  },
  scopeSamples: {
    positive: [sample("deploy/gcp-key.json", SA_JSON(PEM, "384729105533-compute@developer.gserviceaccount.com"), { expect: { line: 5 } })],
    negative: [sample("deploy/gcp-key.json", SA_JSON(PEM, "bigquery-reader@acme-billing-prod.iam.gserviceaccount.com"), { note: "account named for reading" })]
  }
};
var REFRESH_TOKEN = "1//0tLnQ88kfXjbb0OHzxUwLdewsh1HS_RxLrTWzaKSMcPh2Z8J_i-OrXhRjnUF28uuQAZa4gkcuv5zZ2KKN67-uXJ07PpVXytpfPxVcF";
var GCLOUD_CLIENT_ID = "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com";
var GCLOUD_CLIENT_SECRET = "d-FL95Q19q7MQmFpd7hHD0Ty";
var ADC = (token) => `{
  "account": "",
  "client_id": "${GCLOUD_CLIENT_ID}",
  "client_secret": "${GCLOUD_CLIENT_SECRET}",
  "quota_project_id": "acme-billing-prod",
  "refresh_token": "${token}",
  "type": "authorized_user",
  "universe_domain": "googleapis.com"
}
`;
var NARROW_GOOGLE_API = /developer_token|adwords|googleads|google-ads|auth\/(?:drive|gmail|spreadsheets|calendar|youtube|analytics)/i;
var gcpAuthorizedUserCredentials = {
  id: "gcp-authorized-user-credentials",
  provider: "gcp",
  title: "Google user refresh token (authorized-user credentials)",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_/-])(1\/\/0[A-Za-z0-9_-]{40,})(?![A-Za-z0-9_-])/g, keywords: ["1//0"], requires: ["refresh_token"] }],
  plausible: (value) => looksRandom(value.slice(4), 40, 3.5) && !isPlaceholder(value.slice(4)),
  rate: (context) => {
    const around = `${surroundings(context)}
${context.path}`;
    if (/authorized_user|application_default_credentials|cloud-platform/.test(around)) {
      return { scope: "root", because: "gcloud authorized-user credentials act as the signed-in person with the cloud-platform scope: every project they own or edit" };
    }
    if (NARROW_GOOGLE_API.test(around)) return { scope: "scoped", because: "the refresh token sits beside the settings of one Google product API" };
    return { scope: "root", because: "a Google user refresh token: its OAuth scopes are not in the repository, so it is rated the broad kind" };
  },
  reach: "acts as the signed-in person on every Google Cloud project they can reach, often as Owner, until the token is revoked",
  narrower: "use Workload Identity Federation or an attached service account with the roles the job needs; keep gcloud credentials in the home directory, never in a repository",
  reference: "https://cloud.google.com/docs/authentication/application-default-credentials#personal",
  samples: {
    positive: [
      sample("ops/application_default_credentials.json", ADC(REFRESH_TOKEN), { expect: { line: 6 } }),
      sample("notebooks/earth_engine.py", `import ee

credentials = {
    "client_id": "${GCLOUD_CLIENT_ID}",
    "client_secret": "${GCLOUD_CLIENT_SECRET}",
    "refresh_token": "${REFRESH_TOKEN}",
    "type": "authorized_user",
}
ee.Initialize(ee.ServiceAccountCredentials(None, key_data=credentials))
`, { expect: { line: 6 } })
    ],
    negative: [
      sample("ops/application_default_credentials.json", ADC("<your-refresh-token>")),
      sample("src/google.py", '# Exchange the refresh_token for an access token.\nresp = requests.post(TOKEN_URL, data={"grant_type": "refresh_token", "refresh_token": os.environ["GOOGLE_REFRESH_TOKEN"]})\nprint(1//0)\n')
    ]
  },
  scopeSamples: {
    positive: [sample("ops/application_default_credentials.json", ADC(REFRESH_TOKEN), { expect: { line: 6 } })],
    negative: [sample("config/google-ads.yaml", `developer_token: ${"Qx7vN2pL8mRt4kWz9bYc1d"}
client_id: 418273645019-k2h8s9d7f6g5j4k3l2m1n0b9v8c7x6z5.apps.googleusercontent.com
client_secret: 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
refresh_token: ${REFRESH_TOKEN}
login_customer_id: 4829105736
`, { note: "a Google Ads API token" })]
  }
};
var FIREBASE_SIBLINGS = ["authdomain", "messagingsenderid", "storagebucket", "measurementid", "databaseurl"];
var CLIENT_SHIPPED_PATH = /(?:^|\/)(?:google-services\.json|GoogleService-Info\.plist|AndroidManifest\.xml|Info\.plist)$/;
var BUNDLER_PREFIX = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|PUBLIC_|GATSBY_)/;
var DOCUMENTED_KEYS = /* @__PURE__ */ new Set([
  "AIzaSyabcdefghijklmnopqrstuvwxyz1234567",
  "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs",
  "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM",
  "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU",
  "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0",
  "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A",
  "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c",
  "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4",
  "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY",
  "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM",
  "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ",
  "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g",
  "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU",
  "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw",
  "AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE",
  "AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY"
]);
function rateApiKey(context) {
  const siblings = flatSiblings(context);
  const firebaseSibling = FIREBASE_SIBLINGS.find((name) => siblings.some((sibling) => sibling.endsWith(name)));
  if (firebaseSibling) return { scope: "public", because: `it sits in a Firebase web config (beside ${firebaseSibling}); Firebase API keys identify the project and ship to every browser` };
  if (CLIENT_SHIPPED_PATH.test(context.path)) return { scope: "public", because: `${context.path} ships inside the mobile app` };
  const variable = context.variable ?? "";
  if (/firebase/i.test(variable) || /initializeApp\s*\(|firebaseapp\.com/.test(context.nearby)) return { scope: "public", because: "a Firebase API key identifies the project and ships to every client" };
  if (BUNDLER_PREFIX.test(variable) && /maps|places|geocod/i.test(variable)) return { scope: "public", because: `${variable} is a browser Maps key, public by design and restricted by referrer` };
  return { scope: "scoped", because: "an API key calls the APIs enabled on one project, billed to it" };
}
var gcpApiKey = {
  id: "gcp-api-key",
  provider: "gcp",
  title: "Google API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g, keywords: ["aiza"] }],
  plausible: (value) => !DOCUMENTED_KEYS.has(value) && looksRandom(value.slice(4), 30, 3.5) && !isPlaceholder(value) && !hasTypedRun(value),
  rate: rateApiKey,
  exposedSeverity: "medium",
  reach: "calls every API enabled on the project that the key is not restricted from (Gemini, Maps, Translate...), billed to the project",
  narrower: "restrict the key to the APIs and referrers or apps that use it, and keep server-side keys in a secret manager",
  reference: "https://cloud.google.com/docs/authentication/api-keys",
  samples: {
    positive: [
      sample("server/translate.py", 'from google.cloud import translate_v2\n\nGOOGLE_API_KEY = "AIzaEu9qN9VOntqpRt1NGwMiADK8wu10Q8tbu3N"\nclient = translate_v2.Client(client_options={"api_key": GOOGLE_API_KEY})\n', { expect: { line: 3 } }),
      sample("scripts/gemini.sh", '#!/bin/sh\ncurl "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=AIza6_QVTe4xnzACyoo2KLzdGof1jgls0FDBUXf" \\\n  -H "Content-Type: application/json" -d @prompt.json\n', { expect: { line: 2 } })
    ],
    negative: [
      sample("src/firebase.ts", "import { initializeApp } from 'firebase/app';\n\nconst firebaseConfig = {\n  apiKey: 'AIzaEu9qN9VOntqpRt1NGwMiADK8wu10Q8tbu3N',\n  authDomain: 'acme-web.firebaseapp.com',\n  projectId: 'acme-web',\n  storageBucket: 'acme-web.appspot.com',\n  messagingSenderId: '482910573622',\n  appId: '1:482910573622:web:9f3c2a71d4e85b06c1a7f2',\n};\nexport const app = initializeApp(firebaseConfig);\n", { note: "Firebase web config: public by design" }),
      sample("android/app/google-services.json", '{\n  "project_info": { "project_id": "acme-mobile", "project_number": "482910573622" },\n  "client": [\n    {\n      "api_key": [{ "current_key": "AIza6_QVTe4xnzACyoo2KLzdGof1jgls0FDBUXf" }]\n    }\n  ]\n}\n', { note: "ships inside the Android app" }),
      sample("docs/setup.md", "Set `GOOGLE_API_KEY=AIzaSyabcdefghijklmnopqrstuvwxyz1234567` in your shell.\n")
    ]
  }
};
var gcpOauthClientSecret = {
  id: "gcp-oauth-client-secret",
  provider: "gcp",
  title: "Google OAuth client secret",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/g, keywords: ["gocspx-"] }],
  // gcloud's published client secret is claimed here so that it is rated public rather than reported as a secret.
  contextPatterns: [{ variable: /client[_-]?secret/i, value: new RegExp(`^${GCLOUD_CLIENT_SECRET}$`), keywords: ["secret"] }],
  plausible: (value) => value === GCLOUD_CLIENT_SECRET || looksRandom(value.slice(7), 20, 3.5) && !isPlaceholder(value.slice(7)),
  rate: (context) => context.value === GCLOUD_CLIENT_SECRET ? { scope: "public", because: "gcloud’s installed-app client secret is published in the SDK" } : { scope: "scoped", because: "a client secret lets its holder run one OAuth client’s sign-in flows; it acts for no user on its own" },
  reach: "lets its holder impersonate the OAuth client: phish consent screens in its name and exchange stolen authorization codes for users’ tokens",
  narrower: "keep it in a secret manager; rotate it in the Google Cloud console after exposure",
  reference: "https://support.google.com/cloud/answer/15549257",
  samples: {
    positive: [
      sample(".env.production", "GOOGLE_CLIENT_ID=418273645019-k2h8s9d7f6g5j4k3l2m1n0b9v8c7x6z5.apps.googleusercontent.com\nGOOGLE_CLIENT_SECRET=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\nNEXTAUTH_URL=https://app.acme.io\n", { expect: { line: 2 } }),
      sample("config/client_secret.json", '{"web":{"client_id":"418273645019-k2h8s9d7f6g5j4k3l2m1n0b9v8c7x6z5.apps.googleusercontent.com","project_id":"acme-web","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token","client_secret":"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","redirect_uris":["https://app.acme.io/auth/callback"]}}\n', { expect: { line: 1 } })
    ],
    negative: [
      sample(".env.example", "GOOGLE_CLIENT_ID=\nGOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
      sample("tools/auth.py", `# gcloud's public installed-app client
CLIENT_ID = "${GCLOUD_CLIENT_ID}"
CLIENT_SECRET = "${GCLOUD_CLIENT_SECRET}"
`, { note: "published in the gcloud SDK" })
    ]
  }
};
var ACCESS_TOKEN = "ya29.a0AeDClZhJ3_U-kVwN_8tRSU4gzWw4gqiC2ZZvtKtkPeiiXdDs_xRyfq0qilMovyWGHNbdquyoQJpJhlACloRmcjSgJ-vYcueyvr0WNe-YHQnAPfL6NGCmFd8dfCsHYRqhl7v7ZNrl4fqXInKc5O";
var gcpOauthAccessToken = {
  id: "gcp-oauth-access-token",
  provider: "gcp",
  title: "Google OAuth access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(ya29\.[0-9A-Za-z_-]{50,})(?![A-Za-z0-9_-])/g, keywords: ["ya29."] }],
  plausible: (value) => looksRandom(value.slice(5), 50, 4) && !isPlaceholder(value.slice(5)),
  rate: fixed("scoped", "an access token expires within an hour of being issued"),
  exposedSeverity: "low",
  reach: "acts as the user or service account that requested it, with its scopes, until it expires (an hour at most)",
  narrower: "let the client library fetch tokens at run time; never paste a printed token into code or notes",
  reference: "https://cloud.google.com/docs/authentication/token-types#access",
  samples: {
    positive: [
      sample("scripts/list-buckets.sh", `#!/bin/sh
curl -H "Authorization: Bearer ${ACCESS_TOKEN}" https://storage.googleapis.com/storage/v1/b?project=acme-billing-prod
`, { expect: { line: 2 } }),
      sample("notebooks/debug.ipynb", `{
 "cells": [
  {
   "cell_type": "code",
   "source": [
    "token = \\"${ACCESS_TOKEN}\\"\\n"
   ]
  }
 ]
}
`, { expect: { line: 6 } })
    ],
    negative: [
      sample("scripts/list-buckets.sh", 'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://storage.googleapis.com/storage/v1/b?project=acme-billing-prod\n'),
      sample("docs/auth.md", "Access tokens start with `ya29.` and expire after an hour, e.g. `ya29.a0AfH6SMBx...`.\n")
    ]
  }
};
var GCP_KINDS = [gcpServiceAccountKey, gcpAuthorizedUserCredentials, gcpApiKey, gcpOauthClientSecret, gcpOauthAccessToken];

// knowledge/credentials/generic.ts
var ROOT_NAME_WORDS = /* @__PURE__ */ new Set(["admin", "root", "master", "superuser", "super", "owner", "sudo", "global", "privileged", "sa", "elastic"]);
var TEST_NAME_WORDS = /* @__PURE__ */ new Set(["test", "testing", "sandbox", "mock", "fake", "dummy", "local", "example", "sample", "demo"]);
var USER_WORDS = /* @__PURE__ */ new Set(["user", "username", "login", "uid", "usr"]);
function superuserBeside(context) {
  for (const [name, value] of Object.entries(context.siblingValues)) {
    const words2 = wordsOf(name);
    if (words2.some((word) => USER_WORDS.has(word)) && SUPERUSERS.has(value.trim().toLowerCase())) return `${name} ${value.trim()}`;
  }
  return void 0;
}
function rateByName(context, fallback, accountBeside = false) {
  const words2 = wordsOf(context.variable ?? "");
  const admin = words2.find((word) => ROOT_NAME_WORDS.has(word));
  if (admin) return { scope: "root-resource", because: `variable ${context.variable} names an ${admin} credential` };
  const superuser = accountBeside ? superuserBeside(context) : void 0;
  if (superuser) return { scope: "root-resource", because: `it is the password of ${superuser}, the database's superuser` };
  const test = words2.find((word) => TEST_NAME_WORDS.has(word));
  if (test) return { scope: "test", because: `variable ${context.variable} names a ${test} credential` };
  return fallback;
}
var genericSecret = {
  id: "generic-secret",
  provider: "generic",
  title: "Secret-named value",
  rate: (context) => rateByName(context, { scope: "unknown", because: "the value does not name its provider" }),
  reach: "can do whatever the service that issued it allows; an admin-named secret reaches the whole service",
  narrower: "move it to a secret manager or a git-ignored .env file and issue the narrowest key the service offers",
  exposedSeverity: "medium",
  samples: {
    positive: [
      sample("config/settings.yml", 'payments:\n  provider: acme\n  api_key: "k7Qp2xV9mB4nR8sT1wY6zA3cF5hJ0lN2"\n', { expect: { line: 3 } }),
      sample("src/client.ts", "export const client = createClient({\n  baseUrl: 'https://api.acme.dev',\n  apiToken: 'c8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b',\n});\n", { expect: { line: 3 } }),
      sample("scripts/sync.py", 'import requests\n\nSYNC_SECRET = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\nrequests.post(URL, headers={"X-Secret": SYNC_SECRET})\n', { expect: { line: 3 } }),
      sample("src/env.js", "const signingKey = process.env.WEBHOOK_SIGNING_KEY ?? 'b3JjYS1zaWduaW5nLWtleS0yMDI2LXF3ZXJ0eQ';\nmodule.exports = { signingKey };\n", { expect: { line: 1 } }),
      sample("deploy/values.yaml", 'env:\n  - name: PARTNER_API_TOKEN\n    value: "T9xK2mQ7vB4nW8pR1sY5zA0cF3hJ6lD"\n', { expect: { line: 3 } }),
      sample("src/partners.ts", "export const partner = {\n  name: 'fleetco',\n  partnerApiToken:\n    'Pq7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2e',\n};\n", { expect: { line: 4 }, note: "wrapped by the formatter onto the next line: read through the AST" }),
      sample("app/config.py", 'import os\n\nPAYMENTS_TOKEN = os.getenv("PAYMENTS_API_TOKEN", "Rk3vQ8mW2nL7tX5zB9yC4fH1jD6gS0aP")\n', { expect: { line: 3 }, note: "the default runs wherever the variable is unset" }),
      sample("config/initializers/partner.rb", 'PARTNER_TOKEN = ENV.fetch("PARTNER_API_TOKEN", "Nw6kP1vR8qL3tY5zB2xC9fH4jD7gS0aM")\n', { expect: { line: 1 } }),
      sample("tests/conftest.py", 'import os\n\nos.environ["PAYMENTS_API_TOKEN"] = "Rk3vQ8mW2nL7tX5zB9yC4fH1jD6gS0aP"\n', { expect: { line: 3 } }),
      sample(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/publish --release --api-token 8kQ2vX7mRt4LpZ9wN3cY6bHd\n", { expect: { line: 5 }, note: "a value given to a secret-named command-line flag" }),
      sample("src/config.rs", 'pub const PARTNER_API_KEY: &str = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL";\n', { expect: { line: 1 }, note: "a type between the name and the value" }),
      sample("app/Config/partner.php", "<?php\n$config['partner_api_token'] = 'c8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b';\n", { expect: { line: 2 } }),
      sample("Web.config", '<?xml version="1.0"?>\n<configuration>\n  <appSettings>\n    <add key="PartnerApiToken" value="Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL" />\n  </appSettings>\n</configuration>\n', { expect: { line: 4 }, note: "a .NET appSetting: name and value as attributes" }),
      sample("ios/App/Secrets.plist", '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n	<key>PartnerApiSecret</key>\n	<string>Nw6kP1vR8qL3tY5zB2xC9fH4jD7gS0aM</string>\n</dict>\n</plist>\n', { expect: { line: 5 }, note: "a property list: the value on the line after its key" }),
      sample("app/settings.py", 'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    partner_api_token: str = "Rk3vQ8mW2nL7tX5zB9yC4fH1jD6gS0aP"\n', { expect: { line: 4 }, note: "an annotated field with a default" }),
      sample("internal/client/client.go", 'func newRequest() *http.Request {\n	req, _ := http.NewRequest("GET", base, nil)\n	req.Header.Set("X-Api-Key", "Nw6kP1vR8qL3tY5zB2xC9fH4jD7gS0aM")\n	return req\n}\n', { expect: { line: 3 }, note: "a header set by a call" })
    ],
    negative: [
      sample("config/settings.yml", "payments:\n  api_key: ${PAYMENTS_API_KEY}\n  token_url: https://auth.acme.dev/oauth/token\n  secret_name: payments-api\n"),
      sample("src/client.ts", "const apiToken = process.env.API_TOKEN ?? '';\nconst tokenType = 'Bearer';\nconst maxTokens = 4096;\n"),
      sample("src/i18n.ts", "export const keys = { passwordResetKey: 'auth.password.reset.title', cacheKey: 'user-profile-v2' };\n"),
      sample("k8s/db-credentials.yaml", "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db-credentials\nspec:\n  encryptedData:\n    api_token: AgCtr8KfQ2v9Lm3Xz7Wq1Yp5Rn4Ts6Uv8Bd0Fg2Hj4Kl6Mn8Pq0Rs2Tu4Vw6Xy8Za0Bc2De4Fg6Hi8Jk0Lm2No4Pq6Rs8Tu0Vw2Xy4Za6Bc8De0Fg2\n", { note: "a SealedSecret's encryptedData is ciphertext only the cluster can open" }),
      sample("types/acm.d.ts", "export type PrivateKeyBlob = Buffer|Uint8Array|Blob|string;\n", { note: "a union type" }),
      sample("README.md", "## Configuration\n\nSet `API_KEY=<your-api-key>` and `SECRET_TOKEN=changeme` in your `.env`.\n"),
      sample("deploy/values.yaml", "env:\n  - name: PARTNER_API_TOKEN\n    valueFrom:\n      secretKeyRef:\n        name: partner\n        key: token\n"),
      sample("docs/api/create-mirror.md", 'Output:\n\n```json\n{\n  "ClientToken": "5236b7c2-8a4e-4f0b-9c1d-7e2a6f3b9d96",\n  "IdempotencyToken": "527c60d8e4b94f1a8c2dff42",\n  "LockToken": "447e55ac-0b1e-4c1d-8f4e-2a3b9c1df8b5"\n}\n```\n', { note: "idempotency and concurrency tokens identify a request, they authenticate nothing" }),
      sample("app/config.py", 'import os\n\nPAYMENTS_TOKEN = os.getenv("PAYMENTS_API_TOKEN", "")\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "acme.settings.production")\nSECRET = ENV.fetch("SECRET_KEY_BASE", "changeme")\n'),
      sample("docs/deploy.md", "Deploy from your machine:\n\n```bash\nnpx vercel deploy --prod --token 8kQ2vX7mRt4LpZ9wN3cY6bHd\n```\n", { note: "documentation shows commands as examples; scripts and CI files run them" }),
      sample("docs/config.rst", "Example::\n\n    [profile ci]\n    role_arn = arn:aws:iam::123456789012:role/ci\n    credential_source = Ec2InstanceMetadata\n", { note: "an identifier spelled in CamelCase" }),
      sample("src/lib.rs", 'pub fn client() -> Client {\n    let api_key: String = env::var("PARTNER_API_KEY").expect("set PARTNER_API_KEY");\n    Client::new(&api_key)\n}\n', { note: "a typed binding read from the environment" }),
      sample("oauth2client/flask_util.py", "_SECRET_NAMESPACE = 'oauth2client:secrets#ns'\n_FLOW_KEY = 'google_oauth2_flow_{0}'\nheaders = {'X-Amz-Credential': '%s/%s' % (access_key, scope)}\n", { note: "a namespace and format strings" }),
      sample("connectors/messages.py", 'class AuthConfig(_messages.Message):\n  r"""Fields:\n    authType: The type of authentication configured.\n    oauth2ClientCredentials: Oauth2ClientCredentials.\n    oauth2JwtBearer: Oauth2JwtBearer.\n  """\n', { note: "a docstring lists fields and their types" }),
      sample("proto/descriptor_pb2.py", "DESCRIPTOR = _pool.AddSerializedFile(b'\\x32\\x1f.proto2.MethodOptions.TokenUnit:\\tBYTES_COUNTED\\x1b')\n", { note: "escaped bytes of a serialized descriptor" })
    ]
  },
  scopeSamples: {
    positive: [sample("ops/admin.py", 'ADMIN_API_TOKEN = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\n', { expect: { line: 1 } })],
    negative: [sample("ops/partner.py", 'PARTNER_API_TOKEN = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\n')]
  }
};
var ARGUMENT = /["']?([^\s"'$`;|&()<>]{6,})/;
var afterFlag = (command) => new RegExp(command.source + ARGUMENT.source, "g");
var COMMAND_LINE_PASSWORDS = [
  { regex: afterFlag(/\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mariadb|mariadb-dump)\b[^\n]*?[ \t]-p(?![ \t])/), keywords: ["mysql", "mariadb"] },
  { regex: afterFlag(/\bdocker[ \t]+login\b[^\n]*?[ \t]-p[ \t]+/), keywords: ["docker login"] },
  { regex: afterFlag(/\bsshpass[ \t]+-p[ \t]*/), keywords: ["sshpass"] },
  { regex: afterFlag(/\bredis-cli\b[^\n]*?[ \t]-a[ \t]+/), keywords: ["redis-cli"] },
  { regex: /\bcurl\b[^\n]*?[ \t](?:-u|--user)[ \t=]+["']?[^\s:"'$`]+:([^\s"'$`@;|&()<>]{6,})/g, keywords: ["curl"] }
];
var ARGUMENT_BEFORE = String.raw`\s*(?:"[^"\n]*"|'[^'\n]*'|[^,()'"\n]+)\s*,`;
var passwordArgument = (call, before) => new RegExp(String.raw`${call}\(${ARGUMENT_BEFORE.repeat(before)}\s*["']([^"'\s]{6,200})["']`, "g");
var CLIENT_CALL_PASSWORDS = [
  { regex: passwordArgument(String.raw`\bnew\s+PDO\s*`, 2), keywords: ["pdo"] },
  { regex: passwordArgument(String.raw`\b(?:mysqli_connect|new\s+mysqli|mysql_connect)\s*`, 2), keywords: ["mysql"] },
  { regex: passwordArgument(String.raw`\bDriverManager\.getConnection\s*`, 2), keywords: ["getconnection"] },
  { regex: passwordArgument(String.raw`\bnew\s+Sequelize\s*`, 2), keywords: ["sequelize"] },
  { regex: passwordArgument(String.raw`\b(?:pymysql|MySQLdb|mysql\.connector)\.connect\s*`, 2), keywords: ["pymysql", "mysqldb", "mysql.connector"] }
];
var hardcodedPassword = {
  id: "hardcoded-password",
  provider: "generic",
  title: "Hard-coded password",
  valuePatterns: [...COMMAND_LINE_PASSWORDS, ...CLIENT_CALL_PASSWORDS],
  plausible: (value, context) => value.length >= 8 && !isHumanPlaceholder(value) && !isHashOrCiphertext(value) && !/^(?:\/|\.\/|~\/|https?:\/\/|arn:)/.test(value) && // A value that says "password" is a label or a field name (`challengePassword`), not a password.
  !/pass(?:word|wd)/i.test(value) && // A camelCase identifier (`allPass: 'overEvery'` in a function table) names code, not a password.
  !/^[a-z]+(?:[A-Z][a-z]+)+$/.test(value) && !/\s/.test(value) && // A password equal to the user or database name beside it (`ledgerly`/`ledgerly`) is a local default.
  !Object.values(context.siblingValues).some((sibling) => sibling.toLowerCase() === value.toLowerCase()),
  rate: (context) => rateByName(context, { scope: "unknown", because: "the password does not say which account it opens" }, true),
  reach: "opens the account it belongs to; a root or admin password opens every database or tenant on the server",
  narrower: "read it from a secret store at run time and give the application a user limited to its own database",
  exposedSeverity: "medium",
  samples: {
    positive: [
      sample("docker-compose.prod.yml", 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: acme\n      POSTGRES_PASSWORD: "Vt7#qL2w!Rb9zX4e"\n', { expect: { line: 6 } }),
      sample("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db.internal.acme.io:5432/orders\nspring.datasource.username=orders\nspring.datasource.password=Gq83!vPz2mLw\n", { expect: { line: 3 } }),
      sample("config/mail.toml", '[smtp]\nhost = "smtp.acme.io"\nuser = "alerts"\npassword = "nW4$kf93Lp2q"\n', { expect: { line: 4 } }),
      sample("scripts/backup.sh", "#!/bin/sh\nexport PGPASSWORD='q7Vd2LmX9wRt4KpZ'\npg_dump -h orders-db.internal -U orders orders > /backups/orders.sql\n", { expect: { line: 2 } }),
      sample("scripts/restore.sh", "#!/bin/sh\nmysql -h orders-db.internal -u orders -pq7Vd2LmX9wRt4KpZ orders < /backups/orders.sql\n", { expect: { line: 2 }, note: "mysql takes the password glued to -p" }),
      sample(".github/workflows/publish.yml", "jobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker login -u acme -p Xk9mQ2vL7pRt4wZb registry.acme.io\n", { expect: { line: 5 } }),
      sample("ops/trigger.sh", "curl -X POST -u deploy:Vt7qL2wRb9zX4eKp https://ci.acme.io/job/release/build\n", { expect: { line: 1 } }),
      sample("wp-config.php", "<?php\ndefine( 'DB_NAME', 'shop' );\ndefine( 'DB_PASSWORD', 'Qm7vX2pL9kRt4wZb' );\n", { expect: { line: 3 }, note: "a PHP constant defined by a call" }),
      sample("cmd/worker/main.go", 'package main\n\nvar smtpPassword string = "Vt7qL2wRb9zX4eKp"\n', { expect: { line: 3 } }),
      sample("web/db.php", "<?php\n$db = new PDO('mysql:host=shop-db.acme.io;dbname=shop', 'shop', 'S7vkQ2mXp9LwR4zT');\n", { expect: { line: 2 }, note: "the password is the third argument" }),
      sample("src/models/index.js", "const { Sequelize } = require('sequelize');\n\nconst sequelize = new Sequelize('orders', 'orders_app', 'Nq4vL8mXr2KpZ7wT', {\n  host: 'orders-db.acme.io',\n  dialect: 'postgres',\n});\n", { expect: { line: 3 } }),
      sample("src/main/java/com/acme/Db.java", 'Connection c = DriverManager.getConnection(JDBC_URL, "orders", "Rb6vQ3mXk9LwT2zP");\n', { expect: { line: 1 } }),
      sample("android/gradle.properties", "android.useAndroidX=true\nRELEASE_STORE_FILE=release.jks\nRELEASE_STORE_PASSWORD=Kp9vQ2mXr7LwT4zB\n", { expect: { line: 3 }, note: "an Android keystore password" }),
      sample("app/build.gradle", 'android {\n    signingConfigs {\n        release {\n            storeFile file("release.jks")\n            storePassword "Kp9vQ2mXr7LwT4zB"\n            keyAlias "upload"\n        }\n    }\n}\n', { expect: { line: 5 }, note: "Gradle's Groovy DSL: a name given a string without an operator" }),
      sample("src/mailer.ts", "import nodemailer from 'nodemailer';\n\nconst smtpPassword: string = 'Vt7qL2wRb9zX4eKp';\n", { expect: { line: 3 }, note: "a type annotation before the value" })
    ],
    negative: [
      sample("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n      MYSQL_ROOT_PASSWORD: example\n"),
      sample(".github/workflows/ci.yml", "jobs:\n  test:\n    services:\n      postgres:\n        image: postgres\n        env:\n          POSTGRES_PASSWORD: testpass123\n"),
      sample("src/main/resources/application.properties", "spring.datasource.password=${DB_PASSWORD}\nspring.security.password-policy.min-length=12\n"),
      sample("config/users_database.yml", 'users:\n  john:\n    password: "$argon2id$v=19$m=65536,t=3,p=4$BpLnfgDsc2WD8F2q$o/vzA4myCqZZ36bUGsDY//8mKUYNZZaR0t4MFFSs+iM"\n  harry:\n    password: "$2y$10$KIXQJvM3ohdZ5.Z2hLk5tOfKpoQm8DkBzVt3tF2v4rQw3bK1hZ6Ka"\n', { note: "password hashes (Authelia users file): what a login checks against" }),
      sample("app/fixtures/users.json", '[{"model": "auth.user", "pk": 1, "fields": {"username": "admin", "password": "pbkdf2_sha256$600000$Wq3kY8nVbZ2xP4rT$eH2Yx6b1jQm3nK9pL0sR5tU7vW8xZ1aB2cD3eF4gH5i="}}]\n', { note: "Django's stored hash format" }),
      sample("compose.yml", "services:\n  api:\n    environment:\n      ENCRYPTED_DB_PASSWORD: AQICAHhN3v9kQ2xLmP7bR4tY8wZ1aC5dE6fG0hJ2kL3mN4oP5qR6sAGl3kT9vX2yZ8wB4cD1eF7gH0jK5mN2pQ6rS9tU3vW==\n", { note: "AWS KMS ciphertext, decrypted at run time" }),
      sample("lib/constants/client.js", "exports.LONG_PASSWORD = 0x00000001;\nexports.FOUND_ROWS = 0x00000002;\n", { note: "a flag constant" }),
      sample("fp/_mapping.js", "exports.aliasToReal = { 'allPass': 'overEvery', 'anyPass': 'overSome' };\n", { note: "a table of function names" }),
      sample("clients/cognito.d.ts", "  /**\n   * The authentication flow. For example:\n   *    ADMIN_USER_PASSWORD_AUTH: Admin-based user password authentication.\n   */\n", { note: "documentation prose" }),
      sample("src/forms.ts", "const labels = { password: 'Password', confirmPassword: 'Confirm password', passwordHint: 'At least 12 characters' };\n"),
      sample("scripts/restore.sh", '#!/bin/sh\nmysql -h orders-db.internal -u orders -p orders < /backups/orders.sql\ndocker login -u "$REGISTRY_USER" -p "$REGISTRY_TOKEN" registry.acme.io\ncurl -u "$CI_USER:$CI_TOKEN" https://ci.acme.io/job/release/build\n', { note: "a prompt (-p then a database name) and references" }),
      sample("docs/registry.md", "Sign in with `docker login -u AWS -p <password> https://<account>.dkr.ecr.eu-west-1.amazonaws.com`.\n"),
      sample("include/llvm/IR/PassManagers.h", "struct ExternalAAWrapperPass : ImmutablePass {\n  using ModulePass::doInitialization;\n  /// Return true if -debug-pass=Executions or more.\n};\n", { note: "compiler passes, a scope operator and a mode flag in C++" }),
      sample("apis/oracledatabase_messages.py", 'class Encryption(_messages.Message):\n  r"""Fields:\n    password: Required. The password used to encrypt the keys inside the wallet.\n    adminPassword: Deprecated: For improved security, specify the password in a secret.\n  """\n', { note: "a docstring describes the field" }),
      sample("tests/auth.test.ts", "const user = { email: 'alice@example.com', password: 'correct-horse-battery-staple' };\n", { note: "the xkcd example passphrase" }),
      sample("Web.config", '<configuration>\n  <appSettings>\n    <add key="ClientValidationEnabled" value="true" />\n    <add key="TokenLifetimeMinutes" value="60" />\n  </appSettings>\n</configuration>\n'),
      sample("ios/App/Info.plist", '<plist version="1.0">\n<dict>\n	<key>CFBundleIdentifier</key>\n	<string>com.acme.app</string>\n	<key>NSFaceIDUsageDescription</key>\n	<string>Unlock your secrets</string>\n</dict>\n</plist>\n'),
      sample("app/build.gradle", 'android {\n    signingConfigs {\n        release {\n            storePassword System.getenv("STORE_PASSWORD")\n            keyPassword project.findProperty("keyPassword")\n        }\n    }\n}\n', { note: "read from the environment and from Gradle properties" }),
      sample("public/login.html", '<form method="post"><input type="hidden" name="authenticity_token" value="Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"></form>\n', { note: "a Rails form's CSRF token" }),
      sample("src/vault.py", 'PASSWORD_STORE_DIR = "Xk9mQ2vL7pRt4wZb"\nSECRET_STORAGE = "Vt7qL2wRb9zX4eKp"\n', { note: "where passwords and secrets are kept, not one" }),
      sample("tests/db/test_password.py", 'log.debug("\\npassword=%s\\nexpected=%s" % (obj.password, expected))\n'),
      sample("src/main/java/com/acme/Keytool.java", "if (keyPass == null) {\n    keyPass = storePass;\n}\nchar[] newPass = promptForPassword();\n", { note: "in code, a bare right-hand side is a variable" }),
      sample("web/db.php", "<?php\n$db = new PDO($dsn, $user, getenv('DB_PASSWORD'));\n$link = mysqli_connect('localhost', 'root', '');\n", { note: "the password read from the environment, and an empty one" }),
      sample("apis/securitycenter_messages.py", "  Values:\n    OS_CREDENTIAL_DUMPING_ETC_PASSWORD_AND_ETC_SHADOW: T1003.008\n")
    ]
  },
  scopeSamples: {
    positive: [
      sample("deploy/mysql.env.yaml", 'MYSQL_ROOT_PASSWORD: "Vt7#qL2w!Rb9zX4e"\n', { expect: { line: 1 } }),
      sample("docker-compose.prod.yml", 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: postgres\n      POSTGRES_PASSWORD: "Vt7qL2wRb9zX4eKpWm3nQ8"\n', { expect: { line: 6 }, note: "the account is named beside the password" }),
      sample("wp-config.php", "<?php\ndefine( 'DB_USER', 'root' );\ndefine( 'DB_PASSWORD', 'Qm7vX2pL9kRt4wZb' );\n", { expect: { line: 3 } }),
      sample("src/main/resources/application.properties", "spring.datasource.username=postgres\nspring.datasource.password=Gq83vPz2mLwK\n", { expect: { line: 2 } })
    ],
    negative: [
      sample("deploy/app.yaml", 'APP_DB_PASSWORD: "Vt7#qL2w!Rb9zX4e"\n'),
      sample("docker-compose.prod.yml", 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: orders_app\n      POSTGRES_PASSWORD: "Vt7qL2wRb9zX4eKpWm3nQ8"\n', { note: "an application account" })
    ]
  }
};
var SUPERUSERS = /* @__PURE__ */ new Set(["postgres", "root", "admin", "administrator", "sa", "sys", "system", "rdsadmin", "doadmin", "avnadmin", "supabase_admin", "elastic", "master", "superuser", "dbadmin", "mongoadmin"]);
var READ_ONLY_USER = /(?:^|[_.-])(?:ro|readonly|read_only|reader|read|viewer|replica|analytics)(?:$|[_.-])/i;
var LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|[a-z0-9_-]+)$/i;
function connectionUrlAround(line, password) {
  const at = line.indexOf(`:${password}@`);
  if (at === -1) return void 0;
  const before = line.slice(0, at);
  const schemeAt = before.lastIndexOf("://");
  if (schemeAt === -1) return void 0;
  const scheme = /([a-z][a-z0-9+.:-]*)$/i.exec(before.slice(0, schemeAt))?.[1]?.toLowerCase() ?? "";
  const user = decodeURIComponent(before.slice(schemeAt + 3));
  const host = /^([^/:?#\s'"`]+)/.exec(line.slice(at + password.length + 2))?.[1]?.toLowerCase() ?? "";
  return { scheme, user, host };
}
var DB_SCHEMES = "postgres(?:ql)?|mysqlx?|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|neo4j(?:\\+s)?|jdbc:[a-z]+";
var databaseConnectionString = {
  id: "database-connection-string",
  provider: "database",
  title: "Database connection string with a password",
  valuePatterns: [
    {
      // Group 1 is the password inside `scheme://user:password@host`. Written forwards (no lookbehind) so the
      // engine can skip ahead to each scheme instead of testing a lookbehind at every position.
      regex: new RegExp(`\\b(?:${DB_SCHEMES})://[^\\s:@/'"\`]*:([^\\s@/'"\`]{3,200})@[^\\s/'"\`]+`, "gi"),
      // The scheme names, not `://`: every URL has that, few files name a database scheme.
      keywords: ["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver", "cockroachdb", "clickhouse", "neo4j", "jdbc:"]
    },
    {
      // ADO.NET / ODBC: `Server=...;User Id=...;Password=...`.
      regex: /\b(?:Server|Data Source|Host)=[^;'"\n]{1,200};[^'"\n]{0,300}?\b(?:Password|Pwd)=([^;'"\s]{3,200})/gi,
      keywords: ["password=", "pwd="]
    }
  ],
  plausible: (value, context) => {
    if (isHumanPlaceholder(value) || /^[$%{<*]/.test(value)) return false;
    const url = connectionUrlAround(context.line, value);
    if (!url) return true;
    if (url.user === value || url.user === "") return url.user === "" && !LOCAL_HOST.test(url.host);
    return !LOCAL_HOST.test(url.host) && !/(?:^|\.)(?:example|test|invalid|local)(?:\.|$)/.test(url.host);
  },
  rate: (context) => {
    const url = connectionUrlAround(context.line, context.value);
    const user = url?.user ?? /\b(?:User Id|Uid|User)=([^;]+)/i.exec(context.line)?.[1]?.trim() ?? "";
    const base = user.split(".")[0].toLowerCase();
    if (SUPERUSERS.has(base) || base.endsWith("_owner") || base === "neondb_owner") {
      return { scope: "root-resource", because: `database user ${base} is the server's superuser` };
    }
    if (url && url.user === "" && url.scheme.startsWith("redis")) return { scope: "root-resource", because: "a Redis URL with no user authenticates as the default user, which can run any command" };
    if (READ_ONLY_USER.test(user)) return { scope: "scoped", because: `database user ${user} is read-only by name` };
    return { scope: "scoped", because: user ? `database user ${user} is an application user` : "the connection string names an application user" };
  },
  reach: "opens the database; as a superuser (postgres, root, sa, doadmin) it can drop every database on the server",
  narrower: "connect as an application user that owns only its own schema, with the password in a secret store",
  samples: {
    positive: [
      sample("scripts/migrate.sh", '#!/bin/sh\nexport DATABASE_URL="postgres://orders_app:N8vq2Lx7Rt4m@orders-db.c9xk2lq0abcd.eu-west-1.rds.amazonaws.com:5432/orders"\nnpx prisma migrate deploy\n', { expect: { line: 2 } }),
      sample("docs/runbook.md", '# Restoring\n\nConnect with `psql "postgresql://postgres:Hq7vN2xL9pRt@db.abcdefghijklmnopqrst.supabase.co:5432/postgres"`.\n', { expect: { line: 3 } }),
      sample("appsettings.json", '{\n  "ConnectionStrings": {\n    "Default": "Server=tcp:acme.database.windows.net,1433;Database=acme;User Id=acme_app;Password=Xr7!pQ2vLm9z;"\n  }\n}\n', { expect: { line: 3 } })
    ],
    negative: [
      sample("docker-compose.yml", "services:\n  api:\n    environment:\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app\n"),
      sample(".env.example", "DATABASE_URL=postgresql://user:password@localhost:5432/mydb\n"),
      sample("README.md", 'Connect with `createClient({ url: "redis://alice:foobared@awesome.redis.server:6380" })`.\n', { note: "Redis's documented sample password" }),
      sample("src/db.ts", "const url = `postgres://${user}:${password}@${host}:5432/${db}`;\n"),
      sample("README.md", "Use `mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/test`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/restore.sh", 'psql "postgres://postgres:Hq7vN2xL9pRt@db.abcdefghijklmnopqrst.supabase.co:5432/postgres" < dump.sql\n', { expect: { line: 1 } })],
    negative: [sample("scripts/report.sh", 'psql "postgres://analytics_ro:Hq7vN2xL9pRt@reports.c9xk2lq0abcd.eu-west-1.rds.amazonaws.com:5432/app" -f report.sql\n')]
  }
};
var basicAuthUrl = {
  id: "basic-auth-url",
  provider: "generic",
  title: "URL with a password in it",
  valuePatterns: [
    {
      regex: /\bhttps?:\/\/[A-Za-z0-9._~%!$&'()*+,;=-]{1,100}:([^\s@/'"`<>]{6,200})@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
      keywords: ["http://", "https://"]
    }
  ],
  plausible: (value, context) => {
    if (isHumanPlaceholder(value) || /^[$%{<*]/.test(value)) return false;
    const url = connectionUrlAround(context.line, value);
    return !url || !LOCAL_HOST.test(url.host) && !/(?:^|\.)(?:example|test|invalid|local)(?:\.|$)/.test(url.host) && url.user !== value;
  },
  rate: () => ({ scope: "unknown", because: "the URL does not say what the account may do" }),
  reach: "signs in to the service as that user, wherever the URL is used",
  narrower: "use a token with the narrowest scope the service offers, kept out of the URL and the repository",
  samples: {
    positive: [sample("scripts/publish.sh", 'curl -u deploy --upload-file pkg.tgz "https://deploy:Qm8vX2pL7nRt@artifacts.acme-internal.io/repository/npm/"\n', { expect: { line: 1 } })],
    negative: [
      sample("scripts/publish.sh", 'git clone "https://x-access-token:${GITHUB_TOKEN}@github.com/acme/app.git"\n'),
      sample("docs/setup.md", "Point it at `https://user:password@registry.example.com`.\n"),
      sample("README.md", "Example: `url.parse('http://user:pass@host.com:8080/p/a/t/h?query=string#hash')`\n", { note: "secretlint matches the whole URL; the password alone is judged" })
    ]
  }
};
var PEM2 = /(-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:\\n|[\r\n\s])+[A-Za-z0-9+/=:,\-\s\\]{40,}?(?:\\n|[\r\n\s])*-----END \2-----)/g;
var privateKey = {
  id: "private-key",
  provider: "private-key",
  title: "Private key",
  valuePatterns: [{ regex: PEM2, keywords: ["private key"] }],
  plausible: (value) => {
    const body2 = value.replace(/-----[A-Z ]+-----|\\n|\s/g, "");
    return body2.length >= 64 && !/\.\.\.|x{8,}|X{8,}/.test(body2) && !isHumanPlaceholder(body2.slice(0, 32));
  },
  rate: (context) => {
    const path2 = context.path.toLowerCase();
    const names = [context.variable ?? "", ...context.siblings].join(" ").toLowerCase();
    if (/(?:^|\/)(?:ca|ca-key|ca_key|root-ca|rootca|etcd\/ca|pki\/ca)[^/]*\.(?:key|pem)$/.test(path2) || /\bca[_-]?key\b/.test(names)) return { scope: "root", because: "a certificate authority key signs any identity the CA is trusted for" };
    if (/github[_-]?app|app[_-]?id|private-key\.pem$/.test(`${names} ${path2}`) && /github|app[_-]?id/.test(`${names} ${path2}`)) return { scope: "root", because: "a GitHub App key mints installation tokens for every organisation that installed the app" };
    if (/OPENSSH PRIVATE KEY/.test(context.value) || /(?:^|\/)id_(?:rsa|ed25519|ecdsa|dsa)$/.test(path2)) return { scope: "root", because: "an SSH key opens every host that trusts it" };
    if (/ENCRYPTED|Proc-Type: 4,ENCRYPTED/.test(context.value)) return { scope: "scoped", because: "the key is encrypted with a passphrase" };
    if (/(?:^|\/)(?:ssl|tls|certs?|https)\/|(?:server|tls|privkey|cert)[^/]*\.(?:key|pem)$/.test(path2) || /\b(?:tls|ssl)\b/.test(names)) return { scope: "scoped", because: "a TLS key serves one set of host names" };
    return { scope: "root-resource", because: "nothing in the repository says what the key signs, so it is treated as the broad kind" };
  },
  reach: "signs as its owner: an SSH key opens every host that trusts it, a CA key mints any identity, an app key acts for every installation",
  narrower: "keep keys in a secret store or the host keychain; use short-lived certificates or deploy keys scoped to one host or repository",
  samples: {
    positive: [
      sample("deploy/id_deploy", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACB7m4vY3a2S0tQqj8Jx1xg7n2kq3v9a8c0d1e2f3g4h5iAAAAmJm5SxdZ\n-----END OPENSSH PRIVATE KEY-----\n", { expect: { line: 1 } }),
      sample("config/jwt.json", '{\n  "issuer": "acme",\n  "privateKey": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\\n-----END PRIVATE KEY-----\\n"\n}\n', { expect: { line: 3 } })
    ],
    negative: [
      sample("docs/tls.md", "```\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n```\n"),
      sample("src/keys.ts", "const header = '-----BEGIN PRIVATE KEY-----';\nconst footer = '-----END PRIVATE KEY-----';\n")
    ]
  },
  scopeSamples: {
    positive: [sample("infra/pki/ca.key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----\n", { expect: { line: 1 } })],
    negative: [sample("infra/tls/server.key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----\n")]
  }
};
var JWT_CLAIMS = /* @__PURE__ */ new Set(["sub", "iss", "aud", "exp", "iat", "nbf", "jti", "role", "roles", "scope", "scp", "email", "user_id", "userId", "uid", "ref", "azp", "client_id", "tid", "oid", "username", "admin", "permissions", "https://hasura.io/jwt/claims"]);
function jwtRating(context) {
  const decoded = decodeJwt(context.value);
  const claims = decoded?.payload ?? {};
  const role = String(claims.role ?? claims["https://hasura.io/jwt/claims"] ?? "").toLowerCase();
  if (/admin|service_role|superuser|root|owner/.test(role) || claims.admin === true || claims.is_admin === true) {
    return { scope: "root-resource", because: `JWT role claim says ${role || "admin"}` };
  }
  return { scope: "scoped", because: "JWT claims name an ordinary user or service" };
}
var jsonWebToken = {
  id: "jwt",
  provider: "generic",
  title: "JSON Web Token",
  valuePatterns: [{ regex: /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_.-])/g, keywords: ["eyj"] }],
  plausible: (value) => {
    const decoded = decodeJwt(value);
    if (!decoded) return false;
    const claims = decoded.payload;
    if (claims.sub === "1234567890" && claims.name === "John Doe") return false;
    if (claims.iss === "supabase-demo") return false;
    if (!Object.keys(claims).some((claim) => JWT_CLAIMS.has(claim))) return false;
    if (typeof claims.exp === "number" && claims.exp * 1e3 < Date.now()) return false;
    return true;
  },
  rate: jwtRating,
  reach: "acts as the subject of the token until it expires; an admin or service-role claim bypasses the service’s access rules",
  narrower: "issue short-lived tokens at run time instead of committing one, and never commit a token without an expiry",
  exposedSeverity: "medium",
  samples: {
    positive: [sample("tests/e2e/api.http", "### List orders\nGET https://api.acme.io/v1/orders\nAuthorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOGYzYTIiLCJyb2xlIjoic3RhZmYiLCJpYXQiOjE3NjQwMDAwMDB9.x7Qm2vN8pL4kR9sT1wY6zA3cF5hJ0lD2bG7eK5uI8oM\n", { expect: { line: 3 } })],
    negative: [
      sample("docs/auth.md", "Example: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`\n"),
      sample("tests/fixtures/expired.txt", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOGYzYTIiLCJleHAiOjE2MDAwMDAwMDB9.x7Qm2vN8pL4kR9sT1wY6zA3cF5hJ0lD2bG7eK5uI8oM\n")
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/admin.http", "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcHMiLCJyb2xlIjoiYWRtaW4ifQ.x7Qm2vN8pL4kR9sT1wY6zA3cF5hJ0lD2bG7eK5uI8oM\n", { expect: { line: 1 } })],
    negative: [sample("scripts/user.http", "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOGYzYTIiLCJyb2xlIjoic3RhZmYifQ.x7Qm2vN8pL4kR9sT1wY6zA3cF5hJ0lD2bG7eK5uI8oM\n")]
  }
};
var GENERIC_KINDS = [genericSecret, hardcodedPassword, databaseConnectionString, basicAuthUrl, privateKey, jsonWebToken];

// knowledge/credentials/github.ts
var REFERENCE4 = "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/";
var checksummed = (value) => hasValidBase62Checksum(value, 4);
var githubClassicToken = {
  id: "github-classic-token",
  provider: "github",
  title: "GitHub classic personal access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, keywords: ["ghp_"] }],
  // Before April 2021 personal access and OAuth tokens were 40 hex characters with no prefix: only the name says
  // GitHub (`GITHUB_TOKEN`, a provider "github" block's `token`). They are classic tokens, with classic reach.
  contextPatterns: [
    {
      variable: /^(?:GITHUB|GH)_(?:TOKEN|PAT|ACCESS_TOKEN|API_TOKEN|OAUTH_TOKEN|AUTH_TOKEN)$|github[_.-]?(?:personal[_.-]?)?(?:access[_.-]?|api[_.-]?|oauth[_.-]?|auth[_.-]?)?token$|^github\.token$/i,
      value: /^[0-9a-f]{40}$/,
      keywords: ["github", "gh_"]
    }
  ],
  plausible: (value) => /^[0-9a-f]{40}$/.test(value) ? looksRandom(value, 40, 3) && !isPlaceholder(value) : checksummed(value),
  rate: fixed("root", "a classic PAT acts as its user on every repository and organisation the user can reach; its scopes are invisible"),
  reach: "acts as the user on every repository and organisation they can reach, including deleting repositories when the token has delete_repo",
  narrower: "use a fine-grained personal access token limited to the repositories and permissions the job needs, with an expiry",
  reference: REFERENCE4,
  samples: {
    positive: [
      sample("scripts/release.sh", '#!/bin/sh\nGH_TOKEN=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 gh release create "$TAG" dist/*\n', { expect: { line: 2 } }),
      sample("tools/gh.sh", '#!/bin/sh\nGITHUB_TOKEN=3f9c2a7e1b8d4f60a5c9e2b7d1f8a3c6e0b4d927\ncurl -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/user/repos\n', { expect: { line: 2 }, note: "a token from before the prefixed formats: 40 hex characters" }),
      sample(".npmrc", "@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=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\n", { expect: { line: 2 } })
    ],
    negative: [
      sample("docs/tokens.md", "A classic token looks like `ghp_rV8dVWmzcgsKuUsxvrX2h5b2x0qq2RAAAAAA`.\n", { note: "checksum fails: a made-up value" }),
      sample("scripts/release.sh", "GH_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx gh release create\n")
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/release.sh", 'GH_TOKEN=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 gh release create "$TAG"\n', { expect: { line: 1 } })],
    negative: [sample("scripts/release.sh", 'GH_TOKEN=ghp_rV8dVWmzcgsKuUsxvrX2h5b2x0qq2RAAAAAA gh release create "$TAG"\n', { note: "fabricated: fails the checksum" })]
  }
};
var githubOauthToken = {
  id: "github-oauth-token",
  provider: "github",
  title: "GitHub OAuth access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(gho_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, keywords: ["gho_"] }],
  plausible: checksummed,
  rate: fixed("root", "an OAuth token carries the user’s granted scopes across every repository they can reach"),
  reach: "acts as the user with the OAuth app’s scopes, typically across every repository they can reach",
  narrower: "use a GitHub App with installation tokens limited to the repositories it needs",
  reference: REFERENCE4,
  samples: {
    positive: [sample("config/hosts.yml", "github.com:\n  user: acme-bot\n  oauth_token: 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\n", { expect: { line: 3 } })],
    negative: [sample("config/hosts.yml", "github.com:\n  oauth_token: gho_16C7e42F292c6912E7710c838347Ae178B4a\n", { note: "GitHub docs example, fails the checksum" })]
  },
  scopeSamples: {
    positive: [sample("config/hosts.yml", "github.com:\n  oauth_token: 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\n", { expect: { line: 2 } })],
    negative: [sample("config/hosts.yml", "github.com:\n  oauth_token: gho_16C7e42F292c6912E7710c838347Ae178B4a\n")]
  }
};
var githubFineGrainedToken = {
  id: "github-fine-grained-token",
  provider: "github",
  title: "GitHub fine-grained personal access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g, keywords: ["github_pat_"] }],
  rate: fixed("scoped", "a fine-grained PAT is limited to one owner, chosen repositories and explicit permissions"),
  reach: "acts on the repositories and with the permissions chosen when it was created",
  narrower: "already narrow; keep it in a secret store and give it an expiry",
  reference: REFERENCE4,
  samples: {
    positive: [sample("tools/sync.py", 'TOKEN = "github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ012345678"\n', { expect: { line: 1 } })],
    negative: [sample("tools/sync.py", 'TOKEN = os.environ["GITHUB_PAT"]  # github_pat_...\n')]
  }
};
var githubAppTokens = {
  id: "github-app-token",
  provider: "github",
  title: "GitHub App user, installation or refresh token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(gh[usr]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, keywords: ["ghu_", "ghs_", "ghr_"] }],
  plausible: checksummed,
  rate: fixed("scoped", "app tokens are limited to the installation’s repositories and expire within hours"),
  reach: "acts for the app on the repositories it is installed on, until it expires",
  narrower: "mint installation tokens at run time instead of committing one",
  reference: REFERENCE4,
  samples: {
    positive: [sample("tests/e2e/github.env.json", '{\n  "GITHUB_INSTALLATION_TOKEN": "ghs_wmVuOatSKktsBFL38foEYHBbduuFg73yiGjj"\n}\n', { expect: { line: 2 } })],
    negative: [sample("tests/e2e/github.env.json", '{\n  "GITHUB_INSTALLATION_TOKEN": "ghs_0000000000000000000000000000000000000"\n}\n')]
  }
};
var GITHUB_KINDS = [githubClassicToken, githubOauthToken, githubFineGrainedToken, githubAppTokens];

// knowledge/credentials/gitlab.ts
var REFERENCE5 = "https://docs.gitlab.com/security/tokens/";
var BODY = "[0-9A-Za-z_-]";
function isValidRoutableToken(token, prefixLength) {
  const match = /^([0-9A-Za-z_-]{27,300})\.(?:[0-9a-z]{2}\.)?([0-9a-z]{2})([0-9a-z]{7})$/.exec(token.slice(prefixLength));
  if (!match) return false;
  if (parseInt(match[2], 36) !== match[1].length) return false;
  return crc32(token.slice(0, -7)).toString(36).padStart(7, "0") === match[3];
}
function randomBody(body2) {
  return !isPlaceholder(body2) && !hasTypedRun(body2) && looksRandom(body2, Math.min(16, body2.length), 3);
}
var PAT_NARROW_WORDS = /* @__PURE__ */ new Set(["project", "deploy", "read", "readonly", "ro", "viewer", "registry"]);
function ratePersonalToken(context) {
  const words2 = wordsOf(context.variable ?? "");
  if (words2.includes("group")) return { scope: "root", because: `variable ${context.variable} names a group access token: every project of the group` };
  const narrow = words2.find((word) => PAT_NARROW_WORDS.has(word));
  if (narrow) return { scope: "scoped", because: `variable ${context.variable} names a ${narrow} token (project and group access tokens share the glpat- prefix)` };
  return { scope: "root", because: "a glpat- token acts as its user in every group and project they belong to; its scopes (api, sudo) are not in the value, so it is rated the broad kind" };
}
var LEGACY_PAT = "glpat-WXgoDqHFD9f9Bf-6_2z6";
var ROUTABLE_PAT = "glpat-bzoxCnU6azcxdwoB7GqkASg3r-kVFNyWhiCSEA.01.1217uvtir";
var gitlabPersonalAccessToken = {
  id: "gitlab-personal-access-token",
  provider: "gitlab",
  title: "GitLab personal access token",
  valuePatterns: [
    { regex: new RegExp(`(?<![A-Za-z0-9_])(glpat-${BODY}{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9})(?![0-9A-Za-z_-])`, "g"), keywords: ["glpat-"] },
    { regex: new RegExp(`(?<![A-Za-z0-9_])(glpat-${BODY}{20})(?![0-9A-Za-z_.-]|\\.[0-9A-Za-z])`, "g"), keywords: ["glpat-"] }
  ],
  plausible: (value) => value.includes(".") ? isValidRoutableToken(value, 6) : randomBody(value.slice(6)),
  rate: ratePersonalToken,
  reach: "acts as its user on every group and project they belong to; with the api scope it can delete projects, and with sudo on an admin it can act as anyone",
  narrower: "use a project access token or a deploy token limited to one project and the read or write scope the job needs, with an expiry; in CI use CI_JOB_TOKEN",
  reference: REFERENCE5,
  samples: {
    positive: [
      sample(".python-gitlab.cfg", `[global]
default = acme

[acme]
url = https://gitlab.acme.io
private_token = ${LEGACY_PAT}
api_version = 4
`, { expect: { line: 6 } }),
      sample("scripts/release.sh", `#!/bin/sh
curl --request POST --header "PRIVATE-TOKEN: ${ROUTABLE_PAT}" \\
  "https://gitlab.com/api/v4/projects/4821/releases" --data @release.json
`, { expect: { line: 2 } }),
      sample(".npmrc", `@acme:registry=https://gitlab.com/api/v4/groups/acme/-/packages/npm/
//gitlab.com/api/v4/groups/acme/-/packages/npm/:_authToken=${LEGACY_PAT}
`, { expect: { line: 2 } })
    ],
    negative: [
      sample("docs/gitlab.md", "Create a token and export it: `export GITLAB_TOKEN=glpat-XXXXXXXXXXX-XXXXXXXX`.\n"),
      sample("scripts/release.sh", 'curl --header "PRIVATE-TOKEN: glpat-bzoxCnU6azcxdwoB7GqkASg3r-kVFNyWhiCSEA.01.1217uvtia" "$CI_API_V4_URL/projects"\n', { note: "routable token whose CRC fails" }),
      sample(".gitlab-ci.yml", `release:
  script:
    - 'curl --header "PRIVATE-TOKEN: $GITLAB_TOKEN" "$CI_API_V4_URL/projects/$CI_PROJECT_ID/releases"'
`)
    ]
  },
  scopeSamples: {
    positive: [sample(".env.ci", `GITLAB_TOKEN=${ROUTABLE_PAT}
`, { expect: { line: 1 } })],
    negative: [sample(".env.ci", `GITLAB_PROJECT_TOKEN=${LEGACY_PAT}
`, { note: "named for a project access token" })]
  }
};
function prefixed(spec) {
  return {
    id: spec.id,
    provider: "gitlab",
    title: spec.title,
    valuePatterns: [{ regex: new RegExp(`(?<![A-Za-z0-9_])(${spec.token})(?!${spec.notFollowedBy ?? "[0-9A-Za-z_-]"})`, "g"), keywords: spec.keywords }],
    plausible: (value) => randomBody(value.slice(spec.prefixLength)),
    rate: fixed(spec.rating.scope, spec.rating.because),
    reach: spec.reach,
    narrower: spec.narrower,
    ...spec.exposedSeverity ? { exposedSeverity: spec.exposedSeverity } : {},
    reference: REFERENCE5,
    samples: spec.samples,
    ...spec.scopeSamples ? { scopeSamples: spec.scopeSamples } : {}
  };
}
var gitlabDeployToken = prefixed({
  id: "gitlab-deploy-token",
  title: "GitLab deploy token",
  token: `gldt-${BODY}{20}`,
  keywords: ["gldt-"],
  prefixLength: 5,
  rating: { scope: "scoped", because: "a deploy token reads (or writes) one project’s or group’s repository, registry and packages" },
  reach: "reads, and with write scopes pushes, the repository, container images and packages of one project or group",
  narrower: "keep it in CI variables; give it only read_registry or read_repository unless it must push",
  samples: {
    positive: [
      sample("k8s/registry-secret.sh", "#!/bin/sh\nkubectl create secret docker-registry gitlab-registry \\\n  --docker-server=registry.gitlab.com --docker-username=gitlab+deploy-token-4821 \\\n  --docker-password=gldt-ZCydIwO-1y06f8a1Z3su\n", { expect: { line: 4 } }),
      sample("docker-compose.deploy.yml", 'services:\n  updater:\n    image: acme/updater\n    environment:\n      REGISTRY_USER: gitlab+deploy-token-4821\n      REGISTRY_PASSWORD: "gldt-ZCydIwO-1y06f8a1Z3su"\n', { expect: { line: 6 } })
    ],
    negative: [
      sample("README.md", "Log in with `docker login registry.gitlab.com -u <user> -p gldt-<token>`.\n"),
      sample("k8s/registry-secret.sh", 'kubectl create secret docker-registry gitlab-registry --docker-password="$CI_DEPLOY_PASSWORD"\n')
    ]
  }
});
var RUNNER_TOKEN = "glrt-FQOIH9Zqn18L4GGdvJD8";
var ROUTABLE_RUNNER = "glrt-t1_bzoxCnU6MnVzZjMK3eUODfbDbOjYpr-BcczKuRA.01.130qrqq6l";
var gitlabRunnerToken = {
  id: "gitlab-runner-token",
  provider: "gitlab",
  title: "GitLab runner authentication or registration token",
  valuePatterns: [
    { regex: new RegExp(`(?<![A-Za-z0-9_])(glrt-t\\d_${BODY}{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9})(?![0-9A-Za-z_-])`, "g"), keywords: ["glrt-"] },
    { regex: new RegExp(`(?<![A-Za-z0-9_])(glrt-${BODY}{20})(?![0-9A-Za-z_.-]|\\.[0-9A-Za-z])`, "g"), keywords: ["glrt-"] },
    { regex: new RegExp(`(?<![A-Za-z0-9_])(GR1348941${BODY}{20})(?![0-9A-Za-z_-])`, "g"), keywords: ["gr1348941"] }
  ],
  plausible: (value) => {
    if (value.startsWith("glrt-t") && value.includes(".")) return isValidRoutableToken(value, 8);
    return randomBody(value.replace(/^(?:glrt-|GR1348941)/, ""));
  },
  rate: fixed("scoped", "a runner token picks up jobs for the projects or groups the runner serves"),
  reach: "lets a machine pose as the runner and receive the jobs of the projects it serves, with their CI variables and secrets",
  narrower: "register runners with short-lived authentication tokens kept in the runner host’s config, never in a repository",
  reference: "https://docs.gitlab.com/security/tokens/#runner-authentication-tokens",
  samples: {
    positive: [
      sample("ops/runner/config.toml", `concurrent = 4

[[runners]]
  name = "acme-docker"
  url = "https://gitlab.acme.io"
  token = "${RUNNER_TOKEN}"
  executor = "docker"
`, { expect: { line: 6 } }),
      sample("ops/register-runner.sh", `#!/bin/sh
gitlab-runner register --non-interactive --url https://gitlab.com \\
  --token ${ROUTABLE_RUNNER} --executor docker
`, { expect: { line: 3 } }),
      sample("ops/legacy-register.sh", "gitlab-runner register --url https://gitlab.acme.io --registration-token GR1348941ClguthRCnOZVLauPGQxM --executor shell\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("ops/runner/config.toml", '[[runners]]\n  url = "https://gitlab.acme.io"\n  token = "glrt-XXXXXXXXXXXXXXXXXXXX"\n'),
      sample("docs/runners.md", "Legacy registration tokens start with `GR1348941` followed by 20 characters.\n")
    ]
  }
};
var gitlabCiJobToken = prefixed({
  id: "gitlab-ci-job-token",
  title: "GitLab CI/CD job token",
  token: `glcbt-(?:[0-9a-zA-Z]{1,5}_${BODY}{20}|eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,})`,
  keywords: ["glcbt-"],
  prefixLength: 6,
  rating: { scope: "scoped", because: "a job token works only while its job runs, on the projects that allow it" },
  exposedSeverity: "low",
  reach: "acts for one running job on the projects that allow its token, until the job ends",
  narrower: "let CI inject CI_JOB_TOKEN at run time; never copy its value out of a job log",
  samples: {
    positive: [
      sample("ci/debug-log.txt", 'Uploading artifacts as "archive" to coordinator... 201 Created id=68509685 token=glcbt-WJ_oTidFvUHPBkqiq-baDiN\n', { expect: { line: 1 } }),
      sample("scripts/fetch-artifact.sh", 'curl --header "JOB-TOKEN: glcbt-WJ_oTidFvUHPBkqiq-baDiN" "https://gitlab.com/api/v4/projects/4821/jobs/artifacts/main/download?job=build"\n', { expect: { line: 1 } })
    ],
    negative: [
      sample("scripts/fetch-artifact.sh", 'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" "$CI_API_V4_URL/projects/$CI_PROJECT_ID/jobs/artifacts/main/download?job=build"\n'),
      sample("ci/debug-log.txt", "Uploading artifacts... 201 Created token=glcbt-64\n")
    ]
  }
});
var gitlabPipelineTriggerToken = prefixed({
  id: "gitlab-pipeline-trigger-token",
  title: "GitLab pipeline trigger token",
  token: "glptt-[0-9a-f]{40}",
  keywords: ["glptt-"],
  prefixLength: 6,
  rating: { scope: "scoped", because: "a trigger token starts pipelines of one project" },
  reach: "starts pipelines of one project on any branch or tag, as the token’s owner, with the CI variables those pipelines receive",
  narrower: "keep it in the triggering system’s secrets and protect the branches whose pipelines hold deployment credentials",
  samples: {
    positive: [
      sample("scripts/trigger-docs.sh", "#!/bin/sh\ncurl -X POST --fail -F token=glptt-ab008df092b4b1f94f6fe295aa1ef9b5e9011d73 -F ref=main \\\n  https://gitlab.com/api/v4/projects/4821/trigger/pipeline\n", { expect: { line: 2 } }),
      sample(".github/workflows/mirror.yml", "jobs:\n  trigger:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -X POST -F token=glptt-ab008df092b4b1f94f6fe295aa1ef9b5e9011d73 -F ref=main https://gitlab.acme.io/api/v4/projects/12/trigger/pipeline\n", { expect: { line: 5 } })
    ],
    negative: [
      sample("scripts/trigger-docs.sh", 'curl -X POST -F token=glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -F ref=main "$TRIGGER_URL"\n'),
      sample("Makefile", 'trigger-docs:\n	curl -X POST -F "token=$(DOCS_TRIGGER_TOKEN)" -F ref=main https://gitlab.com/api/v4/projects/4821/trigger/pipeline\n')
    ]
  }
});
var gitlabFeedToken = prefixed({
  id: "gitlab-feed-token",
  title: "GitLab feed token",
  token: `glft-${BODY}{20}`,
  keywords: ["glft-"],
  prefixLength: 5,
  rating: { scope: "scoped", because: "a feed token only reads RSS/Atom and calendar feeds" },
  exposedSeverity: "medium",
  reach: "reads the activity, issue and calendar feeds its user can see",
  narrower: "reset it from the access-token settings and keep feed URLs out of the repository",
  samples: {
    positive: [
      sample("dashboards/feeds.yml", 'feeds:\n  - name: platform issues\n    url: "https://gitlab.acme.io/acme/platform/-/issues.atom?feed_token=glft-TMedO7k39shfYFQzb4YD&state=opened"\n', { expect: { line: 3 } }),
      sample("calendar/README.md", "Subscribe: https://gitlab.com/-/user/acme-bot/issues.ics?feed_token=glft-TMedO7k39shfYFQzb4YD\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("dashboards/feeds.yml", 'feeds:\n  - url: "https://gitlab.acme.io/acme/platform/-/issues.atom?feed_token=${FEED_TOKEN}"\n'),
      sample("docs/feeds.md", "Feed tokens look like `glft-` followed by 20 characters.\n")
    ]
  }
});
var gitlabIncomingMailToken = prefixed({
  id: "gitlab-incoming-mail-token",
  title: "GitLab incoming email token",
  token: `glimt-${BODY}{25}`,
  keywords: ["glimt-"],
  prefixLength: 6,
  // In the issue address the token is followed by `-issue` or `-merge-request`.
  notFollowedBy: "[0-9A-Za-z_]",
  rating: { scope: "scoped", because: "an incoming-email token only creates issues and merge requests by email" },
  exposedSeverity: "medium",
  reach: "creates issues and merge requests by email as its user",
  narrower: "reset it from the access-token settings; keep the email address out of the repository",
  samples: {
    positive: [
      sample("support/forwarding.yml", 'forward_to: "incoming+acme-platform-4821-glimt-YVq9NVnc1oYGTMdIMLbPmwa7X-issue@incoming.gitlab.com"\n', { expect: { line: 1 } }),
      sample("support/README.md", "Issues by mail go to incoming+acme-platform-4821-glimt-YVq9NVnc1oYGTMdIMLbPmwa7X-issue@incoming.gitlab.com.\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("support/forwarding.yml", 'forward_to: "${INCOMING_ISSUE_ADDRESS}"\n'),
      sample("support/README.md", "The address contains a `glimt-` token; find it under the project’s issue list.\n")
    ]
  }
});
var gitlabFeatureFlagToken = prefixed({
  id: "gitlab-feature-flag-token",
  title: "GitLab feature-flag client token",
  token: `glffct-${BODY}{20}`,
  keywords: ["glffct-"],
  prefixLength: 7,
  rating: { scope: "scoped", because: "a feature-flag client token reads one project’s flags" },
  exposedSeverity: "medium",
  reach: "reads one project’s feature flags and user lists",
  narrower: "keep it in the application’s runtime configuration rather than the repository",
  samples: {
    positive: [
      sample("src/flags.ts", "export const unleash = initialize({\n  url: 'https://gitlab.com/api/v4/feature_flags/unleash/4821',\n  appName: 'production',\n  instanceId: 'glffct-3CasUyMx3ouaUErBB_MN',\n});\n", { expect: { line: 4 } }),
      sample("config/unleash.env.yaml", "UNLEASH_INSTANCE_ID: glffct-3CasUyMx3ouaUErBB_MN\nUNLEASH_URL: https://gitlab.com/api/v4/feature_flags/unleash/4821\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("src/flags.ts", "export const unleash = initialize({ url: UNLEASH_URL, appName: 'production', instanceId: process.env.UNLEASH_INSTANCE_ID! });\n"),
      sample("config/unleash.env.yaml", "UNLEASH_INSTANCE_ID: glffct-xxxxxxxxxxxxxxxxxxxx\n")
    ]
  }
});
var gitlabOauthAppSecret = prefixed({
  id: "gitlab-oauth-app-secret",
  title: "GitLab OAuth application secret",
  token: `gloas-${BODY}{64}`,
  keywords: ["gloas-"],
  prefixLength: 6,
  rating: { scope: "scoped", because: "an application secret runs one OAuth application’s sign-in flows" },
  reach: "lets its holder pose as the OAuth application and exchange stolen authorization codes for users’ tokens",
  narrower: "keep it in a secret store and renew it from the application settings after exposure",
  samples: {
    positive: [
      sample("config/gitlab-oauth.yml", "gitlab:\n  app_id: 8c3f1a2b7d9e4f60a5b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d\n  app_secret: gloas-esVgdu0FsM_g4eojhaIU4b5enF4Ch5kIKta_Mu0HucDtExqoS_q_OYdOGWE3c_9n\n  redirect_uri: https://ci.acme.io/auth/gitlab/callback\n", { expect: { line: 3 } }),
      sample("grafana/grafana.ini", "[auth.gitlab]\nenabled = true\nclient_id = 8c3f1a2b7d9e4f60a5b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d\nclient_secret = gloas-esVgdu0FsM_g4eojhaIU4b5enF4Ch5kIKta_Mu0HucDtExqoS_q_OYdOGWE3c_9n\n", { expect: { line: 4 } })
    ],
    negative: [
      sample("grafana/grafana.ini", "[auth.gitlab]\nclient_secret = $__env{GITLAB_OAUTH_SECRET}\n"),
      sample("config/gitlab-oauth.yml", "gitlab:\n  app_secret: gloas-<secret>\n")
    ]
  }
});
var gitlabAgentToken = prefixed({
  id: "gitlab-agent-token",
  title: "GitLab agent for Kubernetes token",
  token: `glagent-${BODY}{50}`,
  keywords: ["glagent-"],
  prefixLength: 8,
  rating: { scope: "scoped", because: "an agent token connects one cluster agent to its configuration project" },
  reach: "connects as the cluster agent: reads its configuration project and receives the CI access the agent is shared with",
  narrower: "install the agent with its token in a Kubernetes Secret created at install time, not in Helm values in the repository",
  samples: {
    positive: [
      sample("deploy/agent-values.yaml", "config:\n  kasAddress: wss://kas.gitlab.com\n  token: glagent-yHX7XZRSiK9iq6M6JiZMjs4_x2ri3mpFEkCZWO11pYenTR-zhv\n", { expect: { line: 3 } }),
      sample("deploy/install-agent.sh", "helm upgrade --install prod-agent gitlab/gitlab-agent --namespace gitlab-agent \\\n  --set config.token=glagent-yHX7XZRSiK9iq6M6JiZMjs4_x2ri3mpFEkCZWO11pYenTR-zhv\n", { expect: { line: 2 } })
    ],
    negative: [
      sample("deploy/agent-values.yaml", "config:\n  kasAddress: wss://kas.gitlab.com\n  secretName: gitlab-agent-token\n"),
      sample("deploy/install-agent.sh", 'helm upgrade --install prod-agent gitlab/gitlab-agent --set config.token="$AGENT_TOKEN"\n')
    ]
  }
});
var gitlabScimToken = prefixed({
  id: "gitlab-scim-token",
  title: "GitLab SCIM token",
  token: `glsoat-${BODY}{20}`,
  keywords: ["glsoat-"],
  prefixLength: 7,
  rating: { scope: "root", because: "a SCIM token provisions and deprovisions every member of the group" },
  reach: "adds, changes and removes every member of the group through SCIM, locking everyone out or letting anyone in",
  narrower: "keep it only in the identity provider’s SCIM configuration and reset it after exposure",
  samples: {
    positive: [
      sample("idp/okta-scim.tf", 'resource "okta_app_oauth" "gitlab" {\n  label = "GitLab"\n}\n\nlocals {\n  gitlab_scim_token = "glsoat-amJnoaiXJ__MfB7_yGP9"\n}\n', { expect: { line: 6 } }),
      sample("idp/provision.py", 'HEADERS = {"Authorization": "Bearer glsoat-amJnoaiXJ__MfB7_yGP9"}\nrequests.get("https://gitlab.com/api/scim/v2/groups/acme/Users", headers=HEADERS)\n', { expect: { line: 1 } })
    ],
    negative: [
      sample("idp/provision.py", `HEADERS = {"Authorization": f"Bearer {os.environ['GITLAB_SCIM_TOKEN']}"}
`),
      sample("idp/README.md", "The SCIM token (`glsoat-...`) is shown once in the group’s SAML settings.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("idp/provision.py", 'SCIM_TOKEN = "glsoat-amJnoaiXJ__MfB7_yGP9"\n', { expect: { line: 1 } })],
    negative: [sample("idp/provision.py", 'SCIM_TOKEN = "glsoat-XXXXXXXXXXXXXXXXXXXX"\n', { note: "placeholder" })]
  }
});
var GITLAB_KINDS = [
  gitlabPersonalAccessToken,
  gitlabDeployToken,
  gitlabRunnerToken,
  gitlabCiJobToken,
  gitlabPipelineTriggerToken,
  gitlabFeedToken,
  gitlabIncomingMailToken,
  gitlabFeatureFlagToken,
  gitlabOauthAppSecret,
  gitlabAgentToken,
  gitlabScimToken
];

// knowledge/credentials/infra.ts
var terraformCloudToken = {
  id: "terraform-cloud-token",
  provider: "hashicorp",
  title: "HCP Terraform / Terraform Enterprise API token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/g, keywords: ["atlasv1"] }],
  plausible: (value) => {
    const [id, , body2] = value.split(".");
    return !isPlaceholder(id ?? "") && !isPlaceholder(body2 ?? "") && entropy(body2 ?? "") >= 3.5;
  },
  rate: (context) => readOnlyRating(context, "Terraform token") ?? {
    scope: "root",
    because: "user, team and organization tokens share one format: a user token inherits its user (often an owner) and an organization token manages every workspace"
  },
  reach: "runs plans and applies (including destroy) in every workspace it can reach, reads their state files and variables, and with an owner’s token changes the organization",
  narrower: "use a team token for a team with access to only the workspaces the job runs, or dynamic credentials from the CI provider",
  reference: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
  samples: {
    positive: [
      sample(".terraformrc", 'credentials "app.terraform.io" {\n  token = "BxrLgAIzGlMkkd.atlasv1.nIKo_eR-COudtm8fZJWa87ur-BOg-OB-lgwm8rqijQ7yBVdf12bJVFqj-HahHD52VWo"\n}\n', { expect: { line: 2 } }),
      sample(".github/workflows/terraform.yml", "jobs:\n  apply:\n    runs-on: ubuntu-latest\n    env:\n      TF_TOKEN_app_terraform_io: BxrLgAIzGlMkkd.atlasv1.nIKo_eR-COudtm8fZJWa87ur-BOg-OB-lgwm8rqijQ7yBVdf12bJVFqj-HahHD52VWo\n    steps:\n      - run: terraform apply -auto-approve\n", { expect: { line: 5 } })
    ],
    negative: [
      sample(".github/workflows/terraform.yml", "jobs:\n  apply:\n    env:\n      TF_TOKEN_app_terraform_io: ${{ secrets.TF_API_TOKEN }}\n"),
      sample("docs/terraform.md", '```hcl\ncredentials "app.terraform.io" {\n  token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n}\n```\n')
    ]
  },
  scopeSamples: {
    positive: [sample("ci/terraform.env", "TFE_TOKEN=BxrLgAIzGlMkkd.atlasv1.nIKo_eR-COudtm8fZJWa87ur-BOg-OB-lgwm8rqijQ7yBVdf12bJVFqj-HahHD52VWo\n", { expect: { line: 1 } })],
    negative: [sample("ci/terraform.env", "# read-only team token for drift reports\nTFE_TOKEN=BxrLgAIzGlMkkd.atlasv1.nIKo_eR-COudtm8fZJWa87ur-BOg-OB-lgwm8rqijQ7yBVdf12bJVFqj-HahHD52VWo\n")]
  }
};
var VAULT_ROOT_TEXT = /Initial Root Token|-dev-root-token-id|VAULT_DEV_ROOT_TOKEN_ID|"root_token"|generate-root/i;
function vaultRating(context) {
  const words2 = wordsOf(context.variable ?? "");
  if (words2.includes("root")) return { scope: "root", because: `variable ${context.variable} names a root token` };
  if (VAULT_ROOT_TEXT.test(`${context.line}
${context.nearby}`)) return { scope: "root", because: "the text around it shows a root token (init output or the dev server’s root token id)" };
  return readOnlyRating(context, "Vault token") ?? {
    scope: "root",
    because: "a Vault token’s policies are not in the repository and root tokens look the same, so it is rated the broad kind"
  };
}
var VAULT_LEGACY = /^s\.[A-Za-z0-9]{24}$/;
var vaultToken = {
  id: "vault-token",
  provider: "hashicorp",
  title: "HashiCorp Vault token",
  valuePatterns: [
    { regex: /(?<![A-Za-z0-9_.-])(hvs\.[A-Za-z0-9_-]{90,120}|hvb\.[A-Za-z0-9_-]{138,300})(?![A-Za-z0-9_-])/g, keywords: ["hvs.", "hvb."] },
    // `vault operator init` output kept in notes: older Vaults printed `s.` tokens and, before 0.10, UUIDs.
    { regex: new RegExp(`(?<=Initial Root Token: ?)(s\\.[A-Za-z0-9]{24}|${UUID_SOURCE})(?![A-Za-z0-9-])`, "g"), keywords: ["initial root token"] }
  ],
  contextPatterns: [
    {
      variable: /^(?:VAULT_(?:ROOT_|DEV_ROOT_)?TOKEN(?:_ID)?|vault[_.-]?(?:root[_.-]?)?token|vaultToken|root_token)$/i,
      value: VAULT_LEGACY,
      keywords: ["vault", "root_token"]
    }
  ],
  plausible: (value) => {
    const body2 = value.slice(4);
    if (UUID.test(value)) return !isPlaceholder(value);
    if (VAULT_LEGACY.test(value)) return /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && !isPlaceholder(value.slice(2));
    return !isPlaceholder(body2) && entropy(body2) >= 3.5;
  },
  rate: vaultRating,
  reach: "reads and writes every secret its policies allow; a root token can read every secret engine, change auth methods and revoke every other token",
  narrower: "use a short-lived token from an auth method (AppRole, OIDC from CI, Kubernetes) with a policy limited to the paths the job reads; revoke root tokens after setup",
  reference: "https://developer.hashicorp.com/vault/docs/concepts/tokens",
  samples: {
    positive: [
      sample("scripts/fetch-secrets.sh", "#!/bin/sh\nexport VAULT_ADDR=https://vault.acme.internal:8200\nexport VAULT_TOKEN=hvs.CAESIabTCzVw3doIaIPJ5hhTJc1zlUtlNpicxtNkxT1yAx-8qzlvzhwUejG77nkltiHYtmvjvLR2MlS3lFf80dKrvvp\nvault kv get -field=password secret/app/db\n", { expect: { line: 3 } }),
      sample("docs/vault-setup.md", "# Vault init (2024-03-02)\n\n```\nUnseal Key 1: 1Ii6MlNiHDw+7DZCKwRhfNPHJ+RLZH872H8SdKQaX2zo\n\nInitial Root Token: hvs.CAESIabTCzVw3doIaIPJ5hhTJc1zlUtlNpicxtNkxT1yAx-8qzlvzhwUejG77nkltiHYtmvjvLR2MlS3lFf80dKrvvp\n```\n", { expect: { line: 6 } }),
      sample("deploy/values.yaml", "vault:\n  address: https://vault.acme.internal:8200\nenv:\n  - name: VAULT_TOKEN\n    value: s.02RnFl63Prpu2dzLqOLyAszB\n", { expect: { line: 5 } }),
      sample("ops/README.md", "## Vault bootstrap (2019)\n\n    Unseal Key 1: bus1bOzFoSCs/YTCZi5+T3OQzjpVTpSvUkgBxnG3VT4R\n    Initial Root Token: 8952c6db-2259-a638-8d4e-6705dbdfda91\n", { expect: { line: 4 } })
    ],
    negative: [
      sample("docker-compose.yml", "services:\n  vault:\n    image: hashicorp/vault:1.17\n    command: server -dev -dev-root-token-id=root\n    environment:\n      VAULT_DEV_ROOT_TOKEN_ID: root\n"),
      sample("scripts/fetch-secrets.sh", '#!/bin/sh\nexport VAULT_TOKEN="$(vault login -method=oidc -token-only)"\n'),
      sample("src/loader.ts", "const settings = { s.makeKubeConfigController: true };\nconst path = 's.AcceptanceTimeoutSeconds';\n")
    ]
  },
  scopeSamples: {
    positive: [sample("ops/vault.env", "VAULT_TOKEN=hvs.CAESIabTCzVw3doIaIPJ5hhTJc1zlUtlNpicxtNkxT1yAx-8qzlvzhwUejG77nkltiHYtmvjvLR2MlS3lFf80dKrvvp\n", { expect: { line: 1 } })],
    negative: [sample("ops/vault.env", "VAULT_READONLY_TOKEN=hvs.CAESIabTCzVw3doIaIPJ5hhTJc1zlUtlNpicxtNkxT1yAx-8qzlvzhwUejG77nkltiHYtmvjvLR2MlS3lFf80dKrvvp\n")]
  }
};
var UNSEAL_SHARE = "[A-Za-z0-9+/]{43,88}={0,2}";
var PUBLISHED_UNSEAL_KEYS = /* @__PURE__ */ new Set(["IXyR0OJnSFobekZMMCKCoVEpT7wI6l+USMzE3IcyDyo="]);
var vaultUnsealKey = {
  id: "vault-unseal-key",
  provider: "hashicorp",
  title: "HashiCorp Vault unseal or recovery key",
  valuePatterns: [
    // `vault operator init` prints `Unseal Key 1: ...` (or `Recovery Key 1: ...` with auto-unseal).
    { regex: new RegExp(`(?<=(?:Unseal|Recovery) Key \\d{1,2}: ?)(${UNSEAL_SHARE})(?![A-Za-z0-9+/=])`, "g"), keywords: ["unseal key", "recovery key"] },
    // `vault operator init -format=json`: every share in the key arrays.
    { regex: new RegExp(`(?<="(?:unseal|recovery)_keys_b64"\\s*:\\s*\\[[^\\]]*")(${UNSEAL_SHARE})(?=")`, "g"), keywords: ["_keys_b64"] },
    { regex: /(?<="(?:unseal|recovery)_keys_hex"\s*:\s*\[[^\]]*")([0-9a-f]{64,130})(?=")/g, keywords: ["_keys_hex"] },
    // A share typed on the command line: `vault operator unseal <key>` (`vault unseal` before 0.9).
    { regex: new RegExp(`(?<=\\bvault (?:operator )?unseal (?:-\\S+ )*)(${UNSEAL_SHARE})(?![A-Za-z0-9+/=])`, "g"), keywords: ["vault operator unseal", "vault unseal"] }
  ],
  contextPatterns: [{ variable: /unseal[_.-]?keys?(?:[_.-]?\d+)?$/i, value: new RegExp(`^${UNSEAL_SHARE}$`), keywords: ["unseal"] }],
  plausible: (value) => !PUBLISHED_UNSEAL_KEYS.has(value) && !isPlaceholder(value) && entropy(value) >= 3.5,
  rate: fixed("root", "a quorum of unseal or recovery key shares unseals Vault and generates a new root token"),
  reach: "with a quorum of shares, unseals the Vault and generates a root token: every secret it holds",
  narrower: "hand each share to a different person (PGP-encrypted with -pgp-keys) or use auto-unseal with a cloud KMS; never store shares together or in a repository",
  reference: "https://developer.hashicorp.com/vault/docs/concepts/seal",
  samples: {
    positive: [
      sample("ops/vault-init.txt", "Unseal Key 1: 1Ii6MlNiHDw+7DZCKwRhfNPHJ+RLZH872H8SdKQaX2zo\nUnseal Key 2: tRBvSIHVqxQqCAys0ittExKP+TS1Rp6tT810nyC+Q6Nc\nUnseal Key 3: bus1bOzFoSCs/YTCZi5+T3OQzjpVTpSvUkgBxnG3VT4R\n\nVault initialized with 3 key shares and a key threshold of 2.\n", { expect: { line: 2 } }),
      sample("ops/init.json", '{\n  "unseal_keys_b64": [\n    "1Ii6MlNiHDw+7DZCKwRhfNPHJ+RLZH872H8SdKQaX2zo"\n  ],\n  "unseal_threshold": 1\n}\n', { expect: { line: 3 } }),
      sample("scripts/start-vault.sh", "#!/bin/sh\nvault server -config=/etc/vault.d/vault.hcl &\nsleep 5\nvault operator unseal tRBvSIHVqxQqCAys0ittExKP+TS1Rp6tT810nyC+Q6Nc\n", { expect: { line: 4 } })
    ],
    negative: [
      sample("docs/vault.md", "After init, run `vault operator unseal` and paste `Unseal Key 1: <key>` when asked.\n"),
      sample("ops/init.json", '{\n  "unseal_keys_b64": [],\n  "unseal_shares": 5,\n  "unseal_threshold": 3\n}\n'),
      sample("docs/unseal.md", "The key can be passed as an argument:\n\n    $ vault operator unseal IXyR0OJnSFobekZMMCKCoVEpT7wI6l+USMzE3IcyDyo=\n", { note: "the share from HashiCorp’s own docs" })
    ]
  },
  scopeSamples: {
    positive: [sample("ops/vault-init.txt", "Unseal Key 1: 1Ii6MlNiHDw+7DZCKwRhfNPHJ+RLZH872H8SdKQaX2zo\n", { expect: { line: 1 } })],
    negative: [sample("ops/vault-init.txt", "Unseal Key 1: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n")]
  }
};
var DOPPLER_REFERENCE = "https://docs.doppler.com/reference/auth-token-formats";
var dopplerPersonalToken = {
  id: "doppler-personal-token",
  provider: "doppler",
  title: "Doppler personal or CLI token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.])(dp\.(?:pt|ct)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9_])/g, keywords: ["dp.pt.", "dp.ct."] }],
  plausible: (value) => !isPlaceholder(value.slice(6)),
  rate: fixed("root", "a personal or CLI token has read/write access to every project and config of the workplace the user can reach"),
  reach: "reads and changes every secret in every project and environment the user can reach, production included",
  narrower: "use a service token (dp.st.) bound to the one config the job reads, read-only",
  reference: DOPPLER_REFERENCE,
  samples: {
    positive: [
      sample("scripts/dev.sh", "#!/bin/sh\nexport DOPPLER_TOKEN=dp.pt.Vcv5me6LZXCNNHJqe0jFd3GpXG6JAYPUu7mhcpxQmmE\ndoppler run -- npm start\n", { expect: { line: 2 } }),
      sample(".doppler.yaml", "scoped:\n  /home/dev/acme:\n    token: dp.ct.UOPJrqWMlQpLLkvt2D7DM7G37X4cmpCHIzsYlnLDCget\n    enclave.project: acme\n", { expect: { line: 3 } })
    ],
    negative: [
      sample(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    env:\n      DOPPLER_TOKEN: ${{ secrets.DOPPLER_TOKEN }}\n"),
      sample("docs/doppler.md", "Personal tokens start with `dp.pt.`; service tokens with `dp.st.`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/dev.sh", "export DOPPLER_TOKEN=dp.pt.Vcv5me6LZXCNNHJqe0jFd3GpXG6JAYPUu7mhcpxQmmE\n", { expect: { line: 1 } })],
    negative: [sample("scripts/dev.sh", "export DOPPLER_TOKEN=dp.st.dev.qkpVrzuteCWOObzsaf5IoVBsuqFh658t7b3J2rRK\n")]
  }
};
var PRODUCTION_SLUG = /^(?:prd|prod|production|live)(?:[_-]|$)/i;
var dopplerServiceToken = {
  id: "doppler-service-token",
  provider: "doppler",
  title: "Doppler service token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.])(dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})(?![A-Za-z0-9_])/g, keywords: ["dp.st."] }],
  plausible: (value) => !isPlaceholder(value.slice(value.lastIndexOf(".") + 1)),
  rate: (context) => {
    const slug = /^dp\.st\.([a-z0-9_-]{2,35})\./.exec(context.value)?.[1];
    if (slug && PRODUCTION_SLUG.test(slug)) return { scope: "scoped", because: `a service token for one config, and that config is production (${slug})` };
    return { scope: "scoped", because: slug ? `a service token for one config (${slug})` : "a service token for one config" };
  },
  reach: "reads (and, if granted, writes) the secrets of one config; a production config’s token opens every production secret in it",
  narrower: "already bound to one config; keep it read-only and out of the repository (inject it from the CI secret store)",
  reference: "https://docs.doppler.com/docs/service-tokens",
  samples: {
    positive: [
      sample("Dockerfile", 'FROM node:20-slim\nRUN curl -Ls https://cli.doppler.com/install.sh | sh\nENV DOPPLER_TOKEN=dp.st.prd.DLQ1s97wAg1nzkuKzpUy8UxITpCiwdTQAEULsfFe\nCMD ["doppler", "run", "--", "node", "server.js"]\n', { expect: { line: 3 } }),
      sample("docker-compose.yml", "services:\n  api:\n    environment:\n      DOPPLER_TOKEN: dp.st.dev.qkpVrzuteCWOObzsaf5IoVBsuqFh658t7b3J2rRK\n", { expect: { line: 4 } })
    ],
    negative: [
      sample("docker-compose.yml", "services:\n  api:\n    environment:\n      DOPPLER_TOKEN: ${DOPPLER_TOKEN}\n"),
      sample("docs/doppler.md", "Generate one with `doppler configs tokens create ci --plain` (it prints `dp.st.prd.xxxx`).\n")
    ]
  }
};
var dopplerWorkplaceToken = {
  id: "doppler-workplace-token",
  provider: "doppler",
  title: "Doppler service account, SCIM or audit token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.])(dp\.(?:sa|scim|audit)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9_])/g, keywords: ["dp.sa.", "dp.scim.", "dp.audit."] }],
  plausible: (value) => !isPlaceholder(value.slice(value.lastIndexOf(".") + 1)),
  rate: (context) => {
    if (context.value.startsWith("dp.audit.")) return { scope: "scoped", because: "an audit token reads the workplace’s audit data only" };
    if (context.value.startsWith("dp.scim.")) return { scope: "root", because: "a SCIM token creates, changes and removes the workplace’s users and groups" };
    return readOnlyRating(context, "service account token") ?? { scope: "root", because: "a service account’s workplace role and project access are not in the value, so it is rated the broad kind" };
  },
  reach: "acts on the Doppler workplace: a service account with its role reads and changes projects and secrets; a SCIM token manages every user and group",
  narrower: "give the service account a project role on the projects it needs, or use a service token bound to one config",
  reference: DOPPLER_REFERENCE,
  samples: {
    positive: [
      sample("terraform/doppler.tf", 'provider "doppler" {\n  doppler_token = "dp.sa.6p0vTDT4TM7pBK2roFFd6hAWljcR6AAQOoRCnjYEwzj"\n}\n', { expect: { line: 2 } }),
      sample("idp/okta-scim.json", '{\n  "baseUrl": "https://api.doppler.com/scim/v2",\n  "bearerToken": "dp.scim.UUXqeetWn8kgKqJPQszqClB0mDT6RPVReYjZEMeTOZJ"\n}\n', { expect: { line: 3 } })
    ],
    negative: [
      sample("terraform/doppler.tf", 'provider "doppler" {\n  doppler_token = var.doppler_token\n}\n'),
      sample("docs/doppler.md", "Service account tokens are prefixed `dp.sa.` and SCIM tokens `dp.scim.`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("idp/okta-scim.json", '{\n  "bearerToken": "dp.scim.UUXqeetWn8kgKqJPQszqClB0mDT6RPVReYjZEMeTOZJ"\n}\n', { expect: { line: 2 } })],
    negative: [sample("ops/audit-export.env", "DOPPLER_AUDIT_TOKEN=dp.audit.W7U0P7Jm2w9VnMr0jMRb5it0ih9PlK4E5Jb6gn9eMsU\n")]
  }
};
function isServiceAccountToken(value) {
  const json = decodeBase64Text(value.slice(4).replace(/=+$/, ""));
  return json !== void 0 && /"(?:signInAddress|secretKey|srpX|muk)"/.test(json);
}
var onepasswordServiceAccountToken = {
  id: "onepassword-service-account-token",
  provider: "1password",
  title: "1Password service account token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(ops_eyJ[A-Za-z0-9+/_-]{100,4000}={0,2})(?![A-Za-z0-9+/=_-])/g, keywords: ["ops_"] }],
  plausible: isServiceAccountToken,
  rate: fixed("scoped", "a service account reaches only the vaults granted to it, never Personal or Private vaults"),
  reach: "reads (and, if granted, writes) every item in the vaults shared with the service account",
  narrower: "grant the service account read-only access to one vault holding only what the job needs",
  reference: "https://developer.1password.com/docs/service-accounts/security",
  samples: {
    positive: [
      sample(".github/workflows/secrets.yml", "jobs:\n  load:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: 1password/load-secrets-action@v2\n        env:\n          OP_SERVICE_ACCOUNT_TOKEN: ops_eyJlbWFpbCI6InE3dnhrMm1mZDNoendAMXBhc3N3b3Jkc2VydmljZWFjY291bnRzLmNvbSIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiQ0FzNVExV2tIekQ1R2kzLWluNnJ0NGl2SHVyQmlRcEpNRG5kNWw2WWdMNCIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtTDlQR043LUJXQlNIWS1MTUFSTC0zOVYySy1HNU4zRS1QNVJGMyIsInNycFgiOiJmZDBjNjJmZmJhYzAyNWEyYzE0MzJkYTE1MjhlNDQ5MDc1ODg5NmNhM2EyNzZmYjIxZGQxNzJhZmJkOWU1ODE4Iiwic2lnbkluQWRkcmVzcyI6ImFjbWUtY29ycC4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoidmJhdE90cV9WNlRSaXdYVkZiTzRfUSJ9fQ\n", { expect: { line: 7 } }),
      sample("scripts/op.env", "OP_SERVICE_ACCOUNT_TOKEN=ops_eyJlbWFpbCI6InE3dnhrMm1mZDNoendAMXBhc3N3b3Jkc2VydmljZWFjY291bnRzLmNvbSIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiQ0FzNVExV2tIekQ1R2kzLWluNnJ0NGl2SHVyQmlRcEpNRG5kNWw2WWdMNCIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtTDlQR043LUJXQlNIWS1MTUFSTC0zOVYySy1HNU4zRS1QNVJGMyIsInNycFgiOiJmZDBjNjJmZmJhYzAyNWEyYzE0MzJkYTE1MjhlNDQ5MDc1ODg5NmNhM2EyNzZmYjIxZGQxNzJhZmJkOWU1ODE4Iiwic2lnbkluQWRkcmVzcyI6ImFjbWUtY29ycC4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoidmJhdE90cV9WNlRSaXdYVkZiTzRfUSJ9fQ\n", { expect: { line: 1 } })
    ],
    negative: [
      sample(".github/workflows/secrets.yml", "jobs:\n  load:\n    steps:\n      - uses: 1password/load-secrets-action@v2\n        env:\n          OP_SERVICE_ACCOUNT_TOKEN: ${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}\n          DB_PASSWORD: op://prod/db/password\n"),
      sample("docs/1password.md", "export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6...\n")
    ]
  }
};
var PUBLISHED_SECRET_KEYS = /* @__PURE__ */ new Set(["ASWWYB798JRYLJVD423DC286TVMH43EB", "C4ZJMNPQTZTLHGL84G64M7KVZRN4ZVP6"]);
var onepasswordSecretKey = {
  id: "onepassword-secret-key",
  provider: "1password",
  title: "1Password account Secret Key",
  valuePatterns: [
    {
      regex: /(?<![A-Za-z0-9-])(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9-])/g,
      keywords: ["a3-"]
    }
  ],
  plausible: (value) => {
    const body2 = value.slice(3).replace(/-/g, "");
    return !PUBLISHED_SECRET_KEYS.has(body2) && !isPlaceholder(body2) && /[0-9]/.test(body2) && entropy(body2) >= 3.8;
  },
  rate: fixed("root", "with the account password, the Secret Key signs in to the whole 1Password account"),
  reach: "with the account password, opens every vault of the 1Password account, including every credential stored in it",
  narrower: "keep the Secret Key in the Emergency Kit and on trusted devices only; give automation a service account instead",
  reference: "https://support.1password.com/secret-key-security/",
  samples: {
    positive: [
      sample("notes/onboarding.md", "# New laptop\n\n- 1Password: jane@acme.io\n- Secret Key: A3-L9PGN7-BWBSHY-LMARL-39V2K-G5N3E-P5RF3\n", { expect: { line: 4 } }),
      sample("ops/bootstrap.sh", "#!/bin/sh\nop account add --address acme.1password.com --email ci@acme.io --secret-key A3-L9PGN7-BWBSHY-LMARL-39V2K-G5N3E-P5RF3\n", { expect: { line: 2 } })
    ],
    negative: [
      sample("docs/1password.md", "Your Secret Key looks like `A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX`.\n"),
      sample("docs/security.md", "The white paper’s example: A3-ASWWYB-798JRYLJVD4-23DC2-86TVM-H43EB.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("notes/onboarding.md", "Secret Key: A3-L9PGN7-BWBSHY-LMARL-39V2K-G5N3E-P5RF3\n", { expect: { line: 1 } })],
    negative: [sample("notes/onboarding.md", "Secret Key: A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX\n")]
  }
};
var INFRA_KINDS = [
  terraformCloudToken,
  vaultToken,
  vaultUnsealKey,
  dopplerPersonalToken,
  dopplerServiceToken,
  dopplerWorkplaceToken,
  onepasswordServiceAccountToken,
  onepasswordSecretKey
];

// knowledge/credentials/kubernetes.ts
var CA_CERT = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJmakNDQVNXZ0F3SUJBZ0lVU1JCazlUczF5YkRqU1FyRmRvN1poQzhsak1jd0NnWUlLb1pJemowRUF3SXcKRlRFVE1CRUdBMVVFQXd3S2EzVmlaWEp1WlhSbGN6QWVGdzB5TmpFeE1qVXdPVE0wTWpSYUZ3MHpOakV4TWpJdwpPVE0wTWpSYU1CVXhFekFSQmdOVkJBTU1DbXQxWW1WeWJtVjBaWE13V1RBVEJnY3Foa2pPUFFJQkJnZ3Foa2pPClBRTUJCd05DQUFUR0tmZk0vVytWRGVGS0Y3ZUJRM2lmdEczdGJrdWF2M2w0emVzeTJFcFFSMWhlV1dNQWROMDkKVThLOTE5V0JMN2FLNldvNjJCeDJZcC84bllERERYMXhvMU13VVRBZEJnTlZIUTRFRmdRVWsyYUMxMlIyNmUrYwpXQ1Nlc24xTTU0U3JmRnd3SHdZRFZSMGpCQmd3Rm9BVWsyYUMxMlIyNmUrY1dDU2VzbjFNNTRTcmZGd3dEd1lEClZSMFRBUUgvQkFVd0F3RUIvekFLQmdncWhrak9QUVFEQWdOSEFEQkVBaUFpVHNuZTNQS0V3NThvTWpTY3ozaDQKMUZJNWxUTVl5emVweUZQSzVraU93QUlnUkZLMlhmU0FBdHd0REdLZWh4TXhodEhJYXN3SzBMNWZyMXVyTUlrSgpEdTA9Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K";
var ADMIN_CERT = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJ2RENDQVdPZ0F3SUJBZ0lVS2ZSV09HWVF0WkZFVDZEWnVsV0hjcERzQ3Fnd0NnWUlLb1pJemowRUF3SXcKTkRFWE1CVUdBMVVFQ2d3T2MzbHpkR1Z0T20xaGMzUmxjbk14R1RBWEJnTlZCQU1NRUd0MVltVnlibVYwWlhNdApZV1J0YVc0d0hoY05Nall4TVRJMU1Ea3pNek01V2hjTk16WXhNVEl5TURrek16TTVXakEwTVJjd0ZRWURWUVFLCkRBNXplWE4wWlcwNmJXRnpkR1Z5Y3pFWk1CY0dBMVVFQXd3UWEzVmlaWEp1WlhSbGN5MWhaRzFwYmpCWk1CTUcKQnlxR1NNNDlBZ0VHQ0NxR1NNNDlBd0VIQTBJQUJEM0s1Q1k4YWtOTklnV0t0b1E4NWFxQWM3RHFrcllaVWRZVgplczAwMDJCTmZpc2c5S3l1eU5NRzVNd1Vlc0tPNFRVQjdWU0NzMEFqMzVaaDFnUmV6bEdqVXpCUk1CMEdBMVVkCkRnUVdCQlJEaGZCU1I4WngxVWIyRFpSVHFzcDBXWUtWQXpBZkJnTlZIU01FR0RBV2dCUkRoZkJTUjhaeDFVYjIKRFpSVHFzcDBXWUtWQXpBUEJnTlZIUk1CQWY4RUJUQURBUUgvTUFvR0NDcUdTTTQ5QkFNQ0EwY0FNRVFDSUR0UAplQkk5d2ZLdDlUYVNvdzBlZEpORFNCY25RSURXL1VzQU9xU0h1dWRqQWlCMGFoWkprS2FXZWRLNzNiQ2dhbkV1Cnp2VFpLWDVQTHV3eC93cTA4dVErZHc9PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==";
var ADMIN_KEY = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ3ZOREx1eDJqNnRhRXd6NTIKeVdHQU9UNGhGS3ZmQlF5ZUE3amh1enpOZUR1aFJBTkNBQVE5eXVRbVBHcERUU0lGaXJhRVBPV3FnSE93NnBLMgpHVkhXRlhyTk5OTmdUWDRySVBTc3JzalRCdVRNRkhyQ2p1RTFBZTFVZ3JOQUk5K1dZZFlFWHM1UgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==";
var NODE_CERT = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJ3akNDQVdlZ0F3SUJBZ0lVYUE2RWZTY2NIbjBKU1B1KzZpRk5qcXAvVEY4d0NnWUlLb1pJemowRUF3SXcKTmpFVk1CTUdBMVVFQ2d3TWMzbHpkR1Z0T201dlpHVnpNUjB3R3dZRFZRUUREQlJ6ZVhOMFpXMDZibTlrWlRwMwpiM0pyWlhJdE1UQWVGdzB5TmpFeE1qVXdPVE16TXpsYUZ3MHpOakV4TWpJd09UTXpNemxhTURZeEZUQVRCZ05WCkJBb01ESE41YzNSbGJUcHViMlJsY3pFZE1Cc0dBMVVFQXd3VWMzbHpkR1Z0T201dlpHVTZkMjl5YTJWeUxURXcKV1RBVEJnY3Foa2pPUFFJQkJnZ3Foa2pPUFFNQkJ3TkNBQVE0cnpZbnFjSXl0ZEtIazE4ZVk1TnZKQ3UwalBRSQpDODIrUXFScmRubHVIVnlQNGRPWkpCU0JYMmFya2dCR0hselV1ckg1V3BuMjdPdVpKeFh5Smo1Qm8xTXdVVEFkCkJnTlZIUTRFRmdRVTREd1Y1NkNVM1FhWnZ0d2hCaXlRTlRjNXVGZ3dId1lEVlIwakJCZ3dGb0FVNER3VjU2Q1UKM1FhWnZ0d2hCaXlRTlRjNXVGZ3dEd1lEVlIwVEFRSC9CQVV3QXdFQi96QUtCZ2dxaGtqT1BRUURBZ05KQURCRwpBaUVBdzRueFFHRXZqVTZvTGwyZDNtK3oxd0xDcm84MWlaZWc4dUxPMFhVVDhXUUNJUURta05HNC9HUWxqMGx5CmRoN1ZoanFSOFAwWkplUGg2Q3VpWFZPbmQ1UUhuZz09Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K";
var NODE_KEY = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ3ozc05tYmtubDMwZlhzREQKYkxGWlRKTW41SnJxclNwdUdxVWRlVnVGZGd5aFJBTkNBQVE0cnpZbnFjSXl0ZEtIazE4ZVk1TnZKQ3UwalBRSQpDODIrUXFScmRubHVIVnlQNGRPWkpCU0JYMmFya2dCR0hselV1ckg1V3BuMjdPdVpKeFh5Smo1QgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==";
var DEV_CERT = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJxRENDQVUyZ0F3SUJBZ0lVZjBXWlF5Mk1xRnU1c2dSdjNUYTlPNFJLSGNrd0NnWUlLb1pJemowRUF3SXcKS1RFWU1CWUdBMVVFQ2d3UFlXTnRaVHBrWlhabGJHOXdaWEp6TVEwd0N3WURWUVFEREFScVlXNWxNQjRYRFRJMgpNVEV5TlRBNU16TXpPVm9YRFRNMk1URXlNakE1TXpNek9Wb3dLVEVZTUJZR0ExVUVDZ3dQWVdOdFpUcGtaWFpsCmJHOXdaWEp6TVEwd0N3WURWUVFEREFScVlXNWxNRmt3RXdZSEtvWkl6ajBDQVFZSUtvWkl6ajBEQVFjRFFnQUUKdzg0ZkRtbVNqRllkVWN0QnFxcUp1VHpKUWNxYWIxOXpCNUR3U1ZOTGRlTzhGZ1U0OFdlODNPd1BPQzdFZUtpTwpCZjZya2hYNkxnelp2OHIzSFNDaUo2TlRNRkV3SFFZRFZSME9CQllFRkc1R2NyMjM0bWswNFd6cmgzOEZIYWluCkJoNDhNQjhHQTFVZEl3UVlNQmFBRkc1R2NyMjM0bWswNFd6cmgzOEZIYWluQmg0OE1BOEdBMVVkRXdFQi93UUYKTUFNQkFmOHdDZ1lJS29aSXpqMEVBd0lEU1FBd1JnSWhBUGJuanhPdzFWajNlbllGTEZyRTJGR3NSUzlQeWY4eQpOUHNuVzYxQldxdU5BaUVBcnJSTW1Nd3FOOUlsN3hWUjBXOFRQYzRtSzR0Y1J6N2pZeGtNcmtENFNiRT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=";
var DEV_KEY = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ1MxdjJzYy95azV6VFFiRHkKQXl5TXc2Wkg2WFlCazhZSzZQaG1GdFVsZVhpaFJBTkNBQVREemg4T2FaS01WaDFSeTBHcXFvbTVQTWxCeXBwdgpYM01Ia1BCSlUwdDE0N3dXQlRqeFo3emM3QTg0THNSNHFJNEYvcXVTRmZvdURObS95dmNkSUtJbgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==";
var DEPLOYER_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6Ikc5Nk9yLW9yZ0pwUXZOT3hmcnpnRmJqQWoyaXJCdlVzeTM4VDkxajEyZ0UifQ.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJjaSIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VjcmV0Lm5hbWUiOiJkZXBsb3llci10b2tlbi03eGsycCIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50Lm5hbWUiOiJkZXBsb3llciIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VydmljZS1hY2NvdW50LnVpZCI6ImFjNDgwYzhlLWViODEtNDEwMy1iOGZmLTMxODVhMDBlYzEzOCIsInN1YiI6InN5c3RlbTpzZXJ2aWNlYWNjb3VudDpjaTpkZXBsb3llciJ9.ilBRtuoXviIhwThQkReIx6xS-xt3e2i8VwxdQfole0pMM1AlBLf6pL7nRuKEnmNAkozvKphyDyTyO-XycWYSXNRejq4DhvT7MXmN00ANrWM0i4CulWoHlp0fnrHRDdi_hl53OmGRX2uqSitVl6n80Ukh4kV_4-tOZ-O2d1fetGDh9y-FBpsuXBQVJIj46GSM-QQtOsssp-DhPNn-ngaaaBk4DXAQrbqYfCS6HnjP95ks0xOTZ6OiXfjrvx-OFtWZBBA5JJRxgh512c1Yx7USUktTZXnH2rt7eo7HANv0gmAsNQ84H9QGkgJphTikT47fGqkfAaPxVmtXRIp6dLcKGA";
var DEPLOYER_TOKEN_B64 = "ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklrYzVOazl5TFc5eVowcHdVWFpPVDNobWNucG5SbUpxUVdveWFYSkNkbFZ6ZVRNNFZEa3hhakV5WjBVaWZRLmV5SnBjM01pT2lKcmRXSmxjbTVsZEdWekwzTmxjblpwWTJWaFkyTnZkVzUwSWl3aWEzVmlaWEp1WlhSbGN5NXBieTl6WlhKMmFXTmxZV05qYjNWdWRDOXVZVzFsYzNCaFkyVWlPaUpqYVNJc0ltdDFZbVZ5Ym1WMFpYTXVhVzh2YzJWeWRtbGpaV0ZqWTI5MWJuUXZjMlZqY21WMExtNWhiV1VpT2lKa1pYQnNiM2xsY2kxMGIydGxiaTAzZUdzeWNDSXNJbXQxWW1WeWJtVjBaWE11YVc4dmMyVnlkbWxqWldGalkyOTFiblF2YzJWeWRtbGpaUzFoWTJOdmRXNTBMbTVoYldVaU9pSmtaWEJzYjNsbGNpSXNJbXQxWW1WeWJtVjBaWE11YVc4dmMyVnlkbWxqWldGalkyOTFiblF2YzJWeWRtbGpaUzFoWTJOdmRXNTBMblZwWkNJNkltRmpORGd3WXpobExXVmlPREV0TkRFd015MWlPR1ptTFRNeE9EVmhNREJsWXpFek9DSXNJbk4xWWlJNkluTjVjM1JsYlRwelpYSjJhV05sWVdOamIzVnVkRHBqYVRwa1pYQnNiM2xsY2lKOS5pbEJSdHVvWHZpSWh3VGhRa1JlSXg2eFMteHQzZTJpOFZ3eGRRZm9sZTBwTU0xQWxCTGY2cEw3blJ1S0VubU5Ba296dktwaHlEeVR5Ty1YeWNXWVNYTlJlanE0RGh2VDdNWG1OMDBBTnJXTTBpNEN1bFdvSGxwMGZuckhSRGRpX2hsNTNPbUdSWDJ1cVNpdFZsNm44MFVraDRrVl80LXRPWi1PMmQxZmV0R0RoOXktRkJwc3VYQlFWSklqNDZHU00tUVF0T3Nzc3AtRGhQTm4tbmdhYWFCazREWEFRcmJxWWZDUzZIbmpQOTVrczB4T1RaNk9pWGZqcnZ4LU9GdFdaQkJBNUpKUnhnaDUxMmMxWXg3VVNVa3RUWlhuSDJydDdlbzdIQU52MGdtQXNOUTg0SDlRR2tnSnBoVGlrVDQ3Zkdxa2ZBYVB4Vm10WFJJcDZkTGNLR0E=";
var ADMIN_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6Ikc5Nk9yLW9yZ0pwUXZOT3hmcnpnRmJqQWoyaXJCdlVzeTM4VDkxajEyZ0UifQ.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9uYW1lc3BhY2UiOiJrdWJlcm5ldGVzLWRhc2hib2FyZCIsImt1YmVybmV0ZXMuaW8vc2VydmljZWFjY291bnQvc2VjcmV0Lm5hbWUiOiJhZG1pbi11c2VyLXRva2VuLXE4djRkIiwia3ViZXJuZXRlcy5pby9zZXJ2aWNlYWNjb3VudC9zZXJ2aWNlLWFjY291bnQubmFtZSI6ImFkbWluLXVzZXIiLCJrdWJlcm5ldGVzLmlvL3NlcnZpY2VhY2NvdW50L3NlcnZpY2UtYWNjb3VudC51aWQiOiI0Y2U4YWQ3My1hY2M2LTQxMTQtYmNhYy02ODIwMTAyODU2YzciLCJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6a3ViZXJuZXRlcy1kYXNoYm9hcmQ6YWRtaW4tdXNlciJ9.7gZ5Jm70gYCzjs3CrtH-4Np1brjqpVmH3y1vOXEW5mkdEEc8mZ4GFlrRTYTf9ZausR7Y0z_HcPTtCZXm9fDLMbGK6HflolboWV4GIoxUUfbj4P4EmpfpqyHc-Z4J_l6qWpFDWgx2aO4GFWrVNoqMRh8LMcaiuSGmGMXWF1QIxArJ5dXmYd_ne8nqDWnRbgZkHOZATwJM28Oecuo5RcD5wTVMM1IVovaXNTSCpH636l1dUXNnCePGXxznDnbWnoWV6w3Z0htGJwhDUHy_YiBcjw0HqN81bDOUJzPkwWUc4wjnt8Z7y3eFFAQDR0wq7hF_eG322zgi1D1eGTQ2YGYTRQ";
var K8S_CLAIM_NEEDLES = ["a3ViZXJuZXRlcy5p", "t1YmVybmV0ZXMu", "rdWJlcm5ldGVzLmlv"];
var KUBECONFIG_FILES = ["clusters:", "users:", "contexts:"];
var ADMIN_GROUPS = /* @__PURE__ */ new Set(["system:masters", "kubeadm:cluster-admins"]);
function kubeconfigUser(nearby) {
  return /-\s+name:\s*["']?([^\s"']+)["']?\s*\n\s*user:/.exec(nearby)?.[1] ?? /user:[\s\S]*?\n\s*name:\s*["']?([^\s"']+)/.exec(nearby)?.[1];
}
function serviceAccountOf(token) {
  const claims = decodeJwt(token)?.payload;
  if (!claims) return void 0;
  const sub = typeof claims.sub === "string" ? /^system:serviceaccount:([^:]+):(.+)$/.exec(claims.sub) : null;
  if (sub) return { namespace: sub[1], name: sub[2] };
  const nested = claims["kubernetes.io"];
  if (nested && typeof nested.namespace === "string" && typeof nested.serviceaccount?.name === "string") return { namespace: nested.namespace, name: nested.serviceaccount.name };
  return void 0;
}
function rateKubeconfigCredential(context) {
  const user = kubeconfigUser(context.nearby);
  if (user === "kubernetes-admin" || user === "kubernetes-super-admin") return { scope: "root", because: `user ${user} is kubeadm’s cluster administrator` };
  const certificate = /client-certificate-data:\s*["']?([A-Za-z0-9+/=]{40,})/.exec(context.nearby)?.[1];
  if (certificate && context.value !== certificate) {
    const subject = certificateSubject(certificate);
    const admin = subject?.O.find((group) => ADMIN_GROUPS.has(group));
    if (admin) return { scope: "root", because: `the client certificate’s subject is in group ${admin}, which bypasses RBAC` };
    if (subject && (subject.O.includes("system:nodes") || subject.CN.some((name) => name.startsWith("system:node:") || name === "system:kube-proxy"))) {
      return { scope: "scoped", because: `the client certificate is a node or kube-proxy identity (${subject.CN.join(", ")})` };
    }
  }
  if (/(?:^|\/)(?:k3s|rke2)\.ya?ml$|(?:^|\/)(?:super-)?admin\.conf$/.test(context.path)) return { scope: "root", because: `${context.path} is the cluster’s admin kubeconfig` };
  const account = context.value.startsWith("eyJ") ? serviceAccountOf(context.value) : void 0;
  if (account && /admin/.test(account.name)) return { scope: "root", because: `the token is service account ${account.namespace}/${account.name}, named as an administrator` };
  const narrow = narrowingWord([user, account?.name]);
  if (narrow) return { scope: "scoped", because: `the kubeconfig user is named for a ${narrow} identity (${user ?? account?.name})` };
  return { scope: "root", because: `kubeconfig user ${user ?? "in this file"} acts with RBAC bindings that are not in the repository, so it is rated the broad kind` };
}
function plausibleKubeconfigCredential(value) {
  if (value.startsWith("LS0tLS1CRUdJTi")) {
    const pem = decodeBase64Text(value);
    return pem !== void 0 && /PRIVATE KEY-----/.test(pem) && pem.replace(/-----[A-Z ]+-----|\s/g, "").length >= 64;
  }
  return !isPlaceholder(value) && value.length >= 16 && looksRandom(value, 16, 3);
}
var KUBECONFIG = (user, credential) => [
  "apiVersion: v1",
  "kind: Config",
  "clusters:",
  "- cluster:",
  `    certificate-authority-data: ${CA_CERT}`,
  "    server: https://10.20.0.10:6443",
  "  name: production",
  "contexts:",
  "- context:",
  "    cluster: production",
  `    user: ${user}`,
  `  name: ${user}@production`,
  `current-context: ${user}@production`,
  "preferences: {}",
  "users:",
  `- name: ${user}`,
  "  user:",
  credential,
  ""
].join("\n");
var kubernetesKubeconfigCredential = {
  id: "kubernetes-kubeconfig-credential",
  provider: "kubernetes",
  title: "Kubernetes kubeconfig credential",
  valuePatterns: [
    { regex: /client-key-data:[ \t]*["']?(LS0tLS1CRUdJTi[A-Za-z0-9+/=]{40,})/g, keywords: ["client-key-data"] },
    { regex: /^[ \t]+(?:token|id-token|refresh-token|password):[ \t]*["']?([^\s"'#]{16,})/gm, keywords: ["token:", "password:"], requires: KUBECONFIG_FILES }
  ],
  plausible: plausibleKubeconfigCredential,
  rate: rateKubeconfigCredential,
  reach: "acts on the cluster as the kubeconfig user; an admin (system:masters) can delete every namespace, workload, volume and secret, and RBAC cannot stop it",
  narrower: "use short-lived credentials from an exec plugin (aws eks get-token, gke-gcloud-auth-plugin, kubelogin) or a service account bound to one namespace with only the verbs the job needs",
  reference: "https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/",
  samples: {
    positive: [
      sample("ops/kubeconfig.yaml", KUBECONFIG("kubernetes-admin", `    client-certificate-data: ${ADMIN_CERT}
    client-key-data: ${ADMIN_KEY}`), { expect: { line: 19 } }),
      sample(".gitlab-ci.yml", `deploy:
  stage: deploy
  image: bitnami/kubectl:1.31
  variables:
    KUBECONFIG_CONTENT: |
      apiVersion: v1
      kind: Config
      clusters:
      - cluster:
          server: https://k8s.acme.io:6443
        name: prod
      contexts:
      - context: {cluster: prod, user: ci}
        name: prod
      current-context: prod
      users:
      - name: ci
        user:
          token: ${DEPLOYER_TOKEN}
  script:
    - echo "$KUBECONFIG_CONTENT" > kubeconfig && kubectl --kubeconfig kubeconfig apply -f k8s/
`, { expect: { line: 19 } }),
      sample("ops/staging.kubeconfig", KUBECONFIG("default", `    client-certificate-data: ${DEV_CERT.slice(0, 300)}
    client-key-data: ${DEV_KEY}`), { expect: { line: 19 }, note: "truncated certificate: not decodable, must not crash" })
    ],
    negative: [
      sample("ops/kubeconfig-eks.yaml", "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://4A2B6C8D0E1F.gr7.eu-west-1.eks.amazonaws.com\n  name: prod\ncontexts:\n- context: {cluster: prod, user: eks}\n  name: prod\ncurrent-context: prod\nusers:\n- name: eks\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [eks, get-token, --cluster-name, prod]\n", { note: "exec plugin: no secret in the file" }),
      sample("docs/kubeconfig.md", "users:\n- name: ci\n  user:\n    token: <service-account-token>\nclusters:\n- name: prod\ncontexts:\n- name: prod\n"),
      sample("charts/app/values.yaml", "auth:\n  token: Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL\n  users: []\n", { note: "not a kubeconfig" })
    ]
  },
  scopeSamples: {
    positive: [
      sample("ops/kubeconfig.yaml", KUBECONFIG("ops", `    client-certificate-data: ${ADMIN_CERT}
    client-key-data: ${ADMIN_KEY}`), { expect: { line: 19 }, note: "decoded certificate subject O=system:masters" }),
      sample("ops/dev.kubeconfig", KUBECONFIG("jane", `    client-certificate-data: ${DEV_CERT}
    client-key-data: ${DEV_KEY}`), { expect: { line: 19 }, note: "ordinary user: RBAC unknown, fail closed" }),
      sample("ops/staging.kubeconfig", KUBECONFIG("default", `    client-certificate-data: ${DEV_CERT.slice(0, 300)}
    client-key-data: ${DEV_KEY}`), { expect: { line: 19 }, note: "truncated certificate: fail closed" }),
      sample("etc/rancher/k3s/k3s.yaml", KUBECONFIG("default", `    client-certificate-data: ${DEV_CERT}
    client-key-data: ${DEV_KEY}`), { expect: { line: 19 }, note: "k3s admin kubeconfig" })
    ],
    negative: [sample("nodes/worker-1.kubeconfig", KUBECONFIG("system:node:worker-1", `    client-certificate-data: ${NODE_CERT}
    client-key-data: ${NODE_KEY}`), { note: "kubelet identity" })]
  }
};
function rateServiceAccountToken(context) {
  const token = context.value.startsWith("eyJ") ? context.value : decodeBase64Text(context.value) ?? "";
  const account = serviceAccountOf(token);
  if (!account) return { scope: "scoped", because: "a service-account token acts with the bindings of its one account" };
  if (/admin/.test(account.name)) return { scope: "root", because: `service account ${account.namespace}/${account.name} is named as an administrator (commonly bound to cluster-admin)` };
  return { scope: "scoped", because: `service account ${account.namespace}/${account.name} acts with its own RBAC bindings` };
}
function plausibleServiceAccountToken(value) {
  const token = value.startsWith("eyJ") ? value : decodeBase64Text(value);
  if (!token) return false;
  const decoded = decodeJwt(token.trim());
  if (!decoded || !serviceAccountOf(token.trim())) return false;
  const exp = decoded.payload.exp;
  return !(typeof exp === "number" && exp * 1e3 < Date.now());
}
var kubernetesServiceAccountToken = {
  id: "kubernetes-service-account-token",
  provider: "kubernetes",
  title: "Kubernetes service-account token",
  valuePatterns: [
    {
      // Bounded payload runs keep a long base64 string without a signature from costing quadratic time.
      regex: new RegExp(`(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,2000}\\.eyJ[A-Za-z0-9_-]{0,3000}?(?:${K8S_CLAIM_NEEDLES.join("|")})[A-Za-z0-9_-]{0,3000}\\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_.-])`, "g"),
      keywords: K8S_CLAIM_NEEDLES
    },
    // `data.token` of a service-account-token Secret: base64 of the JWT (`ZXlK` is base64 of `eyJ`).
    { regex: /^[ \t]+token:[ \t]*["']?(ZXlK[A-Za-z0-9+/]{100,}={0,2})/gm, keywords: ["token:"], requires: ["kubernetes.io/service-account-token"] }
  ],
  plausible: plausibleServiceAccountToken,
  rate: rateServiceAccountToken,
  reach: "acts on the cluster as the service account; one bound to cluster-admin (the dashboard’s admin-user, CI deployers) can delete every namespace and read every secret",
  narrower: "mint short-lived tokens with `kubectl create token` or projected volumes, for an account bound to one namespace with only the verbs it needs",
  reference: "https://kubernetes.io/docs/concepts/security/service-accounts/",
  samples: {
    positive: [
      sample("infra/k8s.tf", `provider "kubernetes" {
  host                   = "https://k8s.acme.io:6443"
  token                  = "${DEPLOYER_TOKEN}"
  cluster_ca_certificate = file("ca.crt")
}
`, { expect: { line: 3 } }),
      sample("k8s/deployer-token.yaml", `apiVersion: v1
kind: Secret
metadata:
  name: deployer-token-7xk2p
  namespace: ci
  annotations:
    kubernetes.io/service-account.name: deployer
type: kubernetes.io/service-account-token
data:
  namespace: Y2k=
  token: ${DEPLOYER_TOKEN_B64}
`, { expect: { line: 11 } })
    ],
    negative: [
      sample("k8s/deployer-token.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: deployer-token\n  namespace: ci\n  annotations:\n    kubernetes.io/service-account.name: deployer\ntype: kubernetes.io/service-account-token\n", { note: "the controller fills the token in" }),
      sample("docs/dashboard.md", "Get a login token with `kubectl -n kubernetes-dashboard create token admin-user` and paste it into the sign-in page.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/dashboard-login.sh", `#!/bin/sh
TOKEN="${ADMIN_TOKEN}"
curl -k -H "Authorization: Bearer $TOKEN" https://k8s.acme.io:6443/api/v1/namespaces
`, { expect: { line: 2 } })],
    negative: [sample("scripts/deploy.sh", `#!/bin/sh
kubectl --server https://k8s.acme.io:6443 --token "${DEPLOYER_TOKEN}" apply -f k8s/
`, { note: "an ordinary deployer account" })]
  }
};
var KUBERNETES_KINDS = [kubernetesKubeconfigCredential, kubernetesServiceAccountToken];

// knowledge/credentials/paas.ts
var DEPLOY_OR_READ = /* @__PURE__ */ new Set(["deploy", "deployer", "deployment", "readonly", "read", "ro", "viewer", "project"]);
var IDENTIFIER = /^[a-z]+(?:[A-Z][a-z]+|[0-9]+)*$|^(?:[A-Z][a-z]+|[0-9]+)+$/;
var generated = (body2, minLength = 20) => !isPlaceholder(body2) && !hasTypedRun(body2) && looksRandom(body2, minLength, 3.5) && /[0-9]/.test(body2) && /[A-Za-z]/.test(body2) && !IDENTIFIER.test(body2);
function rateAccountToken(broad, context) {
  const narrow = narrowingWord([context.variable], DEPLOY_OR_READ);
  if (narrow) return { scope: "scoped", because: `variable ${context.variable} names a ${narrow} token` };
  return { scope: "root", because: broad };
}
var HEROKU_KEY = "HRKU-AAUt7d_VhfxSwKHnfVMBcTcYb25repPvGUGbcA_ocz7Cx6v7A6v7mIoZuws4";
var HEROKU_UUID = "8338bc18-8e04-4de5-beed-25863b9950fd";
var herokuApiKey = {
  id: "heroku-api-key",
  provider: "heroku",
  title: "Heroku API key",
  valuePatterns: [
    { regex: /(?<![A-Za-z0-9_-])(HRKU-AA[0-9a-zA-Z_-]{58})(?![A-Za-z0-9_-])/g, keywords: ["hrku-aa"] },
    // ~/.netrc entries the Heroku CLI writes: `machine api.heroku.com login <email> password <key>`.
    { regex: new RegExp(`machine\\s+(?:api|git)\\.heroku\\.com(?:\\s+login\\s+\\S+)?\\s+password\\s+(${UUID_SOURCE}|HRKU-AA[0-9a-zA-Z_-]{58})`, "g"), keywords: ["heroku.com"] },
    // Given straight to a client: Ruby's `PlatformAPI.connect_oauth("…")`, Python's `heroku3.from_key("…")`.
    { regex: new RegExp(`(?<=\\b(?:connect_oauth|from_key)\\(\\s*["'])(${UUID_SOURCE}|HRKU-AA[0-9a-zA-Z_-]{58})(?=["'])`, "g"), keywords: ["connect_oauth", "from_key"] }
  ],
  contextPatterns: [
    { variable: /heroku[_.-]?(?:[a-z]+[_.-]?)?(?:api[_.-]?)?(?:key|token)/i, value: new RegExp(`^(?:${UUID_SOURCE}|HRKU-AA[0-9a-zA-Z_-]{58})$`), keywords: ["heroku"] },
    { header: /^authorization$/i, value: UUID, keywords: ["authorization"], requires: ["api.heroku.com"] }
  ],
  plausible: (value) => value.startsWith("HRKU-") ? generated(value.slice(7), 40) : UUID.test(value) && !isPlaceholder(value) && !/^0{8}-|-0{12}$|^12345678-/.test(value),
  rate: (context) => rateAccountToken("a Heroku API key acts as the user on every app and team they belong to", context),
  reach: "acts as the user on every app and team they belong to: it can destroy apps, delete add-on databases and their backups, and change config vars",
  narrower: "create an authorization with the narrowest scope (read, write or a single app’s deploy through a CI integration) and an expiry, instead of the account API key",
  reference: "https://devcenter.heroku.com/articles/authentication",
  samples: {
    positive: [
      sample("lib/tasks/heroku.rake", 'heroku = PlatformAPI.connect_oauth("1c5ed557-1342-4c39-a67d-286c8a160d1c")\n', { expect: { line: 1 }, note: "given straight to the client" }),
      sample(".github/workflows/deploy.yml", `jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: akhileshns/heroku-deploy@v3.13.15
        with:
          heroku_api_key: ${HEROKU_UUID}
          heroku_app_name: acme-api
          heroku_email: ops@acme.io
`, { expect: { line: 7 } }),
      sample("ops/netrc", `machine api.heroku.com
  login ops@acme.io
  password ${HEROKU_UUID}
machine git.heroku.com
  login ops@acme.io
  password ${HEROKU_UUID}
`, { expect: { line: 3 } }),
      sample("scripts/scale.py", `import heroku3

conn = heroku3.from_key("${HEROKU_KEY}")
conn.apps()["acme-api"].process_formation()["web"].scale(2)
`, { expect: { line: 3 } })
    ],
    negative: [
      sample(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    steps:\n      - uses: akhileshns/heroku-deploy@v3.13.15\n        with:\n          heroku_api_key: ${{ secrets.HEROKU_API_KEY }}\n          heroku_app_name: acme-api\n"),
      sample("app.json", `{
  "name": "acme-api",
  "env": { "HEROKU_APP_ID": { "value": "${HEROKU_UUID}" } }
}
`, { note: "an app id, not a key" }),
      sample("docs/heroku.md", "Export `HEROKU_API_KEY=12345678-abcd-abcd-abcd-1234567890ab` before running the script.\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.ci", `HEROKU_API_KEY=${HEROKU_UUID}
`, { expect: { line: 1 } })],
    negative: [sample(".env.ci", `HEROKU_READONLY_API_KEY=${HEROKU_UUID}
`, { note: "named for a read-only authorization" })]
  }
};
var FLY_USER_TOKEN = "fo1_7erdt51pmM9hgbpZ7kJJg5MBO75Hf_fmtf1y9kzPCH8";
var flyUserToken = {
  id: "fly-user-token",
  provider: "fly",
  title: "Fly.io user token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g, keywords: ["fo1_"] }],
  plausible: (value) => generated(value.slice(4), 30),
  rate: fixed("root", "a user token (fly auth token) acts as the user in every organisation and app"),
  reach: "acts as the user in every Fly.io organisation: it can destroy apps, machines and volumes, and read secrets through deploys",
  narrower: "use a deploy token for one app (fly tokens create deploy) with an expiry",
  reference: "https://fly.io/docs/security/tokens/",
  samples: {
    positive: [
      sample("scripts/deploy.sh", `#!/bin/sh
export FLY_API_TOKEN=${FLY_USER_TOKEN}
flyctl deploy --remote-only
`, { expect: { line: 2 } }),
      sample("ops/fly.env.json", `{
  "FLY_ACCESS_TOKEN": "${FLY_USER_TOKEN}",
  "FLY_APP": "acme-api"
}
`, { expect: { line: 2 } })
    ],
    negative: [
      sample("infra/doppler.tf", 'resource "doppler_integration_flyio" "prod" {\n  name    = "TF Fly.io"\n  api_key = "fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n}\n'),
      sample("src/forms.html", '<input type="hidden" name="authenticity_token" value="7SWa-Fo1_hsC6oovfBsJFLGPUl2EhkSWPbJhWANwgaJWBDl1vxd9VNqXTNAefsJqzIRYaZEfYZLffa31rw8zJA" />\n')
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/deploy.sh", `FLY_API_TOKEN=${FLY_USER_TOKEN} flyctl deploy
`, { expect: { line: 1 } })],
    negative: [sample("scripts/deploy.sh", "FLY_API_TOKEN=fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx flyctl deploy\n", { note: "placeholder" })]
  }
};
var MACAROON = "FlyV1 fm2_lJPECAAAAAAAAyZtxBDk89hn/WaqXHqShknzp5klb4h4F2qKz85l9LFxcJYSbwrzdzxuA/ceapLmhceBXVI/htEY7k+bdKu45+Wb9eICT+CixvJWfnxTIKh6GjZi8IPqPs0ltghT9tRP86S2vumJGmZTLMeNdwK+uUyXgnHMItHDxDzGvgMrf+j638xx/BMxC9hTtCqT14MRhkWjF93GETgMquJThoFGxdkx9tvAmzVbPG2bqv1eG2SLbrSKrxn2rFa,fm2_lJPEuTrXZxX9Dx3hnQWeVgZdIuXDdr/XPMOGcMNtbl1+ur3TBXqIRkWZau+fy4+jCxQd1HS0WApLcdZLCOwL0VBkvRkQzFVgC5gOck4KoIVtoTEhwrhW+Tcy6lLLM3XnnFr0vll02v+EP5CVmrqBeefEH8Z4ThhW2976";
var TOKEN_KIND_NEARBY = /tokens?\s+create\s+(deploy|readonly|ssh|machine-exec|org|literal)/;
function rateMacaroon(context) {
  const created = TOKEN_KIND_NEARBY.exec(context.nearby)?.[1];
  if (created === "org") return { scope: "root", because: "made with `fly tokens create org`: every app of the organisation" };
  if (created) return { scope: "scoped", because: `made with \`fly tokens create ${created}\`, which limits it to one app or one kind of access` };
  const narrow = narrowingWord([context.variable], /* @__PURE__ */ new Set([...DEPLOY_OR_READ, "ssh", "exec"]));
  if (narrow) return { scope: "scoped", because: `variable ${context.variable} names a ${narrow} token` };
  return { scope: "root", because: "a Fly.io macaroon’s caveats are not readable here: an org token reaches every app of the organisation, so it is rated the broad kind" };
}
var flyMacaroonToken = {
  id: "fly-macaroon-token",
  provider: "fly",
  title: "Fly.io macaroon token",
  valuePatterns: [
    {
      regex: /(?<![A-Za-z0-9+/_])((?:FlyV1 )?fm(?:2|1[ar])_[A-Za-z0-9+/]{100,}={0,3}(?:,fm(?:2|1[ar])_[A-Za-z0-9+/]{40,}={0,3})*)(?![A-Za-z0-9+/=_])/g,
      keywords: ["fm2_", "fm1a_", "fm1r_"]
    }
  ],
  plausible: (value) => generated(value.replace(/^(?:FlyV1 )?fm(?:2|1[ar])_/, "").slice(0, 100), 60),
  rate: rateMacaroon,
  reach: "does what its caveats allow until it expires (20 years by default): an org token can destroy every app, machine and volume of the organisation",
  narrower: "use `fly tokens create deploy` for one app, with a short --expiry, kept in CI secrets",
  reference: "https://fly.io/docs/security/tokens/",
  samples: {
    positive: [
      sample(".github/workflows/fly.yml", `name: Fly Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: superfly/flyctl-actions/setup-flyctl@master
      - run: flyctl deploy --remote-only
        env:
          FLY_API_TOKEN: "${MACAROON}"
`, { expect: { line: 12 } }),
      sample("Dockerfile.release", `FROM flyio/flyctl:latest
ENV FLY_ACCESS_TOKEN="${MACAROON}"
CMD ["deploy", "--remote-only"]
`, { expect: { line: 2 } })
    ],
    negative: [
      sample(".github/workflows/fly.yml", "jobs:\n  deploy:\n    steps:\n      - run: flyctl deploy --remote-only\n        env:\n          FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}\n"),
      sample("docs/fly.md", "A deploy token starts with `FlyV1 fm2_` followed by a long base64 string.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("ops/fly.env.yaml", `FLY_API_TOKEN: "${MACAROON}"
`, { expect: { line: 1 } })],
    negative: [sample("ops/fly.env.yaml", `# fly tokens create deploy -a acme-api -x 720h
FLY_API_TOKEN: "${MACAROON}"
`, { note: "made as a deploy token" })]
  }
};
var RENDER_KEY = "rnd_4uGJFA7D2UeGw54zqTZnERYstWdAHV0y";
var renderApiKey = {
  id: "render-api-key",
  provider: "render",
  title: "Render API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(rnd_[A-Za-z0-9]{24,64})(?![A-Za-z0-9_-])/g, keywords: ["rnd_"] }],
  plausible: (value) => generated(value.slice(4), 24),
  rate: (context) => rateAccountToken("a Render API key acts as its user in every workspace they belong to (scoped keys share the prefix, so it is rated the broad kind)", context),
  reach: "acts as its user in every workspace they belong to: it can delete services, Postgres databases and disks",
  narrower: "create a scoped API key limited to one workspace and the permissions the job needs, or use a deploy hook for deploys",
  reference: "https://render.com/docs/api#1-create-an-api-key",
  samples: {
    positive: [
      sample("scripts/render-env.sh", `#!/bin/sh
curl -s -H "Authorization: Bearer ${RENDER_KEY}" https://api.render.com/v1/services?limit=20
`, { expect: { line: 2 } }),
      sample("infra/render.tf", `provider "render" {
  api_key  = "${RENDER_KEY}"
  owner_id = "tea-cq8k2mh6fquc73c0o9g0"
}
`, { expect: { line: 2 } })
    ],
    negative: [
      sample("docs/render.md", "Your key looks like `rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`; paste it into `RENDER_API_KEY`.\n"),
      sample("scripts/render-env.sh", 'curl -s -H "Authorization: Bearer $RENDER_API_KEY" https://api.render.com/v1/services\n')
    ]
  },
  scopeSamples: {
    positive: [sample(".env.ops", `RENDER_API_KEY=${RENDER_KEY}
`, { expect: { line: 1 } })],
    negative: [sample(".env.ops", `RENDER_DEPLOY_API_KEY=${RENDER_KEY}
`, { note: "named for deploys" })]
  }
};
var VERCEL_TOKEN = "vcp_rqDGOkvdaiXJZJEpWTY4jIKB";
var VERCEL_LEGACY = "OdgQhslqEfB0ByyM2GRZ2GcY";
var vercelAccessToken = {
  id: "vercel-access-token",
  provider: "vercel",
  title: "Vercel access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(vc[piar]_[A-Za-z0-9]{20,60})(?![A-Za-z0-9_])/g, keywords: ["vcp_", "vci_", "vca_", "vcr_"] }],
  contextPatterns: [
    { variable: /^(?:VERCEL|NOW)_(?:API_|ACCESS_|AUTH_)?TOKEN$|vercel[_.-]?(?:api[_.-]?|access[_.-]?|auth[_.-]?)?token/i, value: /^[A-Za-z0-9]{24}$/, keywords: ["vercel", "now_"] },
    // `vercel deploy --prod --token <token>`: the CLI's own flag.
    { variable: /^-{0,2}token$/, value: /^[A-Za-z0-9]{24}$/, keywords: ["--token"], requires: ["vercel"] }
  ],
  plausible: (value) => generated(value.replace(/^vc[piar]_/, ""), 20),
  rate: (context) => rateAccountToken(
    context.value.startsWith("vcr_") ? "an app refresh token mints new access tokens for the account it was granted on" : "a Vercel token’s scope (full account, a team or one project) is not in the value, so it is rated the broad kind",
    context
  ),
  reach: "acts on the account or team it was scoped to: it can delete projects, deployments, domains and environment variables",
  narrower: "create a token scoped to one project (or one team) with an expiry, and keep it in CI secrets",
  reference: "https://vercel.com/docs/accounts/access-tokens",
  samples: {
    positive: [
      sample("package.json", '{\n  "scripts": {\n    "deploy": "vercel deploy --prod --token ZbqcabUGJmGEp7CgQ0PBQFI1"\n  }\n}\n', { expect: { line: 3 }, note: "the CLI's own --token flag" }),
      sample(".github/workflows/preview.yml", `jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - run: npx vercel deploy --token=${VERCEL_TOKEN} --prebuilt
`, { expect: { line: 5 } }),
      sample("scripts/env-pull.sh", `#!/bin/sh
export VERCEL_TOKEN=${VERCEL_LEGACY}
npx vercel env pull .env.local --yes
`, { expect: { line: 2 } })
    ],
    negative: [
      sample(".github/workflows/preview.yml", "jobs:\n  preview:\n    steps:\n      - run: npx vercel deploy --token=${{ secrets.VERCEL_TOKEN }} --prebuilt\n"),
      sample("vercel.json", '{\n  "projectId": "prj_3sezGX7VrTQeBJ4FpXSGP3KR1LLW",\n  "orgId": "team_8NHO7KLKwR5DjCaAFCHZxPsh"\n}\n', { note: "project and team ids are not secrets" })
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/env-pull.sh", `export VERCEL_TOKEN=${VERCEL_LEGACY}
`, { expect: { line: 1 } })],
    negative: [sample("scripts/env-pull.sh", `export VERCEL_PROJECT_TOKEN=${VERCEL_TOKEN}
`, { note: "named for a project-scoped token" })]
  }
};
var vercelAiGatewayKey = {
  id: "vercel-ai-gateway-key",
  provider: "vercel",
  title: "Vercel AI Gateway API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(vck_[A-Za-z0-9]{20,60})(?![A-Za-z0-9_])/g, keywords: ["vck_"] }],
  plausible: (value) => generated(value.slice(4), 20),
  rate: fixed("scoped", "an AI Gateway key only calls models through the gateway, billed to the team"),
  reach: "calls models through the team’s AI Gateway, spending its credits",
  narrower: "keep it in the deployment’s environment variables, or use the deployment’s OIDC token instead",
  reference: "https://vercel.com/docs/ai-gateway/authentication",
  samples: {
    positive: [
      sample("src/ai.ts", "import { createGateway } from '@ai-sdk/gateway';\n\nexport const gateway = createGateway({ apiKey: 'vck_8NHO7KLKwR5DjCaAFCHZxPsh' });\n", { expect: { line: 3 } }),
      sample(".env.production", "AI_GATEWAY_API_KEY=vck_8NHO7KLKwR5DjCaAFCHZxPsh\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("src/ai.ts", "export const gateway = createGateway({ apiKey: process.env.AI_GATEWAY_API_KEY });\n"),
      sample(".env.example", "AI_GATEWAY_API_KEY=vck_your_key_here\n")
    ]
  }
};
var NETLIFY_TOKEN = "nfp_eNM2yQyawkIVrKLiPjWi0Vtq8RQI3neoZSNc";
var NETLIFY_LEGACY = "Ncryw7jXShKGpj_csrX5b9gFTp3JsZbSH_jAMre5uXK";
var netlifyAccessToken = {
  id: "netlify-access-token",
  provider: "netlify",
  title: "Netlify personal access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(nfp_[A-Za-z0-9_]{36})(?![A-Za-z0-9_])/g, keywords: ["nfp_"] }],
  contextPatterns: [{ variable: /^NETLIFY_(?:AUTH_|ACCESS_|API_)?TOKEN$|netlify[_.-]?(?:auth|access|api)[_.-]?token/i, value: /^[A-Za-z0-9_-]{40,64}$/, keywords: ["netlify"] }],
  plausible: (value) => generated(value.replace(/^nfp_/, ""), 30),
  rate: fixed("root", "a Netlify personal access token acts as the user on every team and site they belong to"),
  reach: "acts as the user on every team and site: it can delete sites, deploys, environment variables and DNS zones",
  narrower: "use build hooks for triggering deploys and keep any access token in CI secrets with an expiry",
  reference: "https://docs.netlify.com/api/get-started/#authentication",
  samples: {
    positive: [
      sample(".github/workflows/site.yml", `jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: npx netlify deploy --prod --dir=dist
        env:
          NETLIFY_AUTH_TOKEN: ${NETLIFY_TOKEN}
          NETLIFY_SITE_ID: 2f7a9c31-5b4d-4e8a-9f10-6d4c2b8a1e57
`, { expect: { line: 7 } }),
      sample("scripts/deploy-site.sh", `#!/bin/sh
NETLIFY_AUTH_TOKEN=${NETLIFY_LEGACY} npx netlify deploy --prod --dir=dist
`, { expect: { line: 2 } })
    ],
    negative: [
      sample(".github/workflows/site.yml", "jobs:\n  deploy:\n    steps:\n      - run: npx netlify deploy --prod\n        env:\n          NETLIFY_AUTH_TOKEN: ${{ secrets.NETLIFY_AUTH_TOKEN }}\n          NETLIFY_SITE_ID: 2f7a9c31-5b4d-4e8a-9f10-6d4c2b8a1e57\n"),
      sample("netlify.toml", '[build]\n  command = "npm run build"\n  publish = "dist"\n')
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/deploy-site.sh", `NETLIFY_AUTH_TOKEN=${NETLIFY_TOKEN} npx netlify deploy --prod
`, { expect: { line: 1 } })],
    negative: [sample("scripts/deploy-site.sh", "NETLIFY_AUTH_TOKEN=nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx npx netlify deploy --prod\n", { note: "placeholder" })]
  }
};
var DO_TOKEN = "dop_v1_8637b5bfd661f88ff033c5508a0e5b2cca9b1fd7890bd6eee25394dc2fb72578";
var DO_OAUTH = "doo_v1_b9d084eaad08587f8b8023318abd427318d2b54b3303df3cca3683b128477b6e";
var digitaloceanToken = {
  id: "digitalocean-token",
  provider: "digitalocean",
  title: "DigitalOcean API token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(do[por]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/g, keywords: ["dop_v1_", "doo_v1_", "dor_v1_"] }],
  contextPatterns: [{ variable: /^(?:DIGITALOCEAN_(?:ACCESS_|API_)?TOKEN|DO_(?:API_|ACCESS_|AUTH_)?TOKEN|DO_PAT)$|digitalocean[_.-]?(?:access[_.-]?|api[_.-]?)?token/i, value: /^[a-f0-9]{64}$/, keywords: ["digitalocean", "do_"] }],
  plausible: (value) => generated(value.replace(/^do[por]_v1_/, ""), 64),
  rate: (context) => rateAccountToken("a DigitalOcean token’s scopes (full access, read-only or custom) are not in the value, so it is rated the broad kind", context),
  reach: "with full access, can destroy every droplet, managed database, volume, snapshot and Space in the team",
  narrower: "create a custom-scoped token with only the resource:action scopes the job needs (for example app:update for one app) and an expiry",
  reference: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
  samples: {
    positive: [
      sample("infra/provider.tf", `provider "digitalocean" {
  token = "${DO_TOKEN}"
}
`, { expect: { line: 2 } }),
      sample("infra/providers.tf", 'provider "digitalocean" {\n  token = "d94d7efecc22a4e5d4697ea93ff69b5257313aee99add6cd71b8890a6299c089"\n}\n', { expect: { line: 2 }, note: "a legacy 64-hex token: the provider block names it" }),
      sample(".github/workflows/app.yml", `jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: digitalocean/action-doctl@v2
        with:
          token: ${DO_OAUTH}
`, { expect: { line: 7 } })
    ],
    negative: [
      sample(".github/workflows/app.yml", "jobs:\n  deploy:\n    steps:\n      - uses: digitalocean/action-doctl@v2\n        with:\n          token: ${{ secrets.DIGITALOCEAN_ACCESS_TOKEN }}\n"),
      sample("docs/doctl.md", "Run `doctl auth init` and paste a token such as `dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("infra/provider.tf", `provider "digitalocean" {
  token = "${DO_TOKEN}"
}
`, { expect: { line: 2 } })],
    negative: [sample("monitoring/.env.exporter", `DO_READONLY_TOKEN=${DO_TOKEN}
`, { note: "named for a read-only token" })]
  }
};
function deployHook(id, provider, title, regex, keyword, reference, positive, negative) {
  return {
    id,
    provider,
    title,
    valuePatterns: [{ regex, keywords: [keyword] }],
    plausible: (value) => !isPlaceholder(value) && looksRandom(value, 8, 2.5),
    rate: fixed("scoped", "a deploy hook only starts a deploy of one service"),
    exposedSeverity: "low",
    reach: "starts a deploy of one service or site whenever it is called, from the branch the hook was made for",
    narrower: "keep the hook URL in CI secrets; delete and recreate it from the service settings after exposure",
    reference,
    samples: {
      positive: positive.map(([path2, content, line]) => sample(path2, content, { expect: { line } })),
      negative: negative.map(([path2, content]) => sample(path2, content))
    }
  };
}
var renderDeployHook = deployHook(
  "render-deploy-hook",
  "render",
  "Render deploy hook URL",
  /https:\/\/api\.render\.com\/deploy\/srv-[a-z0-9]{16,32}\?key=([A-Za-z0-9_-]{8,64})/g,
  "api.render.com/deploy",
  "https://render.com/docs/deploy-hooks",
  [
    ["Jenkinsfile", `pipeline {
  agent any
  environment {
    RENDER_DEPLOY_HOOK = 'https://api.render.com/deploy/srv-c9l2xm78bwl05w38k9uv?key=mJZ5o-GGVci'
  }
  stages {
    stage('Deploy') { steps { sh 'curl -X POST "$RENDER_DEPLOY_HOOK"' } }
  }
}
`, 4],
    [".github/workflows/deploy.yml", 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsS -X POST "https://api.render.com/deploy/srv-c9l2xm78bwl05w38k9uv?key=mJZ5o-GGVci"\n', 5]
  ],
  [
    ["docs/deploy.md", "Copy the hook from Settings → Deploy Hook; it looks like `https://api.render.com/deploy/srv-xxxxxxx?key=yyyyyyy`.\n"],
    [".github/workflows/deploy.yml", 'jobs:\n  deploy:\n    steps:\n      - run: curl -fsS -X POST "${{ secrets.RENDER_DEPLOY_HOOK }}"\n']
  ]
);
var vercelDeployHook = deployHook(
  "vercel-deploy-hook",
  "vercel",
  "Vercel deploy hook URL",
  /https:\/\/api\.vercel\.com\/v1\/integrations\/deploy\/prj_[A-Za-z0-9]{20,40}\/([A-Za-z0-9]{8,40})/g,
  "api.vercel.com/v1/integrations/deploy",
  "https://vercel.com/docs/deploy-hooks",
  [
    ["scripts/publish.sh", '#!/bin/sh\ngit push origin main\ncurl -X POST "https://api.vercel.com/v1/integrations/deploy/prj_3sezGX7VrTQeBJ4FpXSGP3KR1LLW/VZqWuDetpa"\n', 3],
    ["cms/webhooks.ts", "export const rebuildSite = () => fetch('https://api.vercel.com/v1/integrations/deploy/prj_3sezGX7VrTQeBJ4FpXSGP3KR1LLW/VZqWuDetpa', { method: 'POST' });\n", 1]
  ],
  [
    ["docs/deploy.md", "Format: `https://api.vercel.com/v1/integrations/deploy/prj_xxx/xxx`.\n"],
    ["cms/webhooks.ts", 'export const rebuildSite = () => fetch(process.env.VERCEL_DEPLOY_HOOK_URL!, { method: "POST" });\n']
  ]
);
var netlifyBuildHook = deployHook(
  "netlify-build-hook",
  "netlify",
  "Netlify build hook URL",
  /https:\/\/api\.netlify\.com\/build_hooks\/([0-9a-f]{24})(?![0-9a-f])/g,
  "api.netlify.com/build_hooks",
  "https://docs.netlify.com/configure-builds/build-hooks/",
  [
    ["supabase/migrations/20250106_rebuild.sql", "CREATE TRIGGER rebuild_site AFTER INSERT OR UPDATE ON public.posts FOR EACH ROW EXECUTE FUNCTION supabase_functions.http_request('https://api.netlify.com/build_hooks/ec0a11f1ba2ef255f8c86ac7', 'POST', '{}', '{}', '5000');\n", 1],
    ["src/admin/publish.js", "const BUILD_HOOK_URL = 'https://api.netlify.com/build_hooks/ec0a11f1ba2ef255f8c86ac7';\nexport const publish = () => fetch(BUILD_HOOK_URL, { method: 'POST' });\n", 1]
  ],
  [
    ["netlify/functions/nightly.js", "const buildHookUrl = `https://api.netlify.com/build_hooks/${process.env.BUILD_HOOK_NIGHTLY}`;\n"],
    ["docs/publishing.md", "Add a build hook (https://api.netlify.com/build_hooks/<hook_id>) to the CMS webhooks.\n"]
  ]
);
var PAAS_KINDS = [
  herokuApiKey,
  flyUserToken,
  flyMacaroonToken,
  renderApiKey,
  vercelAccessToken,
  vercelAiGatewayKey,
  netlifyAccessToken,
  digitaloceanToken,
  renderDeployHook,
  vercelDeployHook,
  netlifyBuildHook
];

// knowledge/credentials/railway.ts
var REFERENCE6 = "https://docs.railway.com/integrations/api";
var PROSE_ACCOUNT_TOKEN = /\brailway\b(?:(?!\bproject\b)[^\n]){0,70}?\btokens?\b[^\n0-9a-f]{0,30}(?<![0-9a-f-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;
var PROSE_PROJECT_TOKEN = /\brailway\b[^\n]{0,40}?\bproject\b[^\n]{0,30}?\btokens?\b[^\n0-9a-f]{0,30}(?<![0-9a-f-])([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;
var WORKSPACE_HINT = /workspaceId|teamId|workspace_id|team_id/;
function rateAccount(context) {
  const name = context.variable ?? context.header ?? "the value";
  if (/project/i.test(context.variable ?? "")) return { scope: "scoped", because: `variable ${context.variable} names a project token` };
  if (WORKSPACE_HINT.test(context.line) || /team|workspace/i.test(context.variable ?? "")) {
    return { scope: "root", because: `${name} is a workspace token: every project in the workspace` };
  }
  return { scope: "root", because: `${name} holds account or workspace tokens, and a UUID cannot show which, so it is rated the broad kind` };
}
var railwayAccountToken = {
  id: "railway-account-token",
  provider: "railway",
  title: "Railway account token",
  valuePatterns: [{ regex: PROSE_ACCOUNT_TOKEN, keywords: ["railway"] }],
  contextPatterns: [
    // RAILWAY_API_TOKEN is the CLI's variable for account and workspace tokens; other Railway-named token
    // variables (project tokens are matched first) are rated the same way because a UUID never shows its kind.
    { variable: /railway.*(?:token|key)/i, value: UUID, keywords: ["railway"] },
    // A bearer UUID sent to Railway's public GraphQL API is a user or workspace token (project tokens use their own header).
    { header: /^authorization$/i, value: UUID, keywords: ["authorization"], requires: ["backboard.railway"] }
  ],
  rate: rateAccount,
  reach: "can delete every project, service, volume and backup in every workspace the account belongs to",
  narrower: "use a project token in RAILWAY_TOKEN, bound to one environment of one project",
  reference: REFERENCE6,
  samples: {
    positive: [
      sample("scripts/redeploy.sh", "#!/usr/bin/env bash\nset -euo pipefail\nexport RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\nrailway up --service api\n", { expect: { line: 3 } }),
      sample("src/ops/railway.ts", "const res = await fetch('https://backboard.railway.com/graphql/v2', {\n  method: 'POST',\n  headers: { Authorization: 'Bearer 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c', 'Content-Type': 'application/json' },\n  body: JSON.stringify({ query: '{ me { email } }' }),\n});\n", { expect: { line: 3 } }),
      sample("docs/deploy.md", "## Deploying by hand\n\n```\nRAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c railway redeploy --yes\n```\n", { expect: { line: 4 } }),
      sample(".windsurfrules", "Deploy with `railway up`. The Railway API token is 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c (account token, do not share).\n", { expect: { line: 1 }, note: "prose in an agent rules file" })
    ],
    negative: [
      sample(".github/workflows/deploy.yml", "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}\n    steps:\n      - run: railway up\n"),
      sample("docs/deploy.md", "Set `RAILWAY_API_TOKEN=XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX` (create one under Account Settings).\n"),
      sample("src/ids.ts", "export const RAILWAY_PROJECT_ID = '6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c';\nexport const RAILWAY_SERVICE_ID = '0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6';\n"),
      sample("docs/railway.md", "Railway project 6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c hosts the API; create a token under Account Settings.\n", { note: "a project id, and a token mentioned without one" })
    ]
  },
  scopeSamples: {
    positive: [sample("config/deploy.ts", "export const railway = { apiToken: process.env.RAILWAY_API_TOKEN ?? '6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c' };\n", { expect: { line: 1 } })],
    negative: [sample("config/deploy.ts", "export const railway = { token: process.env.RAILWAY_TOKEN ?? '6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c' };\n")]
  }
};
var railwayProjectToken = {
  id: "railway-project-token",
  provider: "railway",
  title: "Railway project token",
  valuePatterns: [{ regex: PROSE_PROJECT_TOKEN, keywords: ["railway"] }],
  contextPatterns: [
    { variable: /^RAILWAY_TOKEN$|railway.*project.*token/i, value: UUID, keywords: ["railway"] },
    { header: /^project-access-token$/i, value: UUID, keywords: ["project-access-token"] }
  ],
  rate: () => ({ scope: "scoped", because: "a project token reaches one environment of one project" }),
  reach: "can deploy, redeploy and read logs in one environment of one project",
  narrower: "already the narrowest Railway token; keep it in CI secrets rather than in the repository",
  reference: "https://docs.railway.com/cli/login",
  samples: {
    positive: [
      sample(".gitlab-ci.yml", 'deploy:\n  stage: deploy\n  variables:\n    RAILWAY_TOKEN: "0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6"\n  script:\n    - railway up --service web\n', { expect: { line: 4 } }),
      sample("scripts/logs.py", 'import requests\nrequests.post(URL, headers={"Project-Access-Token": "0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6"})\n', { expect: { line: 2 } }),
      sample("CLAUDE.md", "# Deploying\n\nUse the Railway project token 0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6 for the staging environment.\n", { expect: { line: 3 }, note: "prose in an agent instructions file" })
    ],
    negative: [sample(".gitlab-ci.yml", "deploy:\n  variables:\n    RAILWAY_TOKEN: $RAILWAY_TOKEN\n  script:\n    - railway up\n")]
  }
};
var RAILWAY_KINDS = [railwayProjectToken, railwayAccountToken];

// knowledge/credentials/registries.ts
var NPM_TOKEN = /^npm_[A-Za-z0-9]{36}$/;
var NPMRC_REGISTRY = /\/\/([^/\s:]+)[^\s]*:_authToken/;
function npmPlausible(value) {
  if (NPM_TOKEN.test(value)) return hasValidBase62Checksum(value, 4);
  if (UUID.test(value)) return !isPlaceholder(value);
  return /^[A-Za-z0-9._~+/=-]{20,}$/.test(value) && looksRandom(value, 20, 3) && !isPlaceholder(value);
}
function npmRating(context) {
  const registry = NPMRC_REGISTRY.exec(context.line)?.[1];
  if (registry && registry !== "registry.npmjs.org" && !NPM_TOKEN.test(context.value)) {
    return { scope: "unknown", because: `a token for the ${registry} registry; its scope is not in the value` };
  }
  return readOnlyRating(context, "npm token") ?? {
    scope: "root",
    because: "an npm token can publish every package its user maintains unless it was created read-only or limited to packages, which the value does not show"
  };
}
var npmToken = {
  id: "npm-token",
  provider: "npm",
  title: "npm access token",
  valuePatterns: [
    { regex: /(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, keywords: ["npm_"] },
    // Tokens issued before the `npm_` format are UUIDs, written into `.npmrc` by `npm login`.
    { regex: new RegExp(`(?<=_authToken\\s*=\\s*["']?)(${UUID_SOURCE})(?![0-9A-Fa-f-])`, "g"), keywords: ["_authtoken"] }
  ],
  contextPatterns: [{ variable: /^(?:NPM_(?:AUTH_|PUBLISH_)?TOKEN|NODE_AUTH_TOKEN)$/i, value: UUID, keywords: ["npm", "node_auth"] }],
  plausible: npmPlausible,
  rate: npmRating,
  reach: "publishes new versions of every package the user maintains: code that runs on every machine that installs them",
  narrower: "use a granular access token limited to the packages it publishes, with an expiry, or trusted publishing from CI (no token at all)",
  reference: "https://docs.npmjs.com/about-access-tokens/",
  samples: {
    positive: [
      sample(".npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=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\n", { expect: { line: 2 } }),
      sample(".github/workflows/publish.yml", "jobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n      - run: npm publish --access public\n        env:\n          NODE_AUTH_TOKEN: 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\n", { expect: { line: 10 } }),
      sample("packages/cli/.npmrc", "//registry.npmjs.org/:_authToken=04c88b82-ed9c-3639-383e-0d8319e97abe\nalways-auth=true\n", { expect: { line: 1 } })
    ],
    negative: [
      sample(".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"),
      sample("scripts/publish.sh", '#!/bin/sh\n# token format: npm_ followed by 36 characters\necho "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc\n'),
      sample("docs/release.md", "Create a token (it looks like `npm_Aub3NzdHvwW5Snpbt0Kwf2OeoDF4p3Zq4vW8`) and save it as `NPM_TOKEN`.\n", { note: "checksum fails: a made-up value" })
    ]
  },
  scopeSamples: {
    positive: [sample(".npmrc", "//registry.npmjs.org/:_authToken=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\n", { expect: { line: 1 } })],
    negative: [sample(".npmrc", "# read-only token: installs private dependencies in CI\n//registry.npmjs.org/:_authToken=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\n")]
  }
};
function decodeMacaroon(token) {
  const bytes = Buffer.from(token.replace(/^pypi-/, ""), "base64url");
  if (bytes[0] !== 2) return void 0;
  let at = 1;
  const field = () => {
    const type = bytes[at++];
    if (type === void 0) throw new Error("truncated");
    if (type === 0) return void 0;
    let length = 0;
    let shift = 0;
    for (; ; ) {
      const byte = bytes[at++];
      if (byte === void 0 || shift > 28) throw new Error("truncated");
      length |= (byte & 127) << shift;
      if (byte < 128) break;
      shift += 7;
    }
    const data = bytes.subarray(at, at + length);
    if (data.length !== length) throw new Error("truncated");
    at += length;
    return { type, data };
  };
  try {
    let location = "";
    for (let header = field(); header; header = field()) if (header.type === 1) location = header.data.toString("utf8");
    const caveats = [];
    while (at < bytes.length && bytes[at] !== 0) {
      for (let part = field(); part; part = field()) if (part.type === 2) caveats.push(part.data.toString("utf8"));
    }
    return { location, caveats };
  } catch {
    return void 0;
  }
}
function readCaveat(predicate) {
  let parsed;
  try {
    parsed = JSON.parse(predicate);
  } catch {
    return { kind: "other" };
  }
  if (Array.isArray(parsed)) {
    const [tag, first] = parsed;
    if (tag === 0 && typeof first === "number") return { kind: "expiry", expiresAt: first };
    if (tag === 1 || tag === 2) return { kind: "project", names: Array.isArray(first) ? first.join(", ") : "one project" };
    if (tag === 3) return { kind: "user" };
    if (tag === 4) return { kind: "publisher" };
    return { kind: "other" };
  }
  if (parsed && typeof parsed === "object") {
    const permissions = parsed.permissions;
    if (permissions === "user") return { kind: "user" };
    const projects = permissions?.projects;
    if (Array.isArray(projects)) return { kind: "project", names: projects.join(", ") };
  }
  return { kind: "other" };
}
function pypiRating(context) {
  const macaroon = decodeMacaroon(context.value);
  if (!macaroon) return { scope: "root", because: "the token’s macaroon does not decode, so its caveats are unknown and it is rated account-wide" };
  if (macaroon.location === "test.pypi.org") return { scope: "test", because: "a TestPyPI token (macaroon location test.pypi.org)" };
  const caveats = macaroon.caveats.map(readCaveat);
  const project = caveats.find((caveat) => caveat.kind === "project");
  if (project) return { scope: "scoped", because: `its caveats limit it to ${project.names}` };
  if (caveats.some((caveat) => caveat.kind === "publisher")) return { scope: "scoped", because: "a trusted-publisher token, limited to the publisher’s projects" };
  if (caveats.some((caveat) => caveat.kind === "user")) return { scope: "root", because: "its caveats scope it to the whole account: every project the user can upload to" };
  return { scope: "root", because: "no caveat limits it to a project, so it reaches the whole account" };
}
var pypiToken = {
  id: "pypi-token",
  provider: "pypi",
  title: "PyPI API token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(pypi-AgE[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/g, keywords: ["pypi-"] }],
  plausible: (value) => {
    if (isPlaceholder(value.slice(20))) return false;
    const expiry = decodeMacaroon(value)?.caveats.map(readCaveat).find((caveat) => caveat.kind === "expiry");
    return !(expiry?.kind === "expiry" && expiry.expiresAt * 1e3 < Date.now());
  },
  rate: pypiRating,
  reach: "uploads new releases of every project the account can publish to: code that runs on every machine that installs them",
  narrower: "use a token scoped to the one project it publishes, or trusted publishing from CI (no long-lived token at all)",
  reference: "https://pypi.org/help/#apitoken",
  samples: {
    positive: [
      sample(".pypirc", "[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCIDZkZTdlNzg2YTQwMDQ0NTRiOWJjMmI2NzAyMzFiMGQ0AAIqWzMsImY1Mjg5YmViLTJlYzctNDk3NS04MTZkLWUzZjMxNmMxN2IzZiJdAAAGIF2cCHx4eCIQq18IDjZjH8oKSE8UDTxrvG288uXjQUBu\n", { expect: { line: 6 } }),
      sample(".github/workflows/release.yml", "jobs:\n  upload:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m build\n      - run: twine upload dist/*\n        env:\n          TWINE_USERNAME: __token__\n          TWINE_PASSWORD: pypi-AgEIcHlwaS5vcmcCIGExY2U0ZmMxZGQ4ZDRjYmM4YTE5MzFhYTMzOGU3OTA5AAIUWzEsWyJhY21lLXdpZGdldHMiXV0AAixbMixbIjM0M2UxZWE1LTM0MzUtNGJlNy1iYjU1LThhYzY0NWZkZTI4YyJdXQAABiDDqtMKmDsFaIpsnJuab1Rtuc2FTqTtY4-n9mKevogvJQ\n", { expect: { line: 9 } }),
      sample("Makefile", "publish-test:\n	twine upload --repository testpypi -u __token__ -p pypi-AgENdGVzdC5weXBpLm9yZwIgYjM4OWMxMThiZWU1NDc2OWEzZDc3MjVkNmE4NzYxOTQAAiV7InZlcnNpb24iOiAxLCAicGVybWlzc2lvbnMiOiAidXNlciJ9AAAGIOZy7Y-v-9rGHPlppruzFts-E_kWgM-jPyXK0C65w-B9 dist/*\n", { expect: { line: 2 }, note: "TestPyPI: reported low" })
    ],
    negative: [
      sample(".github/workflows/release.yml", "jobs:\n  upload:\n    steps:\n      - run: twine upload dist/*\n        env:\n          TWINE_USERNAME: __token__\n          TWINE_PASSWORD: ${{ secrets.PYPI_API_TOKEN }}\n"),
      sample("CONTRIBUTING.md", "Put `password = pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` in your `~/.pypirc`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCIGJmMjNiMDllNGE3YTQwMDZiMTRmMTRlMWI2NzNhMGY4AAIleyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogInVzZXIifQAABiAn6JL2QKfaTIOQ7hvCXUExo_SwWi90Oisv_V9Q4usRRQ\n", { expect: { line: 3 } })],
    negative: [sample(".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCIGIxZDI5OTU3OWEzODQwOTJhOTFiOWQzZGI4ODQzYzAxAAI9eyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogeyJwcm9qZWN0cyI6IFsiYWNtZS13aWRnZXRzIl19fQAABiDHoAI2UWESMgkbNItKOjxGDnsqrIE3_wz8ST0zMOnCjg\n", { note: "caveat limits it to one project" })]
  }
};
var dockerHubToken = {
  id: "docker-hub-token",
  provider: "docker",
  title: "Docker Hub access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32})(?![A-Za-z0-9_-])/g, keywords: ["dckr_pat_", "dckr_oat_"] }],
  plausible: (value) => !isPlaceholder(value.slice(9)),
  rate: (context) => readOnlyRating(context, "Docker Hub token") ?? {
    scope: "root",
    because: context.value.startsWith("dckr_oat_") ? "an organization access token: its repository and organization permissions are not in the value" : "a personal access token reaches every repository of the account; its permission (up to read, write, delete) is not in the value"
  },
  reach: "pushes over and deletes images in every repository the account or organization owns: what production pulls next",
  narrower: "use a token with Read-only or Public Repo Read-only access for pulls, and an organization access token limited to the repositories CI pushes",
  reference: "https://docs.docker.com/security/access-tokens/",
  samples: {
    positive: [
      sample(".gitlab-ci.yml", 'build:\n  image: docker:27\n  script:\n    - echo "dckr_pat_c4A7Aif9HxCMUyc6jRiItDPLf4X" | docker login -u acmebuild --password-stdin\n    - docker push acme/api:$CI_COMMIT_SHA\n', { expect: { line: 4 } }),
      sample("deploy/registry.env", "DOCKERHUB_USERNAME=acme\nDOCKERHUB_TOKEN=dckr_oat_rTxtk1O7UCNF_xrzXgsmoNHUwyMsGhcf\n", { expect: { line: 2 } })
    ],
    negative: [
      sample(".github/workflows/image.yml", "jobs:\n  push:\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: acmebuild\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n"),
      sample("docs/ci.md", "Create a personal access token (`dckr_pat_...`) with Read & Write scope.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("deploy/registry.env", "DOCKERHUB_TOKEN=dckr_pat_c4A7Aif9HxCMUyc6jRiItDPLf4X\n", { expect: { line: 1 } })],
    negative: [sample("deploy/registry.env", "DOCKERHUB_PULL_TOKEN=dckr_pat_c4A7Aif9HxCMUyc6jRiItDPLf4X\n")]
  }
};
var DOCKER_HUB_HOSTS = /^(?:https?:\/\/)?(?:index\.docker\.io|registry-1\.docker\.io|docker\.io|registry\.hub\.docker\.com)(?:\/|$)/i;
function registryOf(context) {
  const text = `${context.nearby}
${context.line}`;
  const at = text.indexOf(context.value);
  const before = at === -1 ? text : text.slice(0, at);
  const keys = [...before.matchAll(/"([^"\s]+)"\s*:\s*\{/g)].map((match) => match[1]).filter((key) => key !== "auths");
  return keys[keys.length - 1];
}
function dockerLogin(value) {
  const text = decodeBase64Text(value);
  const colon = text?.indexOf(":") ?? -1;
  if (!text || colon <= 0 || !/^[\x20-\x7e]+$/.test(text)) return void 0;
  return { user: text.slice(0, colon), secret: text.slice(colon + 1) };
}
var dockerRegistryAuth = {
  id: "docker-registry-auth",
  provider: "docker",
  title: "Container registry login in a Docker config",
  // `.docker/config.json` (and DOCKER_AUTH_CONFIG) keep `auths.<registry>.auth` = base64(user:password-or-token).
  valuePatterns: [{ regex: /"auth"\s*:\s*"([A-Za-z0-9+/]{12,}={0,2})"/g, keywords: ['"auth"'], requires: ['"auths"'] }],
  plausible: (value) => {
    const login = dockerLogin(value);
    return login !== void 0 && login.secret.length >= 6 && !isHumanPlaceholder(login.secret) && !isHumanPlaceholder(login.user + login.secret);
  },
  rate: (context) => {
    const secret = dockerLogin(context.value)?.secret ?? "";
    const registry = registryOf(context);
    if (/^ghp_|^gho_/.test(secret)) return { scope: "root", because: "the login’s password is a GitHub classic or OAuth token: every repository of the user" };
    if (!registry || DOCKER_HUB_HOSTS.test(registry) || secret.startsWith("dckr_")) {
      const name = nameWord(context, /* @__PURE__ */ new Set(["readonly", "read", "pull"]));
      if (name) return { scope: "scoped", because: `the login is named for ${name} access` };
      return { scope: "root", because: "a Docker Hub login (password or access token) reaches every repository of the account" };
    }
    return { scope: "root-resource", because: `a login to ${registry}: every repository the account can push to or delete there` };
  },
  reach: "pushes over and deletes images in every repository the registry account can reach: what production pulls next",
  narrower: "use `docker login` with a credential helper (credsStore) instead of inline auths, and a pull-only token where nothing is pushed",
  reference: "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
  samples: {
    positive: [
      sample(".docker/config.json", '{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "YWNtZWJ1aWxkOmRja3JfcGF0X2M0QTdBaWY5SHhDTVV5YzZqUmlJdERQTGY0WA=="\n    }\n  }\n}\n', { expect: { line: 4 } }),
      sample("deploy/k8s/regcred.json", '{"auths":{"ghcr.io":{"username":"acme-bot","auth":"YWNtZS1ib3Q6Z2hwX2JJWHpmV3J1NHpDQnozTjE0ZnZvajNjVUN0NG45MTFZVE9CSg=="}}}\n', { expect: { line: 1 } }),
      sample("ci/docker-config.json", '{\n  "auths": {\n    "registry.acme-internal.io": {\n      "auth": "ZGVwbG95OldxN3JUMnZMcDl4S200WnM="\n    }\n  }\n}\n', { expect: { line: 4 } })
    ],
    negative: [
      sample(".docker/config.json", '{\n  "auths": {\n    "https://index.docker.io/v1/": {}\n  },\n  "credsStore": "desktop"\n}\n'),
      sample("docs/registry.md", '```json\n{ "auths": { "registry.example.com": { "auth": "dXNlcm5hbWU6cGFzc3dvcmQ=" } } }\n```\n', { note: "base64 of username:password" })
    ]
  },
  scopeSamples: {
    positive: [sample(".docker/config.json", '{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "YWNtZWJ1aWxkOmRja3JfcGF0X2M0QTdBaWY5SHhDTVV5YzZqUmlJdERQTGY0WA=="\n    }\n  }\n}\n', { expect: { line: 4 } })],
    negative: [sample(".docker/config.json", '{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "dXNlcm5hbWU6cGFzc3dvcmQ="\n    }\n  }\n}\n', { note: "placeholder login" })]
  }
};
function npmrcRegistry(context) {
  return /\/\/([^/\s:]+)[^\s]*:_(?:auth|password)\b/.exec(context.line)?.[1] ?? /^registry\s*=\s*https?:\/\/([^/\s:]+)/m.exec(context.nearby)?.[1];
}
var npmrcLogin = {
  id: "npmrc-login",
  provider: "npm",
  title: "Registry login in an .npmrc",
  // Private registries (Artifactory, Nexus, Verdaccio) take `_auth` = base64(user:password), or `username` beside
  // `_password` = base64(password), where the public registry takes a token.
  valuePatterns: [
    { regex: /(?<=(?:^|[\s:])_auth\s*=\s*["']?)([A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])/gm, keywords: ["_auth"] },
    { regex: /(?<=(?:^|[\s:])_password\s*=\s*["']?)([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/gm, keywords: ["_password"] }
  ],
  plausible: (value, context) => {
    if (/_password\s*=/.test(context.line)) {
      const password = decodeBase64Text(value);
      return password !== void 0 && /^[\x20-\x7e]{6,}$/.test(password) && !isHumanPlaceholder(password);
    }
    const login = dockerLogin(value);
    return login !== void 0 && login.secret.length >= 6 && !isHumanPlaceholder(login.secret) && !isHumanPlaceholder(login.user + login.secret);
  },
  rate: (context) => {
    const registry = npmrcRegistry(context);
    return { scope: "root-resource", because: `a login to ${registry ?? "the configured registry"}: every package the account can publish or read there` };
  },
  reach: "publishes to and reads every package the registry account can reach: what every build installs next",
  narrower: "use a token scoped to read (for installs) or to the packages it publishes, injected by CI, instead of a password in the file",
  reference: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
  samples: {
    positive: [
      sample(".npmrc", "registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/\n_auth=Y2ktYm90Olc3cVR2Mm1Mazl4UjR6UGI=\nalways-auth=true\n", { expect: { line: 2 } }),
      sample("frontend/.npmrc", "//nexus.acme-internal.io/repository/npm-group/:username=ci-bot\n//nexus.acme-internal.io/repository/npm-group/:_password=VzdxVHYybUxrOXhSNHpQYg==\n", { expect: { line: 2 } })
    ],
    negative: [
      sample(".npmrc", "registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/\n_auth=${NPM_AUTH}\n"),
      sample("docs/npm.md", "Add `_auth=dXNlcm5hbWU6cGFzc3dvcmQ=` (base64 of `username:password`) to your .npmrc.\n", { note: "base64 of a placeholder login" })
    ]
  },
  scopeSamples: {
    positive: [sample(".npmrc", "registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/\n_auth=Y2ktYm90Olc3cVR2Mm1Mazl4UjR6UGI=\n", { expect: { line: 2 } })],
    negative: [sample(".npmrc", "_auth=dXNlcm5hbWU6cGFzc3dvcmQ=\n", { note: "placeholder login" })]
  }
};
var REGISTRY_KINDS = [npmToken, npmrcLogin, pypiToken, dockerHubToken, dockerRegistryAuth];

// knowledge/credentials/saas.ts
var SLACK_TOKENS = "https://docs.slack.dev/authentication/tokens";
function slackGroupsReal(value) {
  const groups = value.split("-").slice(1);
  return groups.every((group) => group.length < 6 || !isPlaceholder(group)) && !isPlaceholder(groups[groups.length - 1] ?? "");
}
var SLACK_USER = /^(?:xox[pos]-\d{6,14}-\d{6,14}-\d{6,14}-[A-Za-z0-9]{10,64}|xoxa-2-\d{6,14}-\d{6,14}-\d{6,14}-[A-Za-z0-9]{10,64}|xoxc-\d{6,14}-\d{6,14}-\d{6,14}-[a-f0-9]{64}|xoxd-[A-Za-z0-9%/+=]{60,400})$/;
var slackUserToken = {
  id: "slack-user-token",
  provider: "slack",
  title: "Slack user or session token",
  valuePatterns: [
    {
      regex: /(?<![A-Za-z0-9_.-])(xox[pos]-\d{6,14}-\d{6,14}-\d{6,14}-[A-Za-z0-9]{10,64}|xoxa-2-\d{6,14}-\d{6,14}-\d{6,14}-[A-Za-z0-9]{10,64}|xoxc-\d{6,14}-\d{6,14}-\d{6,14}-[a-f0-9]{64}|xoxd-[A-Za-z0-9%/+=]{60,400})(?![A-Za-z0-9_-])/g,
      keywords: ["xoxp-", "xoxo-", "xoxs-", "xoxa-", "xoxc-", "xoxd-"]
    }
  ],
  // secretlint's Slack matches that none of our shapes explain arrive here too: keep only user and session shapes.
  plausible: (value) => SLACK_USER.test(value) && (value.startsWith("xoxd-") ? !isPlaceholder(value.slice(5)) : slackGroupsReal(value)),
  rate: (context) => readOnlyRating(context, "Slack token") ?? {
    scope: "root",
    because: context.value.startsWith("xoxc-") || context.value.startsWith("xoxd-") ? "a browser session token acts as the signed-in user with every permission they have" : "a user token acts as the user across the workspace with the scopes it was granted, which the value does not show"
  },
  reach: "reads and posts as the user in every channel and DM they can see; an admin’s token can manage the workspace",
  narrower: "use a bot token (xoxb-) with the few scopes the integration needs, installed in the channels it serves",
  reference: SLACK_TOKENS,
  samples: {
    positive: [
      sample("scripts/export_channel.py", 'from slack_sdk import WebClient\n\nclient = WebClient(token="xoxp-500825806407-883375120828-5503832234387-318854b6c37c4e3b69480b9eb48ca61d")\nhistory = client.conversations_history(channel="C024BE91L")\n', { expect: { line: 3 } }),
      sample("tools/slackdump.env", "SLACK_TOKEN=xoxc-124439794965-490816356776-4218710679492-0ae6efa7c39c46647d227dc1483bc6a49bde2d0d838e5e0302eb679dc3e45221\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("config/slack.yml", 'slack:\n  user_token: ${SLACK_USER_TOKEN}\n  channel: "#deploys"\n'),
      sample("docs/slack.md", "User tokens look like `xoxp-1234567890-1234567890-1234567890-abcdefabcdefabcdefabcdefabcdefab`.\n"),
      sample("src/notify.ts", "const client = new WebClient('xoxb-your-token-here');\n")
    ]
  },
  scopeSamples: {
    positive: [sample("scripts/export_channel.py", 'SLACK_USER_TOKEN = "xoxp-500825806407-883375120828-5503832234387-318854b6c37c4e3b69480b9eb48ca61d"\n', { expect: { line: 1 } })],
    negative: [sample("scripts/export_channel.py", 'SLACK_READONLY_TOKEN = "xoxp-500825806407-883375120828-5503832234387-318854b6c37c4e3b69480b9eb48ca61d"\n')]
  }
};
var SLACK_BOT = /^(?:xoxb-\d{8,14}-\d{8,14}-[A-Za-z0-9]{20,34}|xoxb-\d{8,14}-[A-Za-z0-9]{18,26}|xapp-\d-[A-Z0-9]{9,14}-\d{10,14}-[a-f0-9]{64}|xoxe\.xox[bp]-\d-[A-Za-z0-9]{160,170}|xoxe-\d-[A-Za-z0-9]{140,150})$/;
var slackBotToken = {
  id: "slack-bot-token",
  provider: "slack",
  title: "Slack bot, app or configuration token",
  valuePatterns: [
    {
      regex: /(?<![A-Za-z0-9_.-])(xoxb-\d{8,14}-\d{8,14}-[A-Za-z0-9]{20,34}|xoxb-\d{8,14}-[A-Za-z0-9]{18,26}|xapp-\d-[A-Z0-9]{9,14}-\d{10,14}-[a-f0-9]{64}|xoxe\.xox[bp]-\d-[A-Za-z0-9]{160,170}|xoxe-\d-[A-Za-z0-9]{140,150})(?![A-Za-z0-9_-])/g,
      keywords: ["xoxb-", "xapp-", "xoxe"]
    }
  ],
  plausible: (value) => SLACK_BOT.test(value) && slackGroupsReal(value),
  rate: fixed("scoped", "a bot or app token is limited to its app’s scopes in one workspace"),
  reach: "acts as the app in one workspace with the scopes it was installed with: reading and posting where the bot is a member",
  narrower: "already app-scoped; keep it in a secret store and trim the app’s scopes to what it uses",
  reference: SLACK_TOKENS,
  samples: {
    positive: [
      sample("bot/app.js", "const { App } = require('@slack/bolt');\n\nconst app = new App({\n  token: 'xoxb-370731019946-3692076194166-Epmwh01B3p59czbxB6VGSrKG',\n  signingSecret: process.env.SLACK_SIGNING_SECRET,\n});\n", { expect: { line: 4 } }),
      sample("deploy/bot.env", "SLACK_APP_TOKEN=xapp-1-AVNAJ42E39E-7419110051305-b6755b0e4c7c83cfa2bd637b7afb2405f10c51a9cd58e2e2d425aef95cc186ce\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("bot/app.js", "const app = new App({ token: process.env.SLACK_BOT_TOKEN }); // xoxb-...\n"),
      sample("README.md", "Set `SLACK_BOT_TOKEN=xoxb-xxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx` in `.env`.\n")
    ]
  }
};
var slackWebhook = {
  id: "slack-webhook",
  provider: "slack",
  title: "Slack incoming webhook URL",
  valuePatterns: [
    {
      regex: /(https?:\/\/hooks\.slack\.com\/(?:services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}|workflows\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/\d{15,20}\/[A-Za-z0-9]{24}|triggers\/T[A-Z0-9]{8,12}\/\d{10,20}\/[a-f0-9]{32}))(?![A-Za-z0-9])/g,
      keywords: ["hooks.slack.com"]
    }
  ],
  plausible: (value) => /^https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\//.test(value) && !isPlaceholder(value) && !isPlaceholder(value.slice(value.lastIndexOf("/") + 1)),
  rate: fixed("scoped", "a webhook posts to one channel"),
  exposedSeverity: "low",
  reach: "posts messages to one channel, which can be used to phish the people who read it",
  narrower: "already narrow; keep the URL in a secret store and regenerate it if it leaks",
  reference: "https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks",
  samples: {
    positive: [
      sample(".github/workflows/notify.yml", `jobs:
  notify:
    runs-on: ubuntu-latest
    steps:
      - run: |
          curl -X POST -H "Content-type: application/json" --data '{"text":"Deployed"}' \\
            https://hooks.slack.com/services/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
`, { expect: { line: 7 } }),
      sample("alerting/config.py", 'ALERT_WEBHOOK = "https://hooks.slack.com/services/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"\n', { expect: { line: 1 } })
    ],
    negative: [
      sample("alerting/config.py", 'ALERT_WEBHOOK = os.environ["SLACK_WEBHOOK_URL"]  # https://hooks.slack.com/services/...\n'),
      sample("docs/alerts.md", "Paste the URL (`https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`).\n")
    ]
  }
};
var OPENAI_BODY = "(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})T3BlbkFJ(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})";
var OPENAI_REFERENCE = "https://platform.openai.com/docs/api-reference/authentication";
var openaiBodyReal = (value) => !isPlaceholder(value.replace(/^sk-[a-z]*-?/, "").split("T3BlbkFJ")[0] ?? "");
var openaiAdminKey = {
  id: "openai-admin-key",
  provider: "openai",
  title: "OpenAI admin key",
  valuePatterns: [{ regex: new RegExp(`(?<![A-Za-z0-9_-])(sk-admin-${OPENAI_BODY})(?![A-Za-z0-9_-])`, "g"), keywords: ["t3blbkfj"] }],
  plausible: openaiBodyReal,
  rate: fixed("root", "an admin key manages the organization: its users, projects, API keys and billing data"),
  reach: "manages the OpenAI organization: invites and removes users, creates and deletes projects and API keys",
  narrower: "use a project API key (or a service account key) for inference; keep admin keys out of code entirely",
  reference: "https://platform.openai.com/docs/api-reference/administration",
  samples: {
    positive: [
      sample("ops/rotate_keys.py", 'import requests\n\nADMIN_KEY = "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"\nrequests.get("https://api.openai.com/v1/organization/projects", headers={"Authorization": f"Bearer {ADMIN_KEY}"})\n', { expect: { line: 3 } }),
      sample(".env.ops", "OPENAI_ADMIN_KEY=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\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("ops/rotate_keys.py", 'ADMIN_KEY = os.environ["OPENAI_ADMIN_KEY"]  # sk-admin-...\n'),
      sample("docs/admin-api.md", "Admin keys start with `sk-admin-` and are created in the organization settings.\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.ops", "OPENAI_ADMIN_KEY=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\n", { expect: { line: 1 } })],
    negative: [sample(".env.ops", "OPENAI_API_KEY=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\n")]
  }
};
var openaiProjectKey = {
  id: "openai-project-key",
  provider: "openai",
  title: "OpenAI project or service account key",
  valuePatterns: [{ regex: new RegExp(`(?<![A-Za-z0-9_-])(sk-(?:proj|svcacct)-${OPENAI_BODY})(?![A-Za-z0-9_-])`, "g"), keywords: ["t3blbkfj"] }],
  plausible: openaiBodyReal,
  rate: fixed("scoped", "a project key reaches one project (its All, Restricted or Read-only permission is not in the value)"),
  reach: "calls the API as one project: spends its budget and reads its files, assistants and fine-tunes",
  narrower: "already project-bound; give it Restricted permissions and a budget limit, and keep it in a secret store",
  reference: OPENAI_REFERENCE,
  samples: {
    positive: [
      sample("app/llm.py", 'from openai import OpenAI\n\nclient = OpenAI(api_key="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")\n', { expect: { line: 3 } }),
      sample("notebooks/eval.ipynb", '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "import os\\n",\n    "os.environ[\\"OPENAI_API_KEY\\"] = \\"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\\"\\n"\n   ]\n  }\n ]\n}\n', { expect: { line: 7 } })
    ],
    negative: [
      sample("app/llm.py", 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])  # sk-proj-...\n'),
      sample("README.md", "export OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n")
    ]
  }
};
var openaiLegacyKey = {
  id: "openai-legacy-key",
  provider: "openai",
  title: "OpenAI user API key",
  valuePatterns: [
    // `sk-` + 20 + base64("OpenAI") + 20 is the original user key; `sk-None-` (same body) were user keys without a project.
    { regex: new RegExp(`(?<![A-Za-z0-9_-])(sk-(?:None-)?[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|sk-None-${OPENAI_BODY})(?![A-Za-z0-9_-])`, "g"), keywords: ["t3blbkfj"] }
  ],
  plausible: openaiBodyReal,
  rate: (context) => readOnlyRating(context, "OpenAI key") ?? { scope: "root", because: "a user key acts as its user across the organization’s default project; its permission set is not in the value" },
  reach: "calls the API as the user across the organization: spends its budget and reads its files, assistants and fine-tunes",
  narrower: "replace it with a project key (sk-proj-) or a service account key with Restricted permissions",
  reference: OPENAI_REFERENCE,
  samples: {
    positive: [
      sample("bot/config.json", '{\n  "model": "gpt-4o-mini",\n  "openai_api_key": "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"\n}\n', { expect: { line: 3 } }),
      sample("scripts/summarize.sh", '#!/bin/sh\ncurl https://api.openai.com/v1/chat/completions \\\n  -H "Authorization: Bearer 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" \\\n  -d @request.json\n', { expect: { line: 3 } }),
      sample("scrape/summarize.py", 'import openai\n\nopenai.api_key = "sk-None-WyHHkM76KPnAZhhnXH4NT3BlbkFJo6SlySibJZRiv7R6tEes"\n', { expect: { line: 3 } })
    ],
    negative: [
      sample("bot/config.json", '{\n  "openai_api_key": ""\n}\n'),
      sample("docs/setup.md", "Old keys look like `sk-XXXXXXXXXXXXXXXXXXXXT3BlbkFJXXXXXXXXXXXXXXXXXXXX`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("bot/.env.production", "OPENAI_API_KEY=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\n", { expect: { line: 1 } })],
    negative: [sample("bot/.env.production", "# read-only key for the usage dashboard\nOPENAI_API_KEY=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\n")]
  }
};
var ANTHROPIC_REFERENCE = "https://docs.claude.com/en/api/administration-api";
var anthropicBodyReal = (value) => !isPlaceholder(value.replace(/^sk-ant-[a-z]+\d\d-/, ""));
var anthropicAdminKey = {
  id: "anthropic-admin-key",
  provider: "anthropic",
  title: "Anthropic Admin API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(sk-ant-admin01-[A-Za-z0-9_-]{90,128}AA)(?![A-Za-z0-9_-])/g, keywords: ["sk-ant-"] }],
  plausible: (value) => value.startsWith("sk-ant-admin01-") && anthropicBodyReal(value),
  rate: fixed("root", "an Admin API key manages the organization: members, workspaces and API keys"),
  reach: "manages the Anthropic organization: adds and removes members, creates workspaces and creates or disables API keys",
  narrower: "use a workspace API key (sk-ant-api03-) for inference; keep admin keys out of code entirely",
  reference: ANTHROPIC_REFERENCE,
  samples: {
    positive: [
      sample("ops/anthropic_keys.ts", "const ADMIN_KEY = 'sk-ant-admin01-2caHQvjNNTf5EC6sYDyy6eoVi319A0330ffwd_wWjBrTV6cXk7KcLyRlYBkAV28iCXPUNcOK25-U3aXRb4FMBX7aD93ngAA';\nawait fetch('https://api.anthropic.com/v1/organizations/api_keys', { headers: { 'x-api-key': ADMIN_KEY } });\n", { expect: { line: 1 } }),
      sample(".env.ops", "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-2caHQvjNNTf5EC6sYDyy6eoVi319A0330ffwd_wWjBrTV6cXk7KcLyRlYBkAV28iCXPUNcOK25-U3aXRb4FMBX7aD93ngAA\n", { expect: { line: 1 } })
    ],
    negative: [
      sample(".env.example", "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-...\n"),
      sample("ops/anthropic_keys.ts", "const ADMIN_KEY = process.env.ANTHROPIC_ADMIN_KEY!; // sk-ant-admin01-\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.ops", "ANTHROPIC_ADMIN_KEY=sk-ant-admin01-2caHQvjNNTf5EC6sYDyy6eoVi319A0330ffwd_wWjBrTV6cXk7KcLyRlYBkAV28iCXPUNcOK25-U3aXRb4FMBX7aD93ngAA\n", { expect: { line: 1 } })],
    negative: [sample(".env.ops", "ANTHROPIC_API_KEY=sk-ant-api03-yrPvFbbVF0lOvJmIhxZ_9GCRo3LuGwSuAsJvGuvFC6T5R69NuIa4oNxVHUf4NxREtxzUVAdlR8BJhA3lOyHFv5Z_WPTdKAA\n")]
  }
};
var anthropicApiKey = {
  id: "anthropic-api-key",
  provider: "anthropic",
  title: "Anthropic API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(sk-ant-api0\d-[A-Za-z0-9_-]{90,128}AA)(?![A-Za-z0-9_-])/g, keywords: ["sk-ant-"] }],
  plausible: (value) => /^sk-ant-api0\d-/.test(value) && anthropicBodyReal(value),
  rate: fixed("scoped", "an API key belongs to one workspace"),
  reach: "calls the API in one workspace: spends its budget and reads its files and batches",
  narrower: "already workspace-bound; keep it in a secret store with a workspace spend limit",
  reference: "https://docs.claude.com/en/api/overview#authentication",
  samples: {
    positive: [
      sample("agent/main.py", 'import anthropic\n\nclient = anthropic.Anthropic(api_key="sk-ant-api03-yrPvFbbVF0lOvJmIhxZ_9GCRo3LuGwSuAsJvGuvFC6T5R69NuIa4oNxVHUf4NxREtxzUVAdlR8BJhA3lOyHFv5Z_WPTdKAA")\n', { expect: { line: 3 } }),
      sample("docker-compose.yml", "services:\n  agent:\n    build: .\n    environment:\n      ANTHROPIC_API_KEY: sk-ant-api03-yrPvFbbVF0lOvJmIhxZ_9GCRo3LuGwSuAsJvGuvFC6T5R69NuIa4oNxVHUf4NxREtxzUVAdlR8BJhA3lOyHFv5Z_WPTdKAA\n", { expect: { line: 5 } })
    ],
    negative: [
      sample("docker-compose.yml", "services:\n  agent:\n    environment:\n      ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY}\n"),
      sample("README.md", "export ANTHROPIC_API_KEY=sk-ant-api03-...\n")
    ]
  }
};
var anthropicOauthToken = {
  id: "anthropic-oauth-token",
  provider: "anthropic",
  title: "Claude OAuth token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(sk-ant-o[ar]t01-[A-Za-z0-9_-]{80,128})(?![A-Za-z0-9_-])/g, keywords: ["sk-ant-"] }],
  plausible: anthropicBodyReal,
  rate: fixed("scoped", "an OAuth token carries one user’s Claude subscription for inference"),
  reach: "uses the subscriber’s Claude plan (Claude Code and inference) as that user, for a year when made by `claude setup-token`",
  narrower: "keep it in CI secrets (CLAUDE_CODE_OAUTH_TOKEN) or use a workspace API key with a spend limit",
  reference: "https://docs.claude.com/en/docs/claude-code/github-actions",
  samples: {
    positive: [
      sample(".github/workflows/claude.yml", "jobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_code_oauth_token: sk-ant-oat01-gPFXHo_pC2q9mdEt4M8ML8mru1XOgE8whb1CgcakAzC31Zy6FFoE6AwhgZgtZkyLLZj7Eps9_Kl8xB3gf0mWn5qs01VzcTP\n", { expect: { line: 7 } }),
      sample("scripts/agent.sh", '#!/bin/sh\nexport CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-gPFXHo_pC2q9mdEt4M8ML8mru1XOgE8whb1CgcakAzC31Zy6FFoE6AwhgZgtZkyLLZj7Eps9_Kl8xB3gf0mWn5qs01VzcTP\nclaude -p "$PROMPT"\n', { expect: { line: 2 } })
    ],
    negative: [
      sample(".github/workflows/claude.yml", "jobs:\n  review:\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}\n"),
      sample("docs/agent.md", "Run `claude setup-token`; it prints a token starting `sk-ant-oat01-`.\n")
    ]
  }
};
var TWILIO_REFERENCE = "https://www.twilio.com/docs/iam/api-keys";
function twilioKeyRating(context) {
  const word = nameWord(context, /* @__PURE__ */ new Set(["restricted", "readonly", "read"]));
  if (word) return { scope: "scoped", because: `variable ${context.variable} names a ${word} key` };
  return { scope: "root", because: "Main and Standard API keys reach the whole account and its subaccounts; the key type is not in the repository" };
}
var twilioAuthToken = {
  id: "twilio-auth-token",
  provider: "twilio",
  title: "Twilio Auth Token",
  contextPatterns: [
    { variable: /twilio\w*auth[_.-]?token/i, value: /^[0-9a-f]{32}$/, keywords: ["twilio"] },
    // `accountSid` / `authToken` beside `twilio(accountSid, authToken)`.
    { variable: /^auth[_-]?token$/i, value: /^[0-9a-f]{32}$/, keywords: ["authtoken", "auth_token", "auth-token"], requires: ["twilio"] }
  ],
  plausible: (value) => !isPlaceholder(value) && new Set(value).size >= 8,
  rate: (context) => {
    const test = nameWord(context, TEST_WORDS);
    if (test) return { scope: "test", because: `variable ${context.variable} names ${test} credentials` };
    return { scope: "root", because: "the Auth Token is the account’s primary credential: every API, every subaccount, and it signs webhooks" };
  },
  reach: "acts as the whole Twilio account and its subaccounts: sends messages and calls, buys and releases numbers, creates API keys",
  narrower: "use a Restricted API key (SK…) limited to the APIs the code calls, and keep the Auth Token for the console",
  reference: "https://help.twilio.com/articles/223136027-Auth-Tokens-and-How-to-Change-Them",
  samples: {
    positive: [
      sample("config/initializers/twilio.rb", 'Twilio.configure do |config|\n  config.account_sid = "AC8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b4"\n  config.auth_token = "c8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b"\nend\n', { expect: { line: 3 }, note: "a setting assigned through the block's receiver" }),
      sample("server/sms.js", "const accountSid = 'AC09a1a5e631c7e87ca4e399280e490c1b';\nconst authToken = 'e50ec9d2fdc8f319c04370278a36370f';\nconst client = require('twilio')(accountSid, authToken);\n", { expect: { line: 2 } }),
      sample("config/twilio.env", "TWILIO_ACCOUNT_SID=AC09a1a5e631c7e87ca4e399280e490c1b\nTWILIO_AUTH_TOKEN=e50ec9d2fdc8f319c04370278a36370f\n", { expect: { line: 2 } })
    ],
    negative: [
      sample("server/sms.js", "const client = require('twilio')(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);\n"),
      sample("server/session.js", "const authToken = 'e50ec9d2fdc8f319c04370278a36370f';\nmodule.exports = { authToken };\n", { note: "no Twilio in the file: not a Twilio token" }),
      sample(".env.example", "TWILIO_AUTH_TOKEN=00000000000000000000000000000000\n")
    ]
  },
  scopeSamples: {
    positive: [sample("config/twilio.env", "TWILIO_AUTH_TOKEN=e50ec9d2fdc8f319c04370278a36370f\n", { expect: { line: 1 } })],
    negative: [sample("config/twilio.env", "TWILIO_TEST_AUTH_TOKEN=e50ec9d2fdc8f319c04370278a36370f\n")]
  }
};
var twilioApiKey = {
  id: "twilio-api-key",
  provider: "twilio",
  title: "Twilio API key SID",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/g, keywords: ["sk"], requires: ["twilio"] }],
  plausible: (value) => !isPlaceholder(value.slice(2)) && new Set(value.slice(2)).size >= 8,
  rate: twilioKeyRating,
  companionOf: "twilio-api-key-secret",
  reach: "with its secret, acts on the Twilio account: a Main key can also manage keys and subaccounts",
  narrower: "use a Restricted API key limited to the APIs the code calls",
  reference: TWILIO_REFERENCE,
  samples: {
    positive: [
      sample("server/voice.py", 'from twilio.rest import Client\n\nclient = Client("SK1e3868fb6e26a98932c4e52899dae615", "3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7", "AC09a1a5e631c7e87ca4e399280e490c1b")\n', { expect: { line: 3 } }),
      sample("deploy/twilio.yaml", "twilio:\n  account_sid: AC09a1a5e631c7e87ca4e399280e490c1b\n  api_key: SK1e3868fb6e26a98932c4e52899dae615\n", { expect: { line: 3 } })
    ],
    negative: [
      sample("server/voice.py", 'from twilio.rest import Client\n\nclient = Client(os.environ["TWILIO_API_KEY"], os.environ["TWILIO_API_SECRET"], os.environ["TWILIO_ACCOUNT_SID"])\n'),
      sample("build/checksums.txt", "SK1e3868fb6e26a98932c4e52899dae615  app.tar.gz\n", { note: "no Twilio in the file" })
    ]
  },
  scopeSamples: {
    positive: [sample("deploy/twilio.yaml", "twilio:\n  api_key: SK1e3868fb6e26a98932c4e52899dae615\n", { expect: { line: 2 } })],
    negative: [sample("deploy/twilio.yaml", "twilio:\n  restricted_api_key: SK1e3868fb6e26a98932c4e52899dae615\n")]
  }
};
var twilioApiKeySecret = {
  id: "twilio-api-key-secret",
  provider: "twilio",
  title: "Twilio API key secret",
  contextPatterns: [
    { variable: /^(?!.*(?:webhook|auth)).*twilio\w*secret/i, value: /^[A-Za-z0-9]{32}$/, keywords: ["twilio"] },
    { variable: /^api[_-]?(?:key[_-]?)?secret$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ["secret"], requires: ["twilio"] }
  ],
  // A plain `api_secret` is Twilio's only when its key SID sits beside it.
  plausible: (value, context) => !isPlaceholder(value) && (/twilio/i.test(context.variable ?? "") || Object.values(context.siblingValues).some((sibling) => /^SK[0-9a-f]{32}$/.test(sibling))),
  rate: twilioKeyRating,
  reach: "with its key SID, acts on the Twilio account: a Main key can also manage keys and subaccounts",
  narrower: "use a Restricted API key limited to the APIs the code calls",
  reference: TWILIO_REFERENCE,
  samples: {
    positive: [
      sample("config/twilio.env", "TWILIO_API_KEY=SK1e3868fb6e26a98932c4e52899dae615\nTWILIO_API_SECRET=3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n", { expect: { line: 2 } }),
      sample("deploy/twilio.yaml", "twilio:\n  api_key: SK1e3868fb6e26a98932c4e52899dae615\n  api_secret: 3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n", { expect: { line: 3 } })
    ],
    negative: [
      sample("config/twilio.env", "TWILIO_API_KEY=SK1e3868fb6e26a98932c4e52899dae615\nTWILIO_API_SECRET=${TWILIO_API_SECRET}\n"),
      sample("deploy/partner.yaml", "# receives Twilio status callbacks\npartner:\n  api_secret: 3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n", { note: "no key SID beside it: not known to be Twilio’s" })
    ]
  },
  scopeSamples: {
    positive: [sample("config/twilio.env", "TWILIO_API_KEY=SK1e3868fb6e26a98932c4e52899dae615\nTWILIO_API_SECRET=3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n", { expect: { line: 2 } })],
    negative: [sample("config/twilio.env", "TWILIO_RESTRICTED_API_SECRET=3x9cdQkxWE4IpsTykZAgNlW2PAoFIZj7\n")]
  }
};
var sendgridApiKey = {
  id: "sendgrid-api-key",
  provider: "sendgrid",
  title: "SendGrid API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g, keywords: ["sg."] }],
  // secretlint's SendGrid matches arrive here too: keep the 22 + 43 shape only.
  plausible: (value) => /^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/.test(value) && value.split(".").slice(1).every((part) => !isPlaceholder(part)),
  rate: (context) => {
    const word = nameWord(context, /* @__PURE__ */ new Set(["restricted", "readonly", "read", "send", "sending", "sender", "mailsend"]));
    if (word) return { scope: "scoped", because: `variable ${context.variable} names a ${word} key` };
    return { scope: "root", because: "Full Access keys can create keys, subusers and senders; whether this one is restricted is not in the value" };
  },
  reach: "with Full Access, sends mail as the company, reads contacts and creates new API keys and subusers",
  narrower: "use a Restricted Access key with only Mail Send",
  reference: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
  samples: {
    positive: [
      sample("app/mailer.rb", "SendGrid::API.new(api_key: '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')\n", { expect: { line: 1 } }),
      sample("config/production.json", '{\n  "mail": {\n    "provider": "sendgrid",\n    "apiKey": "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"\n  }\n}\n', { expect: { line: 4 } })
    ],
    negative: [
      sample("config/production.json", '{\n  "mail": {\n    "apiKey": "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n  }\n}\n'),
      sample("src/grid.ts", "import SG from './grid';\nconst layout = SG.Layout.Columns.Responsive;\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.production", "SENDGRID_API_KEY=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\n", { expect: { line: 1 } })],
    negative: [sample(".env.production", "SENDGRID_SEND_KEY=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\n")]
  }
};
var MAILGUN_DOCS_KEY = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
var MAILGUN_KEY = /^[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$/;
var mailgunApiKey = {
  id: "mailgun-api-key",
  provider: "mailgun",
  title: "Mailgun API key",
  valuePatterns: [
    // Primary keys from before 2023: `key-` + 32 lower-case letters and digits.
    { regex: /(?<![A-Za-z0-9_-])(key-[0-9a-z]{32})(?![A-Za-z0-9_-])/g, keywords: ["key-"], requires: ["mailgun"] },
    { regex: /(?<![A-Za-z0-9_-])(pubkey-[0-9a-f]{32})(?![A-Za-z0-9_-])/g, keywords: ["pubkey-"], requires: ["mailgun"] }
  ],
  contextPatterns: [{ variable: /^(?!.*(?:webhook|signing|public|pubkey)).*mailgun.*(?:key|secret|token)/i, value: MAILGUN_KEY, keywords: ["mailgun"] }],
  plausible: (value) => value !== MAILGUN_DOCS_KEY && !isPlaceholder(value.replace(/^(?:pub)?key-/, "")) && /[0-9]/.test(value.slice(4)) && new Set(value).size >= 10,
  rate: (context) => {
    if (context.value.startsWith("pubkey-")) return { scope: "public", because: "the public validation key is meant for browsers" };
    const word = nameWord(context, /* @__PURE__ */ new Set(["sending", "send", "domain", "smtp"]));
    if (word) return { scope: "scoped", because: `variable ${context.variable} names a ${word} key, limited to one domain` };
    return { scope: "root", because: "the primary account key manages every domain, route and credential; a sending key would be named for its domain" };
  },
  reach: "manages every sending domain of the account: sends mail as any of them, reads logs and message content, changes routes and credentials",
  narrower: "use a domain sending key, which can only send mail for one domain",
  reference: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication",
  samples: {
    positive: [
      sample("config/mailgun.py", 'MAILGUN_DOMAIN = "mg.acme.io"\nMAILGUN_API_KEY = "key-7276551469b6901b94a93993fea28e36"\n', { expect: { line: 2 } }),
      sample("deploy/mail.env", "MAILGUN_API_KEY=a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8\nMAILGUN_DOMAIN=mg.acme.io\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("web/mailcheck.js", "// Mailgun address validation runs in the browser with the public key\nconst MAILGUN_PUBLIC_KEY = 'pubkey-15240a7c0b2d25743516acc508ef750d';\n"),
      sample("deploy/mail.env", "MAILGUN_WEBHOOK_SIGNING_KEY=a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8\n", { note: "a signing key, not an API key" }),
      sample("src/cache.ts", "const CACHE_ID = 'key-7276551469b6901b94a93993fea28e36';\n", { note: "no Mailgun in the file" }),
      sample("docs/email.md", "## Mailgun\n\n```\nMAILGUN_API_KEY=key-3ax6xnjp29jd6fds4gc373sgvjxteol0\n```\n", { note: "the key from Mailgun’s own docs" })
    ]
  },
  scopeSamples: {
    positive: [sample("deploy/mail.env", "MAILGUN_API_KEY=a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8\n", { expect: { line: 1 } })],
    negative: [sample("deploy/mail.env", "MAILGUN_SENDING_KEY=a0878d8dbb52d23607cf5fcbdf102dd2-e806bbf6-2bec81e8\n")]
  }
};
var linearApiKey = {
  id: "linear-api-key",
  provider: "linear",
  title: "Linear API key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})(?![A-Za-z0-9_])/g, keywords: ["lin_api_", "lin_oauth_"] }],
  plausible: (value) => /^(?:lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})$/.test(value) && !isPlaceholder(value.replace(/^lin_[a-z]+_/, "")),
  rate: (context) => readOnlyRating(context, "Linear key") ?? { scope: "root", because: "a Linear key acts as the user who made it across the workspace; its permission and team limits are not in the value" },
  reach: "acts as its creator across the Linear workspace: reads every issue and document they can see, edits and deletes them, and with Admin changes workspace settings",
  narrower: "create the key with Read (or Create issues) permission limited to the teams it needs, or use an OAuth app with narrow scopes",
  reference: "https://linear.app/developers/graphql#personal-api-keys",
  samples: {
    positive: [
      sample("scripts/triage.ts", "import { LinearClient } from '@linear/sdk';\n\nconst linear = new LinearClient({ apiKey: 'lin_api_v2jJJlphoPYWjmC1cfpozB6gEd0yE5nsjZDqrVlQ' });\n", { expect: { line: 3 } }),
      sample(".mcp.json", '{\n  "mcpServers": {\n    "linear": {\n      "command": "npx",\n      "args": ["-y", "linear-mcp"],\n      "env": { "LINEAR_API_KEY": "lin_api_v2jJJlphoPYWjmC1cfpozB6gEd0yE5nsjZDqrVlQ" }\n    }\n  }\n}\n', { expect: { line: 6 } })
    ],
    negative: [
      sample("scripts/triage.ts", "const linear = new LinearClient({ apiKey: process.env.LINEAR_API_KEY });\n"),
      sample("docs/linear.md", "Personal keys look like `lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.tools", "LINEAR_API_KEY=lin_api_v2jJJlphoPYWjmC1cfpozB6gEd0yE5nsjZDqrVlQ\n", { expect: { line: 1 } })],
    negative: [sample(".env.tools", "LINEAR_READONLY_API_KEY=lin_api_v2jJJlphoPYWjmC1cfpozB6gEd0yE5nsjZDqrVlQ\n")]
  }
};
function shopifyReadOnlyScopes(context) {
  const listed = /\bscopes?\b["']?\s*[=:]\s*["']?([a-z_, ]+)/i.exec(context.nearby)?.[1];
  const scopes = listed?.split(/[\s,]+/).filter(Boolean) ?? [];
  return scopes.length > 0 && scopes.every((scope) => scope.startsWith("read_") || scope.startsWith("unauthenticated_read_"));
}
var shopifyAccessToken = {
  id: "shopify-access-token",
  provider: "shopify",
  title: "Shopify Admin API access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(shp(?:at|ca|pa)_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/g, keywords: ["shpat_", "shpca_", "shppa_"] }],
  // secretlint's Shopify matches arrive here too: keep the access-token shapes only.
  plausible: (value) => /^shp(?:at|ca|pa)_[a-fA-F0-9]{32}$/.test(value) && !isPlaceholder(value.slice(6)) && new Set(value.slice(6)).size >= 8,
  rate: (context) => {
    if (shopifyReadOnlyScopes(context)) return { scope: "scoped", because: "the access scopes listed beside it are read-only" };
    return readOnlyRating(context, "Shopify token") ?? { scope: "root-resource", because: "an Admin API token holds the app’s scopes on the whole store, which the value does not show (custom and private apps often hold full admin)" };
  },
  reach: "acts on the whole store with the app’s Admin API scopes: orders, customers, products, discounts and themes",
  narrower: "give the app only the access scopes it uses (read_ where it only reads), and use the Storefront API token for public reads",
  reference: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
  samples: {
    positive: [
      sample("scripts/sync_inventory.py", 'import shopify\n\nsession = shopify.Session("acme-store.myshopify.com", "2025-01", "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")\n', { expect: { line: 3 } }),
      sample(".env.production", "SHOPIFY_STORE_DOMAIN=acme-store.myshopify.com\nSHOPIFY_ADMIN_ACCESS_TOKEN=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\n", { expect: { line: 2 } })
    ],
    negative: [
      sample(".env.example", "SHOPIFY_ADMIN_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
      sample("docs/shopify.md", "Admin tokens start with `shpat_` (public apps), `shpca_` (custom apps) or `shppa_` (legacy private apps).\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.production", "SHOPIFY_ADMIN_ACCESS_TOKEN=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\n", { expect: { line: 1 } })],
    negative: [sample("shopify.app.toml", '[access_scopes]\nscopes = "read_products,read_inventory"\n\n[auth]\ntoken = "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"\n')]
  }
};
var shopifySharedSecret = {
  id: "shopify-shared-secret",
  provider: "shopify",
  title: "Shopify app client secret",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(shpss_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/g, keywords: ["shpss_"] }],
  // The app's API key (client id) sits beside the secret under a secret-looking name but is public: claim it so the
  // generic secret kind does not report it.
  contextPatterns: [
    { variable: /^SHOPIFY_(?:API_KEY|CLIENT_ID)$/i, value: /^[0-9a-f]{32}$/, keywords: ["shopify"] },
    { variable: /^apiKey$/, value: /^[0-9a-f]{32}$/, keywords: ["apikey"], requires: ["shopifyapp"] }
  ],
  plausible: (value) => !isPlaceholder(value.replace(/^shpss_/, "")) && new Set(value.replace(/^shpss_/, "")).size >= 8,
  rate: (context) => context.value.startsWith("shpss_") ? { scope: "scoped", because: "the client secret belongs to one app: it verifies webhooks and exchanges install codes" } : { scope: "public", because: "the app’s API key (client id) is public" },
  reach: "forges webhooks the app will trust and completes OAuth installs as the app",
  narrower: "already app-bound; keep it in a secret store and rotate it from the Partner Dashboard",
  reference: "https://shopify.dev/changelog/app-secret-key-length-has-increased",
  samples: {
    positive: [
      sample("app/shopify.server.ts", "export const shopify = shopifyApp({\n  apiKey: '6b3f0c2a9e1d4f7a8c5b2e9d0f3a6c1b',\n  apiSecretKey: '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',\n});\n", { expect: { line: 3 } }),
      sample(".env", "SHOPIFY_API_KEY=6b3f0c2a9e1d4f7a8c5b2e9d0f3a6c1b\nSHOPIFY_API_SECRET=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\n", { expect: { line: 2 } })
    ],
    negative: [
      sample("app/shopify.server.ts", "export const shopify = shopifyApp({ apiSecretKey: process.env.SHOPIFY_API_SECRET || '' });\n"),
      sample(".env.example", "SHOPIFY_API_SECRET=shpss_00000000000000000000000000000000\n"),
      sample("web/.env.production", "SHOPIFY_API_KEY=6b3f0c2a9e1d4f7a8c5b2e9d0f3a6c1b\nSHOPIFY_APP_URL=https://apps.acme.io\n", { note: "the API key is the app’s public client id" })
    ]
  }
};
var MAPBOX_TOKEN = /(?<![A-Za-z0-9_.-])((?:pk|sk|tk)\.eyJ1Ijoi[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,100})(?![A-Za-z0-9_-])/g;
var MAPBOX_SECRET = "sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNsdjl6cTRrejBhYjkycm8yeG5kNWZ0bWQifQ.Zq4vW8yB2nM6kP0tR3xS7uD";
var mapboxAccessToken = {
  id: "mapbox-access-token",
  provider: "mapbox",
  title: "Mapbox access token",
  valuePatterns: [{ regex: MAPBOX_TOKEN, keywords: ["pk.eyj", "sk.eyj", "tk.eyj"] }],
  plausible: (value) => !isPlaceholder(value.split(".")[2] ?? ""),
  rate: (context) => {
    if (context.value.startsWith("pk.")) return { scope: "public", because: "a pk. token is a public token, drawn into every map a browser loads" };
    if (context.value.startsWith("tk.")) return { scope: "scoped", because: "a tk. token is temporary: it expires within an hour of being made" };
    return { scope: "root", because: "an sk. token carries the scopes chosen when it was made (tokens:write among them makes more tokens), and none show in the value" };
  },
  reach: "does whatever its scopes allow on the Mapbox account: upload and delete tilesets, datasets and styles, read usage, and with tokens:write make more tokens",
  narrower: "use a public pk. token with URL restrictions in clients, and a secret token limited to the one scope a job needs, kept in CI secrets",
  reference: "https://docs.mapbox.com/accounts/guides/tokens/",
  samples: {
    positive: [sample("scripts/upload-tiles.sh", `#!/bin/sh
export MAPBOX_ACCESS_TOKEN=${MAPBOX_SECRET}
tilesets upload-source acme trails trails.geojson
`, { expect: { line: 2 } })],
    negative: [
      sample("src/map.ts", "mapboxgl.accessToken = 'pk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNsdjl6cTRrejBhYjkycm8yeG5kNWZ0bWQifQ.Zq4vW8yB2nM6kP0tR3xS7uD';\n", { note: "a public token: maps in browsers need one" }),
      sample("docs/maps.md", "Secret tokens look like `sk.eyJ1IjoiXXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXX`.\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.tiles", `MAPBOX_TOKEN=${MAPBOX_SECRET}
`, { expect: { line: 1 } })],
    negative: [sample(".env.tiles", `MAPBOX_TOKEN=${MAPBOX_SECRET.replace(/^sk\./, "tk.")}
`, { note: "a temporary token" })]
  }
};
var HF_TOKEN = "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";
var huggingfaceAccessToken = {
  id: "huggingface-access-token",
  provider: "huggingface",
  title: "Hugging Face access token",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])((?:hf_|api_org_)[A-Za-z]{34})(?![A-Za-z0-9_])/g, keywords: ["hf_", "api_org_"] }],
  plausible: (value) => !isPlaceholder(value.replace(/^(?:hf|api_org)_/, "")),
  rate: (context) => readOnlyRating(context, "Hugging Face token") ?? { scope: "root", because: "a user token acts as its user on every repository of the user and their organisations; read, write or fine-grained is not in the value" },
  reach: "acts as its user on the Hub: reads private models and datasets, pushes to and deletes repositories, and manages Spaces and Inference Endpoints of the user and their organisations",
  narrower: "use a fine-grained token limited to the repositories and permissions the job needs (read-only where it only downloads)",
  reference: "https://huggingface.co/docs/hub/security-tokens",
  samples: {
    positive: [
      sample("notebooks/finetune.ipynb", `{
 "cells": [
  {
   "cell_type": "code",
   "source": [
    "from huggingface_hub import login\\n",
    "login(token=\\"${HF_TOKEN}\\")\\n"
   ]
  }
 ]
}
`, { expect: { line: 7 } }),
      sample("train.py", `from transformers import AutoModel

model = AutoModel.from_pretrained("acme/private-model", token="${HF_TOKEN}")
`, { expect: { line: 3 } })
    ],
    negative: [
      sample("train.py", 'import os\nfrom huggingface_hub import login\n\nlogin(token=os.environ["HF_TOKEN"])\n'),
      sample("README.md", "Set `HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` before training.\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.train", `HF_TOKEN=${HF_TOKEN}
`, { expect: { line: 1 } })],
    negative: [sample(".env.train", `HF_READ_ONLY_TOKEN=${HF_TOKEN}
`)]
  }
};
var SAAS_KINDS = [
  slackUserToken,
  slackBotToken,
  slackWebhook,
  openaiAdminKey,
  openaiProjectKey,
  openaiLegacyKey,
  anthropicAdminKey,
  anthropicApiKey,
  anthropicOauthToken,
  twilioAuthToken,
  twilioApiKeySecret,
  twilioApiKey,
  sendgridApiKey,
  mailgunApiKey,
  linearApiKey,
  shopifyAccessToken,
  shopifySharedSecret,
  mapboxAccessToken,
  huggingfaceAccessToken
];

// knowledge/credentials/signing.ts
var SECRET_VALUE = /^[A-Za-z0-9+/=_\-.~!@#$%^&*()]{16,512}$/;
var TEST_DOTENV = /(?:^|\/)\.env\.(?:test|testing|dusk(?:\.[a-z]+)?)(?:\.local)?$/i;
var TEMPLATE_DOTENV = /(?:^|\/)(?:\.env\.[\w.-]*|[\w.-]*\.env)\.?(?:example|sample|template|dist|defaults?|tmpl|tpl)$/i;
var NON_PRODUCTION_SECTIONS = /* @__PURE__ */ new Set(["development", "dev", "test", "testing", "local"]);
function yamlSectionAbove(context) {
  const lines = context.nearby.split("\n");
  const at = lines.findIndex((line) => line.trimEnd() === context.line.trimEnd());
  for (let index = (at === -1 ? lines.length : at) - 1; index >= 0; index--) {
    const section2 = /^([A-Za-z_][\w-]*):\s*$/.exec(lines[index])?.[1];
    if (section2) return section2.toLowerCase();
  }
  return void 0;
}
function appSecretRating(context, because) {
  const test = nameWord(context, TEST_WORDS);
  if (test) return { scope: "test", because: `variable ${context.variable} names a ${test} secret` };
  if (TEST_DOTENV.test(context.path)) return { scope: "test", because: `${context.path} configures test runs` };
  if (TEMPLATE_DOTENV.test(context.path)) return { scope: "test", because: `${context.path} is a template: its value is a shared development key` };
  const section2 = yamlSectionAbove(context);
  if (section2 && NON_PRODUCTION_SECTIONS.has(section2)) return { scope: "test", because: `it is the ${section2} environment’s secret` };
  return { scope: "root-resource", because };
}
function hmacConfig(json) {
  try {
    const parsed = JSON.parse(json);
    return typeof parsed.key === "string" && typeof parsed.type === "string" && /^HS\d+$/.test(parsed.type) ? { key: parsed.key } : void 0;
  } catch {
    return void 0;
  }
}
var jwtSigningSecret = {
  id: "jwt-signing-secret",
  provider: "generic",
  title: "JWT signing secret",
  contextPatterns: [
    { variable: /jwt[_.-]?(?:secret(?:[_.-]?key)?|signing[_.-]?(?:key|secret)|key)$/i, value: SECRET_VALUE, keywords: ["jwt"] },
    // Hasura's JWT config is JSON: `{"type":"HS256","key":"..."}` holds an HMAC secret; RS256 keys and JWKS URLs are
    // public, and claiming them here keeps the generic secret kind from reporting them.
    { variable: /^HASURA_GRAPHQL_JWT_SECRET$/i, value: /^\{[^\n]*\}$/, keywords: ["jwt"] }
  ],
  plausible: (value) => {
    if (!value.startsWith("{")) return looksGenerated(value, 16);
    const config = hmacConfig(value);
    return config !== void 0 && looksGenerated(config.key, 32);
  },
  rate: (context) => appSecretRating(context, "whoever holds the HMAC secret signs a token for any user, administrators included"),
  reach: "signs tokens the application accepts as any user, administrators included",
  narrower: "load it from a secret store at run time, or sign with an asymmetric key whose private half never leaves the issuer",
  reference: "https://datatracker.ietf.org/doc/html/rfc8725#section-3.5",
  samples: {
    positive: [
      sample("docker-compose.prod.yml", "services:\n  api:\n    image: ghcr.io/acme/api:2.4.1\n    environment:\n      NODE_ENV: production\n      JWT_SECRET: 980d508a6a7fbb3ade5e7441134ac9dc9c973fdc7d85598086a59fa5d827c305\n", { expect: { line: 6 } }),
      sample("src/config/auth.ts", "export const auth = {\n  jwtSecret: process.env.JWT_SECRET ?? '69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=',\n  expiresIn: '1h',\n};\n", { expect: { line: 2 } }),
      sample("hasura/docker-compose.yaml", `services:
  graphql-engine:
    image: hasura/graphql-engine:v2.44.0
    environment:
      HASURA_GRAPHQL_JWT_SECRET: '{"type":"HS256","key":"bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9e"}'
`, { expect: { line: 5 } })
    ],
    negative: [
      sample(".env.example", "JWT_SECRET=your-super-secret-jwt-key-change-in-production\n"),
      sample("docker-compose.yml", "services:\n  api:\n    environment:\n      JWT_SECRET: supersecretjwtsigningkey\n      JWT_PUBLIC_KEY: /run/secrets/jwt.pub\n"),
      sample("src/config/auth.ts", "export const auth = { jwtSecret: process.env.JWT_SECRET!, jwtExpiry: '15m' };\n"),
      sample("hasura/docker-compose.yaml", `services:
  graphql-engine:
    environment:
      HASURA_GRAPHQL_JWT_SECRET: '{"type":"RS256","jwk_url":"https://acme.eu.auth0.com/.well-known/jwks.json"}'
`, { note: "verified against a public JWKS: no secret" })
    ]
  },
  scopeSamples: {
    positive: [sample("config/production.env", "JWT_SECRET=980d508a6a7fbb3ade5e7441134ac9dc9c973fdc7d85598086a59fa5d827c305\n", { expect: { line: 1 } })],
    negative: [sample("config/production.env", "TEST_JWT_SECRET=980d508a6a7fbb3ade5e7441134ac9dc9c973fdc7d85598086a59fa5d827c305\n")]
  }
};
var sessionSecret = {
  id: "session-secret",
  provider: "generic",
  title: "Session or cookie signing secret",
  contextPatterns: [
    { variable: /(?:session|cookie)[_.-]?(?:secret(?:[_.-]?key)?|signing[_.-]?(?:key|secret)|encryption[_.-]?key)$/i, value: SECRET_VALUE, keywords: ["session", "cookie"] },
    // express-session's own option: `session({ secret: '...' })`.
    { variable: /^secret$/, value: SECRET_VALUE, keywords: ["secret"], requires: ["express-session"] }
  ],
  plausible: (value) => looksGenerated(value, 16),
  rate: (context) => appSecretRating(context, "whoever holds the signing secret forges a session cookie for any user, administrators included"),
  reach: "forges session cookies the application accepts as any signed-in user, administrators included",
  narrower: "load it from a secret store at run time and rotate it (keeping the old one only to verify) if it leaked",
  reference: "https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html",
  samples: {
    positive: [
      sample("server/app.js", "const session = require('express-session');\n\napp.use(session({\n  secret: 'Nt4UiEejzb80eM4gWCVQpdRiL8LANwHYH/J3bXPR/u0=',\n  resave: false,\n}));\n", { expect: { line: 4 } }),
      sample("deploy/web.env", "SESSION_SECRET=bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9e\nPORT=8080\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("server/app.js", "const session = require('express-session');\n\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false }));\n"),
      sample("docker-compose.yml", "services:\n  web:\n    environment:\n      SESSION_SECRET: change-me-session-secret\n      COOKIE_SECRET: keyboardcat\n")
    ]
  },
  scopeSamples: {
    positive: [sample("deploy/web.env", "SESSION_SECRET=bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9e\n", { expect: { line: 1 } })],
    negative: [sample(".env.test", "SESSION_SECRET=bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9e\n")]
  }
};
var nextauthSecret = {
  id: "nextauth-secret",
  provider: "nextauth",
  title: "Auth.js / NextAuth secret",
  contextPatterns: [{ variable: /^(?:NEXTAUTH_SECRET|AUTH_SECRET)$/i, value: SECRET_VALUE, keywords: ["nextauth_secret", "auth_secret"] }],
  plausible: (value) => looksGenerated(value, 16),
  rate: (context) => appSecretRating(context, "AUTH_SECRET encrypts and signs every session: whoever holds it forges a session for any user"),
  reach: "forges and decrypts the sessions of every user of the application, administrators included",
  narrower: "set AUTH_SECRET in the hosting platform’s environment (generate with `npx auth secret`) and keep it out of the repository",
  reference: "https://authjs.dev/getting-started/deployment#auth_secret",
  samples: {
    positive: [
      sample(".env.production", "NEXTAUTH_URL=https://app.acme.io\nNEXTAUTH_SECRET=69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=\n", { expect: { line: 2 } }),
      sample("vercel.json", '{\n  "env": {\n    "AUTH_SECRET": "Nt4UiEejzb80eM4gWCVQpdRiL8LANwHYH/J3bXPR/u0="\n  }\n}\n', { expect: { line: 3 } })
    ],
    negative: [
      sample(".env.example", "NEXTAUTH_URL=http://localhost:3000\nNEXTAUTH_SECRET= # generate with `npx auth secret`\n"),
      sample(".env.local.example", "AUTH_SECRET=your-auth-secret-here\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.production", "AUTH_SECRET=69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=\n", { expect: { line: 1 } })],
    negative: [sample(".env.test", "AUTH_SECRET=69sZkEKYyx3+MiEuO6Fv54mB3DorXLWLetRI/uWLFsI=\n")]
  }
};
var railsSecretKeyBase = {
  id: "rails-secret-key-base",
  provider: "rails",
  title: "Rails secret_key_base",
  contextPatterns: [{ variable: /^secret_key_base$/i, value: /^[A-Za-z0-9+/=_-]{30,256}$/, keywords: ["secret_key_base"] }],
  plausible: (value) => looksGenerated(value, 30),
  rate: (context) => appSecretRating(context, "secret_key_base signs and encrypts every cookie and session: whoever holds it forges a session for any user"),
  reach: "forges signed and encrypted cookies for any user, administrators included, and on older Rails turns a forged cookie into code execution",
  narrower: "keep it in encrypted credentials or the SECRET_KEY_BASE environment variable of the host, never in config files",
  reference: "https://guides.rubyonrails.org/security.html#session-storage",
  samples: {
    positive: [
      sample("config/secrets.yml", 'development:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n\nproduction:\n  secret_key_base: bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9eae795d70dd7e5cd9130d065046eb2fd7d4a9b052671d706433db1b90ef3e0802\n', { expect: { line: 5 } }),
      sample("deploy/app.env", "RAILS_ENV=production\nSECRET_KEY_BASE=bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9eae795d70dd7e5cd9130d065046eb2fd7d4a9b052671d706433db1b90ef3e0802\n", { expect: { line: 2 } })
    ],
    negative: [
      sample("config/secrets.yml", 'production:\n  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>\n'),
      sample("Dockerfile", "FROM ruby:3.3\nRUN SECRET_KEY_BASE=dummy bundle exec rails assets:precompile\n")
    ]
  },
  scopeSamples: {
    positive: [sample("config/secrets.yml", "production:\n  secret_key_base: bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9eae795d70dd7e5cd9130d065046eb2fd7d4a9b052671d706433db1b90ef3e0802\n", { expect: { line: 2 } })],
    negative: [sample("config/secrets.yml", "test:\n  secret_key_base: bd6a5021a7afc913a437972b0d1035ec38d12c227d7fa1560d11bf7ba655ba9eae795d70dd7e5cd9130d065046eb2fd7d4a9b052671d706433db1b90ef3e0802\n", { note: "the test environment’s key" })]
  }
};
var railsMasterKey = {
  id: "rails-master-key",
  provider: "rails",
  title: "Rails master key",
  contextPatterns: [{ variable: /^RAILS_MASTER_KEY$/i, value: /^[0-9a-f]{32}$/, keywords: ["rails_master_key"] }],
  // `rails new` writes the key alone into config/master.key (per-environment keys into config/credentials/<env>.key).
  filePatterns: [{ path: /(?:^|\/)config\/(?:master|credentials\/[\w-]+)\.key$/, value: /^[0-9a-f]{32}$/ }],
  plausible: (value) => !isPlaceholder(value) && new Set(value).size >= 10,
  rate: (context) => appSecretRating(context, "the master key decrypts config/credentials.yml.enc: every production credential the app holds"),
  reach: "decrypts config/credentials.yml.enc: every database password, API key and secret_key_base the application holds in production",
  narrower: "set RAILS_MASTER_KEY only in the host’s secret store, and use per-environment credentials so one key opens one environment",
  reference: "https://guides.rubyonrails.org/security.html#custom-credentials",
  samples: {
    positive: [
      sample(".kamal/secrets", "KAMAL_REGISTRY_PASSWORD=$KAMAL_REGISTRY_PASSWORD\nRAILS_MASTER_KEY=044b5fe9b25ce6e6aa32889755663bdc\n", { expect: { line: 2 } }),
      sample(".github/workflows/ci.yml", "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      RAILS_ENV: production\n      RAILS_MASTER_KEY: 044b5fe9b25ce6e6aa32889755663bdc\n    steps:\n      - run: bin/rails db:migrate\n", { expect: { line: 6 } }),
      sample("config/master.key", "044b5fe9b25ce6e6aa32889755663bdc\n", { expect: { line: 1 }, note: "committed by mistake: .gitignore from rails new lists it" })
    ],
    negative: [
      sample(".kamal/secrets", "KAMAL_REGISTRY_PASSWORD=$KAMAL_REGISTRY_PASSWORD\nRAILS_MASTER_KEY=$(cat config/master.key)\n"),
      sample(".github/workflows/ci.yml", "jobs:\n  test:\n    env:\n      RAILS_MASTER_KEY: ${{ secrets.RAILS_MASTER_KEY }}\n"),
      { files: { "config/master.key": "044b5fe9b25ce6e6aa32889755663bdc\n" }, gitignored: ["config/master.key"], note: "git-ignored, as rails new sets it up" }
    ]
  },
  scopeSamples: {
    positive: [sample("deploy/app.env", "RAILS_MASTER_KEY=044b5fe9b25ce6e6aa32889755663bdc\n", { expect: { line: 1 } })],
    negative: [sample("deploy/app.env", "RAILS_MASTER_KEY=00000000000000000000000000000000\n", { note: "a fill value" })]
  }
};
var DJANGO_INSECURE = "django-insecure-";
var djangoSecretKey = {
  id: "django-secret-key",
  provider: "django",
  title: "Django SECRET_KEY",
  valuePatterns: [
    // `startproject` writes `django-insecure-` + 50 characters for development; it often ships as a fallback.
    { regex: /(?<![A-Za-z0-9_-])(django-insecure-[A-Za-z0-9!@#$%^&*()\-_=+]{30,80})(?=["'])/g, keywords: ["django-insecure-"] }
  ],
  contextPatterns: [
    { variable: /^DJANGO_SECRET_KEY$/i, value: /^[A-Za-z0-9!@#$%^&*()\-_=+/.~]{20,200}$/, keywords: ["django"] },
    { variable: /^SECRET_KEY$/, value: /^[A-Za-z0-9!@#$%^&*()\-_=+/.~]{20,200}$/, keywords: ["secret_key"], requires: ["django"] }
  ],
  plausible: (value) => {
    if (value.startsWith(DJANGO_INSECURE)) return !isPlaceholder(value.slice(DJANGO_INSECURE.length)) && entropy(value.slice(DJANGO_INSECURE.length)) >= 3.5;
    return looksGenerated(value, 20);
  },
  rate: (context) => {
    if (context.value.startsWith(DJANGO_INSECURE)) return { scope: "test", because: "a django-insecure- key is the development key startproject generates" };
    return appSecretRating(context, "SECRET_KEY signs sessions, password-reset links and signed cookies: whoever holds it forges them for any user");
  },
  reach: "forges sessions, password-reset links and signed data for any user, administrators included",
  narrower: "read SECRET_KEY from the environment or a secret store in production settings, and rotate it with SECRET_KEY_FALLBACKS",
  reference: "https://docs.djangoproject.com/en/stable/ref/settings/#secret-key",
  samples: {
    positive: [
      sample("acme/settings/production.py", 'from .base import *  # noqa\n\n# Django production settings\nDEBUG = False\nSECRET_KEY = "9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn"\n', { expect: { line: 5 } }),
      sample("deploy/django.env", "DJANGO_SETTINGS_MODULE=acme.settings.production\nDJANGO_SECRET_KEY=u@88s0dz9iqtnk&lq6-oapqxqc2zg%d=@s&km!om011_cdm&t_\n", { expect: { line: 2 } }),
      sample("mysite/settings.py", '"""Django settings for mysite project."""\nimport os\n\nSECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn")\n', { expect: { line: 4 }, note: "development key: reported low" })
    ],
    negative: [
      sample("acme/settings/production.py", 'import os\n\n# Django production settings\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n'),
      sample("app/config.py", 'from flask import Flask\n\napp = Flask(__name__)\nSECRET_KEY = "9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn"\n', { note: "no Django in the file: the generic secret rule decides" })
    ]
  },
  scopeSamples: {
    positive: [sample("acme/settings/production.py", '# Django production settings\nSECRET_KEY = "9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn"\n', { expect: { line: 2 } })],
    negative: [sample("mysite/settings.py", '# Django settings for mysite project.\nSECRET_KEY = "django-insecure-9%ghrji1-9d@u=2h1^az00n%&vjemqf*702-&j_518r0_8+twn"\n')]
  }
};
var laravelAppKey = {
  id: "laravel-app-key",
  provider: "laravel",
  title: "Laravel APP_KEY",
  contextPatterns: [{ variable: /^APP_KEY$/i, value: /^base64:[A-Za-z0-9+/]{43}=$/, keywords: ["app_key"] }],
  plausible: (value) => !isPlaceholder(value.slice(7)) && entropy(value.slice(7)) >= 4,
  rate: (context) => appSecretRating(context, "APP_KEY encrypts and signs every cookie and session: whoever holds it forges a session for any user"),
  reach: "decrypts and forges every encrypted cookie and session of the application, and with it can turn a forged payload into code execution",
  narrower: "set APP_KEY in the host’s environment (php artisan key:generate --show) and rotate it with APP_PREVIOUS_KEYS if it leaked",
  reference: "https://laravel.com/docs/encryption#configuration",
  samples: {
    positive: [
      sample(".env", "APP_NAME=Acme\nAPP_ENV=production\nAPP_KEY=base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA=\nAPP_DEBUG=false\n", { expect: { line: 3 } }),
      sample("docker-compose.prod.yml", 'services:\n  app:\n    image: acme/laravel:1.8\n    environment:\n      APP_KEY: "base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA="\n', { expect: { line: 5 } })
    ],
    negative: [
      sample(".env.example", "APP_NAME=Laravel\nAPP_ENV=local\nAPP_KEY=\nAPP_DEBUG=true\n"),
      sample("docker-compose.prod.yml", "services:\n  app:\n    environment:\n      APP_KEY: ${APP_KEY}\n")
    ]
  },
  scopeSamples: {
    positive: [sample(".env.production", "APP_KEY=base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA=\n", { expect: { line: 1 } })],
    negative: [
      sample(".env.testing", "APP_KEY=base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA=\n"),
      sample(".env.example", "APP_ENV=local\nAPP_KEY=base64:y6hdjKgOIeL7t3mmp5aGC+xHm2Y3jbD6HRVa2V2YFJA=\n", { note: "a template’s key is a shared development key" })
    ]
  }
};
var HASURA_EXAMPLES = /* @__PURE__ */ new Set(["myadminsecretkey", "myadminsecret", "mysecretkey", "adminsecret"]);
var hasuraAdminSecret = {
  id: "hasura-admin-secret",
  provider: "hasura",
  title: "Hasura admin secret",
  contextPatterns: [{ variable: /^(?:HASURA_GRAPHQL_(?:ADMIN_SECRET|ACCESS_KEY)|x-hasura-admin-secret|hasuraAdminSecret)$/i, value: /^[A-Za-z0-9+/=_\-.~!@#$%^&*()]{8,256}$/, keywords: ["hasura"] }],
  plausible: (value) => value.length >= 12 && !HASURA_EXAMPLES.has(value.toLowerCase()) && !isHumanPlaceholder(value) && entropy(value) >= 3,
  rate: (context) => appSecretRating(context, "the admin secret bypasses every permission rule of the GraphQL engine"),
  reach: "runs any query or mutation on every table as admin, bypassing all permission rules, and changes metadata",
  narrower: "let clients use JWTs with role claims; keep the admin secret for operators, set from the host’s secret store",
  reference: "https://hasura.io/docs/2.0/deployment/securing-graphql-endpoint/",
  samples: {
    positive: [
      sample("docker-compose.prod.yml", "services:\n  graphql-engine:\n    image: hasura/graphql-engine:v2.44.0\n    environment:\n      HASURA_GRAPHQL_ADMIN_SECRET: brMGAi8j2sMHqzdi1tPttVwWHgwRjbaZ\n", { expect: { line: 5 } }),
      sample("scripts/seed.ts", "await fetch('https://gql.acme.io/v1/graphql', {\n  method: 'POST',\n  headers: { 'x-hasura-admin-secret': 'brMGAi8j2sMHqzdi1tPttVwWHgwRjbaZ' },\n  body: JSON.stringify({ query }),\n});\n", { expect: { line: 3 } })
    ],
    negative: [
      sample("docker-compose.yml", "services:\n  graphql-engine:\n    image: hasura/graphql-engine:v2.44.0\n    environment:\n      HASURA_GRAPHQL_ADMIN_SECRET: myadminsecretkey\n"),
      sample("hasura/config.yaml", "version: 3\nendpoint: http://localhost:8080\nadmin_secret: ${HASURA_GRAPHQL_ADMIN_SECRET}\n")
    ]
  },
  scopeSamples: {
    positive: [sample("deploy/hasura.env", "HASURA_GRAPHQL_ADMIN_SECRET=brMGAi8j2sMHqzdi1tPttVwWHgwRjbaZ\n", { expect: { line: 1 } })],
    negative: [sample("deploy/hasura.env", "HASURA_GRAPHQL_ADMIN_SECRET=myadminsecretkey\n")]
  }
};
var SIGNING_KINDS = [
  nextauthSecret,
  railsMasterKey,
  railsSecretKeyBase,
  djangoSecretKey,
  laravelAppKey,
  hasuraAdminSecret,
  jwtSigningSecret,
  sessionSecret
];

// knowledge/credentials/stripe.ts
var REFERENCE7 = "https://docs.stripe.com/keys";
var body = (value) => value.replace(/^[a-z]+_(?:live|test)_/, "");
var realBody = (value) => !isPlaceholder(value) && !isPlaceholder(body(value)) && /[0-9]/.test(body(value)) && /[A-Za-z]/.test(body(value));
var stripeLiveSecretKey = {
  id: "stripe-live-secret-key",
  provider: "stripe",
  title: "Stripe live secret key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(sk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g, keywords: ["sk_live_"] }],
  plausible: realBody,
  rate: fixed("root", "a live secret key controls the whole live account: charges, refunds, payouts, customers"),
  reach: "can create charges, issue refunds, change payouts and read every customer of the live account",
  narrower: "use a restricted key (rk_live_) granting only the resources this code touches",
  reference: REFERENCE7,
  samples: {
    positive: [
      sample("server/billing.js", "const stripe = require('stripe')('sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4');\n", { expect: { line: 1 } }),
      sample("config/staging.env.yml", "STRIPE_SECRET_KEY: sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("server/billing.js", "const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY); // sk_live_... in production\n"),
      sample("docs/payments.md", "Set `STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx` in the dashboard.\n")
    ]
  },
  scopeSamples: {
    positive: [sample("server/billing.py", 'stripe.api_key = "sk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4"\n', { expect: { line: 1 } })],
    negative: [sample("server/billing.py", 'stripe.api_key = "rk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4"\n')]
  }
};
var stripeRestrictedKey = {
  id: "stripe-restricted-key",
  provider: "stripe",
  title: "Stripe live restricted key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(rk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g, keywords: ["rk_live_"] }],
  plausible: realBody,
  rate: fixed("scoped", "a restricted key holds only the permissions it was granted"),
  reach: "can use the Stripe resources it was granted on the live account",
  narrower: "already narrow; keep it in a secret store",
  reference: REFERENCE7,
  samples: {
    positive: [sample("workers/reports.py", 'STRIPE_REPORTING_KEY = "rk_live_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4"\n', { expect: { line: 1 } })],
    negative: [sample("workers/reports.py", 'STRIPE_REPORTING_KEY = os.environ["STRIPE_REPORTING_KEY"]  # rk_live_...\n')]
  }
};
var stripeTestKey = {
  id: "stripe-test-key",
  provider: "stripe",
  title: "Stripe test-mode secret key",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])([sr]k_test_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/g, keywords: ["sk_test_", "rk_test_"] }],
  plausible: realBody,
  rate: fixed("test", "test-mode keys move no real money"),
  exposedSeverity: "low",
  reach: "can act on the test-mode account only",
  narrower: "keep test keys in CI secrets too: they still expose test customers and webhooks",
  reference: REFERENCE7,
  samples: {
    positive: [sample("tests/setup.ts", "process.env.STRIPE_SECRET_KEY = 'sk_test_51MzQ8vKp3xR7tW2yB9nL4cF6hJ0dG5aE8uI1oK3mN7qP2sV4';\n", { expect: { line: 1 } })],
    negative: [sample("tests/setup.ts", "process.env.STRIPE_SECRET_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'; // Stripe's documented test key\n")]
  }
};
var stripeWebhookSecret = {
  id: "stripe-webhook-secret",
  provider: "stripe",
  title: "Stripe webhook signing secret",
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(whsec_[A-Za-z0-9+/=]{32,})(?![A-Za-z0-9_])/g, keywords: ["whsec_"] }],
  plausible: realBody,
  rate: fixed("scoped", "a signing secret authenticates one webhook endpoint"),
  reach: "lets anyone forge webhook events that one endpoint will trust",
  narrower: "keep it in a secret store; roll it from the dashboard after exposure",
  reference: "https://docs.stripe.com/webhooks#verify-events",
  samples: {
    positive: [sample("api/webhooks.go", 'const endpointSecret = "whsec_8f3Kq2Lm9Vx4Rt7Zw1By6Nc0Pd5Hj3Ga"\n', { expect: { line: 1 } })],
    negative: [sample("api/webhooks.go", 'endpointSecret := os.Getenv("STRIPE_WEBHOOK_SECRET") // whsec_...\n')]
  }
};
var STRIPE_KINDS = [stripeLiveSecretKey, stripeRestrictedKey, stripeTestKey, stripeWebhookSecret];

// knowledge/credentials/index.ts
var PROVIDER_KINDS = [
  ...RAILWAY_KINDS,
  ...AWS_KINDS,
  ...GITHUB_KINDS,
  ...STRIPE_KINDS,
  ...DATABASE_KINDS,
  ...REGISTRY_KINDS,
  ...SAAS_KINDS,
  ...INFRA_KINDS,
  ...GCP_KINDS,
  ...AZURE_KINDS,
  ...GITLAB_KINDS,
  ...CLOUDFLARE_KINDS,
  ...PAAS_KINDS,
  ...KUBERNETES_KINDS,
  // Name-based signing secrets last, so a provider's own name (`SUPABASE_JWT_SECRET`) wins over `JWT_SECRET`.
  ...SIGNING_KINDS
];
var CREDENTIAL_KINDS = [...PROVIDER_KINDS, ...GENERIC_KINDS];
var BY_ID = new Map(CREDENTIAL_KINDS.map((kind) => [kind.id, kind]));
function credentialKind(id) {
  return BY_ID.get(id);
}

// knowledge/credentials/names.ts
var PASSWORD_WORDS = /* @__PURE__ */ new Set(["password", "passwd", "pwd", "passphrase", "pass"]);
var SECRET_WORDS = /* @__PURE__ */ new Set(["secret", "token", "apikey", "credential", "credentials", "privatekey", "accesskey", "secretkey", "authkey", "authtoken", "bearer"]);
var SECRET_PAIRS = /* @__PURE__ */ new Set(["api key", "access key", "private key", "secret key", "auth key", "signing key", "encryption key", "master key", "app key", "account key", "service key", "admin key", "license key", "auth token", "access token", "refresh token", "connection string", "shared key", "hmac key", "webhook key"]);
var NOT_A_SECRET_WORDS = new Set(
  "public publishable pub site id ids url uri urls path paths file files filename name names type types length size ttl expiry expires expiration expire expired lifetime header headers prefix field fields param params endpoint version count max min limit limits timeout regex pattern hash hashed salt policy rotation format env var vars enabled enable disabled required ref refs arn location dir directory provider manager mode label placeholder example description hint message error errors template input cookie csrf xsrf tokenizer tokens tokenize tokenized usage store storage selector schema algorithm algo encoding kind reset forgot confirm confirmation changed change policy rule rules validator validation strength min length prompt dialog modal form field column col key_id keyid fingerprint thumbprint index lookup cache sort partition primary foreign composite count counter metric metrics mask masked visible show hide toggle icon class style widget button link route handler callback service generator length provider issuer audience scope scopes state nonce digest next continuation page pagination cursor marker request result results output lifecycle verifier data last used date time created updated modified age question answer idempotency lock object routing cancellation cancel starting namespace factory and etc authenticity".split(" ")
);
var AFTER_ONLY_WORDS = /* @__PURE__ */ new Set(["store", "storage"]);
function isSecretWord(word) {
  return PASSWORD_WORDS.has(word) || SECRET_WORDS.has(word) || word === "key" || /.(?:password|passwd)$/.test(word);
}
function saysNotASecret(words2, index) {
  const word = words2[index];
  if (!NOT_A_SECRET_WORDS.has(word)) return false;
  return !AFTER_ONLY_WORDS.has(word) || words2.slice(0, index).some(isSecretWord);
}
function secretNameClass(name) {
  const words2 = wordsOf(name.replace(/^.*[.:/]/, ""));
  if (words2.length === 0 || words2.length > 8) return void 0;
  if (words2.some((word, index) => saysNotASecret(words2, index))) return void 0;
  if (words2.length >= 2 && words2[words2.length - 2] === "client" && words2[words2.length - 1] === "token") return void 0;
  if (words2.some((word) => PASSWORD_WORDS.has(word) && word !== "pass")) return "password";
  if (words2.some((word) => /.(?:password|passwd)$/.test(word))) return "password";
  if (words2[words2.length - 1] === "pass") return "password";
  if (words2.some((word) => SECRET_WORDS.has(word))) return "secret";
  for (let i = 1; i < words2.length; i++) {
    if (SECRET_PAIRS.has(`${words2[i - 1]} ${words2[i]}`)) return "secret";
  }
  const last = words2[words2.length - 1];
  if (last === "key" && words2.length >= 2 && !/^\d+$/.test(words2[words2.length - 2])) return "secret";
  return void 0;
}
var SECRET_NAME_KEYWORDS = ["pass", "pwd", "secret", "token", "key", "credential", "bearer", "authorization"];

// src/parse/data-tree.ts
function* leaves(document) {
  for (const root of document.roots) yield* leavesOf(root, []);
}
function* leavesOf(node, path2, parent, key, keySpan) {
  switch (node.kind) {
    case "scalar":
      yield { path: path2, key, keySpan, node, parent };
      return;
    case "seq":
      for (let i = 0; i < node.items.length; i++) {
        yield* leavesOf(node.items[i], [...path2, i], void 0, key, keySpan);
      }
      return;
    case "map":
      for (const entry of node.entries) {
        yield* leavesOf(entry.value, [...path2, entry.key], node, entry.key, entry.keySpan);
      }
  }
}
function get(node, key) {
  if (!node || node.kind !== "map") return void 0;
  return node.entries.find((entry) => entry.key === key)?.value;
}
function getPath(node, path2) {
  let current = node;
  for (const step of path2) {
    if (!current) return void 0;
    if (typeof step === "number") current = current.kind === "seq" ? current.items[step] : void 0;
    else current = get(current, step);
  }
  return current;
}
function literalString(node) {
  if (!node || node.kind !== "scalar" || node.expression !== void 0 || node.value === null) return void 0;
  return String(node.value);
}

// knowledge/credentials/kubernetes-secret-data.ts
function isSecret(root) {
  return literalString(get(root, "kind")) === "Secret";
}
function secretDataValues(document) {
  let values;
  for (const root of document.roots) {
    if (!isSecret(root)) continue;
    const data = get(root, "data");
    if (data?.kind !== "map") continue;
    for (const entry of data.entries) (values ??= /* @__PURE__ */ new Set()).add(entry.value);
  }
  return values;
}
function sealedSecretValues(document) {
  let values;
  for (const root of document.roots) {
    if (literalString(get(root, "kind")) !== "SealedSecret") continue;
    const data = get(get(root, "spec"), "encryptedData");
    if (data?.kind !== "map") continue;
    for (const entry of data.entries) (values ??= /* @__PURE__ */ new Set()).add(entry.value);
  }
  return values;
}
function decodeSecretData(value) {
  const decoded = decodeBase64Text(value)?.trim();
  return decoded === "" ? void 0 : decoded;
}
function withDecodedSecretData(root) {
  if (root.kind !== "map" || !isSecret(root)) return root;
  const entries = root.entries.map((entry) => {
    if (entry.key !== "data" || entry.value.kind !== "map") return entry;
    const data = {
      ...entry.value,
      entries: entry.value.entries.map((item) => {
        const node = item.value;
        if (node.kind !== "scalar" || node.expression !== void 0 || typeof node.value !== "string") return item;
        const decoded = decodeSecretData(node.value);
        return decoded === void 0 ? item : { ...item, value: { ...node, value: decoded } };
      })
    };
    return { ...entry, value: data };
  });
  return { ...root, entries };
}

// detectors/exposed-credential/bindings.ts
var HEADERS = /^(?:authorization|proxy-authorization|x-api-key|x-auth-key|x-auth-token|x-access-token|api-key|apikey|x-apikey|project-access-token|private-token|x-auth-email|x-secret|x-token|x-mcp-readonly)$/i;
var AUTH_SCHEME = /^(?:bearer|token|basic|bot|apikey|key)\s+/i;
var HEADER_HINT = /uthorization|ccess-Token|uth-Key|pi-Key|rivate-Token/i;
var ENV_PREFIX = /^(?:process\.env|import\.meta\.env|os\.environ|Deno\.env|ENV|env|secrets|vars)\./;
var LINE_BINDING = /(?<![\w$.\-/@\\])(?:export[ \t]+|ENV[ \t]+|set[ \t]+|declare[ \t]+(?:-\w+[ \t]+)?)?(?:(["'`])([A-Za-z_$][\w$.\-]*)\1\]?|([A-Za-z_$][\w$.\-]*))[ \t]*(?:=>|:=|\?\?|\|\||=|:(?!:))[ \t]*(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})'|`([^`$\r\n]{1,2000})`|([^\s"'`,;)}\]]{1,2000}))/g;
var TYPED_BINDING = /(?:(?<![\w$.])([A-Za-z_$][\w$]*)[ \t]*:[ \t]*&?(?:'[A-Za-z_]\w*[ \t]+)?[A-Za-z_][\w.]*(?:<[^<>\r\n]{0,60}>|\[[^\[\]\r\n]{0,60}\])?\??|\b(?:var|const)[ \t]+([A-Za-z_]\w*)[ \t]+\*?(?:\[\])?[A-Za-z_][\w.]*)[ \t]*=(?![=>])[ \t]*(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})'|`([^`$\r\n]{1,2000})`)/g;
var FLAG_BINDING = /(?<![\w-])--?((?:[A-Za-z][\w-]*?)?(?:token|secret|password|passwd|pass|pwd|key|auth)[\w-]*)(?:=|[ \t]+)(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})'|([^\s"'`;|&)]{1,2000}))/gi;
var CALL_BINDING = /\((?<=[\w$][ \t]*\()[ \t]*(["'])([A-Za-z_][\w.\-]*)\1[ \t]*,[ \t]*(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})')[ \t]*\)/g;
var ENV_ASSIGNED = /(?<![\w$])(?:(?:os\.)?environ|ENV|process\.env)\[\s*(["'])([A-Za-z_][\w.-]*)\1\s*\]\s*(?:=(?!=)|\|\|=?|\?\?=?|or\b)\s*(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})')/g;
var DSL_BINDING = /^([ \t]*([A-Za-z_][\w.]*)[ \t]+)(?:"((?:[^"\\\r\n]|\\.){1,2000})"|'([^'\r\n]{1,2000})')[ \t]*;?[ \t]*(?:(?:\/\/|#).*)?$/;
var XML_BINDING = /<([A-Za-z_][\w.\-]*)>([^<\s]{1,2000})<\/\1>/g;
var XML_ATTRIBUTE_PAIR = /\b(?:key|name)\s*=\s*"([A-Za-z_][\w.:\-]*)"\s+value\s*=\s*"([^"\r\n]{1,2000})"/g;
var PLIST_PAIR = /<key>([A-Za-z_][\w.\-]*)<\/key>\s*<string>([^<\s]{1,2000})<\/string>/g;
function isExpression(value) {
  return /^[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*|!)*;?$/.test(value) || /^(?:true|false|null|undefined|None|nil)$/.test(value) || // Number literals (`LONG_PASSWORD = 0x00000001`) and union types (`PrivateKeyBlob = Buffer|Uint8Array|string`).
  /^-?(?:0x[0-9a-f_]+|0b[01_]+|0o[0-7_]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)[nlufd]*;?$/i.test(value) || /^[A-Za-z_$][\w$.]*(?:\|[A-Za-z_$][\w$.]*)+;?$/.test(value) || // Generic types, calls, indexes and arrows (`PunctuationToken<Kind>`, `fn(x)`) are code.
  /[<>{}()[\]]|=>/.test(value);
}
function isProse(value, after) {
  return /^[A-Za-z]+[.:]$/.test(value) || /^[A-Za-z]+(?:-[a-z]+)*,?$/.test(value) && /^ [a-z]+ [a-z]+\b/.test(after);
}
function normaliseName(name) {
  return name.replace(ENV_PREFIX, "");
}
function binding(name, value, start, flag) {
  const normalised = name.includes(".") ? normaliseName(name) : name;
  let header;
  let trimmedStart = start;
  let trimmed = value;
  if ((normalised.includes("-") || /^(?:authorization|apikey)$/i.test(normalised)) && HEADERS.test(normalised)) header = normalised;
  const scheme = header || /^authorization$/i.test(normalised) ? AUTH_SCHEME.exec(trimmed) : null;
  if (scheme) {
    trimmedStart += scheme[0].length;
    trimmed = trimmed.slice(scheme[0].length);
  }
  return { name: normalised, value: trimmed, start: trimmedStart, end: trimmedStart + trimmed.length, header, flag, decoded: void 0 };
}
function lineBindings(text, offset = 0, bareLiterals = true) {
  const found = [];
  const pattern = LINE_BINDING;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const index = match[4] !== void 0 ? 0 : match[5] !== void 0 ? 1 : match[6] !== void 0 ? 2 : 3;
    const value = match[4 + index];
    if (index === 3) {
      if (value.startsWith("//") || /[<>{}()[\]]|=>/.test(value) || !bareLiterals && isExpression(value) || isProse(value, text.slice(match.index + match[0].length, match.index + match[0].length + 40))) {
        pattern.lastIndex = match.index + match[0].length - value.length;
        continue;
      }
    }
    const valueStart = match.index + match[0].length - value.length - (index < 3 ? 1 : 0);
    found.push(binding(match[2] ?? match[3], value, offset + valueStart));
    const inner = index < 3 && value.includes("=") ? /^([A-Z][A-Z0-9_]{2,})=([^\s"'`]{6,})$/.exec(value) : null;
    if (inner) found.push(binding(inner[1], inner[2], offset + valueStart + inner[1].length + 1));
  }
  const colon = text.indexOf(":");
  if (colon !== -1 && text.indexOf("=", colon) !== -1 || text.includes("=") && (text.includes("var") || text.includes("const"))) {
    for (const match of text.matchAll(TYPED_BINDING)) {
      const value = match[3] ?? match[4] ?? match[5];
      found.push(binding(match[1] ?? match[2], value, offset + match.index + match[0].length - value.length - 1));
    }
  }
  if (text.includes("-")) {
    for (const match of text.matchAll(FLAG_BINDING)) {
      const value = match[2] ?? match[3] ?? match[4];
      if (value.startsWith("-") || /^[A-Za-z]+$/.test(value)) continue;
      const valueStart = match.index + match[0].length - value.length - (match[4] === void 0 ? 1 : 0);
      found.push(binding(match[1], value, offset + valueStart, true));
    }
  }
  if (text.includes("(") && text.includes(",")) quotedNameBindings(text, CALL_BINDING, offset, found);
  if (text.includes("[") && /env/i.test(text)) quotedNameBindings(text, ENV_ASSIGNED, offset, found);
  const dsl = (text.includes('"') || text.includes("'")) && !text.includes("=") && !text.includes(":") ? DSL_BINDING.exec(text) : null;
  if (dsl) found.push(binding(dsl[2], dsl[3] ?? dsl[4], offset + dsl[1].length + 1));
  if (text.includes("</")) {
    for (const match of text.matchAll(XML_BINDING)) {
      found.push(binding(match[1], match[2], offset + match.index + match[1].length + 2));
    }
  }
  if (text.includes("value=") || text.includes("value =")) {
    for (const match of text.matchAll(XML_ATTRIBUTE_PAIR)) {
      found.push(binding(match[1], match[2], offset + match.index + match[0].length - match[2].length - 1));
    }
  }
  if (!HEADER_HINT.test(text)) return found;
  for (const match of text.matchAll(/\b(Authorization|Project-Access-Token|X-Auth-Key|X-Api-Key|Private-Token)[ \t]*:[ \t]*((?:Bearer|Token|Basic)[ \t]+)?([A-Za-z0-9._~+/=-]{8,})/gi)) {
    const valueStart = match.index + match[0].length - match[3].length;
    found.push({ name: match[1], value: match[3], start: offset + valueStart, end: offset + valueStart + match[3].length, header: match[1], flag: void 0, decoded: void 0 });
  }
  return found;
}
function propertyListBindings(text) {
  const found = [];
  for (const match of text.matchAll(PLIST_PAIR)) {
    found.push(binding(match[1], match[2], match.index + match[0].length - match[2].length - "</string>".length));
  }
  return found;
}
function quotedNameBindings(text, pattern, offset, found) {
  for (const match of text.matchAll(pattern)) {
    const value = match[3] ?? match[4];
    const valueStart = match.index + match[0].length - value.length - 1;
    found.push(binding(match[2], value, offset + valueStart));
  }
}
function lineBindingsOfLine(line, offset, bareLiterals, keep) {
  if (line.length > MAX_REMEMBERED_LINE) return lineBindings(line, offset, bareLiterals).filter(keep);
  if (keep !== rememberedFor) {
    rememberedBare.clear();
    rememberedCode.clear();
    rememberedFor = keep;
  }
  const remembered = bareLiterals ? rememberedBare : rememberedCode;
  let relative = remembered.get(line);
  if (relative === void 0) {
    const own = ownCopy(line);
    const kept = lineBindings(own, 0, bareLiterals).filter(keep);
    relative = kept.length === 0 ? NONE : kept;
    if (remembered.size >= MAX_REMEMBERED_LINES) remembered.clear();
    remembered.set(own, relative);
  }
  return relative.length === 0 ? [] : relative.map((binding2) => ({ name: binding2.name, value: binding2.value, start: binding2.start + offset, end: binding2.end + offset, header: binding2.header, flag: binding2.flag, decoded: void 0 }));
}
var NONE = [];
var MAX_REMEMBERED_LINE = 400;
var MAX_REMEMBERED_LINES = 5e4;
var rememberedBare = /* @__PURE__ */ new Map();
var rememberedCode = /* @__PURE__ */ new Map();
var rememberedFor;
function dataBindings(file) {
  const document = file.data();
  if (!document) return void 0;
  const found = [];
  const encoded = secretDataValues(document);
  const sealed = sealedSecretValues(document);
  for (const leaf2 of leaves(document)) {
    const node = leaf2.node;
    if (node.expression !== void 0 || typeof node.value !== "string" || node.value === "") continue;
    const name = leafName(leaf2);
    const located = locateValue(file, leaf2, node.value);
    if (!located) continue;
    if (sealed?.has(node)) {
      found.push({ ...binding(name ?? "", node.value, located.start), ciphertext: true });
      continue;
    }
    if (encoded?.has(node)) {
      const decoded = name === void 0 ? void 0 : decodeSecretData(node.value);
      if (decoded !== void 0) found.push({ ...binding(name, decoded, located.start), end: located.end, decoded: true });
      continue;
    }
    if (file.format === "notebook" || name === void 0 && /\s/.test(node.value)) {
      const raw = file.text.slice(located.start, located.end);
      for (const inner of lineBindings(node.value, 0, false)) {
        const at = raw.indexOf(inner.value);
        const start = located.start + (at === -1 ? 0 : at);
        found.push({ ...inner, start, end: at === -1 ? located.end : start + inner.value.length });
      }
      continue;
    }
    const inline = /^([A-Za-z_][\w.\-]*)=(\S.*)$/.exec(node.value);
    if (inline && (name === void 0 || /^(?:environment|env|args|build_args|variables)$/i.test(leaf2.key ?? "") || /^[A-Z][A-Z0-9_]{2,}$/.test(inline[1]))) {
      found.push(binding(inline[1], inline[2], located.start + inline[1].length + 1));
      continue;
    }
    if (name !== void 0) found.push(binding(name, node.value, located.start));
  }
  return found;
}
function leafName(leaf2) {
  const key = leaf2.key;
  if (key === void 0 || typeof leaf2.path[leaf2.path.length - 1] === "number") return void 0;
  if ((key === "value" || key === "Value") && leaf2.parent) {
    const sibling = leaf2.parent.entries.find((entry) => entry.key === "name" || entry.key === "Name" || entry.key === "key");
    if (sibling?.value.kind === "scalar" && typeof sibling.value.value === "string") return sibling.value.value;
  }
  if (key === "default" && leaf2.parent?.block?.type === "variable") return leaf2.parent.block.labels[0] ?? key;
  const provider = leaf2.parent?.block?.type === "provider" ? leaf2.parent.block.labels[0] : void 0;
  if (provider && !key.toLowerCase().includes(provider.toLowerCase())) return `${provider}.${key}`;
  return key;
}
function locateValue(file, leaf2, value) {
  const span = leaf2.node.span;
  const start = offsetOf(file, span.line, span.column);
  const end = offsetOf(file, span.endLine, span.endColumn);
  const raw = file.text.slice(start, end);
  const at = raw.indexOf(value);
  if (at !== -1) return { start: start + at, end: start + at + value.length };
  const quoted = raw.length >= 2 && /^["'`]/.test(raw);
  return { start: start + (quoted ? 1 : 0), end: end - (quoted ? 1 : 0) };
}
function offsetOf(file, line, column) {
  return (file.lineStarts[line - 1] ?? file.text.length) + column - 1;
}
function scriptBindings(file) {
  const program = file.ast();
  if (!program) return void 0;
  const found = [];
  const visit3 = (node) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit3(child);
      return;
    }
    const typed = node;
    if (typeof typed.type !== "string") return;
    switch (typed.type) {
      case "VariableDeclarator":
        if (typed.id.type === "Identifier") add(typed.id.name, typed.init);
        break;
      case "Property":
      case "PropertyDefinition":
        add(propertyName(typed.key, typed.computed), typed.value);
        break;
      case "AssignmentExpression":
        add(typed.left.type === "Identifier" ? typed.left.name : typed.left.type === "MemberExpression" ? propertyName(typed.left.property, typed.left.computed) : void 0, typed.right);
        break;
    }
    for (const [key, child] of Object.entries(typed)) {
      if (key !== "parent" && key !== "loc" && key !== "range" && child && typeof child === "object") visit3(child);
    }
  };
  const add = (name, value) => {
    if (!value) return;
    const literal = stringLiteral(value);
    if (literal) {
      if (name) found.push(binding(name, literal.value, literal.start));
      return;
    }
    if (value.type === "LogicalExpression" && (value.operator === "??" || value.operator === "||")) {
      const fallback = stringLiteral(value.right);
      const envName = envVariable(value.left);
      if (fallback && (envName || name)) found.push(binding(envName ?? name, fallback.value, fallback.start));
    }
  };
  visit3(program.body);
  return found;
}
function stringLiteral(node) {
  if (node.type === "Literal" && typeof node.value === "string") return { value: node.value, start: node.range[0] + 1 };
  if (node.type === "TemplateLiteral" && node.expressions.length === 0 && node.quasis[0]) {
    return { value: node.quasis[0].value.cooked ?? node.quasis[0].value.raw, start: node.range[0] + 1 };
  }
  if (node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression") return stringLiteral(node.expression);
  return void 0;
}
function propertyName(key, computed) {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  return void 0;
}
function envVariable(node) {
  if (node.type !== "MemberExpression") return void 0;
  const object = node.object;
  const isEnv = object.type === "MemberExpression" && object.property.type === "Identifier" && object.property.name === "env" || object.type === "Identifier" && /^(?:env|ENV)$/.test(object.name);
  if (!isEnv) return void 0;
  return propertyName(node.property, node.computed);
}
function ownCopy(slice) {
  return `${slice} `.slice(0, -1);
}

// detectors/exposed-credential/secretlint.ts
var RULE_KEYWORDS = lookupTable({
  // Its secret-key pattern needs `secret_access`/`secretAccess`; its key-ID pattern finds what our own AKIA/ASIA
  // patterns find (and identifiers such as AROA, which are not credentials) in every file anyway.
  "@secretlint/secretlint-rule-aws": ["secret_access", "secretaccess"],
  "@secretlint/secretlint-rule-gcp": ["private_key"],
  "@secretlint/secretlint-rule-privatekey": ["private key"],
  "@secretlint/secretlint-rule-npm": ["npm_", "_authtoken", "npm_token"],
  "@secretlint/secretlint-rule-basicauth": ["://"],
  "@secretlint/secretlint-rule-slack": ["xox", "hooks.slack.com"],
  "@secretlint/secretlint-rule-sendgrid": ["sg."],
  "@secretlint/secretlint-rule-shopify": ["shpat_", "shpca_", "shppa_", "shpss_"],
  "@secretlint/secretlint-rule-github": ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
  "@secretlint/secretlint-rule-openai": ["t3blbkfj", "sk-proj-", "sk-svcacct-", "sk-admin-"],
  "@secretlint/secretlint-rule-anthropic": ["sk-ant-"],
  "@secretlint/secretlint-rule-linear": ["lin_api_", "lin_oauth_"],
  "@secretlint/secretlint-rule-1password": ["ops_"],
  "@secretlint/secretlint-rule-database-connection-string": ["postgres", "mysql", "mongodb"]
});
var SECRETLINT_KEYWORDS = [...new Set(Object.values(RULE_KEYWORDS).flat())];
var RULES = creator.rules.filter((rule2) => rule2.meta.id in RULE_KEYWORDS).map((rule2) => ({ id: rule2.meta.id, creator: rule2, keywords: RULE_KEYWORDS[rule2.meta.id] }));
function secretlintMatches(file) {
  const matches = [];
  const dot = file.path.lastIndexOf(".");
  const indexToPosition = (index) => {
    const position = file.positionAt(index);
    return { line: position.line, column: position.column - 1 };
  };
  const positionToIndex = (position) => (file.lineStarts[position.line - 1] ?? file.text.length) + position.column;
  const source2 = {
    hasBOM: false,
    content: file.text,
    filePath: file.path,
    physicalFilePath: void 0,
    ext: dot > file.path.lastIndexOf("/") ? file.path.slice(dot) : "",
    contentType: "text",
    getFilePath: () => file.path,
    getPhysicalFilePath: () => void 0,
    indexToPosition,
    positionToIndex,
    rangeToLocation: (range) => ({ start: indexToPosition(range[0]), end: indexToPosition(range[1]) }),
    locationToRange: (location) => [positionToIndex(location.start), positionToIndex(location.end)]
  };
  for (const rule2 of RULES) {
    if (!rule2.keywords.some((keyword) => file.hasKeyword(keyword))) continue;
    const context = ruleContext(rule2.id, matches);
    const handlers = rule2.creator.create(context, {});
    try {
      const outcome = handlers.file?.(source2);
      if (outcome && typeof outcome.catch === "function") outcome.catch(() => void 0);
    } catch {
    }
  }
  return matches;
}
function ruleContext(ruleId, sink) {
  const context = {
    sharedOptions: {},
    createTranslator: () => (messageId, data) => ({ message: messageId, messageId, data }),
    report(descriptor) {
      sink.push({ ruleId, messageId: descriptor.message.messageId, start: descriptor.range[0], end: descriptor.range[1] });
    },
    ignore() {
    }
  };
  return context;
}

// detectors/exposed-credential/find.ts
var Specificity = { Generic: 1, SecretlintOnly: 2, Context: 3, Value: 4 };
var CODE_FORMATS = /* @__PURE__ */ new Set(["javascript", "typescript", "python", "notebook", "hcl"]);
var SOURCE_EXTENSION = /\.(?:c|h|cc|cpp|cxx|hh|hpp|hxx|java|kt|kts|scala|groovy|gradle|go|rs|rb|php|cs|fs|vb|swift|m|mm|dart|lua|ex|exs|erl|clj|cljs|pl|pm|jl|zig|nim|cr|hs|ml)$/i;
var DATA_FORMATS = /* @__PURE__ */ new Set(["yaml", "json", "toml", "ini", "properties", "dotenv", "hcl", "notebook"]);
var KUBERNETES_SECRET = /\bkind["']?\s*:\s*["']?Secret\b/;
var GENERIC_KIND_IDS = /* @__PURE__ */ new Set([genericSecret.id, hardcodedPassword.id, jsonWebToken.id, basicAuthUrl.id, databaseConnectionString.id, privateKey.id]);
var CONTEXT_KINDS = PROVIDER_KINDS.filter((kind) => kind.contextPatterns?.length);
var FILE_KINDS = PROVIDER_KINDS.filter((kind) => kind.filePatterns?.length);
function isCredentialFilePath(path2) {
  return FILE_KINDS.some((kind) => kind.filePatterns.some((pattern) => pattern.path.test(path2)));
}
var SIBLING_WINDOW = 12;
var NEARBY_WINDOW = 3;
var FIND_KEYWORDS = [
  .../* @__PURE__ */ new Set([
    ...CREDENTIAL_KINDS.flatMap((kind) => [...(kind.valuePatterns ?? []).flatMap((pattern) => pattern.keywords), ...(kind.contextPatterns ?? []).flatMap((pattern) => pattern.keywords)]),
    ...SECRET_NAME_KEYWORDS
  ])
];
var REQUIRED_LITERALS = [
  ...new Set(
    CREDENTIAL_KINDS.flatMap((kind) => [...kind.valuePatterns ?? [], ...kind.contextPatterns ?? []].flatMap((pattern) => pattern.requires ?? [])).map((literal) => literal.toLowerCase())
  )
];
var STRUCTURE_WORDS = ["value", "default"];
var REQUIRED_LITERAL_SET = new Set(REQUIRED_LITERALS);
var NAME_KEYWORDS = [
  .../* @__PURE__ */ new Set([...SECRET_NAME_KEYWORDS, "project-access-token", "authorization", ...CONTEXT_KINDS.flatMap((kind) => kind.contextPatterns.flatMap((pattern) => pattern.keywords))])
];
var SECRETLINT_KINDS = lookupTable({
  "@secretlint/secretlint-rule-aws": ["aws-secret-access-key", "aws-access-key-id"],
  "@secretlint/secretlint-rule-gcp": ["gcp-service-account-key"],
  "@secretlint/secretlint-rule-privatekey": ["private-key"],
  "@secretlint/secretlint-rule-npm": ["npm-token"],
  "@secretlint/secretlint-rule-basicauth": ["basic-auth-url", "database-connection-string"],
  "@secretlint/secretlint-rule-slack": ["slack-user-token", "slack-bot-token", "slack-webhook"],
  "@secretlint/secretlint-rule-sendgrid": ["sendgrid-api-key"],
  "@secretlint/secretlint-rule-shopify": ["shopify-access-token", "shopify-shared-secret"],
  "@secretlint/secretlint-rule-github": ["github-classic-token", "github-oauth-token", "github-fine-grained-token", "github-app-token"],
  "@secretlint/secretlint-rule-openai": ["openai-admin-key", "openai-project-key", "openai-legacy-key"],
  "@secretlint/secretlint-rule-anthropic": ["anthropic-admin-key", "anthropic-api-key"],
  "@secretlint/secretlint-rule-linear": ["linear-api-key"],
  "@secretlint/secretlint-rule-1password": ["onepassword-service-account-token"],
  "@secretlint/secretlint-rule-database-connection-string": ["database-connection-string"]
});
var KIND_BY_ID = new Map(CREDENTIAL_KINDS.map((kind) => [kind.id, kind]));
var indexed = /* @__PURE__ */ new Map();
function withIndices(regex) {
  let copy = indexed.get(regex);
  if (!copy) {
    copy = new RegExp(regex.source, regex.flags.includes("d") ? regex.flags : `${regex.flags}d`);
    indexed.set(regex, copy);
  }
  return copy;
}
function secretRange(match) {
  const group = match.indices?.[1];
  if (group) return [group[0], group[1]];
  return [match.index, match.index + match[0].length];
}
var literalPatterns = /* @__PURE__ */ new Map();
function literalPattern(literal) {
  let pattern = literalPatterns.get(literal);
  if (!pattern) {
    pattern = new RegExp(escapeRegExp(literal), "i");
    literalPatterns.set(literal, pattern);
  }
  return pattern;
}
var VALUE_PATTERNS = CREDENTIAL_KINDS.flatMap((kind) => (kind.valuePatterns ?? []).map((pattern) => ({ kind, pattern })));
var PATTERNS_BY_KEYWORD = /* @__PURE__ */ new Map();
VALUE_PATTERNS.forEach(({ pattern }, index) => {
  for (const keyword of new Set(pattern.keywords.map((keyword2) => keyword2.toLowerCase()))) {
    const list = PATTERNS_BY_KEYWORD.get(keyword) ?? [];
    list.push(index);
    PATTERNS_BY_KEYWORD.set(keyword, list);
  }
});
function keyedPatterns(file) {
  const found = file.foundKeywords();
  if (found === "all") return VALUE_PATTERNS;
  const indexes = [];
  for (const keyword of found) {
    const admitted = PATTERNS_BY_KEYWORD.get(keyword);
    if (admitted) indexes.push(...admitted);
  }
  return [...new Set(indexes)].sort((a, b) => a - b).map((index) => VALUE_PATTERNS[index]);
}
function findCredentials(file) {
  const text = file.text;
  const contains = /* @__PURE__ */ new Map();
  const recorded = file.foundKeywords();
  const containsLiteral = (literal) => {
    let found = contains.get(literal);
    if (found === void 0) {
      const lower = literal.toLowerCase();
      found = recorded !== "all" && REQUIRED_LITERAL_SET.has(lower) ? recorded.has(lower) : literalPattern(literal).test(text);
      contains.set(literal, found);
    }
    return found;
  };
  const fileContains = (literals) => !literals || literals.every(containsLiteral);
  const candidates = [];
  for (const { kind, pattern } of keyedPatterns(file)) {
    if (!fileContains(pattern.requires)) continue;
    for (const match of text.matchAll(withIndices(pattern.regex))) {
      const [start, end] = secretRange(match);
      candidates.push({ kind, value: text.slice(start, end), start, end, specificity: Specificity.Value });
    }
  }
  for (const kind of FILE_KINDS) {
    for (const pattern of kind.filePatterns) {
      if (!pattern.path.test(file.path)) continue;
      const value = text.trim();
      if (!pattern.value.test(value)) continue;
      const start = text.indexOf(value);
      candidates.push({ kind, value, start, end: start + value.length, specificity: Specificity.Value });
    }
  }
  for (const match of secretlintMatches(file)) {
    const kinds = (SECRETLINT_KINDS[match.ruleId] ?? []).map((id) => KIND_BY_ID.get(id)).filter((kind) => kind !== void 0);
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
    if (!refined && kinds[0] && excerpt.length >= 8) {
      const userinfo = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:([^@/\s]+)@/i.exec(excerpt);
      if (userinfo) {
        const start = match.start + userinfo[0].length - 1 - userinfo[1].length;
        candidates.push({ kind: kinds[0], value: userinfo[1], start, end: start + userinfo[1].length, specificity: Specificity.SecretlintOnly });
      } else {
        candidates.push({ kind: kinds[0], value: excerpt.trim(), start: match.start, end: match.end, specificity: Specificity.SecretlintOnly });
      }
    }
  }
  for (const binding2 of bindingsOf(file)) {
    if (binding2.ciphertext) continue;
    const decoded = binding2.decoded ? decodedValueCandidate(binding2) : void 0;
    const candidate = decoded ?? candidateOfBinding(binding2, fileContains);
    if (candidate) candidates.push(candidate);
  }
  return resolve(candidates).flatMap((candidate) => {
    const context = contextOf(file, candidate);
    if (isReference(candidate.value)) return [];
    if (candidate.kind.plausible ? !candidate.kind.plausible(candidate.value, context) : isPlaceholder(candidate.value)) return [];
    return [{ kind: candidate.kind, value: candidate.value, start: candidate.start, end: candidate.end, context }];
  });
}
function decodedValueCandidate(binding2) {
  const lower = binding2.value.toLowerCase();
  for (const { kind, pattern } of VALUE_PATTERNS) {
    if (!pattern.keywords.some((keyword) => lower.includes(keyword.toLowerCase()))) continue;
    const regex = withIndices(pattern.regex);
    regex.lastIndex = 0;
    const match = regex.exec(binding2.value);
    regex.lastIndex = 0;
    if (!match) continue;
    const [start, end] = secretRange(match);
    return { kind, value: binding2.value.slice(start, end), start: binding2.start, end: binding2.end, specificity: Specificity.Value, binding: binding2 };
  }
  return void 0;
}
function bindingsOf(file) {
  if (!NAME_KEYWORDS.some((keyword) => file.hasKeyword(keyword))) return [];
  const bare = !readsAsCode(file);
  const isScript = file.format === "javascript" || file.format === "typescript";
  const fromLines = [];
  let script = false;
  const examplesOnly = isDocumentation(file);
  for (const line of file.keywordLines()) {
    const text = file.line(line);
    const found = lineBindingsOfLine(text, file.lineStart(line) ?? 0, bare, isInteresting);
    for (const binding2 of found) if (!(binding2.flag && examplesOnly)) fromLines.push(binding2);
    if (isScript && !script) script = continuesOnNextLine(text) && continuedValueMayBeLiteral(file, line);
  }
  if (file.text.includes("</key>")) {
    for (const binding2 of propertyListBindings(file.text)) if (isInteresting(binding2)) fromLines.push(binding2);
  }
  const interesting = fromLines.length > 0;
  const structured = DATA_FORMATS.has(file.format) && (interesting || file.format === "notebook" || (file.hasKeyword("value") || file.hasKeyword("default")) && /\b(?:value|default)\s*[:=]/.test(file.text) || file.hasKeyword("secret") && KUBERNETES_SECRET.test(file.text));
  if (!interesting && !structured && !script) return [];
  const fromStructure = structured ? dataBindings(file) : script ? scriptBindings(file) : void 0;
  if (!fromStructure) return fromLines;
  const starts = new Set(fromStructure.map((binding2) => binding2.start));
  return [...fromStructure, ...fromLines.filter((binding2) => !starts.has(binding2.start))];
}
function readsAsCode(file) {
  return CODE_FORMATS.has(file.format) || file.format === "text" && SOURCE_EXTENSION.test(file.path);
}
function isDocumentation(file) {
  return file.format === "markdown" || /\.(?:rst|txt|adoc|asciidoc|textile)$/i.test(file.path);
}
function isTrailingSpace(code) {
  if (code === 32 || code >= 9 && code <= 13) return true;
  return code > 127 && String.fromCharCode(code).trim() === "";
}
function continuedValueMayBeLiteral(file, line) {
  const lines = file.lineStarts.length;
  for (let next = line + 1; next <= lines; next++) {
    const text = file.line(next).trim();
    if (text !== "") return /["'`]/.test(text) || text.startsWith("//") || text.startsWith("/*");
  }
  return false;
}
var NOT_A_BINDING = /^\s*(?:(?:export\s+)?(?:declare\s+)?type\s|case\s|default\s*:)/;
function continuesOnNextLine(line) {
  let end = line.length - 1;
  while (end >= 0 && isTrailingSpace(line.charCodeAt(end))) end--;
  const last = end >= 0 ? line[end] : "";
  if (last !== "=" && last !== ":" && last !== "?" && last !== "|") return false;
  const open = /([A-Za-z_$][\w$]*)["'`]?\s*(?:=|:|\?\?|\|\|)\s*$/.exec(line);
  return open !== null && !NOT_A_BINDING.test(line) && !/[=!<>]=\s*$|=>\s*$/.test(line) && (nameClassOf(open[1]) !== void 0 || namedByContextKind(open[1]));
}
function isInteresting(binding2) {
  return binding2.value.length >= 6 && (binding2.header !== void 0 || nameClassOf(binding2.name) !== void 0 || namedByContextKind(binding2.name));
}
var contextNames = /* @__PURE__ */ new Map();
function namedByContextKind(name) {
  let known = contextNames.get(name);
  if (known === void 0) {
    known = CONTEXT_KINDS.some((kind) => kind.contextPatterns.some((pattern) => pattern.variable?.test(name) === true));
    if (contextNames.size > 5e4) contextNames.clear();
    contextNames.set(name, known);
  }
  return known;
}
var nameClasses = /* @__PURE__ */ new Map();
function nameClassOf(name) {
  let known = nameClasses.get(name);
  if (known === void 0 && !nameClasses.has(name)) {
    known = secretNameClass(name);
    if (nameClasses.size > 5e4) nameClasses.clear();
    nameClasses.set(name, known);
  }
  return known;
}
var RECEIVER = /^(?:config|conf|cfg|c|settings|options|opts|self|this|@)\.?(?=[A-Za-z_])/;
function nameMatches(pattern, binding2) {
  if (pattern.variable && (pattern.variable.test(binding2.name) || RECEIVER.test(binding2.name) && pattern.variable.test(binding2.name.replace(RECEIVER, "")))) return true;
  return pattern.header !== void 0 && binding2.header !== void 0 && pattern.header.test(binding2.header);
}
function candidateOfBinding(binding2, fileContains) {
  const value = binding2.value;
  if (value.length < 6 || isReference(value) || spellsName(binding2.name, value)) return void 0;
  for (const kind of CONTEXT_KINDS) {
    for (const pattern of kind.contextPatterns) {
      if (nameMatches(pattern, binding2) && pattern.value.test(value) && fileContains(pattern.requires)) {
        return { kind, value, start: binding2.start, end: binding2.end, specificity: Specificity.Context, binding: binding2 };
      }
    }
  }
  const nameClass = nameClassOf(binding2.name) ?? (binding2.header ? "secret" : void 0);
  if (nameClass === "password") {
    return { kind: hardcodedPassword, value, start: binding2.start, end: binding2.end, specificity: Specificity.Generic, binding: binding2 };
  }
  if (nameClass === "secret" && looksLikeGeneratedSecret(value)) {
    return { kind: genericSecret, value, start: binding2.start, end: binding2.end, specificity: Specificity.Generic, binding: binding2 };
  }
  return void 0;
}
function spellsName(name, value) {
  const letters = (text) => text.replace(/[^A-Za-z0-9]+/g, "").toLowerCase();
  return letters(value) === letters(name.replace(/^.*[.:/]/, ""));
}
function looksLikeGeneratedSecret(value) {
  if (!looksRandom(value, 16, 3) || value.length > 500) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (/^(?:https?|wss?|s3|gs|file):\/\//i.test(value) || /^[./~]/.test(value) || /^arn:/.test(value) || isHashOrCiphertext(value)) return false;
  const segments = value.split(/[._:\-/ ]+/).filter(Boolean);
  const wordLike = (segment) => /^[A-Za-z][a-z]*(?:[A-Z][a-z]+)*\d{0,3}$/.test(segment) || /^[A-Za-z0-9]{1,5}$/.test(segment) || /^\d+$/.test(segment) || /^[A-Z0-9]{1,10}$/.test(segment);
  if (segments.length >= 2 && segments.every(wordLike)) return false;
  if (/^[a-z]*\d{0,2}(?:[A-Z][a-z]+\d{0,2}){2,}[.,;:]?$/.test(value)) return false;
  return !isPlaceholder(value);
}
function resolve(candidates) {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.specificity - a.specificity || b.end - a.end);
  const kept = [];
  let open = 0;
  for (const candidate of sorted) {
    while (open < kept.length && kept[open].end <= candidate.start) open++;
    let overlapping = -1;
    for (let index = open; index < kept.length; index++) {
      const other2 = kept[index];
      if (candidate.start < other2.end && other2.start < candidate.end) {
        overlapping = index;
        break;
      }
    }
    if (overlapping === -1) {
      kept.push(candidate);
      continue;
    }
    const other = kept[overlapping];
    if (better(candidate, other)) kept[overlapping] = candidate;
  }
  return kept.sort((a, b) => a.start - b.start);
}
function better(candidate, other) {
  if (candidate.specificity !== other.specificity) return candidate.specificity > other.specificity;
  const candidateGeneric = GENERIC_KIND_IDS.has(candidate.kind.id);
  const otherGeneric = GENERIC_KIND_IDS.has(other.kind.id);
  if (candidateGeneric !== otherGeneric) return otherGeneric;
  return candidate.end - candidate.start > other.end - other.start;
}
var CONTEXT_REACH = 2e3;
var SEPARATOR = /[\s,;{}()[\]]/;
function within(text, start, end, from, to) {
  let first = from;
  if (start - from > CONTEXT_REACH) {
    first = start - CONTEXT_REACH;
    while (first < start && !SEPARATOR.test(text[first])) first++;
  }
  let last = to;
  if (to - end > CONTEXT_REACH) {
    last = end + CONTEXT_REACH;
    while (last > end && !SEPARATOR.test(text[last - 1])) last--;
  }
  return [first, last];
}
function contextOf(file, candidate) {
  const text = file.text;
  const position = file.positionAt(candidate.start);
  const reach = (from, to) => {
    const [first, last] = within(text, candidate.start, candidate.end, from, to);
    return text.slice(first, last);
  };
  const windowStart = file.lineStarts[Math.max(0, position.line - 1 - SIBLING_WINDOW)] ?? 0;
  const windowEnd = file.lineStarts[Math.min(file.lineStarts.length - 1, position.line + SIBLING_WINDOW)] ?? text.length;
  const [siblingsStart, siblingsEnd] = within(text, candidate.start, candidate.end, windowStart, windowEnd === windowStart ? text.length : windowEnd);
  const around = lineBindings(text.slice(siblingsStart, siblingsEnd), siblingsStart, !readsAsCode(file));
  const own = candidate.binding ?? around.find((binding2) => binding2.start <= candidate.start && candidate.end <= binding2.end + 1);
  const siblings = [];
  const siblingValues3 = {};
  for (const binding2 of around) {
    if (binding2 === own || own && binding2.start === own.start) continue;
    siblings.push(binding2.name);
    if (!isReference(binding2.value)) siblingValues3[binding2.name] = binding2.value;
  }
  const nearbyStart = file.lineStarts[Math.max(0, position.line - 1 - NEARBY_WINDOW)] ?? 0;
  const nearbyEnd = file.lineStarts[Math.min(file.lineStarts.length - 1, position.line + NEARBY_WINDOW)] ?? text.length;
  return {
    value: candidate.value,
    variable: own?.name,
    header: own?.header,
    siblings,
    siblingValues: siblingValues3,
    path: file.path,
    line: reach(file.lineStarts[position.line - 1], file.lineEnd(position.line)),
    nearby: reach(nearbyStart, nearbyEnd > nearbyStart ? nearbyEnd : text.length)
  };
}

// detectors/exposed-credential/rules.ts
var DETECTOR_ID = "exposed-credential";
var GENERIC_PROVIDERS = /* @__PURE__ */ new Set(["generic", "database", "private-key"]);
function exposedRuleId(kind) {
  return `${DETECTOR_ID}/${kind.id}`;
}
function ruleOf(kind) {
  return {
    id: exposedRuleId(kind),
    title: `${kind.title} stored where coding agents read it`,
    severity: kind.exposedSeverity ?? "high",
    why: `A ${kind.title.toLowerCase()} sits in plain text in a file that every coding agent working in this repository can open, search and quote. Whoever holds it ${kind.reach}.`,
    fix: `Revoke and rotate it, keep the new one in a secret manager or a git-ignored .env file, and remove it from git history; ${kind.narrower}.`,
    ...kind.reference ? { helpUri: kind.reference } : {},
    precision: GENERIC_PROVIDERS.has(kind.provider) ? "medium" : "high",
    tags: ["secrets", kind.provider, "external/cwe/cwe-798"],
    samples: kind.samples
  };
}
var committedDotenvRule = {
  id: `${DETECTOR_ID}/committed-dotenv`,
  title: ".env file with secrets tracked by git",
  severity: "high",
  why: "A .env file exists to keep secrets out of the repository. Once git tracks it, every clone, fork, CI log and coding agent has the secrets in it, and they stay in history after the file is deleted.",
  fix: "Remove it from the index (`git rm --cached`), add it to .gitignore, rotate every secret it held, and commit a `.env.example` with placeholders instead.",
  precision: "high",
  tags: ["secrets", "dotenv", "external/cwe/cwe-538"],
  samples: {
    positive: [
      sample(".env", "NODE_ENV=production\nDATABASE_URL=postgres://app:Hq7vN2xL9pRt@db.acme-prod.internal:5432/app\nSESSION_SECRET=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL\n", { expect: { line: 1 } }),
      sample("apps/api/.env.production", "API_TOKEN=T9xK2mQ7vB4nW8pR1sY5zA0cF3hJ6lD\n", { expect: { line: 1 } })
    ],
    negative: [
      sample(".env.example", "DATABASE_URL=postgres://user:password@localhost:5432/app\nSESSION_SECRET=changeme\n"),
      sample(".env", "NODE_ENV=development\nPORT=3000\nLOG_LEVEL=debug\n"),
      { files: { ".env": "SESSION_SECRET=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL\n" }, gitignored: [".env"], note: "git-ignored: where secrets belong" }
    ]
  }
};
var STATE = '{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "resources": [\n    {\n      "mode": "managed",\n      "type": "random_password",\n      "name": "db",\n      "instances": [\n        {\n          "attributes": {\n            "length": 24,\n            "result": "q7Vd2LmX9wRt4KpZs8Nb3YcF"\n          }\n        }\n      ]\n    }\n  ]\n}\n';
var committedTerraformStateRule = {
  id: `${DETECTOR_ID}/committed-terraform-state`,
  title: "Terraform state tracked by git",
  severity: "high",
  why: "Terraform state records every attribute of every resource it manages in plain text: database master passwords, generated passwords, access key secrets, private keys, connection strings. Tracked by git, it is in every clone and in history, and every coding agent in the repository can read it, whatever names the values carry.",
  fix: "Move state to a remote backend with encryption and locking (S3 with a lock table, GCS, azurerm, HCP Terraform), remove the file from the index (`git rm --cached`), ignore `*.tfstate` and `*.tfstate.*`, and rotate the secrets it held.",
  helpUri: "https://developer.hashicorp.com/terraform/language/state/sensitive-data",
  precision: "high",
  tags: ["secrets", "terraform", "external/cwe/cwe-538"],
  samples: {
    positive: [
      sample("infra/terraform.tfstate", STATE, { expect: { line: 1 } }),
      sample("infra/terraform.tfstate.backup", STATE, { expect: { line: 1 } })
    ],
    negative: [
      sample("infra/terraform.tfstate", '{\n  "version": 4,\n  "terraform_version": "1.7.5",\n  "resources": []\n}\n', { note: "an empty state holds nothing" }),
      { files: { "infra/terraform.tfstate": STATE }, gitignored: ["infra/terraform.tfstate"], note: "git-ignored local state" }
    ]
  }
};
var EXPOSED_RULES = [...CREDENTIAL_KINDS.map(ruleOf), committedDotenvRule, committedTerraformStateRule];

// detectors/exposed-credential/index.ts
var EXAMPLE_DOTENV = /\.(?:example|sample|template|dist|defaults?|tmpl|tpl|schema)$/i;
var MAX_SNIPPET = 160;
var LONG_LINE = 1e3;
var SNIPPET_LEAD = 40;
function isTerraformStatePath(path2) {
  return /\.tfstate(?:\.backup|\.\d+\.backup)?$/.test(path2);
}
var STATE_WITH_INSTANCES = /"instances"\s*:\s*\[\s*\{/;
function isDotenvPath(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  return (name === ".env" || name.startsWith(".env.")) && !EXAMPLE_DOTENV.test(name);
}
var exposedCredential = {
  id: DETECTOR_ID,
  rules: [...EXPOSED_RULES],
  keywords: [.../* @__PURE__ */ new Set([...FIND_KEYWORDS, ...SECRETLINT_KEYWORDS])],
  lineKeywords: NAME_KEYWORDS,
  lookupKeywords: [...REQUIRED_LITERALS, ...STRUCTURE_WORDS],
  // A tracked .env is reported even when nothing in it matches a keyword of ours.
  admitsWithoutKeywords: (file) => file.tracked && (isDotenvPath(file.path) || isTerraformStatePath(file.path)) || isCredentialFilePath(file.path),
  produces: ["credential"],
  scanFile(file, out) {
    const found = findCredentials(file);
    const inIgnoredDotenv = file.gitIgnored && file.format === "dotenv";
    for (const credential of found) {
      const span = file.spanOf(credential.start, credential.end);
      const location = { path: file.path, span };
      const rating = credential.kind.rate(credential.context);
      if (rating.scope === "public") continue;
      const variable = credential.context.variable;
      const environment = environmentOfPath(file.path)?.environment ?? (variable ? canonicalEnvironment(variable) : void 0);
      out.publish("credential", {
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
        siblingValues: { ...credential.context.siblingValues },
        line: credential.context.line,
        nearby: credential.context.nearby,
        inIgnoredDotenv,
        environment
      });
      if (inIgnoredDotenv) continue;
      out.report({
        ruleId: exposedRuleId(credential.kind),
        severity: severityOf(credential, rating.scope === "test", file.path),
        message: `${credential.kind.title}${variable ? ` in ${variable}` : ""} is stored in plain text where coding agents read it.`,
        location,
        snippet: snippetOf(file, credential),
        evidence: credential.value,
        details: { provider: credential.kind.provider, kind: credential.kind.id, variable, environment, redacted: redact(credential.value) }
      });
    }
    noteUnreadableShapes(file, found, out);
    if (file.tracked && isTerraformStatePath(file.path) && STATE_WITH_INSTANCES.test(file.text)) {
      out.report({
        ruleId: committedTerraformStateRule.id,
        message: `${file.path} is Terraform state tracked by git: it holds every attribute of the resources it manages, passwords and keys included, in plain text${found.length > 0 ? ` (${found.length} credential${found.length === 1 ? "" : "s"} recognised in it)` : ""}.`,
        location: { path: file.path, span: file.spanOf(0, Math.max(0, file.line(1).length)) },
        evidence: file.path,
        details: { credentials: found.length }
      });
    }
    if (file.tracked && isDotenvPath(file.path) && (found.length > 0 || holdsSecretNamedValue(file))) {
      out.report({
        ruleId: committedDotenvRule.id,
        message: `${file.path} is tracked by git, so the secrets in it are in every clone and in history.`,
        location: { path: file.path, span: file.spanOf(0, Math.max(0, file.line(1).length)) },
        evidence: file.path,
        details: { credentials: found.length }
      });
    }
  }
};
function noteUnreadableShapes(file, found, out) {
  const covered = (offset) => found.some((credential) => credential.start <= offset && offset < credential.end);
  if (file.hasKeyword("private key")) {
    for (const match of file.text.matchAll(/-----BEGIN ((?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?)-----/g)) {
      if (covered(match.index) || file.text.includes(`-----END ${match[1]}-----`, match.index)) continue;
      const body2 = file.text.slice(match.index + match[0].length, match.index + match[0].length + 200).replace(/\\n/g, "\n").trimStart();
      if (!/^[A-Za-z0-9+/=]{40,}/.test(body2)) continue;
      const line = file.positionAt(match.index).line;
      out.notify({ level: "note", code: "truncated-private-key", message: `${file.path}:${line} starts a ${match[1].toLowerCase()} that never ends (no END line): a truncated key, not rated.`, line });
    }
  }
  if (file.hasKeyword("eyj")) {
    for (const match of file.text.matchAll(/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g)) {
      if (covered(match.index) || decodeJwt(match[0])) continue;
      const line = file.positionAt(match.index).line;
      out.notify({ level: "note", code: "malformed-jwt", message: `${file.path}:${line} holds a JWT-shaped token whose header or payload does not decode: not rated.`, line });
    }
  }
}
function severityOf(credential, testScope, path2) {
  if (testScope || isTestOrExamplePath(path2)) return "low";
  return credential.kind.exposedSeverity ?? "high";
}
function holdsSecretNamedValue(file) {
  return lineBindings(file.text).some((binding2) => secretNameClass(binding2.name) !== void 0 && binding2.value.length >= 6 && !isReference(binding2.value) && !isHumanPlaceholder(binding2.value));
}
function snippetOf(file, credential) {
  const position = file.positionAt(credential.start);
  if (credential.value.startsWith("-----BEGIN")) return credential.value.slice(0, credential.value.indexOf("-----", 11) + 5);
  const lineStart = file.lineStarts[position.line - 1];
  const lineEnd = file.lineEnd(position.line);
  const held = file.text.slice(credential.start, credential.end);
  const hide = (text) => redactIn(held !== credential.value ? redactIn(text, held) : text, credential.value);
  if (lineEnd - lineStart > LONG_LINE) {
    const from = Math.max(lineStart, credential.start - SNIPPET_LEAD);
    const around = hide(file.text.slice(from, Math.min(lineEnd, credential.end + MAX_SNIPPET))).trim();
    return `…${around.slice(0, MAX_SNIPPET - 2)}…`;
  }
  const line = hide(file.line(position.line)).trim();
  return line.length > MAX_SNIPPET ? `${line.slice(0, MAX_SNIPPET - 1)}…` : line;
}

// knowledge/credentials/companions.ts
var PAIR_WINDOW = 12;
var CompanionIndex = class {
  byKindAndPath = /* @__PURE__ */ new Map();
  constructor(all) {
    for (const credential of all) {
      const key = keyOf(credential.kind, credential.location.path);
      const list = this.byKindAndPath.get(key);
      if (list) list.push(credential);
      else this.byKindAndPath.set(key, [credential]);
    }
  }
  /** Whether a credential of `kind` sits within PAIR_WINDOW lines of this one, in its file. */
  near(credential, kind) {
    const line = credential.location.span.line;
    return (this.byKindAndPath.get(keyOf(kind, credential.location.path)) ?? []).some((other) => Math.abs(other.location.span.line - line) <= PAIR_WINDOW);
  }
};
function keyOf(kind, path2) {
  return `${kind}\0${path2}`;
}

// detectors/root-scoped-token/credential-rules.ts
var DETECTOR_ID2 = "root-scoped-token";
function scopeRuleId(kind) {
  return `${DETECTOR_ID2}/${kind.id}`;
}
function broadRating(kind) {
  const empty = { value: "", siblings: [], siblingValues: {}, path: "", line: "", nearby: "" };
  try {
    return kind.rate(empty).scope;
  } catch {
    return "root";
  }
}
function ruleOf2(kind) {
  const account = broadRating(kind) === "root";
  return {
    id: scopeRuleId(kind),
    title: `${kind.title} with ${account ? "account-wide" : "whole-resource"} reach`,
    severity: account ? "critical" : "high",
    why: `Whoever holds this ${kind.title.toLowerCase()} ${kind.reach}. An agent that finds it while working around an error can use all of that reach in one call, far beyond the task it was given.`,
    fix: `Replace it with a narrower credential: ${kind.narrower}. Then revoke the broad one.`,
    ...kind.reference ? { helpUri: kind.reference } : {},
    precision: kind.provider === "generic" ? "medium" : "high",
    tags: ["secrets", "least-privilege", kind.provider, "external/cwe/cwe-250"],
    samples: kind.scopeSamples
  };
}
var SCOPED_KINDS = CREDENTIAL_KINDS.filter((kind) => kind.scopeSamples);
var CREDENTIAL_SCOPE_RULES = SCOPED_KINDS.map(ruleOf2);

// detectors/root-scoped-token/grants.ts
var rule = (id, meta) => ({
  id: `${DETECTOR_ID2}/${id}`,
  precision: "high",
  ...meta,
  tags: ["iam", "least-privilege", "external/cwe/cwe-250", ...meta.tags ?? []]
});
var awsAdminPolicy = rule("aws-allow-all-policy", {
  title: "AWS IAM statement that allows every action on every resource",
  severity: "critical",
  why: 'A statement allowing "*" on "*" is AdministratorAccess by another name: whoever assumes the role or holds the user’s keys can delete every database, bucket and backup vault in the account, and can grant themselves anything else.',
  fix: "List the actions and resource ARNs the workload needs; use IAM Access Analyzer policy generation to derive them from CloudTrail.",
  helpUri: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
  tags: ["aws"],
  samples: {
    positive: [
      sample("infra/iam.tf", 'resource "aws_iam_role_policy" "ci" {\n  name = "ci-deploy"\n  role = aws_iam_role.github_actions.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n', { expect: { line: 8 } }),
      sample("policies/deployer.json", '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["*"],\n      "Resource": "*"\n    }\n  ]\n}\n', { expect: { line: 6 } }),
      sample("infra/policy.tf", 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n', { expect: { line: 3 } })
    ],
    negative: [
      sample("policies/deployer.json", '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "arn:aws:s3:::acme-assets/*" },\n    { "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }\n  ]\n}\n'),
      sample("infra/policy.tf", 'data "aws_iam_policy_document" "logs" {\n  statement {\n    actions   = ["logs:*"]\n    resources = ["arn:aws:logs:*:*:log-group:/acme/*"]\n  }\n}\n')
    ]
  }
});
var awsManagedAdmin = rule("aws-admin-managed-policy", {
  title: "AWS managed admin policy attached to a user or role",
  severity: "critical",
  why: "AdministratorAccess and IAMFullAccess (which can grant itself AdministratorAccess) make the principal account-wide. A CI role or an application user with it turns any leaked credential or prompt-injected agent into an account takeover.",
  fix: "Attach a customer-managed policy listing the actions and resources the principal needs; keep administrator access for break-glass humans behind MFA or SSO.",
  helpUri: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html",
  tags: ["aws"],
  samples: {
    positive: [
      sample("infra/ci.tf", 'resource "aws_iam_role_policy_attachment" "github_admin" {\n  role       = aws_iam_role.github_actions.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n', { expect: { line: 3 } }),
      sample("template.yaml", "Resources:\n  DeployRole:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/IAMFullAccess\n", { expect: { line: 6 } }),
      sample("lib/ci-stack.ts", "role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess'));\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("infra/ci.tf", 'resource "aws_iam_role_policy_attachment" "read" {\n  role       = aws_iam_role.github_actions.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n'),
      sample("infra/sso.tf", 'resource "aws_ssoadmin_managed_policy_attachment" "admins" {\n  instance_arn       = local.sso_instance_arn\n  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n  permission_set_arn = aws_ssoadmin_permission_set.admins.arn\n}\n', { note: "SSO permission sets are for humans signing in with MFA" })
    ]
  }
});
var gcpBasicRole = rule("gcp-basic-role-service-account", {
  title: "GCP Owner or Editor role bound to a service account",
  severity: "critical",
  why: "roles/owner and roles/editor grant write access to nearly every resource in the project (owner also IAM): a service account key or workload identity with them can delete every database, bucket and backup in the project.",
  fix: "Bind predefined or custom roles limited to the services the workload uses (roles/cloudsql.client, roles/storage.objectAdmin on one bucket).",
  helpUri: "https://cloud.google.com/iam/docs/understanding-roles#basic",
  tags: ["gcp"],
  samples: {
    positive: [
      sample("infra/iam.tf", 'resource "google_project_iam_member" "deployer" {\n  project = var.project_id\n  role    = "roles/owner"\n  member  = "serviceAccount:${google_service_account.deployer.email}"\n}\n', { expect: { line: 3 } }),
      sample("scripts/bootstrap.sh", 'gcloud projects add-iam-policy-binding acme-prod \\\n  --member="serviceAccount:ci@acme-prod.iam.gserviceaccount.com" --role="roles/editor"\n', { expect: { line: 2 } })
    ],
    negative: [
      sample("infra/iam.tf", 'resource "google_project_iam_member" "deployer" {\n  project = var.project_id\n  role    = "roles/run.developer"\n  member  = "serviceAccount:${google_service_account.deployer.email}"\n}\n'),
      sample("infra/iam.tf", 'resource "google_project_iam_member" "owner" {\n  project = var.project_id\n  role    = "roles/owner"\n  member  = "group:platform-admins@acme.io"\n}\n')
    ]
  }
});
var azureSubscriptionOwner = rule("azure-subscription-owner", {
  title: "Azure Owner or Contributor on a whole subscription",
  severity: "critical",
  why: "Owner, Contributor and User Access Administrator at subscription scope can delete every resource group, database and storage account in it (Owner and UAA can also grant themselves more).",
  fix: "Assign built-in data or service roles at the narrowest scope: one resource group or one resource.",
  helpUri: "https://learn.microsoft.com/azure/role-based-access-control/best-practices",
  tags: ["azure"],
  samples: {
    positive: [
      sample("infra/rbac.tf", 'resource "azurerm_role_assignment" "pipeline" {\n  scope                = data.azurerm_subscription.primary.id\n  role_definition_name = "Contributor"\n  principal_id         = azuread_service_principal.pipeline.object_id\n}\n', { expect: { line: 3 } }),
      sample("scripts/setup.sh", 'az role assignment create --assignee "$SP_ID" --role Owner --scope "/subscriptions/$SUBSCRIPTION_ID"\n', { expect: { line: 1 } })
    ],
    negative: [
      sample("infra/rbac.tf", 'resource "azurerm_role_assignment" "pipeline" {\n  scope                = azurerm_resource_group.app.id\n  role_definition_name = "Contributor"\n  principal_id         = azuread_service_principal.pipeline.object_id\n}\n'),
      sample("scripts/setup.sh", 'az role assignment create --assignee "$SP_ID" --role "Storage Blob Data Contributor" --scope "$STORAGE_ID"\n')
    ]
  }
});
var clusterAdminBinding = rule("kubernetes-cluster-admin-binding", {
  title: "Kubernetes cluster-admin bound to a service account",
  severity: "critical",
  why: "cluster-admin can do anything to any resource in every namespace: a pod, CI job or agent using that service account token can delete every volume and database in the cluster.",
  fix: "Bind a Role in the namespace the workload uses, with only the verbs and resources it needs.",
  helpUri: "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles",
  tags: ["kubernetes"],
  samples: {
    positive: [
      sample("deploy/rbac.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: deployer-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\n", { expect: { line: 8 } }),
      sample("scripts/ci-setup.sh", "kubectl create clusterrolebinding ci-admin --clusterrole=cluster-admin --serviceaccount=ci:deployer\n", { expect: { line: 1 } })
    ],
    negative: [
      sample("deploy/rbac.yaml", "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: deployer\n  namespace: app\nroleRef:\n  kind: Role\n  name: deployer\n  apiGroup: rbac.authorization.k8s.io\nsubjects:\n  - kind: ServiceAccount\n    name: deployer\n    namespace: ci\n"),
      sample("deploy/rbac.yaml", "kind: ClusterRoleBinding\napiVersion: rbac.authorization.k8s.io/v1\nmetadata:\n  name: oncall-admins\nroleRef:\n  kind: ClusterRole\n  name: cluster-admin\n  apiGroup: rbac.authorization.k8s.io\nsubjects:\n  - kind: Group\n    name: oncall@acme.io\n    apiGroup: rbac.authorization.k8s.io\n")
    ]
  }
});
var GRANT_RULES = [awsAdminPolicy, awsManagedAdmin, gcpBasicRole, azureSubscriptionOwner, clusterAdminBinding];
var GRANT_KEYWORDS = ["statement", "administratoraccess", "iamfullaccess", "roles/owner", "roles/editor", "cluster-admin", "role_definition_name", "role assignment"];
function scanGrants(file, out) {
  const severity = isTestOrExamplePath(file.path) ? "low" : void 0;
  const report2 = (ruleId, span, message, evidence) => out.report({ ruleId, severity, message, location: { path: file.path, span }, evidence, details: { grant: evidence } });
  const policy = mayHoldPolicy(file);
  const document = policy || file.hasKeyword("roles/owner") || file.hasKeyword("roles/editor") || file.hasKeyword("cluster-admin") || file.hasKeyword("role_definition_name") ? file.data() : void 0;
  if (document) {
    for (const root of document.roots) walkMaps(root, (map, parentBlock) => {
      allowAllStatement(map, parentBlock, report2);
      gcpBinding(map, report2);
      azureAssignment(map, report2);
      clusterAdmin(map, report2);
    });
    if (policy && file.text.includes("Statement")) embeddedPolicies(file, document, out, report2);
  }
  managedAdminPolicies(file, report2);
  if (!document) commandLineGrants(file, report2);
}
function mayHoldPolicy(file) {
  return file.hasKeyword("statement") && /action/i.test(file.text) && /resource/i.test(file.text);
}
function walkMaps(node, visit3, parentBlock) {
  if (node.kind === "map") {
    visit3(node, parentBlock);
    for (const entry of node.entries) walkMaps(entry.value, visit3, node.block?.type ?? entry.key);
  } else if (node.kind === "seq") {
    for (const item of node.items) walkMaps(item, visit3, parentBlock);
  }
}
function entryOf(map, names) {
  const entry = map.entries.find((candidate) => names.test(candidate.key));
  return entry ? { value: entry.value, keySpan: entry.keySpan } : void 0;
}
function strings(node) {
  if (!node) return [];
  if (node.kind === "seq") return node.items.flatMap(strings);
  const literal = literalString(node);
  return literal === void 0 ? [] : [literal];
}
function allowAllStatement(map, parentBlock, report2) {
  const action = entryOf(map, /^actions?$/i);
  const resource = entryOf(map, /^resources?$/i);
  if (!action || !resource) return;
  const effect = literalString(entryOf(map, /^effect$/i)?.value);
  const allows = effect ? effect.toLowerCase() === "allow" : map.block?.type === "statement" || parentBlock === "statement";
  if (!allows || entryOf(map, /^condition$/i)) return;
  const actions = strings(action.value);
  if (!actions.some((value) => value === "*" || value === "*:*") || !strings(resource.value).includes("*")) return;
  report2(awsAdminPolicy.id, action.value.span, 'IAM statement allows every action ("*") on every resource: the principal holding it is an account administrator.', "allow * on *");
}
function gcpBinding(map, report2) {
  const role = entryOf(map, /^role$/);
  const roleName = literalString(role?.value);
  if (!role || roleName !== "roles/owner" && roleName !== "roles/editor") return;
  const members = entryOf(map, /^members?$/);
  const memberText = members ? members.value.kind === "scalar" ? String(members.value.value ?? members.value.expression ?? "") : strings(members.value).join(" ") + (members.value.kind === "seq" ? members.value.items.map((item) => item.kind === "scalar" ? item.expression ?? "" : "").join(" ") : "") : "";
  if (!/serviceAccount:|google_service_account/.test(memberText)) return;
  report2(gcpBasicRole.id, role.value.span, `${roleName} is bound to a service account: it can change or delete nearly everything in the project.`, `${roleName} serviceAccount`);
}
var SUBSCRIPTION_ROLES = /^(?:owner|contributor|user access administrator)$/i;
function azureAssignment(map, report2) {
  const role = entryOf(map, /^role_definition_name$/);
  const roleName = literalString(role?.value);
  if (!role || !roleName || !SUBSCRIPTION_ROLES.test(roleName)) return;
  const scope = entryOf(map, /^scope$/)?.value;
  const scopeText = scope?.kind === "scalar" ? String(scope.value ?? scope.expression ?? "") : "";
  const atSubscription = /azurerm_subscription\.[\w-]+\.id|^\/subscriptions\/[^/]+\/?$|\/subscriptions\/\$\{[^}]+\}\/?$/.test(scopeText) && !/resourceGroups|resource_group/.test(scopeText);
  if (!atSubscription) return;
  report2(azureSubscriptionOwner.id, role.value.span, `${roleName} is assigned at subscription scope: the principal can delete every resource in the subscription.`, `${roleName} subscription`);
}
function clusterAdmin(map, report2) {
  if (literalString(getPath(map, ["kind"])) !== "ClusterRoleBinding") return;
  const roleName = getPath(map, ["roleRef", "name"]);
  if (literalString(roleName) !== "cluster-admin" || !roleName) return;
  const subjects = getPath(map, ["subjects"]);
  const serviceAccount = subjects?.kind === "seq" && subjects.items.some((subject) => literalString(getPath(subject, ["kind"])) === "ServiceAccount" || literalString(getPath(subject, ["name"])) === "system:masters");
  if (!serviceAccount) return;
  const name = literalString(getPath(map, ["metadata", "name"])) ?? "a ClusterRoleBinding";
  report2(clusterAdminBinding.id, roleName.span, `${name} binds cluster-admin to a service account: its token can delete anything in every namespace.`, `cluster-admin ${name}`);
}
function embeddedPolicies(file, document, out, report2) {
  for (const leaf2 of leaves(document)) {
    const value = leaf2.node.value;
    if (typeof value !== "string" || !/"Statement"/.test(value) || !/^\s*\{/.test(value)) continue;
    let policy;
    try {
      policy = JSON.parse(value);
    } catch (error) {
      out.notify({ level: "warning", code: "invalid-policy-json", message: `The IAM policy document at ${file.path}:${leaf2.node.span.line} is not valid JSON (${error.message}); it was not checked.`, line: leaf2.node.span.line });
      continue;
    }
    const statements = policy.Statement;
    const list = Array.isArray(statements) ? statements : [statements];
    for (const statement of list) {
      if (!statement || typeof statement !== "object") continue;
      const { Effect, Action, Resource, Condition } = statement;
      const actions = [].concat(Action ?? []);
      const resources = [].concat(Resource ?? []);
      if (Effect === "Allow" && !Condition && actions.some((action) => action === "*" || action === "*:*") && resources.includes("*")) {
        report2(awsAdminPolicy.id, leaf2.node.span, 'IAM statement allows every action ("*") on every resource: the principal holding it is an account administrator.', "allow * on *");
      }
    }
  }
}
var MANAGED_ADMIN = /arn:aws:iam::aws:policy\/(AdministratorAccess|IAMFullAccess)\b|fromAwsManagedPolicyName\(\s*['"](AdministratorAccess|IAMFullAccess)['"]\s*\)/g;
function managedAdminPolicies(file, report2) {
  if (!file.hasKeyword("administratoraccess") && !file.hasKeyword("iamfullaccess")) return;
  for (const match of file.text.matchAll(MANAGED_ADMIN)) {
    const span = file.spanOf(match.index, match.index + match[0].length);
    const block2 = file.text.slice(Math.max(0, match.index - 400), match.index);
    if (/aws_ssoadmin_|AWS::SSO::|PermissionSet/.test(block2.slice(block2.lastIndexOf('resource "') >= 0 ? block2.lastIndexOf('resource "') : 0))) continue;
    const window = file.text.slice(file.lineStarts[Math.max(0, span.line - 4)] ?? 0, file.lineStarts[span.line] ?? file.text.length);
    if (!/policy_arn|managed_policy_arns|ManagedPolicyArns|managedPolicyArns|policyArn|policy-arn|attach-(?:user|role|group)-policy|fromAwsManagedPolicyName|managedPolicies/.test(window)) continue;
    const policy = match[1] ?? match[2];
    report2(awsManagedAdmin.id, span, `The AWS managed policy ${policy} is attached here: the user or role becomes an account administrator.`, policy);
  }
}
function commandLineGrants(file, report2) {
  const text = file.text;
  if (text.includes("add-iam-policy-binding")) gcloudGrants(text, file, report2);
  if (text.includes("assignment")) azureGrants(text, file, report2);
  if (text.includes("clusterrolebinding")) kubectlGrants(text, file, report2);
}
function gcloudGrants(text, file, report2) {
  for (const match of text.matchAll(/gcloud\s+(?:projects|organizations|resource-manager\s+folders)\s+add-iam-policy-binding(?:\\\n|[^\n])*/g)) {
    const command = match[0];
    const role = /--role[= ]["']?(roles\/(?:owner|editor))\b/.exec(command);
    if (!role || !/--member[= ]["']?serviceAccount:/.test(command)) continue;
    const at = match.index + command.indexOf(role[0]);
    report2(gcpBasicRole.id, file.spanOf(at, at + role[0].length), `${role[1]} is granted to a service account: it can change or delete nearly everything in the project.`, `${role[1]} serviceAccount`);
  }
}
function azureGrants(text, file, report2) {
  for (const match of text.matchAll(/az\s+role\s+assignment\s+create(?:\\\n|[^\n])*/g)) {
    const command = match[0];
    const role = /--role\s+["']?(Owner|Contributor|User Access Administrator)["']?(?=\s|$)/.exec(command);
    const scope = /--scope\s+["']?(\/subscriptions\/[^\s"'/]+)\/?["']?(?=\s|$)/.exec(command);
    if (!role || !scope) continue;
    const at = match.index + command.indexOf(role[0]);
    report2(azureSubscriptionOwner.id, file.spanOf(match.index, at + role[0].length), `${role[1]} is assigned at subscription scope: the principal can delete every resource in the subscription.`, `${role[1]} subscription`);
  }
}
function kubectlGrants(text, file, report2) {
  for (const match of text.matchAll(/kubectl\s+create\s+clusterrolebinding\b[^\n]*--clusterrole[= ]cluster-admin[^\n]*--serviceaccount[= ]\S+/g)) {
    report2(clusterAdminBinding.id, file.spanOf(match.index, match.index + match[0].length), "A ClusterRoleBinding gives cluster-admin to a service account: its token can delete anything in every namespace.", "cluster-admin kubectl");
  }
}

// detectors/root-scoped-token/index.ts
var rootScopedToken = {
  id: DETECTOR_ID2,
  rules: [...CREDENTIAL_SCOPE_RULES, ...GRANT_RULES],
  keywords: GRANT_KEYWORDS,
  consumes: ["credential"],
  produces: ["credential"],
  scanFile: scanGrants,
  finish(context) {
    rateCredentials(context);
  }
};
function rateCredentials(context) {
  const credentials = context.facts.all("credential");
  const declared = new Set(CREDENTIAL_SCOPE_RULES.map((rule2) => rule2.id));
  const scopes = /* @__PURE__ */ new Map();
  const companions = new CompanionIndex(credentials);
  for (const credential of credentials) {
    const kind = credentialKind(credential.kind);
    if (!kind) continue;
    const rating = kind.rate(contextOf2(credential));
    scopes.set(credential.id, { scope: rating.scope, reach: kind.reach });
    if (rating.scope !== "root" && rating.scope !== "root-resource") continue;
    if (!declared.has(scopeRuleId(kind))) continue;
    if (kind.companionOf && companions.near(credential, kind.companionOf)) continue;
    const where = credential.variable ? ` in ${credential.variable}` : "";
    context.report({
      ruleId: scopeRuleId(kind),
      // In tests and examples the value is rarely live: still reported, below the default failure threshold.
      severity: isTestOrExamplePath(credential.location.path) ? "low" : rating.scope === "root" ? "critical" : "high",
      message: `${kind.title}${where} reaches ${rating.scope === "root" ? "a whole account" : "a whole resource"}: ${rating.because}.`,
      location: credential.location,
      snippet: credential.redacted,
      evidence: credential.value,
      details: {
        provider: credential.provider,
        kind: credential.kind,
        variable: credential.variable,
        scope: rating.scope,
        because: rating.because,
        narrower: kind.narrower,
        environment: credential.environment,
        inIgnoredDotenv: credential.inIgnoredDotenv
      }
    });
  }
  context.enrichEach("credential", (fact) => scopes.get(fact.id));
}
function contextOf2(credential) {
  return {
    value: credential.value,
    variable: credential.variable,
    header: credential.header,
    siblings: credential.siblings ?? [],
    siblingValues: credential.siblingValues ?? {},
    path: credential.location.path,
    line: credential.line ?? "",
    nearby: credential.nearby ?? ""
  };
}

// knowledge/environments/identities.ts
var SCOPED_IDENTITY_PREFIXES = ["dynamodb:", "aws:dynamodb:", "k8s:pv:", "fly:volume:", "volume:pvc:", "volume:pv:", "volume:fly:", "volume:hostpath:", "secret:k8s:", "secret:file:", "secret:aws-profile:", "secret:kube-context:"];
function isComparableIdentity(identity) {
  return !SCOPED_IDENTITY_PREFIXES.some((prefix) => identity.startsWith(prefix));
}
var PLACEHOLDER_WORDS2 = /* @__PURE__ */ new Set([
  "example",
  "examples",
  "your",
  "yours",
  "yourdomain",
  "yourcompany",
  "mydomain",
  "mycompany",
  "placeholder",
  "changeme",
  "dummy",
  "fake",
  "sample",
  "replace",
  "redacted",
  "todo",
  "foo",
  "foobar",
  "hostname"
]);
function isLocalOrPlaceholderHost(host) {
  const h = host.toLowerCase().replace(/\.$/, "");
  if (h === "" || /[${}<>%()\s*]/.test(h)) return true;
  if (h === "localhost" || h.endsWith(".localhost") || h === "::1" || h === "[::1]" || h === "0.0.0.0") return true;
  if (/^127\./.test(h) || /^10\./.test(h) || /^192\.168\./.test(h) || /^169\.254\./.test(h) || /^172\.(1[6-9]|2\d|3[01])\./.test(h)) return true;
  if (/^(host|gateway|kubernetes)\.docker\.internal$/.test(h)) return true;
  if (!h.includes(".")) return !RENDER_INTERNAL.test(h);
  if (/\.(svc|local|localdomain|internal\.local|test|example|invalid|lan|home\.arpa|cluster\.local)$/.test(h)) return true;
  if (/\.svc\.cluster\.local$|\.svc\.[a-z0-9-]+$/.test(h)) return true;
  if (h.endsWith(".railway.internal")) return true;
  if (/(^|\.)example\.(com|org|net)$/.test(h)) return true;
  return isPlaceholderName(h);
}
var GENERIC_WORDS = /* @__PURE__ */ new Set([
  "my",
  "the",
  "bucket",
  "buckets",
  "name",
  "s",
  "gcs",
  "storage",
  "store",
  "data",
  "db",
  "database",
  "pg",
  "pgdata",
  "postgres",
  "postgresql",
  "mysql",
  "mariadb",
  "redis",
  "mongo",
  "mongodb",
  "volume",
  "volumes",
  "vol",
  "files",
  "file",
  "uploads",
  "upload",
  "assets",
  "static",
  "media",
  "public",
  "private",
  "images",
  "backups",
  "backup",
  "logs",
  "cache",
  "tmp",
  "temp",
  "content",
  "documents",
  "attachments",
  "exports",
  "imports",
  "reports",
  "app",
  "web",
  "api",
  "default",
  "local",
  "minio",
  "es"
]);
function isGenericName(name) {
  const tokens = tokensOf(name);
  return tokens.length > 0 && tokens.every((token) => GENERIC_WORDS.has(token));
}
function isPlaceholderName(name) {
  const tokens = tokensOf(name);
  return tokens.some((token) => PLACEHOLDER_WORDS2.has(token) || /^x{3,}$/.test(token));
}
var RENDER_INTERNAL = /^(dpg|red)-[a-z0-9]{16,}(-a)?$/;
var RDS = /^([a-z][a-z0-9-]*)\.(?:(cluster-ro-|cluster-custom-|cluster-|proxy-)?[a-z0-9]+)\.([a-z]{2}-[a-z]+-\d)\.rds\.amazonaws\.com(\.cn)?$/;
var SUPABASE = /^(?:db\.)?([a-z]{20})\.supabase\.(?:co|in)$/;
var SUPABASE_POOLER = /\.pooler\.supabase\.com$/;
var NEON = /^(ep-[a-z0-9-]+?)(?:-pooler)?\.(?:[a-z0-9-]+\.)*neon\.tech$/;
var RAILWAY_PROXY = /(\.proxy\.rlwy\.net|\.railway\.app)$/;
var FLY = /^(?:(?:top\d+\.nearest\.of|[a-z]{3}|\d+)\.)?([a-z0-9][a-z0-9-]*)\.(internal|flycast|fly\.dev)$/;
var HEROKU_APP = /^([a-z][a-z0-9-]{2,29})\.herokuapp\.com$/;
var RENDER_HOST = /^((?:dpg|red)-[a-z0-9]{16,})(?:-a)?(?:\.[a-z0-9-]+\.render\.com)?$/;
var SHARED_HOSTS = [SUPABASE_POOLER, /(^|\.)psdb\.cloud$/, /\.tidbcloud\.com$/, /\.cockroachlabs\.cloud$/];
function isSharedHost(host) {
  return SHARED_HOSTS.some((pattern) => pattern.test(host));
}
function normaliseHost(host) {
  return host.trim().toLowerCase().replace(/\.$/, "").replace(/^\[|\]$/g, "");
}
function hostIdentities(rawHost, port) {
  const host = normaliseHost(rawHost);
  if (isLocalOrPlaceholderHost(host)) return void 0;
  let match;
  if (match = RDS.exec(host)) return { primary: `rds:${match[1]}`, others: [`host:${host}`], name: match[1], provider: "aws-rds" };
  if (match = SUPABASE.exec(host)) return { primary: `supabase:${match[1]}`, others: [], provider: "supabase" };
  if (match = NEON.exec(host)) return { primary: `neon:${match[1]}`, others: [], provider: "neon" };
  if (match = RENDER_HOST.exec(host)) return { primary: `render:${match[1]}`, others: [], provider: "render" };
  if (match = FLY.exec(host)) return { primary: `fly-app:${match[1]}`, others: [`host:${host}`], name: match[1], provider: "fly" };
  if (match = HEROKU_APP.exec(host)) return { primary: `heroku-app:${match[1]}`, others: [`host:${host}`], name: match[1], provider: "heroku" };
  if (RAILWAY_PROXY.test(host)) return port ? { primary: `railway-proxy:${host}:${port}`, others: [], provider: "railway" } : void 0;
  if (isSharedHost(host)) return void 0;
  return { primary: `host:${host}`, others: [], name: hostName(host) };
}
function hostName(host) {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return "";
  const labels = host.split(".");
  const provider = /\.(amazonaws\.com|azure\.com|windows\.net|mongodb\.net|upstash\.io|aivencloud\.com|googleapis\.com|digitalocean\.com|ondigitalocean\.app|elastic-cloud\.com|cloud\.es\.io)$/.exec(host);
  if (provider) return host.slice(0, host.length - provider[0].length);
  return labels.slice(0, Math.max(1, labels.length - 1)).join(".");
}
var ENGINES = lookupTable({
  postgres: { engine: "postgres", port: 5432 },
  postgresql: { engine: "postgres", port: 5432 },
  postgis: { engine: "postgres", port: 5432 },
  pgsql: { engine: "postgres", port: 5432 },
  cockroachdb: { engine: "postgres", port: 26257 },
  mysql: { engine: "mysql", port: 3306 },
  mysql2: { engine: "mysql", port: 3306 },
  mariadb: { engine: "mysql", port: 3306 },
  mongodb: { engine: "mongodb", port: 27017 },
  "mongodb+srv": { engine: "mongodb", port: 27017 },
  redis: { engine: "redis", port: 6379 },
  rediss: { engine: "redis", port: 6379 },
  valkey: { engine: "redis", port: 6379 },
  sqlserver: { engine: "sqlserver", port: 1433 },
  mssql: { engine: "sqlserver", port: 1433 },
  clickhouse: { engine: "clickhouse", port: 9e3 },
  amqp: { engine: "amqp", port: 5672 },
  amqps: { engine: "amqp", port: 5671 }
});
var URL_START = /^(?:jdbc:)?([a-z][a-z0-9+.-]*):\/\//i;
function isDatabaseUrl(value) {
  const match = URL_START.exec(value.trim());
  return !!match && engineOf(match[1]) !== void 0;
}
function engineOf(scheme) {
  const lower = scheme.toLowerCase();
  if (ENGINES[lower]) return ENGINES[lower];
  const plus = lower.indexOf("+");
  return plus > 0 ? ENGINES[lower.slice(0, plus)] : void 0;
}
function databaseUrlIdentity(raw) {
  const value = raw.trim();
  const start = URL_START.exec(value);
  if (!start) return void 0;
  const engine = engineOf(start[1]);
  if (!engine) return void 0;
  const rest = value.slice(start[0].length);
  const beforeQuery = rest.split(/[?#]/)[0];
  const at = beforeQuery.lastIndexOf("@");
  const userinfo = at >= 0 ? beforeQuery.slice(0, at) : "";
  const afterUser = rest.slice(at + 1);
  const slash = afterUser.search(/[/?#;]/);
  const authority = slash >= 0 ? afterUser.slice(0, slash) : afterUser;
  const tail = slash >= 0 ? afterUser.slice(slash) : "";
  if (/[${}<%()]/.test(authority) || /^\/[^?#;]*[${}<%]/.test(tail)) return void 0;
  const colon = userinfo.indexOf(":");
  const user = decode(colon >= 0 ? userinfo.slice(0, colon) : userinfo);
  const password = colon >= 0 ? userinfo.slice(colon + 1) : "";
  let database = tail.startsWith("/") ? decode(tail.slice(1).split(/[?#;/]/)[0] ?? "") : "";
  const named = /[;?&](?:databaseName|database)=([^;&]+)/i.exec(tail);
  if (!database && named) database = named[1];
  const query = /[?&]host=([^&]+)/i.exec(tail);
  const hosts = authority.split(",").map((part) => splitHostPort(part)).filter((part) => part.host !== "");
  const cloudSql = query ? /\/cloudsql\/([a-z][a-z0-9-]*:[a-z0-9-]+:[a-z0-9-]+)/.exec(decode(query[1])) : null;
  if (hosts.length === 0 && !cloudSql) return void 0;
  const secrets = password ? [password, decode(password)].filter((secret) => secret.length > 0) : [];
  const first = hosts[0];
  const port = first?.port ?? engine.port;
  const hostList = hosts.map((part) => normaliseHost(part.host));
  if (!cloudSql && hostList.some((host) => isLocalOrPlaceholderHost(host))) return void 0;
  const db = database.toLowerCase();
  const shared = first ? isSharedHost(normaliseHost(first.host)) : false;
  const server = hosts.length > 1 ? [...hostList].sort().join(",") : `${hostList[0] ?? "cloudsql"}:${port}`;
  const dbIdentity = `db:${engine.engine}://${server}/${db}${shared && user ? `?user=${user.toLowerCase()}` : ""}`;
  const display = `database ${engine.engine}://${hosts.length > 1 ? hostList.join(",") : `${hostList[0] ?? ""}${first?.port ? `:${first.port}` : ""}`}${db ? `/${db}` : ""}`;
  const others = [];
  let primary = dbIdentity;
  let name;
  if (cloudSql) {
    primary = `cloudsql:${cloudSql[1]}`;
    others.push(dbIdentity);
    name = cloudSql[1].split(":")[2];
  } else if (first) {
    const host = normaliseHost(first.host);
    const supabaseUser = SUPABASE_POOLER.test(host) ? /^postgres\.([a-z]{20})$/.exec(user) : null;
    const ids = supabaseUser ? { primary: `supabase:${supabaseUser[1]}`, others: [], name: void 0 } : hostIdentities(host, port);
    if (ids && ids.primary !== `host:${host}`) {
      primary = ids.primary;
      others.push(dbIdentity, ...ids.others);
    } else {
      others.push(...ids?.others ?? []);
      if (ids) others.push(ids.primary);
    }
    name = ids?.name;
    if (hosts.length > 1) name = hostList.map((h) => hostName(h)).join(" ");
    if (shared && db) name = [db, user].filter(Boolean).join(" ");
  }
  return { kind: "database", identity: primary, otherIdentities: unique(others.filter((id) => id !== primary)), display, name, secrets };
}
function connectionStringIdentity(raw) {
  if (!/[=;]/.test(raw) || !/;/.test(raw)) return void 0;
  const parts = /* @__PURE__ */ new Map();
  for (const piece of raw.split(";")) {
    const eq = piece.indexOf("=");
    if (eq <= 0) continue;
    parts.set(piece.slice(0, eq).trim().toLowerCase().replace(/\s+/g, " "), piece.slice(eq + 1).trim());
  }
  const server = parts.get("server") ?? parts.get("data source") ?? parts.get("host") ?? parts.get("address") ?? parts.get("addr");
  if (!server) return void 0;
  const database = parts.get("database") ?? parts.get("initial catalog") ?? "";
  const password = parts.get("password") ?? parts.get("pwd");
  let host = server.replace(/^tcp:/i, "");
  let port;
  const comma = /^(.*?)[,:](\d+)$/.exec(host);
  if (comma) {
    host = comma[1];
    port = Number(comma[2]);
  }
  if (parts.get("port")) port = Number(parts.get("port"));
  host = host.split("\\")[0];
  if (/\$\{|\{\{|<%/.test(host) || host === "." || host.toLowerCase() === "(local)" || /^\(localdb\)/i.test(host)) return void 0;
  const engine = parts.has("host") || parts.has("username") ? "postgres" : "sqlserver";
  const ids = hostIdentities(host, port);
  if (!ids) return void 0;
  const defaultPort = engine === "postgres" ? 5432 : 1433;
  const dbIdentity = `db:${engine}://${normaliseHost(host)}:${port ?? defaultPort}/${database.toLowerCase()}`;
  const primary = ids.primary.startsWith("host:") ? dbIdentity : ids.primary;
  const others = unique([dbIdentity, ids.primary, ...ids.others].filter((id) => id !== primary));
  return {
    kind: "database",
    identity: primary,
    otherIdentities: others,
    display: `database ${engine}://${normaliseHost(host)}${port ? `:${port}` : ""}${database ? `/${database.toLowerCase()}` : ""}`,
    name: ids.name,
    secrets: password ? [password] : []
  };
}
function databaseHostIdentity(rawHost, options = {}) {
  const cloudSql = /^\/cloudsql\/([a-z][a-z0-9-]*:[a-z0-9-]+:[a-z0-9-]+)$/.exec(rawHost.trim());
  if (cloudSql) return { kind: "database", identity: `cloudsql:${cloudSql[1]}`, otherIdentities: [], display: `Cloud SQL instance ${cloudSql[1]}`, name: cloudSql[1].split(":")[2], secrets: [] };
  const host = normaliseHost(rawHost.replace(/^[a-z]+:\/\//i, "").split("/")[0].replace(/:\d+$/, ""));
  if (!/^[a-z0-9.-]+$/.test(host)) return void 0;
  const user = options.user?.trim().toLowerCase();
  if (isSharedHost(host)) {
    const ref = SUPABASE_POOLER.test(host) && user ? /^postgres\.([a-z]{20})$/.exec(user) : null;
    if (ref) return { kind: "database", identity: `supabase:${ref[1]}`, otherIdentities: [], display: `Supabase project ${ref[1]} (pooler ${host})`, secrets: [] };
    if (!user || !options.database) return void 0;
    const engine = options.engine ? engineOf(options.engine)?.engine ?? options.engine.toLowerCase() : "db";
    const identity = `db:${engine}://${host}:${options.port ?? (options.engine ? engineOf(options.engine)?.port : void 0) ?? 0}/${options.database.toLowerCase()}?user=${user}`;
    return { kind: "database", identity, otherIdentities: [], display: `database ${options.database} as ${user} on ${host}`, name: `${options.database} ${user}`, secrets: [] };
  }
  const ids = hostIdentities(host, options.port);
  if (!ids) return void 0;
  const others = [...ids.others];
  if (options.database) {
    const engine = options.engine ? engineOf(options.engine)?.engine ?? options.engine.toLowerCase() : "db";
    others.push(`db:${engine}://${host}:${options.port ?? (options.engine ? engineOf(options.engine)?.port : void 0) ?? 0}/${options.database.toLowerCase()}`);
  }
  return { kind: "database", identity: ids.primary, otherIdentities: unique(others), display: `database server ${host}${options.database ? ` (database ${options.database})` : ""}`, name: ids.name, secrets: [] };
}
function cloudSqlIdentity(value) {
  const match = /^([a-z][a-z0-9-]{4,29}):([a-z]+-[a-z]+\d):([a-z][a-z0-9-]*)$/.exec(value.trim());
  if (!match) return void 0;
  return { kind: "database", identity: `cloudsql:${match[0]}`, otherIdentities: [`project:gcp:${match[1]}`], display: `Cloud SQL instance ${match[0]}`, name: `${match[1]} ${match[3]}`, secrets: [] };
}
var BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
function bucketUrlIdentity(raw) {
  const value = raw.trim();
  if (/\$\{|\{\{|<%|\*\.|<[a-z]/i.test(value.replace(/\/\*$/, ""))) return void 0;
  let match;
  if (match = /^(s3|s3a|s3n|gs|gcs):\/\/([^/\s?]+)/i.exec(value)) return bucketIdentity(match[2], match[1].toLowerCase().startsWith("g") ? "gcs" : "s3");
  if (match = /^arn:aws[a-z-]*:s3:::([^/\s*]+)/.exec(value)) return bucketIdentity(match[1], "s3");
  if (match = /^https?:\/\/([a-z0-9.-]+)\.s3(?:[.-]([a-z0-9-]+))?\.amazonaws\.com(?:\.cn)?(?:\/|$)/i.exec(value)) return bucketIdentity(match[1], "s3");
  if (match = /^https?:\/\/s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/([^/\s?]+)/i.exec(value)) return bucketIdentity(match[1], "s3");
  if (match = /^https?:\/\/storage\.(?:googleapis|cloud\.google)\.com\/([^/\s?]+)/i.exec(value)) return bucketIdentity(match[1], "gcs");
  if (match = /^https?:\/\/([a-z0-9.-]+)\.storage\.googleapis\.com(?:\/|$)/i.exec(value)) return bucketIdentity(match[1], "gcs");
  if (match = /^https?:\/\/([a-z0-9.-]+)\.([a-z0-9-]+)\.(?:cdn\.)?digitaloceanspaces\.com(?:\/|$)/i.exec(value)) return bucketIdentity(match[1], "spaces");
  if (match = /^https?:\/\/([a-z0-9]{3,24})\.blob\.core\.windows\.net\/([a-z0-9-]{3,63})/i.exec(value)) {
    const account = match[1].toLowerCase();
    const container = match[2].toLowerCase();
    return { kind: "bucket", identity: `bucket:azure:${account}/${container}`, otherIdentities: [], display: `Azure container ${account}/${container}`, name: `${account} ${container}`, secrets: [] };
  }
  if (match = /^https?:\/\/([a-f0-9]{32})\.(?:[a-z]+\.)?r2\.cloudflarestorage\.com\/([a-z0-9-]{3,63})/i.exec(value)) {
    const bucket = match[2].toLowerCase();
    return { kind: "bucket", identity: `bucket:r2:${match[1].toLowerCase()}/${bucket}`, otherIdentities: [`bucket:${bucket}`], display: `R2 bucket ${bucket}`, name: bucket, secrets: [] };
  }
  return void 0;
}
function bucketIdentity(rawName, provider) {
  const name = rawName.trim().toLowerCase();
  if (!BUCKET_NAME.test(name) || /^\d+$/.test(name) || isPlaceholderName(name) || isGenericName(name)) return void 0;
  const label = provider === "gcs" ? "GCS bucket" : provider === "s3" ? "S3 bucket" : "bucket";
  return { kind: "bucket", identity: `bucket:${name}`, otherIdentities: [], display: `${label} ${name}`, name, secrets: [] };
}
function volumeIdentity(raw, scheme, scope) {
  const value = raw.trim();
  if (value === "" || /\$\{|\{\{/.test(value)) return void 0;
  if (scheme) {
    const name = value.toLowerCase();
    if (scheme === "docker" && isGenericName(name)) return void 0;
    const qualified = scheme === "fly" && scope ? `${scope}/${name}` : name;
    const label = { docker: "Docker volume", pvc: "PersistentVolumeClaim", pv: "PersistentVolume", fly: "Fly volume", hostpath: "host path" }[scheme];
    return { kind: "volume", identity: `volume:${scheme}:${qualified}`, otherIdentities: [], display: `${label} ${name}`, name, secrets: [] };
  }
  const ebs = /\b(vol-[0-9a-f]{8}(?:[0-9a-f]{9})?)\b/.exec(value);
  if (ebs) return { kind: "volume", identity: `volume:${ebs[1]}`, otherIdentities: [], display: `EBS volume ${ebs[1]}`, secrets: [] };
  const id = value.toLowerCase();
  if (/^[a-z0-9][a-z0-9/_.:-]{7,}$/.test(id)) {
    const gcpDisk = /disks\/([a-z0-9-]+)$/.exec(id);
    return { kind: "volume", identity: `volume:${id}`, otherIdentities: [], display: `volume ${id}`, name: gcpDisk?.[1], secrets: [] };
  }
  return void 0;
}
var GCP_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
function gcpProjectIdentity(raw, firebase = false) {
  const id = raw.trim();
  if (!GCP_PROJECT.test(id) || isPlaceholderName(id)) return void 0;
  return firebase ? { kind: "project", identity: `firebase:${id}`, otherIdentities: [`project:gcp:${id}`], display: `Firebase project ${id}`, name: id, secrets: [] } : { kind: "project", identity: `project:gcp:${id}`, otherIdentities: [`firebase:${id}`], display: `GCP project ${id}`, name: id, secrets: [] };
}
function awsAccountIdentity(raw) {
  const match = /^(?:arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:)?(\d{12})(?::|$)/.exec(raw.trim());
  if (!match || /^(\d)\1{11}$/.test(match[1]) || match[1] === "123456789012") return void 0;
  return { kind: "account", identity: `account:aws:${match[1]}`, otherIdentities: [], display: `AWS account ${match[1]}`, secrets: [] };
}
function supabaseProjectIdentity(raw) {
  const ref = /^(?:https?:\/\/)?(?:db\.)?([a-z]{20})(?:\.supabase\.(?:co|in))?\/?$/.exec(raw.trim());
  if (!ref) return void 0;
  return { kind: "database", identity: `supabase:${ref[1]}`, otherIdentities: [], display: `Supabase project ${ref[1]}`, secrets: [] };
}
function appIdentity(raw, platform) {
  const app = raw.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]{1,62}$/.test(app) || isPlaceholderName(app)) return void 0;
  return { kind: "app", identity: `${platform}-app:${app}`, otherIdentities: [], display: `${platform === "fly" ? "Fly" : "Heroku"} app ${app}`, name: app, secrets: [] };
}
function neonProjectIdentity(raw) {
  const id = raw.trim();
  if (!/^[a-z]+-[a-z]+-\d{6,}$/.test(id)) return void 0;
  return { kind: "project", identity: `neon-project:${id}`, otherIdentities: [], display: `Neon project ${id}`, secrets: [] };
}
function rdsIdentity(value) {
  const id = value.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(id) || isPlaceholderName(id)) return void 0;
  return { kind: "database", identity: `rds:${id}`, otherIdentities: [], display: `RDS database ${id}`, name: id, secrets: [] };
}
function dynamoTableIdentity(value) {
  const name = value.trim();
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(name) || isPlaceholderName(name) || isGenericName(name)) return void 0;
  return { kind: "database", identity: `dynamodb:${name}`, otherIdentities: [], display: `DynamoDB table ${name}`, name, secrets: [] };
}
function renderDatabaseIdentity(name) {
  const value = name.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value)) return void 0;
  return { kind: "database", identity: `render-db:${value.toLowerCase()}`, otherIdentities: [], display: `Render database ${value}`, name: value, secrets: [] };
}
function terraformStateIdentity(backend, config) {
  const workspace = config.workspace ? `@${config.workspace}` : "";
  let address;
  switch (backend) {
    case "s3":
      if (config.bucket && config.key) address = `s3:${config.bucket}/${config.key}`;
      break;
    case "gcs":
      if (config.bucket) address = `gcs:${config.bucket}/${config.prefix ?? ""}`;
      break;
    case "azurerm":
      if (config.storage_account_name && config.container_name && config.key) address = `azurerm:${config.storage_account_name}/${config.container_name}/${config.key}`;
      break;
    case "remote":
    case "cloud":
      if (config.organization && config.name) address = `tfc:${config.organization}/${config.name}`;
      break;
    case "dir":
      if (config.path) address = `dir:${config.path}`;
      break;
  }
  if (!address) return void 0;
  const display = backend === "dir" ? `Terraform state of ${config.path}` : `Terraform state ${address.slice(address.indexOf(":") + 1)}${workspace ? ` (workspace ${config.workspace})` : ""}`;
  return {
    kind: "terraform-state",
    identity: `tfstate:${address}${workspace}`,
    otherIdentities: [],
    display,
    name: `${address.slice(address.indexOf(":") + 1)} ${config.workspace ?? ""}`.trim(),
    secrets: []
  };
}
function stackIdentity(tool, name) {
  const value = name.trim();
  if (value === "" || /\$\{|\{\{/.test(value)) return void 0;
  return {
    kind: "stack",
    identity: `stack:${tool}:${value.toLowerCase()}`,
    otherIdentities: [],
    display: tool === "pulumi" ? `Pulumi stack ${value}` : `CloudFormation stack ${value}`,
    name: value,
    secrets: []
  };
}
var SECRET_STORES = {
  ssm: { scheme: "ssm", label: "SSM parameter" },
  k8s: { scheme: "k8s", label: "Kubernetes secret" },
  "aws-secrets-manager": { scheme: "aws", label: "AWS secret" },
  "gcp-secret-manager": { scheme: "gcp", label: "GCP secret" },
  external: { scheme: "external", label: "external secret" },
  file: { scheme: "file", label: "credential file" },
  "aws-profile": { scheme: "aws-profile", label: "AWS profile" },
  "kube-context": { scheme: "kube-context", label: "Kubernetes context" }
};
function secretIdentity(name, store) {
  const trimmed = name.trim();
  if (store) {
    const { scheme, label } = SECRET_STORES[store];
    return { kind: "secret", identity: `secret:${scheme}:${trimmed}`, otherIdentities: [], display: `${label} ${trimmed}`, name: trimmed, secrets: [] };
  }
  const upper = trimmed.toUpperCase();
  return { kind: "secret", identity: `secret:${upper}`, otherIdentities: [], display: upper, name: upper, secrets: [] };
}
function secretArnIdentity(value) {
  const manager = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:(.+?)(?:-[A-Za-z0-9]{6})?$/.exec(value.trim());
  if (manager) return secretIdentity(manager[1], "aws-secrets-manager");
  const parameter = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter(\/.+)$/.exec(value.trim());
  if (parameter) return secretIdentity(parameter[1], "ssm");
  return void 0;
}
function splitHostPort(part) {
  const trimmed = part.trim();
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  if (bracket) return { host: bracket[1], port: bracket[2] ? Number(bracket[2]) : void 0 };
  const colon = trimmed.lastIndexOf(":");
  if (colon > 0 && /^\d+$/.test(trimmed.slice(colon + 1))) return { host: trimmed.slice(0, colon), port: Number(trimmed.slice(colon + 1)) };
  return { host: trimmed };
}
function decode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function unique(items) {
  return [...new Set(items)];
}
function identityName(identity) {
  const colon = identity.indexOf(":");
  if (colon < 0) return void 0;
  const scheme = identity.slice(0, colon);
  const rest = identity.slice(colon + 1);
  switch (scheme) {
    case "host":
      return hostName(rest);
    case "db": {
      const match = /^[a-z]+:\/\/([^/]*)\/([^?]*)(?:\?user=(.*))?$/.exec(rest);
      if (!match) return void 0;
      const hosts = match[1].split(",").map((host) => host.replace(/:\d+$/, ""));
      const shared = hosts.some((host) => isSharedHost(host));
      return [shared ? "" : hosts.map((host) => hostName(host)).join(" "), match[2], match[3]].filter(Boolean).join(" ");
    }
    case "rds":
    case "dynamodb":
    case "fly-app":
    case "heroku-app":
    case "render-db":
    case "firebase":
    case "railway-environment":
      return rest;
    case "cloudsql":
      return rest.split(":").filter((_, index) => index !== 1).join(" ");
    case "bucket":
      return rest.replace(/^(azure|r2):/, "").replace(/^[a-f0-9]{32}\//, "");
    case "volume":
      return /^(docker|pvc|pv|fly|render|nfs|hostpath):/.test(rest) ? rest.slice(rest.indexOf(":") + 1) : void 0;
    case "project":
      return rest.startsWith("gcp:") ? rest.slice(4) : void 0;
    case "tfstate":
      return rest.slice(rest.indexOf(":") + 1);
    case "stack":
      return rest.slice(rest.indexOf(":") + 1);
    case "secret":
      return /^(ssm|k8s|aws|gcp|external|file|aws-profile|kube-context):/.test(rest) ? rest.slice(rest.indexOf(":") + 1) : rest;
    default:
      return void 0;
  }
}
function dataStoreForms(identity) {
  const colon = identity.indexOf(":");
  const scheme = identity.slice(0, colon);
  const rest = identity.slice(colon + 1);
  switch (scheme) {
    case "rds":
      return [`aws:rds:${rest}`];
    case "dynamodb":
      return [`aws:dynamodb:${rest}`];
    case "bucket":
      if (rest.startsWith("azure:")) return [`azure:storage:${rest.slice(6).split("/")[0]}`];
      if (rest.startsWith("r2:")) return [];
      return [`aws:s3:${rest}`, `gcp:gcs:${rest}`];
    case "render-db":
      return [`render:database:${rest}`];
    case "fly-app":
      return [`fly:app:${rest}`];
    case "supabase":
      return [`supabase:project:${rest}`];
    case "neon-project":
      return [`neon:project:${rest}`];
    case "cloudsql":
      return [`gcp:sql:${rest.split(":")[2] ?? rest}`];
    case "volume":
      if (rest.startsWith("fly:")) return [`fly:volume:${rest.slice(4)}`];
      if (rest.startsWith("render:")) return [`render:disk:${rest.slice(7)}`];
      if (rest.startsWith("pv:")) return [`k8s:pv:${rest.slice(3)}`];
      return [];
    default:
      return [];
  }
}

// detectors/staging-reaches-production/model.ts
var NON_PRODUCTION = /* @__PURE__ */ new Set(["staging", "preview", "development", "test"]);
function databaseNames(identities) {
  return identities.flatMap((identity) => {
    const name = /^db:[^/]*\/\/[^/]*\/([^?]+)/.exec(identity)?.[1];
    return name ? [name] : [];
  });
}
var EnvironmentModel = class {
  constructor(facts, aliases) {
    this.aliases = aliases;
    this.resources = facts.all("environment-resource");
    this.layers = facts.all("environment-layer");
    for (const resource of this.resources) {
      if (resource.environment !== "production" || resource.testOnly || resource.unplaced) continue;
      for (const identity of identitiesOf(resource)) {
        if (!isComparableIdentity(identity)) continue;
        const list = this.production.get(identity);
        if (list) list.push(resource);
        else this.production.set(identity, [resource]);
      }
    }
    for (const layer of this.layers) {
      if (layer.testOnly || layer.unplaced) continue;
      const list = this.layersByFamily.get(layer.family);
      if (list) list.push(layer);
      else this.layersByFamily.set(layer.family, [layer]);
    }
  }
  aliases;
  resources;
  layers;
  production = /* @__PURE__ */ new Map();
  layersByFamily = /* @__PURE__ */ new Map();
  productionSorted = /* @__PURE__ */ new Map();
  firstByIdentity = /* @__PURE__ */ new Map();
  /** Resources of non-production environments, in a deterministic order. */
  nonProduction() {
    return this.resources.filter((resource) => NON_PRODUCTION.has(resource.environment) && !resource.testOnly && !resource.unplaced);
  }
  /** Base values of layered families. */
  bases() {
    return this.resources.filter((resource) => resource.environment === "base" && resource.family && !resource.testOnly && !resource.unplaced);
  }
  /** The non-production layers of a family that do not set `variable` themselves, and so inherit the base's value. */
  inheritors(family, variable) {
    return (this.layersByFamily.get(family) ?? []).filter((layer) => NON_PRODUCTION.has(layer.environment) && !overrides(layer.keys, variable));
  }
  /** The production resource this one is, by its strongest shared identity. */
  productionMatch(resource) {
    let best;
    const own = identitiesOf(resource);
    own.forEach((identity, index) => {
      if (!isComparableIdentity(identity)) return;
      const first = this.firstProduction(identity);
      for (const [production, rank] of [[first.primary, index], [first.other, index + 1]]) {
        if (!production) continue;
        if (!best || rank < best.rank || rank === best.rank && compareLocations(production.location, best.production.location) < 0) best = { production, identity, rank };
      }
    });
    if (!best) return void 0;
    const mine = databaseNames(own);
    const theirs = databaseNames(identitiesOf(best.production));
    const sameDatabase = mine.length === 0 || theirs.length === 0 || mine.some((name) => theirs.includes(name));
    return { production: best.production, identity: best.identity, sameDatabase };
  }
  /** The resource's own name says production and nothing else (`orders-prod`, `acme-production-uploads`). */
  productionNamed(resource) {
    const name = identityName(resource.identity);
    if (!name) return false;
    const named = environmentsNamedIn(name, this.aliases);
    return named.size === 1 && named.has("production");
  }
  /** Every production resource with this identity, by location, for related locations. */
  productionWith(identity) {
    let sorted = this.productionSorted.get(identity);
    if (!sorted) {
      sorted = [...this.production.get(identity) ?? []].sort((a, b) => compareLocations(a.location, b.location));
      this.productionSorted.set(identity, sorted);
    }
    return sorted;
  }
  /**
   * The first production resource by location (the earliest published among equals) whose main identity is this one,
   * and the first for which it is another identity. Asked once per identity: a host shared by thousands of
   * production resources (a cache, a database server) is not walked again for every resource that names it.
   */
  firstProduction(identity) {
    let first = this.firstByIdentity.get(identity);
    if (!first) {
      first = {};
      for (const production of this.production.get(identity) ?? []) {
        const key = production.identity === identity ? "primary" : "other";
        const current = first[key];
        if (!current || compareLocations(production.location, current.location) < 0) first[key] = production;
      }
      this.firstByIdentity.set(identity, first);
    }
    return first;
  }
};
function identitiesOf(resource) {
  return [resource.identity, ...resource.otherIdentities ?? []];
}
function overrides(keys, variable) {
  if (!variable) return false;
  return keys.some((key) => key === variable || variable.startsWith(`${key}.`) || key.startsWith(`${variable}.`));
}
function compareLocations(a, b) {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.span.line - b.span.line || a.span.column - b.span.column;
}
function placeWithAliases(context) {
  const aliases = context.config.environmentAliases;
  if (Object.keys(aliases).length === 0) return;
  const placeResource = (fact) => place(fact, aliases);
  const patches = /* @__PURE__ */ new Map();
  for (const kind of ["environment-resource", "environment-layer"]) {
    const facts = context.facts.all(kind);
    const changed = /* @__PURE__ */ new Map();
    for (const fact of facts) {
      const placed = placeResource(fact);
      if (!placed) continue;
      const key = `${placed.environment}\0${placed.environmentName}\0${placed.unplaced}`;
      patches.set(key, placed);
      let set = changed.get(key);
      if (!set) changed.set(key, set = /* @__PURE__ */ new Set());
      set.add(fact);
    }
    for (const [key, set] of changed) {
      const patch = patches.get(key);
      const fields = { environment: patch.environment, environmentName: patch.environmentName, unplaced: patch.unplaced ? true : void 0 };
      if (kind === "environment-resource") context.enrich("environment-resource", (fact) => set.has(fact), fields);
      else context.enrich("environment-layer", (fact) => set.has(fact), fields);
    }
  }
}
function place(fact, aliases) {
  const name = fact.environmentName;
  const alias = aliasFor(aliases, name.toLowerCase());
  if (alias && (fact.environment !== alias || fact.unplaced)) return { environment: alias, environmentName: name, unplaced: false };
  if (fact.unplaced) {
    const found = canonicalEnvironment(name, aliases) ?? environmentOfPath(fact.location.path, aliases)?.environment;
    if (found) return { environment: found, environmentName: name, unplaced: false };
    return void 0;
  }
  if (fact.environmentEvidence === "base") {
    const byPath = environmentOfPath(fact.location.path, aliases);
    if (byPath && aliasFor(aliases, byPath.name.toLowerCase())) return { environment: byPath.environment, environmentName: byPath.name, unplaced: false };
  }
  return void 0;
}

// detectors/staging-reaches-production/scan/recorder.ts
var BASE = { environment: "base", name: "", evidence: "base" };
function namedTag(name, evidence) {
  const lower = name.trim().toLowerCase();
  if (["default", "defaults", "base", "common", "shared", "global", "all"].includes(lower)) return BASE;
  return { environment: canonicalEnvironment(name), name: name.trim(), evidence };
}
function pathTag(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  const local = /^\.env\.([A-Za-z0-9_-]+)\.local$/i.exec(name);
  if (local) {
    const environment = canonicalEnvironment(local[1]);
    if (environment) return { environment, name: local[1], evidence: "file-name" };
  }
  const found = environmentOfPath(path2);
  if (found?.evidence === "directory" && found.name.toLowerCase() === "live") return void 0;
  return found ? { environment: found.environment, name: found.name, evidence: found.evidence } : void 0;
}
var Recorder = class {
  constructor(file, out) {
    this.file = file;
    this.out = out;
    this.testOnly = isTestExampleOrDocsPath(file.path);
  }
  file;
  out;
  testOnly;
  seen = /* @__PURE__ */ new Set();
  layers = /* @__PURE__ */ new Map();
  resource(tag, identity, span, options = {}) {
    const key = `${tag.environment ?? "?"}:${tag.name}:${identity.identity}:${span.line}:${span.column}:${options.variable ?? ""}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const fact = {
      environment: tag.environment ?? "base",
      environmentName: tag.name,
      environmentEvidence: tag.evidence,
      kind: identity.kind,
      identity: identity.identity,
      display: identity.display,
      location: { path: this.file.path, span: lineSpan(this.file, span) }
    };
    if (options.variable !== void 0) fact.variable = options.variable;
    const others = [.../* @__PURE__ */ new Set([...identity.otherIdentities, ...[identity.identity, ...identity.otherIdentities].flatMap(dataStoreForms)])];
    if (others.length > 0) fact.otherIdentities = others;
    if (options.family) fact.family = options.family;
    if (options.declared) fact.declared = true;
    if (this.testOnly) fact.testOnly = true;
    if (!tag.environment) fact.unplaced = true;
    this.out.publish("environment-resource", fact);
  }
  /** Buffers a layer; layers of one family and environment met in several documents of a file are merged. */
  layer(family, tag, span, keys, implicit = false) {
    const key = `${family}\0${tag.name}\0${tag.environment ?? "?"}`;
    const existing = this.layers.get(key);
    if (existing) {
      for (const k of keys) existing.keys.add(k);
      existing.implicit &&= implicit;
      return;
    }
    this.layers.set(key, { family, tag, span, keys: new Set(keys), implicit });
  }
  /** Publishes the buffered layers; call once per file, after every handler ran. */
  flush() {
    for (const { family, tag, span, keys, implicit } of this.layers.values()) {
      const fact = {
        family,
        environment: tag.environment ?? "base",
        environmentName: tag.name,
        environmentEvidence: tag.evidence,
        location: { path: this.file.path, span: lineSpan(this.file, span) },
        keys: [...keys].sort()
      };
      if (implicit) fact.implicit = true;
      if (this.testOnly) fact.testOnly = true;
      if (!tag.environment) fact.unplaced = true;
      this.out.publish("environment-layer", fact);
    }
    this.layers.clear();
  }
  notify(code, message, line) {
    this.out.notify({ level: "warning", code, message, line });
  }
};
function lineSpan(file, span) {
  const text = file.line(span.line);
  const indent = text.length - text.trimStart().length;
  return { line: span.line, column: indent + 1, endLine: span.line, endColumn: Math.max(indent + 1, text.trimEnd().length + 1) };
}

// detectors/staging-reaches-production/scan/files.ts
var DATA_FORMATS2 = /* @__PURE__ */ new Set(["dotenv", "yaml", "json", "toml", "ini", "properties", "hcl"]);
var NOT_CONFIG_NAME = /^(package\.json|\.package-lock\.json|composer\.json|tsconfig[^/]*\.json|jsconfig\.json|\.eslintrc[^/]*|\.prettierrc[^/]*|\.babelrc|babel\.config\.json|renovate\.json|\.releaserc[^/]*|lerna\.json|nx\.json|turbo\.json|angular\.json|project\.json|manifest\.json|\.markdownlint[^/]*|\.pre-commit-config\.yaml|mkdocs\.ya?ml|_config\.ya?ml|pubspec\.yaml|Chart\.yaml|Chart\.lock|codecov\.ya?ml|openapi[^/]*|swagger[^/]*|.*\.schema\.json|.*\.lock\.json|.*\.(i18n|locale)\.json)$/i;
var GITHUB_META_NAME = /^(dependabot|labeler|FUNDING|ISSUE_TEMPLATE)/i;
var LOCALE_DIR = /(^|\/)(locales?|i18n|translations|lang|messages)\//i;
function admitsPath(file) {
  return classifyPath(file.path) !== void 0;
}
var lastPath2;
var lastClass;
function classifyPath(path2) {
  if (path2 !== lastPath2) {
    lastClass = classifyPathUncached(path2);
    lastPath2 = path2;
  }
  return lastClass;
}
function isPythonSettings(path2) {
  const lower = path2.toLowerCase();
  if (!lower.includes("settings") && !lower.includes("config/")) return false;
  return /(^|\/)settings(\/[^/]+|[_.][a-z0-9_]+)?\.py$|(^|\/)(config|settings)\/[a-z0-9_]+\.py$/i.test(path2);
}
function classifyPathUncached(path2) {
  if (isExampleFile(path2)) return void 0;
  const format = formatOf(path2);
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  const lower = name.toLowerCase();
  const dir = path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "";
  let pathEnvironment;
  const tag = () => pathEnvironment ??= pathTag(path2) ?? BASE;
  const make = (kind, family, baseNames, ownTag) => {
    const own = ownTag ?? tag();
    const named = own.environment !== "base";
    if (!family) return { kind, format, tag: own, role: "plain" };
    if (!named && baseNames?.test(name)) return { kind, format, tag: BASE, family, role: "base" };
    if (named) return { kind, format, tag: own, family, role: "layer" };
    return { kind, format, tag: own, role: "plain" };
  };
  if (format === "dotenv") return make("dotenv", `dotenv:${dir}`, /^(\.env|(base|common|default|shared)\.env)$/i);
  if (format === "python") return isPythonSettings(path2) ? make("python-settings", `django:${dir}`, /^(base|common|defaults?|shared)\.py$/i) : void 0;
  if (format === "javascript" || format === "typescript") {
    if (/^(knexfile|ecosystem\.config|ormconfig|\.sequelizerc|sequelize\.config|database\.config|db\.config)\.[cm]?[jt]s$/i.test(name) || /(^|\/)config\/(config|database)\.[cm]?js$/i.test(path2)) return make("js-config");
    return void 0;
  }
  if (format === "shell" || format === "markdown" || /^(makefile|justfile|procfile|taskfile)$/i.test(lower) || /\.(mk|just)$/i.test(lower)) return make("commands");
  if (!DATA_FORMATS2.has(format)) return void 0;
  if (NOT_CONFIG_NAME.test(name) || GITHUB_META_NAME.test(name) && /(^|\/)\.github$/i.test(dir) || LOCALE_DIR.test(path2)) return void 0;
  if (/(^|\/)templates\/[^/]+\.(ya?ml|tpl)$/i.test(path2) && /(^|\/)charts?\//i.test(path2)) return void 0;
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/i.test(path2)) return { kind: "workflow", format, tag: tag(), role: "plain" };
  if (/(^|\.)gitlab-ci\.ya?ml$/i.test(name)) return { kind: "gitlab-ci", format, tag: tag(), role: "plain" };
  if (/^(docker-)?compose([.-][^/]*)?\.ya?ml$/i.test(name)) {
    const own = /\.override\.ya?ml$/i.test(name) ? { environment: "development", name: "override", evidence: "file-name" } : tag();
    return make("compose", `compose:${dir}`, /^(docker-)?compose\.ya?ml$/i, own);
  }
  if (/^kustomization\.ya?ml$/i.test(name)) return make("kustomization");
  if (/^(values([.-][^/]*)?|[^/]*[.-]values)\.ya?ml$/i.test(name) || /(^|\/)values\/[^/]+\.ya?ml$/i.test(path2)) {
    const chart = /(^|\/)values$/i.test(dir) ? dir.replace(/\/?values$/i, "") : dir;
    return make("helm-values", `helm:${chart}`, /^values\.ya?ml$/i);
  }
  if (format === "hcl") {
    if (lower === "terragrunt.hcl") return make("terragrunt");
    if (lower.endsWith(".tfvars")) {
      const root = /(^|\/)(env|envs|vars|tfvars|environments|config)$/i.test(dir) ? dir.replace(/\/?[^/]+$/, "") : dir;
      return make("tfvars", `tfvars:${root}`, /^(terraform\.tfvars|[^/]*\.auto\.tfvars)$/i);
    }
    if (lower.endsWith(".tf")) return make("terraform");
    return make("data");
  }
  if (/^railway\.(json|toml)$/i.test(name)) return make("railway");
  if (/^render\.ya?ml$/i.test(name)) return make("render");
  if (/^fly([.-][^/]*)?\.toml$/i.test(name)) return make("fly");
  if (lower === "netlify.toml") return make("netlify");
  if (lower === "app.json") return make("heroku-app");
  if (lower === "vercel.json") return make("vercel");
  if (lower === ".firebaserc") return make("firebaserc");
  if (/(^|\/)supabase\/config\.toml$/i.test(path2)) return make("supabase");
  if (/^serverless(\.[^/]+)?\.(ya?ml|json)$/i.test(name)) return make("serverless");
  if (/^database\.ya?ml$/i.test(name)) return make("rails-database");
  if (/(^|\/)config\/storage\.ya?ml$/i.test(path2)) return make("rails-storage");
  if (/(^|\/)config\/(config|database)\.json$/i.test(path2)) return make("sequelize");
  if (/^application([.-][^/]*)?\.(ya?ml|properties)$/i.test(name) || /^bootstrap([.-][^/]*)?\.(ya?ml|properties)$/i.test(name)) {
    return make("spring", `spring:${dir}`, /^(application|bootstrap)\.(ya?ml|properties)$/i);
  }
  if (/^appsettings(\.[^/]+)?\.json$/i.test(name)) return make("dotnet", `dotnet:${dir}`, /^appsettings\.json$/i);
  if (/^pulumi\.[^/]+\.ya?ml$/i.test(name)) return { kind: "pulumi-stack", format, tag: stackTag(name), family: `pulumi:${dir}`, role: "layer" };
  if (/(^|\/)config\/deploy(\.[^/]+)?\.ya?ml$/i.test(path2)) return make("kamal", `kamal:${dir}`, /^deploy\.ya?ml$/i);
  if (/(^|\/)config\/[^/]+\.(json|ya?ml|json5|toml)$/i.test(path2) && !/custom-environment-variables/i.test(name)) {
    return make("node-config", `node-config:${dir}`, /^default\.(json|ya?ml|json5|toml)$/i);
  }
  return make("data");
}
function stackTag(name) {
  const stack = name.replace(/^pulumi\./i, "").replace(/\.ya?ml$/i, "");
  const found = pathTag(name);
  return found ?? { environment: void 0, name: stack, evidence: "file-name" };
}

// knowledge/environments/payments.ts
import { createHash } from "node:crypto";
var KEYS = [
  { provider: "clerk", title: "Clerk live secret key", regex: /\bsk_live_[A-Za-z0-9]{30,}\b/, variable: /clerk/i },
  { provider: "stripe", title: "Stripe live secret key", regex: /\bsk_live_[A-Za-z0-9]{20,}\b/ },
  { provider: "stripe", title: "Stripe live restricted key", regex: /\brk_live_[A-Za-z0-9]{20,}\b/ },
  { provider: "clerk", title: "Clerk live publishable key", regex: /\bpk_live_[A-Za-z0-9+/=]{20,}/, publishable: true, variable: /clerk/i },
  { provider: "stripe", title: "Stripe live publishable key", regex: /\bpk_live_[A-Za-z0-9]{20,}\b/, publishable: true },
  { provider: "razorpay", title: "Razorpay live key", regex: /\brzp_live_[A-Za-z0-9]{10,}\b/ },
  { provider: "paddle", title: "Paddle live API key", regex: /\bpdl_live_apikey_[A-Za-z0-9_]{20,}\b/ },
  { provider: "mollie", title: "Mollie live API key", regex: /\blive_[A-Za-z0-9]{30}\b/, variable: /mollie/i },
  { provider: "gocardless", title: "GoCardless live access token", regex: /\blive_[A-Za-z0-9_-]{30,}\b/, variable: /gocardless/i }
];
var MODES = [
  { provider: "plaid", title: "Plaid production environment", variable: /^plaid_?env(ironment)?$/i, live: /^production$/i },
  { provider: "paypal", title: "PayPal live mode", variable: /^paypal_?(mode|env|environment)$/i, live: /^(live|production)$/i },
  { provider: "paypal", title: "PayPal live API", variable: /^paypal_?(api_?)?(url|base_?url|host|endpoint)$/i, live: /^https:\/\/api(-m)?\.paypal\.com\/?$/i },
  { provider: "braintree", title: "Braintree production environment", variable: /^braintree_?env(ironment)?$/i, live: /^production$/i },
  { provider: "square", title: "Square production environment", variable: /^square_?env(ironment)?$/i, live: /^production$/i },
  { provider: "adyen", title: "Adyen live environment", variable: /^adyen_?env(ironment)?$/i, live: /^live$/i },
  { provider: "paddle", title: "Paddle production environment", variable: /^paddle_?env(ironment)?$/i, live: /^production$/i },
  { provider: "gocardless", title: "GoCardless live environment", variable: /^gocardless_?env(ironment)?$/i, live: /^live$/i },
  { provider: "authorize-net", title: "Authorize.net production API", variable: /^(authorize(_?net)?|authnet)_?(api_?)?(url|endpoint|env(ironment)?)$/i, live: /^(https:\/\/api\.authorize\.net\/?.*|production|live)$/i }
];
function livePaymentOf(value, variable) {
  const trimmed = value.trim();
  for (const shape of KEYS) {
    if (shape.variable && !(variable && shape.variable.test(variable))) continue;
    const match = shape.regex.exec(trimmed);
    if (!match || !plausibleKey(match[0])) continue;
    return {
      provider: shape.provider,
      title: shape.title,
      form: "key",
      publishable: shape.publishable === true,
      identity: `payment:${shape.provider}:${createHash("sha256").update(match[0]).digest("hex").slice(0, 16)}`,
      secret: match[0]
    };
  }
  if (!variable) return void 0;
  const bare = variable.replace(/^(NEXT_PUBLIC_|VITE_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_)/i, "");
  for (const mode of MODES) {
    if (mode.variable.test(bare) && mode.live.test(trimmed)) {
      return { provider: mode.provider, title: mode.title, form: "mode", publishable: false, identity: `payment-mode:${mode.provider}:live` };
    }
  }
  return void 0;
}
function plausibleKey(key) {
  const body2 = key.slice(key.indexOf("live_") + 5);
  if (/x{4,}|0{6,}|1234567|abcdef|replace|example|your|dummy|placeholder|test/i.test(body2)) return false;
  if (!/[0-9]/.test(body2) || !/[A-Za-z]/.test(body2)) return false;
  return new Set(body2).size >= 8;
}

// detectors/staging-reaches-production/scan/values.ts
var DATA_WORDS = /* @__PURE__ */ new Set([
  "db",
  "database",
  "databases",
  "datasource",
  "datasources",
  "pg",
  "postgres",
  "postgresql",
  "psql",
  "mysql",
  "mariadb",
  "mongo",
  "mongodb",
  "redis",
  "valkey",
  "cache",
  "memcache",
  "memcached",
  "elastic",
  "elasticsearch",
  "opensearch",
  "clickhouse",
  "cassandra",
  "mssql",
  "sql",
  "rds",
  "aurora",
  "cockroach",
  "cockroachdb",
  "supabase",
  "neon",
  "upstash",
  "couchdb",
  "influx",
  "influxdb",
  "timescale",
  "timescaledb",
  "sqlalchemy",
  "typeorm",
  "prisma",
  "sequelize",
  "knex",
  "dynamo",
  "dynamodb"
]);
var COMPACT_DATA_HOSTS = /* @__PURE__ */ new Set(["pghost", "dbhost", "dbserver", "dburl", "dburi", "pgurl", "mysqlhost", "redishost", "mongohost", "mongourl", "mongouri", "redisurl", "dbendpoint"]);
var HOST_WORDS = /* @__PURE__ */ new Set(["host", "hostname", "hosts", "server", "servers", "endpoint", "endpoints", "address", "addr", "url", "uri", "urls", "dsn", "cluster", "writer", "reader", "primary", "replica", "nodes"]);
var MANAGED_DATABASE_HOST = /^[a-z0-9.-]+\.(rds\.amazonaws\.com|database\.windows\.net|(postgres|mysql|mariadb)\.database\.azure\.com|mongodb\.net|cache\.amazonaws\.com|neon\.tech|upstash\.io|flycast)(:\d+)?$/;
var CREDENTIAL_FILE_WORDS = /* @__PURE__ */ new Set(["credentials", "credential", "creds", "keyfile", "kubeconfig", "serviceaccount", "cert", "certificate"]);
var STATE_WORDS = /* @__PURE__ */ new Set(["state", "tfstate", "backend", "terraform", "pulumi", "terragrunt"]);
var DRIVER_KEYS = ["adapter", "dialect", "engine", "ENGINE", "driver", "client", "provider"];
var USER_KEYS = ["user", "USER", "username", "USERNAME", "User", "Username"];
function isDatabaseHostVariable(context) {
  const variable = context.variable;
  if (!variable) return false;
  const tokens = tokensOfVariable(variable);
  if (tokens.length === 1 && COMPACT_DATA_HOSTS.has(tokens[0])) return true;
  const last = tokens[tokens.length - 1];
  if (!last || !HOST_WORDS.has(last)) return false;
  if (tokens.some((token) => DATA_WORDS.has(token))) return true;
  if (context.databaseFile) return true;
  if (context.siblings && DRIVER_KEYS.some((key) => context.siblings.has(key))) return true;
  return context.path.some((step) => typeof step === "string" && tokensOfVariable(step).some((token) => DATA_WORDS.has(token)));
}
var TOKENS = /* @__PURE__ */ new Map();
function tokensOfVariable(variable) {
  let tokens = TOKENS.get(variable);
  if (!tokens) {
    if (TOKENS.size > 2e4) TOKENS.clear();
    TOKENS.set(variable, tokens = tokensOf(variable));
  }
  return tokens;
}
function identifyValue(raw, context) {
  const value = raw.trim();
  if (value === "" || value.length > 1e3) return [];
  const variable = context.variable;
  const payment = /live|prod|paypal|authorize/i.test(value) ? livePaymentOf(value, variable) : void 0;
  if (payment) return [{ kind: "payment-key", identity: payment.identity, otherIdentities: [], display: payment.title, secrets: payment.secret ? [payment.secret] : [] }];
  if (variable === "use_env_variable" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return [secretIdentity(value)];
  const stackTokens = variable ? tokensOfVariable(variable) : [];
  if (stackTokens.includes("stack") && (/^[\w.-]+\/[\w.-]+\/[\w.-]+$/.test(value) || stackTokens.join(" ") === "stack name" && /^[\w./-]+$/.test(value))) {
    const stack = stackIdentity("pulumi", value);
    return stack ? [stack] : [];
  }
  if (/\s/.test(value) && !value.includes(";")) return [];
  if (isDatabaseUrl(value)) {
    const identity = databaseUrlIdentity(value);
    return identity ? [identity] : [];
  }
  const bucket = value.includes("://") || value.startsWith("arn:") ? bucketUrlIdentity(value) : void 0;
  if (bucket) return [bucket];
  if (/^https?:\/\/[a-z]{20}\.supabase\.(co|in)\/?$/.test(value)) {
    const supabase = supabaseProjectIdentity(value);
    return supabase ? [supabase] : [];
  }
  if (/^vol-[0-9a-f]{8}([0-9a-f]{9})?$/.test(value)) {
    const volume = volumeIdentity(value);
    return volume ? [volume] : [];
  }
  if (value.startsWith("arn:aws")) {
    const secret = secretArnIdentity(value);
    if (secret) return [secret];
  }
  const cloudSql = cloudSqlIdentity(value);
  if (cloudSql) return [cloudSql];
  if (MANAGED_DATABASE_HOST.test(value) && !(isDatabaseHostVariable(context) && /^[a-z0-9.-]+(:\d+)?$/i.test(value))) {
    const host = databaseHostIdentity(value);
    if (host) return [host];
  }
  if (/;/.test(value) && /(^|;)\s*(server|data source|host|address)\s*=/i.test(value)) {
    const connection = connectionStringIdentity(value);
    return connection ? [connection] : [];
  }
  if (!variable) return [];
  const tokens = tokensOfVariable(variable);
  const has = (...words2) => words2.every((word) => tokens.includes(word));
  if ((tokens.includes("bucket") || tokens.includes("buckets")) && !tokens.some((token) => STATE_WORDS.has(token))) {
    const named = bucketIdentity(value.replace(/^(s3|gs):\/\//, "").split("/")[0], tokens.includes("gcs") ? "gcs" : tokens.includes("s3") ? "s3" : void 0);
    return named ? [named] : [];
  }
  if (isDatabaseHostVariable(context) && /^(https?:\/\/)?[a-z0-9.-]+(:\d+)?\/?$/i.test(value)) {
    const port = Number(context.siblings?.get("port") ?? context.siblings?.get("PORT") ?? NaN);
    const database = context.siblings?.get("database") ?? context.siblings?.get("NAME") ?? context.siblings?.get("dbname");
    const engine = DRIVER_KEYS.map((key) => context.siblings?.get(key)).find((driver) => driver !== void 0);
    const user = USER_KEYS.map((key) => context.siblings?.get(key)).find((name) => name !== void 0);
    const host = databaseHostIdentity(value, { port: Number.isFinite(port) ? port : void 0, database, engine: engine ? engineName(engine) : void 0, user });
    return host ? [host] : [];
  }
  if (tokens.includes("identifier") && tokens.some((token) => ["db", "rds", "database", "aurora", "cluster", "instance"].includes(token))) {
    const rds2 = rdsIdentity(value);
    return rds2 ? [rds2] : [];
  }
  if (tokens.includes("table") && (tokens.includes("dynamo") || tokens.includes("dynamodb") || tokens.join(" ") === "table name" || tokens.join(" ") === "table")) {
    const table = dynamoTableIdentity(value);
    return table ? [table] : [];
  }
  if (has("supabase", "project") || has("supabase", "ref")) {
    const supabase = supabaseProjectIdentity(value);
    return supabase ? [supabase] : [];
  }
  if (has("neon", "project")) {
    const neon = neonProjectIdentity(value);
    return neon ? [neon] : [];
  }
  if (tokens.includes("account") && (tokens.includes("aws") || tokens.includes("id") || tokens.includes("ids") || tokens.includes("cdk")) && /^\d{12}$/.test(value)) {
    const account = awsAccountIdentity(value);
    return account ? [account] : [];
  }
  if (isProjectVariable(variable, tokens, context)) {
    const project = gcpProjectIdentity(value, tokens.includes("firebase"));
    return project ? [project] : [];
  }
  if (tokens.includes("heroku") && tokens.includes("app")) {
    const app = appIdentity(value, "heroku");
    return app ? [app] : [];
  }
  if (tokens.includes("fly") && tokens.includes("app")) {
    const app = appIdentity(value, "fly");
    return app ? [app] : [];
  }
  if (tokens.some((token) => CREDENTIAL_FILE_WORDS.has(token)) && /^[~.]?[\w./-]*\/[\w.-]+$|^[\w.-]+\.(json|pem|key|p12|pfx|crt|ya?ml|conf|config)$/.test(value) && !value.includes("://")) {
    return [secretIdentity(value, "file")];
  }
  if (["aws_profile", "aws_default_profile"].includes(variable.toLowerCase()) && /^[\w.-]+$/.test(value)) return [secretIdentity(value, "aws-profile")];
  if (variable === "key" && context.path.includes("remoteRef")) return [secretIdentity(value, "external")];
  if (variable === "path" && context.path.includes("hostPath") || variable === "source" && context.siblings?.get("type") === "bind") {
    const host = /^[/~]/.test(value) ? volumeIdentity(value, "hostpath") : void 0;
    return host ? [host] : [];
  }
  if (variable === "volumes") {
    const bind = /^([/~][^:]*):\//.exec(value);
    const host = bind ? volumeIdentity(bind[1], "hostpath") : void 0;
    return host ? [host] : [];
  }
  if ((tokens.includes("existing") || tokens.includes("claim")) && tokens.includes("claim")) {
    const claim = /^[a-z0-9][a-z0-9.-]*$/.test(value) ? volumeIdentity(value, "pvc") : void 0;
    return claim ? [claim] : [];
  }
  if (tokens.includes("volume") && (tokens.includes("id") || tokens.includes("handle"))) {
    const volume = volumeIdentity(value);
    return volume ? [volume] : [];
  }
  return [];
}
function isProjectVariable(variable, tokens, context) {
  if (!tokens.includes("project") && !tokens.includes("projectid")) return false;
  const compact = variable.toLowerCase().replace(/[^a-z]/g, "");
  if (["googlecloudproject", "gcloudproject", "gcpproject", "gcpprojectid", "googleprojectid", "googlecloudprojectid", "firebaseprojectid", "firebaseproject", "cloudsdkcoreproject", "gcloudprojectid"].includes(compact)) return true;
  if (variable === "PROJECT_ID") return true;
  return context.projectKeys === true && ["project", "projectid"].includes(compact);
}
function engineName(driver) {
  const lower = driver.toLowerCase();
  if (/postg|pg/.test(lower)) return "postgres";
  if (/mysql|maria|trilogy/.test(lower)) return "mysql";
  if (/mongo/.test(lower)) return "mongodb";
  if (/mssql|sqlserver|tedious/.test(lower)) return "sqlserver";
  return lower.replace(/[^a-z0-9]/g, "");
}
var REFERENCES = [
  { regex: /\$\{\{[^}]*?\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g, build: (m) => ({ identity: secretIdentity(m[2]), ciSecret: m[1] === "secrets" }) },
  { regex: /\$\{ssm(?:\([^)]*\))?:\s*([^},~]+)/g, build: (m) => ({ identity: secretIdentity(m[1].trim(), "ssm"), ciSecret: true }) },
  { regex: /\{\{resolve:ssm(?:-secure)?:([^:}]+)/g, build: (m) => ({ identity: secretIdentity(m[1], "ssm"), ciSecret: true }) },
  { regex: /\{\{resolve:secretsmanager:([^:}]+)/g, build: (m) => ({ identity: secretIdentity(m[1], "aws-secrets-manager"), ciSecret: true }) },
  { regex: /\$\{cf(?:\([^)]*\))?:([A-Za-z0-9-]+)\.[A-Za-z0-9]+/g, build: (m) => {
    const id = stackIdentity("cf", m[1]);
    return id ? { identity: id, ciSecret: false } : void 0;
  } },
  { regex: /\$\{(?!\{)(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}/g, build: (m) => ({ identity: secretIdentity(m[1]), ciSecret: false }) },
  { regex: /ENV(?:\.fetch\(\s*|\[\s*)["']([A-Za-z_][A-Za-z0-9_]*)["']/g, build: (m) => ({ identity: secretIdentity(m[1]), ciSecret: false }) }
];
function referencesIn(value) {
  if (!/\$\{|\{\{|ENV/.test(value)) return [];
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  for (const { regex, build } of REFERENCES) {
    regex.lastIndex = 0;
    for (let match = regex.exec(value); match; match = regex.exec(value)) {
      const built = build(match);
      if (!built || seen.has(`${match.index}:${built.identity.identity}`)) continue;
      if ([...seen].some((key) => key.startsWith(`${match.index}:`))) continue;
      seen.add(`${match.index}:${built.identity.identity}`);
      found.push({ ...built, offset: match.index });
    }
  }
  return found;
}

// detectors/staging-reaches-production/scan/tree.ts
var BASE_KEYS = /* @__PURE__ */ new Set(["default", "defaults", "base", "common", "shared", "global", "all"]);
var ENVIRONMENT_KEY = /^(pr-?\d+|deploy-preview|branch-deploy|pre-prod)$/i;
var SENSITIVE_WORDS = /* @__PURE__ */ new Set([
  "db",
  "database",
  "dsn",
  "url",
  "uri",
  "host",
  "password",
  "passwd",
  "pwd",
  "pass",
  "secret",
  "secrets",
  "token",
  "key",
  "keys",
  "credentials",
  "creds",
  "bucket",
  "conn",
  "connection",
  "postgres",
  "pg",
  "mysql",
  "mongo",
  "mongodb",
  "redis",
  "supabase",
  "kubeconfig",
  "access",
  "auth",
  "cert",
  "private",
  "service",
  "account",
  "state",
  "stripe"
]);
function walkSection(rec, section2, options) {
  const keys = /* @__PURE__ */ new Set();
  visit(rec, section2, options, section2.node, section2.path, [], void 0, keys);
  if (section2.role === "layer" && section2.family) rec.layer(section2.family, section2.tag, section2.span, keys);
}
function visit(rec, section2, options, node, path2, relative, parent, keys) {
  if (node.kind === "map") {
    const entries = options.lastKeyWins ? effectiveEntries(node) : node.entries;
    const explicit = options.explicitEnvironmentMaps?.includes(relative.filter((step) => typeof step === "string").join("."));
    const generic = options.envMaps && (relative.length > 0 || options.rootEnvironmentMaps === true) && isEnvironmentMap(entries);
    if (explicit || generic) {
      openEnvironmentSections(rec, section2, options, entries, path2);
      return;
    }
    for (const entry of entries) visit(rec, section2, options, entry.value, [...path2, entry.key], [...relative, entry.key], node, keys);
    return;
  }
  if (node.kind === "seq") {
    node.items.forEach((item, index) => {
      if (item.kind === "scalar" && typeof item.value === "string" && item.expression === void 0) {
        const pair = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/s.exec(item.value);
        if (pair && relative.length > 0) {
          leaf(rec, section2, options, item, pair[2], pair[1], [...path2, pair[1]], [...relative, pair[1]], void 0, keys);
          return;
        }
      }
      if (item.kind === "map") {
        const name = item.entries.find((entry) => entry.key === "name")?.value;
        const value = item.entries.find((entry) => entry.key === "value")?.value;
        if (name?.kind === "scalar" && typeof name.value === "string" && value?.kind === "scalar" && item.entries.length <= 3) {
          const text = value.expression === void 0 && typeof value.value === "string" ? value.value : void 0;
          if (text !== void 0) {
            leaf(rec, section2, options, value, text, name.value, [...path2, index, "value"], [...relative, name.value], void 0, keys);
            return;
          }
        }
      }
      visit(rec, section2, options, item, [...path2, index], relative, void 0, keys);
    });
    return;
  }
  const key = [...relative].reverse().find((step) => typeof step === "string") ?? section2.lookupKey;
  if (node.expression !== void 0) {
    keys.add(variableName(relative));
    expression(rec, section2, options, node, relative);
    return;
  }
  if (node.value === null || typeof node.value === "boolean") {
    keys.add(variableName(relative));
    return;
  }
  leaf(rec, section2, options, node, String(node.value), key, path2, relative, parent, keys);
}
function leaf(rec, section2, options, node, value, key, path2, relative, parent, keys) {
  const variable = variableName(relative);
  keys.add(variable);
  const identities = identifyValue(value, {
    variable: key,
    path: path2,
    siblings: parent ? cachedSiblings(parent) : void 0,
    projectKeys: options.projectKeys,
    databaseFile: options.databaseFile
  });
  for (const identity of identities) rec.resource(section2.tag, identity, node.span, { variable: variable || (key ?? ""), family: section2.family });
  if (options.references && identities.length === 0) {
    for (const reference of referencesIn(value)) recordReference(rec, section2, node, value, reference, variable);
  }
}
function expression(rec, section2, options, node, relative) {
  const text = node.expression ?? "";
  const variable = variableName(relative);
  if (node.tag === "!ImportValue" && typeof node.value === "string") {
    const stack = stackIdentity("cf", node.value);
    if (stack) rec.resource(section2.tag, { ...stack, display: `CloudFormation export ${node.value}` }, node.span, { variable, family: section2.family });
    return;
  }
  if (!options.references || node.tag) return;
  for (const reference of referencesIn(text)) recordReference(rec, section2, node, text, reference, variable);
}
function recordReference(rec, section2, node, value, reference, variable) {
  const identity = reference.identity;
  if (identity.kind === "secret" && !reference.ciSecret && !identity.identity.startsWith("secret:ssm:") && !identity.identity.startsWith("secret:aws:")) {
    const tokens = tokensOf(identity.name ?? "");
    if (!tokens.some((token) => SENSITIVE_WORDS.has(token))) return;
  }
  const lines = value.slice(0, reference.offset).split("\n").length - 1;
  const span = lines > 0 ? { ...node.span, line: node.span.line + lines + (blockScalar(rec, node) ? 1 : 0) } : node.span;
  rec.resource(section2.tag, identity, span, { variable, family: section2.family });
}
function blockScalar(rec, node) {
  return /[|>][-+]?\d*\s*$/.test(rec.file.line(node.span.line));
}
function openEnvironmentSections(rec, outer, options, entries, path2) {
  const family = `envmap:${rec.file.path}#${path2.join(".")}`;
  for (const entry of entries) {
    const tag = namedTag(entry.key, "key");
    const inner = {
      node: entry.value,
      path: [...path2, entry.key],
      tag: tag === BASE ? outer.tag.environment === "base" ? BASE : outer.tag : tag,
      family,
      role: tag === BASE ? "base" : "layer",
      span: entry.keySpan,
      lookupKey: [...path2].reverse().find((step) => typeof step === "string")
    };
    if (tag === BASE && outer.tag.environment !== "base") inner.role = "plain";
    walkSection(rec, inner, { ...options, explicitEnvironmentMaps: void 0 });
  }
}
function isEnvironmentMap(entries) {
  if (entries.length < 2) return false;
  let environments = 0;
  for (const entry of entries) {
    const lower = entry.key.toLowerCase();
    if (BASE_KEYS.has(lower)) continue;
    if (!(tokensOf(entry.key).length === 1 || ENVIRONMENT_KEY.test(entry.key)) || !canonicalEnvironment(entry.key)) return false;
    environments++;
  }
  return environments >= 2;
}
function effectiveEntries(map) {
  const last = /* @__PURE__ */ new Map();
  for (const entry of map.entries) last.set(entry.key, entry);
  if (last.size === map.entries.length) return map.entries;
  return [...last.values()];
}
var SIBLINGS = /* @__PURE__ */ new WeakMap();
function cachedSiblings(map) {
  let values = SIBLINGS.get(map);
  if (!values) SIBLINGS.set(map, values = siblingValues(map));
  return values;
}
function siblingValues(map) {
  const values = /* @__PURE__ */ new Map();
  for (const entry of effectiveEntries(map)) {
    if (entry.value.kind === "scalar" && entry.value.expression === void 0 && entry.value.value !== null) values.set(entry.key, String(entry.value.value));
  }
  return values;
}
function variableName(relative) {
  return relative.filter((step) => typeof step === "string").join(".");
}

// detectors/staging-reaches-production/scan/sections.ts
function topSection(cls, root) {
  return { node: root, path: [], tag: cls.tag, family: cls.family, role: cls.role, span: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
}
function walkOptions(cls) {
  const flat = cls.format === "dotenv" || cls.format === "properties" || cls.format === "ini";
  return {
    envMaps: true,
    references: true,
    lastKeyWins: cls.format !== "hcl",
    projectKeys: cls.format === "hcl" || cls.kind === "firebaserc",
    rootEnvironmentMaps: !flat
  };
}

// detectors/staging-reaches-production/scan/handlers/dotenv.ts
var ENVIRONMENT_VARIABLES = /* @__PURE__ */ new Set([
  "APP_ENV",
  "APPLICATION_ENV",
  "APP_ENVIRONMENT",
  "ENVIRONMENT",
  "ENVIRONMENT_NAME",
  "ENV",
  "ENV_NAME",
  "DEPLOY_ENV",
  "DEPLOYMENT_ENV",
  "DEPLOYMENT_ENVIRONMENT",
  "TARGET_ENV",
  "STAGE",
  "RAILS_ENV",
  "DJANGO_ENV",
  "DJANGO_SETTINGS_MODULE",
  "RAILWAY_ENVIRONMENT_NAME",
  "RAILWAY_ENVIRONMENT",
  "VERCEL_ENV",
  "ASPNETCORE_ENVIRONMENT",
  "DOTNET_ENVIRONMENT",
  "SPRING_PROFILES_ACTIVE",
  "SENTRY_ENVIRONMENT",
  // App and namespace names with an environment suffix (`acme-api-staging`).
  "HEROKU_APP_NAME",
  "FLY_APP_NAME",
  "NAMESPACE",
  "K8S_NAMESPACE",
  "KUBE_NAMESPACE"
]);
function valueTag(entries) {
  for (const entry of entries) {
    if (!ENVIRONMENT_VARIABLES.has(entry.key.toUpperCase())) continue;
    if (entry.value.kind !== "scalar" || entry.value.expression !== void 0 || typeof entry.value.value !== "string") continue;
    let name = entry.value.value.trim();
    if (entry.key.toUpperCase() === "DJANGO_SETTINGS_MODULE") name = name.split(".").pop() ?? "";
    if (entry.key.toUpperCase() === "SPRING_PROFILES_ACTIVE") name = name.split(",")[0].trim();
    if (!/^[A-Za-z][A-Za-z0-9_-]{1,30}$/.test(name)) continue;
    const tag = namedTag(name, "value");
    if (tag !== BASE && tag.environment) return tag;
  }
  return void 0;
}
function scanDotenv(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const entries = effectiveEntries(root);
  let tag = cls.tag;
  let family = cls.family;
  let role = cls.role;
  if (tag.environment === "base") {
    const byValue = valueTag(entries);
    if (byValue) {
      tag = byValue;
      family = void 0;
      role = "plain";
    }
  }
  const literals = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    if (entry.value.kind === "scalar" && entry.value.expression === void 0 && entry.value.value !== null) literals.set(entry.key, String(entry.value.value));
  }
  const keys = [];
  for (const entry of entries) {
    const node = entry.value;
    if (node.kind !== "scalar") continue;
    keys.push(entry.key);
    const raw = node.expression ?? (node.value === null ? "" : String(node.value));
    const resolved = resolveReferences(raw, literals);
    const identities = identifyValue(resolved, { variable: entry.key, path: [entry.key] });
    for (const identity of identities) rec.resource(tag, identity, node.span, { variable: entry.key, family: role === "plain" ? void 0 : family });
    if (identities.length > 0) continue;
    for (const reference of referencesIn(raw)) {
      const name = reference.identity.name ?? "";
      if (literals.has(name)) continue;
      if (!tokensOf(name).some((token) => SENSITIVE.has(token))) continue;
      rec.resource(tag, reference.identity, node.span, { variable: entry.key, family: role === "plain" ? void 0 : family });
    }
  }
  if (role === "layer" && family) rec.layer(family, tag, { line: 1, column: 1, endLine: 1, endColumn: 1 }, keys);
}
var SENSITIVE = /* @__PURE__ */ new Set(["db", "database", "dsn", "url", "uri", "host", "password", "pass", "pwd", "secret", "token", "key", "credentials", "bucket", "postgres", "pg", "mysql", "mongo", "mongodb", "redis", "supabase", "stripe", "conn", "connection"]);
function resolveReferences(value, literals) {
  if (!value.includes("$")) return value;
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, bare) => {
    const name = braced ?? bare ?? "";
    const found = literals.get(name);
    return found !== void 0 && !found.includes("$") ? found : whole;
  });
}

// detectors/staging-reaches-production/scan/handlers/compose.ts
function scanComposeFile(rec, cls, document) {
  for (const root of document.roots) {
    walkSection(rec, topSection(cls, root), { ...walkOptions(cls), envMaps: false });
    const volumes = get(root, "volumes");
    if (volumes?.kind !== "map") continue;
    for (const entry of effectiveEntries(volumes)) {
      const spec = entry.value;
      const explicitName = spec.kind === "map" ? get(spec, "name") : void 0;
      const externalNode = spec.kind === "map" ? get(spec, "external") : void 0;
      const external = externalNode?.kind === "scalar" && (externalNode.value === true || externalNode.value === "true");
      const externalName = externalNode?.kind === "map" ? get(externalNode, "name") : void 0;
      const nameNode = explicitName ?? externalName;
      const name = literalString(nameNode) ?? (external || externalName ? entry.key : void 0);
      if (!name) continue;
      const identity = volumeIdentity(name, "docker");
      if (!identity) continue;
      rec.resource(cls.tag, identity, (nameNode ?? entry.value).span, {
        variable: `volumes.${entry.key}`,
        family: cls.family,
        declared: !external && externalName === void 0
      });
    }
  }
}

// detectors/staging-reaches-production/scan/handlers/kubernetes.ts
function namespaceTag(cls, root) {
  if (cls.tag.environment !== "base" || cls.role === "base") return void 0;
  const candidates = [getPath(root, ["metadata", "namespace"]), get(root, "namespace"), get(root, "environment"), getPath(root, ["global", "environment"])];
  for (const candidate of candidates) {
    const name = literalString(candidate);
    if (!name || !canonicalEnvironment(name)) continue;
    return namedTag(name, "value");
  }
  return void 0;
}
function valueTaggedSection(_rec, cls, root) {
  const tag = namespaceTag(cls, root);
  return tag ? { ...topSection(cls, root), tag, family: void 0, role: "plain" } : void 0;
}
function scanKubernetesDocument(rec, cls, document) {
  if (document.kind !== "map") return;
  const root = withDecodedSecretData(document);
  const tag = namespaceTag(cls, root) ?? cls.tag;
  const section2 = { ...topSection(cls, root), tag, family: tag === cls.tag ? cls.family : void 0, role: tag === cls.tag ? cls.role : "plain" };
  walkSection(rec, section2, { ...walkOptions(cls), envMaps: false });
  const kind = literalString(get(root, "kind"));
  const name = literalString(getPath(root, ["metadata", "name"]));
  const spec = get(root, "spec");
  const record2 = (identity, node, variable, declared = false) => {
    if (identity && node) rec.resource(tag, identity, node.span, { variable, declared });
  };
  if (kind === "PersistentVolume") {
    const handle = getPath(spec, ["csi", "volumeHandle"]);
    const ebs = getPath(spec, ["awsElasticBlockStore", "volumeID"]);
    const pd = getPath(spec, ["gcePersistentDisk", "pdName"]);
    const azure = getPath(spec, ["azureDisk", "diskURI"]);
    const nfsServer = literalString(getPath(spec, ["nfs", "server"]));
    const nfsPath = literalString(getPath(spec, ["nfs", "path"]));
    for (const [node, variable] of [[handle, "spec.csi.volumeHandle"], [ebs, "spec.awsElasticBlockStore.volumeID"], [pd, "spec.gcePersistentDisk.pdName"], [azure, "spec.azureDisk.diskURI"]]) {
      const value = literalString(node);
      if (value) record2(volumeIdentity(value), node, variable, true);
    }
    if (nfsServer && nfsPath && !/^(localhost|127\.)/.test(nfsServer)) {
      const node = getPath(spec, ["nfs", "server"]);
      const id = `${nfsServer.toLowerCase()}:${nfsPath}`;
      record2({ kind: "volume", identity: `volume:nfs:${id}`, otherIdentities: [], display: `NFS share ${id}`, name: id, secrets: [] }, node, "spec.nfs", true);
    }
    const metadataName = getPath(root, ["metadata", "name"]);
    if (name) record2(volumeIdentity(name, "pv"), metadataName, "metadata.name", true);
  }
  if (kind === "PersistentVolumeClaim") {
    const volumeName = getPath(spec, ["volumeName"]);
    const value = literalString(volumeName);
    if (value) record2(volumeIdentity(value, "pv"), volumeName, "spec.volumeName");
  }
  if (kind === "Service" && literalString(get(spec, "type")) === "ExternalName") {
    const external = get(spec, "externalName");
    const host = literalString(external);
    const dataName = name ? tokensOf(name).some((token) => /^(db|database|postgres|postgresql|pg|mysql|mariadb|mongo|mongodb|redis|cache)$/.test(token)) : false;
    if (host && (dataName || /\.(rds\.amazonaws\.com|database\.azure\.com|database\.windows\.net|mongodb\.net|cache\.amazonaws\.com)$/.test(host))) {
      const identity = databaseHostIdentity(host);
      if (identity && external) rec.resource(tag, identity, external.span, { variable: "spec.externalName" });
    }
  }
  recordSecretReferences(rec, tag, root, []);
}
var SECRET_REFERENCE_PARENTS = /* @__PURE__ */ new Set(["secretKeyRef", "secretRef"]);
function recordSecretReferences(rec, tag, node, path2) {
  if (node.kind === "seq") {
    for (const item of node.items) recordSecretReferences(rec, tag, item, path2);
    return;
  }
  if (node.kind !== "map") return;
  const parent = path2[path2.length - 1];
  for (const entry of node.entries) {
    const isName = entry.key === "name" && parent !== void 0 && SECRET_REFERENCE_PARENTS.has(parent) || entry.key === "secretName" && parent === "secret";
    const value = isName ? literalString(entry.value) : void 0;
    if (value && /^[a-z0-9][a-z0-9.-]*$/.test(value)) rec.resource(tag, secretIdentity(value, "k8s"), entry.value.span, { variable: [...path2, entry.key].join(".") });
    else recordSecretReferences(rec, tag, entry.value, [...path2, entry.key]);
  }
}

// detectors/staging-reaches-production/scan/handlers/terraform.ts
var STORE_ATTRIBUTES = lookupTable({
  aws_db_instance: { attribute: "identifier", identity: rdsIdentity },
  aws_rds_cluster: { attribute: "cluster_identifier", identity: rdsIdentity },
  aws_db_proxy: { attribute: "name", identity: rdsIdentity },
  aws_s3_bucket: { attribute: "bucket", identity: (value) => bucketIdentity(value, "s3") },
  google_storage_bucket: { attribute: "name", identity: (value) => bucketIdentity(value, "gcs") },
  google_project: { attribute: "project_id", identity: (value) => gcpProjectIdentity(value) },
  aws_dynamodb_table: { attribute: "name", identity: dynamoTableIdentity },
  heroku_app: { attribute: "name", identity: (value) => appIdentity(value, "heroku") }
});
var LOOKUP_ATTRIBUTES = lookupTable({
  aws_db_instance: { attribute: "db_instance_identifier", identity: rdsIdentity },
  aws_rds_cluster: { attribute: "cluster_identifier", identity: rdsIdentity },
  aws_s3_bucket: { attribute: "bucket", identity: (value) => bucketIdentity(value, "s3") },
  google_storage_bucket: { attribute: "name", identity: (value) => bucketIdentity(value, "gcs") }
});
function scanTerraform(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const values = {
    ...root,
    entries: root.entries.filter((entry) => entry.key !== "terraform" && !(entry.key === "data" && entry.value.kind === "map" && entry.value.block?.labels[0] === "terraform_remote_state"))
  };
  walkSection(rec, topSection(cls, values), walkOptions(cls));
  for (const entry of root.entries) {
    const block2 = entry.value.kind === "map" ? entry.value : void 0;
    if (!block2?.block) continue;
    const [type, name] = block2.block.labels;
    if (entry.key === "resource" && type) {
      const store = STORE_ATTRIBUTES[type];
      if (store) recordAttribute(rec, cls.tag, block2, store.attribute, store.identity, `${type}.${name}.${store.attribute}`, true);
      if (type === "vercel_project_environment_variable") vercelVariable(rec, block2, cls.tag);
      if (type === "vercel_project") for (const item of seqMaps(get(block2, "environment"))) vercelVariable(rec, item, cls.tag);
    }
    if (entry.key === "data" && type) {
      const lookup = LOOKUP_ATTRIBUTES[type];
      if (lookup) recordAttribute(rec, cls.tag, block2, lookup.attribute, lookup.identity, `data.${type}.${name}.${lookup.attribute}`, false);
      if (type === "terraform_remote_state") remoteState(rec, cls.tag, block2, name ?? "");
    }
    if (entry.key === "terraform") {
      for (const inner of block2.entries) {
        const backend = inner.value.kind === "map" ? inner.value : void 0;
        if ((inner.key === "backend" || inner.key === "cloud") && backend) {
          const kind = inner.key === "cloud" ? "cloud" : backend.block?.labels[0] ?? "";
          const config = stringAttributes(backend);
          const workspaces = get(backend, "workspaces");
          if (workspaces?.kind === "map") config.name = literalString(get(workspaces, "name"));
          const identity = terraformStateIdentity(kind, config);
          if (identity) rec.resource(cls.tag, identity, backend.span, { variable: `terraform.backend.${kind}`, declared: true });
        }
      }
    }
  }
  workspaceConditions(rec, cls, root);
}
function scanTerragrunt(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const values = { ...root, entries: root.entries.filter((entry) => entry.key !== "remote_state" && entry.key !== "dependency" && entry.key !== "generate") };
  walkSection(rec, topSection(cls, values), walkOptions(cls));
  const directory = rec.file.path.includes("/") ? rec.file.path.slice(0, rec.file.path.lastIndexOf("/")) : "";
  for (const entry of root.entries) {
    const block2 = entry.value.kind === "map" ? entry.value : void 0;
    if (!block2) continue;
    if (entry.key === "dependency") {
      const configPath = get(block2, "config_path");
      const path2 = literalString(configPath);
      if (!path2 || !configPath) continue;
      const resolved = resolvePath(directory, path2);
      const identity = terraformStateIdentity("dir", { path: resolved });
      if (identity) rec.resource(cls.tag, identity, configPath.span, { variable: `dependency.${block2.block?.labels[0] ?? ""}.config_path` });
    }
    if (entry.key === "remote_state") {
      const backend = literalString(get(block2, "backend"));
      const config = get(block2, "config");
      if (backend && config?.kind === "map") {
        const identity = terraformStateIdentity(backend, stringAttributes(config));
        if (identity) rec.resource(cls.tag, identity, config.span, { variable: "remote_state", declared: true });
      }
    }
  }
}
function recordAttribute(rec, tag, block2, attribute2, build, variable, declared) {
  const node = get(block2, attribute2);
  const value = literalString(node);
  const identity = value ? build(value) : void 0;
  if (identity && node) rec.resource(tag, identity, node.span, { variable, declared });
}
function remoteState(rec, tag, block2, name) {
  const backend = literalString(get(block2, "backend")) ?? "";
  const config = get(block2, "config");
  if (config?.kind !== "map") return;
  const attributes = stringAttributes(config);
  const workspace = literalString(get(block2, "workspace"));
  if (workspace) attributes.workspace = workspace;
  const workspaces = get(config, "workspaces");
  if (workspaces?.kind === "map") attributes.name = literalString(get(workspaces, "name"));
  const identity = terraformStateIdentity(backend, attributes);
  if (identity) rec.resource(tag, identity, block2.span, { variable: `data.terraform_remote_state.${name}` });
}
function vercelVariable(rec, block2, fallback) {
  const key = literalString(get(block2, "key"));
  const valueNode = get(block2, "value");
  const value = literalString(valueNode);
  const targets = get(block2, "target");
  if (!key || !value || !valueNode) return;
  const identities = identifyValue(value, { variable: key, path: [key] });
  const names = targets?.kind === "seq" ? targets.items.map((item) => literalString(item)).filter((item) => !!item) : [];
  const tags = names.length > 0 ? names.map((target) => ({ environment: canonicalEnvironment(target), name: target, evidence: "key" })) : [fallback];
  for (const tag of tags) for (const identity of identities) rec.resource(tag, identity, valueNode.span, { variable: key });
}
function workspaceConditions(rec, cls, node, key) {
  if (node.kind === "map") {
    for (const entry of node.entries) workspaceConditions(rec, cls, entry.value, entry.key);
    return;
  }
  if (node.kind === "seq") {
    for (const item of node.items) workspaceConditions(rec, cls, item, key);
    return;
  }
  const text = node.expression;
  if (!text || !key) return;
  const match = /(terraform\.workspace|var\.(?:env|environment|stage|workspace))\s*(==|!=)\s*"([^"]+)"\s*\?\s*"([^"$]*)"\s*:\s*"([^"$]*)"/.exec(text);
  if (!match) return;
  const named = canonicalEnvironment(match[3]);
  const [first, second] = match[2] === "==" ? [match[4], match[5]] : [match[5], match[4]];
  const namedTag2 = { environment: named, name: match[3], evidence: "key" };
  record(rec, namedTag2, first, key, node);
  if (named === "production") record(rec, { environment: "staging", name: `workspaces other than ${match[3]}`, evidence: "key" }, second, key, node);
}
function record(rec, tag, value, key, node) {
  for (const identity of identifyValue(value, { variable: key, path: [key] })) rec.resource(tag, identity, node.span, { variable: key });
  if (/host|endpoint|address/i.test(key)) {
    const host = databaseHostIdentity(value);
    if (host) rec.resource(tag, host, node.span, { variable: key });
  }
}
function stringAttributes(map) {
  const values = {};
  for (const entry of map.entries) {
    const value = literalString(entry.value);
    if (value !== void 0) values[entry.key] = value;
  }
  return values;
}
function seqMaps(node) {
  if (!node) return [];
  if (node.kind === "seq") return node.items.filter((item) => item.kind === "map");
  return [];
}
function resolvePath(directory, relative) {
  const parts = relative.startsWith("/") ? [] : directory.split("/").filter(Boolean);
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

// detectors/staging-reaches-production/scan/handlers/platforms.ts
function mapOf(node) {
  return node?.kind === "map" ? node : void 0;
}
function section(node, path2, tag, role, family, span = node.span) {
  return { node, path: path2, tag, role, family, span };
}
function scanRender(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const previews = literalString(getPath(root, ["previews", "generation"]));
  const previewsOn = previews !== void 0 && previews !== "off" || literalString(get(root, "previewsEnabled")) === "true" || getBoolean(get(root, "previewsEnabled"));
  const projects = get(root, "projects");
  if (projects && projects.kind !== "seq") rec.notify("environment-config-unreadable", `${rec.file.path}: "projects" is not a list; Render environments in it were not read.`);
  if (projects?.kind === "seq") {
    for (const project of projects.items) {
      const environments = get(project, "environments");
      if (environments?.kind !== "seq") continue;
      for (const environment of environments.items) {
        const name = literalString(get(environment, "name"));
        if (!name || environment.kind !== "map") continue;
        renderScope(rec, environment, namedTag(name, "key"), false);
      }
    }
  }
  const production = cls.tag.environment !== "base" ? cls.tag : { environment: "production", name: "production", evidence: "key" };
  renderScope(rec, root, production, previewsOn);
}
function getBoolean(node) {
  return node?.kind === "scalar" && node.value === true;
}
function renderScope(rec, scope, tag, previewsCopyLiterals) {
  const preview = { environment: "preview", name: "preview environments", evidence: "key" };
  const databases = get(scope, "databases");
  if (databases?.kind === "seq") {
    for (const database of databases.items) {
      const nameNode = get(database, "name");
      const name = literalString(nameNode);
      const identity = name ? renderDatabaseIdentity(name) : void 0;
      if (identity && nameNode) rec.resource(tag, identity, nameNode.span, { variable: "databases.name", declared: true });
    }
  }
  for (const listKey of ["services", "envVarGroups"]) {
    const list = get(scope, listKey);
    if (list?.kind !== "seq") continue;
    for (const service of list.items) {
      const envVars = get(service, "envVars");
      if (envVars?.kind !== "seq") continue;
      for (const variable of envVars.items) {
        const key = literalString(get(variable, "key"));
        if (!key) continue;
        const fromDatabase = literalString(getPath(variable, ["fromDatabase", "name"]));
        const fromNode = getPath(variable, ["fromDatabase", "name"]);
        if (fromDatabase && fromNode) {
          const identity = renderDatabaseIdentity(fromDatabase);
          if (identity) rec.resource(tag, identity, fromNode.span, { variable: key });
          continue;
        }
        const valueNode = get(variable, "value");
        const value = literalString(valueNode);
        if (!value || !valueNode) continue;
        for (const identity of identifyValue(value, { variable: key, path: [listKey, key] })) {
          rec.resource(tag, identity, valueNode.span, { variable: key });
          if (previewsCopyLiterals && identity.kind !== "payment-key") rec.resource(preview, identity, valueNode.span, { variable: key });
        }
      }
      const disk = get(service, "disk");
      const diskName = literalString(get(disk, "name"));
      const serviceName = literalString(get(service, "name"));
      if (diskName && disk && serviceName) {
        const id = `${serviceName.toLowerCase()}/${diskName.toLowerCase()}`;
        rec.resource(tag, { kind: "volume", identity: `volume:render:${id}`, otherIdentities: [], display: `Render disk ${diskName} of ${serviceName}`, name: diskName, secrets: [] }, disk.span, { variable: "disk", declared: true });
      }
    }
  }
}
function scanFly(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const appNode = get(root, "app");
  const app = literalString(appNode);
  let tag = cls.tag;
  if (tag.environment === "base" && app) {
    const byName = canonicalEnvironment(app);
    if (byName) tag = { environment: byName, name: app, evidence: "value" };
    else if (/(^|\/)fly\.toml$/i.test(rec.file.path)) tag = { environment: "production", name: "fly.toml", evidence: "file-name" };
  }
  walkSection(rec, { ...topSection(cls, root), tag }, { ...walkOptions(cls), envMaps: false });
  const appId = app ? appIdentity(app, "fly") : void 0;
  if (appId && appNode) rec.resource(tag, appId, appNode.span, { variable: "app", declared: true, family: `fly:${directoryOf(rec.file.path)}` });
  const mounts = get(root, "mounts");
  const list = mounts?.kind === "seq" ? mounts.items : mounts ? [mounts] : [];
  for (const mount of list) {
    const source2 = get(mount, "source");
    const name = literalString(source2);
    const identity = name && app ? volumeIdentity(name, "fly", app) : void 0;
    if (identity && source2) rec.resource(tag, identity, source2.span, { variable: "mounts.source", declared: true });
  }
}
var NETLIFY_IMPLICIT = [
  { environment: "preview", name: "deploy-preview", evidence: "key" },
  { environment: "preview", name: "branch-deploy", evidence: "key" }
];
function scanNetlify(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const family = `netlify:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false };
  const base = getPath(root, ["build", "environment"]);
  if (base) walkSection(rec, section(base, ["build", "environment"], BASE, "base", family), options);
  const contexts = mapOf(get(root, "context"));
  const declared = /* @__PURE__ */ new Set();
  for (const entry of contexts ? effectiveEntries(contexts) : []) {
    const tag = netlifyContext(entry.key);
    declared.add(entry.key);
    const environment = get(entry.value, "environment");
    if (environment) walkSection(rec, section(environment, ["context", entry.key, "environment"], tag, "layer", family, entry.keySpan), options);
    else rec.layer(family, tag, entry.keySpan, []);
  }
  for (const implicit of NETLIFY_IMPLICIT) if (!declared.has(implicit.name)) rec.layer(family, implicit, { line: 1, column: 1, endLine: 1, endColumn: 1 }, [], true);
}
function netlifyContext(name) {
  if (/^(main|master|trunk)$/i.test(name)) return { environment: "production", name, evidence: "key" };
  return namedTag(name, "key");
}
function scanHerokuAppJson(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const isHeroku = ["env", "addons", "formation", "buildpacks", "environments", "scripts", "stack"].some((key) => get(root, key) !== void 0) && get(root, "expo") === void 0;
  if (!isHeroku) return;
  const family = `heroku:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false };
  const env = mapOf(get(root, "env"));
  if (env) walkSection(rec, section(flattenHerokuEnv(env), ["env"], BASE, "base", family), options);
  const environments = mapOf(get(root, "environments"));
  const declared = /* @__PURE__ */ new Set();
  for (const entry of environments ? effectiveEntries(environments) : []) {
    declared.add(entry.key);
    const tag = namedTag(entry.key, "key");
    const layerEnv = mapOf(get(entry.value, "env"));
    if (layerEnv) walkSection(rec, section(flattenHerokuEnv(layerEnv), ["environments", entry.key, "env"], tag, "layer", family, entry.keySpan), options);
    else rec.layer(family, tag, entry.keySpan, []);
  }
  if (!declared.has("review")) rec.layer(family, { environment: "preview", name: "review", evidence: "key" }, { line: 1, column: 1, endLine: 1, endColumn: 1 }, [], true);
}
function flattenHerokuEnv(env) {
  return {
    ...env,
    entries: env.entries.map((entry) => {
      const value = get(entry.value, "value");
      return value ? { ...entry, value } : entry;
    })
  };
}
function scanVercelJson(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const family = `vercel:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false };
  let any = false;
  for (const path2 of [["env"], ["build", "env"]]) {
    const node = getPath(root, path2);
    if (node?.kind !== "map") continue;
    any = true;
    walkSection(rec, section(node, path2, BASE, "base", family), options);
  }
  if (any) rec.layer(family, { environment: "preview", name: "preview", evidence: "key" }, { line: 1, column: 1, endLine: 1, endColumn: 1 }, [], true);
}
function scanFirebaserc(rec, _cls, document) {
  const root = document.roots[0];
  const projects = mapOf(get(root, "projects"));
  if (get(root, "projects") && !projects) rec.notify("environment-config-unreadable", `${rec.file.path}: "projects" is not a map of aliases; Firebase environments were not read.`);
  if (!projects) return;
  for (const entry of effectiveEntries(projects)) {
    const id = literalString(entry.value);
    const identity = id ? gcpProjectIdentity(id, true) : void 0;
    if (!id || !identity) continue;
    const tag = namedTag(entry.key, "key");
    const byName = canonicalEnvironment(id);
    const own = tag === BASE ? byName ? { environment: byName, name: id, evidence: "value" } : void 0 : tag;
    if (own) rec.resource(own, identity, entry.value.span, { variable: `projects.${entry.key}` });
  }
}
function scanSupabaseConfig(rec, _cls, document) {
  const root = document.roots[0];
  const remotes = mapOf(get(root, "remotes"));
  for (const entry of remotes ? effectiveEntries(remotes) : []) {
    const node = get(entry.value, "project_id");
    const ref = literalString(node);
    const identity = ref ? supabaseProjectIdentity(ref) : void 0;
    if (identity && node) rec.resource(namedTag(entry.key, "key"), identity, node.span, { variable: `remotes.${entry.key}.project_id` });
  }
}
function scanServerless(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const params = mapOf(get(root, "params"));
  const stages = mapOf(get(root, "stages"));
  if (get(root, "params") && !params || get(root, "stages") && !stages) {
    rec.notify("environment-config-unreadable", `${rec.file.path}: "params"/"stages" is not a map of stages; Serverless stages were not read.`);
  }
  const family = `serverless:${rec.file.path}`;
  const options = { ...walkOptions(cls), rootEnvironmentMaps: false };
  const rest = { ...root, entries: root.entries.filter((entry) => entry.key !== "params" && entry.key !== "stages") };
  const stageMaps = [];
  if (params) stageMaps.push({ map: params, path: ["params"], inner: [] });
  if (stages) stageMaps.push({ map: stages, path: ["stages"], inner: ["params"] });
  const hasStages = stageMaps.length > 0;
  walkSection(rec, { ...topSection(cls, rest), tag: cls.tag, family: hasStages && cls.tag.environment === "base" ? family : void 0, role: hasStages && cls.tag.environment === "base" ? "base" : "plain" }, options);
  for (const { map, path: path2, inner } of stageMaps) {
    for (const entry of effectiveEntries(map)) {
      const tag = namedTag(entry.key, "key");
      const node = inner.length > 0 ? getPath(entry.value, inner) : entry.value;
      if (!node) {
        if (tag !== BASE) rec.layer(family, tag, entry.keySpan, []);
        continue;
      }
      walkSection(rec, section(node, [...path2, entry.key, ...inner], tag, tag === BASE ? "base" : "layer", family, entry.keySpan), { ...options, envMaps: false });
    }
  }
}
function directoryOf(path2) {
  return path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "";
}

// detectors/staging-reaches-production/scan/handlers/workflows.ts
var PULL_REQUEST_TRIGGERS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var NAMED_ENVIRONMENTS = /* @__PURE__ */ new Set(["production", "staging", "preview", "development"]);
function scanWorkflow(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const family = `gha:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false, references: false, projectKeys: true };
  const triggers = triggersOf(get(root, "on"));
  const pullRequestOnly = triggers.length > 0 && triggers.every((trigger) => PULL_REQUEST_TRIGGERS.has(trigger));
  const fileTag = cls.tag.environment && NAMED_ENVIRONMENTS.has(cls.tag.environment) ? cls.tag : void 0;
  const workflowEnv = get(root, "env");
  if (workflowEnv?.kind === "map") {
    walkSection(rec, { node: workflowEnv, path: ["env"], tag: BASE, family, role: "base", span: workflowEnv.span }, options);
    scanText(rec, workflowEnv, BASE, family);
  }
  const jobs = get(root, "jobs");
  if (jobs && jobs.kind !== "map") rec.notify("environment-config-unreadable", `${rec.file.path}: "jobs" is not a map; its jobs' environments were not read.`);
  if (jobs?.kind !== "map") return;
  for (const entry of effectiveEntries(jobs)) {
    const job = entry.value;
    if (job.kind !== "map") continue;
    const tag = jobTag(entry.key, job) ?? fileTag ?? (pullRequestOnly ? { environment: "preview", name: "pull_request", evidence: "value" } : void 0);
    if (!tag) continue;
    walkSection(rec, { node: job, path: ["jobs", entry.key], tag, role: "plain", span: entry.keySpan }, options);
    scanText(rec, job, tag);
    rec.layer(family, tag, entry.keySpan, envKeys(job));
  }
}
var GITLAB_RESERVED = /* @__PURE__ */ new Set(["stages", "variables", "default", "include", "workflow", "image", "services", "cache", "before_script", "after_script", "types", "pages_build"]);
function scanGitlabCi(rec, cls, document) {
  const root = document.roots[0];
  if (!root || root.kind !== "map") return;
  const family = `gitlab:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false, references: false, projectKeys: true };
  const fileTag = cls.tag.environment && NAMED_ENVIRONMENTS.has(cls.tag.environment) ? cls.tag : void 0;
  const globals = get(root, "variables");
  if (globals?.kind === "map") walkSection(rec, { node: globals, path: ["variables"], tag: BASE, family, role: "base", span: globals.span }, options);
  for (const entry of effectiveEntries(root)) {
    const job = entry.value;
    if (job.kind !== "map" || GITLAB_RESERVED.has(entry.key) || entry.key.startsWith(".")) continue;
    const tag = jobTag(entry.key, job) ?? fileTag;
    if (!tag) continue;
    walkSection(rec, { node: job, path: [entry.key], tag, role: "plain", span: entry.keySpan }, options);
    scanGitlabReferences(rec, job, tag, family);
    const variables = get(job, "variables");
    rec.layer(family, tag, entry.keySpan, variables?.kind === "map" ? variables.entries.map((variable) => variable.key) : []);
  }
}
var GITLAB_SECRET_REFERENCE = /\$\{?([A-Z][A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIALS?|DATABASE_URL|DB_URL|DSN|CONNECTION_STRING)[A-Z0-9_]*)\}?/g;
function scanGitlabReferences(rec, job, tag, family) {
  const file = rec.file;
  const start = offsetOf2(rec, job.span.line, 1);
  const end = job.span.endLine < file.lineStarts.length ? offsetOf2(rec, job.span.endLine + 1, 1) : file.text.length;
  const text = file.text.slice(start, end);
  for (const match of text.matchAll(GITLAB_SECRET_REFERENCE)) {
    if (match[1].startsWith("CI_")) continue;
    const position = file.positionAt(start + match.index);
    if (file.line(position.line).trimStart().startsWith("#")) continue;
    const span = { line: position.line, column: position.column, endLine: position.line, endColumn: position.column + 1 };
    rec.resource(tag, secretIdentity(match[1]), span, { variable: `$${match[1]}`, family });
  }
}
function triggersOf(node) {
  if (!node) return [];
  if (node.kind === "scalar") return node.value === null ? [] : [String(node.value)];
  if (node.kind === "seq") return node.items.map((item) => literalString(item)).filter((item) => !!item);
  return node.entries.map((entry) => entry.key);
}
var SEQUENCE_WORDS = /* @__PURE__ */ new Set(["after", "before", "post", "following", "until", "then"]);
function jobTag(id, job) {
  const environment = get(job, "environment") ?? get(get(job, "with"), "environment");
  if (environment) {
    const name = environment.kind === "map" ? literalString(get(environment, "name")) : literalString(environment);
    if (!name || name.includes("${{")) return void 0;
    return { environment: canonicalEnvironment(name), name, evidence: "key" };
  }
  for (const name of [literalString(get(job, "name")), id]) {
    if (!name || name.includes("${{") || tokensOf(name).some((token) => SEQUENCE_WORDS.has(token))) continue;
    const environment2 = canonicalEnvironment(name);
    if (environment2 && NAMED_ENVIRONMENTS.has(environment2)) return { environment: environment2, name, evidence: "value" };
  }
  const env = get(job, "env");
  const byValue = env?.kind === "map" ? valueTag(env.entries) : void 0;
  return byValue?.environment && NAMED_ENVIRONMENTS.has(byValue.environment) ? byValue : void 0;
}
function envKeys(job) {
  const keys = [];
  const collect = (env) => {
    if (env?.kind === "map") for (const entry of env.entries) keys.push(entry.key);
  };
  collect(get(job, "env"));
  const steps = get(job, "steps");
  if (steps?.kind === "seq") for (const step of steps.items) collect(get(step, "env"));
  return keys;
}
var TARGETS = [
  { regex: /\bterraform\s+workspace\s+(?:select|new)\s+(?:-or-create\s+)?([A-Za-z0-9_.-]+)/g, build: workspaceIdentity },
  { regex: /\bTF_WORKSPACE:\s*["']?([A-Za-z0-9_.-]+)/g, build: workspaceIdentity },
  { regex: /\bpulumi\s+stack\s+select\s+(?:--create\s+)?([A-Za-z0-9_./-]+)/g, build: (name) => stackIdentity("pulumi", name) },
  { regex: /\bpulumi\s+(?:up|preview|destroy|refresh|import)\b[^\n]*?\s(?:--stack[=\s]|-s\s)([A-Za-z0-9_./-]+)/g, build: (name) => stackIdentity("pulumi", name) },
  { regex: /\b(?:serverless|sls)\s+(?:deploy|remove)\b[^\n]*?\s(?:--stage[=\s]|-s\s)([A-Za-z0-9_-]+)/g, build: serverlessStageIdentity },
  { regex: /\b(?:flyctl|fly)\s+(?:deploy|secrets|ssh|postgres|volumes|scale|apps\s+destroy)\b[^\n]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g, build: (name) => appIdentity(name, "fly") },
  { regex: /\bheroku\s+[a-z:-]+\b[^\n]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g, build: (name) => appIdentity(name, "heroku") },
  { regex: /\bkubectl\b[^\n]*?\s--context[=\s]([A-Za-z0-9_.:@/-]+)/g, build: (name) => secretIdentity(name, "kube-context") },
  { regex: /\baws\s+[a-z0-9-]+\b[^\n]*?\s--profile[=\s]([A-Za-z0-9_.-]+)/g, build: (name) => secretIdentity(name, "aws-profile") },
  { regex: /\bgcloud\b[^\n]*?\s--project[=\s]([a-z][a-z0-9-]{4,28}[a-z0-9])\b/g, build: (name) => gcpProjectIdentity(name) },
  { regex: /\bfirebase\s+(?:deploy|use|firestore:delete|database:set|database:remove)\b[^\n]*?\s(?:--project[=\s]|-P\s)([a-z][a-z0-9-]+)/g, build: (name) => gcpProjectIdentity(name, true) },
  { regex: /\brailway\s+(?:up|run|redeploy|variables|link|down)\b[^\n]*?\s(?:--environment[=\s]|-e\s)([A-Za-z0-9_-]+)/g, build: railwayEnvironmentIdentity }
];
function workspaceIdentity(name) {
  if (name.includes("$")) return void 0;
  return { kind: "terraform-state", identity: `tfstate:workspace:${name.toLowerCase()}`, otherIdentities: [], display: `Terraform workspace ${name}`, name, secrets: [] };
}
function serverlessStageIdentity(name) {
  return { kind: "stack", identity: `stack:serverless:${name.toLowerCase()}`, otherIdentities: [], display: `Serverless stage ${name}`, name, secrets: [] };
}
function railwayEnvironmentIdentity(name) {
  return { kind: "project", identity: `railway-environment:${name.toLowerCase()}`, otherIdentities: [], display: `Railway environment ${name}`, name, secrets: [] };
}
function scanText(rec, node, tag, family) {
  const file = rec.file;
  const start = offsetOf2(rec, node.span.line, 1);
  const end = node.span.endLine < file.lineStarts.length ? offsetOf2(rec, node.span.endLine + 1, 1) : file.text.length;
  const text = file.text.slice(start, end);
  const record2 = (identity, index, variable) => {
    const position = file.positionAt(start + index);
    if (file.line(position.line).trimStart().startsWith("#")) return;
    const span = { line: position.line, column: position.column, endLine: position.line, endColumn: position.column + 1 };
    rec.resource(tag, identity, span, { variable, family });
  };
  for (const match of text.matchAll(/\$\{\{([^}]*)\}\}/g)) {
    for (const reference of match[1].matchAll(/\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      if (reference[2] === "GITHUB_TOKEN") continue;
      record2(secretIdentity(reference[2]), match.index, `${reference[1]}.${reference[2]}`);
    }
  }
  for (const { regex, build } of TARGETS) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const identity = build(match[1]);
      if (identity) record2(identity, match.index, match[0].split(/\s+/).slice(0, 2).join(" "));
    }
  }
}
function offsetOf2(rec, line, column) {
  return (rec.file.lineStarts[line - 1] ?? rec.file.text.length) + column - 1;
}

// detectors/staging-reaches-production/scan/handlers/frameworks.ts
function scanSpringDocument(rec, cls, root) {
  const profile = literalString(getPath(root, ["spring", "config", "activate", "on-profile"])) ?? literalString(get(root, "spring.config.activate.on-profile")) ?? literalString(getPath(root, ["spring", "profiles"])) ?? literalString(get(root, "spring.profiles"));
  const section2 = topSection(cls, root);
  if (profile && /^[A-Za-z0-9_-]+$/.test(profile)) {
    const tag = namedTag(profile, "key");
    if (tag !== BASE) {
      section2.tag = tag;
      section2.role = cls.role === "base" ? "layer" : "plain";
      section2.family = cls.role === "base" ? cls.family : void 0;
      section2.span = root.span;
    }
  }
  walkSection(rec, section2, { ...walkOptions(cls), envMaps: false });
}
function scanRailsStorage(rec, cls, root) {
  if (root.kind !== "map") return;
  for (const entry of root.entries) {
    const word = tokensOf(entry.key).find((token) => canonicalEnvironment(token) !== void 0);
    const tag = word && cls.tag.environment === "base" ? namedTag(word, "key") : cls.tag;
    walkSection(rec, { node: entry.value, path: [entry.key], tag, family: void 0, role: "plain", span: entry.keySpan }, walkOptions(cls));
  }
}

// detectors/staging-reaches-production/scan/handlers/code.ts
var ASSIGNMENT = /^([A-Z][A-Z0-9_]*)\s*=\s*(['"])([^'"\n]*)\2\s*(?:#.*)?$/;
var DICT_PAIR = /(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*:\s*(['"])([^'"\n]*)\3/g;
var DATABASE_URL_CALL = /\b(?:dj_database_url|db_url)\.(?:config|parse)\(\s*(?:default\s*=\s*)?(['"])([^'"\n]+)\1/g;
var ENVIRONMENT_READ = /\b(?:os\.environ(?:\.get)?\s*[[(]|os\.getenv\s*\(|env(?:\.str|\.db|\.url)?\s*\()\s*(['"])([A-Z_][A-Z0-9_]*)\1/g;
function scanPythonSettings(rec, cls) {
  const file = rec.file;
  const family = cls.family;
  const keys = /* @__PURE__ */ new Set();
  const dicts = DictLiterals.of(file.text);
  let block2;
  let depth = 0;
  for (let number = 1; number <= file.lineStarts.length; number++) {
    const line = file.line(number);
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const top = /^([A-Z][A-Z0-9_]*)\s*=/.exec(line);
    if (top && depth === 0) {
      keys.add(top[1]);
      block2 = top[1];
    }
    const span = (index, length) => ({ line: number, column: index + 1, endLine: number, endColumn: index + 1 + length });
    const record2 = (value, variable, path2, index, siblings) => {
      for (const identity of identifyValue(value, { variable, path: path2, siblings })) rec.resource(cls.tag, identity, span(index, value.length), { variable: path2.concat(variable).join("."), family });
    };
    const assignment = ASSIGNMENT.exec(line);
    if (assignment) record2(assignment[3], assignment[1], [], line.indexOf(assignment[3]));
    for (const pair of line.matchAll(DICT_PAIR)) record2(pair[4], pair[2], block2 ? [block2] : [], pair.index + pair[0].lastIndexOf(pair[4]), dicts.siblingsAt(number, pair.index));
    for (const call of line.matchAll(DATABASE_URL_CALL)) record2(call[2], "DATABASE_URL", block2 ? [block2] : [], call.index);
    for (const read of line.matchAll(ENVIRONMENT_READ)) {
      for (const reference of referencesIn(`\${${read[2]}}`)) rec.resource(cls.tag, reference.identity, span(read.index, read[0].length), { variable: block2, family });
    }
    depth += (line.match(/[{[(]/g)?.length ?? 0) - (line.match(/[}\])]/g)?.length ?? 0);
    if (depth <= 0) {
      depth = 0;
      if (!top) block2 = void 0;
    }
  }
  if (cls.role === "layer" && family) rec.layer(family, cls.tag, { line: 1, column: 1, endLine: 1, endColumn: 1 }, keys);
}
var DictLiterals = class _DictLiterals {
  pairs = /* @__PURE__ */ new Map();
  /** Per line, the dict open at each pair's offset: `${line}:${offset}` -> dict. */
  owner = /* @__PURE__ */ new Map();
  static of(text) {
    const dicts = new _DictLiterals();
    const stack = [];
    let next = 0;
    let line = 1;
    let lineStart = 0;
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char === "\n") {
        line++;
        lineStart = index + 1;
      } else if (char === "#") {
        const end = text.indexOf("\n", index);
        index = (end === -1 ? text.length : end) - 1;
      } else if (char === "{") {
        stack.push(next++);
      } else if (char === "}") {
        stack.pop();
      } else if (char === '"' || char === "'") {
        const pair = /^(['"])([A-Za-z_][A-Za-z0-9_]*)\1\s*:\s*(['"])([^'"\n]*)\3/.exec(text.slice(index, index + 400));
        const dict = stack[stack.length - 1];
        if (pair && dict !== void 0) {
          let entries = dicts.pairs.get(dict);
          if (!entries) dicts.pairs.set(dict, entries = /* @__PURE__ */ new Map());
          entries.set(pair[2], pair[4]);
          dicts.owner.set(`${line}:${index - lineStart}`, dict);
          index += pair[0].length - 1;
          continue;
        }
        const close = text.indexOf(char, index + 1);
        const newline = text.indexOf("\n", index + 1);
        if (close !== -1 && (newline === -1 || close < newline)) index = close;
      }
    }
    return dicts;
  }
  siblingsAt(line, offset) {
    const dict = this.owner.get(`${line}:${offset}`);
    return dict === void 0 ? void 0 : this.pairs.get(dict);
  }
};
function scanJsConfig(rec, cls) {
  const program = rec.file.ast();
  if (!program) return;
  const exported = exportedObject(program);
  if (!exported) return;
  const root = toNode(exported);
  if (root.kind !== "map") return;
  const apps = root.entries.find((entry) => entry.key === "apps")?.value;
  if (/ecosystem\.config/i.test(rec.file.path) && apps?.kind === "seq") {
    apps.items.forEach((app, index) => {
      if (app.kind !== "map") return;
      const environments = [];
      for (const entry of app.entries) {
        const match = /^env(?:_(.+))?$/.exec(entry.key);
        if (match) environments.push({ ...entry, key: match[1] ?? "default" });
      }
      const family = `pm2:${rec.file.path}#${index}`;
      for (const entry of environments) {
        const tag = namedTag(entry.key, "key");
        walkSection(rec, { node: entry.value, path: ["apps", index, entry.key], tag, family, role: tag === BASE ? "base" : "layer", span: entry.keySpan }, { ...walkOptions(cls), envMaps: false });
      }
    });
    return;
  }
  walkSection(rec, topSection(cls, root), { ...walkOptions(cls), rootEnvironmentMaps: true, databaseFile: /knexfile|sequelize|database|ormconfig/i.test(rec.file.path) });
}
function exportedObject(program) {
  const constants = /* @__PURE__ */ new Map();
  for (const statement of program.body) {
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === "Identifier" && declarator.init) constants.set(declarator.id.name, declarator.init);
      }
    }
  }
  const unwrap2 = (expression2) => {
    if (!expression2) return void 0;
    if (expression2.type === "ObjectExpression") return expression2;
    if (expression2.type === "CallExpression") return unwrap2(expression2.arguments[0]);
    if (expression2.type === "TSAsExpression" || expression2.type === "TSSatisfiesExpression") return unwrap2(expression2.expression);
    if (expression2.type === "Identifier") return unwrap2(constants.get(expression2.name));
    return void 0;
  };
  for (const statement of program.body) {
    if (statement.type === "ExportDefaultDeclaration") return unwrap2(statement.declaration);
    if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      const left = statement.expression.left;
      if (left.type === "MemberExpression" && left.object.type === "Identifier" && left.object.name === "module" && left.property.type === "Identifier" && left.property.name === "exports") {
        return unwrap2(statement.expression.right);
      }
    }
  }
  return void 0;
}
function spanOf(node) {
  return { line: node.loc.start.line, column: node.loc.start.column + 1, endLine: node.loc.end.line, endColumn: node.loc.end.column + 1 };
}
function toNode(node) {
  const span = spanOf(node);
  switch (node.type) {
    case "ObjectExpression": {
      const entries = [];
      for (const property2 of node.properties) {
        if (property2.type !== "Property") continue;
        const key = property2.key.type === "Identifier" ? property2.key.name : property2.key.type === "Literal" ? String(property2.key.value) : void 0;
        if (key === void 0) continue;
        entries.push({ key, keySpan: spanOf(property2.key), value: toNode(property2.value) });
      }
      const map = { kind: "map", span, entries };
      return map;
    }
    case "ArrayExpression":
      return { kind: "seq", span, items: node.elements.filter((element) => element !== null && element.type !== "SpreadElement").map(toNode) };
    case "Literal":
      return { kind: "scalar", span, value: typeof node.value === "string" || typeof node.value === "number" || typeof node.value === "boolean" ? node.value : null };
    case "TemplateLiteral":
      if (node.expressions.length === 0) return { kind: "scalar", span, value: node.quasis.map((quasi) => quasi.value.cooked ?? "").join("") };
      break;
    case "MemberExpression": {
      const name = environmentVariable(node);
      if (name) return { kind: "scalar", span, value: null, expression: `\${${name}}` };
      break;
    }
    case "LogicalExpression":
      if ((node.operator === "||" || node.operator === "??") && node.right.type === "Literal" && typeof node.right.value === "string") {
        return { kind: "scalar", span: spanOf(node.right), value: node.right.value };
      }
      break;
  }
  return { kind: "scalar", span, value: null, expression: node.type };
}
function environmentVariable(node) {
  const object = node.object;
  if (object.type !== "MemberExpression" || object.object.type !== "Identifier" || object.object.name !== "process") return void 0;
  if (object.property.type !== "Identifier" || object.property.name !== "env") return void 0;
  if (node.property.type === "Identifier" && !node.computed) return node.property.name;
  if (node.property.type === "Literal" && typeof node.property.value === "string") return node.property.value;
  return void 0;
}

// detectors/staging-reaches-production/rules/verdict.ts
var DETECTOR = "staging-reaches-production";
function environmentLabel(environment, name) {
  if (!name || name.toLowerCase() === environment) return environment;
  return `${environment} (\`${name}\`)`;
}
function productionRelated(production, what) {
  return production.slice(0, 3).map((resource) => ({
    location: resource.location,
    message: `production ${resource.declared ? "declares" : "uses"} ${what} here${resource.environmentName && resource.environmentName !== "production" ? ` (${resource.environmentName})` : ""}`
  }));
}

// detectors/staging-reaches-production/rules/cloned.ts
var clonedFromProduction = {
  id: `${DETECTOR}/cloned-from-production`,
  title: "Non-production environment cloned from production",
  severity: "medium",
  why: "A script or runbook creates a non-production environment as a copy of production, or attaches production's database to a non-production app. A duplicated Railway environment starts with production's variables, so staging talks to production's database and volume until someone rewires every one of them.",
  fix: "Create the environment empty (or from a template environment) and provision its own database and volume; never attach production add-ons to other apps.",
  help: "Railway: `railway environment new <name> --duplicate <source>` copies services and variables. Heroku: `heroku addons:attach <app>::<addon> --app <other>` shares one database between apps.",
  helpUri: "https://docs.railway.com/guides/environments",
  precision: "high",
  tags: ["environments", "railway", "heroku"],
  samples: {
    positive: [
      sample("scripts/create-staging.sh", "#!/usr/bin/env bash\nset -euo pipefail\n\nrailway link --project acme\nrailway environment new staging --duplicate production\nrailway up --environment staging\n", { expect: { line: 5 } }),
      sample("docs/runbooks/staging.md", "# Staging\n\nAttach the database to the staging app:\n\n```sh\nheroku addons:attach acme-prod::DATABASE --app acme-staging\n```\n", {
        expect: { line: 6 }
      })
    ],
    negative: [
      sample("scripts/create-staging.sh", "#!/usr/bin/env bash\nrailway environment new staging\nrailway add --database postgres --environment staging\n"),
      sample("scripts/preview.sh", '#!/usr/bin/env bash\n# never: railway environment new preview --duplicate production\nrailway environment new "pr-$PR_NUMBER" --duplicate staging\n'),
      sample("docs/environments.md", "# Environments\n\nNever run `railway environment new staging --duplicate production`: it copies production's variables.\nCreate staging empty and add its own database instead.\n", {
        note: "documentation warning against the command"
      })
    ]
  }
};
var RAILWAY = /\brailway\s+(?:environment|env)\s+(?:new|create|add)\b([^\n`'"|;&]*)/g;
var HEROKU_ATTACH = /\bheroku\s+addons:attach\s+([a-z0-9-]+)::[A-Za-z0-9_-]+\b[^\n`]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g;
function scanCommands(file, out) {
  if (isTestOrExamplePath(file.path)) return;
  const text = file.text;
  if (!/railway|heroku/i.test(text)) return;
  for (const match of text.matchAll(RAILWAY)) {
    const args = match[1].trim().split(/\s+/).filter(Boolean);
    let source2;
    let name;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const flag = /^(--duplicate|--copy|-d|-c)(?:=(.+))?$/.exec(arg);
      if (flag) source2 = flag[2] ?? args[++i];
      else if (!arg.startsWith("-") && name === void 0) name = arg;
    }
    if (!source2 || canonicalEnvironment(source2) !== "production") continue;
    const created = name ? canonicalEnvironment(name.replace(/^\$\{?|\}$/g, "")) : void 0;
    if (created === "production") continue;
    report(file, out, match.index, `The ${environmentLabel(created ?? "non-production", name ?? "")} environment is created as a copy of production (\`railway environment new ... --duplicate ${source2}\`).`, created ?? "staging", `railway-duplicate:${source2}:${name ?? ""}`, "environment");
  }
  for (const match of text.matchAll(HEROKU_ATTACH)) {
    const sourceApp = match[1];
    const targetApp = match[2];
    if (canonicalEnvironment(sourceApp) !== "production") continue;
    const target = canonicalEnvironment(targetApp);
    if (target === "production" || target === void 0) continue;
    report(file, out, match.index, `The ${target} app ${targetApp} is attached to production's database add-on from ${sourceApp} (\`heroku addons:attach\`).`, target, `heroku-attach:${sourceApp}:${targetApp}`, "database", "high");
  }
}
function report(file, out, index, message, environment, evidence, kind, severity) {
  const position = file.positionAt(index);
  const line = file.line(position.line);
  if (isComment(line, position.column) || warnsAgainst(line.slice(0, position.column - 1))) return;
  const location = { path: file.path, span: lineSpan(file, { line: position.line, column: position.column, endLine: position.line, endColumn: position.column }) };
  out.report({
    ruleId: clonedFromProduction.id,
    severity,
    message: `${message} It starts out reaching production's resources.`,
    location,
    evidence,
    details: { environment, resource: kind === "database" ? "production database add-on" : "production environment variables" },
    snippet: file.line(position.line).trim()
  });
  const canonical = canonicalEnvironment(environment);
  out.publish("environment-crossing", {
    environment: canonical && canonical !== "production" && canonical !== "base" ? canonical : "staging",
    resourceKind: kind === "database" ? "database" : "project",
    resource: kind === "database" ? "production database add-on" : "production environment (copied variables)",
    location,
    rule: clonedFromProduction.id
  });
}
function warnsAgainst(before) {
  return /\b(never|don'?t|do not|avoid|instead of|not|no longer|deprecated)\b/i.test(before);
}
function isComment(line, column) {
  const trimmed = line.trimStart();
  if (trimmed.startsWith("#!")) return false;
  if (trimmed.startsWith("#") || trimmed.startsWith("//")) return true;
  const before = line.slice(0, column - 1);
  return /(^|\s)#\s/.test(before) && !before.includes("`");
}

// detectors/staging-reaches-production/scan/index.ts
function scanEnvironmentFile(file, out) {
  const cls = classifyPath(file.path);
  if (!cls) return;
  const rec = new Recorder(file, out);
  try {
    dispatch(file, cls, rec, out);
  } finally {
    rec.flush();
  }
}
function dispatch(file, cls, rec, out) {
  switch (cls.kind) {
    case "commands":
      scanCommands(file, out);
      return;
    case "python-settings":
      scanPythonSettings(rec, cls);
      return;
    case "js-config":
      scanJsConfig(rec, cls);
      return;
  }
  if (cls.role === "plain" && cls.tag.environment === "base" && UNPLACED_KINDS.has(cls.kind) && !namesEnvironmentsInside(file.text)) return;
  const document = cls.kind === "rails-database" && ERB_CONTROL.test(file.text) ? parseWithoutErbControl(file, rec) : file.data();
  if (!document) return;
  switch (cls.kind) {
    case "dotenv":
      return scanDotenv(rec, cls, document);
    case "compose":
      return scanComposeFile(rec, cls, document);
    case "terraform":
    case "tfvars":
      return scanTerraform(rec, cls, document);
    case "terragrunt":
      return scanTerragrunt(rec, cls, document);
    case "render":
      return scanRender(rec, cls, document);
    case "fly":
      return scanFly(rec, cls, document);
    case "netlify":
      return scanNetlify(rec, cls, document);
    case "heroku-app":
      return scanHerokuAppJson(rec, cls, document);
    case "vercel":
      return scanVercelJson(rec, cls, document);
    case "firebaserc":
      return scanFirebaserc(rec, cls, document);
    case "supabase":
      return scanSupabaseConfig(rec, cls, document);
    case "serverless":
      return scanServerless(rec, cls, document);
    case "workflow":
      return scanWorkflow(rec, cls, document);
    case "gitlab-ci":
      return scanGitlabCi(rec, cls, document);
    case "railway":
      return walkDocument(rec, cls, document, { explicitEnvironmentMaps: ["environments"] });
    case "rails-database":
    case "sequelize":
      return walkDocument(rec, cls, document, { explicitEnvironmentMaps: [""], databaseFile: true });
    case "spring":
      for (const root of document.roots) scanSpringDocument(rec, cls, root);
      return;
    case "rails-storage":
      for (const root of document.roots) scanRailsStorage(rec, cls, root);
      return;
    default:
      for (const root of document.roots) {
        if (isKubernetesObject(root)) scanKubernetesDocument(rec, cls, root);
        else walkSection(rec, valueTaggedSection(rec, cls, root) ?? topSection(cls, root), walkOptions(cls));
      }
  }
}
function walkDocument(rec, cls, document, extra = {}) {
  for (const root of document.roots) walkSection(rec, topSection(cls, root), { ...walkOptions(cls), ...extra });
}
var UNPLACED_KINDS = /* @__PURE__ */ new Set(["data", "node-config", "helm-values", "kustomization", "spring", "dotnet", "kamal", "tfvars"]);
var ENVIRONMENT_KEY2 = /(?:^|[\s{,"'])(production|prod|prd|staging|stage|stg|preprod|uat|qa|preview|review|development|dev|develop|test|testing|sandbox|demo)["']?\s*[:=]/gim;
var ENVIRONMENT_VALUE = /\b(namespace|environment|env|stage|on-profile|profiles|app_env|rails_env|deploy_env)["']?\s*[:=]\s*["']?[\w-]*(prod|prd|stag|stg|dev|preview|review|uat|qa|test|sandbox|demo)/i;
function namesEnvironmentsInside(text) {
  if (ENVIRONMENT_VALUE.test(text)) return true;
  const keys = /* @__PURE__ */ new Set();
  for (const match of text.matchAll(ENVIRONMENT_KEY2)) {
    keys.add(match[1].toLowerCase());
    if (keys.size >= 2) return true;
  }
  return false;
}
var ERB_CONTROL = /^[ \t]*<%(?!=)[^\n]*%>[ \t]*$/m;
function parseWithoutErbControl(file, rec) {
  const blanked = file.text.replace(/^([ \t]*)(<%(?!=)[^\n]*%>)([ \t]*)$/gm, (_whole, before, tag, after) => before + " ".repeat(tag.length) + after);
  const parsed = parseYaml(blanked, (start, end) => file.spanOf(start, end));
  if (parsed.ok) return parsed.value;
  rec.notify("environment-config-unreadable", `${file.path} could not be read as YAML after rendering away its ERB tags (${parsed.error.message}); its environments were not read.`, parsed.error.line);
  return void 0;
}
function isKubernetesObject(root) {
  if (root.kind !== "map") return false;
  const keys = new Set(root.entries.map((entry) => entry.key));
  return keys.has("apiVersion") && keys.has("kind");
}

// detectors/staging-reaches-production/rules/shared.ts
var sharedDatabase = {
  id: `${DETECTOR}/shared-database`,
  title: "Non-production environment uses the production database",
  severity: "critical",
  why: 'A staging, preview, development or test environment is configured with the same database (or database server) as production. Whatever runs there, including a coding agent working "in staging", a migration under test or a seed script, reads, changes and can drop production data; deleting or restoring the shared instance takes production with it.',
  fix: "Give each non-production environment its own database instance and credentials (a Railway/Render environment of its own, a separate RDS instance, a Neon branch or Supabase branch), and keep production connection strings only in production-scoped secrets.",
  help: "Compared identities: database URLs (host, port, database; the user on shared poolers), RDS identifiers, Supabase project refs, Neon endpoints, Render and Railway database ids, Cloud SQL instances.",
  precision: "high",
  tags: ["environments", "database"],
  samples: {
    positive: [
      {
        files: {
          ".env.production": "APP_ENV=production\nDATABASE_URL=postgres://app:Sup3rS3cret@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n",
          ".env.staging": "APP_ENV=staging\nDATABASE_URL=postgres://app_stg:Stg0nly@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\nLOG_LEVEL=debug\n"
        },
        expect: { path: ".env.staging", line: 2 },
        note: "staging dotenv points at the production RDS instance"
      },
      {
        files: {
          "config/database.yml": "default: &default\n  adapter: postgresql\n  pool: 5\n\ndevelopment:\n  <<: *default\n  database: shop_development\n\nstaging:\n  <<: *default\n  host: shop-db.cluster-cx81kq2.us-east-1.rds.amazonaws.com\n  database: shop\n\nproduction:\n  <<: *default\n  host: shop-db.cluster-cx81kq2.us-east-1.rds.amazonaws.com\n  database: shop\n  username: shop\n"
        },
        expect: { path: "config/database.yml", line: 11 },
        note: "Rails database.yml: staging and production on one Aurora cluster and database"
      },
      {
        files: {
          "render.yaml": "projects:\n  - name: acme\n    environments:\n      - name: production\n        databases:\n          - name: acme-db\n            plan: pro-4gb\n        services:\n          - type: web\n            name: api\n            runtime: node\n            envVars:\n              - key: DATABASE_URL\n                fromDatabase:\n                  name: acme-db\n                  property: connectionString\n      - name: staging\n        services:\n          - type: web\n            name: api-staging\n            runtime: node\n            envVars:\n              - key: DATABASE_URL\n                fromDatabase:\n                  name: acme-db\n                  property: connectionString\n"
        },
        expect: { path: "render.yaml", line: 25 },
        note: "Render Blueprint: the staging environment reads the production environment's database"
      },
      {
        files: {
          "app/settings/production.py": 'import os\n\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "NAME": "postgres",\n        "USER": "postgres.vbqzkxmwlpnrtfhdjcsa",\n        "PASSWORD": os.environ["DB_PASSWORD"],\n        "HOST": "aws-0-eu-central-1.pooler.supabase.com",\n        "PORT": "6543",\n    }\n}\n',
          "app/settings/staging.py": 'from .base import *\n\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "NAME": "postgres",\n        "USER": "postgres.vbqzkxmwlpnrtfhdjcsa",\n        "HOST": "aws-0-eu-central-1.pooler.supabase.com",\n        "PORT": "6543",\n    },\n    "analytics": {"HOST": "analytics.internal.acme.io", "USER": "reader"},\n}\n'
        },
        expect: { path: "app/settings/staging.py", line: 8 },
        note: "Django settings on the Supabase pooler: the user names the project"
      },
      {
        files: {
          "deploy/overlays/production/db-secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: orders-production\ntype: Opaque\ndata:\n  DATABASE_URL: cG9zdGdyZXM6Ly9vcmRlcnNfYXBwOlhyN3BRMnZMbTlLd1Q0ekJAb3JkZXJzLXByb2QuY2x1c3Rlci1jOWFrcTF6MngzeTQuZXUtd2VzdC0xLnJkcy5hbWF6b25hd3MuY29tOjU0MzIvb3JkZXJz\n",
          "deploy/overlays/staging/db-secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: orders-staging\ntype: Opaque\ndata:\n  DATABASE_URL: cG9zdGdyZXM6Ly9vcmRlcnNfYXBwOlhyN3BRMnZMbTlLd1Q0ekJAb3JkZXJzLXByb2QuY2x1c3Rlci1jOWFrcTF6MngzeTQuZXUtd2VzdC0xLnJkcy5hbWF6b25hd3MuY29tOjU0MzIvb3JkZXJz\n"
        },
        expect: { path: "deploy/overlays/staging/db-secret.yaml", line: 8 },
        note: "Kubernetes Secrets hold the URL base64-encoded"
      },
      {
        files: {
          "infra/main.tf": 'locals {\n  db_identifier = {\n    staging    = "orders-prod"\n    production = "orders-prod"\n  }\n}\n\ndata "aws_db_instance" "main" {\n  db_instance_identifier = local.db_identifier[terraform.workspace]\n}\n'
        },
        expect: { path: "infra/main.tf", line: 3 },
        note: "a lookup map by Terraform workspace: the value under each environment is named by the map's key"
      },
      {
        files: {
          "charts/api/values-production.yaml": "externalDatabase:\n  host: orders-prod.cluster-c9akciq32.eu-west-1.rds.amazonaws.com\n  port: 5432\n  database: orders\n",
          "charts/api/values-staging.yaml": "externalDatabase:\n  host: orders-prod.cluster-c9akciq32.eu-west-1.rds.amazonaws.com\n  port: 5432\n  database: orders_staging\n"
        },
        expect: { path: "charts/api/values-staging.yaml", line: 2 },
        note: "another database on production's instance: reported at high, as the instance is one"
      },
      {
        files: {
          "fly.toml": 'app = "acme-api"\nprimary_region = "fra"\n\n[env]\n  DATABASE_HOST = "acme-db.flycast"\n',
          "fly.staging.toml": 'app = "acme-api-staging"\nprimary_region = "fra"\n\n[env]\n  DATABASE_HOST = "acme-db.flycast"\n'
        },
        expect: { path: "fly.staging.toml", line: 5 },
        note: "fly.toml is the app `fly deploy` ships by default: production"
      },
      {
        files: {
          ".gitlab-ci.yml": "deploy_production:\n  stage: deploy\n  environment: production\n  variables:\n    DATABASE_HOST: acme-main.c9akciq32.eu-west-1.rds.amazonaws.com\n  script: [./deploy.sh]\ndeploy_staging:\n  stage: deploy\n  environment:\n    name: staging\n  variables:\n    DATABASE_HOST: acme-main.c9akciq32.eu-west-1.rds.amazonaws.com\n  script: [./deploy.sh]\n"
        },
        expect: { path: ".gitlab-ci.yml", line: 12 },
        note: "GitLab CI jobs placed by their environment"
      }
    ],
    negative: [
      {
        files: {
          "app/settings/production.py": 'DATABASES = {\n    "default": {\n        "USER": "postgres.vbqzkxmwlpnrtfhdjcsa",\n        "HOST": "aws-0-eu-central-1.pooler.supabase.com",\n    }\n}\n',
          "app/settings/staging.py": 'DATABASES = {\n    "default": {\n        "USER": "postgres.kmnwqzxrtyplvbhgfdsa",\n        "HOST": "aws-0-eu-central-1.pooler.supabase.com",\n    }\n}\n'
        },
        note: "one pooler host, two Supabase projects: the users differ"
      },
      {
        files: {
          "infra/main.tf": 'locals {\n  db_identifier = {\n    staging    = "orders-staging"\n    production = "orders-prod"\n  }\n}\n'
        },
        note: "each workspace its own database"
      },
      sample(".env.staging", "APP_ENV=staging\nDATABASE_URL=postgres://app:pw@db.staging.acme.com:5432/orders\n", { note: "staging has its own server" }),
      {
        files: {
          ".env.production": "DATABASE_URL=postgres://app:pw@db.acme.com:5432/orders\n",
          ".env.staging": "DATABASE_URL=postgres://app:pw@db.staging.acme.com:5432/orders\n",
          ".env.example": "DATABASE_URL=postgres://app:pw@db.acme.com:5432/orders\n"
        },
        note: "separated environments; the example file copies production but is only a template"
      },
      {
        files: {
          "docker-compose.yml": "services:\n  api:\n    build: .\n    environment:\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app\n  db:\n    image: postgres:16\n",
          "docker-compose.prod.yml": "services:\n  api:\n    environment:\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app\n",
          ".env.development": "DATABASE_URL=postgres://postgres:postgres@localhost:5432/app\n",
          ".env.production": "DATABASE_URL=postgres://postgres:postgres@localhost:5432/app\n"
        },
        note: "compose service names and localhost are per-host, not shared resources"
      }
    ]
  }
};
var sharedVolume = {
  id: `${DETECTOR}/shared-volume`,
  title: "Non-production environment mounts the production volume",
  severity: "critical",
  why: "A non-production environment mounts the same volume or disk as production. One delete, wipe or restore aimed at staging destroys production data, and on platforms that keep backups on the volume itself (Railway) the backups go with it.",
  fix: "Give the non-production environment its own volume or disk; never mount production storage by name, id or NFS export outside production.",
  help: "Compared identities: EBS volume ids, CSI volume handles, NFS exports of PersistentVolumes, explicitly named Docker volumes.",
  precision: "high",
  tags: ["environments", "volume"],
  samples: {
    positive: [
      {
        files: {
          "docker-compose.prod.yml": "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    name: acme_pgdata\n",
          "docker-compose.staging.yml": "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: acme_pgdata\n"
        },
        expect: { path: "docker-compose.staging.yml", line: 9 },
        note: "staging compose stack attaches production's named volume"
      },
      {
        files: {
          "k8s/overlays/production/pv.yaml": "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: uploads-pv\nspec:\n  capacity:\n    storage: 100Gi\n  accessModes: [ReadWriteOnce]\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0a1b2c3d4e5f60718\n",
          "k8s/overlays/staging/pv.yaml": "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: uploads-pv-staging\nspec:\n  capacity:\n    storage: 100Gi\n  accessModes: [ReadWriteOnce]\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0a1b2c3d4e5f60718\n"
        },
        expect: { path: "k8s/overlays/staging/pv.yaml", line: 11 },
        note: "two PersistentVolumes over one EBS volume"
      }
    ],
    negative: [
      {
        files: {
          "docker-compose.prod.yml": "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n",
          "docker-compose.staging.yml": "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n"
        },
        note: "unnamed compose volumes are prefixed by each project"
      },
      {
        files: {
          "chart/values-production.yaml": "persistence:\n  enabled: true\n  existingClaim: app-data\n",
          "chart/values-staging.yaml": "persistence:\n  enabled: true\n  existingClaim: app-data\n"
        },
        note: "a claim name is per namespace: same name, different claims"
      }
    ]
  }
};
var sharedBucket = {
  id: `${DETECTOR}/shared-bucket`,
  title: "Non-production environment uses the production bucket",
  severity: "high",
  why: "A non-production environment reads and writes the same object-storage bucket as production: test uploads land next to customer files, and a cleanup job, lifecycle rule or agent running against staging can delete production objects (or backups kept in that bucket).",
  fix: "Give each environment its own bucket (and credentials scoped to it); if staging must read production assets, grant read-only access to a copy.",
  help: "Compared identities: S3/GCS/Spaces bucket names from `s3://`, `gs://`, ARNs, virtual-host and path-style URLs and `*BUCKET*` variables; Azure containers; R2 buckets.",
  precision: "high",
  tags: ["environments", "storage"],
  samples: {
    positive: [
      {
        files: {
          "deploy/production.env": "APP_ENV=production\nAWS_REGION=eu-west-1\nS3_BUCKET=acme-user-uploads\n",
          "deploy/staging.env": "APP_ENV=staging\nAWS_REGION=eu-west-1\nS3_BUCKET=acme-user-uploads\n"
        },
        expect: { path: "deploy/staging.env", line: 3 }
      },
      {
        files: {
          "envs/prod/terraform.tfvars": 'environment = "prod"\nassets_bucket = "northwind-assets"\n',
          "envs/staging/terraform.tfvars": 'environment = "staging"\nassets_bucket = "northwind-assets"\n'
        },
        expect: { path: "envs/staging/terraform.tfvars", line: 2 },
        note: "per-environment Terraform directories share one bucket"
      }
    ],
    negative: [
      {
        files: {
          "deploy/production.env": "S3_BUCKET=acme-user-uploads-production\n",
          "deploy/staging.env": "S3_BUCKET=acme-user-uploads-staging\n"
        }
      }
    ]
  }
};
var sharedProject = {
  id: `${DETECTOR}/shared-project`,
  title: "Non-production environment uses the production project, app or account",
  severity: "medium",
  why: "A non-production environment deploys into the same cloud project, platform app or account as production. Its credentials and tooling then act where production lives: a Firebase alias or Fly/Heroku app shared with production is production; a shared GCP project or AWS account puts both behind the same permissions.",
  fix: "Use a separate project, app or account per environment (a Firebase project, Fly app or Heroku app for staging; an AWS account or GCP project per environment).",
  help: "Severity follows what is shared: high for a Firebase project or a Fly/Heroku app (the data and the deploys are production's), medium for a GCP or Neon project, low for an AWS account.",
  precision: "medium",
  tags: ["environments", "account"],
  samples: {
    positive: [
      {
        files: { ".firebaserc": '{\n  "projects": {\n    "default": "acme-web-dev",\n    "production": "acme-web",\n    "staging": "acme-web"\n  }\n}\n' },
        expect: { path: ".firebaserc", line: 5 },
        note: "the staging alias deploys to the production Firebase project"
      },
      {
        files: {
          "fly.production.toml": 'app = "acme-api"\nprimary_region = "ams"\n\n[http_service]\n  internal_port = 8080\n',
          "fly.staging.toml": 'app = "acme-api"\nprimary_region = "ams"\n\n[http_service]\n  internal_port = 8080\n'
        },
        expect: { path: "fly.staging.toml", line: 1 }
      }
    ],
    negative: [
      sample(".firebaserc", '{\n  "projects": {\n    "default": "acme-web-dev",\n    "production": "acme-web",\n    "staging": "acme-web-staging"\n  }\n}\n')
    ]
  }
};
var SHARED_RULES = {
  database: sharedDatabase,
  volume: sharedVolume,
  bucket: sharedBucket,
  project: sharedProject,
  account: sharedProject,
  app: sharedProject
};
function projectSeverity(identity) {
  if (/^(firebase|fly-app|heroku-app|railway-environment):/.test(identity)) return "high";
  if (/^account:/.test(identity)) return "low";
  return "medium";
}
function judgeShared(resource, model) {
  const rule2 = SHARED_RULES[resource.kind];
  if (!rule2) return void 0;
  const match = model.productionMatch(resource);
  if (!match) return void 0;
  const production = match.production;
  const what = production.display;
  if (rule2 === sharedDatabase) {
    return {
      ruleId: rule2.id,
      severity: match.sameDatabase ? "critical" : "high",
      action: match.sameDatabase ? `uses production's ${what}` : `uses a database on production's server (${resource.display}; production uses ${what})`,
      detail: match.sameDatabase ? "Anything that runs with this configuration reads and writes production data." : "The databases differ, but the instance is one: deleting, restoring or overloading it hits production.",
      related: productionRelated(model.productionWith(match.identity), "this database"),
      identity: match.identity
    };
  }
  const noun = rule2 === sharedVolume ? "volume" : rule2 === sharedBucket ? "bucket" : production.kind === "account" ? "account" : production.kind === "app" ? "app" : "project";
  return {
    ruleId: rule2.id,
    severity: rule2 === sharedProject ? projectSeverity(match.identity) : void 0,
    action: `uses production's ${what}`,
    detail: rule2 === sharedVolume ? "Deleting or restoring it for this environment destroys production data." : void 0,
    related: productionRelated(model.productionWith(match.identity), `this ${noun}`),
    identity: match.identity
  };
}

// detectors/staging-reaches-production/rules/secrets.ts
var readsProductionSecret = {
  id: `${DETECTOR}/reads-production-secret`,
  title: "Non-production job or config reads a production secret",
  severity: "high",
  why: "A staging, preview or pull-request job (or a non-production config) reads a secret named for production. Everything that runs there, including code from an unreviewed pull request or an agent iterating in staging, then holds production credentials.",
  fix: "Give the environment its own secret (STAGING_DATABASE_URL), and scope production secrets to a GitHub environment (or secret store path) that only production jobs can use, with required reviewers.",
  help: "Repository and organisation secrets reach every job of every workflow; only environment secrets are limited to jobs that declare the environment.",
  helpUri: "https://docs.github.com/en/actions/deployment/targeting-different-environments/using-environments-for-deployment",
  precision: "high",
  tags: ["environments", "secrets", "ci"],
  samples: {
    positive: [
      sample(
        ".gitlab-ci.yml",
        "stages: [deploy]\n\ndeploy_staging:\n  stage: deploy\n  environment:\n    name: staging\n  variables:\n    DB_PASSWORD: $PROD_DB_PASSWORD\n  script: [./deploy.sh]\n",
        { expect: { line: 8 }, note: "GitLab CI: a staging job reads a production CI/CD variable" }
      ),
      {
        files: {
          ".github/workflows/deploy-staging.yml": "name: Deploy staging\non:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run migrate\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n      - run: npm run deploy\n"
        },
        expect: { path: ".github/workflows/deploy-staging.yml", line: 13 }
      },
      {
        files: {
          ".github/workflows/preview.yml": "name: Preview\non:\n  pull_request:\n    branches: [main]\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx playwright test\n        env:\n          API_TOKEN: ${{ secrets.PRODUCTION_API_TOKEN }}\n"
        },
        expect: { path: ".github/workflows/preview.yml", line: 12 },
        note: "a pull-request-only workflow is a preview environment"
      },
      {
        files: {
          "k8s/overlays/staging/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          envFrom:\n            - secretRef:\n                name: prod-db-credentials\n"
        },
        expect: { path: "k8s/overlays/staging/deployment.yaml", line: 13 }
      },
      {
        files: {
          ".github/workflows/smoke.yml": 'name: Smoke tests\non:\n  schedule:\n    - cron: "0 6 * * *"\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    env:\n      APP_ENV: staging\n      BASE_URL: https://staging.acme.dev\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run smoke\n        env:\n          ADMIN_TOKEN: ${{ secrets.PROD_ADMIN_TOKEN }}\n'
        },
        expect: { path: ".github/workflows/smoke.yml", line: 15 },
        note: "a job placed by its own APP_ENV"
      }
    ],
    negative: [
      sample(
        ".gitlab-ci.yml",
        "deploy_staging:\n  environment: staging\n  variables:\n    DB_PASSWORD: $STAGING_DB_PASSWORD\n    REGISTRY: $CI_REGISTRY_PASSWORD\n  script: [./deploy.sh]\ndeploy_production:\n  environment: production\n  variables:\n    DB_PASSWORD: $PROD_DB_PASSWORD\n  script: [./deploy.sh]\n",
        { note: "each GitLab job reads its own environment's variables" }
      ),
      sample(
        ".github/workflows/deploy.yml",
        'on:\n  push:\n    branches: [main]\njobs:\n  production:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh\n  notify-after-staging:\n    needs: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -X POST "$HOOK" -d deployed\n        env:\n          HOOK: ${{ secrets.PROD_SLACK_WEBHOOK }}\n',
        { note: "a job named for its place after another is not that environment's" }
      ),
      {
        files: {
          ".github/workflows/deploy.yml": "name: Deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: npm run migrate\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n"
        },
        note: "the production job reads the production secret"
      },
      {
        files: {
          ".github/workflows/deploy-staging.yml": "name: Deploy staging\non:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: npm run migrate\n        env:\n          DATABASE_URL: ${{ secrets.STAGING_DATABASE_URL }}\n          # never ${{ secrets.PROD_DATABASE_URL }} here\n"
        },
        note: "a staging secret, and the production one only in a comment"
      },
      {
        files: {
          ".github/workflows/ci.yml": "name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  deploy:\n    if: github.ref == 'refs/heads/main'\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run deploy\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n"
        },
        note: "a workflow that also runs on push: the deploy job is not a preview"
      }
    ]
  }
};
var SENSITIVE2 = /(^|_)(DATABASE|DB|DSN|PASSWORD|PASSWD|PWD|SECRET|TOKEN|KEY|CREDENTIALS|CREDS|CONN|CONNECTION|POSTGRES|PG|MYSQL|MONGO|MONGODB|REDIS|SUPABASE|STRIPE|KUBECONFIG|BUCKET)(_|$)/;
function judgeSecret(resource, model) {
  if (resource.kind !== "secret" || !model.productionNamed(resource)) return void 0;
  const name = identityName(resource.identity) ?? resource.display;
  const ciSecret = /^secrets\./.test(resource.variable ?? "") || /^secret:(ssm|aws|gcp|k8s|external|file|aws-profile|kube-context):/.test(resource.identity);
  if (!ciSecret && !SENSITIVE2.test(name.toUpperCase().replace(/[^A-Z0-9]+/g, "_"))) return void 0;
  const production = model.productionWith(resource.identity);
  return {
    ruleId: readsProductionSecret.id,
    action: `reads the production secret ${resource.display}`,
    detail: "Anything that runs in this environment holds production credentials.",
    related: production.slice(0, 3).map((other) => ({ location: other.location, message: "production reads the same secret here" })),
    identity: resource.identity
  };
}

// detectors/staging-reaches-production/rules/state.ts
var readsProductionState = {
  id: `${DETECTOR}/reads-production-state`,
  title: "Non-production infrastructure reads or writes production state",
  severity: "medium",
  why: "Non-production infrastructure code reads production's Terraform state, stack outputs or exports, so its credentials must reach production's state (which holds every production resource id and often secrets in plain text); a backend shared with production, or a staging job that selects the production workspace or stack, lets a staging `apply` or `destroy` change production itself.",
  fix: "Keep each environment's state separate (backend key, workspace, stack), pass the few values staging needs as variables or from a read-only parameter, and run non-production jobs with credentials that cannot read the production state bucket.",
  help: "Writing production state (a shared backend, a selected production workspace or stack) is reported high; reading it medium.",
  precision: "high",
  tags: ["environments", "terraform", "iac"],
  samples: {
    positive: [
      {
        files: {
          "envs/staging/network.tf": 'data "terraform_remote_state" "network" {\n  backend = "s3"\n  config = {\n    bucket = "acme-terraform-state"\n    key    = "prod/network.tfstate"\n    region = "eu-west-1"\n  }\n}\n'
        },
        expect: { path: "envs/staging/network.tf", line: 1 }
      },
      {
        files: {
          "envs/prod/backend.tf": 'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "app/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
          "envs/staging/backend.tf": 'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "app/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n'
        },
        expect: { path: "envs/staging/backend.tf", line: 2 },
        note: "staging and production write the same state file"
      },
      {
        files: {
          "live/staging/app/terragrunt.hcl": 'include "root" {\n  path = find_in_parent_folders()\n}\n\ndependency "vpc" {\n  config_path = "../../prod/vpc"\n}\n\ninputs = {\n  vpc_id = dependency.vpc.outputs.vpc_id\n}\n'
        },
        expect: { path: "live/staging/app/terragrunt.hcl", line: 6 }
      }
    ],
    negative: [
      {
        files: {
          "envs/staging/network.tf": 'data "terraform_remote_state" "network" {\n  backend = "s3"\n  config = {\n    bucket = "acme-terraform-state"\n    key    = "staging/network.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
          "envs/prod/backend.tf": 'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "prod/app.tfstate"\n  }\n}\n',
          "envs/staging/backend.tf": 'terraform {\n  backend "s3" {\n    bucket = "acme-terraform-state"\n    key    = "staging/app.tfstate"\n  }\n}\n'
        },
        note: "one state bucket, separate keys per environment"
      },
      sample("live/staging/app/terragrunt.hcl", 'dependency "vpc" {\n  config_path = "../vpc"\n}\n')
    ]
  }
};
function judgeState(resource, model) {
  if (resource.kind !== "terraform-state" && resource.kind !== "stack") return void 0;
  const match = model.productionMatch(resource);
  if (!match && !model.productionNamed(resource)) return void 0;
  const writes = resource.declared === true || resource.identity.startsWith("tfstate:workspace:") || resource.identity.startsWith("stack:serverless:") || /^pulumi /.test(resource.variable ?? "");
  return {
    ruleId: readsProductionState.id,
    severity: writes ? "high" : void 0,
    action: writes ? `writes production's ${resource.display}` : `reads production's ${resource.display}`,
    detail: writes ? "A plan, apply or destroy run for this environment changes production." : "Its credentials must be able to read production state, which lists every production resource and often holds secrets.",
    related: match ? productionRelated(model.productionWith(match.identity), "this state") : [],
    identity: match?.identity ?? resource.identity
  };
}

// detectors/staging-reaches-production/rules/named.ts
var productionNamedResource = {
  id: `${DETECTOR}/production-named-resource`,
  title: "Non-production config names a production resource",
  severity: "high",
  why: "A non-production environment points at a database, volume, bucket, project or app whose own name says it is production's. Even when the production side of the configuration lives outside the repository, whatever runs in this environment reaches production data.",
  fix: "Point the environment at its own resource (orders-staging, acme-staging-uploads) and keep production names out of non-production configuration.",
  help: "Only names whose words say production and nothing else count (`orders-prod`, `acme-production`); `live`, `preprod` and mixed names such as `staging-from-prod` do not. Severity: high for databases and volumes, medium for buckets, apps and projects, low for accounts.",
  precision: "medium",
  tags: ["environments"],
  samples: {
    positive: [
      sample("fly.staging.toml", 'app = "acme-api-staging"\nprimary_region = "fra"\n\n[env]\n  DB_HOST = "acme-db-prod.flycast"\n  PORT = "8080"\n', { expect: { line: 5 } }),
      sample("envs/staging/main.tf", 'module "app" {\n  source  = "../../modules/app"\n  db_host = "orders-prod.c1x2y3z4.eu-west-1.rds.amazonaws.com"\n}\n', { expect: { line: 3 } }),
      sample("config/staging.json", '{\n  "storage": {\n    "bucket": "acme-production-uploads"\n  }\n}\n', { expect: { line: 3 } }),
      sample("config/storage.yml", "amazon:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-production\n\namazon_staging:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-production\n", { expect: { line: 9 }, note: "a Rails Active Storage service named for staging" })
    ],
    negative: [
      sample("fly.staging.toml", 'app = "acme-api-staging"\n\n[env]\n  DB_HOST = "acme-db-staging.flycast"\n'),
      sample("envs/staging/main.tf", 'module "app" {\n  source  = "../../modules/app"\n  db_host = "orders-staging.c1x2y3z4.eu-west-1.rds.amazonaws.com"\n}\n'),
      sample(".env.staging", "# copied from production, then separated\nDATABASE_URL=postgres://app:pw@db.staging.acme.com/orders\nREDIS_URL=redis://redis.production.svc.cluster.local:6379\nNODE_ENV=production\n", { note: "comments, NODE_ENV and cluster-internal names are not evidence" }),
      sample("config/staging.json", '{\n  "storage": {\n    "bucket": "acme-livestream-uploads"\n  }\n}\n', { note: '"live" is an ordinary word in resource names' }),
      sample("config/storage.yml", "amazon:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-production\n\namazon_staging:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-staging\n", { note: "the staging service has its own bucket" })
    ]
  }
};
var NAMED_KINDS = /* @__PURE__ */ new Set(["database", "volume", "bucket", "project", "account", "app"]);
function severityOf2(kind) {
  if (kind === "database" || kind === "volume") return void 0;
  if (kind === "account") return "low";
  return "medium";
}
function judgeNamed(resource, model) {
  if (!NAMED_KINDS.has(resource.kind) || !model.productionNamed(resource)) return void 0;
  return {
    ruleId: productionNamedResource.id,
    severity: severityOf2(resource.kind),
    action: `uses ${resource.display}, which is named for production`,
    detail: "No production configuration in the repository declares it, but its name says it is production's.",
    related: [],
    identity: resource.identity
  };
}

// detectors/staging-reaches-production/rules/payment.ts
var KEY_BODY = ["51Hx8aQKpL2m", "Zr7Tq9WbY3vN", "4cD6eF8gH0jK"].join("");
var LIVE_KEY = ["sk", "live", KEY_BODY].join("_");
var TEST_KEY = ["sk", "test", KEY_BODY].join("_");
var livePaymentKey = {
  id: `${DETECTOR}/live-payment-key`,
  title: "Non-production environment uses live payment credentials",
  severity: "high",
  why: "A staging, preview, development or test environment holds a live payment key (Stripe `sk_live_`/`rk_live_`, Razorpay `rzp_live_`, ...) or is switched to the provider's live mode. Test traffic, seed scripts and agents working there create real charges, refunds and payouts on the production account.",
  fix: "Use the provider's test-mode keys outside production (Stripe `sk_test_`, PayPal sandbox, Plaid sandbox) and rotate any live key that was placed in a non-production config.",
  help: "A live publishable key (`pk_live_`) is reported low: it cannot charge alone but means the environment talks to the live account.",
  helpUri: "https://docs.stripe.com/keys",
  precision: "very-high",
  tags: ["environments", "payments"],
  samples: {
    positive: [
      sample(".env.staging", `APP_URL=https://staging.acme.shop
STRIPE_SECRET_KEY=${LIVE_KEY}
`, { expect: { line: 2 } }),
      {
        files: { ".env.development": "PLAID_CLIENT_ID=5f2a9c1e8b7d4a0019c4e2b1\nPLAID_ENV=production\n" },
        expect: { path: ".env.development", line: 2 },
        note: "a live-mode setting, not a key"
      }
    ],
    negative: [
      sample(".env.staging", `STRIPE_SECRET_KEY=${TEST_KEY}
PLAID_ENV=sandbox
`),
      sample(".env.production", `STRIPE_SECRET_KEY=${LIVE_KEY}
`, { note: "production is where live keys belong" }),
      sample(".env.staging.example", `STRIPE_SECRET_KEY=${LIVE_KEY}
`, { note: "example files are templates" }),
      sample(".env.staging", "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", { note: "a placeholder, not a key" })
    ]
  }
};
function judgePayment(resource, _model) {
  if (resource.kind !== "payment-key") return void 0;
  const publishable = /publishable/i.test(resource.display);
  const mode = resource.identity.startsWith("payment-mode:");
  return {
    ruleId: livePaymentKey.id,
    severity: publishable ? "low" : mode ? "medium" : void 0,
    action: mode ? `is set to ${resource.display}` : `uses a ${resource.display}`,
    detail: publishable ? "It talks to the live account." : "Anything run there moves real money on the production account.",
    related: [],
    identity: resource.identity
  };
}

// detectors/staging-reaches-production/rules/inherited.ts
var inheritedProductionValue = {
  id: `${DETECTOR}/inherited-production-value`,
  title: "Production value inherited by a non-production environment",
  severity: "medium",
  why: "A shared base file holds a production value (a production database, bucket, live key or secret), and a non-production layer built on that base does not override it. The staging, preview or development environment therefore runs against production without any file of its own saying so.",
  fix: "Move the production value into the production layer (`.env.production`, `values-prod.yaml`, `[context.production.environment]`) and give the base a safe default or none.",
  help: "The finding is on the base line; the inheriting layers and the production declaration are related locations. Severity follows what is inherited (a shared database is critical).",
  precision: "medium",
  tags: ["environments", "inheritance"],
  samples: {
    positive: [
      {
        files: {
          ".env": "PORT=3000\nDATABASE_URL=postgres://app:Sup3rS3cret@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n",
          ".env.staging": "PORT=3000\nAPP_URL=https://staging.acme.com\n"
        },
        expect: { path: ".env", line: 2 },
        note: "staging never overrides the production database set in the base file"
      },
      {
        files: {
          "netlify.toml": '[build]\n  command = "npm run build"\n  publish = "dist"\n\n[build.environment]\n  NODE_VERSION = "20"\n  DATABASE_URL = "postgres://web:pw@acme-prod.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:5432/web"\n\n[context.production.environment]\n  SITE_ENV = "production"\n'
        },
        expect: { path: "netlify.toml", line: 7 },
        note: "Netlify deploy previews build with [build.environment] unless a context overrides it"
      }
    ],
    negative: [
      {
        files: {
          ".env": "PORT=3000\nDATABASE_URL=postgres://app:pw@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n",
          ".env.staging": "DATABASE_URL=postgres://app:pw@orders-staging.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n"
        },
        note: "staging overrides the base value"
      },
      {
        files: {
          ".env": "DATABASE_URL=postgres://app:pw@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n",
          ".env.production": "LOG_LEVEL=warn\n"
        },
        note: "no non-production layer inherits the base"
      },
      {
        files: {
          "netlify.toml": '[build.environment]\n  DATABASE_URL = "postgres://web:pw@acme-prod.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:5432/web"\n\n[context.deploy-preview.environment]\n  DATABASE_URL = "postgres://web:pw@acme-preview.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:5432/web"\n\n[context.branch-deploy.environment]\n  DATABASE_URL = "postgres://web:pw@acme-preview.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:5432/web"\n'
        },
        note: "every preview context overrides the base"
      },
      {
        files: {
          "config/storage.yml": 'test:\n  service: Disk\n  root: <%= Rails.root.join("tmp/storage") %>\n\nlocal:\n  service: Disk\n  root: <%= Rails.root.join("storage") %>\n\namazon:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-production\n'
        },
        note: "Rails' stock storage.yml: services are alternatives, `test` and `local` inherit nothing from `amazon`"
      }
    ]
  }
};

// detectors/staging-reaches-production/index.ts
var RULES2 = [
  sharedDatabase,
  sharedVolume,
  sharedBucket,
  sharedProject,
  readsProductionSecret,
  readsProductionState,
  productionNamedResource,
  livePaymentKey,
  inheritedProductionValue,
  clonedFromProduction
];
var JUDGES = [judgeShared, judgeState, judgeSecret, judgePayment, judgeNamed];
var stagingReachesProduction = {
  id: "staging-reaches-production",
  rules: RULES2,
  admits: admitsPath,
  // Scripts and docs are read only for the commands that clone production; configs are read for their structure.
  keywords: ["railway", "heroku"],
  admitsWithoutKeywords: (file) => classifyPath(file.path)?.kind !== "commands",
  scanFile: scanEnvironmentFile,
  produces: ["environment-resource", "environment-layer", "environment-crossing"],
  consumes: ["environment-resource", "environment-layer"],
  finish: reportCrossings
};
function reportCrossings(context) {
  placeWithAliases(context);
  const model = new EnvironmentModel(context.facts, context.config.environmentAliases);
  const pending = /* @__PURE__ */ new Map();
  const add = (resource, verdict, environment, name, inheritedBy) => {
    const key = `${verdict.ruleId}\0${resource.location.path}\0${resource.location.span.line}\0${resource.identity}`;
    const existing = pending.get(key);
    if (existing) {
      existing.environments.set(`${environment}\0${name}`, name);
      if (severityRank(verdict.severity ?? ruleSeverity(verdict.ruleId)) > severityRank(existing.verdict.severity ?? ruleSeverity(existing.verdict.ruleId))) existing.verdict = verdict;
      return;
    }
    pending.set(key, { resource, verdict, environments: /* @__PURE__ */ new Map([[`${environment}\0${name}`, name]]), inheritedBy });
  };
  for (const resource of model.nonProduction()) {
    const verdict = judge(resource, model);
    if (verdict) add(resource, verdict, resource.environment, resource.environmentName);
  }
  for (const base of model.bases()) {
    const inheritors = model.inheritors(base.family, base.variable);
    if (inheritors.length === 0) continue;
    const verdict = judge(base, model);
    if (!verdict) continue;
    const related = inheritors.slice(0, 5).map((layer) => ({
      location: layer.location,
      message: `${environmentLabel(layer.environment, layer.environmentName)} inherits it${layer.implicit ? " (the platform creates this environment from the file)" : base.variable ? ` (does not set ${base.variable})` : ""}`
    }));
    const inherited = { ...verdict, ruleId: inheritedProductionValue.id, severity: verdict.severity ?? ruleSeverity(verdict.ruleId) };
    for (const layer of inheritors) add(base, { ...inherited, detail: verdict.detail }, layer.environment, layer.environmentName, related);
  }
  const ordered = [...pending.values()].sort((a, b) => compareLocations(a.resource.location, b.resource.location) || (a.verdict.ruleId < b.verdict.ruleId ? -1 : 1));
  for (const item of ordered) emit(context, item);
}
function judge(resource, model) {
  for (const judgeOne of JUDGES) {
    const verdict = judgeOne(resource, model);
    if (verdict) return verdict;
  }
  return void 0;
}
function pluralVerb(action) {
  const [verb, ...rest] = action.split(" ");
  const plural = verb === "is" ? "are" : verb.endsWith("s") ? verb.slice(0, -1) : verb;
  return [plural, ...rest].join(" ");
}
function ruleSeverity(ruleId) {
  return RULES2.find((rule2) => rule2.id === ruleId)?.severity ?? "medium";
}
function emit(context, { resource, verdict, environments, inheritedBy }) {
  const names = [...environments.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([key, name]) => [key.slice(0, key.indexOf("\0")), name]);
  const labels = names.map(([environment, name]) => environmentLabel(environment, name));
  const who = labels.length === 1 ? `The ${labels[0]} environment` : `The ${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]} environments`;
  const where = `${resource.variable ? `\`${resource.variable}\` in ` : ""}${resource.location.path}`;
  const message = inheritedBy ? `${who} ${names.length === 1 ? "inherits" : "inherit"} a production value from the base configuration: it ${verdict.action} (${where}). ${verdict.detail ?? ""}`.trim() : `${who} ${names.length === 1 ? verdict.action : pluralVerb(verdict.action)} (${where}). ${verdict.detail ?? ""}`.trim();
  const related = [...verdict.related, ...inheritedBy ?? []];
  context.report({
    ruleId: verdict.ruleId,
    severity: verdict.severity,
    message,
    location: resource.location,
    evidence: `${verdict.ruleId}|${verdict.identity}|${resource.identity}|${resource.variable ?? ""}|${names.map(([environment, name]) => `${environment}:${name}`).join(",")}`,
    details: {
      environment: [...new Set(names.map(([environment]) => environment))].join(","),
      environmentName: names.map(([, name]) => name).join(","),
      resource: resource.display,
      kind: resource.kind,
      variable: resource.variable,
      inherited: inheritedBy ? true : void 0
    },
    related: related.length > 0 ? related : void 0
  });
  const productionLocation = verdict.related.find((entry) => entry.message.startsWith("production"))?.location;
  for (const environment of new Set(names.map(([canonical]) => canonical))) {
    context.publish("environment-crossing", {
      environment,
      resourceKind: resource.kind,
      resource: resource.display,
      location: resource.location,
      productionLocation,
      identity: verdict.identity,
      rule: verdict.ruleId,
      inherited: inheritedBy ? true : void 0
    });
  }
}

// detectors/missing-offprovider-backup/shared.ts
var Inventory = class {
  constructor(file, out) {
    this.file = file;
    this.out = out;
  }
  file;
  out;
  get path() {
    return this.file.path;
  }
  store(store) {
    const environment = store.environment ?? environmentOf(this.path, [store.name]);
    const fact = {
      ...store,
      id: `${store.location.path}:${store.location.span.line}:${store.platform}:${store.name}`,
      environment,
      identities: [...new Set(store.identities.map((identity) => identity.toLowerCase()))],
      testOnly: store.testOnly ?? (isTestOnlyPath(this.path) || environment === "test")
    };
    this.out.publish("data-store", fact);
    return fact;
  }
  evidence(evidence) {
    if (isExamplePath(this.path)) return;
    this.out.publish("backup-evidence", { restoreTested: false, ...evidence });
  }
  context(context) {
    this.out.publish("store-context", context);
  }
  notify(code, message, line) {
    this.out.notify({ level: "warning", code, message, path: this.path, line });
  }
  /** The location of one whole line (trimmed), which is where findings and evidence point. */
  line(line) {
    return { path: this.path, span: lineSpan2(this.file, line) };
  }
  at(span) {
    return this.line(span.line);
  }
};
function lineSpan2(file, line) {
  const text = file.line(line);
  const start = text.length - text.trimStart().length;
  return { line, column: start + 1, endLine: line, endColumn: text.trimEnd().length + 1 };
}
function directoryOf2(path2) {
  const slash = path2.lastIndexOf("/");
  return slash === -1 ? "." : path2.slice(0, slash);
}
function fileNameOf(path2) {
  return path2.slice(path2.lastIndexOf("/") + 1);
}
function environmentOf(path2, names, aliases = {}) {
  const fromPath = environmentOfPath(path2, aliases);
  if (fromPath) return fromPath.environment;
  if (/(^|\/)\.devcontainer\//.test(path2)) return "development";
  for (const raw of names) {
    const name = raw?.replace(/\$\{[^}]*\}|\{\{[^}]*\}\}|%\{[^}]*\}|<%[^%]*%>/g, " ").trim();
    if (!name) continue;
    const environment = canonicalEnvironment(name, aliases);
    if (environment) return environment;
  }
  return void 0;
}
function environmentNamed(name) {
  return name ? canonicalEnvironment(name) : void 0;
}
function isTestOnlyPath(path2) {
  if (isTestExampleOrDocsPath(path2)) return true;
  const tokens = tokensOf(fileNameOf(path2));
  return tokens.some((token) => token === "test" || token === "tests" || token === "testing" || token === "ci" || token === "e2e" || token === "spec" || token === "cypress" || token === "playwright");
}
function isExamplePath(path2) {
  return /(^|\/)(examples?|samples?|docs?|fixtures?|testdata|__tests__|__mocks__)(\/|$)/i.test(path2);
}
function textOf(node) {
  if (!node || node.kind !== "scalar") return void 0;
  if (node.expression !== void 0) return node.expression;
  return node.value === null ? void 0 : String(node.value);
}
function literalOf(node) {
  if (!node || node.kind !== "scalar" || node.expression !== void 0 || node.value === null) return void 0;
  return String(node.value);
}
function mapOf2(node) {
  return node?.kind === "map" ? node : void 0;
}
function itemsOf(node) {
  if (!node) return [];
  if (node.kind === "seq") return node.items;
  return [node];
}
function getInsensitive(node, key) {
  if (node?.kind !== "map") return void 0;
  const lower = key.toLowerCase();
  return node.entries.find((entry) => entry.key.toLowerCase() === lower)?.value;
}
function isTruthy(node) {
  const text = literalOf(node);
  if (text === void 0) return void 0;
  if (/^(true|yes|on|1|enabled?)$/i.test(text)) return true;
  if (/^(false|no|off|0|disabled?)$/i.test(text)) return false;
  return void 0;
}
var IMAGE_ENGINES = [
  [/(^|\/)(postgres|postgresql|postgis|pgvector|timescaledb[\w-]*|timescale|postgres-ssl|cloudnative-pg|spilo[\w-]*|crunchy-postgres|supabase\/postgres|paradedb|citus)(:|@|$)/i, "postgres"],
  [/(^|\/)(mysql|mariadb|percona(-server)?|mysql-server)(:|@|$)/i, "mysql"],
  [/(^|\/)(mongo|mongodb(-community-server)?|mongodb-server)(:|@|$)/i, "mongo"],
  [/(^|\/)mssql\/server(:|@|$)|(^|\/)azure-sql-edge(:|@|$)/i, "mssql"],
  [/(^|\/)(clickhouse-server|clickhouse)(:|@|$)/i, "clickhouse"],
  [/(^|\/)(cassandra|scylla)(:|@|$)/i, "cassandra"],
  [/(^|\/)couchdb(:|@|$)/i, "couchdb"],
  [/(^|\/)neo4j(:|@|$)/i, "neo4j"],
  [/(^|\/)influxdb(:|@|$)/i, "influxdb"],
  [/(^|\/)(cockroach|cockroachdb)(:|@|$)/i, "postgres"],
  [/(^|\/)minio(:|@|$)/i, "object-storage"]
];
function engineOfImage(image) {
  if (!image) return void 0;
  const name = image.trim().replace(/^docker\.io\//, "");
  for (const [pattern, engine] of IMAGE_ENGINES) if (pattern.test(name)) return engine;
  return void 0;
}
function engineTitle(engine) {
  const titles = {
    postgres: "Postgres database",
    mysql: "MySQL database",
    mongo: "MongoDB database",
    mssql: "SQL Server database",
    sqlite: "SQLite database",
    clickhouse: "ClickHouse database",
    cassandra: "Cassandra database",
    couchdb: "CouchDB database",
    neo4j: "Neo4j database",
    influxdb: "InfluxDB database",
    "object-storage": "bucket",
    volume: "volume",
    dynamodb: "DynamoDB table",
    cosmosdb: "Cosmos DB account",
    firestore: "Firestore database",
    "file-system": "file system",
    database: "database"
  };
  return titles[engine] ?? `${engine} store`;
}
function platformTitle(platform) {
  const titles = {
    railway: "Railway",
    render: "Render",
    fly: "Fly.io",
    heroku: "Heroku",
    supabase: "Supabase",
    neon: "Neon",
    planetscale: "PlanetScale",
    aws: "AWS",
    gcp: "Google Cloud",
    azure: "Azure",
    digitalocean: "DigitalOcean",
    "mongodb-atlas": "MongoDB Atlas",
    kubernetes: "Kubernetes",
    "docker-compose": "docker compose",
    kamal: "Kamal",
    host: "the server",
    cloudflare: "Cloudflare",
    backblaze: "Backblaze B2",
    wasabi: "Wasabi",
    tigris: "Tigris",
    github: "GitHub",
    local: "the same disk",
    vercel: "Vercel",
    upstash: "Upstash",
    turso: "Turso",
    cockroach: "CockroachDB Cloud",
    aiven: "Aiven",
    xata: "Xata",
    timescale: "Timescale Cloud"
  };
  return titles[platform] ?? platform;
}

// detectors/missing-offprovider-backup/assess.ts
var RULE = {
  noBackup: "missing-offprovider-backup/no-backup",
  sameVolume: "missing-offprovider-backup/same-volume-backup",
  providerOnly: "missing-offprovider-backup/provider-only-backup",
  destinationUnknown: "missing-offprovider-backup/backup-destination-unknown",
  notVisible: "missing-offprovider-backup/backup-not-visible",
  restoreNeverTested: "missing-offprovider-backup/restore-never-tested"
};
var RANK = {
  none: 0,
  "same-volume": 1,
  "provider-managed": 2,
  "same-account-other-region": 3,
  "destination-unknown": 4,
  "other-account": 5,
  "off-provider": 6
};
var HYPERSCALERS = /* @__PURE__ */ new Set(["aws", "gcp", "azure"]);
var SAME_PLANE = lookupTable({ fly: ["tigris"], tigris: ["fly"] });
var HOST_LIKE = /* @__PURE__ */ new Set(["host", "kubernetes", "in-cluster", "docker-compose", "kamal"]);
function assess(context) {
  const stores = [...context.facts.all("data-store")];
  const evidence = context.facts.all("backup-evidence");
  const contexts = context.facts.all("store-context");
  const aliases = context.config.environmentAliases;
  const byKind = (kind) => contexts.filter((entry) => entry.kind === kind);
  const buttons = new Set(byKind("deploy-button").map((entry) => entry.value));
  const allDeploys = byKind("deploys").filter((entry) => !buttons.has(entry.value) && !isTestExampleOrDocsPath(entry.location.path));
  const deploys = allDeploys.filter((entry) => entry.value !== "kubernetes-manifest");
  const kubernetesApplied = deploys.some((entry) => entry.value === "kubernetes" || entry.value === "gitops");
  const appDeploys = deploys.filter((entry) => entry.value !== "cloudflare" && entry.value !== "supabase");
  const composeDeploys = byKind("deploys-compose").filter((entry) => !isTestExampleOrDocsPath(entry.location.path));
  const terraformRoots = new Set(byKind("terraform-root").map((entry) => entry.directory));
  const supabaseHosted = byKind("supabase-hosted").length > 0;
  const supabaseRefs = [...new Set(byKind("supabase-hosted").map((entry) => entry.name).filter((name) => !!name))];
  const stacks = byKind("pulumi-stack");
  const prodComposeFiles = stores.filter((store) => store.declaredBy === "compose" && environmentOf2(store, aliases) === "production").length > 0;
  const environments = new Map(stores.map((store) => [store.id, environmentOf2(store, aliases, stacks)]));
  const declaredProduction = (store) => {
    if (store.testOnly) return false;
    const environment = environments.get(store.id);
    if (environment && environment !== "production") return false;
    if (buttons.has(store.platform) && store.declaredBy === "platform") return false;
    switch (store.declaredBy) {
      case "platform":
        if (store.platform === "supabase") return environment === "production" || supabaseHosted;
        return true;
      case "infrastructure": {
        const terraform = store.identities.find((identity) => identity.startsWith("terraform:"));
        if (terraform) {
          const directory = directoryOf2(store.location.path);
          const isModule = /(^|\/)modules?\//.test(store.location.path) || !terraformRoots.has(directory);
          return environment === "production" || !isModule;
        }
        return true;
      }
      case "manifest":
        return environment === "production" || kubernetesApplied;
      case "compose": {
        if (environment === "production") return true;
        if (environment) return false;
        const path2 = store.location.path.toLowerCase();
        return composeDeploys.some((deploy) => {
          if (!deploy.name) return !prodComposeFiles;
          const named = deploy.name.toLowerCase().replace(/^\.\//, "");
          return named.includes("/") ? path2 === named || path2.endsWith(`/${named}`) : fileNameOf(path2) === named;
        });
      }
      case "usage":
      default:
        if (store.platform === "supabase" && !supabaseHosted && environment !== "production" && !store.identities.some((identity) => identity.startsWith("supabase:project:"))) return false;
        return appDeploys.length > 0 || composeDeploys.length > 0 || environment === "production" && store.provider !== void 0;
    }
  };
  const assessments = new Map(stores.map((store) => [store.id, { store, production: false, environment: environments.get(store.id), matched: [], best: "none", primary: true }]));
  const candidates = stores.filter((store) => declaredProduction(store));
  for (const store of candidates) assessments.get(store.id).production = true;
  const rankOf = (store) => {
    const order = { platform: 0, infrastructure: 0, manifest: 1, compose: 1, usage: store.provider ? 2 : 3 };
    return order[store.declaredBy ?? "usage"] ?? 3;
  };
  const byPlace = (a, b) => a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : a.location.span.line - b.location.span.line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...candidates].sort((a, b) => rankOf(a) - rankOf(b) || byPlace(a, b));
  const kept = [];
  for (const store of sorted) {
    const twin = kept.find((other) => describeSame(other, store));
    if (twin) {
      const assessment = assessments.get(store.id);
      assessment.primary = false;
      assessment.sameAs = twin;
      continue;
    }
    kept.push(store);
  }
  const supabaseIdentities = supabaseRefs.length === 1 ? [`supabase:project:${supabaseRefs[0]}`, `host:db.${supabaseRefs[0]}.supabase.co`, `host:${supabaseRefs[0]}.supabase.co`] : [];
  const referencedPlans = new Set(evidence.map((item) => item.destinationRef).filter((ref) => !!ref));
  const resolve2 = (item, store, depth = 0) => classify(item, store, { contexts, evidence, referencedPlans, depth, resolve: resolve2 });
  const coverage = new Coverage(stores, referencedPlans);
  for (const store of kept) {
    const assessment = assessments.get(store.id);
    const identities = store.platform === "supabase" ? [...store.identities, ...supabaseIdentities] : store.identities;
    const withIdentities = { ...store, identities };
    for (const item of evidence) {
      if (!coverage.covers(item, withIdentities)) continue;
      if (item.environment && item.environment !== "production" && assessment.environment !== item.environment) continue;
      assessment.matched.push(resolve2(item, store));
    }
    const classes = [store.builtInBackup?.protection ?? "none", ...assessment.matched.map((match) => match.protection)];
    assessment.best = classes.reduce((best, next) => RANK[next] > RANK[best] ? next : best, "none");
  }
  const decided = /* @__PURE__ */ new Map();
  for (const assessment of assessments.values()) {
    const { store } = assessment;
    const external = assessment.production && assessment.primary ? externalBackupFor(store, context.config.externalBackups) : void 0;
    decided.set(store.id, {
      production: assessment.production && assessment.primary,
      environment: assessment.environment ?? store.environment,
      protection: external ? "off-provider" : assessment.primary ? assessment.best : void 0,
      ...assessment.sameAs ? { sameAs: assessment.sameAs.id } : {},
      ...external ? { externalBackup: external } : {},
      ...store.platform === "supabase" && supabaseIdentities.length > 0 ? { identities: [.../* @__PURE__ */ new Set([...store.identities, ...supabaseIdentities])] } : {}
    });
    if (!assessment.production) continue;
    if (assessment.primary && !external) reportProtection(context, assessment, deploys, composeDeploys);
    reportDestructive(context, assessment, byKind("storage-class"));
  }
  context.enrichEach("data-store", (fact) => decided.get(fact.id));
}
function environmentOf2(store, aliases, stacks = []) {
  if (Object.keys(aliases).length > 0) {
    const fromPath = environmentOfPath(store.location.path, aliases)?.environment;
    if (fromPath) return fromPath;
    const fromName = environmentOf("", [store.name], aliases);
    if (fromName && !store.environment) return fromName;
  }
  if (store.environment) return store.environment;
  if (store.identities.some((identity) => identity.startsWith("pulumi:"))) {
    const directory = directoryOf2(store.location.path);
    const names = stacks.filter((stack) => stack.directory === directory || directory.startsWith(`${stack.directory}/`)).map((stack) => canonicalEnvironment(stack.name ?? "", aliases));
    if (names.length > 0 && !names.includes("production") && names.every((name) => name !== void 0)) return names[0];
  }
  return void 0;
}
function enginesCompatible(a, b) {
  return a === b || a === "database" || b === "database";
}
function describeSame(kept, other) {
  if (kept.identities.some((identity) => other.identities.includes(identity) && !identity.startsWith("operator:"))) return true;
  if (other.declaredBy !== "usage") return false;
  if (!enginesCompatible(kept.engine, other.engine)) return false;
  const hosts = (store) => store.identities.filter((identity) => identity.startsWith("host:"));
  if (kept.declaredBy === "usage" && hosts(kept).length > 0 && hosts(other).length > 0) return false;
  if (other.provider === void 0) return kept.engine !== "object-storage" && kept.engine !== "volume" || kept.engine === other.engine;
  return kept.provider === other.provider;
}
function providerOfStore(store, contexts) {
  if (store.provider === "kubernetes") {
    const storageClass = store.storageClass ? contexts.find((entry) => entry.kind === "storage-class" && entry.name === store.storageClass) : void 0;
    if (storageClass?.value) return storageClass.value;
    const byName = store.storageClass ?? "";
    if (/^(gp2|gp3|io1|io2|st1|sc1|ebs)/.test(byName)) return "aws";
    if (/^(standard-rwo|premium-rwo|pd-)/.test(byName)) return "gcp";
    if (/^(managed|azurefile|default-azure)/.test(byName)) return "azure";
    if (/^do-block-storage/.test(byName)) return "digitalocean";
    return "kubernetes";
  }
  return store.provider ?? "unknown";
}
function accountOfStore(store, contexts) {
  if (store.account) return { account: store.account, region: store.region };
  const terraform = store.identities.find((identity) => identity.startsWith("terraform:"));
  if (!terraform) return { region: store.region };
  const directory = directoryOf2(store.location.path);
  const address = terraform.split(":").slice(2).join(":");
  const alias = contexts.find((entry) => entry.kind === "terraform-resource-provider" && entry.directory === directory && entry.name === address)?.value;
  const provider = contexts.find((entry) => entry.kind === "terraform-provider" && entry.directory === directory && entry.name === (alias ?? store.provider));
  return { account: provider?.account, region: store.region ?? provider?.region };
}
function classify(item, store, context) {
  const { contexts } = context;
  let provider = item.destinationProvider;
  let account = item.destinationAccount;
  let region = item.destinationRegion;
  if (item.destinationRef) {
    const ref = item.destinationRef;
    if (ref.startsWith("rclone:") || ref.startsWith("velero:")) {
      const name = ref.slice(ref.indexOf(":") + 1);
      const found = contexts.find((entry) => entry.kind === "rclone-remote" && entry.name === name || entry.kind === "backup-location" && entry.name === ref);
      if (!found?.value) return { evidence: item, protection: "destination-unknown", note: `the destination ${item.destination ?? ref} is not visible in the repo` };
      provider = found.value;
    } else if (/^(aws_backup_plan\.|cloudformation-plan:)/.test(ref) && context.depth < 2) {
      const directory = directoryOf2(item.location.path);
      const planCover = ref.startsWith("aws_backup_plan.") ? `terraform-plan:${directory}:${ref.slice("aws_backup_plan.".length)}` : ref;
      const plans = context.evidence.filter((candidate) => candidate.covers.includes(planCover));
      if (plans.length > 0) {
        const judged = plans.map((plan) => context.resolve(plan, store, context.depth + 1));
        return judged.reduce((best, next) => RANK[next.protection] > RANK[best.protection] ? next : best);
      }
    } else if (ref.startsWith("aws_backup_vault.")) {
      const directory = directoryOf2(item.location.path);
      const alias = contexts.find((entry) => entry.kind === "terraform-resource-provider" && entry.directory === directory && entry.name === ref)?.value;
      const target = contexts.find((entry) => entry.kind === "terraform-provider" && entry.directory === directory && entry.name === (alias ?? "aws"));
      account = target?.account ?? account;
      region = target?.region ?? region;
    }
  }
  const where = item.destination ? ` (${item.destination})` : "";
  if (provider === void 0) {
    const protection = item.protection === "off-provider" ? "destination-unknown" : item.protection;
    return { evidence: item, protection, note: protection === "destination-unknown" ? `the destination${where} is not visible in the repo` : describe(protection, store) };
  }
  if (provider === "same-cloud") return { evidence: item, protection: "provider-managed", note: `snapshots stay in the same ${platformTitle(providerOfStore(store, contexts))} account` };
  const storeProvider = providerOfStore(store, contexts);
  if (provider === "local") {
    if (HOST_LIKE.has(storeProvider) || HOST_LIKE.has(store.platform)) return { evidence: item, protection: "same-volume", note: `the copy stays on the same host or volume${where}` };
    return { evidence: item, protection: "destination-unknown", note: `the copy is written to a local path${where}, and where that runs is not visible` };
  }
  const same = provider === storeProvider || (SAME_PLANE[storeProvider] ?? []).includes(provider);
  if (!same) {
    return { evidence: item, protection: "off-provider", note: `copies leave ${platformTitle(storeProvider)} for ${platformTitle(provider)}${where}` };
  }
  const source2 = accountOfStore(store, contexts);
  const native = item.protection === "provider-managed" || item.protection === "same-account-other-region" || item.protection === "other-account";
  if (account && source2.account && account !== source2.account) return { evidence: item, protection: "other-account", note: `copies go to another ${platformTitle(provider)} account (${account})${where}` };
  if (native) {
    if (account && source2.account) {
      const otherRegion = !!region && !!source2.region && region !== source2.region;
      const protection = otherRegion || item.protection === "other-account" ? "same-account-other-region" : item.protection;
      return { evidence: item, protection, note: describe(protection, store) };
    }
    return { evidence: item, protection: item.protection, note: describe(item.protection, store) };
  }
  if (!HYPERSCALERS.has(provider)) return { evidence: item, protection: "provider-managed", note: `copies stay with ${platformTitle(provider)}${where}` };
  if (account && source2.account) return { evidence: item, protection: "provider-managed", note: `copies stay in the same ${platformTitle(provider)} account${where}` };
  return { evidence: item, protection: "destination-unknown", note: `copies go to ${platformTitle(provider)}${where}, and whether that is another account is not visible` };
}
function describe(protection, store) {
  switch (protection) {
    case "provider-managed":
      return `held by ${platformTitle(store.provider ?? store.platform)} in the same account`;
    case "same-account-other-region":
      return "copied to another region of the same account";
    case "other-account":
      return "copied to another account";
    case "same-volume":
      return "kept on the same volume or host";
    case "off-provider":
      return "copied off the provider";
    case "destination-unknown":
      return "destination not visible in the repo";
    default:
      return "no copy";
  }
}
var Coverage = class {
  constructor(all, referencedPlans) {
    this.all = all;
    this.referencedPlans = referencedPlans;
  }
  all;
  referencedPlans;
  planSelected = /* @__PURE__ */ new Map();
  namesSomeStore = /* @__PURE__ */ new Map();
  split = /* @__PURE__ */ new Map();
  covers(item, store) {
    const engineOk = !item.engines || item.engines.length === 0 || item.engines.some((engine) => engineMatches(engine, store));
    const { named, plan } = this.coversOf(item);
    if (plan) {
      if (!this.isSelected(plan)) return store.provider === "aws";
      return false;
    }
    if (named.length === 0) return engineOk;
    if (named.some((cover) => coverMatches(cover, store))) return engineOk || named.some((cover) => store.identities.includes(cover));
    return !this.namesAnyStore(item, named) && named.every((cover) => cover.startsWith("host:") || cover.startsWith("path:")) && engineOk;
  }
  /** A backup's plan and the names it covers (anything else), split once per backup. */
  coversOf(item) {
    let split = this.split.get(item);
    if (!split) {
      const isPlan = (cover) => cover.startsWith("terraform-plan:") || cover.startsWith("cloudformation-plan:");
      split = { named: item.covers.filter((cover) => !isPlan(cover)), plan: item.covers.find(isPlan) };
      this.split.set(item, split);
    }
    return split;
  }
  isSelected(plan) {
    let selected = this.planSelected.get(plan);
    if (selected === void 0) {
      selected = this.referencedPlans.has(plan) || [...this.referencedPlans].some((ref) => plan.endsWith(`:${ref.replace(/^aws_backup_plan\./, "")}`));
      this.planSelected.set(plan, selected);
    }
    return selected;
  }
  namesAnyStore(item, named) {
    let found = this.namesSomeStore.get(item);
    if (found === void 0) {
      found = this.all.some((candidate) => named.some((cover) => coverMatches(cover, candidate)));
      this.namesSomeStore.set(item, found);
    }
    return found;
  }
};
function coverMatches(cover, candidate) {
  if (candidate.identities.includes(cover)) return true;
  if (cover.startsWith("provider:")) {
    const [provider, directory] = cover.slice("provider:".length).split("@");
    if (candidate.provider !== provider && candidate.platform !== provider) return false;
    return directory === void 0 || directoryOf2(candidate.location.path) === directory || candidate.location.path === directory;
  }
  if (cover.endsWith(":*")) return candidate.identities.some((identity) => identity.startsWith(cover.slice(0, -1)));
  if (cover.startsWith("path:")) {
    const path2 = cover.slice("path:".length);
    return (candidate.mountPaths ?? []).some((mount) => path2 === mount || path2.startsWith(`${mount.replace(/\/$/, "")}/`));
  }
  return false;
}
function engineMatches(engine, store) {
  if (engine === store.engine) return true;
  if (store.engine === "database" && ["postgres", "mysql", "mongo", "mssql"].includes(engine)) return true;
  if (engine === "volume") return store.engine === "volume" || store.engine === "sqlite" || store.engine === "file-system" || HOST_LIKE.has(store.provider ?? "") || store.platform === "docker-compose" || store.platform === "kamal";
  if (engine === "sqlite") return store.engine === "volume";
  return false;
}
function externalBackupFor(store, recorded) {
  for (const entry of recorded) {
    const wanted = entry.store.trim().toLowerCase();
    if (!wanted) continue;
    if (store.name.toLowerCase() === wanted) return entry.reason;
    if (store.declaredBy === "usage" && !store.provider && (store.engine === wanted || /database_url|db_url/i.test(wanted))) return entry.reason;
    for (const identity of store.identities) {
      if (identity === wanted || identity.split(":").pop() === wanted || identity.split(":").pop()?.split("/").pop() === wanted) return entry.reason;
    }
  }
  return void 0;
}
function reportProtection(context, assessment, deploys, composeDeploys) {
  const { store, best, matched } = assessment;
  const what = `${assessment.environment === "production" ? "Production" : "Deployed"} ${engineTitle(store.engine)} \`${store.name}\``;
  const on = store.provider && store.provider !== "host" && store.provider !== "kubernetes" ? ` on ${platformTitle(store.provider)}` : store.platform === "docker-compose" ? " (docker compose)" : store.platform === "kamal" ? " (Kamal accessory)" : store.platform === "kubernetes" ? " (Kubernetes)" : "";
  const related = matched.map((match) => ({ location: match.evidence.location, message: `${match.evidence.mechanism}: ${match.note}` }));
  if (store.declaredBy === "compose" || store.declaredBy === "usage") {
    const deploy = store.declaredBy === "compose" ? composeDeploys[0] : deploys[0];
    if (deploy) related.push({ location: deploy.location, message: "where the repo shows this app deployed" });
  }
  const builtIn = store.builtInBackup;
  const details = {
    environment: assessment.environment ?? "production",
    platform: store.platform,
    engine: store.engine,
    resource: store.name,
    protection: best
  };
  const base = { location: store.location, related, details, evidence: `${store.platform}:${store.engine}:${store.name}` };
  if (RANK[best] >= RANK["other-account"]) {
    const tested = matched.some((match) => match.evidence.restoreTested && RANK[match.protection] >= RANK["destination-unknown"]);
    if (!tested) {
      const copy = matched.filter((match) => RANK[match.protection] >= RANK["other-account"]).map((match) => match.evidence.mechanism);
      context.report({
        ...base,
        ruleId: RULE.restoreNeverTested,
        message: `${what}${on} is backed up off the provider (${[...new Set(copy)].join(", ")}), but nothing in the repo ever restores a backup into a scratch database and checks it.`
      });
    }
    return;
  }
  const known = matched.filter((match) => match.protection !== "none").map((match) => `${match.evidence.mechanism}: ${match.note}`);
  const found = [...builtIn && builtIn.protection !== "none" ? [builtIn.description] : [], ...known];
  const foundText = found.length > 0 ? ` Found: ${found.join("; ")}.` : "";
  if (best === "destination-unknown") {
    context.report({
      ...base,
      ruleId: RULE.destinationUnknown,
      message: `${what}${on} is backed up, but the repo does not show where the copies go, so whether they survive losing ${platformTitle(store.provider ?? "the provider")} cannot be told.${foundText}`
    });
    return;
  }
  if (store.declaredBy === "usage" && !store.provider && best === "none") {
    context.report({
      ...base,
      ruleId: RULE.notVisible,
      message: `The ${engineTitle(store.engine)} this deployed app uses (${store.name}) has no backup visible in the repo, and the repo does not show where it runs or who backs it up.`
    });
    return;
  }
  const missing = " No copy to another provider or account is configured in the repo.";
  if (best === "none") {
    context.report({
      ...base,
      ruleId: RULE.noBackup,
      severity: store.declaredBy === "usage" ? "medium" : void 0,
      message: `${what}${on} has no backup: ${builtIn?.description ?? "no backup is configured for it"}.${missing}`
    });
    return;
  }
  if (best === "same-volume") {
    const critical2 = store.provider === "railway";
    context.report({
      ...base,
      ruleId: RULE.sameVolume,
      severity: critical2 ? "critical" : void 0,
      message: `${what}${on} keeps its only backups on the same volume or host, so one delete takes the data and its backups together.${foundText}${missing}`
    });
    return;
  }
  const critical = store.provider === "supabase" && store.declaredBy !== "usage";
  const severity = best === "same-account-other-region" || store.declaredBy === "usage" ? "medium" : critical ? "critical" : void 0;
  context.report({
    ...base,
    ruleId: RULE.providerOnly,
    severity,
    message: `${what}${on} has only backups held by ${platformTitle(store.provider ?? store.platform)}${best === "same-account-other-region" ? " in the same account" : ""}, which go with the ${critical ? "project" : "account"} if it is deleted or lost.${foundText}${missing}`
  });
}
var DESTRUCTIVE_TITLES = lookupTable({
  "deletion-protection-off": "has deletion protection off",
  "skip-final-snapshot": "skips its final snapshot on delete",
  "backups-disabled": "has automated backups turned off",
  "backups-die-with-instance": "deletes its automated backups together with the instance",
  "force-destroy": "can be destroyed with all its objects in one call",
  "no-prevent-destroy": "has no guard against being destroyed by the infrastructure tool",
  "deletion-policy-delete": "is deleted with its stack",
  "reclaim-policy-delete": "has its volume deleted when the claim or workload is removed"
});
function reportDestructive(context, assessment, storageClasses) {
  const { store } = assessment;
  const explicitProduction = assessment.environment === "production";
  const settings = [...store.destructiveSettings ?? []];
  if (store.provider === "kubernetes" && store.engine !== "volume" || store.identities.some((identity) => identity.includes(":persistentvolumeclaim/"))) {
    const storageClass = store.storageClass ? storageClasses.find((entry) => entry.name === store.storageClass) : void 0;
    if (storageClass && (storageClass.policy ?? "Delete") === "Delete" && assessment.primary) {
      settings.push({ kind: "reclaim-policy-delete", setting: `storage class ${storageClass.name} reclaimPolicy: ${storageClass.policy ?? "Delete (default)"}`, explicit: storageClass.policy === "Delete", location: store.location, from: storageClass });
    }
  }
  for (const setting of settings) {
    if (!setting.explicit && !explicitProduction) continue;
    const ruleId = `missing-offprovider-backup/${setting.kind}`;
    const what = `${explicitProduction ? "Production" : "Deployed"} ${engineTitle(store.engine)} \`${store.name}\``;
    const related = [];
    if (setting.location.span.line !== store.location.span.line || setting.location.path !== store.location.path) related.push({ location: store.location, message: `declaration of ${store.name}` });
    if (setting.from) related.push({ location: setting.from.location, message: `storage class ${setting.from.name}` });
    context.report({
      ruleId,
      severity: setting.explicit ? void 0 : "low",
      message: `${what} ${DESTRUCTIVE_TITLES[setting.kind] ?? setting.kind}: ${setting.setting}.`,
      location: setting.location,
      evidence: `${setting.kind}:${store.platform}:${store.name}:${setting.setting}`,
      related,
      details: { environment: assessment.environment ?? "production", platform: store.platform, engine: store.engine, resource: store.name, setting: setting.setting }
    });
  }
}

// detectors/missing-offprovider-backup/backups/destinations.ts
var ENDPOINT_PROVIDERS = [
  [/\.r2\.cloudflarestorage\.com|\.r2\.dev\b/i, "cloudflare"],
  [/backblazeb2\.com|\bbackblaze\b/i, "backblaze"],
  [/wasabisys\.com/i, "wasabi"],
  [/digitaloceanspaces\.com/i, "digitalocean"],
  [/storage\.googleapis\.com|\bgoogleapis\.com/i, "gcp"],
  [/\.blob\.core\.windows\.net|\.dfs\.core\.windows\.net/i, "azure"],
  [/(fly\.)?storage\.tigris\.dev|\.tigris\.dev|t3\.storage\.dev/i, "tigris"],
  [/\.supabase\.co\b/i, "supabase"],
  [/storage\.railway\.app|\.railway\.app\b|\.rlwy\.net\b/i, "railway"],
  [/linodeobjects\.com/i, "linode"],
  [/your-objectstorage\.com|your-storagebox\.de/i, "hetzner"],
  [/\.scw\.cloud/i, "scaleway"],
  [/\.cloud\.ovh\.net|\.io\.cloud\.ovh/i, "ovh"],
  [/idrivee2|idrivecloud/i, "idrive"],
  [/\.rsync\.net\b/i, "rsync.net"],
  [/\.storjshare\.io|gateway\.storjshare/i, "storj"],
  [/\.oraclecloud\.com/i, "oracle"],
  [/\.amazonaws\.com(\.cn)?\b/i, "aws"],
  [/^(https?:\/\/)?(localhost|127\.0\.0\.1|0\.0\.0\.0|minio|host\.docker\.internal)(:\d+)?(\/|$)/i, "local"]
];
function providerOfEndpoint(endpoint) {
  if (!endpoint) return void 0;
  for (const [pattern, provider] of ENDPOINT_PROVIDERS) if (pattern.test(endpoint)) return provider;
  return void 0;
}
var UNRESOLVED = /\$\{\{|\$\{?[A-Za-z_]|<[A-Z_]+>|\{\{|%\(|!Ref|!Sub|!ImportValue|\bvar\.|\blocal\.|\bmodule\./;
function isUnresolved(text) {
  return UNRESOLVED.test(text);
}
function displayOf(text) {
  return text.replace(/\/\/[^/@\s]*@/, "//").replace(/\?.*$/, "").slice(0, 120);
}
function parseArn(arn) {
  const match = /^arn:aws[\w-]*:([\w-]+):([\w-]*):(\d{12})?:/.exec(arn);
  if (!match) return void 0;
  return { service: match[1], region: match[2] || void 0, account: match[3] };
}
function classifyDestination(raw, givenEndpoint, remotes = /* @__PURE__ */ new Map()) {
  const text = raw.trim().replace(/^["']|["']$/g, "");
  const queryEndpoint = /[?&]endpoint=([^&#]+)/.exec(text)?.[1];
  const endpoint = givenEndpoint ?? (queryEndpoint ? safeDecode(queryEndpoint) : void 0);
  const display = displayOf(text);
  const endpointProvider = endpoint ? providerOfEndpoint(endpoint) ?? (isUnresolved(endpoint) ? void 0 : "remote-host") : void 0;
  const unresolvedTarget = isUnresolved(text);
  const arn = parseArn(text);
  if (arn) return { display, provider: "aws", account: arn.account, region: arn.region, unresolved: false };
  const scheme = /^([a-z][a-z0-9+.-]*):(\/\/)?/i.exec(text);
  const prefix = scheme?.[1]?.toLowerCase();
  if (prefix === "s3" || prefix === "s3a" || prefix === "s3n") {
    if (scheme[2]) {
      const provider2 = endpoint === void 0 ? "aws" : endpointProvider;
      return { display, provider: provider2, unresolved: provider2 === void 0 };
    }
    const rest = text.slice(scheme[0].length);
    const known = providerOfEndpoint(rest.replace(/^https?:\/\//, "").split("/")[0] ?? "");
    if (!known && (isUnresolved(rest.split("/")[0] ?? rest) || isUnresolved(rest.replace(/^https?:\/\//, "").split("/")[0] ?? ""))) return { display, unresolved: true };
    const provider = known ?? providerOfEndpoint(rest) ?? "remote-host";
    return { display, provider, unresolved: false };
  }
  if (prefix === "gs" || prefix === "gcs") return { display, provider: "gcp", unresolved: false };
  if (prefix === "b2") return { display, provider: "backblaze", unresolved: false };
  if (prefix === "azure" || prefix === "abs" || prefix === "az" || prefix === "wasbs" || prefix === "abfss") return { display, provider: "azure", unresolved: false };
  if (prefix === "r2") return { display, provider: "cloudflare", unresolved: false };
  if (prefix === "file") return { display, provider: "local", unresolved: false };
  if (prefix === "swift") return { display, provider: "openstack", unresolved: false };
  if (prefix === "http" || prefix === "https" || prefix === "rest" || prefix === "webdav" || prefix === "webdavs") {
    const rest = prefix === "rest" ? text.slice(scheme[0].length) : text;
    const provider = providerOfEndpoint(rest);
    if (provider) return { display, provider, unresolved: false };
    return { display, provider: unresolvedTarget ? void 0 : "remote-host", unresolved: unresolvedTarget };
  }
  if (prefix === "sftp" || prefix === "ssh" || prefix === "scp" || prefix === "rsync") {
    const provider = providerOfEndpoint(text);
    return { display, provider: provider ?? (unresolvedTarget ? void 0 : "ssh"), unresolved: unresolvedTarget && !provider };
  }
  if (prefix === "rclone") return classifyDestination(text.slice(scheme[0].length), endpoint, remotes);
  const ssh = /^(?:[\w.-]+@)?([\w.-]+\.[a-z]{2,}|\d+\.\d+\.\d+\.\d+):/i.exec(text);
  if (ssh) {
    const provider = providerOfEndpoint(ssh[1]);
    return { display, provider: provider ?? "ssh", unresolved: false };
  }
  const remote = /^([\w-]+):(?!\/\/)/.exec(text);
  if (remote && !/^[A-Za-z]$/.test(remote[1])) {
    const provider = remotes.get(remote[1].toLowerCase());
    return { display, provider, unresolved: provider === void 0 };
  }
  if (/^(\/|\.\.?\/|~\/)/.test(text) || /^[\w.-]+(\/[\w.$-]*)*$/.test(text)) {
    return unresolvedTarget && !/^[/.~]/.test(text) ? { display, unresolved: true } : { display, provider: "local", unresolved: false };
  }
  return { display, unresolved: true };
}
function providerOfRcloneRemote(type, provider, endpoint) {
  const byEndpoint = providerOfEndpoint(endpoint);
  if (byEndpoint) return byEndpoint;
  const kind = (type ?? "").toLowerCase();
  const vendor = (provider ?? "").toLowerCase();
  if (kind === "s3") {
    const vendors = {
      aws: "aws",
      cloudflare: "cloudflare",
      wasabi: "wasabi",
      digitalocean: "digitalocean",
      scaleway: "scaleway",
      ceph: "remote-host",
      minio: "remote-host",
      idrive: "idrive",
      ionos: "ionos",
      storj: "storj",
      linode: "linode",
      other: "remote-host",
      backblaze: "backblaze",
      tencentcos: "tencent",
      alibaba: "alibaba",
      gcs: "gcp",
      hetzner: "hetzner",
      ovhcloud: "ovh"
    };
    return vendors[vendor] ?? (vendor ? "remote-host" : "aws");
  }
  const types = {
    b2: "backblaze",
    "google cloud storage": "gcp",
    gcs: "gcp",
    drive: "google-drive",
    azureblob: "azure",
    azurefiles: "azure",
    sftp: "ssh",
    ftp: "remote-host",
    webdav: "remote-host",
    dropbox: "dropbox",
    onedrive: "onedrive",
    box: "box",
    pcloud: "pcloud",
    mega: "mega",
    swift: "openstack",
    storj: "storj",
    local: "local"
  };
  return types[kind];
}
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// detectors/missing-offprovider-backup/inventory/railway.ts
function isRailwayIac(path2) {
  return /(^|\/)\.railway\/railway\.(ts|js|mjs|py)$/.test(path2);
}
var DATABASES = lookupTable({ postgres: "postgres", mysql: "mysql", mongo: "mongo", mongodb: "mongo" });
var RAILWAY_BUILT_IN = {
  protection: "same-volume",
  description: "Railway's backups are snapshots kept on the volume itself: wiping the volume deletes them, and they restore only into the same project and environment"
};
function railwayStore(inventory, kind, name, line, declaredBy = "platform") {
  const engine = DATABASES[kind] ?? "volume";
  const slug = name.toLowerCase();
  inventory.store({
    platform: "railway",
    provider: "railway",
    engine,
    name,
    location: inventory.line(line),
    identities: engine === "volume" ? [`railway:volume:${slug}`] : [`railway:service:${slug}`, `host:${slug}.railway.internal`],
    declaredBy,
    builtInBackup: RAILWAY_BUILT_IN
  });
}
function scanRailwayIac(inventory) {
  if (inventory.path.endsWith(".py")) {
    for (const match of inventory.file.text.matchAll(/\b(postgres|mysql|mongo|volume)\(\s*["']([\w .-]+)["']/g)) {
      railwayStore(inventory, match[1], match[2], inventory.file.positionAt(match.index).line);
    }
    return;
  }
  const program = inventory.file.ast();
  if (!program) return;
  visit2(program, (node) => {
    if (node.type !== "CallExpression") return;
    const callee = node.callee.type === "Identifier" ? node.callee.name : node.callee.type === "MemberExpression" && node.callee.property.type === "Identifier" ? node.callee.property.name : void 0;
    if (!callee || !(callee in DATABASES || callee === "volume")) return;
    const first = node.arguments[0];
    const name = first?.type === "Literal" && typeof first.value === "string" ? first.value : callee === "volume" ? "volume" : callee;
    railwayStore(inventory, callee, name, node.loc.start.line);
  });
}
function visit2(node, enter) {
  enter(node);
  for (const key of Object.keys(node)) {
    if (key === "parent" || key === "loc" || key === "range") continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child === "object" && typeof child.type === "string") visit2(child, enter);
    } else if (value && typeof value === "object" && typeof value.type === "string") {
      visit2(value, enter);
    }
  }
}

// detectors/missing-offprovider-backup/backups/commands.ts
var ENDPOINT_VARIABLES = ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "S3_ENDPOINT", "S3_ENDPOINT_URL", "AWS_S3_ENDPOINT", "AWS_ENDPOINT", "ENDPOINT_URL", "R2_ENDPOINT", "BUCKET_ENDPOINT", "STORAGE_ENDPOINT"];
function commandsOf(script) {
  const commands = [];
  let start = 0;
  let quote;
  let piped = false;
  const push = (end, nextPiped) => {
    const raw = script.slice(start, end);
    const trimmed = raw.replace(/\\\r?\n/g, "  ");
    const lead = trimmed.length - trimmed.trimStart().length;
    if (trimmed.trim()) commands.push({ text: trimmed.trim(), offset: start + lead, piped });
    piped = nextPiped;
  };
  for (let i = 0; i < script.length; i++) {
    const char = script[i];
    if (quote) {
      if (char === quote) quote = void 0;
      else if (char === "\\" && quote === '"') i++;
      continue;
    }
    if (char === "\\") {
      i++;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      continue;
    }
    if (char === "#" && (i === 0 || /\s/.test(script[i - 1]))) {
      const end = script.indexOf("\n", i);
      push(i, false);
      i = end === -1 ? script.length : end;
      start = i + 1;
      continue;
    }
    if (char === "\n" || char === ";") {
      push(i, false);
      start = i + 1;
    } else if (char === "&" && script[i + 1] === "&") {
      push(i, false);
      start = i + 2;
      i++;
    } else if (char === "|" && script[i + 1] === "|") {
      push(i, false);
      start = i + 2;
      i++;
    } else if (char === "|") {
      push(i, true);
      start = i + 1;
    }
  }
  if (quote) quote = void 0;
  push(script.length, false);
  return commands;
}
function wordsOf2(command, env) {
  const expanded = expand(command, env);
  const words2 = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let current = "";
  let last = -1;
  for (const match of expanded.matchAll(pattern)) {
    const piece = match[1] ?? match[2] ?? match[3] ?? "";
    if (match.index === last && current) current += piece;
    else {
      if (current || last !== -1) words2.push(current);
      current = piece;
    }
    last = match.index + match[0].length;
  }
  if (last !== -1) words2.push(current);
  return words2.filter((word) => word !== "");
}
function expand(text, env) {
  return text.replace(/\$\{\{\s*(?:env|vars)\.([A-Za-z_][\w]*)\s*\}\}/g, (whole, name) => env.get(name) ?? whole).replace(/\$\{([A-Za-z_][\w]*)(?::?-([^}]*))?\}/g, (whole, name, fallback) => env.get(name) ?? (fallback && !isUnresolved(fallback) ? fallback : whole)).replace(/\$([A-Za-z_][\w]*)/g, (whole, name) => env.get(name) ?? whole);
}
function unwrap(words2) {
  let rest = words2;
  let platform;
  for (let guard = 0; guard < 6 && rest.length > 0; guard++) {
    const head = rest[0];
    if (/^[A-Za-z_][\w]*=/.test(head) || head === "sudo" || head === "time" || head === "exec" || head === "nice" || head === "command" || head === "env" || head === "npx" || head === "bunx") {
      rest = rest.slice(1);
      continue;
    }
    if (head === "ionice") {
      rest = rest.slice(1).filter((word, index) => !(index < 2 && /^-c?\d?$/.test(word)));
      continue;
    }
    if (head === "railway" && rest[1] === "run") {
      platform = "railway";
      rest = rest.slice(2);
      continue;
    }
    if (head === "heroku" && rest[1] === "run") {
      platform = "heroku";
      rest = rest.slice(2).filter((word) => !/^(-a|--app)$/.test(word));
      continue;
    }
    if ((head === "docker" || head === "podman") && rest[1] === "exec") {
      const index = rest.findIndex((word, i) => i > 1 && !word.startsWith("-") && !/^(-e|--env|-u|--user|-w|--workdir)$/.test(rest[i - 1] ?? ""));
      rest = index === -1 ? [] : rest.slice(index + 1);
      continue;
    }
    if (head === "docker" && (rest[1] === "compose" && rest[2] === "exec") || head === "docker-compose" && rest[1] === "exec") {
      const from = head === "docker" ? 3 : 2;
      const index = rest.findIndex((word, i) => i >= from && !word.startsWith("-"));
      rest = index === -1 ? [] : rest.slice(index + 1);
      continue;
    }
    if (head === "kubectl" && rest.includes("--")) {
      rest = rest.slice(rest.indexOf("--") + 1);
      continue;
    }
    if ((head === "sh" || head === "bash") && rest[1] === "-c" && rest[2]) {
      rest = rest.slice(2);
      break;
    }
    break;
  }
  return { words: rest, platform };
}
function option(words2, ...names) {
  for (let i = 0; i < words2.length; i++) {
    const word = words2[i];
    for (const name of names) {
      if (word === name) return words2[i + 1];
      if (name.startsWith("--") && word.startsWith(`${name}=`)) return word.slice(name.length + 1);
      if (!name.startsWith("--") && word.startsWith(name) && word.length > name.length && name.length === 2) return word.slice(2);
    }
  }
  return void 0;
}
function positional(words2, from) {
  const result = [];
  for (let i = from; i < words2.length; i++) {
    const word = words2[i];
    if (word.startsWith("-") && word !== "-") {
      if (/^--(endpoint-url|region|profile|storage-class|exclude|include|acl|sse|expires|cache-control|content-type|config|transfers|checkers|host|host-bucket|log-file|account-name|account-key|container-name|name|file|type|auth-mode|connection-string|bwlimit|tag|host-base)$/.test(word) || /^-[eE]$/.test(word)) i++;
      continue;
    }
    if (word === ">" || word === "<" || word === "2>&1") break;
    result.push(word);
  }
  return result;
}
function hostOf(target) {
  if (!target || isUnresolved(target)) return void 0;
  const url = /^[a-z+]+:\/\/(?:[^@/]*@)?([^/:?]+)/i.exec(target);
  if (url) return url[1].toLowerCase();
  if (/^[\w.-]+\.[a-z]{2,}$/i.test(target)) return target.toLowerCase();
  return void 0;
}
var DUMP_TOOLS = lookupTable({
  pg_dump: ["postgres"],
  pg_dumpall: ["postgres"],
  pg_basebackup: ["postgres"],
  mysqldump: ["mysql"],
  "mariadb-dump": ["mysql"],
  mysqlpump: ["mysql"],
  mydumper: ["mysql"],
  xtrabackup: ["mysql"],
  mariabackup: ["mysql"],
  mongodump: ["mongo"],
  sqlcmd: ["mssql"]
});
function readScript(script, env = /* @__PURE__ */ new Map(), remote = false) {
  const reading = { dumps: [], uploads: [], localOnly: false, deploys: [], supabaseProjects: [], provisions: [] };
  const localEnv = new Map(env);
  const mcAliases = /* @__PURE__ */ new Map();
  let dumpedToFile = false;
  for (const command of commandsOf(script)) {
    const assignment = /^(?:export\s+)?([A-Za-z_][\w]*)=("[^"]*"|'[^']*'|\S*)$/.exec(command.text);
    if (assignment) {
      const value = expand(assignment[2].replace(/^["']|["']$/g, ""), localEnv);
      if (value && !isUnresolved(value)) localEnv.set(assignment[1], value);
      continue;
    }
    const all = wordsOf2(command.text, localEnv);
    const { words: words2, platform } = unwrap(all);
    if (words2.length === 0) continue;
    const tool = words2[0].replace(/^.*\//, "");
    const at = command.offset + Math.max(0, command.text.indexOf(words2[0].replace(/^.*\//, "")));
    if (tool === "ssh" && words2.length > 2) {
      const nested = readScript(words2[words2.length - 1], localEnv, true);
      for (const dump of nested.dumps) reading.dumps.push({ ...dump, offset: at });
      for (const upload of nested.uploads) reading.uploads.push({ ...upload, offset: at });
      for (const deploy2 of nested.deploys) reading.deploys.push({ ...deploy2, offset: at });
      continue;
    }
    const deploy = deployOf(words2, remote || /^ssh:\/\//.test(localEnv.get("DOCKER_HOST") ?? ""));
    if (deploy) reading.deploys.push({ ...deploy, offset: at });
    readCommand(tool, words2, all, at, platform, command.piped, localEnv, mcAliases, reading);
    if (DUMP_TOOLS[tool] && (all.includes(">") || option(words2, "-f", "--file", "-o", "--out", "--result-file", "--archive") !== void 0)) dumpedToFile = true;
  }
  reading.localOnly = dumpedToFile && reading.uploads.length === 0;
  return reading;
}
function readCommand(tool, words2, all, at, platform, piped, env, mcAliases, reading) {
  const endpoint = () => option(words2, "--endpoint-url", "--endpoint", "--host") ?? ENDPOINT_VARIABLES.map((name) => env.get(name)).find(Boolean);
  const fetched = (source2, givenEndpoint) => {
    reading.fetch ??= at;
    if (source2 && !reading.fetchSource) reading.fetchSource = classifyDestination(source2, givenEndpoint);
  };
  const loaded = (engine) => {
    reading.load ??= at;
    reading.loadEngine ??= engine;
  };
  const upload = (destination, kind, fileLevel = false, givenEndpoint, ref) => reading.uploads.push({ tool: kind, offset: at, destination: classifyDestination(destination, givenEndpoint), fileLevel, ref });
  if (tool === "aws") {
    const globals = [];
    let index = 1;
    while (index < words2.length && words2[index].startsWith("--")) {
      const word = words2[index];
      globals.push(word);
      if (!word.includes("=") && /^--(endpoint-url|region|profile|output|query|cli-read-timeout|cli-connect-timeout|ca-bundle)$/.test(word)) globals.push(words2[++index] ?? "");
      index++;
    }
    if (globals.length > 0) words2 = [words2[0], ...words2.slice(index), ...globals];
  }
  const provision = provisionOf(tool, words2);
  if (provision) {
    reading.provisions.push({ ...provision, offset: at });
    return;
  }
  const dumpEngines = DUMP_TOOLS[tool];
  if (dumpEngines) {
    if (tool === "sqlcmd" && !/BACKUP\s+DATABASE/i.test(words2.join(" "))) return;
    const target = option(words2, "-h", "--host", "--dbname", "-d", "--uri") ?? positional(words2, 1).find((word) => /:\/\//.test(word));
    reading.dumps.push({ tool, engines: dumpEngines, offset: at, host: hostOf(target), platform });
    return;
  }
  if (tool === "pg_restore") {
    if (words2.includes("--list") || words2.includes("-l")) reading.verify ??= at;
    else loaded("postgres");
    return;
  }
  if (tool === "psql" || tool === "mysql" || tool === "mariadb" || tool === "mongosh" || tool === "mongo" || tool === "sqlite3") {
    const sql = option(words2, "-c", "--command", "-e", "--execute", "--eval") ?? (tool === "sqlite3" ? positional(words2, 1)[1] : void 0);
    if (tool === "sqlite3" && sql && /^\.(backup|dump)\b/.test(sql) && !piped) {
      reading.dumps.push({ tool: "sqlite3", engines: ["sqlite"], offset: at, platform });
      return;
    }
    if (sql && /\b(select|count|pragma\s+integrity_check|\\dt|countDocuments|db\.\w+\.count)/i.test(sql)) reading.verify ??= at;
    else if (piped || all.includes("<") || option(words2, "-f", "--file") !== void 0 || tool === "sqlite3") loaded(tool === "psql" ? "postgres" : tool === "sqlite3" ? "sqlite" : tool === "mongosh" || tool === "mongo" ? "mongo" : "mysql");
    return;
  }
  if (tool === "mongorestore" || tool === "createdb" || tool === "pg_ctl" || tool === "initdb") {
    loaded(tool === "mongorestore" ? "mongo" : "postgres");
    return;
  }
  if (tool === "pg_verifybackup") {
    reading.verify ??= at;
    return;
  }
  if (tool === "supabase" && (words2[1] === "link" || words2[1] === "db" && words2[2] === "push" || words2[1] === "functions" && words2[2] === "deploy")) {
    const ref = option(words2, "--project-ref");
    reading.supabaseProjects.push(ref && /^[a-z]{20}$/.test(ref) ? ref : "linked");
    if (words2[1] !== "link") reading.deploys.push({ kind: "supabase", offset: at, remote: true });
  }
  if (tool === "supabase" && words2[1] === "db" && words2[2] === "dump") {
    reading.dumps.push({ tool: "supabase db dump", engines: ["postgres"], offset: at, platform: "supabase" });
    return;
  }
  if (tool === "heroku" && /^pg:backups(:capture|:download|:url|:schedule)?$/.test(words2[1] ?? "")) {
    const sub = words2[1];
    if (sub === "pg:backups:schedule" || sub === "pg:backups:capture") {
      reading.dumps.push({ tool: `heroku ${sub}`, engines: ["postgres"], offset: at, platform: "heroku", providerHeld: true });
    } else if (sub === "pg:backups:download" || sub === "pg:backups:url") {
      reading.dumps.push({ tool: `heroku ${sub}`, engines: ["postgres"], offset: at, platform: "heroku" });
    }
    return;
  }
  if (tool === "pscale" && (words2[1] === "database" && words2[2] === "dump")) {
    reading.dumps.push({ tool: "pscale database dump", engines: ["mysql"], offset: at, platform: "planetscale" });
    return;
  }
  if (tool === "aws" && words2[1] === "s3" && /^(cp|sync|mv)$/.test(words2[2] ?? "")) {
    const [source2, target] = positional(words2, 3);
    if (target?.startsWith("s3://")) upload(target, "aws s3", !!source2 && !/\.(sql|dump|gz|bak|tar|zst|archive|bz2|xz|7z)\b/i.test(source2) && words2[2] === "sync", endpoint());
    else if (source2?.startsWith("s3://")) fetched(source2, endpoint());
    return;
  }
  if (tool === "aws" && words2[1] === "s3api" && words2[2] === "put-object") {
    const bucket = option(words2, "--bucket");
    if (bucket) upload(`s3://${bucket}`, "aws s3api", false, endpoint());
    return;
  }
  if (tool === "aws" && (words2[1] === "rds" && /^restore-db-(instance|cluster)-/.test(words2[2] ?? "") || words2[1] === "dynamodb" && /^restore-table-/.test(words2[2] ?? "") || words2[1] === "backup" && words2[2] === "start-restore-job")) {
    fetched();
    loaded(words2[1] === "dynamodb" ? "dynamodb" : void 0);
    return;
  }
  if (tool === "aws" && words2[1] === "dynamodb" && (words2[2] === "scan" || words2[2] === "describe-table") && words2.includes("COUNT")) {
    reading.verify ??= at;
    return;
  }
  if (tool === "aws" && words2[1] === "s3api" && words2[2] === "get-object") {
    reading.fetch ??= at;
    return;
  }
  if (tool === "s3cmd" || tool === "s5cmd") {
    const sub = positional(words2, 1);
    const verb = sub[0];
    const [source2, target] = sub.slice(1);
    const host = option(words2, "--host", "--endpoint-url") ?? endpoint();
    if ((verb === "put" || verb === "sync" || verb === "cp") && target?.startsWith("s3://")) upload(target, tool, false, host);
    else if ((verb === "get" || verb === "sync" || verb === "cp") && source2?.startsWith("s3://")) fetched(source2, host);
    return;
  }
  if (tool === "mc") {
    if (words2[1] === "alias" && words2[2] === "set" && words2[3] && words2[4]) {
      mcAliases.set(words2[3], words2[4]);
      return;
    }
    if (/^(cp|mirror|pipe)$/.test(words2[1] ?? "")) {
      const args = positional(words2, 2);
      const target = args[args.length - 1];
      const source2 = args.length > 1 ? args[0] : void 0;
      const alias = target?.split("/")[0];
      if (target && alias && !/^[./~]/.test(target) && target.includes("/")) {
        const url = mcAliases.get(alias) ?? env.get(`MC_HOST_${alias}`);
        reading.uploads.push({ tool: "mc", offset: at, destination: url ? classifyDestination(`s3://${target}`, url.replace(/\/\/[^@]*@/, "//")) : { display: target, unresolved: true }, fileLevel: words2[1] === "mirror", ref: url ? void 0 : `mc:${alias}` });
      } else if (source2 && source2.includes("/") && !/^[./~]/.test(source2)) reading.fetch ??= at;
    }
    return;
  }
  if (tool === "gsutil" || tool === "gcloud" && words2[1] === "storage") {
    const args = positional(words2, tool === "gsutil" ? 1 : 2).filter((word) => !/^(cp|rsync|mv|-m)$/.test(word));
    const target = args[args.length - 1];
    const source2 = args[0];
    if (target?.startsWith("gs://")) upload(target, tool, false);
    else if (source2?.startsWith("gs://")) fetched(source2);
    return;
  }
  if (tool === "az" && words2[1] === "storage" && words2[2] === "blob") {
    const account = option(words2, "--account-name") ?? env.get("AZURE_STORAGE_ACCOUNT");
    const container = option(words2, "--container-name", "-c");
    if (/^(upload|upload-batch|sync)$/.test(words2[3] ?? "")) upload(account ? `https://${account}.blob.core.windows.net/${container ?? ""}` : "azure://", "az storage", false);
    else if (/^(download|download-batch)$/.test(words2[3] ?? "")) reading.fetch ??= at;
    return;
  }
  if (tool === "azcopy" && /^(copy|cp|sync)$/.test(words2[1] ?? "")) {
    const [source2, target] = positional(words2, 2);
    if (target && /blob\.core\.windows\.net/.test(target)) upload(target, "azcopy", false);
    else if (source2 && /blob\.core\.windows\.net/.test(source2)) fetched(source2);
    return;
  }
  if (tool === "b2") {
    const verb = words2[1];
    if (verb === "upload-file" || verb === "upload_file" || verb === "file" && words2[2] === "upload") upload(`b2://${positional(words2, verb === "file" ? 3 : 2)[0] ?? ""}`, "b2", false);
    else if (verb === "sync") {
      const [source2, target] = positional(words2, 2);
      if (target?.startsWith("b2://")) upload(target, "b2", true);
      else if (source2?.startsWith("b2://")) fetched(source2);
    } else if (/^download/.test(verb ?? "") || verb === "file" && words2[2] === "download") reading.fetch ??= at;
    return;
  }
  if (tool === "rclone" && /^(copy|sync|copyto|move|moveto|rcat)$/.test(words2[1] ?? "")) {
    const args = positional(words2, 2);
    const target = args[args.length - 1];
    const source2 = args.length > 1 ? args[0] : void 0;
    const isRemote = (path2) => !!path2 && /^[\w-]+:/.test(path2) && !/^[A-Za-z]:\\/.test(path2);
    if (isRemote(target)) {
      const name = target.split(":")[0];
      reading.uploads.push({ tool: "rclone", offset: at, destination: classifyDestination(target, void 0, rcloneFromEnv(env)), fileLevel: words2[1] === "sync" || !/\.(sql|dump|gz|bak|tar|zst|archive)\b/.test(source2 ?? ""), ref: rcloneFromEnv(env).has(name.toLowerCase()) ? void 0 : `rclone:${name.toLowerCase()}` });
    } else if (isRemote(source2)) fetched(source2);
    return;
  }
  if (tool === "restic" || tool === "resticprofile") {
    const repository = option(words2, "-r", "--repo") ?? env.get("RESTIC_REPOSITORY");
    const verb = positional(words2, 1)[0];
    if (verb === "backup") {
      const stdin = words2.includes("--stdin") || words2.includes("--stdin-from-command") || piped;
      reading.uploads.push({ tool: "restic", offset: at, destination: repository ? classifyDestination(repository) : { display: "$RESTIC_REPOSITORY", unresolved: true }, fileLevel: !stdin, ref: repository?.startsWith("rclone:") ? `rclone:${repository.split(":")[1].toLowerCase()}` : void 0 });
    } else if (verb === "restore" || verb === "dump") {
      fetched(repository);
      if (verb === "restore") loaded("volume");
    } else if (verb === "check" && words2.includes("--read-data")) reading.verify ??= at;
    return;
  }
  if (tool === "borg" || tool === "borgbackup") {
    const verb = words2[1];
    if (verb === "create") {
      const archive = positional(words2, 2)[0] ?? "";
      const repository = archive.startsWith("::") ? env.get("BORG_REPO") : archive.split("::")[0];
      reading.uploads.push({ tool: "borg", offset: at, destination: repository ? classifyDestination(repository) : { display: "$BORG_REPO", unresolved: true }, fileLevel: !piped && !words2.includes("-") });
    } else if (verb === "extract" || verb === "export-tar") {
      fetched(positional(words2, 2)[0]?.split("::")[0] || env.get("BORG_REPO"));
      loaded("volume");
    } else if (verb === "check" && words2.includes("--verify-data")) reading.verify ??= at;
    return;
  }
  if (tool === "rsync" || tool === "scp") {
    const args = positional(words2, 1);
    const target = args[args.length - 1];
    const source2 = args.length > 1 ? args[0] : void 0;
    const remote = (path2) => !!path2 && /^(?:[\w.-]+@)?[\w.-]+:(?!\/\/)/.test(path2) && !/^[A-Za-z]:[\\/]/.test(path2);
    if (remote(target)) upload(target, tool, tool === "rsync");
    else if (remote(source2)) fetched(source2);
    return;
  }
  if (tool === "curl" && (words2.includes("-T") || words2.some((word) => word.startsWith("--upload-file")))) {
    const url = positional(words2, 1).find((word) => /^https?:\/\//.test(word));
    if (url) upload(url, "curl", false);
    return;
  }
  if (tool === "wrangler" && words2[1] === "r2" && words2[2] === "object") {
    if (words2[3] === "put") upload(`r2://${positional(words2, 4)[0] ?? ""}`, "wrangler r2", false);
    else if (words2[3] === "get") reading.fetch ??= at;
    return;
  }
  if (tool === "gh" && words2[1] === "release" && words2[2] === "upload") {
    reading.uploads.push({ tool: "gh release", offset: at, destination: { display: "GitHub release assets", provider: "github", unresolved: false }, fileLevel: false });
    return;
  }
  if (tool === "wal-g" || tool === "wal-e" || tool === "envdir") {
    const verb = words2.find((word) => /^(backup-push|backup-fetch|wal-push)$/.test(word));
    if (verb === "backup-push") {
      const prefix = ["WALG_S3_PREFIX", "WALG_GS_PREFIX", "WALG_AZ_PREFIX", "WALG_SSH_PREFIX", "WALG_FILE_PREFIX", "WALE_S3_PREFIX"].map((name) => env.get(name)).find(Boolean);
      reading.dumps.push({ tool: "wal-g", engines: ["postgres"], offset: at });
      reading.uploads.push({ tool: "wal-g", offset: at, destination: prefix ? classifyDestination(prefix, env.get("AWS_ENDPOINT") ?? env.get("WALG_S3_ENDPOINT")) : { display: "$WALG_*_PREFIX", unresolved: true }, fileLevel: false });
    } else if (verb === "backup-fetch") {
      fetched(["WALG_S3_PREFIX", "WALG_GS_PREFIX", "WALG_AZ_PREFIX"].map((name) => env.get(name)).find(Boolean));
      loaded("postgres");
    }
    return;
  }
  if (tool === "barman-cloud-backup") {
    const destination = positional(words2, 1).find((word) => /^(s3|gs|https?|azure):\/\//.test(word));
    reading.dumps.push({ tool, engines: ["postgres"], offset: at });
    reading.uploads.push({ tool, offset: at, destination: destination ? classifyDestination(destination, option(words2, "--endpoint-url")) : { display: "barman-cloud", unresolved: true }, fileLevel: false });
    return;
  }
  if (tool === "barman-cloud-restore" || tool === "barman" && words2[1] === "recover") {
    fetched(positional(words2, 1).find((word) => /^(s3|gs|https?|azure):\/\//.test(word)), option(words2, "--endpoint-url"));
    loaded("postgres");
    return;
  }
  if (tool === "litestream" && words2[1] === "restore") {
    fetched(positional(words2, 2).find((word) => /:\/\//.test(word)));
    loaded("sqlite");
    return;
  }
  if (tool === "pgbackrest" || tool === "pgbackrest.sh") {
    if (words2.includes("restore")) {
      fetched();
      loaded("postgres");
    } else if (words2.includes("verify")) reading.verify ??= at;
    return;
  }
  if (tool === "velero" && words2[1] === "restore" && words2[2] === "create") {
    fetched();
    loaded();
    return;
  }
  if ((tool === "docker" || tool === "podman") && words2[1] === "run" && words2.some((word) => /^(postgres|mysql|mariadb|mongo)(:|$)/.test(word.replace(/^docker\.io\/(library\/)?/, "")))) {
    loaded(words2.map((word) => word.replace(/^docker\.io\/(library\/)?/, "")).find((word) => /^(postgres|mysql|mariadb|mongo)(:|$)/.test(word))?.replace(/[:].*$/, "").replace("mariadb", "mysql"));
  }
}
function rcloneFromEnv(env) {
  const remotes = /* @__PURE__ */ new Map();
  for (const [key, value] of env) {
    const match = /^RCLONE_CONFIG_([A-Z0-9_]+)_TYPE$/.exec(key);
    if (!match) continue;
    const name = match[1].toLowerCase();
    const provider = env.get(`RCLONE_CONFIG_${match[1]}_PROVIDER`);
    const endpoint = env.get(`RCLONE_CONFIG_${match[1]}_ENDPOINT`);
    const resolved = providerOfRcloneRemote(value, provider, endpoint);
    if (resolved) remotes.set(name, resolved);
  }
  return remotes;
}
function deployOf(words2, remote) {
  const [head, first, second] = words2;
  const tool = head?.replace(/^.*\//, "");
  if ((tool === "fly" || tool === "flyctl") && first === "deploy") return { kind: "fly", remote: true };
  if (tool === "railway" && (first === "up" || first === "deploy" && !words2.includes("-t") && !words2.includes("--template"))) return { kind: "railway", remote: true };
  if (tool === "vercel" && (first === "deploy" || words2.includes("--prod"))) return { kind: "vercel", remote: true };
  if (tool === "netlify" && first === "deploy") return { kind: "netlify", remote: true };
  if (tool === "kamal" && /^(deploy|setup|redeploy)$/.test(first ?? "")) return { kind: "kamal", remote: true };
  if (tool === "heroku" && /^container:release$/.test(first ?? "")) return { kind: "heroku", remote: true };
  if (tool === "git" && first === "push" && /^(heroku|dokku)$/.test(second ?? "")) return { kind: second, remote: true };
  if (tool === "dokku") return { kind: "dokku", remote: true };
  if (tool === "kubectl" && (first === "apply" || first === "rollout")) return { kind: "kubernetes", remote: true };
  if (tool === "helm" && (first === "upgrade" || first === "install")) return { kind: "kubernetes", remote: true };
  if ((tool === "serverless" || tool === "sls" || tool === "sst" || tool === "cdk" || tool === "cdklocal") && first === "deploy") return { kind: "infrastructure", remote: true };
  if ((tool === "terraform" || tool === "tofu" || tool === "terragrunt") && first === "apply") return { kind: "infrastructure", remote: true };
  if (tool === "pulumi" && first === "up") return { kind: "infrastructure", remote: true };
  if (tool === "gcloud" && words2.includes("deploy")) return { kind: "cloud", remote: true };
  if (tool === "az" && /^(webapp|containerapp|functionapp)$/.test(first ?? "")) return { kind: "cloud", remote: true };
  if (tool === "aws" && (first === "ecs" || first === "deploy" && second === "create-deployment")) return { kind: "cloud", remote: true };
  if ((tool === "eb" || tool === "copilot") && words2.includes("deploy")) return { kind: "cloud", remote: true };
  if (tool === "docker" && first === "stack" && second === "deploy") return { kind: "compose", composeFiles: optionValues(words2, "-c", "--compose-file"), remote: true };
  const compose = tool === "docker-compose" ? words2.slice(1) : tool === "docker" && words2.includes("compose") ? words2.slice(words2.indexOf("compose") + 1) : void 0;
  if (compose && compose.includes("up")) {
    const onServer = remote || tool === "docker" && words2.slice(0, words2.indexOf("compose")).some((word) => word === "--context" || word === "-H" || word.startsWith("--host") || word.startsWith("ssh://"));
    return { kind: "compose", composeFiles: optionValues(compose, "-f", "--file"), remote: onServer };
  }
  return void 0;
}
function optionValues(words2, ...names) {
  const values = [];
  for (let i = 0; i < words2.length; i++) {
    for (const name of names) {
      if (words2[i] === name && words2[i + 1]) values.push(words2[i + 1]);
      else if (words2[i].startsWith(`${name}=`)) values.push(words2[i].slice(name.length + 1));
    }
  }
  return values;
}
var PROVISIONED_ENGINES = lookupTable({ postgres: "postgres", postgresql: "postgres", mysql: "mysql", mariadb: "mysql", mongo: "mongo", mongodb: "mongo" });
function provisionOf(tool, words2) {
  if (tool === "railway") {
    const database = option(words2, "-d", "--database") ?? (words2[1] === "deploy" ? option(words2, "-t", "--template") : void 0);
    const engine = database ? PROVISIONED_ENGINES[database.toLowerCase()] : void 0;
    return engine ? { platform: "railway", engine, name: database } : void 0;
  }
  if ((tool === "fly" || tool === "flyctl") && (words2[1] === "postgres" || words2[1] === "pg") && words2[2] === "create") {
    return { platform: "fly", engine: "postgres", name: option(words2, "--name", "-n") };
  }
  if (tool === "heroku" && words2[1] === "addons:create") {
    const plan = words2[2] ?? "";
    return /^heroku-postgresql/.test(plan) ? { platform: "heroku", engine: "postgres", name: plan } : void 0;
  }
  if (tool === "dokku" && /^(postgres|mysql|mariadb|mongo):create$/.test(words2[1] ?? "")) {
    return { platform: "dokku", engine: PROVISIONED_ENGINES[words2[1].split(":")[0]], name: words2[2] };
  }
  return void 0;
}

// detectors/missing-offprovider-backup/backups/jobs.ts
var BACKUP_WORDS = /backup|back-up|snapshot|dump|archive|offsite|off-site|disaster|\bdr\b|replicat/i;
var SIDE_DEPLOYS = /docs?\b|storybook|website|\bsite\b|gh-pages|github-pages|\bpages\b|preview|chromatic|landing/i;
var DRILL_WORDS = /restore[-_ ]?(test|check|drill|verify|verification)|verify[-_ ]?backup|backup[-_ ]?(verify|verification|check|test|drill)|dr[-_ ]?drill|recovery[-_ ]?(test|drill)/i;
function readJob(inventory, script, job, extraUploads = []) {
  const reading = readScript(script, job.env, job.remote ?? false);
  publishReading(inventory, reading, job, extraUploads);
  return reading;
}
function publishReading(inventory, reading, job, extraUploads = []) {
  const backupContext = BACKUP_WORDS.test(job.name) || BACKUP_WORDS.test(inventory.path);
  const uploads = [
    ...reading.uploads.map((upload) => ({ tool: upload.tool, destination: upload.destination, line: job.lineOf(upload.offset), fileLevel: upload.fileLevel, ref: upload.ref })),
    ...extraUploads.map((upload) => ({ ...upload, ref: void 0 }))
  ];
  const drill = reading.fetch !== void 0 && (reading.load !== void 0 || reading.verify !== void 0) && (reading.verify !== void 0 || job.scheduled || (job.services?.length ?? 0) > 0 || DRILL_WORDS.test(job.name) || DRILL_WORDS.test(inventory.path));
  const awsAccount = (destination) => destination.provider === "aws" ? destination.account ?? job.awsAccount : destination.account;
  const realDumps = reading.dumps.filter((dump) => !dump.providerHeld);
  for (const dump of reading.dumps.filter((candidate) => candidate.providerHeld)) {
    inventory.evidence({
      covers: dump.platform ? [`provider:${dump.platform}`] : [],
      protection: "provider-managed",
      mechanism: dump.tool,
      destination: `${dump.platform ?? "the provider"}'s own backup storage`,
      destinationProvider: dump.platform,
      engines: dump.engines,
      location: inventory.line(job.lineOf(dump.offset)),
      environment: job.environment
    });
  }
  if (realDumps.length > 0) {
    const covers = [...new Set(realDumps.flatMap((dump) => dump.host ? [`host:${dump.host}`] : dump.platform ? [`provider:${dump.platform}`] : []))];
    const engines = [...new Set(realDumps.flatMap((dump) => dump.engines))];
    const mechanism = [...new Set(realDumps.map((dump) => dump.tool))].join(" + ");
    if (uploads.length > 0) {
      for (const upload of uploads) {
        inventory.evidence({
          covers,
          protection: upload.destination.unresolved || upload.ref ? "destination-unknown" : upload.destination.provider === "local" ? "same-volume" : "off-provider",
          mechanism: `${mechanism} -> ${upload.tool}`,
          destination: upload.destination.display,
          destinationProvider: upload.destination.unresolved ? void 0 : upload.destination.provider,
          destinationAccount: awsAccount(upload.destination),
          destinationRegion: upload.destination.region,
          destinationRef: upload.ref,
          engines,
          location: inventory.line(upload.line),
          restoreTested: drill,
          environment: job.environment
        });
      }
    } else if (!job.ephemeral) {
      inventory.evidence({
        covers,
        protection: "same-volume",
        mechanism,
        destination: "a local file",
        destinationProvider: "local",
        engines,
        location: inventory.line(job.lineOf(realDumps[0].offset)),
        restoreTested: drill,
        environment: job.environment
      });
    }
  } else {
    for (const upload of uploads) {
      const backupTool = /^(restic|borg|wal-g|barman-cloud-backup)$/.test(upload.tool);
      if (!backupTool && !(backupContext && upload.fileLevel)) continue;
      const engines = upload.tool === "wal-g" || upload.tool === "barman-cloud-backup" ? ["postgres"] : ["volume"];
      inventory.evidence({
        covers: [],
        protection: upload.destination.unresolved || upload.ref ? "destination-unknown" : upload.destination.provider === "local" ? "same-volume" : "off-provider",
        mechanism: upload.tool,
        destination: upload.destination.display,
        destinationProvider: upload.destination.unresolved ? void 0 : upload.destination.provider,
        destinationAccount: awsAccount(upload.destination),
        destinationRef: upload.ref,
        engines,
        location: inventory.line(upload.line),
        restoreTested: drill,
        environment: job.environment
      });
    }
  }
  if (drill && realDumps.length === 0) {
    const source2 = reading.fetchSource;
    inventory.evidence({
      covers: [],
      protection: !source2 || source2.unresolved ? "destination-unknown" : source2.provider === "local" ? "same-volume" : "off-provider",
      mechanism: "restore drill",
      destination: source2?.display,
      destinationProvider: source2 && !source2.unresolved ? source2.provider : void 0,
      destinationAccount: source2 ? awsAccount(source2) : void 0,
      engines: reading.loadEngine ? [reading.loadEngine] : void 0,
      location: inventory.line(job.lineOf(reading.fetch)),
      restoreTested: true,
      environment: job.environment
    });
  }
  for (const provision of reading.provisions) provisionedStore(inventory, provision, job);
  for (const project of new Set(reading.supabaseProjects)) {
    inventory.context({ kind: "supabase-hosted", name: project === "linked" ? void 0 : project, value: "cli", location: inventory.line(job.lineOf(0)) });
  }
  if (SIDE_DEPLOYS.test(job.name) || SIDE_DEPLOYS.test(inventory.path)) return;
  for (const deploy of reading.deploys) {
    const location = inventory.line(job.lineOf(deploy.offset));
    if (deploy.kind === "compose") {
      if (!deploy.remote) continue;
      const files = deploy.composeFiles && deploy.composeFiles.length > 0 ? deploy.composeFiles : [void 0];
      for (const file of files) inventory.context({ kind: "deploys-compose", name: file, value: "compose", location });
      continue;
    }
    inventory.context({ kind: "deploys", value: deploy.kind, location });
  }
}
function fileLines(inventory) {
  return (offset) => inventory.file.positionAt(offset).line;
}
function scalarLines(inventory, script, fromLine, toLine) {
  return (offset) => {
    const lineStart = script.lastIndexOf("\n", offset - 1) + 1;
    const lineEnd = script.indexOf("\n", offset);
    const text = script.slice(lineStart, lineEnd === -1 ? void 0 : lineEnd).trim();
    const needle = text.slice(0, 60);
    if (!needle) return fromLine;
    for (let line = fromLine; line <= toLine; line++) if (inventory.file.line(line).includes(needle)) return line;
    return fromLine;
  };
}
var PROVISIONED_BUILT_IN = lookupTable({
  railway: RAILWAY_BUILT_IN,
  fly: { protection: "provider-managed", description: "Fly keeps volume snapshots of the Postgres app in the same Fly organization" },
  heroku: { protection: "provider-managed", description: "Heroku's backups are held by Heroku, with the app" },
  dokku: { protection: "none", description: "a Dokku database service keeps its data on the server, with no copies unless backups are configured" }
});
function provisionedStore(inventory, provision, job) {
  if (isExamplePath(inventory.path)) return;
  const name = provision.name ?? provision.engine;
  inventory.store({
    platform: provision.platform,
    provider: provision.platform === "dokku" ? "host" : provision.platform,
    engine: provision.engine,
    name,
    environment: job.environment,
    location: inventory.line(job.lineOf(provision.offset)),
    identities: provision.platform === "railway" ? [`railway:service:${name.toLowerCase()}`] : provision.platform === "fly" ? [`fly:app:${name.toLowerCase()}`] : [`${provision.platform}:database:${name.toLowerCase()}`],
    declaredBy: "platform",
    builtInBackup: PROVISIONED_BUILT_IN[provision.platform]
  });
}

// detectors/missing-offprovider-backup/backups/ci.ts
function isGithubWorkflow(path2) {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path2);
}
function isGitlabCi(path2) {
  return /(^|\/)\.gitlab-ci\.ya?ml$/i.test(path2) || /(^|\/)\.gitlab\/ci\/[^/]+\.ya?ml$/i.test(path2);
}
function envOf(node, into) {
  const map = mapOf2(node);
  if (!map) return;
  for (const entry of map.entries) {
    const value = textOf(entry.value);
    if (value !== void 0 && !/\$\{\{\s*secrets\./.test(value)) into.set(entry.key, value);
  }
}
function scanGithubWorkflow(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const on = root.entries.find((entry) => entry.key === "on" || entry.key === "true")?.value;
  const scheduled = !!mapOf2(on)?.entries.some((entry) => entry.key === "schedule");
  const workflowName = literalOf(getKey(root, "name")) ?? fileNameOf(inventory.path);
  const workflowEnv = /* @__PURE__ */ new Map();
  envOf(getKey(root, "env"), workflowEnv);
  const jobs = mapOf2(getKey(root, "jobs"));
  if (!jobs) return;
  for (const entry of jobs.entries) {
    const job = mapOf2(entry.value);
    if (!job) continue;
    const env = new Map(workflowEnv);
    envOf(getKey(job, "env"), env);
    for (const [key, value] of env) {
      if (/^SUPABASE_PROJECT_(ID|REF)$/.test(key) && /^[a-z]{20}$/.test(value)) inventory.context({ kind: "supabase-hosted", name: value, value: key, location: inventory.line(entry.keySpan.line) });
    }
    const environmentNode = getKey(job, "environment");
    const environmentName = literalOf(environmentNode) ?? literalOf(getKey(mapOf2(environmentNode), "name"));
    const services = (mapOf2(getKey(job, "services"))?.entries ?? []).map((service) => literalOf(getKey(mapOf2(service.value), "image")) ?? literalOf(service.value) ?? "").filter(Boolean);
    const runsOn = textOf(getKey(job, "runs-on")) ?? "";
    const scripts = [];
    const extra = [];
    let awsAccount;
    for (const stepNode of itemsOf(getKey(job, "steps"))) {
      const step = mapOf2(stepNode);
      if (!step) continue;
      envOf(getKey(step, "env"), env);
      const run = getKey(step, "run");
      const text = textOf(run);
      if (run && text) scripts.push({ text, from: run.span.line, to: run.span.endLine });
      const uses = literalOf(getKey(step, "uses"))?.toLowerCase() ?? "";
      const withMap = mapOf2(getKey(step, "with"));
      const withText = (key) => textOf(getKey(withMap, key));
      const line = step.span.line;
      if (uses.startsWith("aws-actions/configure-aws-credentials")) {
        awsAccount = parseArn(withText("role-to-assume") ?? "")?.account ?? awsAccount;
      } else if (uses.startsWith("actions/upload-artifact")) {
        extra.push({ tool: "actions/upload-artifact", destination: { display: "GitHub Actions artifacts (kept 90 days at most)", provider: "github", unresolved: false }, line, fileLevel: false });
      } else if (uses.startsWith("jakejarvis/s3-sync-action")) {
        const bucket = env.get("AWS_S3_BUCKET");
        extra.push({ tool: "s3-sync-action", destination: classifyDestination(bucket ? `s3://${bucket}` : "$AWS_S3_BUCKET", env.get("AWS_S3_ENDPOINT")), line, fileLevel: true });
      } else if (/^(shallwefootball\/s3-upload-action|keithweaver\/aws-s3-github-action|ryand56\/r2-upload-action|google-github-actions\/upload-cloud-storage|bacongobbler\/azure-blob-storage-upload)/.test(uses)) {
        const bucket = withText("aws_bucket") ?? withText("r2-bucket") ?? withText("destination") ?? withText("container_name") ?? "";
        const endpoint = withText("endpoint") ?? (uses.startsWith("ryand56") ? `https://${withText("r2-account-id") ?? "account"}.r2.cloudflarestorage.com` : void 0);
        const raw = uses.startsWith("google") ? `gs://${bucket}` : uses.startsWith("bacongobbler") ? `azure://${bucket}` : uses.startsWith("ryand56") ? `r2://${bucket}` : `s3://${bucket}`;
        extra.push({ tool: uses.split("@")[0], destination: classifyDestination(raw, uses.startsWith("ryand56") || uses.startsWith("google") || uses.startsWith("bacongobbler") ? void 0 : endpoint), line, fileLevel: false });
      } else if (uses.startsWith("appleboy/ssh-action")) {
        const script2 = getKey(withMap, "script");
        const scriptText = textOf(script2);
        if (script2 && scriptText) {
          readJob(inventory, scriptText, { name: `${workflowName} ${entry.key}`, scheduled, environment: environmentNamed(environmentName), env, ephemeral: false, remote: true, lineOf: scalarLines(inventory, scriptText, script2.span.line, script2.span.endLine), awsAccount }, []);
          if (/git pull|docker|systemctl|pm2|kamal|restart|npm (run )?start/.test(scriptText) && !/backup|dump/i.test(`${workflowName} ${entry.key}`)) {
            inventory.context({ kind: "deploys", value: "ssh", location: inventory.line(step.span.line) });
          }
        }
      } else if (/^(superfly\/flyctl-actions|amondnet\/vercel-action|akhileshns\/heroku-deploy|dokku\/github-action|azure\/webapps-deploy|google-github-actions\/deploy-|aws-actions\/amazon-ecs-deploy|bervProject\/railway-deploy|cloudflare\/wrangler-action|netlify\/actions)/i.test(uses)) {
        inventory.context({ kind: "deploys", value: uses.split("/")[0], location: inventory.line(line) });
      }
    }
    const ephemeral = !/self-hosted/.test(runsOn);
    const name = `${workflowName} ${entry.key}`;
    const script = scripts.map((piece) => piece.text).join("\n");
    const pieces = scripts;
    const lineOf3 = (offset) => {
      let base = 0;
      for (const piece of pieces) {
        if (offset <= base + piece.text.length) return scalarLines(inventory, piece.text, piece.from, piece.to)(offset - base);
        base += piece.text.length + 1;
      }
      return entry.keySpan.line;
    };
    const jobFacts = { name, scheduled, environment: environmentNamed(environmentName) ?? environmentOf(inventory.path, []), env, ephemeral, services, awsAccount, lineOf: lineOf3 };
    readJob(inventory, script, jobFacts, extra);
  }
}
function scanGitlabCi2(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const globalEnv = /* @__PURE__ */ new Map();
  envOf(getKey(root, "variables"), globalEnv);
  for (const entry of root.entries) {
    const job = mapOf2(entry.value);
    if (!job || entry.key.startsWith(".") && !getKey(job, "script")) continue;
    const scriptNode = getKey(job, "script");
    if (!scriptNode) continue;
    const lines = [...itemsOf(getKey(job, "before_script")), ...itemsOf(scriptNode), ...itemsOf(getKey(job, "after_script"))];
    const text = lines.map((line) => textOf(line) ?? "").join("\n");
    const env = new Map(globalEnv);
    envOf(getKey(job, "variables"), env);
    const rules2 = JSON.stringify(simple(getKey(job, "rules"))) + JSON.stringify(simple(getKey(job, "only")));
    const scheduled = /schedule/.test(rules2);
    const services = itemsOf(getKey(job, "services")).map((service) => literalOf(service) ?? literalOf(getKey(mapOf2(service), "name")) ?? "").filter(Boolean);
    const environmentNode = getKey(job, "environment");
    const environment = environmentNamed(literalOf(environmentNode) ?? literalOf(getKey(mapOf2(environmentNode), "name")));
    const from = scriptNode.span.line;
    readJob(inventory, text, { name: entry.key, scheduled, environment, env, ephemeral: true, services, lineOf: scalarLines(inventory, text, Math.min(from, getKey(job, "before_script")?.span.line ?? from), job.span.endLine) });
  }
}
function scanScriptFile(inventory) {
  const name = fileNameOf(inventory.path).toLowerCase();
  let text = inventory.file.text;
  if (name === "dockerfile" || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")) {
    text = text.replace(/^(?!\s*(RUN|CMD|ENTRYPOINT)\b).*$/gim, "").replace(/^\s*(RUN|CMD|ENTRYPOINT)\s+/gim, "");
  } else if (/crontab|\.cron$/.test(name) || /(^|\/)cron\.d\//.test(inventory.path)) {
    text = text.replace(/^\s*(@\w+|([\d*,/-]+\s+){5})(\w+\s+(?=\S*\/))?/gm, "");
  } else if (name === "procfile") {
    text = text.replace(/^[\w-]+:\s*/gm, "");
  } else if (name === "makefile" || name.endsWith(".mk") || name === "justfile") {
    text = text.replace(/^[^\t#\n][^\n]*:[^\n=]*$/gm, "").replace(/^\t@?-?/gm, "");
  }
  const scheduled = /crontab|\.cron$/.test(name) || /(^|\/)cron\.d\//.test(inventory.path);
  readJob(inventory, text, { name: inventory.path, scheduled, environment: environmentOf(inventory.path, []), env: /* @__PURE__ */ new Map(), ephemeral: false, lineOf: fileLines(inventory) });
}
function scanPackageScripts(inventory) {
  const scripts = mapOf2(getKey(mapOf2(inventory.file.data()?.roots[0]), "scripts"));
  if (!scripts) return;
  for (const entry of scripts.entries) {
    const text = literalOf(entry.value);
    if (!text) continue;
    const line = entry.keySpan.line;
    readJob(inventory, text, { name: entry.key, scheduled: false, environment: environmentOf(inventory.path, [entry.key]), env: /* @__PURE__ */ new Map(), ephemeral: false, lineOf: () => line });
  }
}
function getKey(node, key) {
  const map = mapOf2(node);
  return map?.entries.find((entry) => entry.key === key)?.value;
}
function simple(node) {
  if (!node) return void 0;
  if (node.kind === "scalar") return node.expression ?? node.value;
  if (node.kind === "seq") return node.items.map(simple);
  return Object.fromEntries(node.entries.map((entry) => [entry.key, simple(entry.value)]));
}

// detectors/missing-offprovider-backup/backups/tools.ts
function isLitestreamConfig(path2) {
  return /(^|\/)litestream\.ya?ml$/i.test(path2);
}
function isPgbackrestConfig(path2) {
  return /(^|\/)pgbackrest[\w.-]*\.conf$/i.test(path2);
}
function isBarmanConfig(path2) {
  return /(^|\/)barman\.conf$/i.test(path2) || /(^|\/)barman\.d\/[^/]+\.conf$/i.test(path2);
}
function isRcloneConfig(path2) {
  return /(^|\/)rclone\.conf$/i.test(path2);
}
function isBorgmaticConfig(path2) {
  return /(^|\/)borgmatic(\.d)?\/[^/]+\.ya?ml$/i.test(path2) || /(^|\/)borgmatic\.ya?ml$/i.test(path2);
}
function isAutoresticConfig(path2) {
  return /(^|\/)\.?autorestic\.ya?ml$/i.test(path2);
}
function isResticprofileConfig(path2) {
  return /(^|\/)profiles\.(ya?ml|toml|conf)$/i.test(path2);
}
function protectionOf(destination, ref) {
  if (destination.unresolved || ref) return "destination-unknown";
  return destination.provider === "local" ? "same-volume" : "off-provider";
}
function scanLitestream(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  for (const db of itemsOf(get2(root, "dbs"))) {
    const dbMap = mapOf2(db);
    const path2 = literalOf(get2(dbMap, "path"));
    const replicas = [...itemsOf(get2(dbMap, "replicas")), ...get2(dbMap, "replica") ? [get2(dbMap, "replica")] : []];
    for (const replica of replicas) {
      const map = mapOf2(replica);
      if (!map) continue;
      const url = textOf(get2(map, "url"));
      const type = (literalOf(get2(map, "type")) ?? (url ? /^(\w+):/.exec(url)?.[1] : void 0) ?? "file").toLowerCase();
      const bucket = textOf(get2(map, "bucket"));
      const endpoint = textOf(get2(map, "endpoint"));
      const raw = url ?? (type === "file" ? textOf(get2(map, "path")) ?? "file" : type === "sftp" ? `sftp://${textOf(get2(map, "host")) ?? ""}` : `${type === "abs" ? "abs" : type}://${bucket ?? ""}`);
      const destination = classifyDestination(raw, type === "s3" ? endpoint : void 0);
      const validated = get2(map, "validation-interval") !== void 0;
      inventory.evidence({
        covers: path2 ? [`path:${path2}`] : [],
        protection: protectionOf(destination),
        mechanism: "litestream",
        destination: destination.display,
        destinationProvider: destination.unresolved ? void 0 : destination.provider,
        engines: ["sqlite", "volume"],
        location: inventory.at(map.span),
        restoreTested: validated
      });
    }
  }
}
function scanPgbackrest(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const options = /* @__PURE__ */ new Map();
  for (const section2 of root.entries) {
    const map = mapOf2(section2.value);
    const pairs = map ? map.entries : [section2];
    for (const pair of pairs) {
      const value = textOf(pair.value);
      if (value !== void 0) options.set(pair.key.toLowerCase(), { value, line: pair.keySpan.line });
    }
  }
  const repos = /* @__PURE__ */ new Set();
  for (const key of options.keys()) {
    const match = /^(repo\d+)-/.exec(key);
    if (match) repos.add(match[1]);
  }
  if (repos.size === 0 && options.size > 0) repos.add("repo1");
  for (const repo of [...repos].sort()) {
    const type = options.get(`${repo}-type`)?.value.toLowerCase() ?? "posix";
    const line = options.get(`${repo}-type`)?.line ?? options.get(`${repo}-path`)?.line ?? 1;
    let destination;
    if (type === "s3") destination = classifyDestination(`s3://${options.get(`${repo}-s3-bucket`)?.value ?? ""}`, options.get(`${repo}-s3-endpoint`)?.value ?? "amazonaws.com");
    else if (type === "gcs") destination = classifyDestination(`gs://${options.get(`${repo}-gcs-bucket`)?.value ?? ""}`);
    else if (type === "azure") destination = classifyDestination(`https://${options.get(`${repo}-azure-account`)?.value ?? "account"}.blob.core.windows.net/${options.get(`${repo}-azure-container`)?.value ?? ""}`);
    else if (type === "sftp") destination = classifyDestination(`sftp://${options.get(`${repo}-sftp-host`)?.value ?? ""}`);
    else if (options.get(`${repo}-host`)) destination = { display: `repository host ${options.get(`${repo}-host`).value}`, provider: "ssh", unresolved: false };
    else destination = { display: options.get(`${repo}-path`)?.value ?? "a local repository", provider: "local", unresolved: false };
    inventory.evidence({
      covers: [],
      protection: protectionOf(destination),
      mechanism: "pgbackrest",
      destination: destination.display,
      destinationProvider: destination.unresolved ? void 0 : destination.provider,
      engines: ["postgres"],
      location: inventory.line(line)
    });
  }
}
function scanBarman(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  for (const section2 of root.entries) {
    if (section2.key.toLowerCase() === "barman") continue;
    const map = mapOf2(section2.value);
    if (!map || !getInsensitive(map, "conninfo") && !getInsensitive(map, "ssh_command")) continue;
    inventory.evidence({
      covers: [],
      protection: "off-provider",
      mechanism: "barman",
      destination: "the Barman backup server",
      destinationProvider: "ssh",
      engines: ["postgres"],
      location: inventory.line(section2.keySpan.line)
    });
  }
}
function scanRcloneConfig(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const remotes = /* @__PURE__ */ new Map();
  for (const section2 of root.entries) {
    const map = mapOf2(section2.value);
    if (!map) continue;
    remotes.set(section2.key.toLowerCase(), {
      type: literalOf(getInsensitive(map, "type")),
      provider: literalOf(getInsensitive(map, "provider")),
      endpoint: literalOf(getInsensitive(map, "endpoint")),
      remote: literalOf(getInsensitive(map, "remote")),
      line: section2.keySpan.line
    });
  }
  for (const [name, remote] of remotes) {
    let resolved = remote;
    for (let guard = 0; guard < 4 && resolved.remote && /^(crypt|alias|chunker|compress|hasher)$/i.test(resolved.type ?? ""); guard++) {
      const inner = remotes.get(resolved.remote.split(":")[0].toLowerCase());
      if (!inner) break;
      resolved = inner;
    }
    const provider = providerOfRcloneRemote(resolved.type, resolved.provider, resolved.endpoint);
    if (provider) inventory.context({ kind: "rclone-remote", name, value: provider, location: inventory.line(remote.line) });
  }
}
function scanBorgmatic(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const location = mapOf2(get2(root, "location"));
  const repositories = [...itemsOf(get2(root, "repositories")), ...itemsOf(get2(location, "repositories"))];
  const databases = mapOf2(get2(root, "hooks")) ?? root;
  const engines = [
    ...get2(databases, "postgresql_databases") ? ["postgres"] : [],
    ...get2(databases, "mysql_databases") || get2(databases, "mariadb_databases") ? ["mysql"] : [],
    ...get2(databases, "mongodb_databases") ? ["mongo"] : [],
    ...get2(databases, "sqlite_databases") ? ["sqlite"] : []
  ];
  const checks = itemsOf(get2(root, "checks") ?? get2(mapOf2(get2(root, "consistency")), "checks")).map((check) => literalOf(check) ?? literalOf(get2(mapOf2(check), "name")) ?? "");
  const tested = checks.some((check) => check === "extract" || check === "data" || check === "spot");
  for (const repository of repositories) {
    const path2 = literalOf(repository) ?? textOf(get2(mapOf2(repository), "path"));
    if (!path2) continue;
    const destination = classifyDestination(path2);
    inventory.evidence({
      covers: [],
      protection: protectionOf(destination),
      mechanism: "borgmatic",
      destination: destination.display,
      destinationProvider: destination.unresolved ? void 0 : destination.provider,
      engines: engines.length > 0 ? engines : ["volume"],
      location: inventory.at(repository.span),
      restoreTested: tested
    });
  }
}
function scanAutorestic(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  const backends = mapOf2(get2(root, "backends"));
  const locations = mapOf2(get2(root, "locations"));
  if (!backends || !locations) return;
  for (const location of locations.entries) {
    const map = mapOf2(location.value);
    const hooks = JSON.stringify(plain(get2(map, "hooks")) ?? "");
    const dumps = readScript(hooks.replace(/","/g, "\n").replace(/[[\]{}"]/g, " ")).dumps;
    for (const target of itemsOf(get2(map, "to"))) {
      const backend = mapOf2(get2(backends, literalOf(target) ?? ""));
      if (!backend) continue;
      const type = literalOf(get2(backend, "type")) ?? "local";
      const path2 = textOf(get2(backend, "path")) ?? "";
      const destination = type === "local" ? { display: path2, provider: "local", unresolved: false } : classifyDestination(type === "s3" || type === "b2" || type === "gs" || type === "azure" || type === "rest" || type === "sftp" || type === "rclone" ? `${type}:${path2}` : path2);
      inventory.evidence({
        covers: [],
        protection: protectionOf(destination),
        mechanism: "autorestic",
        destination: destination.display,
        destinationProvider: destination.unresolved ? void 0 : destination.provider,
        engines: dumps.length > 0 ? [...new Set(dumps.flatMap((dump) => dump.engines))] : ["volume"],
        location: inventory.line(location.keySpan.line)
      });
    }
  }
}
function scanResticprofile(inventory) {
  for (const leaf2 of leaves(inventory.file.data() ?? { roots: [] })) {
    if (leaf2.key !== "repository") continue;
    const value = textOf(leaf2.node);
    if (!value) continue;
    const destination = classifyDestination(value);
    inventory.evidence({
      covers: [],
      protection: protectionOf(destination),
      mechanism: "resticprofile",
      destination: destination.display,
      destinationProvider: destination.unresolved ? void 0 : destination.provider,
      engines: ["volume"],
      location: inventory.line(leaf2.node.span.line)
    });
  }
}
var WALG_PREFIXES = ["WALG_S3_PREFIX", "WALG_GS_PREFIX", "WALG_AZ_PREFIX", "WALG_SSH_PREFIX", "WALG_FILE_PREFIX", "WALE_S3_PREFIX", "WALE_GS_PREFIX", "WALE_WABS_PREFIX"];
function scanWalgSettings(inventory) {
  const document = inventory.file.data();
  if (!document) return;
  const found = [];
  for (const leaf2 of leaves(document)) {
    const value = textOf(leaf2.node);
    if (value === void 0) continue;
    if (leaf2.key && WALG_PREFIXES.includes(leaf2.key)) found.push({ key: leaf2.key, value, line: leaf2.node.span.line, siblings: siblingValues2(leaf2.parent) });
    if (leaf2.key === "name" && WALG_PREFIXES.includes(value) && leaf2.parent) {
      const inner = textOf(get2(leaf2.parent, "value"));
      if (inner !== void 0) found.push({ key: value, value: inner, line: leaf2.node.span.line, siblings: /* @__PURE__ */ new Map() });
    }
    const inline = /^(WALG_\w+_PREFIX|WALE_\w+_PREFIX)=(.+)$/.exec(value);
    if (inline && WALG_PREFIXES.includes(inline[1])) found.push({ key: inline[1], value: inline[2], line: leaf2.node.span.line, siblings: /* @__PURE__ */ new Map() });
  }
  for (const setting of found) {
    const endpoint = setting.siblings.get("AWS_ENDPOINT") ?? setting.siblings.get("WALG_S3_ENDPOINT") ?? setting.siblings.get("AWS_S3_ENDPOINT");
    const destination = setting.key.includes("FILE") ? { display: setting.value, provider: "local", unresolved: false } : setting.key.includes("SSH") ? classifyDestination(setting.value.startsWith("ssh://") ? setting.value : `ssh://${setting.value}`) : classifyDestination(setting.value, endpoint);
    inventory.evidence({
      covers: [],
      protection: isUnresolved(setting.value) ? "destination-unknown" : protectionOf(destination),
      mechanism: setting.key.startsWith("WALE") ? "wal-e" : "wal-g",
      destination: destination.display,
      destinationProvider: destination.unresolved ? void 0 : destination.provider,
      engines: ["postgres"],
      location: inventory.line(setting.line)
    });
  }
}
function siblingValues2(parent) {
  const values = /* @__PURE__ */ new Map();
  for (const entry of mapOf2(parent)?.entries ?? []) {
    const value = textOf(entry.value);
    if (value !== void 0) values.set(entry.key, value);
  }
  return values;
}
function get2(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.value;
}
function plain(node) {
  if (!node) return void 0;
  if (node.kind === "scalar") return node.expression ?? node.value;
  if (node.kind === "seq") return node.items.map(plain);
  return Object.fromEntries(node.entries.map((entry) => [entry.key, plain(entry.value)]));
}

// detectors/missing-offprovider-backup/inventory/hosted.ts
function isSupabaseConfig(path2) {
  return /(^|\/)supabase\/config\.toml$/.test(path2);
}
var SUPABASE_BUILT_IN = {
  protection: "provider-managed",
  description: "Supabase keeps daily backups (and point-in-time recovery when bought) inside the project, and deletes them with the project"
};
function scanSupabaseConfig2(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const projectEntry = root.entries.find((entry) => entry.key === "project_id");
  const name = literalOf(projectEntry?.value) ?? "supabase";
  const identities = [`supabase:project:${name}`];
  inventory.store({
    platform: "supabase",
    provider: "supabase",
    engine: "postgres",
    name,
    environment: void 0,
    location: inventory.line(projectEntry?.keySpan.line ?? 1),
    identities,
    declaredBy: "platform",
    builtInBackup: SUPABASE_BUILT_IN
  });
  const remotes = mapOf2(root.entries.find((entry) => entry.key === "remotes")?.value);
  for (const remote of remotes?.entries ?? []) {
    const ref = literalOf(get3(remote.value, "project_id"));
    if (ref && /^[a-z]{20}$/.test(ref)) inventory.context({ kind: "supabase-hosted", name: ref, value: remote.key, location: inventory.line(remote.keySpan.line) });
  }
}
var PROVIDER_MANAGED = (what) => ({ protection: "provider-managed", description: what });
var HOSTS = [
  [/\.rds\.amazonaws\.com$/, { provider: "aws", engine: "database", builtIn: PROVIDER_MANAGED("RDS automated backups and snapshots stay in the same AWS account") }],
  [/(^|\.)supabase\.co$|\.pooler\.supabase\.com$/, { provider: "supabase", engine: "postgres", builtIn: SUPABASE_BUILT_IN }],
  [/\.neon\.tech$/, { provider: "neon", engine: "postgres", builtIn: PROVIDER_MANAGED("Neon's restore window is history kept in the same Neon project") }],
  [/\.psdb\.cloud$|\.connect\.psdb\.cloud$/, { provider: "planetscale", engine: "mysql", builtIn: PROVIDER_MANAGED("PlanetScale backups are kept by PlanetScale, in the same organization") }],
  [/\.railway\.internal$|\.rlwy\.net$|(^|\.)containers-[\w-]+\.railway\.app$/, { provider: "railway", engine: "database", builtIn: RAILWAY_BUILT_IN }],
  [/^dpg-[a-z0-9]+-a(\.[\w-]+-postgres\.render\.com)?$/, { provider: "render", engine: "postgres", builtIn: PROVIDER_MANAGED("Render keeps point-in-time recovery and exports inside the same Render workspace") }],
  [/\.flycast$|\.fly\.dev$|^[\w-]+\.internal$/, { provider: "fly", engine: "database", builtIn: PROVIDER_MANAGED("Fly keeps volume snapshots in the same Fly organization") }],
  [/\.mongodb\.net$/, { provider: "mongodb-atlas", engine: "mongo", builtIn: PROVIDER_MANAGED("Atlas cloud backups stay in the same Atlas project") }],
  [/\.db\.ondigitalocean\.com$/, { provider: "digitalocean", engine: "database", builtIn: PROVIDER_MANAGED("DigitalOcean managed database backups stay in the same DigitalOcean account") }],
  [/\.(postgres|mysql)\.database\.azure\.com$|\.database\.windows\.net$/, { provider: "azure", engine: "database", builtIn: PROVIDER_MANAGED("Azure database backups stay in the same subscription") }],
  [/\.cockroachlabs\.cloud$/, { provider: "cockroach", engine: "postgres", builtIn: PROVIDER_MANAGED("CockroachDB Cloud managed backups stay with Cockroach Labs") }],
  [/\.aivencloud\.com$/, { provider: "aiven", engine: "database", builtIn: PROVIDER_MANAGED("Aiven backups stay in the same Aiven project") }],
  [/\.tsdb\.cloud\.timescale\.com$|\.timescaledb\.io$/, { provider: "timescale", engine: "postgres", builtIn: PROVIDER_MANAGED("Timescale Cloud backups stay with Timescale") }],
  [/\.turso\.io$/, { provider: "turso", engine: "sqlite", builtIn: PROVIDER_MANAGED("Turso point-in-time restore stays with Turso") }],
  [/\.xata\.sh$/, { provider: "xata", engine: "postgres", builtIn: PROVIDER_MANAGED("Xata backups stay with Xata") }]
];
var SCHEMES = [
  [/^(postgres|postgresql|pgsql)(\+\w+)?:/i, "postgres"],
  [/^(mysql|mysql2|mariadb)(\+\w+)?:/i, "mysql"],
  [/^mongodb(\+srv)?:/i, "mongo"],
  [/^(libsql|sqlite):/i, "sqlite"],
  [/^sqlserver:/i, "mssql"]
];
var KEY_HINT = /database|(^|_)db(_|$)|^pg|postgres|mysql|mongo|supabase|datasource|connection|dsn|_url$|host$/i;
function hostedDatabaseOf(value) {
  const text = value.trim().replace(/^jdbc:/i, "");
  const scheme = SCHEMES.find(([pattern]) => pattern.test(text))?.[1];
  let host;
  let user;
  const url = /^[a-z][\w+.-]*:\/\/(?:([^:@/\s]*)(?::[^@/\s]*)?@)?([^/:?,\s]+)/i.exec(text);
  if (url) {
    user = url[1];
    host = url[2];
  } else if (/^https?:\/\//i.test(text) === false) {
    const bare = /^([a-z0-9][\w.-]+\.[a-z]{2,})(:\d+)?$/i.exec(text);
    host = bare?.[1];
  }
  if (!host && /^https?:\/\//i.test(text)) host = /^https?:\/\/([^/:?]+)/i.exec(text)?.[1];
  if (!host) return void 0;
  host = host.toLowerCase().replace(/\.$/, "");
  const provider = HOSTS.find(([pattern]) => pattern.test(host))?.[1];
  if (!provider) return void 0;
  if (!scheme && /^https?:/i.test(text) && provider.provider !== "supabase") return void 0;
  if (!scheme && provider.provider === "fly" && !/\.flycast$/.test(host)) return void 0;
  const identities = [`host:${host}`];
  let supabaseRef;
  if (provider.provider === "supabase") {
    supabaseRef = /^(?:db\.)?([a-z]{20})\.supabase\.co$/.exec(host)?.[1] ?? /^postgres\.([a-z]{20})$/.exec(user ?? "")?.[1];
    if (supabaseRef) identities.push(`supabase:project:${supabaseRef}`, `host:db.${supabaseRef}.supabase.co`, `host:${supabaseRef}.supabase.co`);
  }
  if (provider.provider === "aws") identities.push(`aws:rds:${host.split(".")[0]}`);
  if (provider.provider === "neon") {
    const endpoint = /^(ep-[a-z0-9-]+?)(-pooler)?\./.exec(host)?.[1];
    if (endpoint) identities.push(`neon:endpoint:${endpoint}`);
  }
  if (provider.provider === "railway") identities.push(`railway:service:${host.split(".")[0]}`);
  if (provider.provider === "fly") identities.push(`fly:app:${host.split(".").slice(-2, -1)[0] ?? host.split(".")[0]}`);
  const name = supabaseRef ?? identities.find((identity) => /^(neon:endpoint|aws:rds):/.test(identity))?.split(":")[2] ?? host;
  return { provider, engine: scheme ?? provider.engine, host, name, identities: [...new Set(identities)], supabaseRef };
}
function storeHostedDatabase(inventory, hosted, line, environment) {
  inventory.store({
    platform: hosted.provider.provider,
    provider: hosted.provider.provider,
    engine: hosted.engine,
    name: hosted.name,
    location: inventory.line(line),
    identities: hosted.identities,
    declaredBy: "usage",
    builtInBackup: hosted.provider.builtIn,
    ...environment ? { environment } : {}
  });
}
var RAILWAY_REFERENCE = /\$\{\{\s*([\w-]+)\.(DATABASE_URL|DATABASE_PUBLIC_URL|DATABASE_PRIVATE_URL|PGHOST|PGDATABASE|POSTGRES_\w+|MYSQL_URL|MYSQL\w*|MONGO_URL|MONGO\w*)\s*\}\}/;
function isExampleEnv(path2) {
  return /\.(example|sample|template|dist|defaults?)$/i.test(fileNameOf(path2)) || /example|sample|template/i.test(fileNameOf(path2));
}
function scanConnections(inventory) {
  const parsed = inventory.file.data();
  if (!parsed) return;
  const document = { roots: parsed.roots.map(withDecodedSecretData) };
  const seen = /* @__PURE__ */ new Set();
  for (const leaf2 of leaves(document)) {
    const value = textOf(leaf2.node);
    if (!value || value.length > 400) continue;
    const key = leaf2.key ?? "";
    const reference = RAILWAY_REFERENCE.exec(value);
    if (reference) {
      const service = reference[1];
      const variable = reference[2];
      const engine = /MYSQL/.test(variable) ? "mysql" : /MONGO/.test(variable) ? "mongo" : "postgres";
      if (/^(shared|RAILWAY)/i.test(service) || seen.has(`railway:${service}`)) continue;
      seen.add(`railway:${service}`);
      inventory.store({
        platform: "railway",
        provider: "railway",
        engine,
        name: service,
        location: inventory.line(leaf2.node.span.line),
        identities: [`railway:service:${service}`, `host:${service.toLowerCase()}.railway.internal`],
        declaredBy: "usage",
        builtInBackup: RAILWAY_BUILT_IN
      });
      continue;
    }
    if (!SCHEMES.some(([pattern]) => pattern.test(value.replace(/^jdbc:/i, ""))) && !KEY_HINT.test(key)) continue;
    const hosted = hostedDatabaseOf(value);
    if (!hosted) continue;
    if (/(^|[.-])(replica|replicas|read|reader|readonly|ro)([.-]|\d|$)|\.cluster-ro-/.test(hosted.host)) continue;
    const keyed = leaf2.path.find((segment) => typeof segment === "string" && environmentNamed(segment) !== void 0 && segment.length > 2 && !/[^A-Za-z]/.test(segment));
    const environment = keyed ? environmentNamed(keyed) : void 0;
    if (hosted.supabaseRef && !isTestOnlyPath(inventory.path) && !isExampleEnv(inventory.path)) {
      inventory.context({ kind: "supabase-hosted", name: hosted.supabaseRef, value: key, location: inventory.line(leaf2.node.span.line) });
    }
    const dedupe = `${hosted.provider.provider}:${hosted.host}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    storeHostedDatabase(inventory, hosted, leaf2.node.span.line, environment);
  }
}
var PACKAGES = lookupTable({
  "@neondatabase/serverless": { provider: "neon", engine: "postgres", description: "Neon's restore window is history kept in the same Neon project" },
  "@vercel/postgres": { provider: "neon", engine: "postgres", description: "Vercel Postgres is Neon: its restore window is history kept in the same project" },
  "@planetscale/database": { provider: "planetscale", engine: "mysql", description: "PlanetScale backups are kept by PlanetScale, in the same organization" },
  "@supabase/supabase-js": { provider: "supabase", engine: "postgres", description: SUPABASE_BUILT_IN.description },
  "@libsql/client": { provider: "turso", engine: "sqlite", description: "Turso point-in-time restore stays with Turso" },
  "@xata.io/client": { provider: "xata", engine: "postgres", description: "Xata backups stay with Xata" }
});
function scanPackages(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  for (const section2 of ["dependencies"]) {
    for (const entry of mapOf2(get3(root, section2))?.entries ?? []) {
      const hosted = PACKAGES[entry.key];
      if (!hosted) continue;
      inventory.store({
        platform: hosted.provider,
        provider: hosted.provider,
        engine: hosted.engine,
        name: hosted.provider,
        location: inventory.line(entry.keySpan.line),
        identities: [],
        declaredBy: "usage",
        builtInBackup: { protection: "provider-managed", description: hosted.description }
      });
    }
  }
}
function get3(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.value;
}

// detectors/missing-offprovider-backup/inventory/apps.ts
var ORM_ENGINES = lookupTable({
  postgresql: "postgres",
  postgres: "postgres",
  pg: "postgres",
  postgis: "postgres",
  cockroachdb: "postgres",
  mysql: "mysql",
  mysql2: "mysql",
  mariadb: "mysql",
  trilogy: "mysql",
  singlestore: "mysql",
  sqlserver: "mssql",
  mssql: "mssql",
  mongodb: "mongo"
});
function isOrmConfig(path2) {
  const name = fileNameOf(path2).toLowerCase();
  return name.endsWith(".prisma") || /^drizzle\.config\.(ts|js|mjs|cjs|json)$/.test(name) || /^ormconfig\.(json|ya?ml|js|ts)$/.test(name) || /(^|\/)config\/database\.ya?ml$/.test(path2) || /(^|\/)config\/config\.json$/.test(path2) || /^knexfile\.(js|ts|cjs|mjs)$/.test(name) || /\.py$/.test(name) && (/^settings/.test(name) || /(^|\/)settings\//.test(path2));
}
function ormStore(inventory, engine, tool, line, environment) {
  inventory.store({
    platform: "unknown",
    engine,
    name: tool,
    environment: environment ?? environmentOf(inventory.path, []),
    location: inventory.line(line),
    identities: [],
    declaredBy: "usage"
  });
}
function scanOrm(inventory) {
  const path2 = inventory.path;
  const name = fileNameOf(path2).toLowerCase();
  const text = inventory.file.text;
  if (name.endsWith(".prisma")) {
    const match = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"(\w+)"/.exec(text);
    const engine = match ? ORM_ENGINES[match[1]] : void 0;
    if (match && engine) ormStore(inventory, engine, "Prisma schema", inventory.file.positionAt(match.index).line);
    return;
  }
  if (/^drizzle\.config\./.test(name)) {
    const match = /\b(?:dialect|driver)\s*:\s*['"](\w+)['"]/.exec(text);
    const engine = match ? ORM_ENGINES[match[1]] : void 0;
    if (match && engine) ormStore(inventory, engine, "Drizzle config", inventory.file.positionAt(match.index).line);
    return;
  }
  if (/^ormconfig\./.test(name) || /^knexfile\./.test(name)) {
    const match = /\b(?:type|client)['"]?\s*:\s*['"](\w+)['"]/.exec(text);
    const engine = match ? ORM_ENGINES[match[1]] : void 0;
    if (match && engine) ormStore(inventory, engine, name.startsWith("knex") ? "Knex config" : "TypeORM config", inventory.file.positionAt(match.index).line);
    return;
  }
  if (/(^|\/)config\/database\.ya?ml$/.test(path2) || /(^|\/)config\/config\.json$/.test(path2)) {
    const root = mapOf2(inventory.file.data()?.roots[0]);
    const production = root?.entries.find((entry) => entry.key === "production");
    if (!production) return;
    const adapter = literalOf(deepGet(production.value, "adapter")) ?? literalOf(deepGet(production.value, "dialect"));
    const engine = adapter ? ORM_ENGINES[adapter.toLowerCase()] : void 0;
    if (engine) ormStore(inventory, engine, path2.endsWith(".json") ? "Sequelize config" : "Rails database.yml", production.keySpan.line, "production");
    return;
  }
  if (name.endsWith(".py")) {
    const match = /['"]ENGINE['"]\s*:\s*['"]django\.db\.backends\.(postgresql(?:_psycopg2)?|mysql|oracle)['"]|(dj_database_url)\.(?:config|parse)\(/.exec(text);
    if (!match) return;
    const engine = match[1] ? match[1].startsWith("postgresql") ? "postgres" : match[1] === "mysql" ? "mysql" : "database" : "database";
    const line = inventory.file.positionAt(match.index).line;
    const hosted = djangoHostedDatabase(text, engine);
    if (hosted) storeHostedDatabase(inventory, hosted, line, environmentOf(inventory.path, []));
    else ormStore(inventory, engine, "Django settings", line);
  }
}
function djangoHostedDatabase(text, engine) {
  const url = /\b(?:dj_database_url|db_url)\.(?:config|parse)\(\s*(?:default\s*=\s*)?['"]([^'"\n]+)['"]/.exec(text);
  if (url) return hostedDatabaseOf(url[1]);
  const host = /['"]HOST['"]\s*:\s*['"]([^'"\n]+)['"]/.exec(text)?.[1];
  if (!host) return void 0;
  const user = /['"]USER['"]\s*:\s*['"]([^'"@:/\n]+)['"]/.exec(text)?.[1];
  const scheme = engine === "mysql" ? "mysql" : "postgres";
  return hostedDatabaseOf(`${scheme}://${user ? `${user}@` : ""}${host}`);
}
function scanTypeormSource(inventory) {
  const match = /new\s+DataSource\(\s*\{[^}]*?\btype\s*:\s*['"](\w+)['"]/s.exec(inventory.file.text);
  const engine = match ? ORM_ENGINES[match[1]] : void 0;
  if (match && engine) ormStore(inventory, engine, "TypeORM data source", inventory.file.positionAt(match.index).line);
}
function deepGet(node, key) {
  const map = mapOf2(node);
  if (!map) return void 0;
  for (const entry of map.entries) {
    if (entry.key === key) return entry.value;
  }
  for (const entry of map.entries) {
    const found = mapOf2(entry.value) ? deepGet(entry.value, key) : void 0;
    if (found) return found;
  }
  return void 0;
}
var DEPLOY_FILES = [
  [/(^|\/)railway\.(json|toml)$/i, "railway"],
  [/(^|\/)\.railway\/railway\.(ts|js|py)$/i, "railway"],
  [/(^|\/)vercel\.json$|(^|\/)\.vercel\/project\.json$/i, "vercel"],
  [/(^|\/)netlify\.toml$/i, "netlify"],
  [/(^|\/)Procfile$/, "heroku"],
  [/(^|\/)render\.ya?ml$/i, "render"],
  [/(^|\/)\.do\/(app|deploy\.template)\.ya?ml$/i, "digitalocean"],
  [/(^|\/)app\.ya?ml$/i, "gcp"],
  [/(^|\/)apprunner\.ya?ml$|(^|\/)Dockerrun\.aws\.json$|(^|\/)appspec\.ya?ml$|(^|\/)\.elasticbeanstalk\//i, "aws"],
  [/(^|\/)captain-definition$/i, "caprover"],
  [/(^|\/)\.platform\.app\.yaml$/i, "platform.sh"],
  [/(^|\/)(zeabur\.json|koyeb\.ya?ml)$/i, "paas"],
  [/(^|\/)wrangler\.(toml|jsonc?)$/i, "cloudflare"]
];
function deployPlatformOfPath(path2) {
  return DEPLOY_FILES.find(([pattern]) => pattern.test(path2))?.[1];
}
function scanDeployFile(inventory) {
  const platform = deployPlatformOfPath(inventory.path);
  if (!platform) return;
  if (platform === "gcp" && !/^\s*runtime\s*:/m.test(inventory.file.text)) return;
  inventory.context({ kind: "deploys", value: platform, location: inventory.line(1) });
}
var BUTTONS = [
  [/render\.com\/deploy/i, "render"],
  [/heroku\.com\/deploy|herokucdn\.com\/deploy/i, "heroku"],
  [/railway\.(app|com)\/(new\/)?(template|deploy)/i, "railway"],
  [/vercel\.com\/(new\/clone|button)|vercel\.com\/new\?/i, "vercel"],
  [/app\.netlify\.com\/start\/deploy/i, "netlify"],
  [/cloud\.digitalocean\.com\/apps\/new|deploytodo\.com/i, "digitalocean"],
  [/app\.koyeb\.com\/deploy/i, "paas"],
  [/zeabur\.com\/templates/i, "paas"],
  [/deploy\.cloud\.run/i, "gcp"]
];
function scanReadme(inventory) {
  for (const [pattern, platform] of BUTTONS) {
    const match = pattern.exec(inventory.file.text);
    if (match) inventory.context({ kind: "deploy-button", value: platform, location: inventory.line(inventory.file.positionAt(match.index).line) });
  }
}

// detectors/missing-offprovider-backup/inventory/buckets.ts
var NOT_DATA = /* @__PURE__ */ new Set([
  "log",
  "logs",
  "logging",
  "access",
  "audit",
  "cloudtrail",
  "trail",
  "trails",
  "alb",
  "elb",
  "lb",
  "cdn",
  "static",
  "website",
  "site",
  "sites",
  "web",
  "www",
  "assets",
  "asset",
  "public",
  "frontend",
  "build",
  "builds",
  "artifact",
  "artifacts",
  "deploy",
  "deployment",
  "deployments",
  "lambda",
  "code",
  "release",
  "releases",
  "state",
  "tfstate",
  "terraform",
  "backup",
  "backups",
  "bkp",
  "snapshot",
  "snapshots",
  "archive",
  "archives",
  "replica",
  "replication",
  "dr",
  "cache",
  "tmp",
  "temp",
  "config",
  "configs",
  "pipeline",
  "codepipeline",
  "athena",
  "query",
  "results",
  "cur",
  "billing",
  "inventory",
  "metrics",
  "flowlogs",
  "vpc",
  "waf",
  "cloudfront",
  "glue",
  "emr",
  "sagemaker",
  "test",
  "tests",
  "example",
  "demo",
  "sandbox",
  "docs",
  "cloudbuild",
  "source",
  "sources",
  "packages",
  "spa",
  "ui",
  "redirect",
  "analytics",
  "reports",
  "report",
  "exports",
  "export",
  "dumps",
  "firehose",
  "kinesis",
  "events",
  "cloudformation",
  "cfn",
  "sam",
  "serverless"
]);
var DATA = /* @__PURE__ */ new Set([
  "upload",
  "uploads",
  "media",
  "attachment",
  "attachments",
  "document",
  "documents",
  "file",
  "files",
  "user",
  "users",
  "customer",
  "customers",
  "data",
  "storage",
  "content",
  "avatar",
  "avatars",
  "photo",
  "photos",
  "object",
  "objects",
  "blob",
  "blobs",
  "vault",
  "records",
  "invoice",
  "invoices",
  "receipt",
  "receipts",
  "recording",
  "recordings",
  "datalake",
  "lake",
  "warehouse",
  "tenant",
  "tenants",
  "evidence",
  "contracts",
  "medical",
  "kyc"
]);
function isBucketData(name, label, environment) {
  const tokens = [...tokensOf(name), ...tokensOf(label)];
  if (tokens.some((token) => NOT_DATA.has(token))) return false;
  return tokens.some((token) => DATA.has(token)) || environment === "production";
}

// detectors/missing-offprovider-backup/inventory/cloud.ts
var TITLES = {
  "rds-instance": "rds",
  "rds-cluster": "rds",
  docdb: "docdb",
  dynamodb: "dynamodb",
  s3: "s3",
  efs: "efs",
  cloudsql: "sql",
  gcs: "gcs"
};
function publishCloudResource(inventory, resource) {
  const location = inventory.line(resource.line);
  const settings = [];
  const at = (line) => inventory.line(line);
  const isDatabase = resource.kind === "rds-instance" || resource.kind === "rds-cluster" || resource.kind === "docdb" || resource.kind === "cloudsql";
  const gcp = resource.kind === "cloudsql" || resource.kind === "gcs";
  if (resource.kind === "s3" || resource.kind === "gcs") {
    if (!isBucketData(resource.name, resource.logicalId, resource.environment)) return;
  }
  const retention = resource.backupRetention;
  const disabled = retention?.value === 0;
  if (disabled) settings.push({ kind: "backups-disabled", setting: retention.text, explicit: true, location: at(retention.line) });
  if (resource.deletionProtection?.value === false) settings.push({ kind: "deletion-protection-off", setting: resource.deletionProtection.text, explicit: true, location: at(resource.deletionProtection.line) });
  else if (!resource.deletionProtection && (isDatabase || resource.kind === "dynamodb") && !gcp && resource.removal?.value !== "retain") {
    settings.push({ kind: "deletion-protection-off", setting: "deletion protection not set (defaults to off)", explicit: false, location });
  }
  if (resource.skipFinalSnapshot?.value === true) settings.push({ kind: "skip-final-snapshot", setting: resource.skipFinalSnapshot.text, explicit: true, location: at(resource.skipFinalSnapshot.line) });
  if (resource.deleteAutomatedBackups?.value === true) settings.push({ kind: "backups-die-with-instance", setting: resource.deleteAutomatedBackups.text, explicit: true, location: at(resource.deleteAutomatedBackups.line) });
  if (resource.forceDestroy?.value === true) settings.push({ kind: "force-destroy", setting: resource.forceDestroy.text, explicit: true, location: at(resource.forceDestroy.line) });
  if (resource.removal?.value === "delete") settings.push({ kind: "deletion-policy-delete", setting: resource.removal.text, explicit: true, location: at(resource.removal.line) });
  else if (!resource.removal && resource.defaultRemoval === "delete") settings.push({ kind: "deletion-policy-delete", setting: `no ${resource.removalKey} (defaults to Delete)`, explicit: false, location });
  if (resource.protect === false) settings.push({ kind: "no-prevent-destroy", setting: `no ${resource.removalKey}`, explicit: false, location });
  const provider = gcp ? "gcp" : "aws";
  let builtIn;
  switch (resource.kind) {
    case "dynamodb":
      builtIn = resource.pointInTimeRecovery ? { protection: "provider-managed", description: "point-in-time recovery (35 days) stays in the same AWS account and region" } : { protection: "none", description: "DynamoDB keeps no backups unless point-in-time recovery or AWS Backup is on" };
      break;
    case "s3":
    case "gcs":
      builtIn = resource.versioned ? { protection: "provider-managed", description: "object versioning keeps old versions in the same bucket, which goes with the bucket or the account" } : { protection: "none", description: "the bucket has no versioning or replication" };
      break;
    case "efs":
      builtIn = resource.backupPolicy ? { protection: "provider-managed", description: "EFS automatic backups go to an AWS Backup vault in the same account" } : { protection: "none", description: "EFS keeps no backups unless a backup policy or AWS Backup covers it" };
      break;
    case "cloudsql":
      builtIn = disabled ? { protection: "none", description: "automated backups are not enabled" } : { protection: "provider-managed", description: "Cloud SQL automated backups stay in the same Google Cloud project" };
      break;
    default:
      builtIn = disabled ? { protection: "none", description: "automated backups are turned off (retention 0)" } : { protection: "provider-managed", description: `automated backups${retention ? ` (${retention.value} days)` : ""} and snapshots stay in the same AWS account` };
  }
  const engine = resource.kind === "dynamodb" ? "dynamodb" : resource.kind === "s3" || resource.kind === "gcs" ? "object-storage" : resource.kind === "efs" ? "file-system" : resource.kind === "docdb" ? "mongo" : resource.engine ?? "database";
  const physical = resource.name.toLowerCase();
  inventory.store({
    platform: provider,
    provider,
    engine,
    name: resource.name,
    environment: resource.environment,
    location,
    identities: [resource.identity, `${provider}:${TITLES[resource.kind]}:${physical}`],
    declaredBy: "infrastructure",
    builtInBackup: builtIn,
    destructiveSettings: settings
  });
}
function engineOfText(text) {
  if (!text) return void 0;
  const lower = text.toLowerCase();
  if (/postgres/.test(lower)) return "postgres";
  if (/mysql|maria/.test(lower)) return "mysql";
  if (/sqlserver|mssql/.test(lower)) return "mssql";
  return void 0;
}

// detectors/missing-offprovider-backup/inventory/cloudformation.ts
var KINDS = lookupTable({
  "AWS::RDS::DBInstance": "rds-instance",
  "AWS::RDS::DBCluster": "rds-cluster",
  "AWS::DocDB::DBCluster": "docdb",
  "AWS::DynamoDB::Table": "dynamodb",
  "AWS::DynamoDB::GlobalTable": "dynamodb",
  "AWS::Serverless::SimpleTable": "dynamodb",
  "AWS::S3::Bucket": "s3",
  "AWS::EFS::FileSystem": "efs"
});
function cloudFormationResources(root) {
  const map = mapOf2(root);
  if (!map) return void 0;
  const direct = mapOf2(get4(map, "Resources"));
  if (direct && (get4(map, "AWSTemplateFormatVersion") || get4(map, "Transform") || direct.entries.some((entry) => /^AWS::/.test(literalOf(get4(entry.value, "Type")) ?? "")))) return direct;
  if (get4(map, "service") && get4(map, "provider")) return mapOf2(get4(mapOf2(get4(map, "resources")), "Resources"));
  return void 0;
}
function logicalRef(node) {
  if (!node) return void 0;
  if (node.kind === "scalar" && node.expression) {
    const match = /^!(?:Ref|GetAtt)\s+([\w]+)/.exec(node.expression);
    return match?.[1];
  }
  const map = mapOf2(node);
  if (map) {
    const ref = literalOf(get4(map, "Ref"));
    if (ref) return ref;
    const getAtt = get4(map, "Fn::GetAtt");
    if (getAtt?.kind === "seq") return literalOf(getAtt.items[0]);
    if (getAtt) return literalOf(getAtt)?.split(".")[0];
  }
  return void 0;
}
function scanCloudFormation(inventory) {
  for (const root of inventory.file.data()?.roots ?? []) {
    const resources = cloudFormationResources(root);
    if (!resources) continue;
    const serverless = !!get4(mapOf2(root), "service");
    if (serverless) inventory.context({ kind: "deploys", value: "serverless", location: inventory.line(1) });
    for (const entry of resources.entries) {
      const resource = mapOf2(entry.value);
      const type = literalOf(get4(resource, "Type"));
      if (!resource || !type) continue;
      const logicalId = entry.key;
      const line = entry.keySpan.line;
      const identity = `cloudformation:${inventory.path}:${logicalId}`.toLowerCase();
      const props = mapOf2(get4(resource, "Properties"));
      const kind = KINDS[type];
      if (kind) {
        readResource(inventory, kind, type, logicalId, line, identity, resource, props);
        continue;
      }
      if (type === "AWS::Backup::BackupPlan") {
        const plan = mapOf2(getInsensitive(props, "BackupPlan"));
        for (const rule2 of itemsOf(getInsensitive(plan, "BackupPlanRule"))) {
          const copies = itemsOf(getInsensitive(rule2, "CopyActions"));
          if (copies.length === 0) {
            inventory.evidence({ covers: [`cloudformation-plan:${inventory.path}:${logicalId}`.toLowerCase()], protection: "provider-managed", mechanism: "aws-backup", destination: "an AWS Backup vault in the same account and region", destinationProvider: "aws", location: inventory.line(rule2.span.line) });
          }
          for (const copy of copies) {
            const arnNode = getInsensitive(copy, "DestinationBackupVaultArn");
            const arn = literalOf(arnNode);
            const parsed = arn ? parseArn(arn) : void 0;
            inventory.evidence({
              covers: [`cloudformation-plan:${inventory.path}:${logicalId}`.toLowerCase()],
              protection: parsed?.account ? "other-account" : "same-account-other-region",
              mechanism: "aws-backup CopyActions",
              destination: arn ?? textOf(arnNode) ?? "another vault",
              destinationProvider: "aws",
              destinationAccount: parsed?.account,
              destinationRegion: parsed?.region,
              location: inventory.line(copy.span.line)
            });
          }
        }
      } else if (type === "AWS::Backup::BackupSelection") {
        const plan = logicalRef(getInsensitive(props, "BackupPlanId"));
        const selection = mapOf2(getInsensitive(props, "BackupSelection"));
        const covers = [];
        for (const item of itemsOf(getInsensitive(selection, "Resources"))) {
          const ref = logicalRef(item);
          if (ref) covers.push(`cloudformation:${inventory.path}:${ref}`.toLowerCase());
          const sub = textOf(item) ?? "";
          const subRef = /\$\{(\w+)(\.Arn)?\}/.exec(sub)?.[1];
          if (subRef) covers.push(`cloudformation:${inventory.path}:${subRef}`.toLowerCase());
          if (/\*/.test(sub)) covers.push("provider:aws");
        }
        if (getInsensitive(selection, "ListOfTags") || getInsensitive(selection, "Conditions") || covers.length === 0) covers.push(`provider:aws@${inventory.path}`);
        inventory.evidence({
          covers,
          protection: "provider-managed",
          mechanism: "aws-backup",
          destination: "an AWS Backup vault",
          destinationProvider: "aws",
          destinationRef: plan ? `cloudformation-plan:${inventory.path}:${plan}`.toLowerCase() : void 0,
          location: inventory.line(line)
        });
      }
    }
  }
}
function readResource(inventory, kind, type, logicalId, line, identity, resource, props) {
  if (kind === "rds-instance" && (get4(props, "DBClusterIdentifier") || get4(props, "SourceDBInstanceIdentifier"))) return;
  const written = (key, value, text) => {
    const found = props?.entries.find((entry) => entry.key === key);
    return found && value !== void 0 ? { value, line: found.keySpan.line, text: text(value) } : void 0;
  };
  const bool = (key) => written(key, isTruthy(get4(props, key)), (value) => `${key}: ${value}`);
  const physicalKey = { "rds-instance": "DBInstanceIdentifier", "rds-cluster": "DBClusterIdentifier", docdb: "DBClusterIdentifier", dynamodb: "TableName", s3: "BucketName", efs: "FileSystemTags", cloudsql: "", gcs: "" }[kind];
  const physical = literalOf(get4(props, physicalKey));
  const retentionText = literalOf(get4(props, "BackupRetentionPeriod"));
  const policyEntry = resource.entries.find((entry) => entry.key === "DeletionPolicy");
  const policy = literalOf(policyEntry?.value)?.toLowerCase();
  const pitr = mapOf2(get4(props, "PointInTimeRecoverySpecification"));
  const versioning = mapOf2(get4(props, "VersioningConfiguration"));
  const cloud = {
    kind,
    name: physical ?? logicalId,
    logicalId,
    line,
    engine: engineOfText(literalOf(get4(props, "Engine"))),
    identity,
    environment: environmentOf(inventory.path, [physical, logicalId]),
    deletionProtection: bool(kind === "dynamodb" ? "DeletionProtectionEnabled" : "DeletionProtection"),
    backupRetention: written("BackupRetentionPeriod", retentionText !== void 0 && /^\d+$/.test(retentionText) ? Number(retentionText) : void 0, (value) => `BackupRetentionPeriod: ${value}`),
    deleteAutomatedBackups: bool("DeleteAutomatedBackups"),
    pointInTimeRecovery: isTruthy(get4(pitr, "PointInTimeRecoveryEnabled")) === true,
    versioned: /enabled/i.test(literalOf(get4(versioning, "Status")) ?? ""),
    backupPolicy: /enabled/i.test(literalOf(get4(mapOf2(get4(props, "BackupPolicy")), "Status")) ?? ""),
    removal: policyEntry && policy ? { value: policy === "delete" ? "delete" : policy === "snapshot" ? "snapshot" : "retain", line: policyEntry.keySpan.line, text: `DeletionPolicy: ${literalOf(policyEntry.value)}` } : void 0,
    // Without a DeletionPolicy, CloudFormation snapshots RDS clusters and standalone instances and deletes the rest.
    defaultRemoval: kind === "rds-instance" || kind === "rds-cluster" ? "snapshot" : "delete",
    removalKey: "DeletionPolicy"
  };
  if (type === "AWS::Serverless::SimpleTable") cloud.deletionProtection = void 0;
  publishCloudResource(inventory, cloud);
  const replication = mapOf2(get4(props, "ReplicationConfiguration"));
  for (const rule2 of itemsOf(get4(replication, "Rules"))) {
    const destination = mapOf2(get4(rule2, "Destination"));
    const account = literalOf(get4(destination, "Account"));
    inventory.evidence({
      covers: [identity],
      protection: account ? "other-account" : "same-account-other-region",
      mechanism: "s3-replication",
      destination: textOf(get4(destination, "Bucket")) ?? "another bucket",
      destinationProvider: "aws",
      destinationAccount: account,
      location: inventory.line(rule2.span.line)
    });
  }
}
function get4(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.value;
}

// detectors/missing-offprovider-backup/inventory/kubernetes.ts
var STORAGE_PROVISIONERS = [
  [/ebs\.csi\.aws\.com|kubernetes\.io\/aws-ebs|efs\.csi\.aws\.com/, "aws"],
  [/pd\.csi\.storage\.gke\.io|kubernetes\.io\/gce-pd|filestore\.csi/, "gcp"],
  [/disk\.csi\.azure\.com|file\.csi\.azure\.com|kubernetes\.io\/azure-disk/, "azure"],
  [/dobs\.csi\.digitalocean\.com/, "digitalocean"],
  [/csi\.hetzner\.cloud/, "hetzner"],
  [/linodebs\.csi\.linode\.com/, "linode"],
  [/rancher\.io\/local-path|openebs\.io\/local|kubernetes\.io\/no-provisioner|hostpath/i, "host"],
  [/longhorn|rook|ceph|openebs/i, "in-cluster"]
];
function providerOfProvisioner(provisioner) {
  if (!provisioner) return void 0;
  return STORAGE_PROVISIONERS.find(([pattern]) => pattern.test(provisioner))?.[1];
}
function get5(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.value;
}
function path(node, ...keys) {
  let current = node;
  for (const key of keys) current = get5(current, key);
  return current;
}
function keyLine(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.keySpan.line;
}
function isHelmTemplate(path2, text) {
  return /(^|\/)templates\//.test(path2) && text.includes("{{");
}
function looksLikeKubernetes(text) {
  return /^\s*apiVersion:/m.test(text) && /^\s*kind:/m.test(text);
}
function scanKubernetes(inventory) {
  const document = inventory.file.data();
  if (!document) return;
  for (const root of document.roots) {
    const items = literalOf(get5(root, "kind")) === "List" ? itemsOf(get5(root, "items")) : [root];
    for (const item of items) scanObject(inventory, item);
  }
}
function scanObject(inventory, object) {
  const map = mapOf2(object);
  const kind = literalOf(get5(map, "kind"));
  const apiVersion = literalOf(get5(map, "apiVersion")) ?? "";
  if (!map || !kind) return;
  const metadata = get5(map, "metadata");
  const name = literalOf(get5(metadata, "name")) ?? kind.toLowerCase();
  const namespace = literalOf(get5(metadata, "namespace"));
  const ns = namespace ?? "default";
  const environment = environmentOf(inventory.path, []) ?? environmentNamed(namespace) ?? environmentOf("", [name]);
  const line = keyLine(map, "kind") ?? map.span.line;
  const spec = get5(map, "spec");
  const identity = (k, n = name) => `k8s:${ns}:${k.toLowerCase()}/${n}`.toLowerCase();
  const podSpec = (node) => path(node, "template", "spec");
  switch (kind) {
    case "StatefulSet":
    case "Deployment": {
      const pod = podSpec(spec);
      const containers = [...itemsOf(get5(pod, "containers"))];
      const engine = containers.map((container) => engineOfImage(literalOf(get5(container, "image")))).find(Boolean);
      inventory.context({ kind: "deploys", value: "kubernetes-manifest", location: inventory.line(line) });
      if (!engine) return;
      const templates = itemsOf(get5(spec, "volumeClaimTemplates"));
      const claims = itemsOf(get5(pod, "volumes")).map((volume) => literalOf(path(volume, "persistentVolumeClaim", "claimName"))).filter((claim) => !!claim);
      if (templates.length === 0 && claims.length === 0) return;
      const storageClass = templates.map((template) => literalOf(path(template, "spec", "storageClassName"))).find(Boolean);
      const settings = [];
      const retention = get5(spec, "persistentVolumeClaimRetentionPolicy");
      if (literalOf(get5(retention, "whenDeleted")) === "Delete") {
        settings.push({ kind: "reclaim-policy-delete", setting: "persistentVolumeClaimRetentionPolicy.whenDeleted: Delete", explicit: true, location: inventory.line(keyLine(retention, "whenDeleted") ?? line) });
      }
      inventory.store({
        platform: "kubernetes",
        provider: "kubernetes",
        engine,
        name: namespace ? `${namespace}/${name}` : name,
        environment,
        location: inventory.line(line),
        identities: [identity(kind), ...claims.map((claim) => identity("persistentvolumeclaim", claim)), ...templates.map((template) => identity("volumeclaimtemplate", `${literalOf(path(template, "metadata", "name")) ?? "data"}-${name}`))],
        declaredBy: "manifest",
        storageClass,
        builtInBackup: { protection: "none", description: "a PersistentVolume has no backup unless something snapshots or copies it" },
        destructiveSettings: settings
      });
      return;
    }
    case "PersistentVolumeClaim": {
      const storageClass = literalOf(get5(spec, "storageClassName"));
      if (/cache|tmp|temp|log|scratch|build/i.test(name)) return;
      const engine = /postgres|pgdata|pg-data/i.test(name) ? "postgres" : /mysql|maria/i.test(name) ? "mysql" : /mongo/i.test(name) ? "mongo" : "volume";
      inventory.store({
        platform: "kubernetes",
        provider: "kubernetes",
        engine,
        name: namespace ? `${namespace}/${name}` : name,
        environment,
        location: inventory.line(line),
        identities: [identity("persistentvolumeclaim")],
        declaredBy: "manifest",
        storageClass,
        builtInBackup: { protection: "none", description: "a PersistentVolume has no backup unless something snapshots or copies it" }
      });
      return;
    }
    case "PersistentVolume": {
      const policy = literalOf(get5(spec, "persistentVolumeReclaimPolicy"));
      const claim = get5(spec, "claimRef");
      const handle = literalOf(path(spec, "csi", "volumeHandle")) ?? literalOf(path(spec, "awsElasticBlockStore", "volumeID"));
      const settings = policy === "Delete" ? [{ kind: "reclaim-policy-delete", setting: "persistentVolumeReclaimPolicy: Delete", explicit: true, location: inventory.line(keyLine(spec, "persistentVolumeReclaimPolicy") ?? line) }] : [];
      inventory.store({
        platform: "kubernetes",
        provider: "kubernetes",
        engine: "volume",
        name,
        environment: environmentOf(inventory.path, []) ?? environmentNamed(literalOf(get5(claim, "namespace"))) ?? environmentOf("", [name]),
        location: inventory.line(line),
        identities: [`k8s:pv:${name}`, ...handle ? [`volume:${handle}`] : [], ...claim ? [`k8s:${literalOf(get5(claim, "namespace")) ?? "default"}:persistentvolumeclaim/${literalOf(get5(claim, "name")) ?? ""}`] : []],
        declaredBy: "manifest",
        storageClass: literalOf(get5(spec, "storageClassName")),
        builtInBackup: { protection: "none", description: "a PersistentVolume has no backup unless something snapshots or copies it" },
        destructiveSettings: settings
      });
      return;
    }
    case "StorageClass": {
      const provisioner = literalOf(get5(map, "provisioner"));
      inventory.context({ kind: "storage-class", name, value: providerOfProvisioner(provisioner), policy: literalOf(get5(map, "reclaimPolicy")), location: inventory.line(keyLine(map, "reclaimPolicy") ?? line) });
      return;
    }
    case "CronJob": {
      const pod = path(spec, "jobTemplate", "spec", "template", "spec");
      for (const container of [...itemsOf(get5(pod, "initContainers")), ...itemsOf(get5(pod, "containers"))]) {
        const env = /* @__PURE__ */ new Map();
        for (const variable of itemsOf(get5(container, "env"))) {
          const key = literalOf(get5(variable, "name"));
          const value = textOf(get5(variable, "value"));
          if (key && value !== void 0) env.set(key, value);
        }
        const pieces = [...itemsOf(get5(container, "command")), ...itemsOf(get5(container, "args"))];
        const words2 = pieces.map((piece) => textOf(piece) ?? "");
        const shell = words2.findIndex((word) => word === "-c");
        const script = shell !== -1 ? words2.slice(shell + 1).join("\n") : words2.join(" ");
        const first = pieces[0]?.span.line ?? mapOf2(container)?.span.line ?? line;
        const last = pieces[pieces.length - 1]?.span.endLine ?? first;
        readJob(inventory, script, { name: `${name} ${literalOf(get5(container, "image")) ?? ""}`, scheduled: true, environment, env, ephemeral: false, lineOf: scalarLines(inventory, script, first, last) });
        backupImage(inventory, literalOf(get5(container, "image")), env, mapOf2(container)?.span.line ?? line, environment);
      }
      return;
    }
  }
  if (/^argoproj\.io\//.test(apiVersion) && (kind === "Application" || kind === "ApplicationSet") || /fluxcd\.io\//.test(apiVersion) && (kind === "Kustomization" || kind === "HelmRelease")) {
    inventory.context({ kind: "deploys", value: "gitops", location: inventory.line(line) });
    return;
  }
  if (/^postgresql\.cnpg\.io\//.test(apiVersion) && kind === "Cluster") {
    cnpgCluster(inventory, map, name, ns, environment, identity("cluster"));
    return;
  }
  if (/^postgresql\.cnpg\.io\//.test(apiVersion) && kind === "ScheduledBackup") {
    const method = literalOf(get5(spec, "method")) ?? "barmanObjectStore";
    const cluster = literalOf(path(spec, "cluster", "name"));
    if (method === "volumeSnapshot" && cluster) {
      inventory.evidence({ covers: [identity("cluster", cluster)], protection: "provider-managed", mechanism: "cnpg volume snapshots", destination: "volume snapshots in the same cloud account", location: inventory.line(line), environment });
    }
    return;
  }
  if (/^barmancloud\.cnpg\.io\//.test(apiVersion) && kind === "ObjectStore") {
    const configuration = path(spec, "configuration");
    const destination = barmanDestination(configuration);
    inventory.evidence({ covers: [identity("objectstore")], protection: protectionOf2(destination), mechanism: "cnpg barman-cloud", destination: destination.display, destinationProvider: destination.unresolved ? void 0 : destination.provider, engines: ["postgres"], location: inventory.line(line), environment });
    return;
  }
  if (/^acid\.zalan\.do\//.test(apiVersion) && kind === "postgresql") {
    const logical = isTruthy(get5(spec, "enableLogicalBackup")) === true;
    inventory.store({
      platform: "kubernetes",
      provider: "kubernetes",
      engine: "postgres",
      name: namespace ? `${namespace}/${name}` : name,
      environment,
      location: inventory.line(line),
      identities: [identity("postgresql"), "operator:zalando"],
      declaredBy: "manifest",
      storageClass: literalOf(path(spec, "volume", "storageClass")),
      builtInBackup: { protection: "none", description: `the Zalando operator archives WAL only where its operator configuration points${logical ? ", and logical backups go to its configured bucket" : ""}` }
    });
    return;
  }
  if (/^acid\.zalan\.do\//.test(apiVersion) && kind === "OperatorConfiguration") {
    zalandoConfig(inventory, get5(map, "configuration"), environment);
    return;
  }
  if (kind === "ConfigMap" && /postgres-operator/.test(name)) {
    zalandoConfig(inventory, get5(map, "data"), environment);
    return;
  }
  if (/^postgres-operator\.crunchydata\.com\//.test(apiVersion) && kind === "PostgresCluster") {
    const clusterIdentity = identity("postgrescluster");
    inventory.store({
      platform: "kubernetes",
      provider: "kubernetes",
      engine: "postgres",
      name: namespace ? `${namespace}/${name}` : name,
      environment,
      location: inventory.line(line),
      identities: [clusterIdentity],
      declaredBy: "manifest",
      storageClass: literalOf(path(itemsOf(get5(spec, "instances"))[0], "dataVolumeClaimSpec", "storageClassName")),
      builtInBackup: { protection: "none", description: "PGO backs up only to the pgBackRest repositories configured on the cluster" }
    });
    for (const repo of itemsOf(path(spec, "backups", "pgbackrest", "repos"))) {
      const s3 = get5(repo, "s3");
      const gcs = get5(repo, "gcs");
      const azure = get5(repo, "azure");
      let destination;
      if (s3) destination = classifyDestination(`s3://${literalOf(get5(s3, "bucket")) ?? ""}`, literalOf(get5(s3, "endpoint")) ?? "s3.amazonaws.com");
      else if (gcs) destination = classifyDestination(`gs://${literalOf(get5(gcs, "bucket")) ?? ""}`);
      else if (azure) destination = { display: `azure container ${literalOf(get5(azure, "container")) ?? ""}`, provider: "azure", unresolved: false };
      else destination = { display: "a volume in the same cluster", provider: "local", unresolved: false };
      inventory.evidence({ covers: [clusterIdentity], protection: protectionOf2(destination), mechanism: "pgbackrest (PGO)", destination: destination.display, destinationProvider: destination.unresolved ? void 0 : destination.provider, engines: ["postgres"], location: inventory.line(mapOf2(repo)?.span.line ?? line), environment });
    }
    return;
  }
  if (/^velero\.io\//.test(apiVersion) && kind === "BackupStorageLocation") {
    const bucket = literalOf(path(spec, "objectStorage", "bucket")) ?? "";
    const providerName = (literalOf(get5(spec, "provider")) ?? "").replace(/^velero\.io\//, "");
    const s3Url = literalOf(path(spec, "config", "s3Url"));
    const destination = providerName === "gcp" ? classifyDestination(`gs://${bucket}`) : providerName === "azure" ? { display: bucket, provider: "azure", unresolved: false } : classifyDestination(`s3://${bucket}`, s3Url);
    inventory.context({ kind: "backup-location", name: `velero:${name}`, value: destination.provider, location: inventory.line(line) });
    return;
  }
  if (/^velero\.io\//.test(apiVersion) && (kind === "Schedule" || kind === "Backup")) {
    const template = kind === "Schedule" ? get5(spec, "template") : spec;
    const namespaces = itemsOf(get5(template, "includedNamespaces")).map((item) => literalOf(item) ?? "");
    const covers = namespaces.length === 0 || namespaces.includes("*") ? ["provider:kubernetes"] : namespaces.map((item) => `k8s:${item}:*`);
    const dataMoved = isTruthy(get5(template, "defaultVolumesToFsBackup")) === true || isTruthy(get5(template, "snapshotMoveData")) === true;
    const location = literalOf(get5(template, "storageLocation")) ?? "default";
    inventory.evidence({
      covers,
      protection: dataMoved ? "destination-unknown" : "provider-managed",
      mechanism: dataMoved ? "velero (file-system backup)" : "velero (volume snapshots)",
      destination: dataMoved ? `Velero location ${location}` : "volume snapshots in the same cloud account",
      destinationRef: dataMoved ? `velero:${location}` : void 0,
      destinationProvider: dataMoved ? void 0 : "same-cloud",
      location: inventory.line(line),
      environment: void 0
    });
    return;
  }
  if (/^snapscheduler\.backube\//.test(apiVersion) && kind === "SnapshotSchedule") {
    inventory.evidence({ covers: [`k8s:${ns}:*`], protection: "provider-managed", mechanism: "snapscheduler", destination: "volume snapshots in the same cloud account", destinationProvider: "same-cloud", location: inventory.line(line), environment });
  }
}
function cnpgCluster(inventory, map, name, ns, environment, clusterIdentity) {
  const spec = get5(map, "spec");
  const line = keyLine(map, "kind") ?? map.span.line;
  const objectStores = itemsOf(get5(spec, "plugins")).map((plugin) => literalOf(path(plugin, "parameters", "barmanObjectName"))).filter((store) => !!store);
  const recovery = path(spec, "bootstrap", "recovery");
  const drillName = /restore|recovery|verify|drill|check|test|dr-/i.test(`${name} ${ns}`);
  if (recovery && (drillName || environment && environment !== "production")) {
    const source2 = literalOf(get5(recovery, "source"));
    const external = itemsOf(get5(spec, "externalClusters")).find((cluster) => literalOf(get5(cluster, "name")) === source2);
    const destination = barmanDestination(get5(external, "barmanObjectStore") ?? get5(external, "plugin"));
    inventory.evidence({ covers: [], protection: protectionOf2(destination), mechanism: "cnpg recovery drill", destination: destination.display, destinationProvider: destination.unresolved ? void 0 : destination.provider, engines: ["postgres"], location: inventory.line(line), restoreTested: true });
    return;
  }
  inventory.store({
    platform: "kubernetes",
    provider: "kubernetes",
    engine: "postgres",
    name: ns !== "default" ? `${ns}/${name}` : name,
    environment,
    location: inventory.line(line),
    identities: [clusterIdentity, ...objectStores.map((store) => `k8s:${ns}:objectstore/${store}`.toLowerCase())],
    declaredBy: "manifest",
    storageClass: literalOf(path(spec, "storage", "storageClass")),
    builtInBackup: { protection: "none", description: "CloudNativePG backs up only where spec.backup or a backup plugin points" }
  });
  const backup = get5(spec, "backup");
  const barman = get5(backup, "barmanObjectStore");
  if (barman) {
    const destination = barmanDestination(barman);
    inventory.evidence({ covers: [clusterIdentity], protection: protectionOf2(destination), mechanism: "cnpg barmanObjectStore", destination: destination.display, destinationProvider: destination.unresolved ? void 0 : destination.provider, engines: ["postgres"], location: inventory.line(keyLine(backup, "barmanObjectStore") ?? line), environment });
  }
  if (get5(backup, "volumeSnapshot")) {
    inventory.evidence({ covers: [clusterIdentity], protection: "provider-managed", mechanism: "cnpg volume snapshots", destination: "volume snapshots in the same cloud account", destinationProvider: "same-cloud", location: inventory.line(keyLine(backup, "volumeSnapshot") ?? line), environment });
  }
}
function barmanDestination(node) {
  const destinationPath = textOf(get5(node, "destinationPath"));
  if (!destinationPath) return { display: "an object store", unresolved: true };
  const endpoint = textOf(get5(node, "endpointURL"));
  return classifyDestination(destinationPath, destinationPath.startsWith("s3://") ? endpoint : void 0);
}
function zalandoConfig(inventory, configuration, environment) {
  const flat = /* @__PURE__ */ new Map();
  const walk = (node) => {
    for (const entry of mapOf2(node)?.entries ?? []) {
      const value = textOf(entry.value);
      if (value !== void 0) flat.set(entry.key, { value, line: entry.keySpan.line });
      else walk(entry.value);
    }
  };
  walk(configuration);
  const endpoint = flat.get("aws_endpoint")?.value ?? flat.get("logical_backup_s3_endpoint")?.value;
  const targets = [
    ["wal_s3_bucket", "s3://"],
    ["wal_gs_bucket", "gs://"],
    ["wal_az_storage_account", "azure://"],
    ["logical_backup_s3_bucket", "s3://"]
  ];
  for (const [key, scheme] of targets) {
    const found = flat.get(key);
    if (!found || !found.value) continue;
    const destination = classifyDestination(`${scheme}${found.value}`, scheme === "s3://" ? endpoint : void 0);
    inventory.evidence({ covers: ["operator:zalando"], protection: protectionOf2(destination), mechanism: key.startsWith("wal") ? "zalando wal-g" : "zalando logical backup", destination: destination.display, destinationProvider: destination.unresolved ? void 0 : destination.provider, engines: ["postgres"], location: inventory.line(found.line), environment });
  }
}
function backupImage(inventory, image, env, line, environment) {
  if (!image) return false;
  const name = image.toLowerCase();
  const engines = /mysql|mariadb/.test(name) ? ["mysql"] : /mongo/.test(name) ? ["mongo"] : /postgres|pg[-_]?backup|pgbackup|pg_dump|pgdump/.test(name) ? ["postgres"] : /volume-backup|restic|borg|duplicati|kopia|rclone/.test(name) ? ["volume"] : /db-backup|dbbackup|database-backup|backup/.test(name) ? ["postgres", "mysql", "mongo"] : void 0;
  if (!engines || !/backup|bkup|dump|restic|borg|kopia|rclone|duplicati/.test(name)) return false;
  const local = /backup-local|local-backup/.test(name);
  const value = (...keys) => keys.map((key) => env.get(key)).find((found) => found !== void 0 && found !== "");
  const bucket = value("S3_BUCKET", "AWS_S3_BUCKET_NAME", "AWS_S3_BUCKET", "BACKUP_S3_BUCKET", "S3_BUCKET_NAME", "BUCKET", "BUCKET_NAME", "DEFAULT_S3_BUCKET", "DB01_S3_BUCKET");
  const endpoint = value("S3_ENDPOINT", "AWS_ENDPOINT", "AWS_S3_ENDPOINT", "S3_ENDPOINT_URL", "AWS_ENDPOINT_URL", "ENDPOINT", "S3_HOST", "DB01_S3_HOST");
  const repository = value("RESTIC_REPOSITORY", "BORG_REPO", "KOPIA_REPOSITORY");
  const ssh = value("SSH_HOST_NAME", "SSH_HOST", "REMOTE_HOST");
  const webdav = value("WEBDAV_URL");
  const azure = value("AZURE_STORAGE_ACCOUNT_NAME");
  const gcs = value("GCS_BUCKET", "GS_BUCKET");
  let destination;
  if (local) destination = { display: "a local directory on the same host", provider: "local", unresolved: false };
  else if (bucket) destination = classifyDestination(bucket.includes("://") ? bucket : `s3://${bucket}`, endpoint ? endpoint.includes("://") || endpoint.includes(".") ? endpoint : void 0 : void 0);
  else if (repository) destination = classifyDestination(repository);
  else if (ssh) destination = classifyDestination(`ssh://${ssh}`);
  else if (webdav) destination = classifyDestination(webdav);
  else if (azure) destination = { display: `azure storage ${azure}`, provider: "azure", unresolved: false };
  else if (gcs) destination = classifyDestination(`gs://${gcs}`);
  else destination = { display: "the backup volume of the same host", provider: "local", unresolved: false };
  inventory.evidence({
    covers: [],
    protection: protectionOf2(destination),
    mechanism: image.split(":")[0],
    destination: destination.display,
    destinationProvider: destination.unresolved ? void 0 : destination.provider,
    engines,
    location: inventory.line(line),
    environment
  });
  return true;
}
function protectionOf2(destination) {
  if (destination.unresolved) return "destination-unknown";
  return destination.provider === "local" ? "same-volume" : "off-provider";
}

// detectors/missing-offprovider-backup/inventory/compose.ts
function isComposeFile(path2) {
  return /(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(path2) || /(^|\/)docker-stack([.-][\w.-]+)?\.ya?ml$/i.test(path2);
}
function isKamalConfig(path2) {
  return /(^|\/)config\/deploy(\.[\w-]+)?\.ya?ml$/i.test(path2);
}
function get6(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.value;
}
function environmentVariables(node) {
  const env = /* @__PURE__ */ new Map();
  const map = mapOf2(node);
  if (map) {
    for (const entry of map.entries) {
      const value = textOf(entry.value);
      if (value !== void 0) env.set(entry.key, value);
    }
  }
  if (node?.kind === "seq") {
    for (const item of node.items) {
      const text = textOf(item);
      const match = text ? /^([\w.]+)=(.*)$/.exec(text) : void 0;
      if (match) env.set(match[1], match[2]);
    }
  }
  return env;
}
function scanCompose(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  const services = mapOf2(get6(root, "services"));
  if (!root || !services) return;
  const fileName = fileNameOf(inventory.path).toLowerCase();
  if (/^docker-stack/.test(fileName)) inventory.context({ kind: "deploys-compose", name: fileName, value: "swarm", location: inventory.line(1) });
  const volumes = mapOf2(get6(root, "volumes"));
  const environment = environmentOf(inventory.path, []) ?? (/override/.test(fileName) ? "development" : void 0);
  const endpoints = /* @__PURE__ */ new Set();
  for (const entry of services.entries) {
    for (const [key, value] of environmentVariables(get6(entry.value, "environment"))) {
      const host = /ENDPOINT|S3_HOST|S3_URL/i.test(key) ? /^(?:https?:\/\/)?([\w-]+)(?::\d+)?\/?$/.exec(value)?.[1] : void 0;
      if (host) endpoints.add(host);
    }
  }
  for (const entry of services.entries) {
    if (endpoints.has(entry.key)) continue;
    const service = mapOf2(entry.value);
    if (!service) continue;
    const image = literalOf(get6(service, "image"));
    const env = environmentVariables(get6(service, "environment"));
    const command = [get6(service, "command"), get6(service, "entrypoint")].map((node) => node?.kind === "seq" ? node.items.map((item) => textOf(item) ?? "").join(" ") : textOf(node) ?? "").join("\n");
    const line = entry.keySpan.line;
    if (backupImage(inventory, image, env, line, environment)) continue;
    if (command.trim() && readScript(command, env).dumps.length > 0) {
      const commandNode = get6(service, "command") ?? get6(service, "entrypoint");
      readJob(inventory, command, { name: `${inventory.path} ${entry.key}`, scheduled: true, environment, env, ephemeral: false, lineOf: scalarLines(inventory, command, commandNode.span.line, commandNode.span.endLine) });
      continue;
    }
    const engine = engineOfImage(image);
    if (!engine) continue;
    const mounts = itemsOf(get6(service, "volumes")).map((volume) => textOf(volume) ?? literalOf(get6(volume, "source")) ?? "").filter(Boolean);
    const named = mounts.map((mount) => mount.split(":")[0]).filter((source2) => source2 && !/^[./~$]/.test(source2));
    const identities = named.map((volume) => {
      const declared = get6(volumes, volume);
      const explicit = literalOf(get6(declared, "name"));
      return `compose:volume:${explicit ?? volume}`;
    });
    inventory.store({
      platform: "docker-compose",
      provider: "host",
      engine,
      name: entry.key,
      environment,
      location: inventory.line(line),
      identities: [`compose:service:${inventory.path}#${entry.key}`, ...identities],
      declaredBy: "compose",
      mountPaths: mounts.map((mount) => mount.split(":")[0]).filter((source2) => /^[./~]/.test(source2)),
      builtInBackup: { protection: "none", description: mounts.length > 0 ? "a volume on the host keeps no copies of its own" : "the data lives in the container and is lost when it is recreated" }
    });
  }
}
function scanKamal(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root || !get6(root, "service") && !get6(root, "accessories")) return;
  inventory.context({ kind: "deploys", value: "kamal", location: inventory.line(1) });
  const service = literalOf(get6(root, "service")) ?? "app";
  for (const volume of itemsOf(get6(root, "volumes"))) {
    const text = literalOf(volume);
    const [source2, target] = text ? text.split(":") : [];
    if (!source2 || !target || !/storage|data|db|sqlite|uploads|media/i.test(target)) continue;
    inventory.store({
      platform: "kamal",
      provider: "host",
      engine: "volume",
      name: `${service}:${source2}`,
      location: inventory.line(volume.span.line),
      identities: [`kamal:volume:${service}/${source2}`],
      declaredBy: "platform",
      mountPaths: [target],
      builtInBackup: { protection: "none", description: "a Docker volume on the server keeps no copies of its own" }
    });
  }
  for (const entry of mapOf2(get6(root, "accessories"))?.entries ?? []) {
    const accessory = mapOf2(entry.value);
    const image = literalOf(get6(accessory, "image"));
    const env = environmentVariables(get6(mapOf2(get6(accessory, "env")), "clear"));
    const line = entry.keySpan.line;
    if (backupImage(inventory, image, env, line, void 0)) continue;
    const engine = engineOfImage(image);
    if (!engine) continue;
    const host = literalOf(get6(accessory, "host")) ?? literalOf(itemsOf(get6(accessory, "hosts"))[0]);
    inventory.store({
      platform: "kamal",
      provider: "host",
      engine,
      name: `${service}-${entry.key}`,
      location: inventory.line(line),
      identities: [`kamal:accessory:${service}/${entry.key}`, ...host ? [`host:${host.toLowerCase()}`] : []],
      declaredBy: "platform",
      builtInBackup: { protection: "none", description: "an accessory keeps its data in a directory on the server, with no copies" }
    });
  }
}

// detectors/missing-offprovider-backup/inventory/fly.ts
function isFlyConfig(path2) {
  return /(^|\/)fly(\.[\w-]+)?\.toml$/i.test(path2);
}
function scanFly2(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const app = literalOf(get7(root, "app")) ?? "app";
  inventory.context({ kind: "deploys", value: "fly", location: inventory.line(1) });
  const image = literalOf(get7(mapOf2(get7(root, "build")), "image"));
  const imageEngine = engineOfImage(image);
  const postgresApp = imageEngine === "postgres" || /^flyio\/postgres/.test(image ?? "");
  const mounts = get7(root, "mounts");
  for (const mount of itemsOf(mounts)) {
    const map = mapOf2(mount);
    if (!map) continue;
    const source2 = literalOf(get7(map, "source")) ?? "data";
    const destination = literalOf(get7(map, "destination"));
    const retention = literalOf(get7(map, "snapshot_retention"));
    const scheduled = isTruthy(get7(map, "scheduled_snapshots"));
    inventory.store({
      platform: "fly",
      provider: "fly",
      engine: postgresApp ? "postgres" : "volume",
      name: `${app}/${source2}`,
      location: inventory.line(mounts?.kind === "seq" ? map.span.line : mapOf2(root)?.entries.find((entry) => entry.key === "mounts")?.keySpan.line ?? map.span.line),
      environment: void 0,
      identities: [`fly:volume:${app}/${source2}`, `fly:app:${app}`, `host:${app}.internal`, `host:${app}.flycast`],
      declaredBy: "platform",
      mountPaths: destination ? [destination] : void 0,
      builtInBackup: scheduled === false ? { protection: "none", description: "scheduled snapshots are turned off for this volume" } : { protection: "provider-managed", description: `Fly snapshots the volume daily and keeps snapshots ${retention ? `${retention} days` : "5 days"} in the same Fly organization` }
    });
  }
}
function get7(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.value;
}

// detectors/missing-offprovider-backup/inventory/heroku.ts
function isHerokuConfig(path2) {
  return /(^|\/)(app\.json|heroku\.ya?ml)$/i.test(path2);
}
var ADDONS = [
  [/^heroku-postgresql/, "postgres"],
  [/^(jawsdb|cleardb|jawsdb-maria)/, "mysql"],
  [/^(mongolab|ormongo|objectrocket)/, "mongo"]
];
function scanHeroku(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const isAppJson = inventory.path.toLowerCase().endsWith("app.json");
  const app = literalOf(get8(root, "name")) ?? "app";
  if (isAppJson) {
    if (!get8(root, "addons") && !get8(root, "formation") && !get8(root, "buildpacks") && !get8(root, "stack")) return;
    if (["logo", "repository", "website", "success_url", "keywords"].some((key) => get8(root, key) !== void 0)) {
      inventory.context({ kind: "deploy-button", value: "heroku", location: inventory.line(root.entries.find((entry) => ["logo", "repository", "website", "success_url", "keywords"].includes(entry.key)).keySpan.line) });
    }
    addons(inventory, get8(root, "addons"), app, void 0);
    const environments = mapOf2(get8(root, "environments"));
    for (const entry of environments?.entries ?? []) {
      const environment = entry.key === "test" ? "test" : entry.key === "review" ? "preview" : entry.key;
      addons(inventory, get8(entry.value, "addons"), app, environment);
    }
    return;
  }
  const setup = mapOf2(get8(root, "setup"));
  addons(inventory, get8(setup, "addons"), app, void 0);
  if (get8(root, "build") || get8(root, "run")) inventory.context({ kind: "deploys", value: "heroku", location: inventory.line(1) });
}
function addons(inventory, node, app, environment) {
  for (const addon of itemsOf(node)) {
    const plan = (literalOf(addon) ?? literalOf(get8(addon, "plan")) ?? "").toLowerCase();
    const engine = ADDONS.find(([pattern]) => pattern.test(plan))?.[1];
    if (!engine) continue;
    const as = literalOf(get8(addon, "as"));
    const tier = plan.split(":")[1] ?? "";
    const essential = /^(mini|basic|hobby|essential|in-dyno)/.test(tier);
    const service = as ?? plan.split(":")[0];
    inventory.store({
      platform: "heroku",
      provider: "heroku",
      engine,
      name: as ? `${app}/${as}` : `${app}/${plan}`,
      environment,
      testOnly: environment === "test" || tier === "in-dyno" ? true : void 0,
      location: inventory.at(addon.span),
      identities: [`heroku:addon:${app}/${service}`],
      declaredBy: "platform",
      builtInBackup: engine !== "postgres" ? { protection: "provider-managed", description: "the add-on provider keeps whatever backups its plan includes, in its own account" } : essential ? { protection: "none", description: "Heroku Essential Postgres plans keep no automatic backups unless PGBackups is scheduled" } : { protection: "provider-managed", description: "Heroku's Continuous Protection and PGBackups are held by Heroku, with the app" }
    });
  }
}
function get8(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.value;
}

// detectors/missing-offprovider-backup/inventory/programs.ts
var CDK_CLASSES = lookupTable({
  "aws-rds.DatabaseInstance": "rds-instance",
  "aws-rds.DatabaseInstanceFromSnapshot": "rds-instance",
  "aws-rds.DatabaseCluster": "rds-cluster",
  "aws-rds.DatabaseClusterFromSnapshot": "rds-cluster",
  "aws-rds.ServerlessCluster": "rds-cluster",
  "aws-rds.ServerlessClusterFromSnapshot": "rds-cluster",
  "aws-docdb.DatabaseCluster": "docdb",
  "aws-dynamodb.Table": "dynamodb",
  "aws-dynamodb.TableV2": "dynamodb",
  "aws-s3.Bucket": "s3",
  "aws-efs.FileSystem": "efs"
});
var PULUMI_CLASSES = lookupTable({
  "aws.rds.Instance": "rds-instance",
  "aws.rds.Cluster": "rds-cluster",
  "aws.docdb.Cluster": "docdb",
  "aws.dynamodb.Table": "dynamodb",
  "aws.s3.Bucket": "s3",
  "aws.s3.BucketV2": "s3",
  "aws.efs.FileSystem": "efs",
  "gcp.sql.DatabaseInstance": "cloudsql",
  "gcp.storage.Bucket": "gcs"
});
function scanProgram(inventory) {
  if (inventory.path.endsWith(".py")) {
    scanPython(inventory);
    return;
  }
  const program = inventory.file.ast();
  if (!program) return;
  const modules = /* @__PURE__ */ new Map();
  const classes = /* @__PURE__ */ new Map();
  let cdk = false;
  let pulumi = false;
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    const source2 = String(statement.source.value);
    const cdkModule = /^(?:aws-cdk-lib\/|@aws-cdk\/)(aws-[\w-]+)$/.exec(source2)?.[1];
    const pulumiProvider = /^@pulumi\/(aws|gcp|azure-native|azure)$/.exec(source2)?.[1];
    if (source2 === "aws-cdk-lib" || cdkModule) cdk = true;
    if (pulumiProvider || source2 === "@pulumi/pulumi") pulumi = true;
    for (const specifier of statement.specifiers) {
      const local = specifier.local.name;
      if (specifier.type === "ImportNamespaceSpecifier" || specifier.type === "ImportDefaultSpecifier") {
        if (cdkModule) modules.set(local, cdkModule);
        else if (pulumiProvider) modules.set(local, pulumiProvider);
        else if (source2 === "aws-cdk-lib") modules.set(local, "aws-cdk-lib");
      } else if (specifier.type === "ImportSpecifier") {
        const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
        if (cdkModule) classes.set(local, `${cdkModule}.${imported}`);
        else if (source2 === "aws-cdk-lib" && /^aws_/.test(imported)) modules.set(local, imported.replace(/_/g, "-"));
      }
    }
  }
  if (!cdk && !pulumi) return;
  const text = inventory.file.text;
  visit2(program, (node) => {
    if (node.type !== "NewExpression") return;
    const qualified = qualifiedName(node.callee, modules, classes);
    if (!qualified) return;
    const kind = CDK_CLASSES[qualified] ?? PULUMI_CLASSES[qualified];
    if (kind) {
      const isCdk = qualified in CDK_CLASSES;
      const idArgument = isCdk ? node.arguments[1] : node.arguments[0];
      const id = idArgument?.type === "Literal" && typeof idArgument.value === "string" ? idArgument.value : kind;
      const props = isCdk ? node.arguments[2] : node.arguments[1];
      const options = isCdk ? void 0 : node.arguments[2];
      publishCloudResource(inventory, isCdk ? cdkResource(inventory, kind, id, node, props, text) : pulumiResource(inventory, kind, id, node, props, options, text));
      return;
    }
    if (qualified === "aws-backup.BackupPlan") backupPlan(inventory, node, text);
  });
}
function qualifiedName(callee, modules, classes) {
  if (callee.type === "Identifier") return classes.get(callee.name);
  if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier") return void 0;
  const property2 = callee.property.name;
  const object = callee.object;
  if (object.type === "Identifier") {
    const module = modules.get(object.name);
    return module ? `${module}.${property2}` : void 0;
  }
  if (object.type === "MemberExpression" && object.object.type === "Identifier" && object.property.type === "Identifier") {
    const root = modules.get(object.object.name);
    if (root === "aws-cdk-lib") return `${object.property.name.replace(/_/g, "-")}.${property2}`;
    if (root) return `${root}.${object.property.name}.${property2}`;
  }
  return void 0;
}
function property(node, key) {
  if (node?.type !== "ObjectExpression") return void 0;
  for (const candidate of node.properties) {
    if (candidate.type !== "Property") continue;
    const name = candidate.key.type === "Identifier" ? candidate.key.name : candidate.key.type === "Literal" ? String(candidate.key.value) : void 0;
    if (name === key) return candidate;
  }
  return void 0;
}
function booleanOf(node) {
  return node?.type === "Literal" && typeof node.value === "boolean" ? node.value : void 0;
}
function source(text, node) {
  return text.slice(node.range[0], node.range[1]);
}
function writtenBool(props, key, text) {
  const found = property(props, key);
  const value = booleanOf(found?.value);
  return found && value !== void 0 ? { value, line: found.loc.start.line, text: source(text, found) } : void 0;
}
function stringProp(props, key) {
  const value = property(props, key)?.value;
  return value?.type === "Literal" && typeof value.value === "string" ? value.value : void 0;
}
function cdkResource(inventory, kind, id, node, props, text) {
  const removalProp = property(props, "removalPolicy");
  const removalText = removalProp ? source(text, removalProp.value) : "";
  const retentionProp = property(props, "backupRetention");
  const retention = retentionProp ? /Duration\.days\(\s*(\d+)\s*\)/.exec(source(text, retentionProp.value)) : void 0;
  const physical = stringProp(props, kind === "dynamodb" ? "tableName" : kind === "s3" ? "bucketName" : kind === "efs" ? "fileSystemName" : kind === "rds-instance" ? "instanceIdentifier" : "clusterIdentifier");
  const pitrProp = property(props, "pointInTimeRecovery") ?? property(props, "pointInTimeRecoverySpecification");
  return {
    kind,
    name: physical ?? id,
    logicalId: id,
    line: node.loc.start.line,
    engine: engineOfText(property(props, "engine") ? source(text, property(props, "engine").value) : void 0),
    identity: `cdk:${directoryOf2(inventory.path)}:${id}`.toLowerCase(),
    environment: environmentOf(inventory.path, [physical, id]),
    deletionProtection: writtenBool(props, "deletionProtection", text),
    backupRetention: retention && retentionProp ? { value: Number(retention[1]), line: retentionProp.loc.start.line, text: source(text, retentionProp) } : void 0,
    pointInTimeRecovery: pitrProp ? /true/.test(source(text, pitrProp.value)) : false,
    versioned: booleanOf(property(props, "versioned")?.value) === true,
    forceDestroy: writtenBool(props, "autoDeleteObjects", text),
    removal: removalProp ? { value: /DESTROY/.test(removalText) ? "delete" : /SNAPSHOT/.test(removalText) ? "snapshot" : /RETAIN/.test(removalText) ? "retain" : "retain", line: removalProp.loc.start.line, text: source(text, removalProp) } : void 0,
    removalKey: "removalPolicy"
  };
}
function pulumiResource(inventory, kind, id, node, props, options, text) {
  const retentionProp = property(props, "backupRetentionPeriod");
  const retentionValue = retentionProp?.value.type === "Literal" && typeof retentionProp.value.value === "number" ? retentionProp.value.value : void 0;
  const physical = stringProp(props, kind === "rds-instance" ? "identifier" : kind === "rds-cluster" || kind === "docdb" ? "clusterIdentifier" : kind === "s3" ? "bucket" : "name");
  const protect = booleanOf(property(options, "protect")?.value) === true || booleanOf(property(options, "retainOnDelete")?.value) === true;
  const pitr = property(props, "pointInTimeRecovery");
  const versioning = property(props, "versioning");
  const settings = property(props, "settings");
  const backupConfiguration = settings ? property(settings.value, "backupConfiguration") : void 0;
  const cloudSqlDisabled = kind === "cloudsql" && (!backupConfiguration || booleanOf(property(backupConfiguration.value, "enabled")?.value) !== true);
  return {
    kind,
    name: physical ?? id,
    logicalId: id,
    line: node.loc.start.line,
    engine: engineOfText(stringProp(props, "engine") ?? stringProp(props, "databaseVersion")),
    identity: `pulumi:${directoryOf2(inventory.path)}:${id}`.toLowerCase(),
    environment: environmentOf(inventory.path, [physical, id]),
    deletionProtection: writtenBool(props, "deletionProtection", text),
    skipFinalSnapshot: writtenBool(props, "skipFinalSnapshot", text),
    backupRetention: retentionValue !== void 0 ? { value: retentionValue, line: retentionProp.loc.start.line, text: source(text, retentionProp) } : cloudSqlDisabled ? { value: 0, line: (backupConfiguration ?? node).loc.start.line, text: "settings.backupConfiguration.enabled is not true" } : void 0,
    deleteAutomatedBackups: writtenBool(props, "deleteAutomatedBackups", text),
    pointInTimeRecovery: pitr ? /enabled:\s*true/.test(source(text, pitr.value)) : false,
    versioned: versioning ? /enabled:\s*true/.test(source(text, versioning.value)) : false,
    forceDestroy: writtenBool(props, "forceDestroy", text),
    protect,
    removalKey: "protect: true resource option"
  };
}
function backupPlan(inventory, node, text) {
  const body2 = source(text, node);
  const copies = /copyActions/.test(body2);
  const arn = /arn:aws:backup:([\w-]*):(\d{12}):backup-vault:[\w-]+/.exec(text);
  const stackAccount = /account:\s*['"](\d{12})['"]/.exec(text)?.[1];
  const parsed = arn ? parseArn(arn[0]) : void 0;
  inventory.evidence({
    covers: [`provider:aws@${directoryOf2(inventory.path)}`],
    protection: copies ? parsed?.account && parsed.account !== stackAccount ? "other-account" : "same-account-other-region" : "provider-managed",
    mechanism: copies ? "aws-backup copyActions" : "aws-backup",
    destination: copies ? arn?.[0] ?? "another backup vault" : "an AWS Backup vault in the same account and region",
    destinationProvider: "aws",
    destinationAccount: copies ? parsed?.account : void 0,
    destinationRegion: copies ? parsed?.region : void 0,
    location: inventory.line(node.loc.start.line)
  });
}
var PYTHON_CLASSES = [
  [/\brds\.(DatabaseInstance|DatabaseInstanceFromSnapshot)\(/g, "rds-instance", "cdk"],
  [/\brds\.(DatabaseCluster|ServerlessCluster|DatabaseClusterFromSnapshot)\(/g, "rds-cluster", "cdk"],
  [/\bdynamodb\.(Table|TableV2)\(/g, "dynamodb", "cdk"],
  [/\bs3\.Bucket\(/g, "s3", "cdk"],
  [/\befs\.FileSystem\(/g, "efs", "cdk"],
  [/\baws\.rds\.Instance\(/g, "rds-instance", "pulumi"],
  [/\baws\.rds\.Cluster\(/g, "rds-cluster", "pulumi"],
  [/\baws\.dynamodb\.Table\(/g, "dynamodb", "pulumi"],
  [/\baws\.s3\.(Bucket|BucketV2)\(/g, "s3", "pulumi"],
  [/\bgcp\.sql\.DatabaseInstance\(/g, "cloudsql", "pulumi"]
];
function scanPython(inventory) {
  const text = inventory.file.text;
  const cdk = /aws_cdk/.test(text);
  const pulumi = /import pulumi|from pulumi|pulumi_aws|pulumi_gcp/.test(text);
  if (!cdk && !pulumi) return;
  for (const [pattern, kind, family] of PYTHON_CLASSES) {
    if (family === "cdk" && !cdk || family === "pulumi" && !pulumi) continue;
    for (const match of text.matchAll(pattern)) {
      if (family === "cdk" && /aws\.$/.test(text.slice(Math.max(0, match.index - 4), match.index))) continue;
      const open = match.index + match[0].length - 1;
      const close = matchingParen(text, open);
      const args = text.slice(open + 1, close);
      const argsStart = open + 1;
      const lineAt = (offset) => inventory.file.positionAt(argsStart + offset).line;
      const kw = (name) => {
        const found = new RegExp(`\\b${name}\\s*=\\s*([^,\\n)]+)`).exec(args);
        return found ? { value: found[1].trim(), line: lineAt(found.index), text: found[0].trim() } : void 0;
      };
      const bool = (name) => {
        const found = kw(name);
        return found && /^(True|False)$/.test(found.value) ? { value: found.value === "True", line: found.line, text: found.text } : void 0;
      };
      const id = /^\s*(?:self|scope|[\w]+)?\s*,?\s*["']([\w.-]+)["']/.exec(args)?.[1] ?? /^\s*["']([\w.-]+)["']/.exec(args)?.[1] ?? kind;
      const line = inventory.file.positionAt(match.index).line;
      const removal = kw("removal_policy");
      const retention = kw(family === "cdk" ? "backup_retention" : "backup_retention_period");
      const retentionDays = retention ? /(\d+)/.exec(retention.value)?.[1] : void 0;
      const physical = kw(kind === "dynamodb" ? "table_name" : kind === "s3" ? family === "cdk" ? "bucket_name" : "bucket" : kind === "rds-instance" ? family === "cdk" ? "instance_identifier" : "identifier" : "cluster_identifier")?.value.replace(/^["']|["']$/g, "");
      const protect = /protect\s*=\s*True|retain_on_delete\s*=\s*True/.test(args);
      publishCloudResource(inventory, {
        kind,
        name: physical && /^[\w.-]+$/.test(physical) ? physical : id,
        logicalId: id,
        line,
        engine: engineOfText(kw("engine")?.value),
        identity: `${family}:${directoryOf2(inventory.path)}:${id}`.toLowerCase(),
        environment: environmentOf(inventory.path, [physical, id]),
        deletionProtection: bool("deletion_protection"),
        skipFinalSnapshot: family === "pulumi" ? bool("skip_final_snapshot") : void 0,
        backupRetention: retention && retentionDays !== void 0 ? { value: Number(retentionDays), line: retention.line, text: retention.text } : void 0,
        deleteAutomatedBackups: bool("delete_automated_backups"),
        pointInTimeRecovery: /point_in_time_recovery(_specification)?\s*=\s*(True|.*enabled\s*=\s*True|.*point_in_time_recovery_enabled\s*=\s*True)/.test(args),
        versioned: /versioned\s*=\s*True|versioning\s*=.*enabled\s*=\s*True/.test(args),
        forceDestroy: bool(family === "cdk" ? "auto_delete_objects" : "force_destroy"),
        removal: removal ? { value: /DESTROY/.test(removal.value) ? "delete" : /SNAPSHOT/.test(removal.value) ? "snapshot" : "retain", line: removal.line, text: removal.text } : void 0,
        protect: family === "pulumi" ? protect : void 0,
        removalKey: family === "cdk" ? "removal_policy" : "protect=True resource option"
      });
    }
  }
}
function matchingParen(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return i;
  }
  return text.length;
}

// detectors/missing-offprovider-backup/inventory/render.ts
function isRenderBlueprint(path2) {
  return /(^|\/)render(\.[\w-]+)?\.ya?ml$/i.test(path2);
}
function scanRender2(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  if (!get9(root, "services") && !get9(root, "databases") && !get9(root, "projects")) return;
  inventory.context({ kind: "deploys", value: "render", location: inventory.line(1) });
  scanGroup(inventory, root, void 0);
  for (const project of itemsOf(get9(root, "projects"))) {
    for (const environment of itemsOf(get9(project, "environments"))) {
      scanGroup(inventory, environment, literalOf(get9(environment, "name")));
    }
  }
}
function scanGroup(inventory, group, environmentName) {
  const environment = environmentNamed(environmentName);
  for (const database of itemsOf(get9(group, "databases"))) {
    const map = mapOf2(database);
    const name = literalOf(get9(map, "name"));
    if (!map || !name) continue;
    const plan = literalOf(get9(map, "plan"))?.toLowerCase() ?? "starter";
    const free = plan === "free";
    inventory.store({
      platform: "render",
      provider: "render",
      engine: "postgres",
      name,
      environment: environment ?? void 0,
      location: inventory.at(map.span),
      identities: [`render:database:${name}`],
      declaredBy: "platform",
      builtInBackup: free ? { protection: "none", description: "Render keeps no backups of free Postgres databases" } : { protection: "provider-managed", description: "Render keeps point-in-time recovery (3 to 7 days) and daily exports inside the same Render workspace" }
    });
  }
  for (const service of itemsOf(get9(group, "services"))) {
    const map = mapOf2(service);
    if (literalOf(get9(map, "type")) === "cron") {
      const command = get9(map, "startCommand");
      const script = textOf(command);
      const env = /* @__PURE__ */ new Map();
      for (const variable of itemsOf(get9(map, "envVars"))) {
        const key = literalOf(get9(variable, "key"));
        const value = textOf(get9(variable, "value"));
        if (key && value !== void 0) env.set(key, value);
      }
      if (command && script) readJob(inventory, script, { name: literalOf(get9(map, "name")) ?? "cron", scheduled: true, environment: environment ?? void 0, env, ephemeral: false, lineOf: scalarLines(inventory, script, command.span.line, command.span.endLine) });
      continue;
    }
    const disk = mapOf2(get9(map, "disk"));
    const serviceName = literalOf(get9(map, "name")) ?? "service";
    if (!disk) continue;
    const diskName = literalOf(get9(disk, "name")) ?? "disk";
    const mountPath = literalOf(get9(disk, "mountPath"));
    const image = literalOf(get9(mapOf2(get9(map, "image")), "url")) ?? "";
    const engine = /postgres/i.test(image) || /postgres/i.test(mountPath ?? "") ? "postgres" : /mysql|mariadb/i.test(image) ? "mysql" : /mongo/i.test(image) ? "mongo" : "volume";
    inventory.store({
      platform: "render",
      provider: "render",
      engine,
      name: `${serviceName}/${diskName}`,
      environment: environment ?? void 0,
      location: inventory.at(disk.span.line > 1 ? { ...disk.span, line: keyLine2(map, "disk") ?? disk.span.line } : disk.span),
      identities: [`render:disk:${serviceName}/${diskName}`.toLowerCase()],
      declaredBy: "platform",
      mountPaths: mountPath ? [mountPath] : void 0,
      builtInBackup: { protection: "provider-managed", description: "Render snapshots persistent disks daily and keeps the snapshots at least 7 days, inside the same Render workspace" }
    });
  }
}
function keyLine2(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.keySpan.line;
}
function get9(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key)?.value;
}

// detectors/missing-offprovider-backup/inventory/terraform.ts
function isTerraform(path2) {
  return /\.tf$/i.test(path2);
}
function attribute(node, key) {
  return mapOf2(node)?.entries.find((entry) => entry.key === key && !(entry.value.kind === "map" && entry.value.block))?.value;
}
function block(node, type) {
  const found = mapOf2(node)?.entries.find((entry) => entry.key === type && entry.value.kind === "map");
  return found ? found.value : void 0;
}
function blocks(node, type) {
  return (mapOf2(node)?.entries ?? []).filter((entry) => entry.key === type && entry.value.kind === "map").map((entry) => entry.value);
}
function lineOf(node, key) {
  return node.entries.find((entry) => entry.key === key)?.keySpan.line ?? node.span.line;
}
function referenceOf(node) {
  const text = node?.kind === "scalar" ? node.expression : void 0;
  const match = text ? /^([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(\[[^\]]*\])?\.[a-z_]+$/.exec(text.trim()) : void 0;
  return match ? `${match[1]}.${match[2]}` : void 0;
}
function scanTerraform2(inventory) {
  const root = mapOf2(inventory.file.data()?.roots[0]);
  if (!root) return;
  const directory = directoryOf2(inventory.path);
  for (const entry of root.entries) {
    const map = mapOf2(entry.value);
    if (!map?.block) continue;
    if (entry.key === "provider") {
      const name = map.block.labels[0] ?? "";
      const alias = literalOf(attribute(map, "alias"));
      const assumeRole = block(map, "assume_role");
      const roleArn = literalOf(attribute(assumeRole, "role_arn"));
      const allowed = attribute(map, "allowed_account_ids");
      const allowedAccount = allowed?.kind === "seq" ? literalOf(allowed.items[0]) : void 0;
      inventory.context({
        kind: "terraform-provider",
        directory,
        name: alias ? `${name}.${alias}` : name,
        value: name,
        account: (roleArn ? parseArn(roleArn)?.account : void 0) ?? allowedAccount ?? literalOf(attribute(map, "project")) ?? literalOf(attribute(map, "subscription_id")),
        region: literalOf(attribute(map, "region")) ?? literalOf(attribute(map, "location")),
        location: inventory.line(map.span.line)
      });
      inventory.context({ kind: "terraform-root", directory, location: inventory.line(map.span.line) });
    } else if (entry.key === "terraform" && (block(map, "backend") || block(map, "cloud"))) {
      inventory.context({ kind: "terraform-root", directory, location: inventory.line(map.span.line) });
      inventory.context({ kind: "deploys", value: "terraform", location: inventory.line(map.span.line) });
    }
  }
  const resources = [];
  for (const entry of root.entries) {
    const map = mapOf2(entry.value);
    if (entry.key !== "resource" || !map?.block) continue;
    const [type, label] = map.block.labels;
    if (!type || !label) continue;
    resources.push({ type, label, body: map, line: map.span.line });
    const provider = textOf(attribute(map, "provider"));
    if (provider) inventory.context({ kind: "terraform-resource-provider", directory, name: `${type}.${label}`, value: provider.trim(), location: inventory.line(map.span.line) });
  }
  for (const resource of resources) scanResource(inventory, resource, resources, directory);
}
function tagsOf(body2) {
  const tags = {};
  for (const key of ["tags", "labels"]) {
    for (const entry of mapOf2(attribute(body2, key))?.entries ?? []) {
      const value = literalOf(entry.value);
      if (value) tags[entry.key.toLowerCase()] = value;
    }
  }
  return tags;
}
function environmentOfResource(inventory, names, body2) {
  const tags = tagsOf(body2);
  const tagged = tags.environment ?? tags.env ?? tags.stage;
  return environmentOf(inventory.path, []) ?? environmentNamed(tagged) ?? environmentOf("", names);
}
function preventDestroy(body2) {
  return isTruthy(attribute(block(body2, "lifecycle"), "prevent_destroy")) === true;
}
function scanResource(inventory, resource, all, directory) {
  const { type, label, body: body2 } = resource;
  const address = `${type}.${label}`;
  const identity = `terraform:${directory}:${address}`;
  const location = inventory.line(resource.line);
  const settings = [];
  const setting = (kind, key, text, explicit) => settings.push({ kind, setting: text, explicit, location: explicit ? inventory.line(lineOf(body2, key)) : location });
  const noPreventDestroy = () => {
    if (!preventDestroy(body2)) setting("no-prevent-destroy", "lifecycle", "no lifecycle { prevent_destroy = true }", false);
  };
  const name = (key) => literalOf(attribute(body2, key));
  const sameDir = (t) => all.filter((candidate) => candidate.type === t);
  const refersTo = (candidate, key) => referenceOf(attribute(candidate.body, key)) === address;
  switch (type) {
    case "aws_db_instance":
    case "aws_rds_cluster":
    case "aws_docdb_cluster":
    case "aws_neptune_cluster": {
      if (attribute(body2, "replicate_source_db") || attribute(body2, "replication_source_identifier")) return;
      const identifier = name(type === "aws_db_instance" ? "identifier" : "cluster_identifier");
      const engineText = (name("engine") ?? (type === "aws_docdb_cluster" ? "docdb" : "")).toLowerCase();
      const engine = /postgres/.test(engineText) ? "postgres" : /mysql|maria/.test(engineText) ? "mysql" : /docdb/.test(engineText) ? "mongo" : /sqlserver/.test(engineText) ? "mssql" : "database";
      const retention = attribute(body2, "backup_retention_period");
      const retentionDays = literalOf(retention);
      const disabled = retentionDays === "0";
      if (disabled) setting("backups-disabled", "backup_retention_period", "backup_retention_period = 0", true);
      const deletionProtection = isTruthy(attribute(body2, "deletion_protection"));
      if (deletionProtection === false) setting("deletion-protection-off", "deletion_protection", "deletion_protection = false", true);
      else if (deletionProtection === void 0 && !attribute(body2, "deletion_protection")) setting("deletion-protection-off", "deletion_protection", "deletion_protection not set (defaults to false)", false);
      if (isTruthy(attribute(body2, "skip_final_snapshot")) === true) setting("skip-final-snapshot", "skip_final_snapshot", "skip_final_snapshot = true", true);
      const deleteAutomated = isTruthy(attribute(body2, "delete_automated_backups"));
      if (!disabled && type !== "aws_docdb_cluster" && type !== "aws_neptune_cluster") {
        if (deleteAutomated === true) setting("backups-die-with-instance", "delete_automated_backups", "delete_automated_backups = true", true);
        else if (deleteAutomated === void 0 && !attribute(body2, "delete_automated_backups")) setting("backups-die-with-instance", "delete_automated_backups", "delete_automated_backups not set (defaults to true)", false);
      }
      noPreventDestroy();
      inventory.store({
        platform: "aws",
        provider: "aws",
        engine,
        name: identifier ?? label,
        environment: environmentOfResource(inventory, [identifier, label], body2),
        location,
        identities: [identity, ...identifier ? [`aws:rds:${identifier}`] : []],
        declaredBy: "infrastructure",
        builtInBackup: disabled ? { protection: "none", description: "automated backups are turned off (backup_retention_period = 0)" } : { protection: "provider-managed", description: `RDS automated backups${retentionDays ? ` (${retentionDays} days)` : ""} and snapshots stay in the same AWS account${deleteAutomated === false ? "" : ", and automated backups are deleted with the instance"}` },
        destructiveSettings: settings
      });
      return;
    }
    case "aws_dynamodb_table": {
      const table = name("name") ?? label;
      const pitr = isTruthy(attribute(block(body2, "point_in_time_recovery"), "enabled")) === true;
      const protection = isTruthy(attribute(body2, "deletion_protection_enabled"));
      if (protection === false) setting("deletion-protection-off", "deletion_protection_enabled", "deletion_protection_enabled = false", true);
      else if (protection === void 0) setting("deletion-protection-off", "deletion_protection_enabled", "deletion_protection_enabled not set (defaults to false)", false);
      noPreventDestroy();
      inventory.store({
        platform: "aws",
        provider: "aws",
        engine: "dynamodb",
        name: table,
        environment: environmentOfResource(inventory, [table, label], body2),
        location,
        identities: [identity, `aws:dynamodb:${table}`],
        declaredBy: "infrastructure",
        builtInBackup: pitr ? { protection: "provider-managed", description: "point-in-time recovery (35 days) stays in the same AWS account and region" } : { protection: "none", description: "DynamoDB keeps no backups unless point-in-time recovery or AWS Backup is on" },
        destructiveSettings: settings
      });
      return;
    }
    case "aws_s3_bucket":
    case "google_storage_bucket": {
      const bucket = name(type === "aws_s3_bucket" ? "bucket" : "name") ?? name("bucket_prefix");
      const environment = environmentOfResource(inventory, [bucket, label], body2);
      if (!isBucketData(bucket ?? label, label, environment)) return;
      const versioned = isTruthy(attribute(block(body2, "versioning"), "enabled")) === true || sameDir("aws_s3_bucket_versioning").some((candidate) => refersTo(candidate, "bucket") && /enabled/i.test(literalOf(attribute(block(candidate.body, "versioning_configuration"), "status")) ?? ""));
      if (isTruthy(attribute(body2, "force_destroy")) === true) setting("force-destroy", "force_destroy", "force_destroy = true", true);
      noPreventDestroy();
      const provider = type === "aws_s3_bucket" ? "aws" : "gcp";
      inventory.store({
        platform: provider,
        provider,
        engine: "object-storage",
        name: bucket ?? label,
        environment,
        location,
        identities: [identity, ...bucket ? [`${provider === "aws" ? "aws:s3" : "gcp:gcs"}:${bucket}`] : []],
        declaredBy: "infrastructure",
        builtInBackup: versioned ? { protection: "provider-managed", description: "object versioning keeps old versions in the same bucket, which goes with the bucket or the account" } : { protection: "none", description: "the bucket has no versioning or replication" },
        destructiveSettings: settings
      });
      for (const replication of sameDir("aws_s3_bucket_replication_configuration").filter((candidate) => refersTo(candidate, "bucket"))) {
        for (const rule2 of blocks(replication.body, "rule")) {
          const destination = block(rule2, "destination");
          const targetArn = literalOf(attribute(destination, "bucket"));
          const account = literalOf(attribute(destination, "account"));
          inventory.evidence({
            covers: [identity],
            protection: account ? "other-account" : "same-account-other-region",
            mechanism: "s3-replication",
            destination: targetArn ?? textOf(attribute(destination, "bucket")) ?? "another bucket",
            destinationProvider: "aws",
            destinationAccount: account,
            location: inventory.line(replication.line)
          });
        }
      }
      return;
    }
    case "aws_efs_file_system": {
      const fsName = tagsOf(body2).name ?? name("creation_token") ?? label;
      const policy = sameDir("aws_efs_backup_policy").some((candidate) => refersTo(candidate, "file_system_id"));
      noPreventDestroy();
      inventory.store({
        platform: "aws",
        provider: "aws",
        engine: "file-system",
        name: fsName,
        environment: environmentOfResource(inventory, [fsName, label], body2),
        location,
        identities: [identity, `aws:efs:${fsName}`],
        declaredBy: "infrastructure",
        builtInBackup: policy ? { protection: "provider-managed", description: "EFS automatic backups go to an AWS Backup vault in the same account" } : { protection: "none", description: "EFS keeps no backups unless a backup policy or AWS Backup covers it" },
        destructiveSettings: settings
      });
      return;
    }
    case "google_sql_database_instance": {
      const instance = name("name") ?? label;
      const settingsBlock = block(body2, "settings");
      const backup = block(settingsBlock, "backup_configuration");
      const enabled = isTruthy(attribute(backup, "enabled")) === true;
      if (backup && isTruthy(attribute(backup, "enabled")) === false) settings.push({ kind: "backups-disabled", setting: "backup_configuration { enabled = false }", explicit: true, location: inventory.line(lineOf(backup, "enabled")) });
      if (isTruthy(attribute(body2, "deletion_protection")) === false) setting("deletion-protection-off", "deletion_protection", "deletion_protection = false", true);
      const retain = isTruthy(attribute(settingsBlock, "retain_backups_on_delete")) === true;
      if (enabled && !retain) settings.push({ kind: "backups-die-with-instance", setting: "settings.retain_backups_on_delete not set (backups are deleted with the instance)", explicit: false, location });
      noPreventDestroy();
      const engineText = (name("database_version") ?? "").toLowerCase();
      const region = name("region");
      const multiRegion = /^(us|eu|asia)$/i.test(literalOf(attribute(backup, "location")) ?? "");
      inventory.store({
        platform: "gcp",
        provider: "gcp",
        engine: /postgres/.test(engineText) ? "postgres" : /mysql/.test(engineText) ? "mysql" : /sqlserver/.test(engineText) ? "mssql" : "database",
        name: instance,
        environment: environmentOfResource(inventory, [instance, label], body2),
        location,
        region,
        account: name("project"),
        identities: [identity, `gcp:sql:${instance}`],
        declaredBy: "infrastructure",
        builtInBackup: !enabled ? { protection: "none", description: "automated backups are not enabled (settings.backup_configuration.enabled)" } : multiRegion ? { protection: "same-account-other-region", description: "automated backups are stored multi-region, in the same Google Cloud project" } : { protection: "provider-managed", description: `Cloud SQL automated backups stay in the same Google Cloud project${retain ? "" : " and are deleted with the instance"}` },
        destructiveSettings: settings
      });
      return;
    }
    case "google_firestore_database": {
      const database = name("name") ?? label;
      const pitr = /ENABLED/.test(name("point_in_time_recovery_enablement") ?? "") && !/DISABLED/.test(name("point_in_time_recovery_enablement") ?? "");
      const schedule = sameDir("google_firestore_backup_schedule").length > 0;
      if ((name("delete_protection_state") ?? "") === "DELETE_PROTECTION_DISABLED") setting("deletion-protection-off", "delete_protection_state", 'delete_protection_state = "DELETE_PROTECTION_DISABLED"', true);
      noPreventDestroy();
      inventory.store({
        platform: "gcp",
        provider: "gcp",
        engine: "firestore",
        name: database,
        environment: environmentOfResource(inventory, [database, label], body2),
        location,
        identities: [identity, `gcp:firestore:${database}`],
        declaredBy: "infrastructure",
        builtInBackup: pitr || schedule ? { protection: "provider-managed", description: "Firestore backups and point-in-time recovery stay in the same Google Cloud project" } : { protection: "none", description: "no Firestore backup schedule or point-in-time recovery is configured" },
        destructiveSettings: settings
      });
      return;
    }
    case "azurerm_postgresql_flexible_server":
    case "azurerm_postgresql_server":
    case "azurerm_mysql_flexible_server":
    case "azurerm_mysql_server":
    case "azurerm_mariadb_server":
    case "azurerm_mssql_server":
    case "azurerm_cosmosdb_account": {
      const server = name("name") ?? label;
      const geo = isTruthy(attribute(body2, "geo_redundant_backup_enabled")) === true;
      noPreventDestroy();
      inventory.store({
        platform: "azure",
        provider: "azure",
        engine: /postgresql/.test(type) ? "postgres" : /mysql|mariadb/.test(type) ? "mysql" : /mssql/.test(type) ? "mssql" : "cosmosdb",
        name: server,
        environment: environmentOfResource(inventory, [server, label], body2),
        location,
        identities: [identity, `azure:${type.replace(/^azurerm_/, "")}:${server}`],
        declaredBy: "infrastructure",
        builtInBackup: geo ? { protection: "same-account-other-region", description: "geo-redundant backups are copied to the paired region, in the same Azure subscription" } : { protection: "provider-managed", description: "Azure keeps automated backups in the same subscription and region" },
        destructiveSettings: settings
      });
      return;
    }
    case "azurerm_storage_account": {
      const account = name("name") ?? label;
      const environment = environmentOfResource(inventory, [account, label], body2);
      if (!isBucketData(account, label, environment)) return;
      noPreventDestroy();
      inventory.store({
        platform: "azure",
        provider: "azure",
        engine: "object-storage",
        name: account,
        environment,
        location,
        identities: [identity, `azure:storage:${account}`],
        declaredBy: "infrastructure",
        builtInBackup: /GRS|GZRS/i.test(name("account_replication_type") ?? "") ? { protection: "same-account-other-region", description: "geo-redundant storage replicates to another region, in the same subscription" } : { protection: "none", description: "no blob versioning, soft delete or backup vault is visible" },
        destructiveSettings: settings
      });
      return;
    }
    case "digitalocean_database_cluster": {
      const cluster = name("name") ?? label;
      const engineText = (name("engine") ?? "").toLowerCase();
      if (/redis|valkey|kafka|opensearch/.test(engineText)) return;
      noPreventDestroy();
      inventory.store({
        platform: "digitalocean",
        provider: "digitalocean",
        engine: /pg|postgres/.test(engineText) ? "postgres" : /mysql/.test(engineText) ? "mysql" : /mongo/.test(engineText) ? "mongo" : "database",
        name: cluster,
        environment: environmentOfResource(inventory, [cluster, label], body2),
        location,
        identities: [identity, `digitalocean:database:${cluster}`],
        declaredBy: "infrastructure",
        builtInBackup: { protection: "provider-managed", description: "DigitalOcean keeps daily backups for 7 days in the same account" },
        destructiveSettings: settings
      });
      return;
    }
    case "mongodbatlas_cluster":
    case "mongodbatlas_advanced_cluster": {
      const cluster = name("name") ?? label;
      const backups = isTruthy(attribute(body2, "cloud_backup")) === true || isTruthy(attribute(body2, "backup_enabled")) === true;
      if (isTruthy(attribute(body2, "termination_protection_enabled")) === false) setting("deletion-protection-off", "termination_protection_enabled", "termination_protection_enabled = false", true);
      noPreventDestroy();
      inventory.store({
        platform: "mongodb-atlas",
        provider: "mongodb-atlas",
        engine: "mongo",
        name: cluster,
        environment: environmentOfResource(inventory, [cluster, label], body2),
        location,
        identities: [identity, `mongodb-atlas:cluster:${cluster}`],
        declaredBy: "infrastructure",
        builtInBackup: backups ? { protection: "provider-managed", description: "Atlas cloud backups stay in the same Atlas project" } : { protection: "none", description: "cloud backups are not enabled on the cluster" },
        destructiveSettings: settings
      });
      return;
    }
    case "railway_service": {
      const volume = mapOf2(attribute(body2, "volume")) ?? block(body2, "volume");
      if (!volume) return;
      const service = name("name") ?? label;
      const image = name("source_image") ?? "";
      inventory.store({
        platform: "railway",
        provider: "railway",
        engine: /postgres/i.test(image) ? "postgres" : /mysql|maria/i.test(image) ? "mysql" : /mongo/i.test(image) ? "mongo" : "volume",
        name: service,
        environment: environmentOfResource(inventory, [service, label], body2),
        location,
        identities: [identity, `railway:service:${service}`, `host:${service.toLowerCase()}.railway.internal`],
        declaredBy: "infrastructure",
        builtInBackup: RAILWAY_BUILT_IN
      });
      return;
    }
    case "render_postgres": {
      const database = name("name") ?? label;
      const free = (name("plan") ?? "") === "free";
      inventory.store({
        platform: "render",
        provider: "render",
        engine: "postgres",
        name: database,
        environment: environmentOfResource(inventory, [database, label], body2),
        location,
        identities: [identity, `render:database:${database}`],
        declaredBy: "infrastructure",
        builtInBackup: free ? { protection: "none", description: "Render keeps no backups of free Postgres databases" } : { protection: "provider-managed", description: "Render keeps point-in-time recovery and exports inside the same Render workspace" }
      });
      return;
    }
    case "supabase_project":
    case "neon_project":
    case "heroku_addon": {
      const plan = name("plan") ?? "";
      if (type === "heroku_addon" && !/^heroku-postgresql/.test(plan)) return;
      const project = name("name") ?? label;
      const platform = type.split("_")[0];
      inventory.store({
        platform,
        provider: platform,
        engine: "postgres",
        name: project,
        environment: environmentOfResource(inventory, [project, label], body2),
        location,
        identities: [identity, `${platform}:project:${project}`],
        declaredBy: "infrastructure",
        builtInBackup: platform === "supabase" ? { protection: "provider-managed", description: "Supabase keeps daily backups inside the project, and deletes them with the project" } : { protection: "provider-managed", description: `${platform === "neon" ? "Neon's restore window" : "Heroku's backups"} stay with the provider` }
      });
      return;
    }
    case "aws_backup_plan": {
      for (const rule2 of blocks(body2, "rule")) {
        const copies = blocks(rule2, "copy_action");
        if (copies.length === 0) {
          inventory.evidence({ covers: [`terraform-plan:${directory}:${label}`], protection: "provider-managed", mechanism: "aws-backup", destination: "an AWS Backup vault in the same account and region", destinationProvider: "aws", location: inventory.line(rule2.span.line) });
        }
        for (const copy of copies) {
          const arnNode = attribute(copy, "destination_vault_arn");
          const arn = literalOf(arnNode);
          const parsed = arn ? parseArn(arn) : void 0;
          inventory.evidence({
            covers: [`terraform-plan:${directory}:${label}`],
            // A vault written with its account id is, in practice, another account's vault; the source account decides later.
            protection: parsed?.account ? "other-account" : "same-account-other-region",
            mechanism: "aws-backup copy_action",
            destination: arn ?? textOf(arnNode) ?? "another vault",
            destinationProvider: "aws",
            destinationAccount: parsed?.account,
            destinationRegion: parsed?.region,
            destinationRef: referenceOf(arnNode),
            location: inventory.line(copy.span.line)
          });
        }
      }
      return;
    }
    case "aws_backup_selection": {
      const resources = attribute(body2, "resources");
      const covers = [];
      for (const item of resources?.kind === "seq" ? resources.items : []) {
        const reference = referenceOf(item);
        if (reference) covers.push(`terraform:${directory}:${reference}`);
        const arn = literalOf(item);
        if (arn === "*") covers.push("provider:aws");
        else if (arn) {
          const rds2 = /:rds:[^:]*:[^:]*:(db|cluster):([\w-]+)/.exec(arn);
          const table = /:dynamodb:[^:]*:[^:]*:table\/([\w.-]+)/.exec(arn);
          const bucket = /^arn:aws:s3:::([\w.-]+)/.exec(arn);
          if (rds2) covers.push(`aws:rds:${rds2[2]}`);
          if (table) covers.push(`aws:dynamodb:${table[1]}`);
          if (bucket) covers.push(`aws:s3:${bucket[1]}`);
          if (/\*/.test(arn)) covers.push("provider:aws");
        }
      }
      if (block(body2, "selection_tag") || block(body2, "condition") || covers.length === 0) covers.push(`provider:aws@${directory}`);
      inventory.evidence({
        covers,
        protection: "provider-managed",
        mechanism: "aws-backup",
        destination: "an AWS Backup vault",
        destinationProvider: "aws",
        destinationRef: referenceOf(attribute(body2, "plan_id")),
        location
      });
      return;
    }
    case "aws_db_instance_automated_backups_replication": {
      const source2 = referenceOf(attribute(body2, "source_db_instance_arn"));
      inventory.evidence({
        covers: source2 ? [`terraform:${directory}:${source2}`] : ["provider:aws"],
        protection: "same-account-other-region",
        mechanism: "rds-automated-backups-replication",
        destination: "automated backups replicated to another region of the same account",
        destinationProvider: "aws",
        location
      });
      return;
    }
  }
}

// detectors/missing-offprovider-backup/rules/destructive.ts
var ROOT = `terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "prod/data.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
}
`;
function rds(overrides2, lifecycle = true) {
  const attributes = {
    identifier: '"orders-prod"',
    engine: '"postgres"',
    instance_class: '"db.t4g.large"',
    allocated_storage: "200",
    backup_retention_period: "14",
    deletion_protection: "true",
    skip_final_snapshot: "false",
    final_snapshot_identifier: '"orders-prod-final"',
    delete_automated_backups: "false",
    ...overrides2
  };
  const width = Math.max(...Object.keys(attributes).map((key) => key.length));
  const body2 = Object.entries(attributes).filter(([, value]) => value !== "").map(([key, value]) => `  ${key.padEnd(width)} = ${value}`).join("\n");
  return `${ROOT}
resource "aws_db_instance" "orders" {
${body2}
${lifecycle ? "\n  lifecycle {\n    prevent_destroy = true\n  }\n" : ""}}
`;
}
function lineOf2(text, key) {
  return text.split("\n").findIndex((line) => line.trimStart().startsWith(key)) + 1;
}
var SKIP = rds({ skip_final_snapshot: "true", final_snapshot_identifier: "" });
var PROTECTION_OFF = rds({ deletion_protection: "false" });
var RETENTION_ZERO = rds({ backup_retention_period: "0" });
var DELETE_AUTOMATED = rds({ delete_automated_backups: "true" });
var NO_LIFECYCLE = rds({}, false);
var STAGING_SKIP = rds({ identifier: '"orders-staging"', skip_final_snapshot: "true", final_snapshot_identifier: "" }).replace("prod/data.tfstate", "staging/data.tfstate");
var CFN_DELETE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Orders service data layer (production)
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Delete
    Properties:
      TableName: orders-prod
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: true
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
`;
var CDK_DESTROY = `import { Stack, StackProps, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export class LedgerStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new dynamodb.Table(this, 'LedgerTable', {
      tableName: 'ledger-prod',
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      pointInTimeRecovery: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}
`;
var UPLOADS_BUCKET = `${ROOT}
resource "aws_s3_bucket" "uploads" {
  bucket        = "acme-prod-user-uploads"
  force_destroy = true

  lifecycle {
    prevent_destroy = true
  }
}
`;
var PV_DELETE = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ledger-pg-data
spec:
  capacity:
    storage: 200Gi
  accessModes: ["ReadWriteOnce"]
  persistentVolumeReclaimPolicy: Delete
  storageClassName: gp3
  claimRef:
    namespace: production
    name: ledger-pg-data
  csi:
    driver: ebs.csi.aws.com
    volumeHandle: vol-0a1b2c3d4e5f67890
`;
var destructiveRules = [
  {
    id: "missing-offprovider-backup/deletion-protection-off",
    title: "Production database with deletion protection off",
    severity: "medium",
    why: "With deletion protection off, one API call (or one `terraform destroy` an agent runs) deletes the database; the provider asks nobody. Protection turns that call into an error someone has to consciously undo first.",
    fix: "Set `deletion_protection = true` (Terraform), `DeletionProtection: true` (CloudFormation), `deletionProtection: true` (CDK/Pulumi), `deletion_protection_enabled = true` (DynamoDB).",
    helpUri: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html",
    precision: "high",
    tags: ["destructive-setting"],
    samples: {
      positive: [sample("infra/prod/rds.tf", PROTECTION_OFF, { expect: { line: lineOf2(PROTECTION_OFF, "deletion_protection") } })],
      negative: [sample("infra/prod/rds.tf", rds({})), sample("infra/staging/rds.tf", rds({ deletion_protection: "false", identifier: '"orders-staging"' }), { note: "staging database" })]
    }
  },
  {
    id: "missing-offprovider-backup/skip-final-snapshot",
    title: "Production database deleted without a final snapshot",
    severity: "medium",
    why: "`skip_final_snapshot = true` means deleting the instance keeps no last copy: together with automated backups that are deleted with the instance, nothing is left.",
    fix: "Set `skip_final_snapshot = false` with a `final_snapshot_identifier` (Pulumi `skipFinalSnapshot: false`).",
    precision: "high",
    tags: ["destructive-setting"],
    samples: {
      positive: [sample("infra/prod/rds.tf", SKIP, { expect: { line: lineOf2(SKIP, "skip_final_snapshot") } })],
      negative: [sample("infra/prod/rds.tf", rds({})), sample("infra/staging/rds.tf", STAGING_SKIP, { note: "staging database" })]
    }
  },
  {
    id: "missing-offprovider-backup/backups-disabled",
    title: "Production database with automated backups turned off",
    severity: "high",
    why: "A retention of zero days (or backups disabled) means the provider keeps no copies at all: there is nothing to restore after a bad migration or a deletion.",
    fix: "Set a retention of at least 7 days (`backup_retention_period`, `BackupRetentionPeriod`, `backupRetention: Duration.days(14)`) or enable `backup_configuration` on Cloud SQL, and copy backups off the provider.",
    precision: "high",
    tags: ["destructive-setting"],
    samples: {
      positive: [sample("infra/prod/rds.tf", RETENTION_ZERO, { expect: { line: lineOf2(RETENTION_ZERO, "backup_retention_period") } })],
      negative: [sample("infra/prod/rds.tf", rds({}))]
    }
  },
  {
    id: "missing-offprovider-backup/backups-die-with-instance",
    title: "Production database whose automated backups are deleted with it",
    severity: "medium",
    why: "By default RDS deletes automated backups when the instance is deleted (`delete_automated_backups` defaults to true), and Cloud SQL does the same unless `retain_backups_on_delete` is set: the delete that loses the data loses the backups too.",
    fix: "Set `delete_automated_backups = false` (RDS) or `settings.retain_backups_on_delete = true` (Cloud SQL), and keep a copy in another account or provider.",
    precision: "high",
    tags: ["destructive-setting"],
    samples: {
      positive: [sample("infra/prod/rds.tf", DELETE_AUTOMATED, { expect: { line: lineOf2(DELETE_AUTOMATED, "delete_automated_backups") } })],
      negative: [sample("infra/prod/rds.tf", rds({}))]
    }
  },
  {
    id: "missing-offprovider-backup/force-destroy",
    title: "Production bucket that can be destroyed with all its objects",
    severity: "medium",
    why: "`force_destroy = true` (or CDK `autoDeleteObjects: true`) lets one destroy delete a non-empty bucket and every object in it, where otherwise the provider refuses.",
    fix: "Remove `force_destroy` / `autoDeleteObjects` from production buckets and enable versioning and replication to another account.",
    precision: "high",
    tags: ["destructive-setting"],
    samples: {
      positive: [sample("infra/prod/storage.tf", UPLOADS_BUCKET, { expect: { line: lineOf2(UPLOADS_BUCKET, "force_destroy") } })],
      negative: [
        sample("infra/prod/storage.tf", UPLOADS_BUCKET.replace("  force_destroy = true\n", "")),
        sample("infra/prod/logs.tf", `${ROOT}
resource "aws_s3_bucket" "access_logs" {
  bucket        = "acme-prod-alb-access-logs"
  force_destroy = true
}
`, { note: "log buckets are not data stores" })
      ]
    }
  },
  {
    id: "missing-offprovider-backup/no-prevent-destroy",
    title: "Production data store without lifecycle prevent_destroy",
    severity: "low",
    why: "Without `lifecycle { prevent_destroy = true }` (or Pulumi `protect`), a plan that replaces or removes the resource (a renamed block, a `terraform destroy` in the wrong workspace) deletes the store without an extra step.",
    fix: "Add `lifecycle { prevent_destroy = true }` to production data stores (Pulumi: the `protect: true` resource option).",
    precision: "medium",
    tags: ["destructive-setting"],
    samples: {
      positive: [sample("infra/prod/rds.tf", NO_LIFECYCLE, { expect: { line: lineOf2(NO_LIFECYCLE, 'resource "aws_db_instance"') } })],
      negative: [sample("infra/prod/rds.tf", rds({})), sample("infra/main.tf", rds({ identifier: '"orders"' }, false), { note: "not explicitly production: only written settings count there" })]
    }
  },
  {
    id: "missing-offprovider-backup/deletion-policy-delete",
    title: "Production data store deleted with its stack",
    severity: "medium",
    why: "CloudFormation `DeletionPolicy: Delete` (the default for everything but RDS) and CDK `RemovalPolicy.DESTROY` delete the table or bucket when the stack is deleted or the resource is replaced: a stack delete is a data delete.",
    fix: "Set `DeletionPolicy: Retain` or `Snapshot` (CDK `removalPolicy: RemovalPolicy.RETAIN`), with `UpdateReplacePolicy` to match.",
    helpUri: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html",
    precision: "high",
    tags: ["destructive-setting"],
    samples: {
      positive: [
        sample("template.yaml", CFN_DELETE, { expect: { line: lineOf2(CFN_DELETE, "DeletionPolicy") } }),
        sample("lib/ledger-stack.ts", CDK_DESTROY, { expect: { line: lineOf2(CDK_DESTROY, "removalPolicy") } })
      ],
      negative: [sample("template.yaml", CFN_DELETE.replace("DeletionPolicy: Delete", "DeletionPolicy: Retain")), sample("lib/ledger-stack.ts", CDK_DESTROY.replace("RemovalPolicy.DESTROY", "RemovalPolicy.RETAIN"))]
    }
  },
  {
    id: "missing-offprovider-backup/reclaim-policy-delete",
    title: "Production volume deleted when its claim or workload is removed",
    severity: "medium",
    why: "A PersistentVolume with reclaim policy `Delete` (the default of most storage classes) deletes the cloud disk when its claim is deleted; a StatefulSet with `whenDeleted: Delete` deletes its claims with it. `kubectl delete` of the wrong namespace is then a data delete.",
    fix: "Use `persistentVolumeReclaimPolicy: Retain` (and a storage class with `reclaimPolicy: Retain`) for production data, and `persistentVolumeClaimRetentionPolicy.whenDeleted: Retain`.",
    precision: "medium",
    tags: ["destructive-setting"],
    samples: {
      positive: [sample("k8s/production/ledger-pv.yaml", PV_DELETE, { expect: { line: lineOf2(PV_DELETE, "persistentVolumeReclaimPolicy") } })],
      negative: [sample("k8s/production/ledger-pv.yaml", PV_DELETE.replace("Delete", "Retain")), sample("k8s/dev/ledger-pv.yaml", PV_DELETE.replace("production", "dev"), { note: "development cluster" })]
    }
  }
];

// detectors/missing-offprovider-backup/rules/protection.ts
var HELP_URI = "https://docs.railway.com/reference/backups";
var RAILWAY_IAC = `import { defineRailway, postgres, project, service } from "railway/iac";

export default defineRailway(() => {
  const db = postgres("Postgres");
  const api = service("api", {
    source: { repo: "acme/api" },
    env: { DATABASE_URL: db.env.DATABASE_URL },
  });
  return project("acme", { resources: [db, api] });
});
`;
var DJANGO_ON_SUPABASE = `import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "postgres.vbqzkxmwlpnrtfhdjcsa",
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": "aws-0-eu-central-1.pooler.supabase.com",
        "PORT": "6543",
    }
}
`;
var OFFSITE_WORKFLOW = `name: Nightly database backup
on:
  schedule:
    - cron: "17 3 * * *"
  workflow_dispatch: {}
jobs:
  backup:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - name: Install Postgres client
        run: sudo apt-get install -y postgresql-client-16
      - name: Dump
        run: pg_dump "$DATABASE_URL" --format=custom --file=acme.dump
        env:
          DATABASE_URL: \${{ secrets.DATABASE_URL }}
      - name: Upload to R2
        run: aws s3 cp acme.dump "s3://acme-db-backups/$(date +%F).dump" --endpoint-url https://4f1c2d.r2.cloudflarestorage.com
        env:
          AWS_ACCESS_KEY_ID: \${{ secrets.R2_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: \${{ secrets.R2_SECRET_ACCESS_KEY }}
  restore-check:
    needs: backup
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: postgres
        ports: ["5432:5432"]
    steps:
      - run: aws s3 cp "s3://acme-db-backups/$(date +%F).dump" latest.dump --endpoint-url https://4f1c2d.r2.cloudflarestorage.com
      - run: pg_restore --no-owner -d postgres://postgres:postgres@localhost:5432/postgres latest.dump
      - run: psql postgres://postgres:postgres@localhost:5432/postgres -c "select count(*) from orders"
`;
var protectionRules = [
  {
    id: "missing-offprovider-backup/same-volume-backup",
    title: "Production store whose only backups live on the same volume or host",
    severity: "high",
    why: "Backups that sit on the volume (Railway), on the same host (a backup-local sidecar, a dump next to the data) or in the same cluster are deleted by the same call that deletes the data. One agent command, one wrong `volume delete`, and the newest recoverable copy is whatever someone kept by hand. Railway stores are rated critical: wiping a Railway volume deletes its backups.",
    fix: "Add a scheduled copy that leaves the provider: a pg_dump/mysqldump job, Litestream, WAL-G or restic uploading to storage at another provider (S3, R2, B2, GCS) with credentials that cannot delete, and restore it regularly. If the copy is made outside this repo, record it under `backups:` in `.blast-radius.yml` with a reason.",
    helpUri: HELP_URI,
    precision: "high",
    tags: ["backup", "data-loss"],
    samples: {
      positive: [
        { files: { ".railway/railway.ts": RAILWAY_IAC, "package.json": '{ "name": "acme-api", "private": true }\n' }, expect: { path: ".railway/railway.ts", line: 4 }, note: "the incident: a Railway database whose backups live on its volume" },
        {
          files: {
            "docker-compose.prod.yml": `services:
  app:
    image: ghcr.io/acme/shop:latest
    env_file: .env.production
  db:
    image: postgres:16-alpine
    volumes:
      - pgdata:/var/lib/postgresql/data
  db-backup:
    image: prodrigestivill/postgres-backup-local:16
    environment:
      POSTGRES_HOST: db
      SCHEDULE: "@daily"
    volumes:
      - ./backups:/backups
volumes:
  pgdata:
`
          },
          expect: { path: "docker-compose.prod.yml", line: 5 },
          note: "a backup-local sidecar keeps dumps on the same server"
        },
        {
          files: {
            "scripts/bootstrap-railway.sh": `#!/usr/bin/env bash
# One-time setup of the Railway project.
set -euo pipefail
railway init --name tinyshop
railway add --database postgres
railway add --service web --repo tinyshop/web
railway variables --service web --set 'DATABASE_URL=\${{Postgres.DATABASE_URL}}'
`,
            "railway.toml": '[build]\nbuilder = "NIXPACKS"\n\n[deploy]\nstartCommand = "npm start"\n'
          },
          expect: { path: "scripts/bootstrap-railway.sh", line: 5 },
          note: "a Railway database created by a setup script"
        }
      ],
      negative: [
        { files: { ".railway/railway.ts": RAILWAY_IAC, ".github/workflows/backup.yml": OFFSITE_WORKFLOW }, note: "nightly pg_dump to Cloudflare R2 with a restore check" },
        { files: { "docker-compose.yml": "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n" }, note: "a local development compose file is not deployed" }
      ]
    }
  },
  {
    id: "missing-offprovider-backup/provider-only-backup",
    title: "Production store whose only backups are held by the same provider or account",
    severity: "high",
    why: "Snapshots, point-in-time recovery and vault copies kept by the provider, in the same account or project, go when the account is compromised, suspended or deleted, and some go with the resource itself (Supabase deletes a project's backups with the project; RDS deletes automated backups with the instance by default). An agent holding an account-wide token can remove the store and every copy in the same session.",
    fix: "Copy backups out of the blast radius: to another provider (a dump job uploading to R2/B2/GCS), or at least to another account with its own credentials (AWS Backup `copy_action` to a vault in a separate account, S3 replication with `account`). Record copies made outside the repo under `backups:` in `.blast-radius.yml`.",
    helpUri: "https://supabase.com/docs/guides/platform/backups",
    precision: "medium",
    tags: ["backup", "data-loss"],
    samples: {
      positive: [
        {
          files: {
            "render.yaml": `services:
  - type: web
    name: acme-api
    runtime: node
    buildCommand: npm ci && npm run build
    startCommand: node dist/server.js
    envVars:
      - key: DATABASE_URL
        fromDatabase:
          name: acme-db
          property: connectionString
databases:
  - name: acme-db
    plan: basic-1gb
    databaseName: acme
    user: acme
`
          },
          expect: { path: "render.yaml", line: 13 }
        },
        {
          files: {
            "infra/main.tf": `terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "prod/main.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 100
  backup_retention_period = 14
  deletion_protection     = true
  delete_automated_backups = false
  username                = "orders"
  manage_master_user_password = true

  lifecycle {
    prevent_destroy = true
  }
}
`
          },
          expect: { path: "infra/main.tf", line: 13 },
          note: "RDS automated backups only: same account"
        },
        {
          files: { "shop/settings/production.py": DJANGO_ON_SUPABASE },
          expect: { path: "shop/settings/production.py", line: 5 },
          note: "Django settings on the Supabase pooler: the project keeps its backups and deletes them with itself"
        },
        {
          files: { "deploy/production/db-secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: production\ntype: Opaque\ndata:\n  DATABASE_URL: cG9zdGdyZXM6Ly9vcmRlcnNfYXBwOlhyN3BRMnZMbTlLd1Q0ekJAb3JkZXJzLXByb2QuY2x1c3Rlci1jOWFrcTF6MngzeTQuZXUtd2VzdC0xLnJkcy5hbWF6b25hd3MuY29tOjU0MzIvb3JkZXJz\n" },
          expect: { path: "deploy/production/db-secret.yaml", line: 8 },
          note: "an RDS database named by a Kubernetes Secret, base64-encoded"
        }
      ],
      negative: [
        {
          files: { "shop/settings/production.py": DJANGO_ON_SUPABASE, ".github/workflows/backup.yml": OFFSITE_WORKFLOW },
          note: "the same database with an off-site dump job and a restore check"
        },
        {
          files: {
            "render.yaml": `databases:
  - name: acme-db
    plan: basic-1gb
`,
            ".github/workflows/backup.yml": OFFSITE_WORKFLOW
          },
          note: "Render Postgres with an off-site dump job and a restore check"
        },
        {
          files: {
            "examples/render.yaml": `databases:
  - name: example-db
    plan: basic-1gb
`
          },
          note: "example blueprints are not this repo's deployment"
        },
        {
          files: {
            "app.json": `{
  "name": "Pinboard",
  "description": "Self-hosted bookmarks",
  "repository": "https://github.com/pinboard-oss/pinboard",
  "logo": "https://pinboard-oss.github.io/logo.png",
  "addons": ["heroku-postgresql:essential-0"],
  "env": { "SECRET_KEY_BASE": { "generator": "secret" } }
}
`,
            Procfile: "web: bundle exec puma -C config/puma.rb\n"
          },
          note: "an app.json with Heroku Button metadata is a template for others"
        }
      ]
    }
  },
  {
    id: "missing-offprovider-backup/no-backup",
    title: "Production store with no backup at all",
    severity: "high",
    why: "Nothing copies this store: not the platform (a free Render database, a DynamoDB table without point-in-time recovery, a volume on a server) and not a job in the repo. Deleting it, by mistake or by an agent, is final.",
    fix: "Turn on the platform's backups and add a scheduled copy to another provider or account (pg_dump/mysqldump uploading to object storage elsewhere, restic or Litestream to R2/B2/S3), then restore it on a schedule. Record backups kept outside the repo under `backups:` in `.blast-radius.yml`.",
    precision: "medium",
    tags: ["backup", "data-loss"],
    samples: {
      positive: [
        {
          files: {
            "render.yaml": `databases:
  - name: shop-db
    plan: free
    databaseName: shop
`
          },
          expect: { path: "render.yaml", line: 2 },
          note: "free Render Postgres keeps no backups"
        },
        {
          files: {
            "deploy/docker-compose.yml": `services:
  web:
    image: ghcr.io/acme/crm:1.8.2
    ports: ["80:3000"]
    environment:
      DATABASE_URL: postgres://crm:crm@db:5432/crm
  db:
    image: postgres:15
    volumes:
      - /srv/crm/postgres:/var/lib/postgresql/data
`,
            ".github/workflows/deploy.yml": `name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Ship to the VPS
        uses: appleboy/ssh-action@v1.0.3
        with:
          host: \${{ secrets.VPS_HOST }}
          username: deploy
          key: \${{ secrets.VPS_SSH_KEY }}
          script: |
            cd /srv/crm
            git pull
            docker compose -f deploy/docker-compose.yml pull
            docker compose -f deploy/docker-compose.yml up -d
`
          },
          expect: { path: "deploy/docker-compose.yml", line: 7 },
          note: "a compose file the deploy workflow brings up on a server"
        }
      ],
      negative: [
        {
          files: {
            "docker-compose.test.yml": "services:\n  db:\n    image: postgres:16\n    tmpfs: [/var/lib/postgresql/data]\n",
            ".github/workflows/ci.yml": "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:16\n    steps:\n      - run: npm test\n"
          },
          note: "test databases are not production stores"
        }
      ]
    }
  },
  {
    id: "missing-offprovider-backup/backup-destination-unknown",
    title: "Production store backed up to a destination the repo does not show",
    severity: "low",
    why: "A backup job exists, but it uploads to a bucket, remote or repository held in a secret or variable, so nobody reading the repo can tell whether the copy survives losing the provider or account.",
    fix: "Name the destination in the repo (the bucket and endpoint, the restic repository), or record where the copies go under `backups:` in `.blast-radius.yml` with a reason.",
    precision: "medium",
    tags: ["backup"],
    samples: {
      positive: [
        {
          files: {
            "fly.toml": `app = "acme-notes"
primary_region = "ams"

[build]
  dockerfile = "Dockerfile"

[[mounts]]
  source = "notes_data"
  destination = "/data"
`,
            "litestream.yml": `dbs:
  - path: /data/notes.db
    replicas:
      - url: \${LITESTREAM_REPLICA_URL}
`
          },
          expect: { path: "fly.toml", line: 7 }
        }
      ],
      negative: [
        {
          files: {
            "fly.toml": `app = "acme-notes"
primary_region = "ams"

[[mounts]]
  source = "notes_data"
  destination = "/data"
`,
            "litestream.yml": `dbs:
  - path: /data/notes.db
    replicas:
      - type: s3
        bucket: acme-notes-litestream
        path: notes.db
        endpoint: https://s3.eu-central-003.backblazeb2.com
        validation-interval: 6h
`
          },
          note: "Litestream to Backblaze B2 with validation"
        },
        {
          files: {
            "fly.toml": `app = "acme-notes"
primary_region = "ams"

[[mounts]]
  source = "notes_data"
  destination = "/data"
`,
            "litestream.yml": `dbs:
  - path: /data/notes.db
    replicas:
      - type: s3
        bucket: acme-notes-litestream
        path: notes.db
        endpoint: https://\${CF_ACCOUNT_ID}.r2.cloudflarestorage.com
`
          },
          note: "the account id is a variable, but the host says Cloudflare R2"
        }
      ]
    }
  },
  {
    id: "missing-offprovider-backup/backup-not-visible",
    title: "Deployed app whose database has no backup visible in the repo",
    severity: "medium",
    why: "The app is deployed and its ORM or framework config expects a database, but the repo shows neither where that database runs nor any backup of it. If the backups live only in a dashboard, nobody reviewing the repo, and no agent guardrail, can see whether they would survive.",
    fix: "Declare the database where it is provisioned (IaC or platform config) and add an off-provider backup job, or record the backup that exists outside the repo under `backups:` in `.blast-radius.yml` with a reason.",
    precision: "low",
    tags: ["backup"],
    samples: {
      positive: [
        {
          files: {
            "prisma/schema.prisma": `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    String @id @default(cuid())
  email String @unique
}
`,
            "vercel.json": '{ "framework": "nextjs" }\n'
          },
          expect: { path: "prisma/schema.prisma", line: 5 }
        }
      ],
      negative: [
        {
          files: {
            "prisma/schema.prisma": `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
`
          },
          note: "nothing shows the app deployed (a library or a template)"
        },
        {
          files: {
            "prisma/schema.prisma": `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
`,
            "vercel.json": '{ "framework": "nextjs" }\n',
            ".blast-radius.yml": "backups:\n  - store: postgres\n    reason: Neon project acme-prod is exported nightly to GCS by the platform team (runbook OPS-112)\n"
          },
          note: "a backup recorded outside the repo"
        }
      ]
    }
  }
];

// detectors/missing-offprovider-backup/rules/restore.ts
var FLY2 = `app = "acme-notes"
primary_region = "ams"

[[mounts]]
  source = "notes_data"
  destination = "/data"
`;
var LITESTREAM = `dbs:
  - path: /data/notes.db
    replicas:
      - type: s3
        bucket: acme-notes-litestream
        path: notes.db
        endpoint: https://s3.eu-central-003.backblazeb2.com
`;
var DRILL = `name: Restore drill
on:
  schedule:
    - cron: "0 6 * * 1"
jobs:
  restore:
    runs-on: ubuntu-latest
    steps:
      - run: curl -fsSL https://github.com/benbjohnson/litestream/releases/download/v0.3.13/litestream-v0.3.13-linux-amd64.tar.gz | tar xz
      - run: ./litestream restore -o restored.db s3://acme-notes-litestream/notes.db
      - run: sqlite3 restored.db "PRAGMA integrity_check; select count(*) from notes;"
`;
var restoreRules = [
  {
    id: "missing-offprovider-backup/restore-never-tested",
    title: "Backups exist but no restore is ever tested",
    severity: "low",
    why: "A backup nobody has restored is a hope: dumps that are empty, truncated, encrypted with a lost key or missing a schema are found out on the day they are needed. In the incident the newest recoverable copy turned out to be three months old.",
    fix: "Add a scheduled job that fetches the latest backup, restores it into a scratch database (a CI service container, a throwaway cluster) and checks it (row counts, `pg_restore --list`, `PRAGMA integrity_check`); Litestream `validation-interval` and borgmatic `checks: [extract]` also count.",
    precision: "medium",
    tags: ["backup"],
    samples: {
      positive: [{ files: { "fly.toml": FLY2, "litestream.yml": LITESTREAM }, expect: { path: "fly.toml", line: 4 } }],
      negative: [{ files: { "fly.toml": FLY2, "litestream.yml": LITESTREAM, ".github/workflows/restore-drill.yml": DRILL }, note: "a weekly restore drill" }]
    }
  }
];

// detectors/missing-offprovider-backup/index.ts
var DATA_EXTENSIONS = /\.(ya?ml|json|jsonc|toml|tf|ini|cfg|conf|properties|env)$/i;
var PROGRAM_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs|py)$/i;
var SKIPPED_NAME = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|tsconfig[\w.-]*\.json|\.eslintrc[\w.]*|\.prettierrc[\w.]*|renovate\.json|dependabot\.ya?ml|\.pre-commit-config\.ya?ml|mkdocs\.ya?ml|codecov\.ya?ml|\.golangci\.ya?ml|pubspec\.ya?ml|CITATION\.cff)$/i;
var LOCALE = /(^|\/)(locales?|i18n|lang|translations?)\//i;
var TYPE_DECLARATIONS = /\.d\.ts$|\.(test|spec)\.[cm]?[jt]sx?$|\.min\.js$/i;
function isScriptFile(path2) {
  const name = fileNameOf(path2).toLowerCase();
  if (/(^|\/)(bin|scripts?|ops|tools|cron)\/[^/.]+$/.test(path2)) return true;
  return /\.(sh|bash|zsh)$/.test(name) || name === "makefile" || name.endsWith(".mk") || name === "justfile" || name === "procfile" || /crontab|\.cron$/.test(name) || /(^|\/)cron\.d\//.test(path2) || name === "dockerfile" || name.startsWith("dockerfile.") || name.endsWith(".dockerfile");
}
function isReadme(path2) {
  return /^readme(\.[\w-]+)?\.(md|mdx|rst|txt)$/i.test(path2);
}
function isPulumiStack(path2) {
  return /(^|\/)Pulumi\.[\w-]+\.ya?ml$/.test(path2);
}
var lastStructuralPath;
var lastStructural = false;
function isStructural(path2) {
  if (path2 !== lastStructuralPath) {
    lastStructural = isStructuralUncached(path2);
    lastStructuralPath = path2;
  }
  return lastStructural;
}
function isStructuralUncached(path2) {
  return isRenderBlueprint(path2) || isFlyConfig(path2) || isHerokuConfig(path2) || isSupabaseConfig(path2) || isComposeFile(path2) || isKamalConfig(path2) || isPulumiStack(path2) || isRailwayIac(path2) || isLitestreamConfig(path2) || isPgbackrestConfig(path2) || isBarmanConfig(path2) || isRcloneConfig(path2) || isBorgmaticConfig(path2) || isAutoresticConfig(path2) || isTerraform(path2) || deployPlatformOfPath(path2) !== void 0;
}
var HOSTED_MARKERS = [
  "rds.amazonaws",
  "supabase",
  "neon.tech",
  "psdb.cloud",
  "railway",
  "rlwy.net",
  "render.com",
  "dpg-",
  "flycast",
  "fly.dev",
  ".internal",
  "mongodb.net",
  "ondigitalocean",
  "database.azure",
  "database.windows",
  "cockroachlabs",
  "aivencloud",
  "turso.io",
  "xata.sh",
  "timescale",
  "database_",
  "pghost",
  "pgdatabase",
  "postgres",
  "mysql",
  "mongo"
];
var KEYWORDS = [
  // Connection strings and hosts of hosted databases.
  ...HOSTED_MARKERS,
  "mariadb",
  "sqlserver",
  "libsql",
  // Infrastructure code and manifests.
  "AWS::",
  "aws-cdk-lib",
  "@aws-cdk/",
  "aws_cdk",
  "@pulumi/",
  "pulumi",
  "StatefulSet",
  "PersistentVolume",
  "StorageClass",
  "CronJob",
  "Deployment",
  "cnpg.io",
  "zalan.do",
  "crunchydata",
  "velero.io",
  "snapscheduler",
  "postgres-operator",
  "defineRailway",
  // Backups and restores.
  "backup",
  "pg_dump",
  "pg_basebackup",
  "mysqldump",
  "mariadb-dump",
  "mongodump",
  "sqlite3",
  "restic",
  "borg",
  "rclone",
  "wal-g",
  "walg_",
  "wale_",
  "barman",
  "pgbackrest",
  "litestream",
  "pg_restore",
  "mongorestore",
  "pg:backups",
  "db dump",
  "kopia",
  // Deploys.
  "fly deploy",
  "flyctl",
  "railway up",
  "vercel",
  "netlify",
  "kamal",
  "heroku",
  "dokku",
  "kubectl",
  "helm ",
  "serverless",
  "sls deploy",
  "cdk deploy",
  "terraform apply",
  "gcloud",
  "docker compose",
  "docker-compose",
  "docker stack",
  "ssh-action",
  "ssh ",
  // ORMs and framework database configs.
  "datasource",
  "dialect",
  "DataSource",
  "adapter",
  "django.db.backends",
  "dj_database_url",
  "typeorm",
  // Client packages of hosted databases.
  "@neondatabase",
  "@planetscale",
  "@vercel/postgres",
  "@libsql",
  "@xata.io",
  // Deploy buttons.
  "render.com/deploy",
  "heroku.com/deploy",
  "railway.app",
  "railway.com",
  "vercel.com/new",
  "netlify.com/start",
  "digitalocean.com/apps",
  "deploytodo",
  "koyeb.com/deploy",
  "zeabur.com",
  "deploy.cloud.run"
];
var missingOffproviderBackup = {
  id: "missing-offprovider-backup",
  rules: [...protectionRules, ...destructiveRules, ...restoreRules],
  keywords: KEYWORDS,
  produces: ["data-store", "backup-evidence", "store-context"],
  consumes: ["data-store", "backup-evidence", "store-context"],
  admits(file) {
    if (file.gitIgnored) return false;
    const path2 = file.path;
    if (SKIPPED_NAME.test(fileNameOf(path2)) || LOCALE.test(path2)) return false;
    if (PROGRAM_EXTENSIONS.test(path2) && !TYPE_DECLARATIONS.test(path2)) return true;
    if (isReadme(path2) || isScriptFile(path2) || isStructural(path2) || fileNameOf(path2).endsWith(".prisma")) return true;
    if (/(^|\/)\.env(\.[\w.-]+)?$|\.env$/i.test(path2)) return true;
    return DATA_EXTENSIONS.test(path2);
  },
  admitsWithoutKeywords(file) {
    return isStructural(file.path);
  },
  scanFile(file, out) {
    const inventory = new Inventory(file, out);
    const path2 = file.path;
    const name = fileNameOf(path2).toLowerCase();
    if (isReadme(path2)) {
      scanReadme(inventory);
      return;
    }
    if (deployPlatformOfPath(path2)) scanDeployFile(inventory);
    if (isRailwayIac(path2)) {
      scanRailwayIac(inventory);
      return;
    }
    if (isScriptFile(path2)) {
      scanScriptFile(inventory);
      return;
    }
    if (name.endsWith(".prisma")) {
      scanOrm(inventory);
      return;
    }
    if (isTerraform(path2)) {
      scanTerraform2(inventory);
      return;
    }
    if (file.format === "typescript" || file.format === "javascript" || file.format === "python") {
      scanProgramFile(inventory, file);
      return;
    }
    scanDataFile(inventory, file);
  },
  finish(context) {
    assess(context);
  }
};
function scanProgramFile(inventory, file) {
  if (isOrmConfig(file.path)) {
    scanOrm(inventory);
    if (file.format === "python") return;
  }
  const imports = file.format === "python" ? /^\s*(from|import)\s+(aws_cdk|pulumi)/m : /(from|require\()\s*['"](aws-cdk-lib|@aws-cdk\/|@pulumi\/)/;
  if ((file.hasKeyword("aws-cdk-lib") || file.hasKeyword("@aws-cdk/") || file.hasKeyword("@pulumi/") || file.hasKeyword("aws_cdk") || file.hasKeyword("pulumi")) && imports.test(file.text)) {
    scanProgram(inventory);
  }
  if (file.hasKeyword("typeorm") && file.hasKeyword("DataSource") && file.format !== "python") scanTypeormSource(inventory);
  if (file.hasKeyword("supabase") && !isTestOnlyPath(file.path)) {
    for (const match of file.text.matchAll(/https:\/\/([a-z]{20})\.supabase\.co\b/g)) {
      inventory.context({ kind: "supabase-hosted", name: match[1], value: "url", location: inventory.line(file.positionAt(match.index).line) });
    }
  }
}
function scanDataFile(inventory, file) {
  const path2 = file.path;
  const name = fileNameOf(path2).toLowerCase();
  if (isGithubWorkflow(path2)) {
    scanGithubWorkflow(inventory);
    return;
  }
  if (isGitlabCi(path2)) {
    scanGitlabCi2(inventory);
    return;
  }
  if (name === "package.json") {
    scanPackages(inventory);
    scanPackageScripts(inventory);
    return;
  }
  if (isPulumiStack(path2)) {
    const stack = /Pulumi\.([\w-]+)\.ya?ml$/.exec(path2)?.[1];
    inventory.context({ kind: "pulumi-stack", directory: directoryOf2(path2), name: stack, location: inventory.line(1) });
    return;
  }
  if (isLitestreamConfig(path2)) return scanLitestream(inventory);
  if (isPgbackrestConfig(path2)) return scanPgbackrest(inventory);
  if (isBarmanConfig(path2)) return scanBarman(inventory);
  if (isRcloneConfig(path2)) return scanRcloneConfig(inventory);
  if (isBorgmaticConfig(path2)) return scanBorgmatic(inventory);
  if (isAutoresticConfig(path2)) return scanAutorestic(inventory);
  if (isResticprofileConfig(path2) && file.hasKeyword("restic")) return scanResticprofile(inventory);
  if (isRenderBlueprint(path2)) scanRender2(inventory);
  else if (isFlyConfig(path2)) scanFly2(inventory);
  else if (isHerokuConfig(path2)) scanHeroku(inventory);
  else if (isSupabaseConfig(path2)) scanSupabaseConfig2(inventory);
  else if (isComposeFile(path2)) scanCompose(inventory);
  else if (isKamalConfig(path2)) scanKamal(inventory);
  else if (isOrmConfig(path2)) scanOrm(inventory);
  else if (file.format === "yaml" && isHelmTemplate(path2, file.text)) return;
  else if (file.format === "yaml" && looksLikeKubernetes(file.text)) scanKubernetes(inventory);
  else if ((file.format === "yaml" || file.format === "json") && (file.hasKeyword("AWS::") || file.hasKeyword("serverless")) && /\bResources\b/.test(file.text)) {
    const document = file.data();
    if (document?.roots.some((root) => cloudFormationResources(root))) scanCloudFormation(inventory);
  }
  if (file.hasKeyword("walg_") || file.hasKeyword("wale_")) scanWalgSettings(inventory);
  if (file.format === "dotenv" || file.format === "properties" || file.format === "yaml" || file.format === "json" || file.format === "toml" || file.format === "ini") {
    if (!HOSTED_MARKERS.some((marker) => file.hasKeyword(marker))) return;
    scanConnections(inventory);
  }
}

// knowledge/agents/launch-flags.ts
var CODEX = /(?:^|[\s;&|('"`/])(?:codex|@openai\/codex)(?=[\s'"`]|$)/;
var GEMINI = /(?:^|[\s;&|('"`/])(?:gemini|@google\/gemini-cli)(?=[\s'"`]|$)/;
var CURSOR = /(?:^|[\s;&|('"`/])cursor-agent(?=[\s'"`]|$)/;
var COPILOT = /(?:^|[\s;&|('"`/])(?:copilot|@github\/copilot)(?=[\s'"`]|$)/;
var OPENCODE = /(?:^|[\s;&|('"`/])opencode(?=[\s'"`]|$)/;
var AIDER = /(?:^|[\s;&|('"`/])aider(?=[\s'"`]|$)/;
var LAUNCH_FLAGS = [
  { agent: "claude-code", flag: /--dangerously-skip-permissions\b/, grant: "bypass-mode", lets: "run every tool, shell included," },
  { agent: "claude-code", flag: /--permission-mode[=\s]+["']?bypassPermissions\b/, grant: "bypass-mode", lets: "run every tool, shell included," },
  { agent: "codex", flag: /--dangerously-bypass-approvals-and-sandbox\b/, grant: "bypass-mode", lets: "run every command, outside any sandbox," },
  { agent: "codex", flag: /--yolo\b/, command: CODEX, grant: "bypass-mode", lets: "run every command, outside any sandbox," },
  { agent: "codex", flag: /(?:--sandbox|-s)[=\s]+["']?danger-full-access\b/, command: CODEX, grant: "bypass-mode", lets: "run commands outside the sandbox" },
  // The same setting through a config override: `-c sandbox_mode=danger-full-access`, `--config sandbox_mode="…"`.
  { agent: "codex", flag: /(?:-c|--config)[=\s]+["']?sandbox_mode\s*=\s*["']?danger-full-access\b/, command: CODEX, grant: "bypass-mode", lets: "run commands outside the sandbox" },
  { agent: "gemini-cli", flag: /--approval-mode[=\s]+["']?yolo\b/, grant: "bypass-mode", lets: "run every tool, shell included," },
  { agent: "gemini-cli", flag: /--yolo\b|(?<=\s)-y(?=\s|$)/, command: GEMINI, grant: "bypass-mode", lets: "run every tool, shell included," },
  { agent: "cursor", flag: /--force\b|--yolo\b|(?<=\s)-f(?=\s|$)/, command: CURSOR, grant: "bypass-mode", lets: "run every command not explicitly denied" },
  { agent: "copilot", flag: /--allow-all-tools\b/, grant: "bypass-mode", lets: "run every tool, shell included," },
  { agent: "copilot", flag: /--allow-all\b|--yolo\b/, command: COPILOT, grant: "bypass-mode", lets: "run every tool, shell included," },
  { agent: "amazon-q", flag: /--trust-all-tools\b/, grant: "bypass-mode", lets: "run every tool, shell and AWS calls included," },
  // Trusting its shell tool by name is trusting every command: `q chat --trust-tools=execute_bash,use_aws`.
  { agent: "amazon-q", flag: /--trust-tools[=\s]+["']?[\w,]*\bexecute_bash\b/, grant: "bypass-mode", lets: "run every shell command" },
  // Copilot CLI's `--allow-tool shell` (no command in parentheses) lets every shell command through.
  { agent: "copilot", flag: /--allow-tool[=\s]+["']?shell(?=["']?(?:\s|$))/, command: COPILOT, grant: "bypass-mode", lets: "run every shell command" },
  { agent: "amp", flag: /--dangerously-allow-all\b/, grant: "bypass-mode", lets: "run every tool, shell included," },
  { agent: "opencode", flag: /--auto\b/, command: OPENCODE, grant: "bypass-mode", lets: "run every tool not explicitly denied" },
  { agent: "aider", flag: /--yes-always\b/, command: AIDER, grant: "file-write", lets: "add files, apply edits and commit" }
];
var CLAUDE_ALLOWED_TOOLS = /(?:--allowedTools|--allowed-tools|\ballowed_tools\s*:)[=\s]*(?:"([^"]*)"|'([^']*)'|(\S+))/g;
var COPILOT_ALLOWED_TOOL = /--allow-tool[=\s]+["']?shell\(([^)]*)\)["']?/g;
var COPILOT_COMMAND = COPILOT;
var LAUNCH_KEYWORDS = [
  "dangerously",
  "bypasspermissions",
  "--yolo",
  "approval-mode",
  "danger-full-access",
  "cursor-agent",
  "--allow-all",
  "--trust-all-tools",
  "--yes-always",
  "allowedtools",
  "allowed-tools",
  "allowed_tools",
  "opencode",
  "sandbox_mode",
  "gemini",
  "trust-tools",
  "allow-tool"
];

// knowledge/agents/agents.ts
var anchored = (path2) => `/${path2}`;
var AGENTS = [
  {
    id: "claude-code",
    title: "Claude Code",
    instructionFiles: [/(^|\/)CLAUDE(\.local)?\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `add "Read(./${path2})" to permissions.deny in .claude/settings.json`,
    commandDeny: { where: "permissions.deny of .claude/settings.json", rule: (command) => `"Bash(${command}:*)"` },
    reference: "https://code.claude.com/docs/en/permissions"
  },
  {
    id: "cursor",
    title: "Cursor",
    instructionFiles: [/^\.cursorrules$/, /(^|\/)\.cursor\/rules\/.+\.mdc?$/],
    ignoreFiles: [".cursorignore"],
    builtInExclusions: [".env", ".env.*"],
    skipsGitIgnored: true,
    exclusionFix: (path2) => `list ${anchored(path2)} in .cursorignore`,
    commandDeny: { where: "permissions.deny of .cursor/cli.json", rule: (command) => `"Shell(${command.split(" ")[0]})"` },
    reference: "https://cursor.com/docs/reference/ignore-file"
  },
  {
    id: "codex",
    title: "Codex",
    instructionFiles: [/(^|\/)AGENTS(\.override)?\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    commandDeny: { where: ".codex/rules/default.rules", rule: (command) => `prefix_rule(pattern=[${command.split(" ").map((word) => `"${word}"`).join(", ")}], decision="forbidden")` },
    reference: "https://github.com/openai/codex/issues/85"
  },
  {
    id: "copilot",
    title: "GitHub Copilot agent",
    instructionFiles: [/^\.github\/copilot-instructions\.md$/, /^\.github\/instructions\/.+\.instructions\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    commandDeny: { where: '"chat.tools.terminal.autoApprove" of .vscode/settings.json', rule: (command) => `"${command}": false` },
    reference: "https://docs.github.com/en/copilot/concepts/context/content-exclusion"
  },
  {
    id: "gemini-cli",
    title: "Gemini CLI",
    instructionFiles: [/(^|\/)GEMINI\.md$/],
    ignoreFiles: [".geminiignore"],
    builtInExclusions: [],
    skipsGitIgnored: true,
    exclusionFix: (path2) => `list ${anchored(path2)} in .geminiignore`,
    commandDeny: { where: "tools.exclude of .gemini/settings.json", rule: (command) => `"run_shell_command(${command})"` },
    reference: "https://geminicli.com/docs/cli/gemini-ignore"
  },
  {
    id: "gemini-code-assist",
    title: "Gemini Code Assist",
    instructionFiles: [],
    ignoreFiles: [".aiexclude"],
    builtInExclusions: [],
    skipsGitIgnored: true,
    exclusionFix: (path2) => `list ${anchored(path2)} in .aiexclude`,
    reference: "https://developers.google.com/gemini-code-assist/docs/create-aiexclude-file"
  },
  {
    id: "windsurf",
    title: "Windsurf",
    instructionFiles: [/^\.windsurfrules$/, /^\.windsurf\/rules\/.+\.md$/],
    ignoreFiles: [".codeiumignore", ".windsurfignore"],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `list ${anchored(path2)} in .codeiumignore`,
    commandDeny: { where: "windsurf.cascadeCommandsDenyList", rule: (command) => `"${command}"` },
    reference: "https://docs.windsurf.com/context-awareness/windsurf-ignore"
  },
  {
    id: "cline",
    title: "Cline",
    instructionFiles: [/^\.clinerules$/, /^\.clinerules\/.+\.md$/],
    ignoreFiles: [".clineignore"],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `list ${anchored(path2)} in .clineignore`,
    reference: "https://docs.cline.bot/features/cline-rules"
  },
  {
    id: "roo-code",
    title: "Roo Code",
    instructionFiles: [/^\.roorules$/, /^\.roo\/rules(-[\w-]+)?\/.+\.md$/],
    ignoreFiles: [".rooignore"],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `list ${anchored(path2)} in .rooignore`,
    commandDeny: { where: "roo-cline.deniedCommands of .vscode/settings.json", rule: (command) => `"${command}"` },
    reference: "https://docs.roocode.com/features/rooignore"
  },
  {
    id: "kilo-code",
    title: "Kilo Code",
    instructionFiles: [/^\.kilocode\/rules\/.+\.md$/],
    ignoreFiles: [".kilocodeignore"],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `list ${anchored(path2)} in .kilocodeignore`,
    commandDeny: { where: "kilo-code.deniedCommands of .vscode/settings.json", rule: (command) => `"${command}"` },
    reference: "https://kilocode.ai/docs"
  },
  {
    id: "aider",
    title: "Aider",
    instructionFiles: [],
    ignoreFiles: [".aiderignore"],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `list ${anchored(path2)} in .aiderignore`,
    reference: "https://aider.chat/docs/config/options.html"
  },
  {
    id: "continue",
    title: "Continue",
    instructionFiles: [/^\.continue\/rules\/.+\.md$/],
    ignoreFiles: [],
    // core/indexing/ignore.ts: files its tools refuse outright as a security concern.
    builtInExclusions: [
      "*.env",
      ".env",
      ".env.*",
      "config.json",
      "config.yaml",
      "config.yml",
      "settings.json",
      "appsettings*.json",
      "*.pem",
      "*.key",
      "*.crt",
      "*.cer",
      "*.p12",
      "*.pfx",
      "*.keystore",
      "*.jks",
      "*.db",
      "*.sqlite",
      "*.secret",
      "*.secrets",
      "auth.json",
      "*.token",
      "id_rsa",
      "id_rsa.*",
      "id_ed25519",
      "id_ed25519.*",
      "*.bak",
      "*.old",
      ".aws/",
      ".gcp/",
      ".azure/",
      ".kube/",
      ".docker/",
      ".ssh/",
      "secrets/",
      "private/",
      "certs/",
      "keys/"
    ],
    skipsGitIgnored: false,
    reference: "https://github.com/continuedev/continue/blob/main/core/indexing/ignore.ts"
  },
  {
    id: "amazon-q",
    title: "Amazon Q Developer",
    instructionFiles: [/^\.amazonq\/rules\/.+\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `add "${path2}" to toolsSettings.fs_read.deniedPaths in .amazonq/cli-agents/<agent>.json`,
    commandDeny: { where: "toolsSettings.execute_bash.deniedCommands of .amazonq/cli-agents/<agent>.json", rule: (command) => `"${command} .*"` },
    reference: "https://github.com/aws/amazon-q-developer-cli/blob/main/docs/built-in-tools.md"
  },
  {
    id: "kiro",
    title: "Kiro",
    instructionFiles: [/^\.kiro\/steering\/.+\.md$/],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    reference: "https://kiro.dev/docs/"
  },
  {
    id: "zed",
    title: "Zed agent",
    instructionFiles: [/^\.rules$/],
    ignoreFiles: [],
    // The `private_files` default; a `private_files` key in settings replaces it.
    builtInExclusions: ["**/.env*", "**/*.pem", "**/*.key", "**/*.cert", "**/*.crt", "**/secrets.yml"],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `add "${path2}" to private_files in .zed/settings.json (it replaces the defaults, keep them)`,
    reference: "https://zed.dev/docs/ai/tool-permissions"
  },
  {
    id: "junie",
    title: "JetBrains Junie",
    instructionFiles: [/^\.junie\/guidelines\.md$/],
    ignoreFiles: [".aiignore"],
    builtInExclusions: [],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `list ${anchored(path2)} in .aiignore`,
    reference: "https://www.jetbrains.com/help/junie/aiignore.html"
  },
  {
    id: "amp",
    title: "Amp",
    instructionFiles: [],
    ignoreFiles: [],
    builtInExclusions: [],
    skipsGitIgnored: false,
    commandDeny: { where: "amp.permissions of .amp/settings.json", rule: (command) => `{ "tool": "Bash", "action": "reject", "matches": { "cmd": "${command} *" } }` },
    reference: "https://ampcode.com/manual"
  },
  {
    id: "opencode",
    title: "OpenCode",
    instructionFiles: [],
    ignoreFiles: [],
    // permission.read asks a human before `*.env` files (example files excepted).
    builtInExclusions: ["*.env", "*.env.*", "!*.env.example"],
    skipsGitIgnored: false,
    exclusionFix: (path2) => `set "permission": { "read": { "${path2}": "deny" } } in opencode.json`,
    commandDeny: { where: "permission.bash of opencode.json", rule: (command) => `"${command} *": "deny"` },
    reference: "https://opencode.ai/docs/permissions"
  }
];
var BY_ID2 = new Map(AGENTS.map((agent) => [agent.id, agent]));
function agentKnowledge(id) {
  return BY_ID2.get(id);
}
function agentTitle(id) {
  return BY_ID2.get(id)?.title ?? id;
}
function agentsInstructedBy(path2) {
  return AGENTS.filter((agent) => agent.instructionFiles.some((test) => test.test(path2))).map((agent) => agent.id);
}
function agentOfIgnoreFile(path2) {
  const name = path2.slice(path2.lastIndexOf("/") + 1);
  return AGENTS.find((agent) => agent.ignoreFiles.includes(name))?.id;
}
var IGNORE_FILE_NAMES = new Set(AGENTS.flatMap((agent) => agent.ignoreFiles));

// knowledge/agents/commands.ts
var ANY_PROBES = [
  { command: "zqx-unlisted-tool --any-flag", class: "any", tool: "*", does: "runs any command" }
];
var INTERPRETER_PROBES = [
  ['bash -c "exit 0"', "bash"],
  ['sh -c "exit 0"', "sh"],
  ['zsh -c "exit 0"', "zsh"],
  ['python -c "print(1)"', "python"],
  ['python3 -c "print(1)"', "python3"],
  ['node -e "1"', "node"],
  ['deno eval "1"', "deno"],
  ['bun -e "1"', "bun"],
  ['ruby -e "1"', "ruby"],
  ['perl -e "1"', "perl"],
  ["npx zqx-unlisted-package", "npx"],
  ["bunx zqx-unlisted-package", "bunx"],
  ["pnpm dlx zqx-unlisted-package", "pnpm dlx"],
  ["uvx zqx-unlisted-package", "uvx"],
  ['eval "$COMMAND"', "eval"],
  ["sudo zqx-unlisted-tool", "sudo"],
  ["xargs zqx-unlisted-tool", "xargs"],
  ["env zqx-unlisted-tool", "env"],
  ['pwsh -Command "exit 0"', "pwsh"],
  ['powershell -Command "exit 0"', "powershell"]
].map(([command, tool]) => ({ command, class: "interpreter", tool, does: `${tool} runs any program` }));
function destructive(command, tool, domain, does) {
  return { command, class: "destructive", tool, domain, does };
}
var DESTRUCTIVE_PROBES = [
  destructive("rm -rf ./data", "rm", "files", "deletes files and directories"),
  destructive("rm -rf /", "rm", "files", "deletes files and directories"),
  destructive("railway volume delete --volume data", "railway", "data", "deletes Railway volumes, services and projects"),
  destructive("railway down -y", "railway", "infrastructure", "removes Railway deployments"),
  destructive("railway delete -y", "railway", "infrastructure", "deletes Railway projects"),
  destructive("terraform destroy -auto-approve", "terraform", "infrastructure", "destroys Terraform-managed infrastructure"),
  destructive("terraform apply -auto-approve", "terraform", "infrastructure", "applies (and can destroy) Terraform-managed infrastructure"),
  destructive("tofu destroy -auto-approve", "tofu", "infrastructure", "destroys OpenTofu-managed infrastructure"),
  destructive("pulumi destroy --yes", "pulumi", "infrastructure", "destroys Pulumi stacks"),
  destructive("pulumi up --yes", "pulumi", "infrastructure", "applies (and can replace) Pulumi stacks"),
  destructive("kubectl delete namespace production", "kubectl", "infrastructure", "deletes Kubernetes resources"),
  destructive("helm uninstall api --namespace production", "helm", "infrastructure", "uninstalls Helm releases"),
  destructive("aws s3 rm s3://acme-backups --recursive", "aws", "data", "deletes AWS resources (S3 objects, RDS instances)"),
  destructive("aws rds delete-db-instance --db-instance-identifier acme-prod --skip-final-snapshot", "aws", "data", "deletes AWS resources (S3 objects, RDS instances)"),
  destructive("gcloud sql instances delete acme-prod --quiet", "gcloud", "data", "deletes Google Cloud resources"),
  destructive("gsutil rm -r gs://acme-backups", "gsutil", "data", "deletes Cloud Storage objects"),
  destructive("az group delete --name acme-prod --yes", "az", "infrastructure", "deletes Azure resource groups"),
  destructive("doctl databases delete 9cc10173 --force", "doctl", "data", "deletes DigitalOcean resources"),
  destructive("fly volumes destroy vol_9cc10173 --yes", "fly", "data", "destroys Fly.io volumes and apps"),
  destructive("flyctl volumes destroy vol_9cc10173 --yes", "flyctl", "data", "destroys Fly.io volumes and apps"),
  destructive("heroku pg:reset DATABASE_URL --confirm acme", "heroku", "data", "resets Heroku databases and destroys apps"),
  destructive("heroku apps:destroy acme --confirm acme", "heroku", "infrastructure", "resets Heroku databases and destroys apps"),
  destructive("vercel remove acme --yes", "vercel", "infrastructure", "removes Vercel deployments and projects"),
  destructive("netlify sites:delete acme --force", "netlify", "infrastructure", "deletes Netlify sites"),
  destructive("supabase db reset --linked", "supabase", "data", "resets the linked Supabase database"),
  destructive("supabase projects delete abcdefghijklmnopqrst", "supabase", "infrastructure", "deletes Supabase projects"),
  destructive("neonctl projects delete acme", "neonctl", "data", "deletes Neon projects and branches"),
  destructive('psql "$DATABASE_URL" -c "DROP TABLE users"', "psql", "data", "runs any SQL, DROP included"),
  destructive('mysql -e "DROP DATABASE app"', "mysql", "data", "runs any SQL, DROP included"),
  destructive('mongosh "$MONGODB_URI" --eval "db.dropDatabase()"', "mongosh", "data", "runs any database command, drops included"),
  destructive("redis-cli FLUSHALL", "redis-cli", "data", "flushes Redis"),
  destructive("dropdb app", "dropdb", "data", "drops a PostgreSQL database"),
  destructive('wrangler d1 execute acme-prod --remote --command "DROP TABLE users"', "wrangler", "data", "runs SQL on D1 and deletes Workers"),
  destructive("wrangler delete", "wrangler", "infrastructure", "runs SQL on D1 and deletes Workers"),
  destructive("firebase firestore:delete --all-collections --force", "firebase", "data", "deletes Firestore data"),
  destructive("prisma migrate reset --force", "prisma migrate reset", "migration", "drops and recreates the database"),
  destructive("npx prisma migrate reset --force", "prisma migrate reset", "migration", "drops and recreates the database"),
  destructive("npx prisma db push --force-reset", "prisma db push --force-reset", "migration", "drops and recreates the database"),
  destructive("bin/rails db:drop", "rails db:drop", "migration", "drops the database"),
  destructive("rails db:drop", "rails db:drop", "migration", "drops the database"),
  destructive("php artisan migrate:fresh --force", "artisan migrate:fresh", "migration", "drops every table"),
  destructive("drizzle-kit push --force", "drizzle-kit push", "migration", "applies schema changes to the database, drops included"),
  destructive("rm -r ./data", "rm", "files", "deletes files and directories"),
  destructive("rm -f ./data/app.db", "rm", "files", "deletes files and directories"),
  destructive("sudo rm -rf ./data", "rm", "files", "deletes files and directories"),
  destructive("helm delete api --namespace production", "helm", "infrastructure", "uninstalls Helm releases"),
  destructive("aws s3 rb s3://acme-backups --force", "aws", "data", "deletes AWS resources (S3 objects, RDS instances)"),
  destructive("aws dynamodb delete-table --table-name orders", "aws", "data", "deletes AWS resources (S3 objects, RDS instances)"),
  destructive("gcloud compute instances delete acme-prod --quiet", "gcloud", "infrastructure", "deletes Google Cloud resources"),
  destructive("fly apps destroy acme --yes", "fly", "infrastructure", "destroys Fly.io volumes and apps"),
  destructive("flyctl apps destroy acme --yes", "flyctl", "infrastructure", "destroys Fly.io volumes and apps"),
  destructive("turso db destroy acme --yes", "turso", "data", "destroys Turso databases"),
  destructive('psql -h db.acme.io -c "DROP TABLE users"', "psql", "data", "runs any SQL, DROP included"),
  destructive("dd if=/dev/zero of=/dev/sda", "dd", "files", "overwrites disks"),
  destructive("mkfs.ext4 /dev/sda1", "mkfs", "files", "formats disks"),
  destructive("shred -u ./data/app.db", "shred", "files", "destroys files"),
  // The incident's call: one authenticated HTTP request to the provider's API.
  { ...destructive('curl -X DELETE https://api.example.invalid/v1/volumes/vol_1 -H "Authorization: Bearer $TOKEN"', "curl", "infrastructure", "sends any HTTP request, provider API deletes included"), needsCredential: true },
  { ...destructive("wget --method=DELETE https://api.example.invalid/v1/volumes/vol_1", "wget", "infrastructure", "sends any HTTP request, provider API deletes included"), needsCredential: true }
];
var PACKAGE_CLIS = /* @__PURE__ */ new Set(["supabase", "wrangler", "prisma", "railway", "vercel", "netlify", "firebase", "neonctl", "drizzle-kit"]);
var PACKAGE_RUNNERS = ["npx", "npx -y", "pnpm", "pnpm exec", "pnpm dlx", "yarn", "yarn dlx", "bunx", "bunx --bun", "bun x", "npm exec --"];
var RUNNER_PROBES = DESTRUCTIVE_PROBES.flatMap((probe) => {
  const program = probe.command.split(" ")[0];
  if (!PACKAGE_CLIS.has(program)) return [];
  return PACKAGE_RUNNERS.map((runner) => ({ ...probe, command: `${runner} ${probe.command}` }));
});
var RUNNER_INTERPRETERS = [
  ["npm exec zqx-unlisted-package", "npm exec"],
  ["yarn dlx zqx-unlisted-package", "yarn dlx"],
  ["uv run zqx-unlisted-tool", "uv run"],
  ["pipx run zqx-unlisted-package", "pipx run"]
].map(([command, tool]) => ({ command, class: "interpreter", tool, does: `${tool} runs any program` }));
var COMMAND_PROBES = [...ANY_PROBES, ...INTERPRETER_PROBES, ...RUNNER_INTERPRETERS, ...DESTRUCTIVE_PROBES, ...RUNNER_PROBES];
function reachOf(matches) {
  for (const probe of COMMAND_PROBES) {
    if (safely(matches, probe.command)) return { class: probe.class, probe };
  }
  return void 0;
}
function stoppedBy(matches) {
  if (ANY_PROBES.every((probe) => safely(matches, probe.command))) return ["*"];
  const tools = /* @__PURE__ */ new Set();
  for (const probe of [...DESTRUCTIVE_PROBES, ...RUNNER_PROBES]) if (safely(matches, probe.command)) tools.add(probe.tool);
  return [...tools].sort();
}
function toolsOfDomain(domain) {
  return [...new Set(DESTRUCTIVE_PROBES.filter((probe) => probe.domain === domain).map((probe) => probe.tool))];
}
function toolsNamedIn(text) {
  const found = /* @__PURE__ */ new Set();
  for (const [pattern, tool] of NAMED_TOOLS) if (pattern.test(text)) found.add(tool);
  return [...found];
}
var NAMED_TOOLS = [
  [/\brm\s+-[a-z]*[rf]/i, "rm"],
  [/\brailway\b/i, "railway"],
  [/\bterraform\s+(?:destroy|apply)\b/i, "terraform"],
  [/\bpulumi\s+(?:destroy|up)\b/i, "pulumi"],
  [/\bkubectl\s+delete\b/i, "kubectl"],
  [/\bhelm\s+(?:uninstall|delete)\b/i, "helm"],
  [/\baws\s+\w/i, "aws"],
  [/\bgcloud\b/i, "gcloud"],
  [/\bflyctl\b|\bfly\s+(?:volumes|apps|destroy)\b/i, "fly"],
  [/\bheroku\b/i, "heroku"],
  [/\bsupabase\s+(?:db|projects)\b/i, "supabase"],
  [/\bneonctl\b/i, "neonctl"],
  [/\b(?:drop|truncate)\s+(?:table|database|schema)\b|\bpsql\b/i, "psql"],
  [/\bmongosh\b|\bdropDatabase\b/i, "mongosh"],
  [/\bredis-cli\b|\bflushall\b/i, "redis-cli"],
  [/\bdropdb\b/i, "dropdb"],
  [/\bwrangler\b/i, "wrangler"],
  [/\bprisma\s+migrate\s+reset\b/i, "prisma migrate reset"],
  [/\bdrizzle-kit\s+push\b/i, "drizzle-kit push"],
  [/\bturso\s+db\s+destroy\b/i, "turso"],
  [/\bdb:drop\b/i, "rails db:drop"],
  [/\bmigrate:fresh\b/i, "artisan migrate:fresh"]
];
function safely(matches, command) {
  try {
    return matches(command);
  } catch {
    return false;
  }
}
function prefixMatcher(prefix) {
  const wanted = prefix.trim();
  if (wanted === "" || wanted === "*") return () => true;
  return (command) => command === wanted || command.startsWith(`${wanted} `);
}
function exactMatcher(exact) {
  const wanted = exact.trim();
  return (command) => command === wanted;
}
function globMatcher(glob, options = {}) {
  const body2 = glob.trim().split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  const source2 = options.optionalTrailingSpace && body2.endsWith(" .*") ? `${body2.slice(0, -3)}(?: .*)?` : body2;
  const regex = new RegExp(`^${source2}$`, "s");
  return (command) => regex.test(command);
}
function regexMatcher(source2, flags = "", options = {}) {
  try {
    const regex = new RegExp(options.anchored ? `^(?:${source2})$` : source2, flags.replace(/[^imsu]/g, ""));
    return (command) => regex.test(command);
  } catch {
    return void 0;
  }
}
function tokenPrefixMatcher(tokens) {
  return (command) => {
    const words2 = command.split(/\s+/);
    if (words2.length < tokens.length) return false;
    return tokens.every((token, index) => (typeof token === "string" ? [token] : token).includes(words2[index]));
  };
}
function commandBaseMatcher(base) {
  const wanted = base.trim();
  if (wanted === "" || /^\*+$/.test(wanted)) return () => true;
  const first = globMatcher(wanted);
  return (command) => first(command.split(/\s+/)[0] ?? "");
}

// detectors/agent-permission/configs/tree.ts
function rootMap(file, out) {
  const document = file.data();
  if (!document) return void 0;
  const root = document.roots[0];
  if (root === void 0) return void 0;
  if (root.kind !== "map") {
    invalid(file, out, `${file.path} is not an object; its agent settings were not read.`, root.span.line);
    return void 0;
  }
  return root;
}
function mapAt(file, out, node, key) {
  const value = get(node, key);
  if (value === void 0 || value.kind === "scalar" && value.value === null) return void 0;
  if (value.kind !== "map") {
    invalid(file, out, `${key} in ${file.path} should be an object; it was ignored.`, value.span.line);
    return void 0;
  }
  return value;
}
function stringsAt(file, out, node, key) {
  const value = get(node, key);
  if (value === void 0 || value.kind === "scalar" && value.value === null) return [];
  return stringsOf(file, out, value, key);
}
function stringsOf(file, out, value, label) {
  if (value.kind !== "seq") {
    invalid(file, out, `${label} in ${file.path} should be a list; it was ignored.`, value.span.line);
    return [];
  }
  const items = [];
  for (const item of value.items) {
    if (item.kind === "scalar" && typeof item.value === "string") items.push({ value: item.value, span: item.span });
    else invalid(file, out, `An entry of ${label} in ${file.path} is not a string; it was ignored.`, item.span.line);
  }
  return items;
}
function stringAt(node, key) {
  const value = get(node, key);
  if (value?.kind !== "scalar" || typeof value.value !== "string") return void 0;
  return { value: value.value, span: value.span };
}
function booleanAt(node, key) {
  const value = get(node, key);
  if (value?.kind !== "scalar") return void 0;
  if (typeof value.value === "boolean") return { value: value.value, span: value.span };
  if (value.value === "true" || value.value === "false") return { value: value.value === "true", span: value.span };
  return void 0;
}
function lineSpan3(file, span) {
  const text = file.line(span.line);
  const indent = text.length - text.trimStart().length;
  return { line: span.line, column: indent + 1, endLine: span.line, endColumn: text.trimEnd().length + 1 };
}
function invalid(file, out, message, line) {
  out.notify({ level: "warning", code: "agent-config-invalid", message, path: file.path, line });
}
function unknownValue(file, out, message, line) {
  out.notify({ level: "note", code: "agent-config-unknown-value", message, path: file.path, line });
}
function directoryOf3(path2) {
  const slash = path2.lastIndexOf("/");
  return slash < 0 ? "" : path2.slice(0, slash + 1);
}

// detectors/agent-permission/permission.ts
var RULE_IDS = {
  bypassMode: "agent-permission/bypass-mode",
  shellAutoApproved: "agent-permission/shell-auto-approved",
  destructiveCommandAllowed: "agent-permission/destructive-command-allowed",
  mcpToolsAutoApproved: "agent-permission/mcp-tools-auto-approved",
  bypassFlag: "agent-permission/bypass-flag",
  proseOnlyGuardrail: "agent-permission/prose-only-guardrail",
  mcpInlineCredential: "agent-permission/mcp-inline-credential",
  mcpWriteAccess: "agent-permission/mcp-write-access",
  secretFileNotExcluded: "agent-permission/secret-file-not-excluded"
};
function emitPermission(file, out, permission) {
  const title = agentTitle(permission.agent);
  const location = { path: file.path, span: lineSpan3(file, permission.span) };
  const message = permission.effective ? `${permission.setting} in ${file.path} lets ${title} ${permission.lets} without asking a human.` : `${permission.setting} in ${file.path} asks that ${title} ${permission.lets} without a human; ${title} ignores it in repository settings (${permission.ignoredBecause ?? "not honoured from the repo"}), so it records intent only.`;
  out.report({
    ruleId: permission.ruleId,
    severity: permission.effective ? permission.severity : "info",
    message,
    location,
    snippet: file.line(permission.span.line).trim(),
    evidence: `${permission.agent}|${permission.setting}`,
    details: {
      agent: permission.agent,
      setting: permission.setting,
      grant: permission.grant,
      effective: permission.effective,
      ...permission.reaches ? { reaches: permission.reaches } : {}
    }
  });
  out.publish("agent-grant", {
    agent: permission.agent,
    grant: permission.grant,
    setting: permission.setting,
    effective: permission.effective,
    location,
    ...permission.ignoredBecause ? { ignoredBecause: permission.ignoredBecause } : {},
    ...permission.reaches ? { reaches: permission.reaches } : {}
  });
}
function commandPermission(matcher, context) {
  const brakes = context.except ?? [];
  const reach = reachOf(brakes.length === 0 ? matcher : (command) => matcher(command) && !brakes.some((brake) => brake(command)));
  if (!reach) return void 0;
  const base = { agent: context.agent, setting: context.setting, span: context.span, effective: context.effective ?? true, ignoredBecause: context.ignoredBecause };
  switch (reach.class) {
    case "any":
      return { ...base, ruleId: RULE_IDS.shellAutoApproved, grant: "shell", lets: "run any shell command" };
    case "interpreter":
      return {
        ...base,
        ruleId: RULE_IDS.shellAutoApproved,
        grant: "interpreter",
        lets: `run ${reach.probe.tool}, which runs any program`,
        reaches: reach.probe.tool,
        severity: "medium"
      };
    case "destructive":
      return {
        ...base,
        ruleId: RULE_IDS.destructiveCommandAllowed,
        grant: "destructive-command",
        lets: `run ${reach.probe.tool} (it ${reach.probe.does})`,
        reaches: reach.probe.tool,
        ...reach.probe.needsCredential ? { severity: "medium" } : {}
      };
  }
}
function emitBrake(file, out, agent, decision, setting, span, matcher) {
  out.publish("agent-command-brake", { agent, decision, setting, stops: stoppedBy(matcher), location: { path: file.path, span: lineSpan3(file, span) } });
}
function emitConfig(out, agent, role, path2) {
  out.publish("agent-config", { agent, role, path: path2 });
}
function emitExclusion(file, out, agent, pattern, span, asks = false) {
  out.publish("agent-read-exclusion", {
    agent,
    pattern,
    location: { path: file.path, span: lineSpan3(file, span) },
    builtIn: false,
    ...asks ? { asks: true } : {}
  });
}
function rootPattern(directory, pattern) {
  const negated = pattern.startsWith("!");
  const body2 = negated ? pattern.slice(1) : pattern;
  if (directory === "") return pattern;
  const anchoredHere = body2.startsWith("/") || body2.replace(/\/$/, "").includes("/");
  const rooted = anchoredHere ? `/${directory}${body2.replace(/^\//, "")}` : `/${directory}**/${body2}`;
  return negated ? `!${rooted}` : rooted;
}

// detectors/agent-permission/configs/aider.ts
var AIDER_CONFIG = /(^|\/)\.aider\.conf\.ya?ml$/;
function readAiderConfig(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, "aider", "settings", file.path);
  const yes = booleanAt(root, "yes-always");
  if (yes?.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: "aider",
      grant: "file-write",
      setting: "yes-always: true",
      span: yes.span,
      lets: "add files, apply edits and commit",
      effective: true,
      severity: "low"
    });
  }
}

// detectors/agent-permission/configs/amazon-q.ts
var AMAZON_Q_AGENT = /(^|\/)\.(amazonq\/cli-agents|kiro\/agents)\/[^/]+\.json$/;
function readAmazonQAgent(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  const agent = file.path.includes(".kiro/") ? "kiro" : "amazon-q";
  emitConfig(out, agent, "settings", file.path);
  const settings = get(root, "toolsSettings");
  const bash = get(settings, "execute_bash") ?? get(settings, "shell");
  const allowedCommands = stringsAt(file, out, bash, "allowedCommands");
  for (const item of stringsAt(file, out, root, "allowedTools")) {
    const tool = item.value.trim();
    const setting = `allowedTools: "${item.value}"`;
    if (tool === "execute_bash" || tool === "shell") {
      emitPermission(file, out, {
        ruleId: RULE_IDS.shellAutoApproved,
        agent,
        grant: "shell",
        setting,
        span: item.span,
        lets: "run any shell command",
        effective: true
      });
    } else if (tool === "use_aws" || tool === "aws") {
      emitPermission(file, out, {
        ruleId: RULE_IDS.destructiveCommandAllowed,
        agent,
        grant: "destructive-command",
        setting,
        span: item.span,
        lets: "call any AWS API the session allows (deletes included)",
        effective: true,
        reaches: "aws"
      });
    } else if (/^@[^/]+(?:\/\*)?$/.test(tool)) {
      emitPermission(file, out, {
        ruleId: RULE_IDS.mcpToolsAutoApproved,
        agent,
        grant: "mcp-tool",
        setting,
        span: item.span,
        lets: `call every tool of the MCP server "${tool.slice(1).replace(/\/\*$/, "")}"`,
        effective: true,
        reaches: tool.slice(1).replace(/\/\*$/, "")
      });
    }
  }
  const brakes = [];
  for (const item of stringsAt(file, out, bash, "deniedCommands")) {
    const matcher = regexMatcher(item.value, "", { anchored: true });
    if (!matcher) continue;
    brakes.push(matcher);
    emitBrake(file, out, agent, "deny", `toolsSettings.execute_bash.deniedCommands: "${item.value}"`, item.span, matcher);
  }
  for (const item of allowedCommands) {
    const matcher = regexMatcher(item.value, "", { anchored: true });
    if (!matcher) continue;
    const permission = commandPermission(matcher, { agent, setting: `toolsSettings.execute_bash.allowedCommands: "${item.value}"`, span: item.span, except: brakes });
    if (permission) emitPermission(file, out, permission);
  }
  for (const item of stringsAt(file, out, get(settings, "fs_read") ?? get(settings, "read"), "deniedPaths")) {
    const path2 = item.value.trim().replace(/^\.\//, "");
    if (path2 && !path2.startsWith("/") && !path2.startsWith("~")) emitExclusion(file, out, agent, path2, item.span);
  }
}

// detectors/agent-permission/configs/amp.ts
var AMP_SETTINGS = /(^|\/)\.amp\/settings\.jsonc?$/;
function readAmpSettings(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, "amp", "settings", file.path);
  const allowAll = booleanAt(root, "amp.dangerouslyAllowAll");
  if (allowAll?.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: "amp",
      grant: "bypass-mode",
      setting: '"amp.dangerouslyAllowAll": true',
      span: allowAll.span,
      lets: "run every tool, shell included,",
      effective: true
    });
  }
  for (const item of stringsAt(file, out, root, "amp.commands.allowlist")) {
    const permission = commandPermission(prefixMatcher(item.value), { agent: "amp", setting: `"amp.commands.allowlist": "${item.value}"`, span: item.span });
    if (permission) emitPermission(file, out, permission);
  }
  const rules2 = get(root, "amp.permissions");
  if (rules2 === void 0) return;
  if (rules2.kind !== "seq") {
    invalid(file, out, `"amp.permissions" in ${file.path} should be a list of rules; it was ignored.`, rules2.span.line);
    return;
  }
  const earlier = [];
  for (const rule2 of rules2.items) {
    const tool = stringAt(rule2, "tool");
    const action = stringAt(rule2, "action");
    if (!tool || !action) {
      invalid(file, out, `A rule of "amp.permissions" in ${file.path} has no tool or action; it was ignored.`, rule2.span.line);
      continue;
    }
    if (tool.value !== "Bash" && tool.value !== "*") continue;
    const cmd = get(get(rule2, "matches"), "cmd");
    const patterns = cmd === void 0 ? ["*"] : cmd.kind === "seq" ? cmd.items.map((item) => item.kind === "scalar" ? String(item.value) : "") : cmd.kind === "scalar" ? [String(cmd.value)] : [];
    for (const pattern of patterns) {
      const matcher = ampMatcher(pattern);
      if (!matcher) continue;
      const setting = `"amp.permissions": { tool: "${tool.value}", action: "${action.value}", cmd: "${pattern}" }`;
      if (action.value === "allow") {
        const permission = commandPermission(matcher, { agent: "amp", setting, span: action.span, except: [...earlier] });
        if (permission) emitPermission(file, out, permission);
      } else if (action.value === "reject" || action.value === "ask") {
        earlier.push(matcher);
        emitBrake(file, out, "amp", action.value === "reject" ? "deny" : "ask", setting, action.span, matcher);
      }
    }
  }
}
function ampMatcher(pattern) {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (regex) return regexMatcher(regex[1], regex[2]);
  return globMatcher(pattern);
}

// knowledge/agents/settings.ts
var IGNORED_BECAUSE = {
  claudeAutoMode: "auto mode is not accepted from project or local settings",
  codexProfiles: "profiles cannot be set from a project config",
  geminiYolo: "YOLO mode can only be turned on from the command line",
  vscodeGlobalAutoApprove: "the setting has application-machine scope: user or remote-machine settings only",
  zedAgent: "Zed reads agent settings from user settings only"
};
var AGENT_SETTINGS = [
  {
    agent: "claude-code",
    files: [".claude/settings.json", ".claude/settings.local.json"],
    key: "permissions.defaultMode",
    grants: '"bypassPermissions" (every tool)',
    repoScope: "effective",
    source: "https://code.claude.com/docs/en/permission-modes"
  },
  {
    agent: "claude-code",
    files: [".claude/settings.json", ".claude/settings.local.json"],
    key: "permissions.defaultMode",
    grants: '"auto" (a classifier approves)',
    repoScope: "intent-only",
    ignoredBecause: IGNORED_BECAUSE.claudeAutoMode,
    source: "https://github.com/anthropics/claude-code/issues/81635"
  },
  {
    agent: "claude-code",
    files: [".claude/settings.json", ".claude/settings.local.json"],
    key: "permissions.allow",
    grants: '"Bash", "Bash(*)", destructive prefixes ("Bash(rm:*)", "Bash(railway:*)"), "mcp__<server>"; deny and ask rules win',
    repoScope: "effective",
    source: "https://code.claude.com/docs/en/permissions"
  },
  {
    agent: "codex",
    files: [".codex/config.toml"],
    key: "approval_policy + sandbox_mode",
    grants: '"never" with "danger-full-access" (or with workspace-write network access)',
    repoScope: "effective-after-trust",
    source: "https://developers.openai.com/codex/config-reference"
  },
  {
    agent: "codex",
    files: [".codex/config.toml"],
    key: "profiles.<name>.approval_policy",
    grants: "as above, inside a profile",
    repoScope: "intent-only",
    ignoredBecause: IGNORED_BECAUSE.codexProfiles,
    source: "https://developers.openai.com/codex/config-reference"
  },
  {
    agent: "codex",
    files: [".codex/rules/*.rules"],
    key: 'prefix_rule(decision="allow")',
    grants: "a prefix of a destructive CLI or an interpreter; forbidden > prompt > allow",
    repoScope: "effective-after-trust",
    source: "https://developers.openai.com/codex/rules"
  },
  {
    agent: "gemini-cli",
    files: [".gemini/settings.json"],
    key: "tools.allowed (v1 allowedTools)",
    grants: '"run_shell_command" or a destructive "run_shell_command(<prefix>)"; tools.exclude wins',
    repoScope: "effective-after-trust",
    source: "https://geminicli.com/docs/reference/configuration"
  },
  {
    agent: "gemini-cli",
    files: [".gemini/settings.json"],
    key: "general.defaultApprovalMode",
    grants: '"yolo"',
    repoScope: "intent-only",
    ignoredBecause: IGNORED_BECAUSE.geminiYolo,
    source: "https://geminicli.com/docs/reference/configuration"
  },
  {
    agent: "gemini-cli",
    files: [".gemini/settings.json"],
    key: "mcpServers.<name>.trust",
    grants: "true (no confirmation for any of the server's tools)",
    repoScope: "effective-after-trust",
    source: "https://geminicli.com/docs/reference/configuration"
  },
  {
    agent: "copilot",
    files: [".vscode/settings.json", "*.code-workspace"],
    key: "chat.tools.terminal.autoApprove",
    grants: '"/.*/": true, or a destructive command prefix or regex; false entries win',
    repoScope: "effective-after-trust",
    source: "https://github.com/microsoft/vscode (terminalChatAgentToolsConfiguration.ts)"
  },
  {
    agent: "copilot",
    files: [".vscode/settings.json", "*.code-workspace"],
    key: "chat.permissions.default",
    grants: '"autoApprove" (Bypass Approvals) or "autopilot"; window scope',
    repoScope: "effective-after-trust",
    source: "https://github.com/microsoft/vscode (chat.contribution.ts)"
  },
  {
    agent: "copilot",
    files: [".vscode/settings.json", "*.code-workspace"],
    key: "chat.tools.global.autoApprove (formerly chat.tools.autoApprove)",
    grants: "true",
    repoScope: "intent-only",
    ignoredBecause: IGNORED_BECAUSE.vscodeGlobalAutoApprove,
    source: "https://github.com/microsoft/vscode (chat.contribution.ts)"
  },
  {
    agent: "copilot",
    files: [".devcontainer/devcontainer.json"],
    key: 'customizations.vscode.settings["chat.tools.global.autoApprove"]',
    grants: "true: the container's machine settings honour it",
    repoScope: "effective",
    source: "https://containers.dev/supporting#visual-studio-code"
  },
  {
    agent: "cursor",
    files: [".cursor/cli.json"],
    key: "permissions.allow",
    grants: '"Shell(*)", a destructive "Shell(<command>)", "Mcp(<server>, *)"; deny wins',
    repoScope: "effective",
    source: "https://cursor.com/docs/cli/reference/permissions"
  },
  {
    agent: "cursor",
    files: [".cursor/permissions.json"],
    key: "terminalAllowlist, mcpAllowlist",
    grants: 'a destructive command prefix, "<server>:*"',
    repoScope: "effective",
    source: "https://cursor.com/docs/reference/permissions"
  },
  {
    agent: "roo-code",
    files: [".vscode/settings.json"],
    key: "roo-cline.allowedCommands",
    grants: '"*" or a destructive prefix; roo-cline.deniedCommands wins',
    repoScope: "effective",
    source: "https://docs.roocode.com/advanced-usage/auto-approving-actions"
  },
  {
    agent: "windsurf",
    files: [".vscode/settings.json"],
    key: "windsurf.cascadeCommandsAllowList",
    grants: "a destructive prefix; windsurf.cascadeCommandsDenyList wins",
    repoScope: "effective",
    source: "https://docs.windsurf.com/windsurf/terminal"
  },
  {
    agent: "aider",
    files: [".aider.conf.yml"],
    key: "yes-always",
    grants: "true (files, edits, commits; suggested shell commands still ask)",
    repoScope: "effective",
    source: "https://aider.chat/docs/config/options.html"
  },
  {
    agent: "amp",
    files: [".amp/settings.json"],
    key: "amp.dangerouslyAllowAll, amp.permissions, amp.commands.allowlist",
    grants: 'true; { tool: "Bash", action: "allow" } rules (first match wins)',
    repoScope: "effective",
    source: "https://ampcode.com/manual"
  },
  {
    agent: "opencode",
    files: ["opencode.json", "opencode.jsonc"],
    key: "permission",
    grants: '"allow", { "*": "allow" }, bash "allow" or allow patterns (last match wins)',
    repoScope: "effective",
    source: "https://opencode.ai/docs/permissions"
  },
  {
    agent: "zed",
    files: [".zed/settings.json"],
    key: "agent.tool_permissions.default, agent.always_allow_tool_actions",
    grants: '"allow", true',
    repoScope: "intent-only",
    ignoredBecause: IGNORED_BECAUSE.zedAgent,
    source: "https://github.com/zed-industries/zed/issues/16156"
  },
  {
    agent: "amazon-q",
    files: [".amazonq/cli-agents/*.json"],
    key: "allowedTools, toolsSettings.execute_bash.allowedCommands",
    grants: '"execute_bash", "use_aws", "@<server>", a destructive command regex; deniedCommands win',
    repoScope: "effective",
    source: "https://github.com/aws/amazon-q-developer-cli/blob/main/docs/agent-format.md"
  }
];

// knowledge/agents/mcp-servers.ts
var words = (server) => [server.command ?? "", ...server.args, server.url ?? ""];
var mentions = (server, pattern) => words(server).some((word) => pattern.test(word));
var hasArg = (server, pattern) => server.args.some((arg) => pattern.test(arg));
var truthy = (value) => value !== void 0 && /^(?:true|1|yes|on)$/i.test(value.trim());
var envNamed = (server, name) => Object.keys(server.env).some((key) => key.toUpperCase() === name);
function genericReadOnly(server) {
  if (hasArg(server, /^--?(?:read[-_]?only|readonly)(?:=true)?$/i)) return true;
  if (hasArg(server, /^--access-mode[= ]restricted$/i)) return true;
  for (const [key, value] of Object.entries(server.env)) if (/read[-_]?only/i.test(key) && truthy(value)) return true;
  for (const [key, value] of Object.entries(server.headers)) if (/read[-_]?only/i.test(key) && truthy(value)) return true;
  if (server.url && /[?&](?:read[-_]?only)=(?:true|1)\b|\/readonly(?:\/|$|\?)/i.test(server.url)) return true;
  return false;
}
var MCP_SERVER_KINDS = [
  {
    id: "supabase",
    title: "Supabase MCP server",
    matches: (server) => mentions(server, /@supabase\/mcp-server-supabase|(?:^|\/\/)mcp\.supabase\.com/i),
    readOnly: genericReadOnly,
    accountWide: (server) => !hasArg(server, /^--project-ref(?:=|$)/) && !/[?&]project_ref=/.test(server.url ?? "") && !envNamed(server, "SUPABASE_PROJECT_REF"),
    reach: "runs SQL, applies migrations and manages branches and edge functions in every project of the account",
    fix: "add --read-only and --project-ref=<ref> (or ?read_only=true&project_ref=<ref> on the hosted URL)",
    reference: "https://github.com/supabase-community/supabase-mcp"
  },
  {
    id: "neon",
    title: "Neon MCP server",
    matches: (server) => mentions(server, /@neondatabase\/mcp-server-neon|(?:^|\/\/)mcp\.neon\.tech/i),
    readOnly: genericReadOnly,
    accountWide: (server) => envNamed(server, "NEON_API_KEY") || hasArg(server, /^start$/),
    reach: "deletes projects and branches and runs SQL across the Neon account",
    fix: "send the X-READ-ONLY: true header to the remote server (or use a read-only OAuth grant)",
    reference: "https://github.com/neondatabase/mcp-server-neon"
  },
  {
    id: "railway-community",
    title: "community Railway MCP server",
    matches: (server) => !mentions(server, /@railway\/mcp-server/i) && (mentions(server, /railway-mcp|mcp-server-railway|railway-mcp-server/i) || envNamed(server, "RAILWAY_API_TOKEN")),
    readOnly: () => false,
    accountWide: (server) => envNamed(server, "RAILWAY_API_TOKEN"),
    reach: "deletes Railway projects, services, variables and volumes with the account token it holds",
    fix: "use the official @railway/mcp-server (no destructive tools) or a project token bound to a non-production environment",
    reference: "https://docs.railway.com/ai/mcp-server"
  },
  {
    id: "postgres",
    title: "PostgreSQL MCP server",
    matches: (server) => mentions(server, /server-postgres|postgres-mcp|mcp-server-postgres|postgres-mcp-server|pg-mcp/i) || [...server.args, ...Object.values(server.env)].some((value) => /^postgres(?:ql)?:\/\//i.test(value.trim())),
    // @modelcontextprotocol/server-postgres calls itself read-only, but `COMMIT; DROP ...` escapes its transaction.
    readOnly: (server) => !mentions(server, /@modelcontextprotocol\/server-postgres/) && genericReadOnly(server),
    accountWide: () => false,
    reach: "runs SQL, DROP and DELETE included",
    fix: "point it at a read replica or a read-only role, and use a server with an enforced read-only mode (postgres-mcp --access-mode=restricted)",
    reference: "https://github.com/crystaldba/postgres-mcp"
  },
  {
    id: "mysql",
    title: "MySQL MCP server",
    matches: (server) => mentions(server, /mcp-server-mysql|mysql-mcp/i) || [...server.args, ...Object.values(server.env)].some((value) => /^mysql:\/\//i.test(value.trim())),
    readOnly: (server) => genericReadOnly(server) || mentions(server, /mcp-server-mysql/i) && !["ALLOW_INSERT_OPERATION", "ALLOW_UPDATE_OPERATION", "ALLOW_DELETE_OPERATION", "ALLOW_DDL_OPERATION"].some((key) => truthy(server.env[key])),
    accountWide: () => false,
    reach: "runs SQL, DROP and DELETE included",
    fix: "connect with a read-only user and leave the ALLOW_*_OPERATION switches off",
    reference: "https://github.com/benborla/mcp-server-mysql"
  },
  {
    id: "mongodb",
    title: "MongoDB MCP server",
    matches: (server) => mentions(server, /mongodb-mcp-server/i),
    readOnly: genericReadOnly,
    accountWide: (server) => envNamed(server, "MDB_MCP_API_CLIENT_ID") || hasArg(server, /^--apiClientId/),
    reach: "drops collections and databases and manages Atlas clusters (writes are on by default)",
    fix: "add --readOnly (or MDB_MCP_READ_ONLY=true)",
    reference: "https://www.mongodb.com/docs/mcp-server/security-best-practices/"
  },
  {
    id: "aws-api",
    title: "AWS API MCP server",
    matches: (server) => mentions(server, /awslabs\.aws-api-mcp-server/i),
    readOnly: (server) => truthy(server.env["READ_OPERATIONS_ONLY"]) || truthy(server.env["REQUIRE_MUTATION_CONSENT"]),
    accountWide: () => true,
    reach: "calls any AWS API the profile allows, deletes included",
    fix: "set READ_OPERATIONS_ONLY=true (or REQUIRE_MUTATION_CONSENT=true) and use a read-only profile",
    reference: "https://pypi.org/project/awslabs.aws-api-mcp-server/"
  },
  {
    id: "awslabs-write",
    title: "AWS Labs MCP server with writes on",
    matches: (server) => mentions(server, /awslabs\.[\w-]+-mcp-server/i) && !mentions(server, /awslabs\.aws-api-mcp-server/i),
    // The other awslabs servers are read-only until --allow-write (or ALLOW_WRITE) turns writes on.
    readOnly: (server) => !hasArg(server, /^--allow-write$/) && !truthy(server.env["ALLOW_WRITE"]),
    accountWide: () => true,
    reach: "creates, changes and deletes AWS resources with the profile it runs as",
    fix: "drop --allow-write (and ALLOW_WRITE) and use a read-only profile",
    reference: "https://awslabs.github.io/mcp/"
  },
  {
    id: "github",
    title: "GitHub MCP server",
    matches: (server) => mentions(server, /server-github|github-mcp-server|api\.githubcopilot\.com\/mcp/i),
    readOnly: genericReadOnly,
    accountWide: () => false,
    reach: "pushes, merges and edits workflows with the token it holds",
    fix: "add --read-only (GITHUB_READ_ONLY=1, or the /readonly URL) and narrow --toolsets",
    reference: "https://github.com/github/github-mcp-server/blob/main/docs/server-configuration.md"
  },
  {
    id: "cloudflare",
    title: "Cloudflare MCP server",
    matches: (server) => mentions(server, /@cloudflare\/mcp-server-cloudflare|mcp\.cloudflare\.com/i),
    readOnly: genericReadOnly,
    accountWide: () => false,
    reach: "changes DNS, Workers, R2 and D1 with whatever the token grants",
    fix: "use a token scoped to read permissions on one zone or account",
    reference: "https://github.com/cloudflare/mcp-server-cloudflare"
  },
  {
    id: "kubernetes",
    title: "Kubernetes MCP server",
    matches: (server) => mentions(server, /mcp-server-kubernetes|kubernetes-mcp-server|k8s-mcp/i),
    readOnly: (server) => genericReadOnly(server) || truthy(server.env["ALLOW_ONLY_NON_DESTRUCTIVE_TOOLS"]) || hasArg(server, /^--disable-destructive$/) || /read-?only/i.test(server.env["K8S_MODE"] ?? ""),
    accountWide: () => false,
    reach: "deletes and applies Kubernetes resources and execs into pods",
    fix: "set ALLOW_ONLY_NON_DESTRUCTIVE_TOOLS=true (or --read-only) and use a read-only kubeconfig context",
    reference: "https://github.com/Flux159/mcp-server-kubernetes"
  }
];
function mcpServerKind(server) {
  return MCP_SERVER_KINDS.find((kind) => kind.matches(server));
}
var WRITE_TOOL_NAME = /(?:delete|drop|destroy|remove|reset|truncate|purge|terminate|execute|exec|run_?sql|sql|query|apply|migrat|write|update|deploy|create|insert|push|merge|kill|restore)/i;

// detectors/agent-permission/configs/claude-code.ts
var CLAUDE_SETTINGS = /(^|\/)\.claude\/settings(\.local)?\.json$/;
var MODES2 = /* @__PURE__ */ new Set(["default", "acceptEdits", "plan", "auto", "dontAsk", "bypassPermissions"]);
var SHELL_TOOLS = /* @__PURE__ */ new Set(["Bash", "PowerShell"]);
function readClaudeSettings(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, "claude-code", "settings", file.path);
  const permissions = mapAt(file, out, root, "permissions");
  if (!permissions) return;
  const projectDirectory = directoryOf3(directoryOf3(file.path).replace(/\/$/, ""));
  const mode = stringAt(permissions, "defaultMode");
  if (mode) {
    if (!MODES2.has(mode.value)) {
      unknownValue(file, out, `permissions.defaultMode "${mode.value}" in ${file.path} is not a Claude Code permission mode; it was ignored.`, mode.span.line);
    } else if (mode.value === "bypassPermissions") {
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: "claude-code",
        grant: "bypass-mode",
        setting: "permissions.defaultMode: bypassPermissions",
        span: mode.span,
        lets: "run every tool, shell and file writes included,",
        effective: true
      });
    } else if (mode.value === "auto") {
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: "claude-code",
        grant: "bypass-mode",
        setting: "permissions.defaultMode: auto",
        span: mode.span,
        lets: "approve its own tool calls",
        effective: false,
        ignoredBecause: IGNORED_BECAUSE.claudeAutoMode
      });
    }
  }
  const brakes = [];
  for (const decision of ["deny", "ask"]) {
    for (const item of stringsAt(file, out, permissions, decision)) {
      const matcher = readBrake(file, out, item, decision, projectDirectory);
      if (matcher) brakes.push(matcher);
    }
  }
  for (const item of stringsAt(file, out, permissions, "allow")) readAllow(file, out, item, brakes);
}
function parseRule(text) {
  const match = /^\s*([A-Za-z][\w-]*)(?:\((.*)\))?\s*$/s.exec(text);
  if (!match) return void 0;
  return { tool: match[1], specifier: match[2] };
}
function bashMatcher(specifier) {
  if (specifier === void 0) return () => true;
  const spec = specifier.trim();
  if (spec === "" || spec === "*" || spec === ":*") return () => true;
  if (/^command:/.test(spec)) return void 0;
  if (spec.endsWith(":*")) return prefixMatcher(spec.slice(0, -2));
  if (spec.includes("*")) return globMatcher(spec, { optionalTrailingSpace: true });
  return exactMatcher(spec);
}
function readAllow(file, out, item, brakes) {
  const rule2 = parseRule(item.value);
  if (!rule2) {
    unknownValue(file, out, `permissions.allow entry "${item.value}" in ${file.path} is not a Claude Code permission rule.`, item.span.line);
    return;
  }
  const setting = `permissions.allow: "${item.value}"`;
  if (SHELL_TOOLS.has(rule2.tool)) {
    const matcher = bashMatcher(rule2.specifier);
    if (!matcher) return;
    const permission = commandPermission(matcher, { agent: "claude-code", setting, span: item.span, except: brakes });
    if (permission) emitPermission(file, out, permission);
    return;
  }
  if (rule2.tool.startsWith("mcp__")) readMcpAllow(file, out, rule2.tool, setting, item.span);
}
function readMcpAllow(file, out, name, setting, span) {
  const [, server, tool] = /^mcp__([^_]+(?:_[^_]+)*?)(?:__(.+))?$/.exec(name) ?? [];
  if (!server) return;
  if (tool === void 0 || tool === "*") {
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: "claude-code",
      grant: "mcp-tool",
      setting,
      span,
      lets: `call every tool of the MCP server "${server}"`,
      effective: true,
      reaches: server
    });
  } else if (WRITE_TOOL_NAME.test(tool)) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: "claude-code",
      grant: "mcp-tool",
      setting,
      span,
      lets: `call the MCP tool "${tool}" of "${server}"`,
      effective: true,
      reaches: server
    });
  }
}
function readBrake(file, out, item, decision, projectDirectory) {
  const rule2 = parseRule(item.value);
  if (!rule2) {
    unknownValue(file, out, `permissions.${decision} entry "${item.value}" in ${file.path} is not a Claude Code permission rule.`, item.span.line);
    return void 0;
  }
  const setting = `permissions.${decision}: "${item.value}"`;
  if (SHELL_TOOLS.has(rule2.tool)) {
    const matcher = bashMatcher(rule2.specifier);
    if (matcher) emitBrake(file, out, "claude-code", decision, setting, item.span, matcher);
    return matcher;
  }
  if (rule2.tool === "Read") {
    const pattern = rule2.specifier === void 0 ? "*" : claudePathPattern(rule2.specifier, projectDirectory);
    if (pattern) emitExclusion(file, out, "claude-code", pattern, item.span, decision === "ask");
  }
  return void 0;
}
function claudePathPattern(specifier, projectDirectory) {
  const spec = specifier.trim();
  if (spec === "" || spec.startsWith("//") || spec.startsWith("~")) return void 0;
  if (spec === "*" || spec === "**") return "*";
  const anchored2 = spec.startsWith("./") ? spec.slice(2) : spec.startsWith("/") ? spec.slice(1) : void 0;
  if (anchored2 !== void 0) return `/${projectDirectory}${anchored2}`;
  return projectDirectory ? `/${projectDirectory}**/${spec}` : spec;
}

// detectors/agent-permission/configs/codex.ts
var CODEX_CONFIG = /(^|\/)\.codex\/config\.toml$/;
var CODEX_RULES = /(^|\/)\.codex\/rules\/[^/]+\.rules$/;
var APPROVAL_POLICIES = /* @__PURE__ */ new Set(["untrusted", "on-failure", "on-request", "never"]);
var SANDBOX_MODES = /* @__PURE__ */ new Set(["read-only", "workspace-write", "danger-full-access"]);
function readCodexConfig(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, "codex", "settings", file.path);
  judgeApproval(file, out, root, "", true);
  const profiles = mapAt(file, out, root, "profiles");
  for (const entry of profiles?.entries ?? []) {
    if (entry.value.kind === "map") judgeApproval(file, out, entry.value, `profiles.${entry.key}.`, false);
  }
}
function judgeApproval(file, out, table, prefix, effective) {
  const approval2 = stringAt(table, "approval_policy");
  const sandbox = stringAt(table, "sandbox_mode");
  const permissions = stringAt(table, "default_permissions");
  const network = booleanAt(get(table, "sandbox_workspace_write"), "network_access");
  if (approval2 && !APPROVAL_POLICIES.has(approval2.value)) {
    unknownValue(file, out, `${prefix}approval_policy "${approval2.value}" in ${file.path} is not a Codex approval policy; it was ignored.`, approval2.span.line);
  }
  if (sandbox && !SANDBOX_MODES.has(sandbox.value)) {
    unknownValue(file, out, `${prefix}sandbox_mode "${sandbox.value}" in ${file.path} is not a Codex sandbox mode; it was ignored.`, sandbox.span.line);
  }
  const fullAccess = sandbox?.value === "danger-full-access" ? sandbox : permissions?.value === ":danger-full-access" ? permissions : void 0;
  const never = approval2?.value === "never" ? approval2 : void 0;
  const intent = effective ? {} : { effective: false, ignoredBecause: IGNORED_BECAUSE.codexProfiles };
  const emit2 = (span, setting, lets, severity) => emitPermission(file, out, {
    ruleId: RULE_IDS.bypassMode,
    agent: "codex",
    grant: "bypass-mode",
    setting,
    span,
    lets,
    effective: true,
    severity,
    ...intent
  });
  if (never && fullAccess) {
    emit2(never.span, `${prefix}approval_policy = "never" with ${fullAccess === sandbox ? "sandbox_mode" : "default_permissions"} = "${fullAccess.value}"`, "run every command outside the sandbox");
  } else if (never && network?.value === true && sandbox?.value !== "read-only") {
    emit2(never.span, `${prefix}approval_policy = "never" with sandbox_workspace_write.network_access = true`, "run every command with network access (provider APIs included)");
  } else if (fullAccess && approval2?.value !== "untrusted") {
    emit2(fullAccess.span, `${prefix}${fullAccess === sandbox ? "sandbox_mode" : "default_permissions"} = "${fullAccess.value}"`, "run commands outside the sandbox whenever the model does not ask", "medium");
  }
}
function readCodexRules(file, out) {
  emitConfig(out, "codex", "settings", file.path);
  const rules2 = [];
  for (const call of file.text.matchAll(/\bprefix_rule\s*\(/g)) {
    const start = call.index;
    const end = closingParen(file.text, start + call[0].length);
    if (end < 0) {
      unknownValue(file, out, `A prefix_rule in ${file.path} is not closed; it was ignored.`, file.positionAt(start).line);
      continue;
    }
    const body2 = file.text.slice(start, end + 1);
    const pattern = /\bpattern\s*=\s*(\[[\s\S]*?\])\s*(?:,|\)\s*$)/.exec(body2)?.[1];
    const decision = /\bdecision\s*=\s*["'](\w+)["']/.exec(body2)?.[1] ?? "allow";
    const tokens = pattern ? parseTokens(pattern) : void 0;
    const span = file.spanOf(start, start + call[0].length);
    if (!tokens || tokens.length === 0) {
      unknownValue(file, out, `A prefix_rule in ${file.path} has no pattern Codex can read; it was ignored.`, span.line);
      continue;
    }
    if (decision !== "allow" && decision !== "prompt" && decision !== "forbidden") {
      unknownValue(file, out, `prefix_rule decision "${decision}" in ${file.path} is not allow, prompt or forbidden; it was ignored.`, span.line);
      continue;
    }
    const written = tokens.map((token) => typeof token === "string" ? token : `[${token.join("|")}]`).join(" ");
    rules2.push({ decision, written, matcher: tokenPrefixMatcher(tokens), span });
  }
  const brakes = rules2.filter((rule2) => rule2.decision !== "allow");
  for (const rule2 of brakes) {
    emitBrake(file, out, "codex", rule2.decision === "forbidden" ? "deny" : "ask", `prefix_rule(pattern=[${rule2.written}], decision="${rule2.decision}")`, rule2.span, rule2.matcher);
  }
  for (const rule2 of rules2.filter((candidate) => candidate.decision === "allow")) {
    const permission = commandPermission(rule2.matcher, {
      agent: "codex",
      setting: `prefix_rule(pattern=[${rule2.written}], decision="allow")`,
      span: rule2.span,
      except: brakes.map((brake) => brake.matcher)
    });
    if (permission) emitPermission(file, out, permission);
  }
}
function closingParen(text, from) {
  let depth = 1;
  let quote;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = void 0;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return i;
  }
  return -1;
}
function parseTokens(list) {
  try {
    const parsed = JSON.parse(list.replace(/'/g, '"').replace(/,\s*\]/g, "]"));
    if (!Array.isArray(parsed)) return void 0;
    const tokens = [];
    for (const item of parsed) {
      if (typeof item === "string") tokens.push(item);
      else if (Array.isArray(item) && item.every((alternative) => typeof alternative === "string")) tokens.push(item);
      else return void 0;
    }
    return tokens;
  } catch {
    return void 0;
  }
}

// detectors/agent-permission/configs/cursor.ts
var CURSOR_CLI = /(^|\/)\.cursor\/cli\.json$/;
var CURSOR_PERMISSIONS = /(^|\/)\.cursor\/permissions\.json$/;
var TOKEN = /^\s*(Shell|Read|Write|Mcp)\s*\((.*)\)\s*$/s;
function readCursorCli(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, "cursor", "settings", file.path);
  const permissions = mapAt(file, out, root, "permissions");
  if (!permissions) return;
  const projectDirectory = directoryOf3(directoryOf3(file.path).replace(/\/$/, ""));
  const brakes = [];
  for (const item of stringsAt(file, out, permissions, "deny")) {
    const token = parse(file, out, item, "deny");
    if (!token) continue;
    const setting = `permissions.deny: "${item.value}"`;
    if (token.type === "Shell") {
      const matcher = commandBaseMatcher(token.argument);
      brakes.push(matcher);
      emitBrake(file, out, "cursor", "deny", setting, item.span, matcher);
    } else if (token.type === "Read") {
      const pattern = token.argument.trim().replace(/^\.\//, "");
      if (pattern && !pattern.startsWith("/") && !pattern.startsWith("~")) {
        emitExclusion(file, out, "cursor", projectDirectory ? `/${projectDirectory}${pattern}` : pattern, item.span);
      }
    }
  }
  for (const item of stringsAt(file, out, permissions, "allow")) {
    const token = parse(file, out, item, "allow");
    if (!token) continue;
    const setting = `permissions.allow: "${item.value}"`;
    if (token.type === "Shell") {
      const permission = commandPermission(commandBaseMatcher(token.argument), { agent: "cursor", setting, span: item.span, except: brakes });
      if (permission) emitPermission(file, out, permission);
    } else if (token.type === "Mcp") {
      mcpAllow(file, out, token.argument, setting, item.span);
    }
  }
}
function readCursorPermissions(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, "cursor", "settings", file.path);
  for (const item of stringsAt(file, out, root, "terminalAllowlist")) {
    const permission = commandPermission(prefixMatcher(item.value), { agent: "cursor", setting: `terminalAllowlist: "${item.value}"`, span: item.span });
    if (permission) emitPermission(file, out, permission);
  }
  for (const item of stringsAt(file, out, root, "mcpAllowlist")) mcpAllow(file, out, item.value, `mcpAllowlist: "${item.value}"`, item.span);
}
function mcpAllow(file, out, argument, setting, span) {
  const [server = "", tool = "*"] = argument.split(/\s*[,:]\s*/);
  if (tool !== "*" && !WRITE_TOOL_NAME.test(tool)) return;
  emitPermission(file, out, {
    ruleId: RULE_IDS.mcpToolsAutoApproved,
    agent: "cursor",
    grant: "mcp-tool",
    setting,
    span,
    lets: tool === "*" ? `call every tool of ${server === "*" ? "every MCP server" : `the MCP server "${server}"`}` : `call the MCP tool "${tool}" of "${server}"`,
    effective: true,
    reaches: server
  });
}
function parse(file, out, item, list) {
  const match = TOKEN.exec(item.value);
  if (!match) {
    unknownValue(file, out, `permissions.${list} entry "${item.value}" in ${file.path} is not a Cursor permission token; it was ignored.`, item.span.line);
    return void 0;
  }
  return { type: match[1], argument: match[2] };
}

// detectors/agent-permission/configs/gemini.ts
var GEMINI_SETTINGS = /(^|\/)\.gemini\/settings\.json$/;
var SHELL_TOOL = /^\s*(run_shell_command|ShellTool)\s*(?:\((.*)\))?\s*$/s;
var APPROVAL_MODES = /* @__PURE__ */ new Set(["default", "auto_edit", "yolo", "plan"]);
function readGeminiSettings(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, "gemini-cli", "settings", file.path);
  const tools = mapAt(file, out, root, "tools");
  const allowed = [...stringsAt(file, out, tools, "allowed"), ...stringsAt(file, out, root, "allowedTools")];
  const excluded = [...stringsAt(file, out, tools, "exclude"), ...stringsAt(file, out, root, "excludeTools")];
  const brakes = [];
  for (const item of excluded) {
    const matcher = shellMatcher(item);
    if (!matcher) continue;
    brakes.push(matcher);
    emitBrake(file, out, "gemini-cli", "deny", `tools.exclude: "${item.value}"`, item.span, matcher);
  }
  for (const item of allowed) {
    const matcher = shellMatcher(item);
    if (!matcher) continue;
    const permission = commandPermission(matcher, { agent: "gemini-cli", setting: `tools.allowed: "${item.value}"`, span: item.span, except: brakes });
    if (permission) emitPermission(file, out, permission);
  }
  const general = mapAt(file, out, root, "general");
  const mode = stringAt(general, "defaultApprovalMode");
  if (mode && !APPROVAL_MODES.has(mode.value)) {
    unknownValue(file, out, `general.defaultApprovalMode "${mode.value}" in ${file.path} is not a Gemini CLI approval mode; it was ignored.`, mode.span.line);
  } else if (mode?.value === "yolo") {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: "gemini-cli",
      grant: "bypass-mode",
      setting: 'general.defaultApprovalMode: "yolo"',
      span: mode.span,
      lets: "approve every tool call",
      effective: false,
      ignoredBecause: IGNORED_BECAUSE.geminiYolo
    });
  }
}
function shellMatcher(item) {
  const match = SHELL_TOOL.exec(item.value);
  if (!match) return void 0;
  const specifier = match[2];
  return specifier === void 0 ? () => true : prefixMatcher(specifier);
}

// detectors/agent-permission/configs/ignore-files.ts
function isAgentIgnoreFile(path2) {
  return agentOfIgnoreFile(path2) !== void 0;
}
function readIgnoreFile(file, out) {
  const agent = agentOfIgnoreFile(file.path);
  if (!agent) return;
  emitConfig(out, agent, "ignore", file.path);
  const directory = directoryOf3(file.path);
  const lines = file.text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const pattern = lines[index].replace(/\r$/, "").replace(/(?<!\\)\s+$/, "");
    if (pattern === "" || pattern.startsWith("#")) continue;
    const span = { line: index + 1, column: 1, endLine: index + 1, endColumn: pattern.length + 1 };
    emitExclusion(file, out, agent, rootPattern(directory, pattern), span, agent === "junie");
  }
}

// knowledge/agents/guardrails.ts
var PROHIBITION = new RegExp(
  [
    String.raw`\b(?:never|do\s+not|don['’]?t|must\s+not|mustn['’]?t|should\s+not|shouldn['’]?t|may\s+not|cannot|can['’]?t|not\s+allowed\s+to|forbidden|prohibited|under\s+no\s+circumstances|avoid|refrain\s+from)\b`,
    String.raw`\bwithout\s+(?:(?:explicit|prior|written|human|user|my|our|their|manual|a)\s+)*(?:approval|confirmation|permission|consent|sign-?off)\b`,
    String.raw`\b(?:ask|check\s+with|confirm\s+with)\s+(?:the\s+user|me|us|a\s+human|a\s+maintainer|the\s+team)(?:\s+first)?\s+before\b`,
    String.raw`\b(?:always\s+)?ask\s+(?:for\s+)?(?:(?:explicit|human|user)\s+)?(?:permission|confirmation|approval)\s+before\b`,
    String.raw`\brequires?\s+(?:(?:explicit|human|manual|user)\s+)*(?:approval|confirmation)\b`,
    String.raw`\bonly\s+(?:a\s+human|humans|the\s+user|maintainers?|the\s+team)\s+(?:may|can|should|will)\b`
  ].join("|"),
  "i"
);
var DESTRUCTIVE_NOUNS = String.raw`(?:databases?|dbs?|volumes?|tables?|buckets?|backups?|clusters?|schemas?|collections?|data\s*stores?|infrastructure|environments?(?!\s+variables?))`;
var QUALIFIERS = String.raw`(?:(?:the|any|a|an|all|our|existing|production|prod|staging|live|shared|persistent|remote|cloud|real|customer|user)\s+)*`;
var CLASS_PATTERNS = {
  destructive: [
    /\brm\s+-[a-z]*[rf]/i,
    /\b(?:drop|truncate)\s+(?:table|database|schema|collection)s?\b/i,
    /\bdestructive\s+(?!git\b)(?:(?:database|db|sql|shell|terminal|cloud|infrastructure|data)\s+)?(?:commands?|operations?|actions?|queries|query|sql|changes)\b/i,
    new RegExp(String.raw`\b(?:delete|deleting|drop|dropping|destroy|destroying|wipe|wiping|erase|erasing|purge|purging|truncate|truncating|reset|resetting|tear(?:ing)?\s+down)\s+${QUALIFIERS}${DESTRUCTIVE_NOUNS}\b`, "i"),
    /\b(?:terraform|tofu|pulumi)\s+destroy\b|\bkubectl\s+delete\b|\brailway\s+(?:down|delete|volume)\b|\bprisma\s+migrate\s+reset\b|\bdb:(?:drop|reset)\b|\bmigrate:fresh\b|\bdropdb\b|\bflushall\b|\bdropDatabase\b|\bsupabase\s+db\s+reset\b/i
  ],
  production: [
    /\b(?:production|prod)[\s-]+(?:databases?|dbs?|environments?|envs?|servers?|clusters?|infrastructure|infra|volumes?|buckets?|resources?|accounts?|projects?|instances?|credentials|secrets|keys|tokens|systems?|stacks?|deployments?|services?|apis?|data\s*stores?)\b/i,
    /\b(?:deploy|deploying|release|releasing|ship|shipping|promote|promoting)\s+(?:[\w-]+\s+){0,3}?to\s+(?:production|prod)\b/i,
    /\b(?:touch|touching|modify|modifying|access|accessing|connect(?:ing)?\s+to|write\s+to|writing\s+to|alter|altering|mutate|mutating)\s+(?:the\s+)?(?:production|prod)\b(?![\s-]+(?:code|build|bundle|mode|ready|dependenc|logs?))/i,
    /\b(?:run|running|execute|executing)\s+(?:[\w`:-]+\s+){0,4}?against\s+(?:the\s+)?(?:production|prod|live)\b/i
  ],
  migration: [
    /\b(?:run|running|apply|applying|execute|executing)\s+(?:(?:any|the|database|db|new|pending|schema)\s+){0,2}migrations?\b/i,
    /\bprisma\s+migrate\s+(?:dev|deploy|reset)\b|\bprisma\s+db\s+push\b|\b(?:rails|rake)\s+db:migrate\b|\bmanage\.py\s+migrate\b|\balembic\s+upgrade\b|\bknex\s+migrate\b|\bsequelize\s+db:migrate\b|\bdrizzle-kit\s+(?:push|migrate)\b|\bsupabase\s+db\s+push\b|\bartisan\s+migrate\b/i
  ],
  credentials: [
    /\b(?:read|reading|open|opening|cat|access|accessing|view|viewing|reveal|revealing|dump|dumping|touch|touching|modify|modifying|edit|editing|load|loading)\s+(?:[\w-]+\s+){0,3}?(?:`?\.env\b[\w.*-]*`?|credentials?(?:\s+files?)?|secrets?(?!\s*(?:manager|management|scanning|scanner))|api[ _-]?keys?|access[ _-]?tokens?|private[ _-]?keys?)/i,
    /\b(?:`?\.env`?\s+files?|credentials?\s+files?|secrets?\s+files?)\b/i
  ]
};
var CREDENTIAL_HYGIENE = /\b(?:commit|committing|hard-?code|hard-?coding|log|logging|store|storing|push|pushing|expose|exposing|share|sharing|include|including|embed|embedding)\b/i;
function guardrailsIn(line) {
  const found = [];
  for (const sentence of sentencesOf(line)) {
    if (!PROHIBITION.test(sentence.text)) continue;
    const classes = [];
    for (const [name, patterns] of Object.entries(CLASS_PATTERNS)) {
      if (!patterns.some((pattern) => pattern.test(sentence.text))) continue;
      if (name === "credentials" && CREDENTIAL_HYGIENE.test(sentence.text) && !/\b(?:read|open|cat|access|view)\b/i.test(sentence.text)) continue;
      classes.push(name);
    }
    if (classes.length === 0) continue;
    found.push({ classes, tools: toolsNamedIn(sentence.text), ...sentence });
  }
  return found;
}
function sentencesOf(line) {
  const sentences = [];
  const boundary = /(?<=[.!?;])\s+(?=\S)/g;
  let start = 0;
  const push = (end) => {
    const raw = line.slice(start, end);
    const leading = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?/.exec(raw)[0].length;
    const text = raw.slice(leading).replace(/[\s;]+$/, "");
    if (text) sentences.push({ start: start + leading, end: start + leading + text.length, text });
  };
  for (const match of line.matchAll(boundary)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(line.length);
  return sentences;
}

// detectors/agent-permission/configs/instructions.ts
function isInstructionFile(path2) {
  return agentsInstructedBy(path2).length > 0;
}
function readInstructions(file, out) {
  const agents = agentsInstructedBy(file.path);
  for (const agent of agents) emitConfig(out, agent, "instructions", file.path);
  const lines = file.text.split("\n");
  let fence;
  let inComment = false;
  let inFrontMatter = lines[0]?.trim() === "---";
  for (let index = inFrontMatter ? 1 : 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, "");
    if (inFrontMatter) {
      if (line.trim() === "---") inFrontMatter = false;
      continue;
    }
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker.startsWith(fence)) fence = void 0;
      continue;
    }
    if (fence) continue;
    if (inComment) {
      if (line.includes("-->")) inComment = false;
      continue;
    }
    if (/^\s*<!--/.test(line) && !line.includes("-->")) {
      inComment = true;
      continue;
    }
    for (const guardrail of guardrailsIn(line)) {
      out.publish("agent-prose-guardrail", {
        agents,
        classes: guardrail.classes,
        tools: guardrail.tools,
        text: guardrail.text,
        location: {
          path: file.path,
          span: { line: index + 1, column: guardrail.start + 1, endLine: index + 1, endColumn: guardrail.end + 1 }
        }
      });
    }
  }
}

// detectors/agent-permission/configs/launchers.ts
var LAUNCHER_PATH = new RegExp(
  [
    String.raw`^\.github/workflows/[^/]+\.ya?ml$`,
    String.raw`(^|/)\.gitlab-ci\.ya?ml$`,
    String.raw`^\.circleci/config\.ya?ml$`,
    String.raw`(^|/)(bitbucket|azure)-pipelines\.ya?ml$`,
    String.raw`(^|/)Jenkinsfile$`,
    String.raw`(^|/)package\.json$`,
    String.raw`(^|/)(GNUmakefile|[Mm]akefile|[^/]+\.mk)$`,
    String.raw`(^|/)\.?[Jj]ustfile$`,
    String.raw`(^|/)Taskfile\.ya?ml$`,
    String.raw`\.(sh|bash|zsh|ps1)$`,
    String.raw`(^|/)([Dd]ockerfile|Containerfile)([.-][^/]*)?$`,
    String.raw`\.dockerfile$`,
    String.raw`(^|/)\.devcontainer(/[^/]+)?/devcontainer\.json$|(^|/)\.devcontainer\.json$`,
    String.raw`(^|/)(docker-)?compose[^/]*\.ya?ml$`,
    String.raw`(^|/)\.husky/[^/]+$`,
    String.raw`(^|/)(scripts|bin)/[^/.]+$`,
    String.raw`(^|/)Procfile$`
  ].join("|")
);
function isLauncherFile(path2) {
  return LAUNCHER_PATH.test(path2);
}
function readLauncher(file, out) {
  const lines = file.text.split("\n");
  const seen = /* @__PURE__ */ new Set();
  let textUntil;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, "");
    if (textUntil !== void 0) {
      if (line.trim() === textUntil) textUntil = void 0;
      continue;
    }
    const heredoc = TEXT_HEREDOC.exec(line);
    if (heredoc) textUntil = heredoc[1];
    if (isComment2(line)) continue;
    const command = commandLine(lines, index);
    for (const flag of LAUNCH_FLAGS) {
      const match = flag.flag.exec(line);
      if (!match) continue;
      const flagAt = command.length - line.length + match.index;
      if (flag.command) {
        const invoked = flag.command.exec(command);
        if (!invoked || invoked.index > flagAt) continue;
      }
      if (searchedOrPrinted(command, flagAt)) continue;
      const key = `${index}|${flag.agent}`;
      if (seen.has(key)) continue;
      seen.add(key);
      emitConfig(out, flag.agent, "launcher", file.path);
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassFlag,
        agent: flag.agent,
        grant: flag.grant,
        setting: match[0].trim(),
        span: spanOf2(index, match.index, match[0].length),
        lets: flag.lets,
        effective: true,
        ...flag.grant === "file-write" ? { severity: "low" } : {}
      });
    }
    if (COPILOT_COMMAND.test(command)) {
      for (const allowed of line.matchAll(COPILOT_ALLOWED_TOOL)) {
        const permission = commandPermission(prefixMatcher(allowed[1]), { agent: "copilot", setting: allowed[0], span: spanOf2(index, allowed.index, allowed[0].length) });
        if (!permission) continue;
        emitConfig(out, "copilot", "launcher", file.path);
        emitPermission(file, out, permission);
      }
    }
    for (const allowed of line.matchAll(CLAUDE_ALLOWED_TOOLS)) {
      const list = allowed[1] ?? allowed[2] ?? allowed[3] ?? "";
      for (const entry of splitToolList(list)) {
        const permission = allowedToolPermission(entry, spanOf2(index, allowed.index, allowed[0].length));
        if (!permission) continue;
        emitConfig(out, permission.agent, "launcher", file.path);
        emitPermission(file, out, permission);
      }
    }
  }
}
var TEXT_HEREDOC = /\b(?:cat|tee)\b[^<]*<<-?\s*["']?(\w+)["']?/;
function searchedOrPrinted(command, flagAt) {
  const before = command.slice(0, flagAt);
  const start = before.lastIndexOf("\n") + 1;
  let last = -1;
  for (const match of before.matchAll(/\b(?:grep|egrep|fgrep|rg|ag|ack|echo|printf)\b/g)) last = match.index;
  if (last === -1 || last < start - 1) return false;
  return !/[|;&]/.test(before.slice(last));
}
function allowedToolPermission(entry, span) {
  const claude = /^(Bash|PowerShell)(?:\((.*)\))?$/s.exec(entry);
  const gemini = /^(run_shell_command|ShellTool)(?:\((.*)\))?$/s.exec(entry);
  let agent;
  let matcher;
  if (claude) {
    agent = "claude-code";
    matcher = bashMatcher(claude[2]);
  } else if (gemini) {
    agent = "gemini-cli";
    matcher = gemini[2] === void 0 ? () => true : prefixMatcher(gemini[2]);
  } else {
    return void 0;
  }
  if (!matcher) return void 0;
  return commandPermission(matcher, { agent, setting: `--allowedTools "${entry}"`, span });
}
function splitToolList(list) {
  const entries = [];
  let depth = 0;
  let current = "";
  for (const char of list) {
    if (char === "(") depth++;
    if (char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === "," || /\s/.test(char))) {
      if (current) entries.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current) entries.push(current);
  return entries;
}
function commandLine(lines, index) {
  let start = index;
  while (start > 0 && /\\\s*$/.test(lines[start - 1]) && !isComment2(lines[start - 1])) start--;
  return lines.slice(start, index + 1).map((line) => line.replace(/\r$/, "")).join("\n");
}
function isComment2(line) {
  const trimmed = line.trimStart();
  return trimmed.startsWith("#") && !trimmed.startsWith("#!") || trimmed.startsWith("//") || trimmed.startsWith("REM ");
}
function spanOf2(index, column, length) {
  return { line: index + 1, column: column + 1, endLine: index + 1, endColumn: column + 1 + length };
}

// knowledge/agents/values.ts
function isSecretName(name) {
  return secretNameClass(name) !== void 0 || /(?:^|[_-])(?:pat|dsn)(?:$|[_-])|connection[_-]?string|database[_-]?url|db[_-]?url/i.test(name);
}
var SECRET_PREFIX = /^(?:ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|sk_live_|rk_live_|sk-ant-|sk-proj-|sk-|sbp_|napi_|xox[abpr]-|AKIA[0-9A-Z]{16}$|ASIA[0-9A-Z]{16}$|AIza|ya29\.|npm_|pypi-|dop_v1_|shpat_|lin_api_|cfut_|cfat_|hf_)/;
function isReference2(value) {
  const trimmed = value.trim();
  return /\$\{[^}]+\}/.test(trimmed) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed) || /\{env:[^}]+\}|\{file:[^}]+\}/.test(trimmed) || /%[A-Za-z_][A-Za-z0-9_]*%/.test(trimmed) || /\{\{[^}]+\}\}/.test(trimmed) || /^op:\/\//.test(trimmed) || /^(?:process\.env|os\.environ)/.test(trimmed);
}
var PLACEHOLDER_WORDS3 = /(?:^|[^a-z])(?:your|my|example|sample|placeholder|changeme|change[_-]?me|changeit|replace|redacted|dummy|fake|todo|xxx+|insert|enter|put[_-]?your|goes[_-]?here|here$|<[^>]*>|\.\.\.)/i;
function isPlaceholder2(value) {
  const trimmed = value.trim();
  if (trimmed.length < 8) return true;
  if (PLACEHOLDER_WORDS3.test(trimmed)) return true;
  if (/^(.)\1+$/.test(trimmed)) return true;
  if (/^[A-Za-z]+[_-]+(?:[A-Za-z]+[_-]+)?([xX0*.])\1{5,}$/.test(trimmed)) return true;
  if (/^(?:abcdef|123456|password|secret|test|none|null|undefined|true|false)/i.test(trimmed) && trimmed.length < 20) return true;
  return false;
}
function isLiteralSecret(value) {
  const trimmed = value.trim();
  if (isReference2(trimmed) || isPlaceholder2(trimmed)) return false;
  if (/\s/.test(trimmed)) return false;
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(trimmed) || /^https?:\/\/[^@]*$/.test(trimmed)) return false;
  if (!SECRET_PREFIX.test(trimmed) && isConfigurationValue(trimmed)) return false;
  return /[0-9]/.test(trimmed) || SECRET_PREFIX.test(trimmed) || trimmed.length >= 24;
}
function isConfigurationValue(value) {
  if (/^arn:aws[\w-]*:/.test(value)) return true;
  if (/^(?:[\w.-]+\/)+[\w.-]+$/.test(value) && (/\.[a-z]{2,5}$/.test(value) || /^[a-z0-9_./-]+$/.test(value))) return true;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}$/.test(value) && !/^\d+(?:\.\d+)+$/.test(value)) return true;
  const segments = value.split(/[_-]/);
  return segments.length >= 2 && segments.every((segment) => /^[a-z]{2,}\d{0,3}$|^v\d{1,3}$|^\d{1,4}$/i.test(segment)) && segments.filter((segment) => /^[a-z]{3,}/i.test(segment) && /[aeiou]/i.test(segment)).length * 2 >= segments.length;
}
function hasSecretPrefix(value) {
  return SECRET_PREFIX.test(value.trim());
}
function connectionStringPassword(value) {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@[^\s]+$/i.exec(value.trim());
  if (!match) return void 0;
  const password = decodeURIComponentSafe(match[1]);
  if (isReference2(password) || isPlaceholder2(password)) return void 0;
  return password;
}
function hostOf2(value) {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^/:?#\s]+)/i.exec(value.trim());
  return match?.[1]?.toLowerCase();
}
function decodeURIComponentSafe(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// detectors/agent-permission/configs/mcp.ts
var dollar = (variable) => `\${${variable}}`;
var MCP_FILES = [
  { test: /(^|\/)\.mcp\.json$/, agent: "claude-code", key: "mcpServers", reference: dollar },
  { test: /(^|\/)\.cursor\/mcp\.json$/, agent: "cursor", key: "mcpServers", reference: (v) => `\${env:${v}}` },
  { test: /(^|\/)\.vscode\/mcp\.json$/, agent: "copilot", key: "servers", reference: (v) => `\${input:${v.toLowerCase().replace(/_/g, "-")}} (an input with "password": true)` },
  { test: /(^|\/)\.gemini\/settings\.json$/, agent: "gemini-cli", key: "mcpServers", reference: (v) => `$${v}`, settings: true },
  { test: /(^|\/)\.roo\/mcp\.json$/, agent: "roo-code", key: "mcpServers", reference: (v) => `\${env:${v}}` },
  { test: /(^|\/)\.kilocode\/mcp\.json$/, agent: "kilo-code", key: "mcpServers", reference: (v) => `\${env:${v}}` },
  { test: /(^|\/)\.amazonq\/mcp\.json$/, agent: "amazon-q", key: "mcpServers", reference: dollar },
  { test: /(^|\/)\.amazonq\/cli-agents\/[^/]+\.json$/, agent: "amazon-q", key: "mcpServers", reference: dollar, settings: true },
  { test: /(^|\/)\.kiro\/settings\/mcp\.json$/, agent: "kiro", key: "mcpServers", reference: dollar },
  { test: /(^|\/)\.kiro\/agents\/[^/]+\.json$/, agent: "kiro", key: "mcpServers", reference: dollar, settings: true },
  { test: /(^|\/)\.junie\/mcp\/mcp\.json$/, agent: "junie", key: "mcpServers", reference: dollar },
  { test: /(^|\/)\.zed\/settings\.json$/, agent: "zed", key: "context_servers", reference: dollar, settings: true },
  { test: /(^|\/)\.codex\/config\.toml$/, agent: "codex", key: "mcp_servers", reference: (v) => `env_vars = ["${v}"] (or bearer_token_env_var)`, settings: true },
  { test: /(^|\/)(?:\.opencode\/)?opencode\.jsonc?$/, agent: "opencode", key: "mcp", reference: (v) => `{env:${v}}`, settings: true },
  { test: /(^|\/)\.amp\/settings\.jsonc?$/, agent: "amp", key: "amp.mcpServers", reference: dollar, settings: true },
  { test: /(^|\/)\.continue\/mcpServers\/[^/]+\.ya?ml$/, agent: "continue", key: "mcpServers", reference: (v) => `\${{ secrets.${v} }}` },
  // Continue also takes Claude-style JSON drop-ins, and servers in its main config.
  { test: /(^|\/)\.continue\/mcpServers\/[^/]+\.json$/, agent: "continue", key: "mcpServers", reference: (v) => `\${{ secrets.${v} }}` },
  { test: /(^|\/)\.continue\/config\.ya?ml$/, agent: "continue", key: "mcpServers", reference: (v) => `\${{ secrets.${v} }}`, settings: true },
  // VS Code's settings held MCP servers before .vscode/mcp.json did, and still may.
  { test: /(^|\/)\.vscode\/settings\.json$/, agent: "copilot", key: "mcp.servers", nested: [["mcp", "servers"]], reference: (v) => `\${input:${v.toLowerCase().replace(/_/g, "-")}} (an input with "password": true)`, settings: true },
  // User-level files that get committed by mistake.
  { test: /(^|\/)claude_desktop_config\.json$/, agent: "claude-code", key: "mcpServers", reference: dollar },
  { test: /(^|\/)\.claude\.json$/, agent: "claude-code", key: "mcpServers", nested: [["projects", "*", "mcpServers"]], reference: dollar, settings: true },
  { test: /(^|\/)cline_mcp_settings\.json$/, agent: "cline", key: "mcpServers", reference: dollar },
  { test: /(^|\/)mcp_config\.json$/, agent: "windsurf", key: "mcpServers", reference: dollar }
];
function isMcpFile(path2) {
  return MCP_FILES.some((candidate) => candidate.test.test(path2));
}
function readMcpFile(file, out) {
  const spec = MCP_FILES.find((candidate) => candidate.test.test(file.path));
  if (!spec) return;
  const root = spec.settings ? quietRoot(file) : rootMap(file, out);
  if (!root) return;
  const containers = containersOf(root, spec);
  if (containers.length === 0) return;
  emitConfig(out, spec.agent, "mcp", file.path);
  const servers = [];
  for (const container of containers) if (!collectServers(file, out, spec, container, servers)) return;
  for (const server of servers) {
    reportInlineCredentials(file, out, spec, server);
    if (server.disabled) continue;
    reportWriteAccess(file, out, spec, server);
    reportApprovedTools(file, out, spec, server);
  }
}
function containersOf(root, spec) {
  const found = [];
  const top = root.entries.find((entry) => entry.key === spec.key)?.value;
  if (top) found.push(top);
  for (const path2 of spec.nested ?? []) {
    let level = [root];
    for (const step of path2) {
      level = level.flatMap((node) => node.kind !== "map" ? [] : node.entries.filter((entry) => step === "*" || entry.key === step).map((entry) => entry.value));
    }
    found.push(...level);
  }
  return found;
}
function collectServers(file, out, spec, container, servers) {
  if (container.kind === "map") {
    for (const entry of container.entries) {
      if (entry.value.kind !== "map") {
        invalid(file, out, `MCP server "${entry.key}" in ${file.path} is not an object; it was ignored.`, entry.keySpan.line);
        continue;
      }
      servers.push(serverOf(entry.key, entry.keySpan, entry.value));
    }
  } else if (container.kind === "seq") {
    for (const item of container.items) {
      const name = get(item, "name");
      if (item.kind !== "map" || name?.kind !== "scalar") {
        invalid(file, out, `An MCP server in ${file.path} has no name; it was ignored.`, item.span.line);
        continue;
      }
      servers.push(serverOf(String(name.value), name.span, item));
    }
  } else {
    invalid(file, out, `${spec.key} in ${file.path} should be an object of MCP servers; it was ignored.`, container.span.line);
    return false;
  }
  return true;
}
function quietRoot(file) {
  const root = file.data()?.roots[0];
  return root?.kind === "map" ? root : void 0;
}
function serverOf(name, nameSpan, node) {
  let commandNode = get(node, "command");
  let argsNode = get(node, "args");
  let envNode = get(node, "env") ?? get(node, "environment");
  if (commandNode?.kind === "map") {
    argsNode = get(commandNode, "args") ?? argsNode;
    envNode = get(commandNode, "env") ?? envNode;
    commandNode = get(commandNode, "path");
  }
  const argNodes = [];
  let command;
  if (commandNode?.kind === "seq") {
    const [first, ...rest] = commandNode.items.flatMap(scalarOf);
    command = first?.value;
    argNodes.push(...rest);
  } else if (commandNode) {
    command = scalarOf(commandNode)[0]?.value;
  }
  if (argsNode?.kind === "seq") argNodes.push(...argsNode.items.flatMap(scalarOf));
  const envNodes = pairsOf(envNode);
  const headerNodes = [...pairsOf(get(node, "headers")), ...pairsOf(get(node, "http_headers"))];
  const bearer = get(node, "bearer_token");
  if (bearer?.kind === "scalar" && typeof bearer.value === "string") headerNodes.push({ key: "Authorization", value: `Bearer ${bearer.value}`, span: bearer.span });
  const urlNode = ["url", "httpUrl", "serverUrl"].map((key) => scalarOf(get(node, key))[0]).find(Boolean);
  const disabledNode = get(node, "disabled");
  const enabledNode = get(node, "enabled");
  return {
    name,
    nameSpan,
    node,
    command,
    args: argNodes.map((arg) => arg.value),
    argNodes,
    env: Object.fromEntries(envNodes.map((pair) => [pair.key, pair.value])),
    envNodes,
    headers: Object.fromEntries(headerNodes.map((pair) => [pair.key, pair.value])),
    headerNodes,
    url: urlNode?.value,
    urlNode,
    disabled: disabledNode?.kind === "scalar" && disabledNode.value === true || enabledNode?.kind === "scalar" && enabledNode.value === false
  };
}
function scalarOf(node) {
  if (node?.kind !== "scalar" || node.value === null) return [];
  return [{ value: node.expression ?? String(node.value), span: node.span }];
}
function pairsOf(node) {
  if (node?.kind !== "map") return [];
  return node.entries.flatMap((entry) => scalarOf(entry.value).map((value) => ({ key: entry.key, ...value })));
}
var LOCAL_HOST2 = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1|host\.docker\.internal|[\w-]+\.local)$/i;
var SECRET_FLAG = /^--?(?:[\w-]*(?:token|secret|password|passwd|api-?key|apikey|access-key|private-key|credential|auth|pat|dsn|connection-?string))$/i;
function inlineSecrets(server) {
  const found = [];
  for (const pair of server.envNodes) {
    const secret = secretIn(pair.key, pair.value) ?? bearerIn(pair.value);
    if (secret) found.push({ where: `env ${pair.key}`, variable: pair.key, secret, span: pair.span });
  }
  for (const pair of server.headerNodes) {
    const bearer = /^\s*(?:bearer|basic|token)\s+(\S+)\s*$/i.exec(pair.value)?.[1];
    const value = bearer ?? pair.value;
    if ((bearer !== void 0 || isSecretName(pair.key)) && isLiteralSecret(value)) {
      found.push({ where: `header ${pair.key}`, variable: variableFor(server.name, "token"), secret: value, span: pair.span });
    }
  }
  server.argNodes.forEach((arg, index) => {
    const assigned = /^(--?[\w-]+)=(.+)$/s.exec(arg.value);
    const header = /^(?:authorization|x-api-key|api-key)\s*:\s*(?:bearer\s+|basic\s+|token\s+)?(\S+)$/i.exec(arg.value.trim());
    let secret;
    let flag = "";
    if (assigned && SECRET_FLAG.test(assigned[1])) {
      flag = assigned[1];
      secret = isLiteralSecret(assigned[2]) ? assigned[2] : void 0;
    } else if (header) {
      flag = "header";
      secret = isLiteralSecret(header[1]) ? header[1] : void 0;
    } else if (index > 0 && SECRET_FLAG.test(server.argNodes[index - 1].value) && !arg.value.startsWith("-")) {
      flag = server.argNodes[index - 1].value;
      secret = isLiteralSecret(arg.value) ? arg.value : void 0;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=./s.test(arg.value)) {
      const at = arg.value.indexOf("=");
      flag = `argument ${arg.value.slice(0, at)}`;
      secret = secretIn(arg.value.slice(0, at), arg.value.slice(at + 1));
    } else if (/^https?:\/\//i.test(arg.value)) {
      secret = querySecret(arg.value) ?? connectionSecret(arg.value);
      flag = `URL in argument ${index + 1}`;
    } else {
      secret = secretIn("", arg.value) ?? (index > 0 && looksGenerated2(arg.value) ? arg.value : void 0);
      flag = hostOf2(arg.value) ? `connection string in argument ${index + 1}` : `argument ${index + 1}`;
    }
    const variable = flag.startsWith("connection") ? variableFor(server.name, "database_url") : variableFor(server.name, flag.replace(/^-+/, ""));
    if (secret) found.push({ where: flag.startsWith("-") ? `argument ${flag}` : flag, variable, secret, span: arg.span });
  });
  if (server.urlNode) {
    const secret = querySecret(server.urlNode.value) ?? connectionSecret(server.urlNode.value);
    if (secret) found.push({ where: "url", variable: variableFor(server.name, "token"), secret, span: server.urlNode.span });
  }
  return found;
}
function querySecret(url) {
  const query = /[?&](?:api[_-]?key|apikey|key|token|access[_-]?token|auth|secret)=([^&#\s]+)/i.exec(url)?.[1];
  return query && isLiteralSecret(query) ? query : void 0;
}
function bearerIn(value) {
  const token = /\b(?:bearer|token)\s+([A-Za-z0-9._~+/=-]{16,})/i.exec(value)?.[1];
  return token && isLiteralSecret(token) ? token : void 0;
}
function looksGenerated2(value) {
  return /^[A-Za-z0-9_-]{32,}$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && isLiteralSecret(value);
}
function secretIn(name, value) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) return connectionSecret(value);
  if (hasSecretPrefix(value) && isLiteralSecret(value)) return value.trim();
  if (name && isSecretName(name) && isLiteralSecret(value)) return value.trim();
  return void 0;
}
function connectionSecret(value) {
  const password = connectionStringPassword(value);
  const host = hostOf2(value);
  if (!password || host && LOCAL_HOST2.test(host)) return void 0;
  return password;
}
function variableFor(server, field) {
  return `${server}_${field}`.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_|_$/g, "");
}
function reportInlineCredentials(file, out, spec, server) {
  const title = agentTitle(spec.agent);
  for (const secret of inlineSecrets(server)) {
    const line = file.line(secret.span.line);
    out.report({
      ruleId: RULE_IDS.mcpInlineCredential,
      message: `The MCP server "${server.name}" in ${file.path} is given a literal credential (${secret.where}): ${title} ${secret.where.startsWith("header") || secret.where === "url" ? "sends it with every request to the server" : "starts the server with it"}, so every tool the agent calls acts with that credential's full scope; reference it as ${spec.reference(secret.variable)} instead.`,
      location: { path: file.path, span: lineSpan3(file, secret.span) },
      snippet: redactIn(line.trim(), secret.secret),
      evidence: `mcp-credential|${server.name}|${secret.where}`,
      details: { agent: spec.agent, server: server.name, field: secret.where }
    });
  }
}
function productionEvidence(server) {
  const candidates = [[server.name, `its name "${server.name}"`]];
  const plain2 = (value) => /^[\w.:@/-]{1,60}$/.test(value) && !value.startsWith("-") && !hasSecretPrefix(value);
  server.args.forEach((value, index) => {
    const host = hostOf2(value);
    if (host) candidates.push(...endpointOf(value, host));
    else if (plain2(value) && !(index > 0 && SECRET_FLAG.test(server.args[index - 1]))) candidates.push([value, `argument "${value}"`]);
  });
  for (const [key, value] of Object.entries(server.env)) {
    const host = hostOf2(value);
    if (host) candidates.push(...endpointOf(value, host));
    else if (plain2(value) && !isSecretName(key) && !IGNORED_VARIABLES.has(key)) candidates.push([value, `${key}=${value}`]);
    if (!IGNORED_VARIABLES.has(key)) candidates.push([key, `variable ${key}`]);
  }
  for (const value of [...server.args, ...Object.values(server.env), server.url ?? ""]) {
    for (const reference of value.matchAll(/\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}|\{env:([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const variable = reference[1] ?? reference[2] ?? reference[3];
      if (!IGNORED_VARIABLES.has(variable)) candidates.push([variable, `variable ${variable}`]);
    }
  }
  const urlHost = server.url ? hostOf2(server.url) : void 0;
  if (urlHost) candidates.push([urlHost, `host ${urlHost}`]);
  for (const [text, because] of candidates) {
    if (tokensOf(text).some((token) => token !== "live" && canonicalEnvironment(token) === "production")) return because;
  }
  return void 0;
}
function endpointOf(value, host) {
  const found = [[host, `host ${host}`]];
  const database = /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+\/([\w.-]+)/i.exec(value.trim())?.[1];
  if (database && !/^https?:/i.test(value.trim())) found.push([database, `database ${database}`]);
  return found;
}
var IGNORED_VARIABLES = /* @__PURE__ */ new Set(["NODE_ENV", "RAILS_ENV", "RACK_ENV", "APP_ENV", "FLASK_ENV", "LOG_LEVEL"]);
function reportWriteAccess(file, out, spec, server) {
  const kind = mcpServerKind(server);
  if (!kind || kind.readOnly(server)) return;
  const production = productionEvidence(server);
  const accountWide = kind.accountWide(server);
  if (!production && !accountWide) return;
  const title = agentTitle(spec.agent);
  const where = production ? `points at production (${production})` : "reaches the whole account";
  out.report({
    ruleId: RULE_IDS.mcpWriteAccess,
    message: `The ${kind.title} "${server.name}" in ${file.path} ${where} without its read-only mode: through it ${title} ${kind.reach}. Fix: ${kind.fix}.`,
    location: { path: file.path, span: lineSpan3(file, server.nameSpan) },
    snippet: file.line(server.nameSpan.line).trim(),
    evidence: `mcp-write|${server.name}|${kind.id}`,
    details: { agent: spec.agent, server: server.name, kind: kind.id, ...production ? { environment: "production" } : {}, accountWide }
  });
}
function reportApprovedTools(file, out, spec, server) {
  const trust = get(server.node, "trust");
  if (trust?.kind === "scalar" && trust.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: spec.agent,
      grant: "mcp-tool",
      setting: `mcpServers.${server.name}.trust: true`,
      span: trust.span,
      lets: `call every tool of the MCP server "${server.name}"`,
      effective: true,
      reaches: server.name
    });
  }
  for (const key of ["alwaysAllow", "autoApprove"]) {
    const list = get(server.node, key);
    if (list?.kind !== "seq") continue;
    const tools = list.items.flatMap(scalarOf).map((item) => item.value);
    const risky = tools.filter((tool) => tool === "*" || WRITE_TOOL_NAME.test(tool));
    if (risky.length === 0) continue;
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: spec.agent,
      grant: "mcp-tool",
      setting: `${spec.key}.${server.name}.${key}: [${risky.map((tool) => `"${tool}"`).join(", ")}]`,
      span: list.span,
      lets: risky.includes("*") ? `call every tool of the MCP server "${server.name}"` : `call ${risky.join(", ")} on the MCP server "${server.name}"`,
      effective: true,
      reaches: server.name
    });
  }
}

// detectors/agent-permission/configs/opencode.ts
var OPENCODE_CONFIG = /(^|\/)(?:\.opencode\/)?opencode\.jsonc?$/;
var ACTIONS = /* @__PURE__ */ new Set(["allow", "ask", "deny"]);
function readOpencodeConfig(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, "opencode", "settings", file.path);
  const permission = get(root, "permission");
  if (permission === void 0) return;
  if (permission.kind === "scalar") {
    if (permission.value === "allow") allowEverything(file, out, '"permission": "allow"', permission.span);
    return;
  }
  if (permission.kind !== "map") return;
  const wildcard = get(permission, "*");
  if (wildcard?.kind === "scalar" && wildcard.value === "allow") allowEverything(file, out, '"permission": { "*": "allow" }', wildcard.span);
  const bash = get(permission, "bash");
  if (bash) readBash(file, out, bash);
  const read = get(permission, "read");
  if (read?.kind === "map") {
    const directory = directoryOf3(file.path.replace(/(^|\/)\.opencode\/[^/]+$/, "$1x"));
    for (const entry of read.entries) {
      if (entry.value.kind !== "scalar" || entry.value.value !== "deny" && entry.value.value !== "ask") continue;
      emitExclusion(file, out, "opencode", directory ? `/${directory}**/${entry.key}` : entry.key, entry.keySpan, entry.value.value === "ask");
    }
  }
}
function allowEverything(file, out, setting, span) {
  emitPermission(file, out, {
    ruleId: RULE_IDS.bypassMode,
    agent: "opencode",
    grant: "bypass-mode",
    setting,
    span,
    lets: "run every tool, shell included,",
    effective: true
  });
}
function readBash(file, out, bash) {
  if (bash.kind === "scalar") {
    if (bash.value === "allow") {
      emitPermission(file, out, {
        ruleId: RULE_IDS.shellAutoApproved,
        agent: "opencode",
        grant: "shell",
        setting: '"permission": { "bash": "allow" }',
        span: bash.span,
        lets: "run any shell command",
        effective: true
      });
    }
    return;
  }
  if (bash.kind !== "map") return;
  const rules2 = [];
  for (const entry of bash.entries) {
    const action = entry.value.kind === "scalar" ? String(entry.value.value) : "";
    if (!ACTIONS.has(action)) {
      unknownValue(file, out, `permission.bash "${entry.key}" in ${file.path} is "${action}", not allow, ask or deny; it was ignored.`, entry.keySpan.line);
      continue;
    }
    rules2.push({ key: entry.key, action, span: entry.keySpan });
  }
  rules2.forEach((rule2, index) => {
    const matcher = globMatcher(rule2.key);
    const setting = `"permission": { "bash": { "${rule2.key}": "${rule2.action}" } }`;
    if (rule2.action !== "allow") {
      emitBrake(file, out, "opencode", rule2.action === "deny" ? "deny" : "ask", setting, rule2.span, matcher);
      return;
    }
    const later = rules2.slice(index + 1).filter((candidate) => candidate.action !== "allow").map((candidate) => globMatcher(candidate.key));
    const permission = commandPermission(matcher, { agent: "opencode", setting, span: rule2.span, except: later });
    if (permission) emitPermission(file, out, permission);
  });
}

// detectors/agent-permission/configs/vscode.ts
var VSCODE_SETTINGS = /(^|\/)\.vscode\/settings\.json$|\.code-workspace$/;
var TERMINAL_MAPS = ["chat.tools.terminal.autoApprove", "chat.agent.terminal.allowList", "github.copilot.chat.agent.terminal.allowList"];
var TERMINAL_DENY_MAPS = ["chat.agent.terminal.denyList", "github.copilot.chat.agent.terminal.denyList"];
var GLOBAL_AUTO_APPROVE = ["chat.tools.global.autoApprove", "chat.tools.autoApprove"];
var PREFIX_LISTS = [
  { agent: "roo-code", allow: "roo-cline.allowedCommands", deny: "roo-cline.deniedCommands" },
  { agent: "kilo-code", allow: "kilo-code.allowedCommands", deny: "kilo-code.deniedCommands" },
  { agent: "windsurf", allow: "windsurf.cascadeCommandsAllowList", deny: "windsurf.cascadeCommandsDenyList" }
];
var DEVCONTAINER = /(^|\/)\.devcontainer(\/[^/]+)?\/devcontainer\.json$|(^|\/)\.devcontainer\.json$/;
var PERMISSION_LEVELS = /* @__PURE__ */ new Set(["default", "autoApprove", "autopilot"]);
function readVscodeSettings(file, out) {
  let root = rootMap(file, out);
  if (!root) return;
  if (file.path.endsWith(".code-workspace")) {
    root = mapAt(file, out, root, "settings");
    if (!root) return;
  }
  readSettings(file, out, root, false);
}
function readDevcontainer(file, out) {
  const root = rootMap(file, out);
  const settings = get(get(get(root, "customizations"), "vscode"), "settings");
  if (settings?.kind === "map") readSettings(file, out, settings, true);
}
function readSettings(file, out, root, machine) {
  const keys = new Set(root.entries.map((entry) => entry.key));
  const relevant = [...TERMINAL_MAPS, ...TERMINAL_DENY_MAPS, ...GLOBAL_AUTO_APPROVE, "chat.permissions.default", ...PREFIX_LISTS.flatMap((list) => [list.allow, list.deny])];
  if (!relevant.some((key) => keys.has(key))) return;
  for (const key of GLOBAL_AUTO_APPROVE) {
    const value = valueOf(root, key);
    if (value?.kind === "scalar" && value.value === true) {
      emitConfig(out, "copilot", "settings", file.path);
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: "copilot",
        grant: "bypass-mode",
        setting: `"${key}": true`,
        span: value.span,
        lets: "run every tool, terminal included,",
        ...machine ? { effective: true } : { effective: false, ignoredBecause: IGNORED_BECAUSE.vscodeGlobalAutoApprove }
      });
    }
  }
  const level = valueOf(root, "chat.permissions.default");
  if (level?.kind === "scalar" && typeof level.value === "string") {
    if (!PERMISSION_LEVELS.has(level.value)) {
      unknownValue(file, out, `"chat.permissions.default" "${level.value}" in ${file.path} is not a VS Code permission level; it was ignored.`, level.span.line);
    } else if (level.value !== "default") {
      emitConfig(out, "copilot", "settings", file.path);
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: "copilot",
        grant: "bypass-mode",
        setting: `"chat.permissions.default": "${level.value}"`,
        span: level.span,
        lets: level.value === "autopilot" ? "run every tool, terminal included, and keep going until it decides the task is done," : "run every tool, terminal included,",
        effective: true
      });
    }
  }
  const terminalBrakes = [];
  for (const key of TERMINAL_DENY_MAPS) readTerminalMap(file, out, root, key, "deny", terminalBrakes);
  for (const key of TERMINAL_MAPS) readTerminalMap(file, out, root, key, "brakes", terminalBrakes);
  for (const key of TERMINAL_MAPS) readTerminalMap(file, out, root, key, "allow", terminalBrakes);
  for (const list of PREFIX_LISTS) {
    const allow = valueOf(root, list.allow);
    const deny = valueOf(root, list.deny);
    if (allow || deny) emitConfig(out, list.agent, "settings", file.path);
    const brakes = [];
    if (deny) {
      for (const item of stringsOf(file, out, deny, list.deny)) {
        const matcher = prefixMatcher(item.value);
        brakes.push(matcher);
        emitBrake(file, out, list.agent, "deny", `"${list.deny}": "${item.value}"`, item.span, matcher);
      }
    }
    if (allow) {
      for (const item of stringsOf(file, out, allow, list.allow)) {
        const permission = commandPermission(prefixMatcher(item.value), { agent: list.agent, setting: `"${list.allow}": "${item.value}"`, span: item.span, except: brakes });
        if (permission) emitPermission(file, out, permission);
      }
    }
  }
}
function readTerminalMap(file, out, root, key, pass, brakes) {
  const map = valueOf(root, key);
  if (!map) return;
  if (pass !== "brakes") emitConfig(out, "copilot", "settings", file.path);
  if (map.kind !== "map") {
    if (pass !== "brakes") invalid(file, out, `"${key}" in ${file.path} should be an object of command rules; it was ignored.`, map.span.line);
    return;
  }
  for (const entry of map.entries) {
    const matcher = ruleMatcher(entry.key);
    if (!matcher) {
      if (pass === "allow" || pass === "deny") unknownValue(file, out, `The rule "${entry.key}" of "${key}" in ${file.path} is not a valid regular expression; it was ignored.`, entry.keySpan.line);
      continue;
    }
    const approve = pass === "deny" ? false : approval(entry.value);
    if (approve === void 0) continue;
    const setting = `"${key}": { "${entry.key}": ${approve} }`;
    if (!approve && pass !== "allow") {
      brakes.push(matcher);
      emitBrake(file, out, "copilot", "ask", setting, entry.keySpan, matcher);
    } else if (approve && pass === "allow") {
      const permission = commandPermission(matcher, { agent: "copilot", setting, span: entry.keySpan, except: brakes });
      if (permission) emitPermission(file, out, permission);
    }
  }
}
function approval(value) {
  if (value.kind === "scalar") return typeof value.value === "boolean" ? value.value : void 0;
  if (value.kind === "map") {
    const approve = value.entries.find((entry) => entry.key === "approve")?.value;
    return approve?.kind === "scalar" && typeof approve.value === "boolean" ? approve.value : void 0;
  }
  return void 0;
}
function ruleMatcher(key) {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(key);
  if (regex) return regexMatcher(regex[1], regex[2]);
  return prefixMatcher(key);
}
function valueOf(root, key) {
  return root.entries.find((entry) => entry.key === key)?.value;
}

// detectors/agent-permission/configs/zed.ts
var ZED_SETTINGS = /(^|\/)\.zed\/settings\.json$/;
var IGNORED = IGNORED_BECAUSE.zedAgent;
function readZedSettings(file, out) {
  const root = rootMap(file, out);
  if (!root) return;
  const agent = mapAt(file, out, root, "agent");
  const privateFiles = get(root, "private_files");
  if (!agent && !privateFiles && !get(root, "context_servers")) return;
  emitConfig(out, "zed", "settings", file.path);
  const projectDirectory = directoryOf3(directoryOf3(file.path).replace(/\/$/, ""));
  for (const item of stringsAt(file, out, root, "private_files")) {
    emitExclusion(file, out, "zed", projectDirectory ? `/${projectDirectory}${item.value.replace(/^\/+/, "")}` : item.value, item.span);
  }
  if (!agent) return;
  const always = booleanAt(agent, "always_allow_tool_actions");
  if (always?.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: "zed",
      grant: "bypass-mode",
      setting: "agent.always_allow_tool_actions: true",
      span: always.span,
      lets: "run every tool, terminal included,",
      effective: false,
      ignoredBecause: IGNORED
    });
  }
  const permissions = mapAt(file, out, agent, "tool_permissions");
  const fallback = stringAt(permissions, "default");
  if (fallback?.value === "allow") {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: "zed",
      grant: "bypass-mode",
      setting: 'agent.tool_permissions.default: "allow"',
      span: fallback.span,
      lets: "run every tool, terminal included,",
      effective: false,
      ignoredBecause: IGNORED
    });
  }
  const terminal = get(get(permissions, "tools"), "terminal");
  const terminalDefault = stringAt(terminal, "default");
  if (terminalDefault?.value === "allow") {
    emitPermission(file, out, {
      ruleId: RULE_IDS.shellAutoApproved,
      agent: "zed",
      grant: "shell",
      setting: 'agent.tool_permissions.tools.terminal.default: "allow"',
      span: terminalDefault.span,
      lets: "run any terminal command",
      effective: false,
      ignoredBecause: IGNORED
    });
  }
  const allowed = get(terminal, "always_allow");
  if (allowed?.kind === "seq") {
    for (const rule2 of allowed.items) {
      const pattern = stringAt(rule2, "pattern");
      const matcher = pattern && regexMatcher(pattern.value);
      if (!pattern || !matcher) continue;
      const permission = commandPermission(matcher, {
        agent: "zed",
        setting: `agent.tool_permissions.tools.terminal.always_allow: "${pattern.value}"`,
        span: pattern.span,
        effective: false,
        ignoredBecause: IGNORED
      });
      if (permission) emitPermission(file, out, permission);
    }
  }
}

// detectors/agent-permission/guardrail-check.ts
var PRODUCTION_TOOLS = /* @__PURE__ */ new Set([...toolsOfDomain("data"), ...toolsOfDomain("infrastructure"), ...toolsOfDomain("migration")]);
var MIGRATION_TOOLS = /* @__PURE__ */ new Set([...toolsOfDomain("migration"), ...toolsOfDomain("data")]);
var DATA_TOOLS = MIGRATION_TOOLS;
var DATA_WORDS2 = /\b(?:databases?|dbs?|data|tables?|volumes?|buckets?|backups?|schemas?|collections?)\b/i;
function reportProseGuardrails(context) {
  const guardrails = context.facts.all("agent-prose-guardrail");
  if (guardrails.length === 0) return;
  const brakes = context.facts.all("agent-command-brake");
  const hasReadRule = context.facts.all("agent-read-exclusion").some((exclusion) => !exclusion.builtIn);
  const allowed = [
    ...new Set(
      context.facts.all("agent-grant").filter((grant) => grant.grant === "destructive-command" && grant.reaches).map((grant) => grant.reaches)
    )
  ];
  for (const guardrail of guardrails) {
    const unenforced = guardrail.classes.filter((kind) => !enforced(kind, guardrail, brakes, hasReadRule));
    if (unenforced.length === 0) continue;
    const agent = guardrail.agents[0] ?? "claude-code";
    const quoted = guardrail.text.length > 160 ? `${guardrail.text.slice(0, 157)}...` : guardrail.text;
    context.report({
      ruleId: RULE_IDS.proseOnlyGuardrail,
      message: `${guardrail.location.path} tells ${agentTitle(agent)} "${quoted}", but no agent configuration in the repository enforces it: the model decides whether to obey. Enforce it with ${fixFor(agent, unenforced[0], guardrail.tools, allowed)}.`,
      location: guardrail.location,
      snippet: quoted,
      evidence: `guardrail|${guardrail.text.toLowerCase().replace(/\s+/g, " ")}`,
      details: { agent, classes: guardrail.classes, ...guardrail.tools.length > 0 ? { tools: guardrail.tools } : {} }
    });
  }
}
function stops(brakes, accept) {
  return brakes.some((brake) => brake.stops.some((tool) => tool === "*" || accept(tool)));
}
function enforced(kind, guardrail, brakes, hasReadRule) {
  if (kind === "credentials") return hasReadRule;
  if (guardrail.tools.length > 0) return guardrail.tools.every((tool) => stops(brakes, (stopped) => stopped === tool));
  switch (kind) {
    case "destructive":
      return stops(brakes, () => true);
    case "production":
      return stops(brakes, (tool) => DATA_WORDS2.test(guardrail.text) ? DATA_TOOLS.has(tool) : PRODUCTION_TOOLS.has(tool));
    case "migration":
      return stops(brakes, (tool) => MIGRATION_TOOLS.has(tool));
  }
}
var TYPED = {
  "prisma migrate reset": "npx prisma migrate reset",
  "prisma db push --force-reset": "npx prisma db push",
  "rails db:drop": "bin/rails db:drop",
  "artisan migrate:fresh": "php artisan migrate:fresh"
};
function fixFor(agent, kind, tools, allowed) {
  const knowledge = agentKnowledge(agent);
  if (kind === "credentials") {
    const fix = knowledge.exclusionFix ?? agentKnowledge("claude-code").exclusionFix;
    const hint = fix(".env");
    return knowledge.exclusionFix ? `an exclusion for the secret files (${hint}, and the same for .env.*)` : `a read rule for the agents that have one (Claude Code: ${hint}); ${agentTitle(agent)} has none, so keep secrets out of the checkout`;
  }
  const deny = knowledge.commandDeny ?? agentKnowledge("claude-code").commandDeny;
  const commands = tools.length > 0 ? tools : allowed.length > 0 ? allowed : kind === "destructive" ? ["rm"] : kind === "migration" ? ["npx prisma migrate"] : ["psql"];
  const rules2 = commands.slice(0, 3).map((command) => deny.rule(TYPED[command] ?? command)).join(", ");
  const more = tools.length === 0 && kind !== "destructive" ? ", and the same for every deploy and database CLI that reaches production" : "";
  return `a deny rule in ${deny.where}: ${rules2}${more}`;
}

// detectors/agent-permission/reach.ts
var import_ignore = __toESM(require_ignore(), 1);
var GIT_IGNORED = "(files git ignores)";
function publishBuiltInExclusions(context) {
  const repoRules = context.facts.all("agent-read-exclusion");
  for (const agent of AGENTS) {
    const replaced = agent.id === "zed" && repoRules.some((rule2) => rule2.agent === "zed" && !rule2.builtIn);
    if (!replaced) {
      for (const pattern of agent.builtInExclusions) context.publish("agent-read-exclusion", { agent: agent.id, pattern, builtIn: true });
    }
    if (agent.skipsGitIgnored) context.publish("agent-read-exclusion", { agent: agent.id, pattern: GIT_IGNORED, builtIn: true, gitIgnoredFiles: true });
  }
}
function agentsInUse(context) {
  return new Set(context.facts.all("agent-config").map((config) => config.agent));
}
var ExclusionIndex = class {
  byAgent = /* @__PURE__ */ new Map();
  constructor(exclusions) {
    for (const exclusion of exclusions) {
      let entry = this.byAgent.get(exclusion.agent);
      if (!entry) {
        entry = { patterns: (0, import_ignore.default)(), gitIgnored: false };
        this.byAgent.set(exclusion.agent, entry);
      }
      if (exclusion.gitIgnoredFiles) entry.gitIgnored = true;
      else entry.patterns.add(exclusion.pattern);
    }
  }
  excludes(agent, path2, gitIgnored) {
    const entry = this.byAgent.get(agent);
    if (!entry) return false;
    if (gitIgnored && entry.gitIgnored) return true;
    try {
      return entry.patterns.ignores(path2);
    } catch {
      return false;
    }
  }
};
function shellBypassing(grants) {
  const byAgent = /* @__PURE__ */ new Map();
  for (const grant of grants) {
    if (!grant.effective) continue;
    if (grant.grant === "bypass-mode" || grant.grant === "shell" || grant.grant === "interpreter") {
      if (!byAgent.has(grant.agent)) byAgent.set(grant.agent, grant);
    }
  }
  return byAgent;
}
function enrichCredentials(context) {
  const credentials = context.facts.all("credential").filter((credential) => credential.location.commit === void 0);
  if (credentials.length === 0) return;
  const inUse = agentsInUse(context);
  const candidates = inUse.size > 0 ? [...inUse].sort() : AGENTS.map((agent) => agent.id);
  const exclusions = new ExclusionIndex(context.facts.all("agent-read-exclusion"));
  const shells = shellBypassing(context.facts.all("agent-grant"));
  const byPath = /* @__PURE__ */ new Map();
  for (const credential of credentials) {
    const list = byPath.get(credential.location.path);
    if (list) list.push(credential);
    else byPath.set(credential.location.path, [credential]);
  }
  const reachByPath = /* @__PURE__ */ new Map();
  for (const [path2, inFile] of [...byPath.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const gitIgnored = inFile.some((credential) => credential.inIgnoredDotenv);
    const reach = reachOfFile(path2, gitIgnored, candidates, exclusions, shells);
    const agentReadable = reach.readableBy.length > 0;
    reachByPath.set(path2, { agentReadable, excludedFor: reach.excludedFor, readableBy: reach.readableBy, readableByShell: reach.readableByShell });
    if (!agentReadable) continue;
    if (gitIgnored && inUse.size === 0) continue;
    reportSecretFile(context, path2, inFile, reach, shells, inUse.size > 0);
  }
  context.enrichEach("credential", (credential) => credential.location.commit === void 0 ? reachByPath.get(credential.location.path) : void 0);
}
function reachOfFile(path2, gitIgnored, candidates, exclusions, shells) {
  const excludedFor = [];
  const readableBy = [];
  const readableByShell = [];
  for (const agent of candidates) {
    if (exclusions.excludes(agent, path2, gitIgnored)) {
      excludedFor.push(agent);
      if (shells.has(agent)) {
        readableByShell.push(agent);
        readableBy.push(agent);
      }
    } else {
      readableBy.push(agent);
    }
  }
  return { excludedFor, readableBy, readableByShell };
}
function reportSecretFile(context, path2, inFile, reach, shells, agentsKnown) {
  const live = inFile.filter((credential) => credential.scope !== "public" && credential.scope !== "test");
  if (!live.some((credential) => credential.provider !== "generic" || credential.scope === "root" || credential.scope === "root-resource")) return;
  const ordered = [...live].sort((a, b) => a.location.span.line - b.location.span.line || a.location.span.column - b.location.span.column);
  const first = ordered[0];
  const root = live.some((credential) => credential.scope === "root" || credential.scope === "root-resource");
  const severity = root ? "high" : "medium";
  const kinds = [...new Set(ordered.map((credential) => commonNoun(credential.kindTitle)))];
  const holds = ordered.length === 1 ? `${/^[aeiou]/i.test(kinds[0]) ? "an" : "a"} ${kinds[0]}` : `${ordered.length} credentials (${kinds.join(", ")})`;
  const byFiles = reach.readableBy.filter((agent) => !reach.readableByShell.includes(agent));
  const it = ordered.length === 1 ? "it" : "them";
  let message;
  if (!agentsKnown) {
    message = `${path2} holds ${holds} that any coding agent opened here can read: no ignore file or deny rule in the repository keeps ${it} from agents (Claude Code, Codex and GitHub Copilot exclude nothing by default). Fix: ${agentKnowledge("claude-code").exclusionFix(path2)}; ${agentKnowledge("cursor").exclusionFix(path2)}; or move the credential out of the checkout.`;
  } else {
    const readers = [...byFiles.map((agent) => agentTitle(agent)), ...reach.readableByShell.map((agent) => `${agentTitle(agent)} (through its unasked shell)`)];
    const shellNotes = reach.readableByShell.map((agent) => {
      const grant = shells.get(agent);
      return `${agentTitle(agent)}'s file rules exclude it, but ${grant.setting} (${grant.location.path}) lets its shell read it`;
    });
    const fixes = fixesFor(path2, byFiles);
    const unruled = byFiles.length > 0 ? ` no ignore file or deny rule in the repository keeps ${it} from ${listOf(byFiles.map(agentTitle))}.` : "";
    message = `${path2} holds ${holds} that ${listOf(readers)} can read:${unruled}` + (shellNotes.length > 0 ? ` ${shellNotes.join("; ")}.` : "") + (fixes ? ` ${fixes}` : "");
  }
  context.report({
    ruleId: RULE_IDS.secretFileNotExcluded,
    severity,
    message,
    location: { path: path2, span: first.location.span },
    evidence: `secret-file|${path2}`,
    details: {
      agents: reach.readableBy,
      excludedFor: reach.excludedFor,
      ...root ? { scope: first.scope === "root-resource" && !live.some((credential) => credential.scope === "root") ? "root-resource" : "root" } : {},
      kind: first.kind,
      provider: first.provider
    },
    related: ordered.slice(1).map((credential) => ({ location: credential.location, message: `also holds: ${credential.kindTitle}` }))
  });
}
function fixesFor(path2, agents) {
  const withRule = agents.filter((agent) => agentKnowledge(agent).exclusionFix);
  const without = agents.filter((agent) => !agentKnowledge(agent).exclusionFix);
  const parts = [];
  for (const agent of withRule.slice(0, 3)) parts.push(`${agentTitle(agent)}: ${agentKnowledge(agent).exclusionFix(path2)}`);
  if (withRule.length > 3) parts.push(`and the same for ${listOf(withRule.slice(3).map(agentTitle))}`);
  if (without.length > 0) {
    parts.push(`${listOf(without.map(agentTitle))} ${without.length === 1 ? "has" : "have"} no repository rule that hides a file: move the credential out of the checkout`);
  }
  return parts.length > 0 ? `Fix: ${parts.join("; ")}.` : "";
}
function commonNoun(title) {
  return /^(?:Database|Secret|Secret-named|Password|Private|Generic|Hard-coded|Hardcoded|Connection|Basic|Bearer|Session|Webhook|Signing|Encryption)\b/.test(title) ? title[0].toLowerCase() + title.slice(1) : title;
}
function listOf(items) {
  if (items.length <= 1) return items[0] ?? "";
  if (items.length > 4) return `${items.slice(0, 3).join(", ")} and ${items.length - 3} more agents`;
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// detectors/agent-permission/rules/bypass-mode.ts
var bypassMode = {
  id: "agent-permission/bypass-mode",
  title: "Agent configured to run every tool without a human",
  severity: "high",
  why: 'The repository puts an agent in a mode where no tool call waits for a person: Claude Code bypassPermissions, Codex approval_policy "never" without a sandbox, Amp dangerouslyAllowAll, OpenCode "permission": "allow". Every shell command, deploy and API call the model decides on runs at once, with whatever credentials it can read. Settings the agent ignores from a repository (Claude auto mode, VS Code global auto-approve, Gemini yolo, Zed agent settings) are reported at info as intent.',
  fix: "Remove the mode from the committed settings and approve tools per command instead (allow narrow read-only commands, deny destructive ones). Run bypass modes only in a disposable container with no production credentials.",
  helpUri: "https://code.claude.com/docs/en/permission-modes",
  precision: "very-high",
  tags: ["agent", "permissions", "owasp-llm06"],
  samples: {
    positive: [
      sample(
        ".claude/settings.json",
        '{\n  "$schema": "https://json.schemastore.org/claude-code-settings.json",\n  "permissions": {\n    "defaultMode": "bypassPermissions",\n    "allow": ["Bash(npm run test:*)", "Bash(npm run lint)"]\n  },\n  "includeCoAuthoredBy": false\n}\n',
        { expect: { line: 4 } }
      ),
      sample(
        ".codex/config.toml",
        'model = "gpt-5-codex"\nmodel_reasoning_effort = "high"\napproval_policy = "never"\nsandbox_mode = "danger-full-access"\n\n[tui]\nnotifications = true\n',
        { expect: { line: 3 }, note: "no approvals and no sandbox" }
      ),
      sample(".amp/settings.json", '{\n  "amp.dangerouslyAllowAll": true,\n  "amp.git.commit.ampThread.enabled": false\n}\n', { expect: { line: 2 } }),
      sample("opencode.json", '{\n  "$schema": "https://opencode.ai/config.json",\n  "model": "anthropic/claude-sonnet-4-5",\n  "permission": "allow"\n}\n', {
        expect: { line: 4 }
      }),
      sample(
        ".vscode/settings.json",
        '{\n  "editor.formatOnSave": true,\n  "typescript.tsdk": "node_modules/typescript/lib",\n  "chat.tools.global.autoApprove": true\n}\n',
        { expect: { line: 4 }, note: "application-scope setting: intent only, reported at info" }
      ),
      sample(".vscode/settings.json", '{\n  "chat.agent.enabled": true,\n  "chat.permissions.default": "autopilot"\n}\n', {
        expect: { line: 3 },
        note: "window-scoped: new chat sessions in this workspace start in Autopilot"
      }),
      sample(
        ".devcontainer/devcontainer.json",
        '{\n  "name": "api",\n  "image": "mcr.microsoft.com/devcontainers/typescript-node:20",\n  "customizations": {\n    "vscode": {\n      "extensions": ["github.copilot-chat"],\n      "settings": {\n        "chat.tools.global.autoApprove": true\n      }\n    }\n  }\n}\n',
        { expect: { line: 8 }, note: "container machine settings honour global auto-approve" }
      ),
      sample(".aider.conf.yml", "model: sonnet\nauto-commits: true\nyes-always: true\nread:\n  - CONVENTIONS.md\n", { expect: { line: 3 } })
    ],
    negative: [
      sample(
        ".claude/settings.json",
        '{\n  "permissions": {\n    "defaultMode": "acceptEdits",\n    "allow": ["Bash(npm run test:*)", "Bash(git diff:*)"],\n    "deny": ["Read(./.env)", "Read(./.env.*)"]\n  }\n}\n'
      ),
      sample(".codex/config.toml", 'model = "gpt-5-codex"\napproval_policy = "on-request"\nsandbox_mode = "workspace-write"\n\n[sandbox_workspace_write]\nnetwork_access = false\n'),
      sample(
        ".vscode/settings.json",
        '{\n  "editor.defaultFormatter": "esbenp.prettier-vscode",\n  "chat.tools.global.autoApprove": false,\n  "files.exclude": { "**/dist": true }\n}\n'
      ),
      sample(".gemini/settings.json", '{\n  "general": { "defaultApprovalMode": "default", "vimMode": false },\n  "ui": { "theme": "GitHub" }\n}\n'),
      sample(".vscode/settings.json", '{\n  "chat.permissions.default": "default",\n  "chat.tools.terminal.autoApprove": { "npm test": true }\n}\n'),
      sample("docs/agents.md", '# Working with agents\n\nDo not set `"defaultMode": "bypassPermissions"` in `.claude/settings.json`; it skips every prompt.\n', {
        note: "prose about the setting is not the setting"
      })
    ]
  }
};

// detectors/agent-permission/rules/shell-auto-approved.ts
var shellAutoApproved = {
  id: "agent-permission/shell-auto-approved",
  title: "Agent shell approved for any command",
  severity: "high",
  why: "An allow rule that matches every command (Claude Code `Bash` or `Bash(*)`, Cursor `Shell(*)`, a VS Code terminal rule `/.*/`, Gemini `run_shell_command`, Roo `*`, Amazon Q `execute_bash`) lets the agent run anything, from `cat .env` to a provider API call that deletes a volume, without a person seeing it. No ignore file stops the shell. Allowing an interpreter (`python`, `node`, `bash -c`, `npx`) is the same, less visibly (reported medium).",
  fix: "Allow only the narrow commands the agent needs (`Bash(npm run test:*)`, `Bash(git diff:*)`) and deny destructive and deploy CLIs explicitly; leave everything else to a prompt.",
  helpUri: "https://code.claude.com/docs/en/permissions",
  precision: "very-high",
  tags: ["agent", "permissions", "shell", "owasp-llm06"],
  samples: {
    positive: [
      sample(".claude/settings.json", '{\n  "permissions": {\n    "allow": [\n      "Bash",\n      "WebFetch(domain:docs.stripe.com)"\n    ]\n  }\n}\n', {
        expect: { line: 4 }
      }),
      sample(".claude/settings.local.json", '{\n  "permissions": {\n    "allow": ["Bash(*)", "Read(//Users/dana/.npmrc)"],\n    "deny": []\n  }\n}\n', {
        expect: { line: 3 }
      }),
      sample(".cursor/cli.json", '{\n  "permissions": {\n    "allow": ["Shell(*)", "Read(src/**)", "Write(src/**)"],\n    "deny": ["Read(.env*)"]\n  }\n}\n', {
        expect: { line: 3 }
      }),
      sample(
        ".vscode/settings.json",
        '{\n  "editor.formatOnSave": true,\n  "chat.tools.terminal.autoApprove": {\n    "/.*/": true\n  }\n}\n',
        { expect: { line: 4 } }
      ),
      sample(".gemini/settings.json", '{\n  "tools": {\n    "allowed": ["run_shell_command", "read_file"]\n  }\n}\n', { expect: { line: 3 } }),
      sample(
        ".vscode/settings.json",
        '{\n  "chat.tools.terminal.autoApprove": {\n    "rm": false,\n    "/.*/": true\n  }\n}\n',
        { expect: { line: 4 }, note: "a few ask rules do not narrow an allow-everything rule" }
      ),
      sample(".vscode/settings.json", '{\n  "roo-cline.allowedCommands": ["npm test", "*"]\n}\n', { expect: { line: 2 }, note: "Roo Code: `*` allows every command" }),
      sample(".claude/settings.json", '{\n  "permissions": {\n    "allow": ["Bash(npm test:*)", "Bash(python3:*)"]\n  }\n}\n', {
        expect: { line: 3 },
        note: "an interpreter runs any program"
      }),
      sample(
        ".amazonq/cli-agents/dev.json",
        '{\n  "name": "dev",\n  "tools": ["*"],\n  "allowedTools": ["fs_read", "execute_bash"],\n  "resources": ["file://README.md"]\n}\n',
        { expect: { line: 4 } }
      )
    ],
    negative: [
      sample(
        ".claude/settings.json",
        '{\n  "permissions": {\n    "allow": [\n      "Bash(npm run lint)",\n      "Bash(npm run test:*)",\n      "Bash(git status)",\n      "Bash(git diff:*)",\n      "Bash(gh pr view:*)"\n    ]\n  }\n}\n'
      ),
      sample(
        ".vscode/settings.json",
        '{\n  "chat.tools.terminal.autoApprove": {\n    "npm test": true,\n    "/^git (status|log|diff)\\\\b/": true,\n    "rm": false\n  }\n}\n'
      ),
      sample(".gemini/settings.json", '{\n  "tools": {\n    "allowed": ["run_shell_command(git status)", "run_shell_command(npm test)"]\n  }\n}\n'),
      sample(".cursor/cli.json", '{\n  "permissions": {\n    "allow": ["Shell(ls)", "Shell(git)"],\n    "deny": ["Shell(rm)"]\n  }\n}\n')
    ]
  }
};

// detectors/agent-permission/rules/destructive-command-allowed.ts
var destructiveCommandAllowed = {
  id: "agent-permission/destructive-command-allowed",
  title: "Destructive command approved for the agent",
  severity: "high",
  why: "An allow rule lets the agent run a command that deletes data or infrastructure without a person confirming it: `Bash(rm:*)`, `Bash(railway:*)`, `Bash(terraform destroy:*)`, `kubectl delete`, `psql` (any SQL), `aws`. One call of the incident's kind, `railway volume delete` with a token the agent found, is then a single unreviewed step.",
  fix: "Remove the allow rule, or narrow it to read-only subcommands (`Bash(terraform plan:*)`, `Bash(kubectl get:*)`), and add a deny (or ask) rule for the destructive ones so no later allow can open them.",
  helpUri: "https://code.claude.com/docs/en/permissions",
  precision: "high",
  tags: ["agent", "permissions", "destructive", "owasp-llm06"],
  samples: {
    positive: [
      sample(
        ".claude/settings.local.json",
        '{\n  "permissions": {\n    "allow": [\n      "Bash(npm run dev)",\n      "Bash(railway:*)",\n      "Bash(rm:*)"\n    ]\n  }\n}\n',
        { expect: { line: 5 } }
      ),
      sample(".claude/settings.json", '{\n  "permissions": {\n    "allow": ["Bash(terraform plan:*)", "Bash(terraform destroy:*)"]\n  }\n}\n', {
        expect: { line: 3 }
      }),
      sample(".codex/rules/default.rules", '# Commands Codex may run outside the sandbox\nprefix_rule(pattern=["git", "status"], decision="allow")\nprefix_rule(pattern=["railway"], decision="allow")\n', {
        expect: { line: 3 }
      }),
      sample(".cursor/permissions.json", '{\n  // team allowlist\n  "terminalAllowlist": ["npm test", "kubectl"]\n}\n', { expect: { line: 3 } }),
      sample(".vscode/settings.json", '{\n  "chat.tools.terminal.autoApprove": {\n    "/^terraform (plan|apply)\\\\b/": true\n  }\n}\n', { expect: { line: 3 } }),
      sample("opencode.json", '{\n  "permission": {\n    "bash": {\n      "*": "ask",\n      "psql *": "allow"\n    }\n  }\n}\n', { expect: { line: 5 } }),
      sample(".claude/settings.json", '{\n  "permissions": {\n    "allow": ["Bash(npm test:*)", "Bash(npx supabase:*)"]\n  }\n}\n', { expect: { line: 3 }, note: "a CLI run through a package runner" }),
      sample(".claude/settings.json", '{\n  "permissions": {\n    "allow": [\n      "Bash(rm -r:*)"\n    ]\n  }\n}\n', { expect: { line: 4 }, note: "a flag of rm, not one path" }),
      sample(".codex/rules/default.rules", 'prefix_rule(pattern = ["pnpm", "prisma", "migrate"], decision = "allow",)\n', { expect: { line: 1 } }),
      sample(".claude/settings.json", '{\n  "permissions": {\n    "allow": ["Bash(aws s3 rb:*)"]\n  }\n}\n', { expect: { line: 3 } })
    ],
    negative: [
      sample(
        ".claude/settings.json",
        '{\n  "permissions": {\n    "allow": ["Bash(terraform plan:*)", "Bash(kubectl get:*)", "Bash(rm -rf node_modules)", "Bash(railway logs:*)"],\n    "deny": ["Bash(terraform destroy:*)"]\n  }\n}\n'
      ),
      sample(".codex/rules/default.rules", 'prefix_rule(pattern=["railway"], decision="forbidden")\nprefix_rule(pattern=["terraform", ["plan", "fmt"]], decision="allow")\n'),
      sample("opencode.json", '{\n  "permission": {\n    "bash": {\n      "*": "ask",\n      "git *": "allow",\n      "rm *": "deny"\n    }\n  }\n}\n'),
      sample(".cursor/permissions.json", '{\n  "terminalAllowlist": ["npm test", "git status", "kubectl get"]\n}\n'),
      sample(
        ".claude/settings.json",
        '{\n  "permissions": {\n    "allow": ["Bash(railway:*)"],\n    "deny": ["Bash(railway down:*)", "Bash(railway delete:*)", "Bash(railway volume:*)"]\n  }\n}\n',
        { note: "deny rules win over the allow: what is left of railway deletes nothing" }
      )
    ]
  }
};

// detectors/agent-permission/rules/mcp-tools-auto-approved.ts
var mcpToolsAutoApproved = {
  id: "agent-permission/mcp-tools-auto-approved",
  title: "MCP tools approved for the agent in advance",
  severity: "medium",
  why: "Approving every tool of an MCP server (Claude Code `mcp__server`, Gemini `trust: true`, Amazon Q `@server`, Cursor `server:*`) or its write tools (`execute_sql`, `apply_migration`, `delete_*` in Roo `alwaysAllow` or Kiro `autoApprove`) lets the agent change a database or a cloud account through that server without a person seeing the call.",
  fix: "Approve only read-only tools by name (`mcp__supabase__list_tables`) and leave writes to a prompt; turn on the server's read-only mode.",
  helpUri: "https://docs.github.com/en/copilot/how-tos/use-copilot-agents/coding-agent/extend-coding-agent-with-mcp",
  precision: "high",
  tags: ["agent", "mcp", "permissions", "owasp-llm06"],
  samples: {
    positive: [
      sample(".claude/settings.json", '{\n  "permissions": {\n    "allow": ["mcp__supabase", "Bash(npm test:*)"]\n  },\n  "enabledMcpjsonServers": ["supabase"]\n}\n', {
        expect: { line: 3 }
      }),
      sample(
        ".gemini/settings.json",
        '{\n  "mcpServers": {\n    "db": {\n      "command": "npx",\n      "args": ["-y", "@henkey/postgres-mcp-server", "--connection-string", "$DATABASE_URL"],\n      "trust": true\n    }\n  }\n}\n',
        { expect: { line: 6 } }
      ),
      sample(
        ".roo/mcp.json",
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only", "--project-ref=xyzcompanyref"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${env:SUPABASE_ACCESS_TOKEN}" },\n      "alwaysAllow": ["list_tables", "execute_sql"]\n    }\n  }\n}\n',
        { expect: { line: 7 } }
      )
    ],
    negative: [
      sample(".claude/settings.json", '{\n  "permissions": {\n    "allow": ["mcp__context7__resolve-library-id", "mcp__context7__get-library-docs"]\n  }\n}\n'),
      sample(
        ".roo/mcp.json",
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only", "--project-ref=xyzcompanyref"],\n      "alwaysAllow": ["list_tables", "list_extensions"]\n    }\n  }\n}\n'
      ),
      sample(".gemini/settings.json", '{\n  "mcpServers": {\n    "docs": {\n      "httpUrl": "https://mcp.context7.com/mcp",\n      "trust": false\n    }\n  }\n}\n')
    ]
  }
};

// detectors/agent-permission/rules/bypass-flag.ts
var bypassFlag = {
  id: "agent-permission/bypass-flag",
  title: "Agent launched with approvals turned off",
  severity: "high",
  why: "A workflow, script or Makefile starts an agent with a flag that skips every approval (`--dangerously-skip-permissions`, `--permission-mode bypassPermissions`, `--dangerously-bypass-approvals-and-sandbox`, `--yolo`, `--approval-mode=yolo`, `--allow-all-tools`, `--trust-all-tools`). Whatever the prompt or a file it reads asks for runs, with the secrets of the job or the machine it runs on.",
  fix: 'Start the agent with an explicit, narrow tool list (`--allowedTools "Bash(npm test:*)"`, `--sandbox workspace-write`) and no deploy or production credentials in its environment; keep bypass flags for disposable sandboxes.',
  helpUri: "https://code.claude.com/docs/en/permission-modes",
  precision: "very-high",
  tags: ["agent", "ci", "permissions", "owasp-llm06"],
  samples: {
    positive: [
      sample(
        ".github/workflows/claude-triage.yml",
        'name: Claude triage\non:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm install -g @anthropic-ai/claude-code\n      - run: |\n          claude -p "Label and triage issue #${{ github.event.issue.number }}" \\\n            --dangerously-skip-permissions\n        env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n',
        { expect: { line: 13 } }
      ),
      sample(
        "package.json",
        '{\n  "name": "acme-web",\n  "private": true,\n  "scripts": {\n    "dev": "next dev",\n    "agent:fix": "gemini --yolo -p \\"fix the failing tests\\""\n  }\n}\n',
        { expect: { line: 6 } }
      ),
      sample("Makefile", '.PHONY: test agent\n\ntest:\n	go test ./...\n\nagent:\n	codex exec --dangerously-bypass-approvals-and-sandbox "$(TASK)"\n', {
        expect: { line: 7 }
      }),
      sample(
        ".github/workflows/copilot-fix.yml",
        'name: Copilot fix\non: workflow_dispatch\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx -y @github/copilot -p "Fix lint errors" --allow-all-tools\n',
        { expect: { line: 8 } }
      ),
      sample("scripts/agent.sh", '#!/usr/bin/env bash\ncodex exec -c approval_policy=never -c sandbox_mode=danger-full-access "$1"\n', { expect: { line: 2 }, note: "the sandbox turned off through a config override" }),
      sample(".github/workflows/nightly.yml", 'jobs:\n  gemini:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx @google/gemini-cli -y -p "Fix failing tests and push"\n', { expect: { line: 5 }, note: "Gemini CLI's short -y is --yolo" }),
      sample(".github/workflows/q.yml", 'jobs:\n  q:\n    runs-on: ubuntu-latest\n    steps:\n      - run: q chat --no-interactive --trust-tools=execute_bash,use_aws "rotate old snapshots"\n', { expect: { line: 5 } }),
      sample(".github/workflows/copilot.yml", 'jobs:\n  copilot:\n    runs-on: ubuntu-latest\n    steps:\n      - run: copilot -p "Clean up stale branches" --allow-tool=shell\n', { expect: { line: 5 } })
    ],
    negative: [
      sample(
        ".github/workflows/policy.yml",
        "jobs:\n  guard:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          if git grep -n -e '--dangerously-skip-permissions' -e '--yolo' -- ':!.github'; then\n            echo 'agent bypass flag committed'; exit 1\n          fi\n",
        { note: "a guard that searches for the flag" }
      ),
      sample("scripts/agent-help.sh", "#!/usr/bin/env bash\ncat <<'TXT'\nDo not run `claude --dangerously-skip-permissions` on your laptop; use the devcontainer.\nTXT\n", { note: "help text in a here-document" }),
      sample(
        ".github/workflows/claude-review.yml",
        'name: Claude review\non: pull_request\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: claude -p "Review this diff" --allowedTools "Read,Grep,Bash(git diff:*)"\n'
      ),
      sample("scripts/agent.sh", '#!/usr/bin/env bash\nset -euo pipefail\n# Never run: claude --dangerously-skip-permissions\nclaude -p "$1" --permission-mode plan\n', {
        note: "a commented-out flag is not a launch"
      }),
      sample("package.json", '{\n  "scripts": {\n    "summarize": "npx -y @google/gemini-cli -p \\"summarize CHANGELOG.md\\"",\n    "clean": "rm -rf dist --force"\n  }\n}\n')
    ]
  }
};

// detectors/agent-permission/rules/prose-only-guardrail.ts
var proseOnlyGuardrail = {
  id: "agent-permission/prose-only-guardrail",
  title: "Guardrail stated in prose only",
  severity: "medium",
  why: `AGENTS.md, CLAUDE.md, .cursor/rules or copilot-instructions.md tells the agent never to run destructive commands, touch production, run migrations or read secrets, and no agent configuration in the repository denies any of it. Instructions shape what the model tries; permission rules decide what the agent may do. The decision was placed with the model, the incident's exact gap: an agent that "guessed" deleted a production volume its instructions told it to leave alone.`,
  fix: 'Keep the sentence, and back it with a rule the agent enforces: a deny (or ask) rule for the commands it names (`"Bash(railway:*)"` in `.claude/settings.json` permissions.deny, `Shell(rm)` in `.cursor/cli.json`, a Codex `prefix_rule(..., decision="forbidden")`), or a read exclusion for the secret files.',
  helpUri: "https://code.claude.com/docs/en/permissions",
  precision: "medium",
  tags: ["agent", "instructions", "guardrail"],
  samples: {
    positive: [
      sample(
        "CLAUDE.md",
        "# Acme API\n\n## Commands\n- `npm run dev` starts the API on :3000\n- `npm test` runs the suite\n\n## Rules\n- Never run destructive commands (drop, reset --hard, rm -rf) without asking.\n- Keep commits small.\n",
        { expect: { line: 8 } }
      ),
      sample(
        "AGENTS.md",
        "# Agent guide\n\nThe API deploys to Railway from `main`.\n\n- Run `pnpm test` before you commit.\n- Never run migrations against production; ask a maintainer.\n",
        { expect: { line: 6 } }
      ),
      sample(
        ".cursor/rules/database.mdc",
        '---\ndescription: Database work\nglobs: ["prisma/**"]\n---\n\nUse Prisma for every query.\nDo not delete the database volume or reset the production database under any circumstances.\n',
        { expect: { line: 7 } }
      ),
      sample("GEMINI.md", "# Notes for Gemini\n\n* Do not read `.env` files or print their values.\n", { expect: { line: 3 } })
    ],
    negative: [
      sample("CLAUDE.md", "# Web app\n\n- Never push to main; open a PR.\n- Never commit secrets; use .env.example.\n- Avoid `any` in production code.\n"),
      {
        files: {
          "CLAUDE.md": "# Acme API\n\n- Never run destructive commands (rm -rf, dropdb) without asking.\n",
          ".claude/settings.json": '{\n  "permissions": {\n    "deny": ["Bash(rm:*)", "Bash(dropdb:*)"]\n  }\n}\n'
        },
        note: "the sentence is enforced by deny rules"
      },
      sample(
        "AGENTS.md",
        "# Contributing with agents\n\n```bash\n# never do this\nrm -rf /\n```\n\nDo not edit existing migrations; add a new one.\n",
        { note: "code blocks and migration-file hygiene are not guardrails of this kind" }
      )
    ]
  }
};

// detectors/agent-permission/rules/mcp-inline-credential.ts
var mcpInlineCredential = {
  id: "agent-permission/mcp-inline-credential",
  title: "MCP server configured with a literal credential",
  severity: "high",
  why: "An MCP server entry in a repository file (.mcp.json, .cursor/mcp.json, .vscode/mcp.json, .gemini/settings.json...) carries a token, API key or database password as a literal. The agent holds that credential at tool level: every tool of the server acts with its full scope, whoever or whatever is driving the agent, and the file is in every clone.",
  fix: 'Reference the secret instead of writing it (`${VAR}` in .mcp.json, `${env:VAR}` in Cursor and Roo, `${input:id}` with `"password": true` in VS Code, `env_vars`/`bearer_token_env_var` in Codex), rotate the one that was committed, and prefer a scoped, read-only token for the server.',
  helpUri: "https://code.visualstudio.com/docs/copilot/reference/mcp-configuration",
  precision: "high",
  tags: ["agent", "mcp", "secrets", "owasp-mcp01"],
  samples: {
    positive: [
      sample(
        ".mcp.json",
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": [\n        "-y",\n        "@supabase/mcp-server-supabase@latest",\n        "--access-token",\n        "sbp_4f9c2e7a1b3d5f60718293a4b5c6d7e8f9012345"\n      ]\n    }\n  }\n}\n',
        { expect: { line: 9 } }
      ),
      sample(
        ".cursor/mcp.json",
        '{\n  "mcpServers": {\n    "github": {\n      "command": "docker",\n      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],\n      "env": {\n        "GITHUB_PERSONAL_ACCESS_TOKEN": "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"\n      }\n    }\n  }\n}\n',
        { expect: { line: 7 } }
      ),
      sample(
        ".vscode/mcp.json",
        '{\n  "servers": {\n    "linear": {\n      "type": "http",\n      "url": "https://mcp.linear.app/mcp",\n      "headers": {\n        "Authorization": "Bearer lin_api_Qm4x8Rt2Vw6Yz0Bc3De7Fg1Hj5Kl9Np2Rs6Tu0V"\n      }\n    }\n  }\n}\n',
        { expect: { line: 7 } }
      ),
      sample(
        ".cursor/mcp.json",
        '{\n  "mcpServers": {\n    "github": {\n      "command": "docker",\n      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN=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", "ghcr.io/github/github-mcp-server"]\n    }\n  }\n}\n',
        { expect: { line: 5 }, note: "a variable set on docker's command line" }
      ),
      sample(
        ".cursor/mcp.json",
        '{\n  "mcpServers": {\n    "tools": {\n      "command": "npx",\n      "args": ["-y", "mcp-remote", "https://mcp.acme-tools.io/sse?api_key=k7Hq2mZp9XvB4nRt6YwLs8Jd3FgC5aUe"]\n    }\n  }\n}\n',
        { expect: { line: 5 }, note: "a remote server's URL handed to a bridge" }
      ),
      sample(
        ".cursor/mcp.json",
        '{\n  "mcpServers": {\n    "notion": {\n      "command": "npx",\n      "args": ["-y", "@notionhq/notion-mcp-server"],\n      "env": {\n        "OPENAPI_MCP_HEADERS": "{\\"Authorization\\": \\"Bearer ntn_2491750376818Wq3kYbXvZcPdLfRtGhJmNsA9eUi4oB\\", \\"Notion-Version\\": \\"2022-06-28\\" }"\n      }\n    }\n  }\n}\n',
        { expect: { line: 7 }, note: "Notion's documented headers variable" }
      ),
      sample(
        ".cursor/mcp.json",
        '{\n  "mcpServers": {\n    "neon": {\n      "command": "npx",\n      "args": ["-y", "@neondatabase/mcp-server-neon", "start", "q8Zr2Lk5Vn7Xb3Mt9Pw4Hs6Jd1Fg0Ca2Ye5Uo8Ri3"]\n    }\n  }\n}\n',
        { expect: { line: 5 }, note: "an API key given by position" }
      ),
      sample(
        ".vscode/settings.json",
        '{\n  "editor.formatOnSave": true,\n  "mcp": {\n    "servers": {\n      "supabase": {\n        "command": "npx",\n        "args": ["-y", "@supabase/mcp-server-supabase@latest"],\n        "env": { "SUPABASE_ACCESS_TOKEN": "sbp_4f9c2e7a1b3d5f60718293a4b5c6d7e8f9012345" }\n      }\n    }\n  }\n}\n',
        { expect: { line: 8 }, note: "servers in VS Code's settings" }
      ),
      sample(
        ".claude.json",
        '{\n  "projects": {\n    "/home/dev/acme": {\n      "mcpServers": {\n        "railway": {\n          "command": "npx",\n          "args": ["-y", "@jasontanswe/railway-mcp"],\n          "env": { "RAILWAY_API_TOKEN": "f407d303-66a0-4240-a2f6-d2c624511848" }\n        }\n      }\n    }\n  }\n}\n',
        { expect: { line: 8 }, note: "a user's Claude Code state, committed: servers per project" }
      ),
      sample(
        ".continue/config.yaml",
        'name: acme\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: Supabase\n    command: npx\n    args: ["-y", "@supabase/mcp-server-supabase@latest"]\n    env:\n      SUPABASE_ACCESS_TOKEN: sbp_4f9c2e7a1b3d5f60718293a4b5c6d7e8f9012345\n',
        { expect: { line: 9 }, note: "servers in Continue's main config" }
      )
    ],
    negative: [
      sample(
        ".mcp.json",
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only", "--project-ref=abcdefghijklmnopqrst"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${SUPABASE_ACCESS_TOKEN}" }\n    }\n  }\n}\n'
      ),
      sample(
        ".vscode/mcp.json",
        '{\n  "inputs": [\n    { "type": "promptString", "id": "github-token", "description": "GitHub PAT", "password": true }\n  ],\n  "servers": {\n    "github": {\n      "type": "http",\n      "url": "https://api.githubcopilot.com/mcp/",\n      "headers": { "Authorization": "Bearer ${input:github-token}" }\n    }\n  }\n}\n'
      ),
      sample(
        ".cursor/mcp.json",
        '{\n  "mcpServers": {\n    "stripe": {\n      "command": "npx",\n      "args": ["-y", "@stripe/mcp", "--tools=all", "--api-key=YOUR_STRIPE_SECRET_KEY"]\n    },\n    "db": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://postgres:postgres@localhost:5432/app_dev"]\n    }\n  }\n}\n',
        { note: "a documentation placeholder and a local development database" }
      ),
      sample(
        ".mcp.json",
        '{\n  "mcpServers": {\n    "orders": {\n      "command": "node",\n      "args": ["tools/orders-mcp.js"],\n      "env": {\n        "DB_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-AbCdEf",\n        "GOOGLE_APPLICATION_CREDENTIALS": "keys/bigquery-reader-sa.json",\n        "SSH_PRIVATE_KEY_PATH": "deploy/keys/id_ed25519",\n        "AUTH_TYPE": "oauth2_client_credentials",\n        "TOKEN_AUDIENCE": "api-gateway-v2-internal",\n        "AUTH0_DOMAIN": "acme-prod.us.auth0.com",\n        "OAUTH_CLIENT_ID": "1048573920-q3vb8k2l1m.apps.googleusercontent.com"\n      }\n    }\n  }\n}\n',
        { note: "secret-sounding names whose values are addresses, paths, hosts and settings" }
      )
    ]
  }
};

// detectors/agent-permission/rules/mcp-write-access.ts
var mcpWriteAccess = {
  id: "agent-permission/mcp-write-access",
  title: "Database or cloud MCP server with write access to production",
  severity: "high",
  why: "A database or cloud MCP server (Supabase, Neon, Postgres, MongoDB, AWS, Railway, Kubernetes...) is configured without its read-only mode while it points at production or holds a credential for the whole account. Its tools then run SQL, apply migrations, delete projects, branches and volumes on the agent's say-so; some clients (Copilot's cloud agent) call MCP tools without asking at all.",
  fix: "Turn on the server's read-only mode (`--read-only`, `READ_OPERATIONS_ONLY=true`, `--readOnly`, `X-READ-ONLY: true`), scope it to one non-production project (`--project-ref`), and give it a read-only role or token.",
  helpUri: "https://github.com/supabase-community/supabase-mcp",
  precision: "high",
  tags: ["agent", "mcp", "production", "owasp-mcp02"],
  samples: {
    positive: [
      sample(
        ".mcp.json",
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${SUPABASE_ACCESS_TOKEN}" }\n    }\n  }\n}\n',
        { expect: { line: 3 }, note: "no --read-only and no --project-ref: every project of the account" }
      ),
      sample(
        ".cursor/mcp.json",
        '{\n  "mcpServers": {\n    "orders-db": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://agent@orders.prod.acme-internal.net:5432/orders"]\n    }\n  }\n}\n',
        { expect: { line: 3 } }
      ),
      sample(
        ".vscode/mcp.json",
        '{\n  "servers": {\n    "aws": {\n      "command": "uvx",\n      "args": ["awslabs.aws-api-mcp-server@latest"],\n      "env": { "AWS_REGION": "us-east-1", "AWS_API_MCP_PROFILE_NAME": "default" }\n    }\n  }\n}\n',
        { expect: { line: 3 } }
      ),
      sample(
        ".mcp.json",
        '{\n  "mcpServers": {\n    "mongo": {\n      "command": "npx",\n      "args": ["-y", "mongodb-mcp-server", "--connectionString", "${MONGODB_PROD_URI}"]\n    }\n  }\n}\n',
        { expect: { line: 3 }, note: "the referenced variable names production; writes are on by default" }
      ),
      sample(
        ".gemini/settings.json",
        '{\n  "mcpServers": {\n    "railway": {\n      "command": "npx",\n      "args": ["-y", "@jasontanswe/railway-mcp"],\n      "env": { "RAILWAY_API_TOKEN": "$RAILWAY_API_TOKEN" }\n    }\n  }\n}\n',
        { expect: { line: 3 } }
      )
    ],
    negative: [
      sample(
        ".mcp.json",
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only", "--project-ref=abcdefghijklmnopqrst"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${SUPABASE_ACCESS_TOKEN}" }\n    }\n  }\n}\n'
      ),
      sample(
        ".mcp.json",
        '{\n  "mcpServers": {\n    "mongo": {\n      "command": "npx",\n      "args": ["-y", "mongodb-mcp-server", "--readOnly", "--connectionString", "${MONGODB_PROD_URI}"]\n    }\n  }\n}\n'
      ),
      sample(
        ".cursor/mcp.json",
        '{\n  "mcpServers": {\n    "db": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://localhost:5432/app_dev"]\n    },\n    "railway": {\n      "command": "npx",\n      "args": ["-y", "@railway/mcp-server"]\n    }\n  }\n}\n'
      ),
      sample(
        ".vscode/mcp.json",
        '{\n  "servers": {\n    "aws": {\n      "command": "uvx",\n      "args": ["awslabs.aws-api-mcp-server@latest"],\n      "env": { "READ_OPERATIONS_ONLY": "true", "AWS_REGION": "us-east-1" }\n    },\n    "github": {\n      "type": "http",\n      "url": "https://api.githubcopilot.com/mcp/"\n    }\n  }\n}\n'
      )
    ]
  }
};

// detectors/agent-permission/rules/secret-file-not-excluded.ts
var secretFileNotExcluded = {
  id: "agent-permission/secret-file-not-excluded",
  title: "Secret-bearing file no agent rule excludes",
  severity: "medium",
  why: "A file that holds a credential is readable by the coding agents used here: Claude Code, Codex and Copilot exclude nothing by default, and no `.cursorignore`, `.geminiignore`, `.aiexclude`, `.clineignore` or Claude `deny: Read(...)` rule names it. The incident began this way: an agent found a root-scoped token in an unrelated file. Where an agent's shell is approved for any command, its ignore rules do not help: `cat` reads the file. High when a credential in the file is root-scoped.",
  fix: 'Move the credential out of the checkout (a secret manager, the CI secret store, a git-ignored .env for local work), and exclude secret files for every agent the team uses: `"deny": ["Read(./.env)", "Read(./.env.*)"]` in .claude/settings.json, the paths in .cursorignore, .geminiignore, .aiexclude; keep shell approval narrow.',
  helpUri: "https://code.claude.com/docs/en/permissions",
  precision: "high",
  tags: ["agent", "secrets", "owasp-llm02"],
  samples: {
    positive: [
      {
        files: {
          "CLAUDE.md": "# Deploy tooling\n\n- `npm run deploy` ships the API to Railway.\n",
          "scripts/deploy.sh": '#!/usr/bin/env bash\nset -euo pipefail\nexport RAILWAY_API_TOKEN="7c9e6679-7425-40de-944b-e07fc1f90ae7"\nrailway up --service api --environment staging\n'
        },
        expect: { path: "scripts/deploy.sh", line: 3 }
      },
      {
        files: {
          "AGENTS.md": "# Billing service\n\nRun `go test ./...` before committing.\n",
          "config/billing.yml": "stripe:\n  secret_key: sk_live_51Ha8KqLbF2mX7vNpT9rW3yZ6cD4eG8hJ1kM5nQ0sU2xV7bA\n  webhook_tolerance: 300\n",
          ".cursorignore": "config/billing.yml\n"
        },
        expect: { path: "config/billing.yml", line: 2 },
        note: "Cursor excludes the file; Codex (AGENTS.md) has no rule that could"
      }
    ],
    negative: [
      {
        files: {
          "CLAUDE.md": "# Deploy tooling\n",
          "scripts/deploy.sh": '#!/usr/bin/env bash\nrailway up --service api --environment "${RAILWAY_ENVIRONMENT:-staging}"\n'
        },
        note: "no credential in the file"
      },
      {
        files: { "src/partners.py": 'PARTNER_API_TOKEN = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\n' },
        note: "only a name-based guess, which exposed-credential reports on its own"
      },
      {
        files: {
          ".cursor/rules/general.mdc": "---\nalwaysApply: true\n---\nUse pnpm.\n",
          "config/billing.yml": "stripe:\n  secret_key: sk_live_51Ha8KqLbF2mX7vNpT9rW3yZ6cD4eG8hJ1kM5nQ0sU2xV7bA\n",
          ".cursorignore": "config/billing.yml\n"
        },
        note: "the only agent used here is Cursor, and .cursorignore excludes the file"
      }
    ]
  }
};

// detectors/agent-permission/index.ts
var byPattern = (pattern, read) => ({ matches: (path2) => pattern.test(path2), read });
var READERS = [
  byPattern(CLAUDE_SETTINGS, readClaudeSettings),
  byPattern(CODEX_CONFIG, readCodexConfig),
  byPattern(CODEX_RULES, readCodexRules),
  byPattern(GEMINI_SETTINGS, readGeminiSettings),
  byPattern(VSCODE_SETTINGS, readVscodeSettings),
  byPattern(DEVCONTAINER, readDevcontainer),
  byPattern(CURSOR_CLI, readCursorCli),
  byPattern(CURSOR_PERMISSIONS, readCursorPermissions),
  byPattern(AIDER_CONFIG, readAiderConfig),
  byPattern(AMP_SETTINGS, readAmpSettings),
  byPattern(OPENCODE_CONFIG, readOpencodeConfig),
  byPattern(ZED_SETTINGS, readZedSettings),
  byPattern(AMAZON_Q_AGENT, readAmazonQAgent),
  { matches: isMcpFile, read: readMcpFile },
  { matches: isAgentIgnoreFile, read: readIgnoreFile },
  { matches: isInstructionFile, read: readInstructions }
];
var lastPath3;
var lastIsConfig = false;
function isConfig(path2) {
  if (path2 !== lastPath3) {
    lastIsConfig = mayBeAgentFile(path2) && READERS.some((reader) => reader.matches(path2));
    lastPath3 = path2;
  }
  return lastIsConfig;
}
var AGENT_FILE_EXTENSIONS = /* @__PURE__ */ new Set(["json", "jsonc", "toml", "yml", "yaml", "md", "mdc", "rules", "code-workspace", "sh", "bash", "zsh", "ps1", "mk", "dockerfile"]);
function mayBeAgentFile(path2) {
  const slash = path2.lastIndexOf("/");
  const dot = path2.lastIndexOf(".");
  if (dot <= slash + 1) return true;
  if (AGENT_FILE_EXTENSIONS.has(path2.slice(dot + 1).toLowerCase())) return true;
  const name = path2.slice(slash + 1, slash + 14).toLowerCase();
  return name.startsWith("dockerfile") || name.startsWith("containerfile") || path2.includes(".husky/");
}
var agentPermission = {
  id: "agent-permission",
  rules: [
    bypassMode,
    shellAutoApproved,
    destructiveCommandAllowed,
    mcpToolsAutoApproved,
    bypassFlag,
    proseOnlyGuardrail,
    mcpInlineCredential,
    mcpWriteAccess,
    secretFileNotExcluded
  ],
  admits: (file) => isConfig(file.path) || mayBeAgentFile(file.path) && isLauncherFile(file.path),
  // Agent configurations are read for their structure; launchers (workflows, scripts) only when a flag occurs.
  keywords: LAUNCH_KEYWORDS,
  admitsWithoutKeywords: (file) => isConfig(file.path),
  consumes: ["credential"],
  produces: ["credential", "agent-grant", "agent-read-exclusion", "agent-config", "agent-command-brake", "agent-prose-guardrail"],
  scanFile(file, sink) {
    const out = { ...sink, report: (finding) => sink.report(inTestsLow(finding)) };
    for (const reader of READERS) if (reader.matches(file.path)) reader.read(file, out);
    if (isLauncherFile(file.path) && LAUNCH_KEYWORDS.some((keyword) => file.hasKeyword(keyword))) readLauncher(file, out);
  },
  finish(sink) {
    const context = { ...sink, report: (finding) => sink.report(inTestsLow(finding)) };
    publishBuiltInExclusions(context);
    enrichCredentials(context);
    reportProseGuardrails(context);
  }
};
function inTestsLow(finding) {
  if (!isTestOrExamplePath(finding.location.path) || finding.severity === "info") return finding;
  return { ...finding, severity: "low" };
}

// detectors/blast-radius/chains.ts
var SURVIVES = /* @__PURE__ */ new Set(["off-provider", "other-account"]);
var PROVIDER_PLATFORMS = lookupTable({
  railway: ["railway"],
  aws: ["aws"],
  gcp: ["gcp"],
  azure: ["azure"],
  supabase: ["supabase"],
  neon: ["neon"],
  planetscale: ["planetscale"],
  "mongodb-atlas": ["mongodb-atlas"],
  heroku: ["heroku"],
  fly: ["fly"],
  render: ["render"],
  digitalocean: ["digitalocean"],
  kubernetes: ["kubernetes"],
  cloudflare: ["cloudflare"]
});
var HOST_PLATFORMS = [
  [/\.(?:proxy\.rlwy\.net|railway\.internal|up\.railway\.app|railway\.app)$/, "railway"],
  [/\.(?:supabase\.co|supabase\.com)$/, "supabase"],
  [/\.neon\.tech$/, "neon"],
  [/\.psdb\.cloud$/, "planetscale"],
  [/\.mongodb\.net$/, "mongodb-atlas"],
  [/\.(?:rds\.amazonaws\.com|amazonaws\.com)$/, "aws"],
  [/\.(?:render\.com)$|^dpg-|^red-/, "render"],
  [/\.(?:flycast|fly\.dev|internal)$/, "fly"],
  [/\.(?:database\.windows\.net|database\.azure\.com|documents\.azure\.com)$/, "azure"],
  [/\.db\.ondigitalocean\.com$/, "digitalocean"]
];
function platformOfHost(host) {
  return HOST_PLATFORMS.find(([pattern]) => pattern.test(host))?.[1];
}
var StorePlatforms = class {
  known = /* @__PURE__ */ new Map();
  of(store) {
    let set = this.known.get(store);
    if (!set) {
      set = new Set([store.platform, store.provider].filter((value) => Boolean(value)));
      this.known.set(store, set);
    }
    return set;
  }
};
function isProductionStore(store) {
  if (store.sameAs) return false;
  if (store.production !== void 0) return store.production;
  return !store.testOnly && (store.environment === void 0 || store.environment === "production");
}
function isUnprotected(store) {
  return !store.externalBackup && !SURVIVES.has(store.protection ?? "none");
}
function credentialHosts(credential) {
  const text = `${credential.line ?? ""}
${credential.nearby ?? ""}`;
  const hosts = /* @__PURE__ */ new Set();
  for (const match of text.matchAll(/[a-z][a-z0-9+.-]*:\/\/(?:[^@\s/'"`]*@)?([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?/gi)) hosts.add(match[1].toLowerCase());
  return [...hosts];
}
function reaches(credential, hosts, store, platforms, storesOfPlatform) {
  if (hosts.some((host) => store.identities.includes(`host:${host}`))) return true;
  if (credential.scope === "root") {
    const providers = PROVIDER_PLATFORMS[credential.provider] ?? [];
    if (providers.some((platform) => platforms.of(store).has(platform))) return true;
  }
  if (credential.scope === "root-resource") {
    for (const host of hosts) {
      const platform = platformOfHost(host);
      if (platform && platforms.of(store).has(platform) && storesOfPlatform(platform) === 1) return true;
    }
    const providers = PROVIDER_PLATFORMS[credential.provider] ?? [];
    if (providers.some((platform) => platforms.of(store).has(platform) && storesOfPlatform(platform) === 1)) return true;
  }
  return false;
}
function crossingLandsOn(crossing, store, formsOf, platforms, storesOfPlatform) {
  if (!crossing.identity) return false;
  const forms = /* @__PURE__ */ new Set([crossing.identity, ...formsOf.get(crossing.identity) ?? []]);
  if (store.identities.some((identity) => forms.has(identity))) return true;
  if (crossing.resourceKind !== "database" && crossing.resourceKind !== "volume" && crossing.resourceKind !== "host") return false;
  for (const form of forms) {
    const host = /^(?:host:|db:[a-z]+:\/\/|railway-proxy:)([a-z0-9.-]+)/.exec(form)?.[1];
    const platform = host ? platformOfHost(host) : void 0;
    if (platform && platforms.of(store).has(platform) && storesOfPlatform(platform) === 1) return true;
  }
  return false;
}
function otherForms(resources) {
  const forms = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    if (!resource.otherIdentities?.length) continue;
    let set = forms.get(resource.identity);
    if (!set) forms.set(resource.identity, set = /* @__PURE__ */ new Set());
    for (const other of resource.otherIdentities) set.add(other);
  }
  return forms;
}
var NON_PRODUCTION2 = /* @__PURE__ */ new Set(["staging", "preview", "development", "test"]);
var UNATTENDED_GRANTS = /* @__PURE__ */ new Set(["shell", "bypass-mode", "destructive-command", "interpreter"]);
function findChains(facts) {
  const stores = facts.all("data-store").filter((store) => isProductionStore(store) && isUnprotected(store));
  if (stores.length === 0) return [];
  const platforms = new StorePlatforms();
  const allProduction = facts.all("data-store").filter(isProductionStore);
  const platformCounts = /* @__PURE__ */ new Map();
  const storesOfPlatform = (platform) => {
    let count = platformCounts.get(platform);
    if (count === void 0) {
      count = allProduction.filter((store) => platforms.of(store).has(platform)).length;
      platformCounts.set(platform, count);
    }
    return count;
  };
  const all = facts.all("credential");
  const companions = new CompanionIndex(all);
  const isCompanionHalf = (credential) => {
    const companion = credentialKind(credential.kind)?.companionOf;
    return companion !== void 0 && companions.near(credential, companion);
  };
  const credentials = all.filter((credential) => credential.agentReadable !== false && credential.scope !== "public" && credential.scope !== "test" && !isCompanionHalf(credential));
  const crossings = facts.all("environment-crossing").filter((crossing) => NON_PRODUCTION2.has(crossing.environment));
  const formsOf = otherForms(facts.all("environment-resource"));
  const backups = facts.all("backup-evidence");
  const grants = facts.all("agent-grant").filter((grant) => grant.effective && UNATTENDED_GRANTS.has(grant.grant));
  const hasNonProduction = facts.all("environment-layer").some((layer) => NON_PRODUCTION2.has(layer.environment) && !layer.testOnly && !layer.unplaced);
  const perStore = /* @__PURE__ */ new Map();
  const storeSide = (store) => {
    let side = perStore.get(store);
    if (!side) {
      side = {
        backups: backups.filter((evidence) => evidence.covers.some((covered) => covered === store.id || store.identities.includes(covered))),
        landing: crossings.filter((crossing) => crossingLandsOn(crossing, store, formsOf, platforms, storesOfPlatform))
      };
      perStore.set(store, side);
    }
    return side;
  };
  const chains = [];
  for (const credential of credentials) {
    const broad = credential.scope === "root" || credential.scope === "root-resource";
    const hosts = broad ? credentialHosts(credential) : [];
    for (const store of stores) {
      const side = storeSide(store);
      const reachesStore = broad && reaches(credential, hosts, store, platforms, storesOfPlatform);
      const viaStaging = side.landing.find((crossing) => reachesStore || credential.environment === crossing.environment);
      const direct = reachesStore && (credential.environment === "production" || !hasNonProduction);
      if (!viaStaging && !direct) continue;
      chains.push({ credential, store, crossing: viaStaging, grants, backups: side.backups });
    }
  }
  return chains;
}
function flowOf(chain) {
  const steps = [];
  const grant = chain.grants[0];
  if (grant) steps.push({ location: grant.location, message: `The ${grant.agent} configuration lets the agent run ${grant.reaches ?? "commands"} without a human (${grant.setting}).` });
  steps.push({ location: chain.credential.location, message: `The agent can read a ${chain.credential.kindTitle.toLowerCase()}${chain.credential.variable ? ` in ${chain.credential.variable}` : ""} (scope: ${chain.credential.scope ?? "unknown"}).` });
  if (chain.crossing) steps.push({ location: chain.crossing.location, message: `${capitalise(chain.crossing.environment)} uses production's ${chain.crossing.resourceKind} ${chain.crossing.resource}.` });
  steps.push({ location: chain.store.location, message: `Production ${chain.store.engine} ${chain.store.name} on ${chain.store.platform}.` });
  const backup = chain.backups[0];
  if (backup) steps.push({ location: backup.location, message: `Its backup (${backup.mechanism}) is ${describeProtection(backup.protection)}: it dies with the data.` });
  return steps;
}
function describeProtection(protection) {
  switch (protection) {
    case "same-volume":
      return "on the same volume or host";
    case "provider-managed":
      return "held by the same provider";
    case "same-account-other-region":
      return "in the same account (another region)";
    case "destination-unknown":
      return "going somewhere the repository does not show";
    case void 0:
    case "none":
      return "missing";
    default:
      return protection;
  }
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// detectors/blast-radius/rules.ts
var DETECTOR_ID3 = "blast-radius";
var RAILWAY_IAC2 = 'import { defineRailway, postgres, project, service } from "railway/iac";\n\nexport default defineRailway(() => {\n  const db = postgres("Postgres");\n  const api = service("api", { source: { repo: "fleetly/api" }, env: { DATABASE_URL: db.env.DATABASE_URL } });\n  return project("fleetly", { resources: [db, api] });\n});\n';
var PACKAGE = '{ "name": "fleetly-api", "private": true, "scripts": { "start": "node dist/server.js", "migrate": "prisma migrate deploy" } }\n';
var ADMIN_SCRIPT = "#!/usr/bin/env bash\nexport RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\nrailway status --json > status.json\n";
var PROJECT_TOKEN_SCRIPT = "#!/usr/bin/env bash\nexport RAILWAY_TOKEN=0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6\nrailway status --json > status.json\n";
var OFFSITE_BACKUP = 'name: Database backup\non:\n  schedule:\n    - cron: "23 2 * * *"\njobs:\n  dump:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: pg_dump "$DATABASE_URL" --format=custom --file=fleetly.dump\n        env:\n          DATABASE_URL: ${{ secrets.RAILWAY_DATABASE_PUBLIC_URL }}\n      - run: aws s3 cp fleetly.dump "s3://fleetly-db-backups/daily/$(date -u +%F).dump" --endpoint-url https://s3.us-west-004.backblazeb2.com\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.B2_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.B2_APPLICATION_KEY }}\n';
var SHARED_URL = "DATABASE_URL=postgresql://postgres:${PGPASSWORD}@monorail.proxy.rlwy.net:41923/railway\n";
var railwayRepo = (extra, note, expect) => ({
  files: { "README.md": "# fleetly api\n", "package.json": PACKAGE, ".railway/railway.ts": RAILWAY_IAC2, ...extra },
  note,
  ...expect ? { expect } : {}
});
var directChain = {
  id: `${DETECTOR_ID3}/credential-reaches-unbacked-store`,
  title: "Agent-readable broad credential reaches production data with no off-provider backup",
  severity: "critical",
  why: "Every link of the incident lines up: a coding agent working here can read a credential, the credential reaches a production data store, and the store has no copy that would survive losing it. One call made to get past an error deletes the data for good.",
  fix: "Break any link, best all: replace the credential with one scoped to a non-production environment and keep it out of the repository, add a backup that leaves the provider (a scheduled dump to another provider’s storage), and deny the agent the destructive commands.",
  precision: "medium",
  tags: ["chain", "agents", "backup", "least-privilege"],
  samples: {
    positive: [railwayRepo({ "scripts/admin.sh": ADMIN_SCRIPT }, "Railway account token beside a Railway database with volume-only backups", { path: "scripts/admin.sh", line: 2 })],
    negative: [
      railwayRepo({ "scripts/admin.sh": ADMIN_SCRIPT, ".github/workflows/db-backup.yml": OFFSITE_BACKUP }, "a nightly dump leaves Railway"),
      railwayRepo({ "scripts/admin.sh": PROJECT_TOKEN_SCRIPT }, "a project token")
    ]
  }
};
var stagingChain = {
  id: `${DETECTOR_ID3}/staging-reaches-unbacked-store`,
  title: "Agent-readable credential reaches production data through a shared non-production environment",
  severity: "critical",
  why: "The incident’s chain: an agent working in staging reads a credential whose reach covers a database or volume that staging shares with production, and nothing outside the provider keeps a copy. Looser staging controls then apply to production’s data, and a delete meant for staging destroys production with its backups.",
  fix: "Give staging its own database and volume, scope the credential to the staging environment (and keep it out of the repository), add a backup that leaves the provider, and deny the agent destructive commands.",
  precision: "medium",
  tags: ["chain", "agents", "environments", "backup"],
  samples: {
    positive: [
      railwayRepo(
        { "scripts/admin.sh": ADMIN_SCRIPT, ".env.production": SHARED_URL, ".env.staging": SHARED_URL },
        "staging and production use one Railway database; an account token is in a script",
        { path: "scripts/admin.sh", line: 2 }
      )
    ],
    negative: [
      railwayRepo(
        { "scripts/admin.sh": ADMIN_SCRIPT, ".env.production": SHARED_URL, ".env.staging": "DATABASE_URL=postgresql://postgres:${PGPASSWORD}@viaduct.proxy.rlwy.net:52107/railway\n" },
        "staging has its own database"
      ),
      railwayRepo(
        { "scripts/admin.sh": ADMIN_SCRIPT, ".env.production": SHARED_URL, ".env.staging": SHARED_URL, ".github/workflows/db-backup.yml": OFFSITE_BACKUP },
        "shared, but a nightly dump leaves Railway"
      )
    ]
  }
};
var CHAIN_RULES = [directChain, stagingChain];

// detectors/blast-radius/index.ts
var MAX_STORES = 5;
var blastRadius = {
  id: DETECTOR_ID3,
  rules: [...CHAIN_RULES],
  consumes: ["credential", "data-store", "backup-evidence", "environment-crossing", "environment-resource", "environment-layer", "agent-grant"],
  finish(context) {
    const byCredential = /* @__PURE__ */ new Map();
    for (const chain of findChains(context.facts)) {
      const list = byCredential.get(chain.credential.id);
      if (list) list.push(chain);
      else byCredential.set(chain.credential.id, [chain]);
    }
    for (const chains of byCredential.values()) {
      const lead = chains.find((chain) => chain.crossing) ?? chains[0];
      const credential = lead.credential;
      const stores = chains.map((chain) => chain.store);
      const names = stores.slice(0, MAX_STORES).map((store) => `${store.name} (${store.platform}, backups ${describeProtection(store.protection)})`);
      const more = stores.length > MAX_STORES ? ` and ${stores.length - MAX_STORES} more` : "";
      const path2 = lead.crossing ? ` through ${lead.crossing.environment}, which uses production's ${lead.crossing.resourceKind}` : "";
      const related = [
        ...lead.crossing ? [{ location: lead.crossing.location, message: `${lead.crossing.environment} shares production's ${lead.crossing.resourceKind}` }] : [],
        ...stores.slice(0, MAX_STORES).map((store) => ({ location: store.location, message: `production ${store.engine} ${store.name}` })),
        ...lead.grants[0] ? [{ location: lead.grants[0].location, message: `${lead.grants[0].agent} runs commands unasked` }] : []
      ];
      context.report({
        ruleId: lead.crossing ? stagingChain.id : directChain.id,
        message: `An agent working here can read this ${credential.kindTitle} (${credential.scope} scope), which reaches ${names.join(", ")}${more}${path2}; no copy survives outside the provider.`,
        location: credential.location,
        snippet: credential.redacted,
        evidence: `${credential.valueHash}:${stores.map((store) => store.id).sort().join(",")}`,
        details: {
          provider: credential.provider,
          kind: credential.kind,
          variable: credential.variable,
          scope: credential.scope,
          stores: stores.map((store) => store.name),
          environment: lead.crossing?.environment ?? credential.environment,
          unattended: lead.grants.length > 0
        },
        related,
        flow: flowOf(lead)
      });
    }
  }
};

// detectors/index.ts
var detectors = [
  exposedCredential,
  rootScopedToken,
  stagingReachesProduction,
  missingOffproviderBackup,
  agentPermission,
  blastRadius
];
export {
  detectors
};
