// Helm charts that run a database (Bitnami's and their forks), by chart name: as a chart's subchart
// (`dependencies: [{ name: postgresql }]`) or installed on their own (`helm install db bitnami/postgresql`).
import { lookupTable } from '../../src/lookup-table.js';

export type HelmDatabaseEngine = 'postgres' | 'mysql' | 'mongo' | 'clickhouse' | 'cassandra' | 'couchdb' | 'neo4j' | 'influxdb';

export const HELM_DATABASES: Readonly<Record<string, HelmDatabaseEngine>> = lookupTable({
  postgresql: 'postgres',
  'postgresql-ha': 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  'mariadb-galera': 'mysql',
  mongodb: 'mongo',
  'mongodb-sharded': 'mongo',
  clickhouse: 'clickhouse',
  cassandra: 'cassandra',
  couchdb: 'couchdb',
  neo4j: 'neo4j',
  influxdb: 'influxdb',
  influxdb2: 'influxdb',
});

/**
 * The database a chart reference installs: `bitnami/postgresql`, `oci://registry-1.docker.io/bitnamicharts/mysql`,
 * `postgresql` with `--repo`, a vendored `./charts/postgresql`; a packaged `postgresql-15.5.0.tgz` too.
 */
export function helmDatabaseOf(chart: string): HelmDatabaseEngine | undefined {
  const name = chart.replace(/\/+$/, '').replace(/^.*\//, '').replace(/-\d+\.\d+\.\d+(?:[-+][\w.]+)?\.tgz$/, '');
  return HELM_DATABASES[name];
}
