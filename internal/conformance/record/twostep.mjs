// Records examples/contracts/twostep/testdata/twostep.json: the two-step
// family's staged upgrade under names of its own, StageCode { code } to stage
// and ApplyCode {} to apply.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/twostep.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/twostep';
const v1 = code(root, `${dir}/build/TwoStepV1_TwoStepV1.pkg`);
const v2 = code(root, `${dir}/build/TwoStepV2_TwoStepV2.pkg`);

const bump = (q) => beginCell().storeUint(0x54530003, 32).storeUint(q, 64).endCell();
const stage = (c) => beginCell().storeUint(0x54530001, 32).storeRef(c).endCell();
const apply = () => beginCell().storeUint(0x54530002, 32).endCell();

const r = await Recorder.create(
    root,
    "The two-step family (examples/contracts/twostep): TwoStepV1 (owner, count: uint32, pendingCode: Cell?) deployed by owner with a Bump; a stranger's StageCode refused with 132; the owner's StageCode stages TwoStepV2's code and changes nothing else (same code hash, version 1.0.0, Bump still adds 1); a stranger's ApplyCode refused with 132; an hour later the owner's ApplyCode applies the code; Bump on V2 adds 2; a second ApplyCode fails: nothing is staged.",
    ['owner', 'stranger'],
);
const { owner } = r.addresses;
const init = { code: v1, data: initData((b) => b.storeAddress(owner)) };
const c = r.address(init);

await r.send({ from: 'owner', init, body: bump(1), note: 'Deploy TwoStepV1 with a Bump.' });
await r.get(c, 'type_and_version');
await r.get(c, 'count');
await r.send({ from: 'stranger', to: c, body: stage(v2), note: "A stranger's StageCode: 132 (access denied)." });
await r.send({ from: 'owner', to: c, body: stage(v2), note: "The owner's StageCode only stages the code." });
await r.get(c, 'type_and_version', [], 'Still version 1.');
await r.send({ from: 'stranger', to: c, body: bump(2), note: 'Still adds 1.' });
await r.get(c, 'count');
await r.send({ from: 'stranger', to: c, body: apply(), note: "A stranger's ApplyCode: 132." });
r.wait(3600);
await r.send({ from: 'owner', to: c, body: apply(), note: "The owner's ApplyCode: SETCODE, pendingCode cleared." });
await r.get(c, 'type_and_version');
await r.get(c, 'count');
await r.send({ from: 'stranger', to: c, body: bump(3), note: 'V2 adds 2.' });
await r.get(c, 'count');
await r.send({ from: 'owner', to: c, body: apply(), note: 'Nothing staged: refused.' });
r.write(`${dir}/testdata/twostep.json`);
