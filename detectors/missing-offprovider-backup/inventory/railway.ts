// Railway: databases and volumes declared in `.railway/railway.ts` (Infrastructure as Code) or `.railway/railway.py`.
// Railway's own backups are copy-on-write snapshots on the volume: wiping the volume deletes them.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Inventory } from '../shared.js';
import { lookupTable } from '../../../src/lookup-table.js';

export function isRailwayIac(path: string): boolean {
  return /(^|\/)\.railway\/railway\.(ts|js|mjs|py)$/.test(path);
}

const DATABASES: Readonly<Record<string, string>> = lookupTable({ postgres: 'postgres', mysql: 'mysql', mongo: 'mongo', mongodb: 'mongo' });

export const RAILWAY_BUILT_IN = {
  protection: 'same-volume' as const,
  description: "Railway's backups are snapshots kept on the volume itself: wiping the volume deletes them, and they restore only into the same project and environment",
};

export function railwayStore(inventory: Inventory, kind: string, name: string, line: number, declaredBy: 'platform' | 'infrastructure' = 'platform'): void {
  const engine = DATABASES[kind] ?? 'volume';
  const slug = name.toLowerCase();
  inventory.store({
    platform: 'railway',
    provider: 'railway',
    engine,
    name,
    location: inventory.line(line),
    identities: engine === 'volume' ? [`railway:volume:${slug}`] : [`railway:service:${slug}`, `host:${slug}.railway.internal`],
    declaredBy,
    builtInBackup: RAILWAY_BUILT_IN,
  });
}

export function scanRailwayIac(inventory: Inventory): void {
  if (inventory.path.endsWith('.py')) {
    for (const match of inventory.file.text.matchAll(/\b(postgres|mysql|mongo|volume)\(\s*["']([\w .-]+)["']/g)) {
      railwayStore(inventory, match[1]!, match[2]!, inventory.file.positionAt(match.index).line);
    }
    return;
  }
  const program = inventory.file.ast();
  if (!program) return;
  visit(program, (node) => {
    if (node.type !== 'CallExpression') return;
    const callee = node.callee.type === 'Identifier' ? node.callee.name : node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' ? node.callee.property.name : undefined;
    if (!callee || !(callee in DATABASES || callee === 'volume')) return;
    const first = node.arguments[0];
    const name = first?.type === 'Literal' && typeof first.value === 'string' ? first.value : callee === 'volume' ? 'volume' : callee;
    railwayStore(inventory, callee, name, node.loc.start.line);
  });
}

/**
 * A service that reads the mount path or name Railway gives its volume (`RAILWAY_VOLUME_MOUNT_PATH`) keeps its data on
 * that volume. Railway volumes are made in its dashboard, so this use is often the repository's only sign of one.
 */
export function scanRailwayVolumeUse(inventory: Inventory): void {
  const match = /\bRAILWAY_VOLUME_(?:MOUNT_PATH|NAME)\b/.exec(inventory.file.text);
  if (!match) return;
  inventory.store({
    platform: 'railway',
    provider: 'railway',
    engine: 'volume',
    name: 'the service volume',
    location: inventory.line(inventory.file.positionAt(match.index).line),
    identities: ['railway:volume:mounted'],
    declaredBy: 'usage',
    builtInBackup: RAILWAY_BUILT_IN,
  });
}

/** Depth-first walk over an ESTree program. */
export function visit(node: TSESTree.Node, enter: (node: TSESTree.Node) => void): void {
  enter(node);
  for (const key of Object.keys(node) as Array<keyof typeof node>) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const value = node[key] as unknown;
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') visit(child as TSESTree.Node, enter);
    } else if (value && typeof value === 'object' && typeof (value as TSESTree.Node).type === 'string') {
      visit(value as TSESTree.Node, enter);
    }
  }
}
