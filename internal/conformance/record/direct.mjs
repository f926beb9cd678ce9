// Records examples/contracts/direct/testdata/direct.json: the direct
// family's upgrade, where one owner-only Upgrade { code: Cell?; data: Cell? }
// carries the new code and the data migrated by the upgrader.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/direct.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/direct';
const v1 = code(root, `${dir}/build/DirectV1_DirectV1.pkg`);
const v2 = code(root, `${dir}/build/DirectV2_DirectV2.pkg`);

const bump = (q) => beginCell().storeUint(0x44520002, 32).storeUint(q, 64).endCell();
const upgrade = (c, d) => beginCell().storeUint(0x44520001, 32).storeMaybeRef(c).storeMaybeRef(d).endCell();
/** DirectV2's storage, as the upgrader builds it: initialized, count: uint64, owner, step: uint8. */
const v2Data = (count, owner, step) =>
    beginCell().storeBit(1).storeUint(count, 64).storeAddress(owner).storeUint(step, 8).endCell();

const r = await Recorder.create(
    root,
    "The direct family (examples/contracts/direct): DirectV1 (owner, count: uint32) deployed by owner with a Bump; Bumps from owner and stranger; a stranger's Upgrade refused with 132; ten minutes later the owner's Upgrade { code: DirectV2, data: V2's storage built from V1's count (count: uint64 first, owner, step 5) } changes the code after the transaction and the data at once (the receiver stops with throw(0)); Bumps on V2 add its step; last, an Upgrade with data only (code null) resets the count and the step.",
    ['owner', 'stranger'],
);
const { owner } = r.addresses;
const init = { code: v1, data: initData((b) => b.storeAddress(owner)) };
const c = r.address(init);

await r.send({ from: 'owner', init, body: bump(1), note: 'Deploy DirectV1 with a Bump.' });
await r.get(c, 'type_and_version');
await r.get(c, 'owner');
await r.send({ from: 'owner', to: c, body: bump(2) });
await r.send({ from: 'stranger', to: c, body: bump(3) });
const count = await r.get(c, 'count');
await r.send({ from: 'stranger', to: c, body: upgrade(v2, v2Data(0, r.addresses.stranger, 1)), note: "A stranger's Upgrade: 132 (access denied)." });
r.wait(600);
const migrated = v2Data(BigInt(count.result[0].value), owner, 5);
await r.send({ from: 'owner', to: c, body: upgrade(v2, migrated), note: "The owner's Upgrade: DirectV2's code, and V1's count moved into V2's layout by the upgrader." });
await r.get(c, 'type_and_version');
await r.get(c, 'count');
await r.get(c, 'step');
await r.send({ from: 'stranger', to: c, body: bump(4), note: 'V2 adds its step.' });
await r.get(c, 'count');
await r.send({ from: 'owner', to: c, body: upgrade(null, v2Data(0, owner, 1)), note: 'Data only: the code stays V2, the count and step are reset.' });
await r.get(c, 'type_and_version');
await r.get(c, 'count');
await r.get(c, 'step');
r.write(`${dir}/testdata/direct.json`);
