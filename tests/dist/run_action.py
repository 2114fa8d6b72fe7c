#!/usr/bin/env python3
"""Runs the composite action in action.yml the way a GitHub runner does, on this machine.

Each step's `${{ }}` expressions are evaluated (inputs with their defaults, github.action_path,
github.action_ref, runner.temp, steps.ID.outputs.NAME; anything else is an error), its `env` is
set, its `run` goes to `bash --noprofile --norc -eo pipefail FILE`, and GITHUB_PATH and
GITHUB_OUTPUT work as on a runner. Stops at the first failing step, like the runner.
The steps' output goes to stderr (the log); stdout gets the action's outputs as JSON. Exits
with the failing step's status (0 when all passed).

usage: run_action.py ACTION_YML RUNNER_TEMP [--ref REF] [INPUT=VALUE ...]
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml


def main():
    args = sys.argv[1:]
    action_file, runner_temp = args[0], args[1]
    ref = ""
    if len(args) > 3 and args[2] == "--ref":
        ref, args = args[3], args[:2] + args[4:]
    given = dict(a.split("=", 1) for a in args[2:])
    with open(action_file) as f:
        action = yaml.safe_load(f)
    assert action["runs"]["using"] == "composite", "not a composite action"
    declared = action.get("inputs", {})
    unknown = set(given) - set(declared)
    if unknown:
        sys.exit(f"run_action: the action has no input {sorted(unknown)}")
    inputs = {name: given.get(name, str(spec.get("default", ""))) for name, spec in declared.items()}
    context = {"github.action_path": os.path.dirname(os.path.abspath(action_file)),
               "github.action_ref": ref, "runner.temp": runner_temp}
    step_outputs = {}

    def evaluate(text):
        def value(match):
            expression = match.group(1).strip()
            if expression.startswith("inputs."):
                name = expression[len("inputs."):]
                if name not in inputs:
                    raise SystemExit(f"run_action: unknown input in ${{{{ {expression} }}}}")
                return inputs[name]
            step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
            if step:
                return step_outputs.get(step.group(1), {}).get(step.group(2), "")
            if expression in context:
                return context[expression]
            raise SystemExit(f"run_action: cannot evaluate ${{{{ {expression} }}}}")
        return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))

    path = os.environ["PATH"]
    status = 0
    for step in action["runs"]["steps"]:
        assert step.get("shell") == "bash", f"step {step.get('id')}: only bash steps are run here"
        with tempfile.TemporaryDirectory() as work:
            files = {name: os.path.join(work, name) for name in ("path", "output", "script")}
            for name in ("path", "output"):
                open(files[name], "w").close()
            with open(files["script"], "w") as f:
                f.write(evaluate(step["run"]))
            env = dict(os.environ, PATH=path, GITHUB_PATH=files["path"], GITHUB_OUTPUT=files["output"],
                       RUNNER_TEMP=runner_temp, GITHUB_ACTION_PATH=context["github.action_path"])
            env.update({k: evaluate(v) for k, v in step.get("env", {}).items()})
            status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", files["script"]],
                                    env=env, stdout=sys.stderr).returncode
            with open(files["path"]) as f:
                for line in f.read().splitlines():
                    path = line + os.pathsep + path
            with open(files["output"]) as f:
                outputs = dict(line.split("=", 1) for line in f.read().splitlines() if "=" in line)
            step_outputs[step.get("id", "")] = outputs
        if status != 0:
            break
    result = {name: evaluate(spec["value"]) for name, spec in action.get("outputs", {}).items()}
    print(json.dumps(result))
    sys.exit(status)


if __name__ == "__main__":
    main()
