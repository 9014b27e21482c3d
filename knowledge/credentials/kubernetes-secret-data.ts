// Kubernetes Secrets hold each value of `data` base64-encoded (`stringData` holds them plain): what a Secret
// manifest says is what its data decodes to.
import { get, literalString, type DataDocument, type DataNode, type MapNode } from '../../src/parse/data-tree.js';
import { decodeBase64Text } from './values.js';

function isSecret(root: DataNode): boolean {
  return literalString(get(root, 'kind')) === 'Secret';
}

/** The value nodes of every Secret's `data` in a document; undefined when it holds no Secret. */
export function secretDataValues(document: DataDocument): Set<DataNode> | undefined {
  let values: Set<DataNode> | undefined;
  for (const root of document.roots) {
    if (!isSecret(root)) continue;
    const data = get(root, 'data');
    if (data?.kind !== 'map') continue;
    for (const entry of data.entries) (values ??= new Set()).add(entry.value);
  }
  return values;
}

/**
 * The value nodes of every Bitnami SealedSecret's `spec.encryptedData`: ciphertext only the cluster's controller
 * can open, committed by design (the point of sealing). Its `template` may still hold plain values.
 */
export function sealedSecretValues(document: DataDocument): Set<DataNode> | undefined {
  let values: Set<DataNode> | undefined;
  for (const root of document.roots) {
    if (literalString(get(root, 'kind')) !== 'SealedSecret') continue;
    const data = get(get(root, 'spec'), 'encryptedData');
    if (data?.kind !== 'map') continue;
    for (const entry of data.entries) (values ??= new Set()).add(entry.value);
  }
  return values;
}

/** The text a Secret's data value decodes to; undefined when it is not base64 of text. */
export function decodeSecretData(value: string): string | undefined {
  const decoded = decodeBase64Text(value)?.trim();
  return decoded === '' ? undefined : decoded;
}

/** A Secret manifest with its `data` values decoded in place (spans kept, so findings point at the encoded value). */
export function withDecodedSecretData(root: DataNode): DataNode {
  if (root.kind !== 'map' || !isSecret(root)) return root;
  const entries = root.entries.map((entry) => {
    if (entry.key !== 'data' || entry.value.kind !== 'map') return entry;
    const data: MapNode = {
      ...entry.value,
      entries: entry.value.entries.map((item) => {
        const node = item.value;
        if (node.kind !== 'scalar' || node.expression !== undefined || typeof node.value !== 'string') return item;
        const decoded = decodeSecretData(node.value);
        return decoded === undefined ? item : { ...item, value: { ...node, value: decoded } };
      }),
    };
    return { ...entry, value: data };
  });
  return { ...root, entries };
}
