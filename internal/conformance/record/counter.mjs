// Records counter/testdata/counter.json: the example counter's sequence of
// the first vector of tonsim (deploy, steps, a stranger's upgrade,
// an unknown opcode, the upgrade, steps down to exit 5) in the vector format
// of package internal/conformance.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/counter.mjs <repo>

import { Recorder, code, initData, core, arg, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const v1 = code(root, 'counter/build/CounterV1_CounterV1.pkg');
const v2 = code(root, 'counter/build/CounterV2_CounterV2.pkg');

const step = (queryId) => beginCell().storeUint(1, 32).storeUint(queryId, 64).endCell();
const upgrade = (c) => beginCell().storeUint(10, 32).storeRef(c).endCell();

const r = await Recorder.create(
    root,
    'The example counter (counter/contracts): V1 (owner, id: uint32, value: uint32; init(id, owner, value)) deployed by deployer with id 7, owner owner and value 0; three Steps (two from deployer, one from stranger) count up to 3; a stranger\'s Upgrade to V2 fails with 132; a message with an unknown opcode fails with 130; the owner\'s Upgrade to V2 swaps the code and leaves the lazy-migration envelope; V2 migrates on the next message and counts down from 3 until a Step below 0 fails with exit 5 (integer out of range). Every send carries 0.05 TON and bounces.',
    ['deployer', 'owner', 'stranger'],
);
const owner = r.addresses.owner;
const init = {
    code: v1,
    data: initData((b) => b.storeInt(7, 257).storeAddress(owner).storeInt(0, 257)),
};
const counter = r.address(init);

await r.send({ from: 'deployer', init, note: 'Deploy V1 with an empty body.' });
await r.get(counter, 'value');
await r.send({ from: 'deployer', to: counter, body: step(42) });
await r.send({ from: 'deployer', to: counter, body: step(43) });
await r.send({ from: 'stranger', to: counter, body: step(44), note: 'Anyone may step.' });
await r.get(counter, 'value');
await r.get(counter, 'type_and_version');
await r.get(counter, 'isUpgradable');
await r.get(counter, 'owner');
await r.send({ from: 'stranger', to: counter, body: upgrade(v2), note: "A stranger's upgrade: 132 (access denied), bounced." });
await r.send({
    from: 'deployer',
    to: counter,
    body: beginCell().storeUint(0x63, 32).endCell(),
    note: 'An opcode the counter does not know: 130.',
});
await r.send({ from: 'owner', to: counter, body: upgrade(v2), note: "The owner's upgrade to V2." });
await r.get(counter, 'value', [], 'The getter runs V2, which migrates V1\'s storage in memory.');
await r.get(counter, 'type_and_version');
await r.send({ from: 'deployer', to: counter, body: step(1), note: 'The first V2 Step migrates for good and counts down.' });
await r.get(counter, 'value');
await r.get(counter, 'id');
await r.send({ from: 'deployer', to: counter, body: step(2) });
await r.send({ from: 'deployer', to: counter, body: step(3) });
await r.send({ from: 'deployer', to: counter, body: step(4), note: 'Below 0: exit 5 (integer out of range), bounced.' });
await r.get(counter, 'value');
await r.get(counter, 'balanceOf', [arg.address(owner)], 'A getter the counter does not have: exit 11.');
r.write('counter/testdata/counter.json');
