// Rails Active Storage: which `config/storage.yml` service an environment's file (`config/environments/<env>.rb`)
// picks. Read by the staging detector (two environments picking one cloud service share a bucket) and the backup
// detector (production's service is a production store).

/**
 * `config.active_storage.service = :amazon` (or `"amazon"`, `"amazon".to_sym`). A value computed at run time
 * (`ENV.fetch("ACTIVE_STORAGE_SERVICE", "amazon").to_sym`) names no service.
 */
const ACTIVE_STORAGE_SERVICE = /^[ \t]*config\.active_storage\.service[ \t]*=[ \t]*(?::([A-Za-z_]\w*)|["']([A-Za-z_][\w-]*)["'](?:\.to_sym)?)/dm;

/** The service an environment file picks, and the offset of its name in the text. */
export function activeStorageServiceOf(text: string): { name: string; offset: number } | undefined {
  const match = ACTIVE_STORAGE_SERVICE.exec(text);
  if (!match) return undefined;
  const group = match[1] !== undefined ? 1 : 2;
  return { name: match[group]!, offset: match.indices![group]![0] };
}
