// An API client's collection keeps a credential in an environment file and sends it from request files
// (`environments/production.bru` binds `railway_token`, `deploy/redeploy.bru` sends `Project-Access-Token:
// {{railway_token}}`): the header a request sends says which kind the value is, so its finding waits for the requests.
import type { FinishContext } from '../../src/model.js';
import type { HeaderDependentCredential } from '../../src/facts/index.js';

/**
 * Request files of API clients: Bruno's `.bru` (not its environments), Postman collections, `.http`/`.rest` files,
 * Thunder Client's Git Sync collections (`thunder-tests/collections/tc_col_*.json`, formerly `thunderclient.json`).
 */
const API_CLIENT_REQUEST = /(?<!(?:^|\/)environments\/[^/]*)\.bru$|\.postman_collection\.json$|\.(?:http|rest)$|(?:^|\/)thunder-tests\/(?:collections\/[^/]+|thunderclient)\.json$/i;

/** A Hoppscotch collection, exported under any name: requests with an `endpoint` and an `auth` of an `authType`. */
const HOPPSCOTCH_REQUEST = /"endpoint"\s*:\s*"[^"]*"[^]{0,2000}?"authType"\s*:/;

export function isApiClientRequest(path: string, text: string): boolean {
  return API_CLIENT_REQUEST.test(path) || (path.endsWith('.json') && text.includes('"authType"') && HOPPSCOTCH_REQUEST.test(text));
}

/**
 * The folder a collection's files share: a Bruno collection's `environments/` sits at its root, a Postman export's
 * environment beside its collection.
 */
function collectionRoot(environmentPath: string): string {
  const folder = environmentPath.slice(0, environmentPath.lastIndexOf('/') + 1);
  return folder.replace(/(?:^|\/)environments\/$/i, (match) => (match.startsWith('/') ? '/' : ''));
}

/** Reports each header-dependent credential as the kind a request of its collection sends it as, or as found. */
export function reportByHeaderSent(context: FinishContext): void {
  const pending = context.facts.all('header-dependent-credential');
  if (pending.length === 0) return;
  // In path order, so the same request decides on every run.
  const sent = [...context.facts.all('sent-variable')].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // What a collection's environments name (the JetBrains client's host in `http-client.env.json`) its requests use.
  const environments = context.facts.all('client-environment');
  const chosenFor = new Map<string, { header: string; sentAs: HeaderDependentCredential['byHeader'][string][number] }>();
  for (const credential of pending) {
    const root = collectionRoot(credential.path);
    const named = new Set(environments.filter((environment) => environment.path.startsWith(root)).flatMap((environment) => environment.literals));
    let chosen: { header: string; sentAs: HeaderDependentCredential['byHeader'][string][number] } | undefined;
    for (const use of sent) {
      if (use.variable !== credential.variable || !use.path.startsWith(root)) continue;
      const sentAs = credential.byHeader[use.header]?.find((way) => !way.requires || way.requires.every((literal) => use.literals.includes(literal) || named.has(literal)));
      if (sentAs) {
        chosen = { header: use.header, sentAs };
        break;
      }
    }
    if (chosen && credential.onlyIfSent) {
      const { kind, kindTitle, provider } = chosen.sentAs;
      context.publish('credential', { ...credential.onlyIfSent, kind, kindTitle, provider, header: chosen.header });
    } else if (chosen) chosenFor.set(credential.credential, chosen);
    const finding = chosen?.sentAs.finding ?? credential.unsent;
    if (finding) context.report({ ...finding, location: credential.location });
  }
  if (chosenFor.size === 0) return;
  // The scope stage rates the kind the request says, by the header it is sent with.
  context.enrichEach('credential', (fact) => {
    const chosen = chosenFor.get(fact.id);
    return chosen ? { kind: chosen.sentAs.kind, kindTitle: chosen.sentAs.kindTitle, provider: chosen.sentAs.provider, header: chosen.header } : undefined;
  });
}
