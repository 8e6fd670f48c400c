// Ajv (draft 2020-12, strict mode, ajv-formats) against the committed schema:
// every valid fixture passes; every invalid fixture is rejected exactly when
// one of its expected codes is checked by the schema (the "JSON Schema"
// column of the code table in src/validation/mod.rs). Not-JSON fixtures are skipped.
//
// Usage: node check_ajv.mjs NODE_MODULES_DIR
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const require = createRequire(join(resolve(process.argv[2]), "noop.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const schema = JSON.parse(readFileSync(join(root, "schemas/record.schema.json"), "utf8"));
// strict: true turns every unknown keyword, format or ambiguous type into an error.
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const table = readFileSync(join(root, "src/validation/mod.rs"), "utf8");
const checked = new Set(
  [...table.matchAll(/^\/\/! \| `([a-z0-9-]+)` \| \w+ \| \w+ \| (yes|no) \|/gm)]
    .filter((m) => m[2] === "yes")
    .map((m) => m[1]),
);
if (checked.size < 10) throw new Error("could not read the code table");

const jsonFiles = (dir) =>
  readdirSync(join(root, dir)).filter((f) => f.endsWith(".json")).sort().map((f) => join(root, dir, f));

const failures = [];
const valid = [...jsonFiles("tests/fixtures/valid"), ...jsonFiles("examples/records")];
for (const path of valid) {
  if (!validate(JSON.parse(readFileSync(path, "utf8")))) {
    failures.push(`${path}: valid fixture rejected: ${ajv.errorsText(validate.errors)}`);
  }
}
let rejected = 0;
let accepted = 0;
for (const path of jsonFiles("tests/fixtures/invalid")) {
  let instance;
  try {
    instance = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path)));
  } catch {
    continue;
  }
  const codes = readFileSync(path.replace(/\.json$/, ".expected"), "utf8")
    .split("\n").filter(Boolean).map((line) => line.split("\t")[2]);
  const expectRejected = codes.some((code) => checked.has(code));
  const isValid = validate(instance);
  if (isValid === expectRejected) {
    failures.push(`${path}: codes ${codes}: Ajv ${isValid ? "accepts" : "rejects"} it`);
  }
  if (expectRejected) rejected++; else accepted++;
}
for (const failure of failures) console.log(`FAIL ajv ${failure}`);
console.log(`ajv ${require("ajv/package.json").version} (strict, formats): ${valid.length} valid accepted, ` +
  `${rejected} field-level invalid rejected, ${accepted} Rust-only invalid accepted, ${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
