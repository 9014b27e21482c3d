// The section a whole document starts as, and the walk options a file's format and kind call for.
import type { DataNode } from '../../../src/parse/data-tree.js';
import type { FileClass } from './files.js';
import type { Section, WalkOptions } from './tree.js';

export function topSection(cls: FileClass, root: DataNode): Section {
  return { node: root, path: [], tag: cls.tag, family: cls.family, role: cls.role, span: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

export function walkOptions(cls: FileClass): WalkOptions {
  const flat = cls.format === 'dotenv' || cls.format === 'properties' || cls.format === 'ini';
  return {
    envMaps: true,
    references: true,
    lastKeyWins: cls.format !== 'hcl',
    projectKeys: cls.format === 'hcl' || cls.kind === 'firebaserc',
    rootEnvironmentMaps: !flat,
  };
}
