// An agent program that makes one good call over MCP, then dies with an error.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const client = new Client({ name: 'calls-then-crashes', version: '1' });
await client.connect(new StreamableHTTPClientTransport(new URL(process.env.TRIPWIRE_MCP_URL), { requestInit: { headers: { Authorization: `Bearer ${process.env.TRIPWIRE_MCP_TOKEN}` } } }));
await client.callTool({ name: 'read_email', arguments: { email_id: 'e1' } });
console.error('TypeError: cannot read properties of undefined (reading "choices")');
process.exit(2);
