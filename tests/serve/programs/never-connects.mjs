// An agent program that never connects to its MCP endpoint: it just waits.
setInterval(() => {}, 1000);
