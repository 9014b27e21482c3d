// Framework configuration with environments inside one file: Spring profile documents (`spring.config.activate.on-profile`).
import type { DataNode } from '../../../../src/parse/data-tree.js';
import { get, getPath, literalString } from '../../../../src/parse/data-tree.js';
import type { FileClass } from '../files.js';
import { BASE, namedTag } from '../recorder.js';
import { walkSection } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';

/** One document of `application.yml`: the base, or the profile its `on-profile` names (a layer of the same family). */
export function scanSpringDocument(rec: import('../recorder.js').Recorder, cls: FileClass, root: DataNode): void {
  const profile =
    literalString(getPath(root, ['spring', 'config', 'activate', 'on-profile'])) ??
    literalString(get(root, 'spring.config.activate.on-profile')) ??
    literalString(getPath(root, ['spring', 'profiles'])) ??
    literalString(get(root, 'spring.profiles'));
  const section = topSection(cls, root);
  if (profile && /^[A-Za-z0-9_-]+$/.test(profile)) {
    const tag = namedTag(profile, 'key');
    if (tag !== BASE) {
      section.tag = tag;
      section.role = cls.role === 'base' ? 'layer' : 'plain';
      section.family = cls.role === 'base' ? cls.family : undefined;
      section.span = root.span;
    }
  }
  walkSection(rec, section, { ...walkOptions(cls), envMaps: false });
}
