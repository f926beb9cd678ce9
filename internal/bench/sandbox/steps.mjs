// The @ton/sandbox side of the README's comparison ("Benchmarks"): N Step sends to the
// example Tact counter V1 from a treasury, as sandbox users write them
// (treasury.send, each three transactions: the treasury's, the counter's,
// the cashback), the same work as `tonsim run` on the scenario that
// `go run ./internal/bench/stepgen N` writes. It checks the transactions
// and the counter's value at the end. Never run by tests.
//
// Run it with node from a scratch folder OUTSIDE the repository that has
// the sandbox installed, giving the repository's root and N:
//
//   mkdir -p /work/scratch/perf && cd /work/scratch/perf
//   npm init -y && npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/bench/sandbox/steps.mjs <repo> 1000
//
// and compare whole processes, in turn, with internal/bench/compare (the
// README's "Benchmarks" gives the command).

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const { Blockchain } = require('@ton/sandbox');
const { beginCell, contractAddress, toNano, Cell } = require('@ton/core');

const [root, count] = process.argv.slice(2);
const n = Number(count ?? 1000);
if (!root || !Number.isInteger(n) || n < 0) {
    throw new Error('usage: node steps.mjs <tonsim repository root> N');
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'counter/build/CounterV1_CounterV1.pkg'), 'utf8'));

const blockchain = await Blockchain.create();
blockchain.now = 1735689600;
const wallet = await blockchain.treasury('wallet');

// V1's init(id, owner, value), before init() ran: the lazy-deployment bit 0
// and the arguments.
const init = {
    code: Cell.fromBase64(pkg.code),
    data: beginCell().storeBit(0).storeInt(1, 257).storeAddress(wallet.address).storeInt(0, 257).endCell(),
};
const counter = contractAddress(0, init);
const value = toNano('0.05');

const deployed = await wallet.send({ to: counter, value, init });
if (deployed.transactions.length !== 3) throw new Error(`deploy: ${deployed.transactions.length} transactions`);
for (let i = 1; i <= n; i++) {
    const step = beginCell().storeUint(1, 32).storeUint(i, 64).endCell();
    const r = await wallet.send({ to: counter, value, body: step });
    if (r.transactions.length !== 3) throw new Error(`send ${i}: ${r.transactions.length} transactions`);
}
const got = (await blockchain.runGetMethod(counter, 'value')).stackReader.readBigNumber();
if (got !== BigInt(n)) throw new Error(`value ${got}, want ${n}`);
console.log(`${n} sends, value ${got}`);
