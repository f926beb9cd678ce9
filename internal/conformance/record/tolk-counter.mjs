// Records examples/contracts/tolk-counter/testdata/tolk-counter.json: what
// the compiled Tolk counters (examples/contracts/tolk-counter/build/*.boc)
// do in @ton/sandbox 0.41.0 for one message sequence, in the conformance
// vector format every family shares. Tests never run this; they replay the
// JSON it writes.
//
// Run it in a scratch folder outside the repository:
//
//   mkdir -p /tmp/sandbox && cd /tmp/sandbox
//   npm init -y && npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   cp <repo>/internal/conformance/record/tolk-counter.mjs .
//   node tolk-counter.mjs <repo>
import { Blockchain } from "@ton/sandbox";
import { Address, beginCell, Cell, storeStateInit } from "@ton/core";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const repo = process.argv[2];
if (!repo) {
  throw new Error("usage: node tolk-counter.mjs <repo>");
}
const family = path.join(repo, "examples/contracts/tolk-counter");
const out = path.join(family, "testdata/tolk-counter.json");

const require = createRequire(import.meta.url);
const sandboxVersion = require("@ton/sandbox/package.json").version;
const coreVersion = require("@ton/core/package.json").version;
if (sandboxVersion !== "0.41.0") {
  throw new Error(`@ton/sandbox ${sandboxVersion} is installed, the vector is recorded with 0.41.0`);
}

const NOW = 1735689600;
const VALUE = 50000000n; // 0.05 TON
const OP_UPGRADE = 0x0aa811ed;
const OP_STEP = 0x00000001;

const code = (name) => Cell.fromBoc(fs.readFileSync(path.join(family, "build", `${name}.boc`)))[0];
const v1 = code("counter_v1");
const v2 = code("counter_v2");
const v2fail = code("counter_v2fail");

const hex = (c) => c.toBoc({ idx: false, crc32: false }).toString("hex");
const raw = (a) => `${a.workChain}:${a.hash.toString("hex")}`;
const rawOf = (n) => `0:${n.toString(16).padStart(64, "0")}`;

const step = (queryId) => beginCell().storeUint(OP_STEP, 32).storeUint(queryId, 64).endCell();
const upgrade = (queryId, c) => beginCell().storeUint(OP_UPGRADE, 32).storeUint(queryId, 64).storeRef(c).endCell();

const blockchain = await Blockchain.create();
blockchain.now = NOW;
const wallets = { owner: await blockchain.treasury("owner"), stranger: await blockchain.treasury("stranger") };
const treasuries = new Set(Object.values(wallets).map((w) => raw(w.address)));

// StorageV1 { owner: address; id: uint32; value: uint32 }
const init = { code: v1, data: beginCell().storeAddress(wallets.owner.address).storeUint(7, 32).storeUint(0, 32).endCell() };
const stateInit = beginCell().store(storeStateInit(init)).endCell();
const counter = new Address(0, stateInit.hash());

const steps = [];
let now = NOW;

