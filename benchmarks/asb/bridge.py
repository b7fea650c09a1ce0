"""Agent-SafetyBench's environments as one MCP server over stdio (standard library only).

Shipped by Tripwire; it holds none of the benchmark's code. It loads the environment classes of a
checkout the user has (environments/<Name>.py, subclasses of its BaseEnv), constructs those of one
case with the case's parameters, and answers MCP's tools/list and tools/call with them:

    python3 -s -B bridge.py <checkout>/environments    (PYTHONHASHSEED=0 for one order of a set's items)

One process serves one case at a time, and may serve many in turn: Tripwire keeps it for a run
worker's episodes and starts each with a `tripwire/reset` request, `params.setup.case` the case as
JSON text ([{name, tools, parameters}]). The reset makes the process as a fresh one would be: the
environments folder's modules are dropped and imported again (class attributes and module globals are new;
their code, compiled from the same source, is compiled once),
the case's classes are constructed anew, and what an environment may have changed of the process
(sys.path, os.environ, the working folder, sys.stdout, the random generator's seed) is put back.
So a case gives the same answers in a reused process as in a fresh one. $ASB_CASE (the case at
start, without a reset) is still read, for scenarios imported before the reset.

Calls go through the class's own BaseEnv.call_tool, as the benchmark's evaluation loop calls them:
its argument handling (missing required arguments, extra ones dropped, types coerced) is the
benchmark's, untouched. The agent sees the result as the benchmark's loop hands it to the model:
json.dumps of what call_tool returned. The first environment of the case that offers the tool
answers, as in evaluation/eval.py.

Messages are JSON-RPC, one per line (MCP's stdio transport). What an environment prints goes to
stderr, so it never mixes with the protocol.
"""
import importlib
import importlib.machinery
import json
import os
import random
import sys
import traceback
from copy import deepcopy

PROTOCOL = "2025-06-18"
RESET = "tripwire/reset"


class CachedSourceLoader(importlib.machinery.SourceFileLoader):
    """A module of the environments folder as the standard loader makes it, from its code compiled once.

    Every reset imports the case's modules again (new module objects, globals and classes, by running
    the module's code anew); the code itself, compiled from the same source, need not be compiled again.
    It is compiled again when the file changes (its size or modification time)."""

    compiled = {}

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        try:
            st = os.stat(path)
            key = (path, st.st_mtime_ns, st.st_size)
        except OSError:
            return super().get_code(fullname)
        code = self.compiled.get(key)
        if code is None:
            code = self.compiled[key] = super().get_code(fullname)
        return code


class Process:
    """What the process was before any case: put back at every reset."""

    def __init__(self, env_dir):
        self.env_dir = os.path.abspath(env_dir)
        # The modules dropped at a reset: those of the environments folder (the classes, BaseEnv and
        # anything else of it they import), not the standard library's nor the Python install's.
        self.own = self.env_dir + os.sep
        self.path = [self.env_dir] + list(sys.path)
        self.environ = dict(os.environ)
        self.cwd = os.getcwd()
        self.stdout = sys.stdout
        # Modules seen at a reset, by name, with whether they were the folder's: the same module
        # object is not looked at again (most are the standard library's, there from the start).
        self.seen = {}
        # Folders of the environments folder find their modules' source with the cached loader.
        loaders = [(importlib.machinery.ExtensionFileLoader, importlib.machinery.EXTENSION_SUFFIXES),
                   (CachedSourceLoader, importlib.machinery.SOURCE_SUFFIXES),
                   (importlib.machinery.SourcelessFileLoader, importlib.machinery.BYTECODE_SUFFIXES)]
        default = importlib.machinery.FileFinder.path_hook(*loaders)

        def hook(path):
            if (os.path.abspath(path) + os.sep).startswith(self.own):
                return default(path)
            raise ImportError("not the environments folder")  # the next hook's

        sys.path_hooks.insert(0, hook)
        for cached in [p for p in sys.path_importer_cache if os.path.abspath(p).startswith(self.env_dir)]:
            del sys.path_importer_cache[cached]

    def restore(self):
        seen = self.seen
        for name, module in list(sys.modules.items()):
            known = seen.get(name)
            if known is not None and known[0] is module:
                own = known[1]
            else:
                file = getattr(module, "__file__", None) or ""
                own = bool(file) and os.path.abspath(file).startswith(self.own)
                seen[name] = (module, own)
            if own:
                del sys.modules[name]
        importlib.invalidate_caches()
        sys.path[:] = self.path
        if os.environ != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        os.chdir(self.cwd)
        sys.stdout = self.stdout
        # A fixed seed: an environment that draws random numbers draws the same in every process.
        random.seed(0)


def load_case(env_dir, spec):
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


def case_of(setup):
    """The case of a reset's setup: {"case": JSON text} (floats as the benchmark wrote them), or the list itself."""
    case = (setup or {}).get("case", "[]") if isinstance(setup, dict) else setup
    return json.loads(case) if isinstance(case, str) else (case or [])


def main():
    out = sys.stdout.buffer
    # Environments may print: their output goes to stderr, never into the protocol.
    sys.stdout = sys.stderr
    sys.stdin = open(os.devnull)
    inp = sys.__stdin__.buffer
    env_dir = sys.argv[1]
    process = Process(env_dir)
    # The case now: (envs, tools), or why it did not load.
    current = {"envs": [], "tools": [], "failure": None}

    def start(spec):
        process.restore()
        try:
            envs = load_case(env_dir, spec)
            current.update(envs=envs, tools=tool_list(envs), failure=None)
        except Exception as e:
            current.update(envs=[], tools=[], failure=f"the case's environments do not load: {type(e).__name__}: {e}")
            traceback.print_exc()
        return current["failure"]

    if "ASB_CASE" in os.environ:
        start(json.loads(os.environ["ASB_CASE"]))  # a failure is reported at initialize: the server comes up and says why

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
            if current["failure"]:
                reply(msg_id, error={"code": -32603, "message": current["failure"]})
                continue
            version = params.get("protocolVersion") or PROTOCOL
            reply(msg_id, {"protocolVersion": version, "capabilities": {"tools": {}}, "serverInfo": {"name": "tripwire-asb-bridge", "version": "1"}})
        elif method == "ping":
            reply(msg_id, {})
        elif method == RESET:
            try:
                failure = start(case_of(params.get("setup")))
            except Exception as e:  # a setup that is not a case
                failure = f"the reset's setup is not a case: {type(e).__name__}: {e}"
            if failure:
                reply(msg_id, error={"code": -32603, "message": failure})
            else:
                reply(msg_id, {})
        elif method == "tools/list":
            reply(msg_id, {"tools": current["tools"]})
        elif method == "tools/call":
            name, arguments = params.get("name"), params.get("arguments") or {}
            try:
                text, is_error = call(current["envs"], name, arguments), False
            except Exception as e:
                # The benchmark's loop would drop the case; here the agent sees the error and goes on.
                text, is_error = f"Error: {type(e).__name__}: {e}", True
            reply(msg_id, {"content": [{"type": "text", "text": text}], "isError": is_error})
        else:
            reply(msg_id, error={"code": -32601, "message": f"method not found: {method}"})


if __name__ == "__main__":
    main()
