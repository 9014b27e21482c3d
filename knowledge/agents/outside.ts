// Directories an agent or its tools can be given that lie outside the repository. The disk's root and the user's
// home hold every credential the user has (`~/.aws`, `~/.ssh`, `~/.kube`); another folder of the user's or the
// parent directory holds other projects and what they keep.

/** The disk's root or the user's home: `/`, `~`, `$HOME`, `/home/dev`, `/Users/dev`, `C:\`. */
const HOME_OR_ROOT = /^(?:\/|~\/?|\$\{?(?:HOME|env:HOME|userHome)\}?\/?|\/(?:home|Users)\/[^/]+\/?|[A-Za-z]:[\\/]?)$/;
/** Where the user's credentials live: the cloud CLIs', SSH's, Kubernetes' and Docker's directories in the home. */
const CREDENTIAL_DIRECTORY = /^(?:~|\$\{?HOME\}?|\/(?:home|Users)\/[^/]+|\/root)\/\.(?:aws|ssh|kube|azure|docker|gnupg|config\/gcloud|config\/gh|netrc|npmrc|pgpass)(?:\/|$)/;
/** Any other directory outside the project: an absolute path (`/Users/alice/Desktop`, `C:\Users\alice`), or a parent (`..`). */
const ELSEWHERE = /^(?:\/|~\/|\$\{?(?:HOME|env:HOME|userHome)\}?\/|[A-Za-z]:[\\/]|\.\.(?:[\\/]|$))/;
/** A dev container's or Codespace's checkout (`/workspaces/<repo>`, `/workspace`), or scratch space (`/tmp`). */
const IN_WORKSPACE = /^\/(?:workspaces?|tmp|var\/tmp)(?:\/|$)/;

/** How far outside the repository a directory reaches: the home or the root, elsewhere, or not outside at all. */
export function outsideReach(directory: string): 'home-or-root' | 'elsewhere' | undefined {
  const path = directory.trim();
  if (HOME_OR_ROOT.test(path) || CREDENTIAL_DIRECTORY.test(path)) return 'home-or-root';
  if (ELSEWHERE.test(path) && !IN_WORKSPACE.test(path)) return 'elsewhere';
  return undefined;
}

/** The directory a path rule opens: up to its first glob (`~/.aws/**` -> `~/.aws`, `/**` -> `/`). */
export function globBase(path: string): string {
  const fixed = path.split(/[*?[{]/)[0]!.replace(/\/+$/, '');
  return fixed === '' && path.startsWith('/') ? '/' : fixed;
}
