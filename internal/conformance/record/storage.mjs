// Records what @ton/sandbox 0.41.0 does when time passes over a contract
// that keeps no balance: storage fees it cannot pay become a due payment,
// and past the freeze limit the account freezes. Run in a scratch folder:
//   npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node storage.mjs <CounterV1.pkg> <config: default|path to a config BOC> > storage.json
import { Blockchain } from '@ton/sandbox';
import { beginCell, Cell, storeStateInit, contractAddress, loadTransaction } from '@ton/core';
import fs from 'node:fs';

const [pkgPath, configArg] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
const code = Cell.fromBase64(pkg.code);
const opts = {};
let configName = 'sandbox-0.41';
if (configArg && configArg !== 'default') {
  opts.config = Cell.fromBoc(fs.readFileSync(configArg))[0];
  configName = 'mainnet-2026-06';
}
const bc = await Blockchain.create(opts);
bc.now = 1735689600;
const owner = await bc.treasury('owner');
const data = beginCell().storeBit(0).storeInt(1, 257).storeAddress(owner.address).storeInt(5, 257).endCell();
const init = { code, data };
const addr = contractAddress(0, init);
const hex = (c) => c.toBoc({ idx: false, crc32: false }).toString('hex');

const steps = [];
function txRow(tx) {
  const d = tx.description;
  const row = {
    on: tx.inMessage.info.dest.toRawString(),
    from: tx.inMessage.info.type === 'internal' ? tx.inMessage.info.src.toRawString() : null,
    total_fees: tx.totalFees.coins.toString(),
    out_messages: tx.outMessagesCount,
    end_status: tx.endStatus,
  };
  if (d.storagePhase) {
    row.storage_collected = d.storagePhase.storageFeesCollected.toString();
    row.storage_due = (d.storagePhase.storageFeesDue ?? 0n).toString();
    row.status_change = d.storagePhase.statusChange.type;
  }
  const c = d.computePhase;
  if (c.type === 'skipped') {
    row.compute_skipped = c.reason === 'no-state' ? 'no_state' : c.reason.replace('-', '_');
  } else {
    row.exit_code = c.exitCode; row.gas_used = Number(c.gasUsed); row.success = c.success;
  }
  row.aborted = d.aborted;
  row.action_code = d.actionPhase ? d.actionPhase.resultCode : 0;
  row.skipped_actions = d.actionPhase ? d.actionPhase.skippedActions : 0;
  row.bounced = tx.inMessage.info.type === 'internal' ? tx.inMessage.info.bounced : false;
  row.deployed = tx.oldStatus !== 'active' && tx.endStatus === 'active';
  const acc = bc; // data/code hash read below
  return row;
}
async function send(note, body, withInit) {
  const value = 50000000n;
  const r = await owner.send({ to: addr, value, bounce: true, body, init: withInit ? init : undefined });
  const txs = [];
  for (const tx of r.transactions) {
    if (tx.inMessage.info.dest.equals(owner.address)) continue;
    const row = txRow(tx);
    const st = (await bc.getContract(addr)).accountState;
    txs.push(row);
  }
  const sendRow = { from: 'owner', to: addr.toRawString(), value: value.toString(), bounce: true };
  if (body) sendRow.body = hex(body);
  if (withInit) sendRow.state_init = hex(beginCell().store(storeStateInit(init)).endCell());
  steps.push({ note, send: sendRow, transactions: txs });
}
async function get(note, method) {
  try {
    const r = await bc.runGetMethod(addr, method, []);
    steps.push({ note, get: { on: addr.toRawString(), method }, exit_code: r.exitCode, gas_used: Number(r.gasUsed),
      result: r.stack.map((i) => i.type === 'int' ? { type: 'int', value: i.value.toString() } : { type: i.type }) });
  } catch (e) {
    steps.push({ note, get: { on: addr.toRawString(), method }, error: String(e.message ?? e).split('\n')[0] });
  }
}
function wait(note, seconds) { bc.now += seconds; steps.push({ note, wait: seconds }); }
async function state(note) {
  const c = await bc.getContract(addr);
  steps.push({ note, account: { on: addr.toRawString(), status: c.accountState?.type ?? 'none', balance: c.balance.toString() } });
}
const step = (q) => beginCell().storeUint(1, 32).storeUint(q, 64).endCell();

await send('deploy the counter: its cashback leaves it no balance', null, true);
await get('value after deploy', 'value');
await state('the counter holds nothing');
wait('ten years pass', 315360000);
await send('a Step after ten years: storage fees it cannot pay are due', step(1), false);
await state('still active, owing');
wait('sixty years pass', 1892160000);
await send('a Step after sixty years: the due passes the freeze limit', step(2), false);
await state('frozen');
await get('a getter on a frozen account', 'value');
await send('a Step to the frozen account', step(3), false);

console.log(JSON.stringify({
  what: 'What @ton/sandbox 0.41.0 does to a Tact 1.6.13 counter (V1, which returns every nanoton it gets) as time passes: storage fees it cannot pay become due, and past the freeze limit the account freezes. The counter is deployed by a treasury with 0.05 TON and an empty body, then Step {queryId} messages with 0.05 TON, bounceable.',
  recorded_with: '@ton/sandbox 0.41.0',
  config: configName,
  now: 1735689600,
  wallets: { owner: owner.address.toRawString() },
  steps,
}, null, 1));
