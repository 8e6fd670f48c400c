// Reads every valid fixture into the types that json-schema-to-typescript
// generated from schemas/record.schema.json, and uses them the way a
// TypeScript user would: narrowing the tagged unions, walking event parts.
// Type-checked with `tsc --strict --noEmit`, then run with node.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

import type { DiplomaticEventRecordFormat02 as DiplomaticEventRecord } from "./record";

type Event = DiplomaticEventRecord["event"];
type Party = NonNullable<DiplomaticEventRecord["parties"]>[number];
type Actor = NonNullable<Event["participants"]>[number]["participant"];

/** The country a party is or belongs to, narrowing on the `type` tag. */
function countryOf(party: Party): string | undefined {
  const kind = party.kind;
  switch (kind.type) {
    case "state":
      return kind.country; // required for states: no `undefined` here
    case "public_body":
    case "company":
    case "non_state_actor":
      return kind.country;
    case "polity":
    case "international_organisation":
    case "group_of_states":
      return undefined;
  }
}

/** An event kind is a listed string or `{other: "..."}`. */
function kindName(event: Event): string {
  const kind = event.kind;
  return typeof kind === "string" ? kind : `other: ${kind.other}`;
}

function actorId(actor: Actor): string {
  if ("person" in actor) return `person ${actor.person}`;
  if ("party" in actor) return `party ${actor.party}`;
  return `delegation ${actor.delegation}`;
}

function walk(event: Event, depth: number, out: string[]): void {
  const who = (event.participants ?? []).map((p) => actorId(p.participant)).join(", ");
  out.push(`${"  ".repeat(depth)}${event.id} (${kindName(event)}) ${event.time?.start ?? "?"}: ${who}`);
  for (const part of (event.parts ?? []) as Event[]) walk(part, depth + 1, out);
}

const root = resolve(process.argv[2] ?? ".");
const dirs = ["tests/fixtures/valid", "examples/records"];
let count = 0;
for (const dir of dirs) {
  for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith(".json")).sort()) {
    const record = JSON.parse(readFileSync(join(root, dir, file), "utf8")) as DiplomaticEventRecord;
    const lines: string[] = [];
    walk(record.event, 1, lines);
    const countries = (record.parties ?? []).map(countryOf).filter((c): c is string => c !== undefined);
    console.log(`${record.id} [${record.format_version}] countries: ${countries.join(" ") || "-"}`);
    for (const line of lines) console.log(line);
    count++;
  }
}
const baku = JSON.parse(
  readFileSync(join(root, "examples/records/baku-2024-04-02.json"), "utf8"),
) as DiplomaticEventRecord;
const head = baku.delegations?.[0]?.head?.member;
if (!head || !("person" in head) || head.person !== "gorgun") throw new Error("Baku: head of delegation");
const count0 = baku.agreements?.[0]?.count;
if (count0?.kind !== "unknown" || count0.as_written !== "several") throw new Error("Baku: several memoranda");
console.log(`typescript: ${count} records read into the generated types`);
