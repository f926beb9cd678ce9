// Records examples/contracts/staged/testdata/staged.json: the staged
// family's two-step upgrade, Upgrade { code } to stage and CommitUpgrade {}
// to apply.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/staged.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/staged';
const v1 = code(root, `${dir}/build/StagedV1_StagedV1.pkg`);
const v2 = code(root, `${dir}/build/StagedV2_StagedV2.pkg`);

const bump = (q) => beginCell().storeUint(0x53540003, 32).storeUint(q, 64).endCell();
const upgrade = (c) => beginCell().storeUint(0x53540001, 32).storeRef(c).endCell();
const commit = () => beginCell().storeUint(0x53540002, 32).endCell();

const r = await Recorder.create(
    root,
    "The staged family (examples/contracts/staged): StagedV1 (owner, count: uint32, pendingCode: Cell?) deployed by owner with a Bump; a stranger's Upgrade refused with 132; the owner's Upgrade stages StagedV2's code and changes nothing else (same code hash, version 1.0.0, Bump still adds 1); a stranger's CommitUpgrade refused with 132; an hour later the owner's CommitUpgrade applies the code and clears pendingCode; Bump on V2 adds 2; a second CommitUpgrade fails: nothing is staged.",
    ['owner', 'stranger'],
);
const { owner } = r.addresses;
const init = { code: v1, data: initData((b) => b.storeAddress(owner)) };
const c = r.address(init);

await r.send({ from: 'owner', init, body: bump(1), note: 'Deploy StagedV1 with a Bump.' });
await r.get(c, 'type_and_version');
await r.get(c, 'count');
await r.get(c, 'pendingCode');
await r.send({ from: 'stranger', to: c, body: upgrade(v2), note: "A stranger's Upgrade: 132 (access denied)." });
await r.send({ from: 'owner', to: c, body: upgrade(v2), note: "The owner's Upgrade only stages the code." });
await r.get(c, 'pendingCode');
await r.get(c, 'type_and_version', [], 'Still version 1.');
await r.send({ from: 'stranger', to: c, body: bump(2), note: 'Still adds 1.' });
await r.get(c, 'count');
await r.send({ from: 'stranger', to: c, body: commit(), note: "A stranger's CommitUpgrade: 132." });
r.wait(3600);
await r.send({ from: 'owner', to: c, body: commit(), note: "The owner's CommitUpgrade: SETCODE, pendingCode cleared." });
await r.get(c, 'type_and_version');
await r.get(c, 'pendingCode');
await r.get(c, 'count');
await r.send({ from: 'stranger', to: c, body: bump(3), note: 'V2 adds 2.' });
await r.get(c, 'count');
await r.send({ from: 'owner', to: c, body: commit(), note: 'Nothing staged: refused.' });
r.write(`${dir}/testdata/staged.json`);
