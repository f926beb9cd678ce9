// Records examples/contracts/initparams/testdata/initparams.json: the
// InitParams family's staged upgrade, Upgrade { code } to stage and
// CommitUpgrade {} to apply, which leaves InitParams for the new code's
// init; the migration on the next message; the broken v2 that bricks; and
// v2 deployed fresh with an empty stateToBeMigrated.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/initparams.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/initparams';
const v1 = code(root, `${dir}/build/InitParamsV1_InitParamsV1.pkg`);
const v2 = code(root, `${dir}/build/InitParamsV2_InitParamsV2.pkg`);
const v2bad = code(root, `${dir}/build/InitParamsV2Bad_InitParamsV2Bad.pkg`);

const step = (q) => beginCell().storeUint(0x49500003, 32).storeUint(q, 64).endCell();
const upgrade = (c) => beginCell().storeUint(0x49500001, 32).storeRef(c).endCell();
const commit = () => beginCell().storeUint(0x49500002, 32).endCell();

const r = await Recorder.create(
    root,
    "The InitParams family (examples/contracts/initparams): InitParamsV1 (owner, count: uint32, pendingCode: Cell?) deployed by owner with a Step; a stranger's Upgrade refused with 132; the owner's Upgrade stages InitParamsV2's code and changes nothing else (Step still adds 1); a stranger's CommitUpgrade refused with 132; the owner's CommitUpgrade applies the code and leaves the lazy-deployment bit cleared and InitParams { header: { owner }, stateToBeMigrated: v1's data }; a getter runs v2's init on it; the next Step migrates (count: int64) and subtracts 1; a second CommitUpgrade fails: nothing is staged. Then owner2's InitParamsV1 committed to InitParamsV2Bad, whose init reads v1's uint32 count as int64: every message and getter fails with 9, the owner's Upgrade included. Last, InitParamsV2 deployed fresh by fresh with an empty stateToBeMigrated counts down from 0.",
    ['owner', 'stranger', 'owner2', 'fresh'],
);
const { owner, owner2, fresh } = r.addresses;
const init = { code: v1, data: initData((b) => b.storeAddress(owner)) };
const c = r.address(init);

await r.send({ from: 'owner', init, body: step(1), note: 'Deploy InitParamsV1 with a Step.' });
await r.get(c, 'type_and_version');
await r.get(c, 'count');
await r.send({ from: 'stranger', to: c, body: upgrade(v2), note: "A stranger's Upgrade: 132 (access denied)." });
await r.send({ from: 'owner', to: c, body: upgrade(v2), note: "The owner's Upgrade only stages the code." });
await r.get(c, 'pendingCode');
await r.send({ from: 'stranger', to: c, body: step(2), note: 'Still adds 1.' });
await r.send({ from: 'stranger', to: c, body: commit(), note: "A stranger's CommitUpgrade: 132." });
await r.send({ from: 'owner', to: c, body: commit(), note: "The owner's CommitUpgrade: SETCODE, and InitParams left for v2's init." });
await r.get(c, 'type_and_version', [], "A getter runs v2's init on the envelope.");
await r.get(c, 'count');
await r.send({ from: 'stranger', to: c, body: step(3), note: "The next message runs v2's init, which migrates the count; v2 subtracts 1." });
await r.get(c, 'count');
await r.get(c, 'pendingCode');
await r.send({ from: 'owner', to: c, body: commit(), note: 'Nothing staged: refused.' });

const badInit = { code: v1, data: initData((b) => b.storeAddress(owner2)) };
const bad = r.address(badInit);
await r.send({ from: 'owner2', init: badInit, body: step(1), note: "Deploy owner2's InitParamsV1 with a Step." });
await r.send({ from: 'owner2', to: bad, body: upgrade(v2bad), note: 'Stage InitParamsV2Bad.' });
await r.send({ from: 'owner2', to: bad, body: commit(), note: 'The commit goes through: nothing has read the data yet.' });
await r.get(bad, 'count', [], "v2bad's init reads 64 bits where 33 are left: 9.");
await r.send({ from: 'stranger', to: bad, body: step(2), note: 'Every message fails with 9.' });
await r.send({ from: 'owner2', to: bad, body: upgrade(v1), note: "The owner's Upgrade too: bricked." });

const freshInit = { code: v2, data: initData((b) => b.storeAddress(fresh).storeRef(beginCell().endCell())) };
const f = r.address(freshInit);
await r.send({ from: 'fresh', init: freshInit, body: step(1), note: 'Deploy InitParamsV2 with an empty stateToBeMigrated and a Step: 0 - 1.' });
await r.get(f, 'count');
await r.get(f, 'type_and_version');
r.write(`${dir}/testdata/initparams.json`);
