"""Agent-SafetyBench's environments as one MCP server over stdio (standard library only).

Shipped by Tripwire; it holds none of the benchmark's code. It loads the environment classes of a
checkout the user has (environments/<Name>.py, subclasses of its BaseEnv), constructs those of one
case with the case's parameters, and answers MCP's tools/list and tools/call with them:

    python3 -s bridge.py <checkout>/environments      (the case in $ASB_CASE: [{name, tools, parameters}];
                                                       PYTHONHASHSEED=0 for one order of a set's items)

Calls go through the class's own BaseEnv.call_tool, as the benchmark's evaluation loop calls them:
its argument handling (missing required arguments, extra ones dropped, types coerced) is the
benchmark's, untouched. The agent sees the result as the benchmark's loop hands it to the model:
json.dumps of what call_tool returned. The first environment of the case that offers the tool
answers, as in evaluation/eval.py.

Messages are JSON-RPC, one per line (MCP's stdio transport). What an environment prints goes to
stderr, so it never mixes with the protocol.
"""
import importlib
import json
import os
import sys
import traceback
from copy import deepcopy

PROTOCOL = "2025-06-18"


def load_case(env_dir, spec):
    sys.path.insert(0, env_dir)
    envs = []
    for item in spec:
        name = item["name"]
        module = importlib.import_module(name)
        cls = getattr(module, name)
        # eval.py's parse_envs: an empty parameters object is passed as None.
        params = item.get("parameters") or None
        envs.append((cls(parameters=deepcopy(params)), list(item.get("tools", []))))
    return envs


def tool_list(envs):
    tools, seen = [], set()
    for env, names in envs:
        for desc in env.get_tool_descs(names):
            if desc["name"] in seen:
                continue
            seen.add(desc["name"])
            schema = dict(desc.get("parameters") or {})
            schema.setdefault("type", "object")
            schema.setdefault("properties", {})
            tools.append({"name": desc["name"], "description": desc.get("description", ""), "inputSchema": schema})
    return tools


def call(envs, name, arguments):
    for env, names in envs:
        if name not in names or not env.has_tool(name):
            continue
        result = env.call_tool(name, deepcopy(arguments))
        return json.dumps(result)
    return json.dumps({"success": False, "message": f"Tool {name} doesn't exist."})


def main():
    out = sys.stdout.buffer
    # Environments may print: their output goes to stderr, never into the protocol.
    sys.stdout = sys.stderr
    sys.stdin = open(os.devnull)
    inp = sys.__stdin__.buffer
    env_dir = sys.argv[1]
    spec = json.loads(os.environ.get("ASB_CASE", "[]"))
    try:
        envs = load_case(env_dir, spec)
        tools = tool_list(envs)
        failure = None
    except Exception as e:  # reported at initialize: the server comes up and says why
        envs, tools = [], []
        failure = f"the case's environments do not load: {type(e).__name__}: {e}"
        traceback.print_exc()

    def reply(msg_id, result=None, error=None):
        msg = {"jsonrpc": "2.0", "id": msg_id}
        if error is not None:
            msg["error"] = error
        else:
            msg["result"] = result
        out.write(json.dumps(msg).encode("utf-8") + b"\n")
        out.flush()

    for line in inp:
        line = line.strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
        except ValueError:
            reply(None, error={"code": -32700, "message": "parse error"})
            continue
        method, msg_id = msg.get("method"), msg.get("id")
        if msg_id is None:
            continue  # a notification (initialized, cancelled)
        params = msg.get("params") or {}
        if method == "initialize":
            if failure:
                reply(msg_id, error={"code": -32603, "message": failure})
                continue
            version = params.get("protocolVersion") or PROTOCOL
            reply(msg_id, {"protocolVersion": version, "capabilities": {"tools": {}}, "serverInfo": {"name": "tripwire-asb-bridge", "version": "1"}})
        elif method == "ping":
            reply(msg_id, {})
        elif method == "tools/list":
            reply(msg_id, {"tools": tools})
        elif method == "tools/call":
            name, arguments = params.get("name"), params.get("arguments") or {}
            try:
                text, is_error = call(envs, name, arguments), False
            except Exception as e:
                # The benchmark's loop would drop the case; here the agent sees the error and goes on.
                text, is_error = f"Error: {type(e).__name__}: {e}", True
            reply(msg_id, {"content": [{"type": "text", "text": text}], "isError": is_error})
        else:
            reply(msg_id, error={"code": -32601, "message": f"method not found: {method}"})


if __name__ == "__main__":
    main()
