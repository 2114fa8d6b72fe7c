// The Dockerfile, parsed and validated by the Docker language server's own libraries
// (dockerfile-ast, dockerfile-utils), since no Docker daemon runs in CI. Prints every
// diagnostic (every check at error level), then the stages as JSON for dockerfile.sh.
// usage: node check.js DOCKERFILE
const fs = require('fs');
const { validate, ValidationSeverity } = require('dockerfile-utils');
const { DockerfileParser } = require('dockerfile-ast');

const path = process.argv[2];
const text = fs.readFileSync(path, 'utf8');
const settings = {};
for (const key of ['deprecatedMaintainer', 'directiveCasing', 'emptyContinuationLine', 'instructionCasing',
                   'instructionCmdMultiple', 'instructionEntrypointMultiple', 'instructionHealthcheckMultiple',
                   'instructionJSONInSingleQuotes', 'instructionWorkdirRelative']) {
  settings[key] = ValidationSeverity.ERROR;
}
const diagnostics = validate(text, settings);
for (const d of diagnostics) {
  console.error(`${path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
}

const dockerfile = DockerfileParser.parse(text);
const stages = [];
for (const instruction of dockerfile.getInstructions()) {
  const keyword = instruction.getKeyword();
  if (keyword === 'FROM') {
    stages.push({ image: instruction.getImage(), name: instruction.getBuildStage() || null, instructions: [] });
  } else if (stages.length) {
    const entry = { keyword, arguments: instruction.getArguments().map(a => a.getValue()) };
    if (keyword === 'COPY') {
      const from = instruction.getFromFlag && instruction.getFromFlag();
      entry.from = from ? from.getValue() : null;
    }
    if (keyword === 'RUN' || keyword === 'ENTRYPOINT' || keyword === 'CMD') {
      entry.text = instruction.getArgumentsContent ? instruction.getArgumentsContent() : null;
    }
    stages[stages.length - 1].instructions.push(entry);
  }
}
console.log(JSON.stringify(stages, null, 1));
process.exit(diagnostics.length ? 1 : 0);