async function send(note, from, body, { bounce = true, deploy = false } = {}) {
  const args = { to: counter, value: VALUE, bounce };
  if (body) args.body = body;
  if (deploy) args.init = init;
  const res = await wallets[from].send(args);

  const seen = new Set();
  const transactions = [];
  for (const tx of res.transactions) {
    const on = rawOf(tx.address);
    if (treasuries.has(on)) continue;
    if (seen.has(on)) throw new Error(`${note}: two transactions on ${on}, data_hash would be ambiguous`);
    seen.add(on);

    const d = tx.description;
    if (d.type !== "generic") throw new Error(`${note}: a ${d.type} transaction`);
    const state = (await blockchain.getContract(Address.parseRaw(on))).accountState;
    const active = state?.type === "active";
    const info = tx.inMessage.info;
    const rec = {
      on,
      from: info.type === "internal" ? raw(info.src) : null,
    };
    if (d.computePhase.type === "vm") {
      rec.exit_code = d.computePhase.exitCode;
    } else {
      rec.compute_skipped = d.computePhase.reason;
    }
    Object.assign(rec, {
      action_code: d.actionPhase?.resultCode ?? 0,
      success: d.computePhase.type === "vm" && d.computePhase.success && (d.actionPhase?.success ?? false),
      aborted: d.aborted,
      bounced: info.type === "internal" && info.bounced,
      deployed: tx.oldStatus !== "active" && tx.endStatus === "active",
      gas_used: d.computePhase.type === "vm" ? Number(d.computePhase.gasUsed) : 0,
      total_fees: tx.totalFees.coins.toString(),
      skipped_actions: d.actionPhase?.skippedActions ?? 0,
      out_messages: tx.outMessagesCount,
      data_hash: active && state.state.data ? state.state.data.hash().toString("hex") : "",
      code_hash: active && state.state.code ? state.state.code.hash().toString("hex") : "",
      events: [...tx.outMessages.values()].filter((m) => m.info.type === "external-out").map((m) => hex(m.body)),
    });
    transactions.push(rec);
  }

  const s = { from, to: raw(counter), value: VALUE.toString(), bounce };
  if (body) s.body = hex(body);
  if (deploy) s.state_init = hex(stateInit);
  steps.push({ note, send: s, transactions });
}

function item(t) {
  switch (t.type) {
    case "int":
      return { type: "int", value: t.value.toString() };
    case "null":
      return { type: "null" };
    case "cell":
    case "slice":
    case "builder":
      return { type: t.type, boc: hex(t.cell) };
    case "tuple":
      return { type: "tuple", items: t.items.map(item) };
    default:
      throw new Error(`stack item ${t.type}`);
  }
}

async function get(method, note) {
  const r = await blockchain.runGetMethod(counter, method, []);
  const g = { get: { on: raw(counter), method, args: [] }, exit_code: r.exitCode, gas_used: Number(r.gasUsed), result: r.stack.map(item) };
  if (note) g.note = note;
  steps.push(g);
}

async function getters(note) {
  await get("value", note);
  await get("version");
  await get("owner");
}

await send("the owner deploys version 1 (id 7, value 0) with an empty body", "owner", null, { bounce: false, deploy: true });
await getters("version 1: value 0");
await send("Step counts up", "owner", step(1n));
await send("anyone may step", "stranger", step(2n));
await get("value", "value 2");
await send("a stranger's upgrade is refused (132) and bounces", "stranger", upgrade(3n, v2));
await send("v1 -> v2fail: v2fail's migrate reads v1's storage as v2's, exit 9 aborts the transaction: code and data stay", "owner", upgrade(4n, v2fail));
await getters("still version 1, value 2");
await send("the eager upgrade v1 -> v2: migrate runs in this transaction and UpgradedEvent is emitted", "owner", upgrade(5n, v2));
await getters("version 2, value 2 migrated to 64 bits");
steps.push({ wait: 3600 });
now += 3600;
blockchain.now = now;
await send("version 2 counts down", "stranger", step(6n));
await send("v2 -> v2fail: its migrate knows only 1.0.0 (28700), nothing changes", "owner", upgrade(7n, v2fail));
await send("an unknown opcode is refused (0xffff)", "stranger", beginCell().storeUint(0x12345678, 32).endCell());
await send("an empty body is accepted", "stranger", null);
await getters("version 2, value 1");

const vector = {
  what:
    "Tolk counter (tolk-js 1.3.0): deploy v1, steps, a stranger's upgrade refused, a failing eager upgrade to v2fail (exit 9, nothing changes), " +
    "the eager upgrade to v2 with its UpgradedEvent, steps after, a failing upgrade v2 -> v2fail (VersionMismatch), an unknown opcode, getters throughout",
  recorded_with: `@ton/sandbox ${sandboxVersion}, @ton/core ${coreVersion}`,
  config: "sandbox-0.41",
  now: NOW,
  wallets: Object.fromEntries(Object.entries(wallets).map(([k, w]) => [k, raw(w.address)])),
  steps,
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(vector, null, 2) + "\n");
console.log(`wrote ${out}: ${steps.length} steps`);
