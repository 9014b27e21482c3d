// agent-permission/mcp-filesystem-outside-repo: a filesystem MCP server given the whole disk or the home directory,
// where the user's cloud credentials and SSH keys live.
import { sample, type RuleMeta } from '../../../src/model.js';

export const mcpFilesystemOutsideRepo: RuleMeta = {
  id: 'agent-permission/mcp-filesystem-outside-repo',
  title: 'Filesystem MCP server reaching beyond the repository',
  severity: 'high',
  why:
    'A filesystem MCP server is given `/` or the home directory as an allowed directory. Through its read and write tools the ' +
    'agent reaches every file the user can: `~/.aws/credentials`, `~/.config/gcloud`, `~/.kube/config`, `~/.ssh`, other ' +
    'projects\' `.env` files. No ignore file or deny rule in the repository covers what lies outside it.',
  fix: 'Give the server the project directory only (`.` or `${workspaceFolder}`), and list further directories one by one.',
  helpUri: 'https://github.com/modelcontextprotocol/servers/tree/main/src/filesystem',
  precision: 'high',
  tags: ['agent', 'mcp', 'credentials'],
  samples: {
    positive: [
      sample('.mcp.json', '{\n  "mcpServers": {\n    "fs": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"]\n    }\n  }\n}\n', { expect: { line: 3 }, note: 'the whole disk' }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "files": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", "${workspaceFolder}", "~"]\n    }\n  }\n}\n', { expect: { line: 3 }, note: 'the home directory beside the project' }),
    ],
    negative: [
      sample('.mcp.json', '{\n  "mcpServers": {\n    "fs": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", ".", "./docs"]\n    }\n  }\n}\n', { note: 'the project only' }),
    ],
  },
};
