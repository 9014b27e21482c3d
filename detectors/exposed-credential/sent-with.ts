// The HTTP header each variable of a file is sent with: an API client's environment binds `railway_token` and a
// request elsewhere in the file sends it (`Authorization: Bearer {{railway_token}}`). The header says which kind
// of credential the value is (Railway's `Project-Access-Token` is a project token, a bearer one an account's), so
// the value bound far from its header is rated by it.
import { CREDENTIAL_HEADERS } from './credential-headers.js';

/**
 * Header names that carry credentials (`Authorization`, `Project-Access-Token`, `X-Postmark-Server-Token`,
 * `DD-API-KEY`), and the bearer scheme, which is sent as `Authorization` wherever a client's auth block names it
 * (`auth:bearer { token: {{x}} }` in Bruno, `"type": "bearer"` in Insomnia and Postman).
 */
const HEADER_OR_BEARER = new RegExp(
  `(?<![\\w-])(authorization|proxy-authorization|project-access-token|private-token|api-?key|(?:x|dd)-[a-z0-9-]*?(?:token|key|auth)|${CREDENTIAL_HEADERS.join('|')})(?![\\w-])|\\bbearer\\b`,
  'gi',
);
/**
 * A variable referenced in a value, as API clients and languages template it: `{{name}}` (Postman, Bruno, the
 * `.http` files of VS Code and JetBrains), `{{ _.name }}` (Insomnia), `<<name>>` (Hoppscotch), `${name}` and
 * `$name` (shells, JS templates), `{name}` (Python f-strings), `' + name` (concatenation), and in code the variable
 * itself (`{ 'Project-Access-Token': token }`, `headers={"X-Auth-Token": settings.token}`: its last name).
 */
const REFERENCE = /\{\{\s*(?:_\.|\$?env\.|process\.env\.|vars\.)?([A-Za-z_][\w-]*)\s*\}\}|<<([A-Za-z_][\w-]*)>>|\$\{\s*(?:process\.env\.|env\.)?([A-Za-z_]\w*)\s*\}|\$([A-Za-z_]\w*)|(?<=\s)\{([A-Za-z_]\w*)\}|["'`][ \t]*\+[ \t]*(?:process\.env\.)?([A-Za-z_]\w*)|(?<=[:=,(][ \t]*)(?!(?:true|false|null)\b)(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)(?=[ \t]*[,})\]]|[ \t]*$)/gm;
/** How many lines after a header's name its value may sit (`- name: Authorization` then `value: Bearer {{x}}`). */
const VALUE_LINES = 3;
const MAX_STRETCH = 400;
/**
 * What may stand between a header's name and the reference it sends: punctuation, the scheme, and the keys of the
 * pair or auth block that holds it (`"name": "Authorization",\n "value": "Bearer `, Hoppscotch's `"authType": "bearer",
 * "authActive": true, "token": `), quotes escaped in a notebook's JSON.
 * Anything else is another value.
 */
const GAP = /^(?:[\s"'`:=,{}[\]\\]|\b(?:value|token|bearer|basic|key|authActive|true|f(?=\\?["']))\b)*$/i;

/**
 * An API client's auth object that names its token before its type (`"auth": { "token": "<<hz>>", "authType":
 * "bearer" }`, as a Hoppscotch collection may be written): the bearer word comes after the reference, where reading
 * forward from it finds nothing. The type must be in the same object: no brace between.
 */
const TOKEN_BEFORE_BEARER = /"(?:token|bearer)"\s*:\s*"(?:<<([A-Za-z_][\w-]*)>>|\{\{\s*(?:_\.)?([A-Za-z_][\w-]*)\s*\}\})"(?=[^{}]{0,200}?"(?:authType|type)"\s*:\s*"bearer")/g;

/** Variable name -> the header a request of this file sends it with. Empty for most files: only those naming a header are read. */
export function headersSentWith(text: string): ReadonlyMap<string, string> {
  const sent = new Map<string, string>();
  const hits = [...text.matchAll(HEADER_OR_BEARER)];
  for (let index = 0; index < hits.length; index++) {
    const hit = hits[index]!;
    const header = hit[1] ?? 'Authorization';
    // The value is after the name, within its line and the next ones, and before the next header is named.
    let end = hit.index + hit[0].length;
    for (let line = 0; line <= VALUE_LINES && end < text.length; line++) {
      const next = text.indexOf('\n', end + (line === 0 ? 0 : 1));
      end = next === -1 ? text.length : next;
    }
    // A minified bundle's line is the whole file: the value is within a few hundred characters or not at all.
    end = Math.min(end, hit.index + hit[0].length + MAX_STRETCH);
    const following = hits[index + 1];
    if (following && following.index < end && following[1] !== undefined) end = following.index;
    const stretch = text.slice(hit.index + hit[0].length, end);
    REFERENCE.lastIndex = 0;
    const reference = REFERENCE.exec(stretch);
    if (!reference || !GAP.test(stretch.slice(0, reference.index))) continue;
    const name = reference.slice(1).find((group) => group !== undefined)!;
    // A named header beats the bearer word that may stand before the same value (`Authorization: Bearer {{x}}`).
    if (!sent.has(name) || hit[1] !== undefined) sent.set(name, header);
  }
  if (text.includes('"authType"') || text.includes('"type"')) {
    for (const match of text.matchAll(TOKEN_BEFORE_BEARER)) {
      const name = match[1] ?? match[2]!;
      if (!sent.has(name)) sent.set(name, 'Authorization');
    }
  }
  return sent;
}
