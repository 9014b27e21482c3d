// Heroku: database add-ons in `app.json` (and its `environments.test|review` overrides) and `heroku.yml` setup.
// Heroku holds its own backups (Continuous Protection on Standard and up, PGBackups when scheduled); Essential plans
// keep nothing unless a schedule is set.
import { type DataNode, get } from '../../../src/parse/data-tree.js';
import { itemsOf, literalOf, mapOf, type Inventory } from '../shared.js';

export function isHerokuConfig(path: string): boolean {
  return /(^|\/)(app\.json|heroku\.ya?ml)$/i.test(path);
}

const ADDONS: Array<[RegExp, string]> = [
  [/^heroku-postgresql/, 'postgres'],
  [/^(jawsdb|cleardb|jawsdb-maria)/, 'mysql'],
  [/^(mongolab|ormongo|objectrocket)/, 'mongo'],
];

const BUTTON_KEYS = new Set(['logo', 'success_url', 'keywords']);

export function scanHeroku(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const isAppJson = inventory.path.toLowerCase().endsWith('app.json');
  const app = literalOf(get(root, 'name')) ?? 'app';
  if (isAppJson) {
    // An app.json only describes Heroku when it says something Heroku reads.
    if (!get(root, 'addons') && !get(root, 'formation') && !get(root, 'buildpacks') && !get(root, 'stack')) return;
    // `logo`, `success_url` and `keywords` describe a Heroku Button: an app.json for others to deploy. (`repository`
    // and `website` are written by teams describing their own app, for review apps and pipelines too.)
    const button = root.entries.find((entry) => BUTTON_KEYS.has(entry.key));
    if (button) inventory.context({ kind: 'deploy-button', value: 'heroku', location: inventory.line(button.keySpan.line) });
    addons(inventory, get(root, 'addons'), app, undefined);
    const environments = mapOf(get(root, 'environments'));
    for (const entry of environments?.entries ?? []) {
      const environment = entry.key === 'test' ? 'test' : entry.key === 'review' ? 'preview' : entry.key;
      addons(inventory, get(entry.value, 'addons'), app, environment);
    }
    return;
  }
  const setup = mapOf(get(root, 'setup'));
  addons(inventory, get(setup, 'addons'), app, undefined);
  if (get(root, 'build') || get(root, 'run')) inventory.context({ kind: 'deploys', value: 'heroku', location: inventory.line(1) });
}

function addons(inventory: Inventory, node: DataNode | undefined, app: string, environment: string | undefined): void {
  for (const addon of itemsOf(node)) {
    const plan = (literalOf(addon) ?? literalOf(get(addon, 'plan')) ?? '').toLowerCase();
    const engine = ADDONS.find(([pattern]) => pattern.test(plan))?.[1];
    if (!engine) continue;
    const as = literalOf(get(addon, 'as'));
    const tier = plan.split(':')[1] ?? '';
    const essential = /^(mini|basic|hobby|essential|in-dyno)/.test(tier);
    const service = as ?? plan.split(':')[0]!;
    inventory.store({
      platform: 'heroku',
      provider: 'heroku',
      engine,
      name: as ? `${app}/${as}` : `${app}/${plan}`,
      environment,
      testOnly: environment === 'test' || tier === 'in-dyno' ? true : undefined,
      location: inventory.at(addon.span),
      identities: [`heroku:addon:${app}/${service}`],
      declaredBy: 'platform',
      builtInBackup:
        engine !== 'postgres'
          ? { protection: 'provider-managed', description: 'the add-on provider keeps whatever backups its plan includes, in its own account' }
          : essential
            ? { protection: 'none', description: 'Heroku Essential Postgres plans keep no automatic backups unless PGBackups is scheduled' }
            : { protection: 'provider-managed', description: "Heroku's Continuous Protection and PGBackups are held by Heroku, with the app" },
    });
  }
}
