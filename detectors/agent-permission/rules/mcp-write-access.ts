// agent-permission/mcp-write-access: a database or cloud MCP server without its read-only brake, pointed at production
// or holding an account-wide credential.
import { sample, type RuleMeta } from '../../../src/model.js';

export const mcpWriteAccess: RuleMeta = {
  id: 'agent-permission/mcp-write-access',
  title: 'Database or cloud MCP server with write access to production',
  severity: 'high',
  why:
    'A database or cloud MCP server (Supabase, Neon, PlanetScale, Postgres, MongoDB, AWS, Railway, Heroku, Kubernetes...) is configured without its ' +
    'read-only mode while it points at production or holds a credential for the whole account. Its tools then run SQL, apply ' +
    'migrations, delete projects, branches and volumes on the agent\'s say-so; some clients (Copilot\'s cloud agent) call MCP ' +
    'tools without asking at all.',
  fix:
    'Turn on the server\'s read-only mode (`--read-only`, `READ_OPERATIONS_ONLY=true`, `--readOnly`, `X-READ-ONLY: true`), ' +
    'scope it to one non-production project (`--project-ref`), and give it a read-only role or token.',
  helpUri: 'https://github.com/supabase-community/supabase-mcp',
  precision: 'high',
  tags: ['agent', 'mcp', 'production', 'owasp-mcp02'],
  samples: {
    positive: [
      sample(
        '.mcp.json',
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${SUPABASE_ACCESS_TOKEN}" }\n    }\n  }\n}\n',
        { expect: { line: 3 }, note: 'no --read-only and no --project-ref: every project of the account' },
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "orders-db": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://agent@orders.prod.acme-internal.net:5432/orders"]\n    }\n  }\n}\n',
        { expect: { line: 3 } },
      ),
      sample(
        '.vscode/mcp.json',
        '{\n  "servers": {\n    "aws": {\n      "command": "uvx",\n      "args": ["awslabs.aws-api-mcp-server@latest"],\n      "env": { "AWS_REGION": "us-east-1", "AWS_API_MCP_PROFILE_NAME": "default" }\n    }\n  }\n}\n',
        { expect: { line: 3 } },
      ),
      sample(
        '.mcp.json',
        '{\n  "mcpServers": {\n    "mongo": {\n      "command": "npx",\n      "args": ["-y", "mongodb-mcp-server", "--connectionString", "${MONGODB_PROD_URI}"]\n    }\n  }\n}\n',
        { expect: { line: 3 }, note: 'the referenced variable names production; writes are on by default' },
      ),
      sample(
        '.gemini/settings.json',
        '{\n  "mcpServers": {\n    "railway": {\n      "command": "npx",\n      "args": ["-y", "@jasontanswe/railway-mcp"],\n      "env": { "RAILWAY_API_TOKEN": "$RAILWAY_API_TOKEN" }\n    }\n  }\n}\n',
        { expect: { line: 3 } },
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "db": {"command": "uvx", "args": ["postgres-mcp", "--access-mode=unrestricted"], "envFile": "${workspaceFolder}/.env.production"}\n  }\n}\n',
        { expect: { line: 3 }, note: "the server's variables come from production's environment file" },
      ),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "neon": {\n      "type": "http",\n      "url": "https://mcp.neon.tech/mcp",\n      "headers": { "Authorization": "Bearer ${NEON_API_KEY}" }\n    }\n  }\n}\n', { expect: { line: 3 }, note: "the hosted Neon server given an API key, without the X-READ-ONLY header" }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "heroku": {\n      "command": "npx",\n      "args": ["-y", "@heroku/mcp-server"],\n      "env": { "HEROKU_API_KEY": "${HEROKU_API_KEY}" }\n    }\n  }\n}\n', { expect: { line: 3 }, note: "Heroku's server: pg_psql runs SQL on any app's database, with no read-only mode" }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "heroku": { "command": "heroku mcp:start" }\n  }\n}\n', { expect: { line: 3 }, note: "started by the Heroku CLI on the user's own login" }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "planetscale": {\n      "type": "http",\n      "url": "https://mcp.pscale.dev/mcp/planetscale",\n      "headers": { "Authorization": "${PLANETSCALE_SERVICE_TOKEN_ID}:${PLANETSCALE_SERVICE_TOKEN}" }\n    }\n  }\n}\n', { expect: { line: 3 }, note: "PlanetScale's hosted server on the organization's service token: planetscale_execute_write_query on every database" }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--features=database,docs"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${SUPABASE_ACCESS_TOKEN}" }\n    }\n  }\n}\n', { expect: { line: 3 }, note: 'the database group (execute_sql, apply_migration) kept, on every project of the account' }),
    ],
    negative: [
      sample('.mcp.json', '{\n  "mcpServers": {\n    "planetscale": {\n      "type": "http",\n      "url": "https://mcp.pscale.dev/mcp/planetscale-insights-only",\n      "headers": { "Authorization": "${PLANETSCALE_SERVICE_TOKEN_ID}:${PLANETSCALE_SERVICE_TOKEN}" }\n    }\n  }\n}\n', { note: 'the insights-only server has no query tools' }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--features=docs,debugging"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${SUPABASE_ACCESS_TOKEN}" }\n    }\n  }\n}\n', { note: 'only the documentation and log groups: no tool writes' }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "neon": {\n      "type": "http",\n      "url": "https://mcp.neon.tech/mcp?projectId=bold-lake-61870384",\n      "headers": { "Authorization": "Bearer ${NEON_API_KEY}" }\n    }\n  }\n}\n', { note: 'the hosted Neon server scoped to one project, nothing says production' }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "mongodb": {\n      "command": "npx",\n      "args": ["-y", "mongodb-mcp-server@latest", "--disabledTools", "create", "update", "delete"],\n      "env": { "MDB_MCP_API_CLIENT_ID": "${ATLAS_CLIENT_ID}", "MDB_MCP_API_CLIENT_SECRET": "${ATLAS_CLIENT_SECRET}" }\n    }\n  }\n}\n', { note: 'every category of tools that writes is disabled' }),
      sample('.continue/config.yaml', 'name: acme\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: prod-db\n    command: npx\n    args: ["-y", "@modelcontextprotocol/server-postgres", "postgresql://readonly_user:Rd0nlyPass@prod-replica.acme.internal/orders"]\n', { note: 'a read-only user on a read replica: the database refuses writes' }),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "orders-prod": {\n      "command": "uvx",\n      "args": ["postgres-mcp"],\n      "env": { "DATABASE_URI": "postgresql://app:Pq8vN2xL7tR4@orders-prod.cluster-ro-c8xyz1abc.us-east-1.rds.amazonaws.com:5432/orders" }\n    }\n  }\n}\n', { note: "Aurora's reader endpoint" }),
      // Supabase asks for read-only mode "if you must connect to real data" and for a project scope: a project-scoped server
      // nothing in the repository ties to production follows its advice for a development project.
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "supabase": {\n      "url": "https://mcp.supabase.com/mcp?project_ref=qwmxkzjrbtyhplnvcesd"\n    }\n  }\n}\n', { note: 'one project, nothing says it is production' }),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "db": {"command": "uvx", "args": ["postgres-mcp", "--access-mode=unrestricted"], "envFile": "${workspaceFolder}/.env.development"}\n  }\n}\n',
        { note: "the development database's variables" },
      ),
      sample('.mcp.json', '{\n  "mcpServers": {\n    "heroku-follower": {\n      "command": "uvx",\n      "args": ["postgres-mcp", "--access-mode=restricted"],\n      "env": { "DATABASE_URI": "${HEROKU_FOLLOWER_URL}" }\n    }\n  }\n}\n', { note: "the Heroku app's follower database, through a server that enforces read-only" }),
      sample(
        '.mcp.json',
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only", "--project-ref=abcdefghijklmnopqrst"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${SUPABASE_ACCESS_TOKEN}" }\n    }\n  }\n}\n',
      ),
      sample(
        '.mcp.json',
        '{\n  "mcpServers": {\n    "mongo": {\n      "command": "npx",\n      "args": ["-y", "mongodb-mcp-server", "--readOnly", "--connectionString", "${MONGODB_PROD_URI}"]\n    }\n  }\n}\n',
      ),
      sample(
        '.cursor/mcp.json',
        '{\n  "mcpServers": {\n    "db": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://localhost:5432/app_dev"]\n    },\n    "railway": {\n      "command": "npx",\n      "args": ["-y", "@railway/mcp-server"]\n    }\n  }\n}\n',
      ),
      sample(
        '.vscode/mcp.json',
        '{\n  "servers": {\n    "aws": {\n      "command": "uvx",\n      "args": ["awslabs.aws-api-mcp-server@latest"],\n      "env": { "READ_OPERATIONS_ONLY": "true", "AWS_REGION": "us-east-1" }\n    },\n    "github": {\n      "type": "http",\n      "url": "https://api.githubcopilot.com/mcp/"\n    }\n  }\n}\n',
      ),
    ],
  },
};
