// A small MCP server of "a user's own" for the e2e tests: it tells what it was started with (its
// environment, cwd, arguments), writes notes under its cwd, and can hang or die on request. Over
// stdio by default; over Streamable HTTP on the port given as `--http <port>`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';

function build() {
  const server = new McpServer({ name: 'probe', version: '1.0.0' });
  const text = (t) => ({ content: [{ type: 'text', text: t }] });
  server.registerTool('whoami', { description: 'Environment, cwd and arguments of this server', inputSchema: z.object({}) }, async () =>
    text(JSON.stringify({ env: process.env, cwd: process.cwd(), argv: process.argv.slice(2) })));
  server.registerTool('note', { description: 'Writes a note file', inputSchema: z.object({ name: z.string().regex(/^[a-z]+$/), text: z.string().max(100) }) }, async ({ name, text: body }) => {
    writeFileSync(`${name}.txt`, body);
    return text(`wrote ${name}.txt`);
  });
  server.registerTool('read', { description: 'Reads any file, by path', inputSchema: z.object({ path: z.string() }) }, async ({ path }) => {
    try {
      return text(readFileSync(path, 'utf8'));
    } catch (e) {
      return { ...text(e.message), isError: true };
    }
  });
  server.registerTool('shout', { description: 'Returns a long text', inputSchema: z.object({ bytes: z.number().int().min(1).max(1_000_000) }) }, async ({ bytes }) => text('A'.repeat(bytes)));
  server.registerTool('hang', { description: 'Never answers', inputSchema: z.object({}) }, () => new Promise(() => {}));
  server.registerTool('die', { description: 'Exits the server', inputSchema: z.object({}) }, async () => process.exit(3));
  return server;
}

const http = process.argv.indexOf('--http');
if (http >= 0) {
  createServer(async (req, res) => {
    const server = build();
    const transport = new NodeStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  }).listen(Number(process.argv[http + 1]), '127.0.0.1');
} else {
  await build().connect(new StdioServerTransport());
}
