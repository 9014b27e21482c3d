// agent-permission/mcp-tools-auto-approved: MCP tools (a whole server, or tools that write) approved in advance.
import { sample, type RuleMeta } from '../../../src/model.js';

export const mcpToolsAutoApproved: RuleMeta = {
  id: 'agent-permission/mcp-tools-auto-approved',
  title: 'MCP tools approved for the agent in advance',
  severity: 'medium',
  why:
    'Approving every tool of an MCP server (Claude Code `mcp__server`, Gemini `trust: true`, Amazon Q `@server`, Cursor `server:*`), every server the repository declares (Claude Code `enableAllProjectMcpServers`) ' +
    'or its write tools (`execute_sql`, `apply_migration`, `delete_*` in Roo `alwaysAllow` or Kiro `autoApprove`) lets the agent ' +
    'change a database or a cloud account through that server without a person seeing the call.',
  fix: 'Approve only read-only tools by name (`mcp__supabase__list_tables`) and leave writes to a prompt; turn on the server\'s read-only mode.',
  helpUri: 'https://docs.github.com/en/copilot/how-tos/use-copilot-agents/coding-agent/extend-coding-agent-with-mcp',
  precision: 'high',
  tags: ['agent', 'mcp', 'permissions', 'owasp-llm06'],
  samples: {
    positive: [
      sample('.kiro/agents/data.md', '---\ndescription: Answers questions about orders\ntools: [read, "@mcp"]\nmcpServers:\n  postgres:\n    command: uvx\n    args: ["postgres-mcp", "--access-mode=unrestricted"]\n    env:\n      DATABASE_URI: "${DATABASE_URI}"\npermissions:\n  - capability: mcp\n    effect: allow\n    match: ["postgres/*"]\n---\nAnswer questions about orders.\n', {
        expect: { line: 13 },
        note: "a Kiro 3 profile allowing every tool of its database server",
      }),
      sample('.codex/config.toml', '[mcp_servers.orders_prod]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-postgres"]\nenv_vars = ["DATABASE_URL"]\ndefault_tools_approval_mode = "approve"\n', { expect: { line: 5 }, note: 'Codex runs every tool of the server unasked' }),
      sample('.codex/config.toml', '[mcp_servers.github]\nurl = "https://api.githubcopilot.com/mcp/"\nbearer_token_env_var = "GITHUB_TOKEN"\n\n[mcp_servers.github.tools.merge_pull_request]\napproval_mode = "approve"\n', { expect: { line: 6 }, note: 'one write tool approved in advance' }),
      sample('.github/workflows/changelog.yml', 'jobs:\n  changelog:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cursor-agent -p "Update the changelog from merged PRs" --approve-mcps --output-format text\n', { expect: { line: 5 }, note: "Cursor's CLI starting every server of .cursor/mcp.json unapproved" }),
      sample('.amazonq/cli-agents/db.json', '{\n  "name": "db",\n  "mcpServers": { "postgres": { "command": "uvx", "args": ["postgres-mcp"] } },\n  "allowedTools": ["fs_read", "@postgres/execute_sql"]\n}\n', { expect: { line: 4 }, note: "one server's SQL tool, allowed by name" }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["mcp__supabase__*"]\n  }\n}\n', { expect: { line: 3 }, note: 'the wildcard form' }),
      sample('.claude/settings.json', '{\n  "enableAllProjectMcpServers": true,\n  "permissions": {\n    "allow": ["Bash(npm test:*)"]\n  }\n}\n', { expect: { line: 2 }, note: 'every server in .mcp.json starts without the trust prompt' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["mcp__supabase", "Bash(npm test:*)"]\n  },\n  "enabledMcpjsonServers": ["supabase"]\n}\n', {
        expect: { line: 3 },
      }),
      sample(
        '.gemini/settings.json',
        '{\n  "mcpServers": {\n    "db": {\n      "command": "npx",\n      "args": ["-y", "@henkey/postgres-mcp-server", "--connection-string", "$DATABASE_URL"],\n      "trust": true\n    }\n  }\n}\n',
        { expect: { line: 6 } },
      ),
      sample(
        '.roo/mcp.json',
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only", "--project-ref=xyzcompanyref"],\n      "env": { "SUPABASE_ACCESS_TOKEN": "${env:SUPABASE_ACCESS_TOKEN}" },\n      "alwaysAllow": ["list_tables", "execute_sql"]\n    }\n  }\n}\n',
        { expect: { line: 7 } },
      ),
      sample('.kiro/settings/mcp.json', '{\n  "mcpServers": {\n    "aws": {\n      "command": "uvx",\n      "args": ["awslabs.aws-api-mcp-server@latest"],\n      "env": { "AWS_PROFILE": "prod-admin" },\n      "autoApprove": ["call_aws"]\n    }\n  }\n}\n', { expect: { line: 7 }, note: "the AWS API server's call_aws runs any AWS CLI command" }),
      sample('.amp/settings.json', '{\n  "amp.permissions": [\n    { "tool": "Bash", "matches": { "cmd": "git push*" }, "action": "ask" },\n    { "tool": "mcp__*", "action": "allow" }\n  ]\n}\n', { expect: { line: 4 }, note: "Amp's tool names are globs: every tool of every server" }),
    ],
    negative: [
      sample('.kiro/agents/docs.md', '---\ndescription: Looks up library docs\ntools: [read, "@mcp"]\npermissions:\n  - capability: mcp\n    effect: allow\n    match: ["context7/resolve-library-id", "context7/get-library-docs"]\n---\nLook up documentation.\n', { note: 'two read-only tools by name' }),
      sample('.kiro/agents/docs.json', '{\n  "name": "docs",\n  "tools": ["@builtin", "@git"],\n  "allowedTools": ["@builtin", "@git/git_status", "@git/read_*"]\n}\n', { note: '@builtin names the built-in tools, not a server; git tools that read' }),
      sample('.codex/config.toml', '[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "@upstash/context7-mcp"]\ndefault_tools_approval_mode = "prompt"\n', { note: 'every call prompts' }),
      sample('.kiro/settings/mcp.json', '{\n  "mcpServers": {\n    "context7": { "command": "npx", "args": ["-y", "@upstash/context7-mcp"], "autoApprove": ["resolve-library-id", "query-docs"] },\n    "sqlite": { "command": "uvx", "args": ["mcp-server-sqlite", "--db-path", "./data/dev.db"], "autoApprove": ["read_query", "list_tables", "describe_table"] }\n  }\n}\n', { note: "Context7's documentation lookup and SQLite's SELECT-only tool" }),
      sample('.claude/settings.json', '{\n  "enableAllProjectMcpServers": false,\n  "enabledMcpjsonServers": ["context7"]\n}\n'),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["mcp__context7__resolve-library-id", "mcp__context7__get-library-docs"]\n  }\n}\n'),
      sample(
        '.roo/mcp.json',
        '{\n  "mcpServers": {\n    "supabase": {\n      "command": "npx",\n      "args": ["-y", "@supabase/mcp-server-supabase@latest", "--read-only", "--project-ref=xyzcompanyref"],\n      "alwaysAllow": ["list_tables", "list_extensions"]\n    }\n  }\n}\n',
      ),
      sample('.gemini/settings.json', '{\n  "mcpServers": {\n    "docs": {\n      "httpUrl": "https://mcp.context7.com/mcp",\n      "trust": false\n    }\n  }\n}\n'),
      sample('.amp/settings.json', '{\n  "amp.permissions": [\n    { "tool": "mcp__*", "action": "ask" },\n    { "tool": "mcp__linear__*", "action": "allow" }\n  ]\n}\n', { note: 'an earlier ask rule catches the server first' }),
    ],
  },
};
