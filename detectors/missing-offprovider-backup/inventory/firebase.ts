// Firebase projects (`firebase.json`): a `firestore` section deploys rules and indexes to the (default) Firestore
// database of every project the app is deployed to, production's included. Firestore keeps no copy unless point-in-
// time recovery or a backup schedule is turned on, and both stay in the project; neither is set in firebase.json.
import { mapOf, type Inventory } from '../shared.js';

export function isFirebaseConfig(path: string): boolean {
  return /(^|\/)firebase\.json$/i.test(path);
}

export function scanFirebaseConfig(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  const firestore = root?.entries.find((entry) => entry.key === 'firestore');
  if (!firestore) return;
  inventory.context({ kind: 'deploys', value: 'firebase', location: inventory.line(1) });
  inventory.store({
    platform: 'gcp',
    provider: 'gcp',
    engine: 'firestore',
    name: '(default) Firestore',
    location: inventory.line(firestore.keySpan.line),
    identities: ['gcp:firestore:(default)'],
    // Known from the app's use of it: Firebase projects turn backups on in the console, so the repository's silence
    // is weaker evidence than a declaration's (reported medium).
    declaredBy: 'usage',
    builtInBackup: {
      protection: 'none',
      description: 'Firestore keeps no backup until point-in-time recovery or a backup schedule is turned on, and neither is visible in the repository (one turned on in the console is not)',
    },
  });
}
