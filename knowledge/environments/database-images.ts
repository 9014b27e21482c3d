// Container images that keep a database's or object store's records in their volume, and the engine each runs:
// caches (Redis, Memcached), queues and search indexes are rebuilt, not restored, and are left out.

export type ImageEngine = 'postgres' | 'mysql' | 'mongo' | 'mssql' | 'clickhouse' | 'cassandra' | 'couchdb' | 'neo4j' | 'influxdb' | 'object-storage';

const IMAGE_ENGINES: ReadonlyArray<[RegExp, ImageEngine]> = [
  [/(^|\/)(postgres|postgresql|postgis|pgvector|timescaledb[\w-]*|timescale|postgres-ssl|cloudnative-pg|spilo[\w-]*|crunchy-postgres|supabase\/postgres|paradedb|citus)(:|@|$)/i, 'postgres'],
  [/(^|\/)(mysql|mariadb|percona(-server)?|mysql-server)(:|@|$)/i, 'mysql'],
  [/(^|\/)(mongo|mongodb(-community-server)?|mongodb-server)(:|@|$)/i, 'mongo'],
  [/(^|\/)mssql\/server(:|@|$)|(^|\/)azure-sql-edge(:|@|$)/i, 'mssql'],
  [/(^|\/)(clickhouse-server|clickhouse)(:|@|$)/i, 'clickhouse'],
  [/(^|\/)(cassandra|scylla)(:|@|$)/i, 'cassandra'],
  [/(^|\/)couchdb(:|@|$)/i, 'couchdb'],
  [/(^|\/)neo4j(:|@|$)/i, 'neo4j'],
  [/(^|\/)influxdb(:|@|$)/i, 'influxdb'],
  [/(^|\/)(cockroach|cockroachdb)(:|@|$)/i, 'postgres'],
  [/(^|\/)minio(:|@|$)/i, 'object-storage'],
];

/** The engine a container image runs, when it is a database or object store (undefined for caches and apps). */
export function engineOfImage(image: string | undefined): ImageEngine | undefined {
  if (!image) return undefined;
  const name = image.trim().replace(/^docker\.io\//, '');
  for (const [pattern, engine] of IMAGE_ENGINES) if (pattern.test(name)) return engine;
  return undefined;
}
