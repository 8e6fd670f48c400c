// Ajv's verdicts for the differential test (differential.py): reads JSON
// Lines and prints one character a line, 1 for a valid record, 0 for an
// invalid one or a line that is not JSON.
//
// Usage: node differential_ajv.mjs NODE_MODULES_DIR MUTANTS.jsonl
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const require = createRequire(join(resolve(process.argv[2]), "noop.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const schema = JSON.parse(readFileSync(join(root, "schemas/record.schema.json"), "utf8"));
const ajv = new Ajv2020({ strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const lines = readFileSync(process.argv[3], "utf8").split("\n");
if (lines.at(-1) === "") lines.pop();
let verdicts = "";
for (const line of lines) {
  let instance;
  try {
    instance = JSON.parse(line);
  } catch {
    verdicts += "0";
    continue;
  }
  verdicts += validate(instance) ? "1" : "0";
}
process.stdout.write(verdicts + "\n");
