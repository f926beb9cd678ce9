// Records the delayed family's vectors (examples/contracts/delayed):
// testdata/delayed.json, the owner-only timelocked upgrade from DelayedV1
// to DelayedV2, and testdata/delayed-open.json, DelayedV1Open's Confirm
// that anyone may send and that never clears the request.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/delayed.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/delayed';
const v1 = code(root, `${dir}/build/DelayedV1_DelayedV1.pkg`);
const v1open = code(root, `${dir}/build/DelayedV1Open_DelayedV1Open.pkg`);
const v2 = code(root, `${dir}/build/DelayedV2_DelayedV2.pkg`);

const bump = (q) => beginCell().storeUint(0x444c0003, 32).storeUint(q, 64).endCell();
const upgrade = (c, d, timeout) =>
    beginCell().storeUint(0x444c0001, 32).storeRef(c).storeMaybeRef(d).storeUint(timeout, 32).endCell();
const confirm = () => beginCell().storeUint(0x444c0002, 32).endCell();
const TIMEOUT = 3600;

async function owned() {
    const r = await Recorder.create(
        root,
        "The delayed family (examples/contracts/delayed): DelayedV1 (owner, count: uint32, pending: PendingUpgrade?) deployed by owner with a Bump; a stranger's Upgrade refused with 132; the owner's Upgrade { code: DelayedV2, data: null, timeout: 3600 } records the request at now; the owner's Confirm at once and half an hour later fails (still timelocked); once the hour has passed a stranger's Confirm is refused with 132 and the owner's applies the code and clears the request; Bump on V2 adds 2; a second Confirm fails: no upgrade requested.",
        ['owner', 'stranger'],
    );
    const { owner } = r.addresses;
    const init = { code: v1, data: initData((b) => b.storeAddress(owner)) };
    const c = r.address(init);

    await r.send({ from: 'owner', init, body: bump(1), note: 'Deploy DelayedV1 with a Bump.' });
    await r.get(c, 'type_and_version');
    await r.get(c, 'pending');
    await r.send({ from: 'stranger', to: c, body: upgrade(v2, null, TIMEOUT), note: "A stranger's Upgrade: 132 (access denied)." });
    await r.send({ from: 'owner', to: c, body: upgrade(v2, null, TIMEOUT), note: 'The request: DelayedV2 in an hour.' });
    await r.get(c, 'pending');
    await r.get(c, 'type_and_version', [], 'Still version 1.');
    await r.send({ from: 'owner', to: c, body: confirm(), note: 'Too early: still timelocked.' });
    r.wait(1800);
    await r.send({ from: 'owner', to: c, body: confirm(), note: 'Half an hour later: still too early.' });
    r.wait(1800);
    await r.send({ from: 'stranger', to: c, body: confirm(), note: 'The hour has passed, but only the owner may confirm: 132.' });
    await r.send({ from: 'owner', to: c, body: confirm(), note: "The owner's Confirm: SETCODE, the request cleared." });
    await r.get(c, 'type_and_version');
    await r.get(c, 'pending');
    await r.send({ from: 'stranger', to: c, body: bump(2), note: 'V2 adds 2.' });
    await r.get(c, 'count');
    await r.send({ from: 'owner', to: c, body: confirm(), note: 'Nothing requested any more: refused.' });
    r.write(`${dir}/testdata/delayed.json`);
}

async function open() {
    const r = await Recorder.create(
        root,
        "The delayed family's unsafe variant (examples/contracts/delayed): DelayedV1Open deployed by owner with a Bump; the owner's Upgrade { code: DelayedV2, data: null, timeout: 3600 }; a stranger's Confirm too early fails (timelocked); an hour later a stranger's Confirm applies the upgrade (anyone may confirm) and leaves the request in the storage, which DelayedV2 inherits; on V2 a stranger's Confirm is refused (V2 is owner-only), and the owner's Confirm replays the stale request (the same code again) and only then clears it.",
        ['owner', 'stranger'],
    );
    const { owner } = r.addresses;
    const init = { code: v1open, data: initData((b) => b.storeAddress(owner)) };
    const c = r.address(init);

    await r.send({ from: 'owner', init, body: bump(1), note: 'Deploy DelayedV1Open with a Bump.' });
    await r.get(c, 'type_and_version');
    await r.send({ from: 'owner', to: c, body: upgrade(v2, null, TIMEOUT) });
    await r.get(c, 'pending');
    await r.send({ from: 'stranger', to: c, body: confirm(), note: "A stranger's Confirm too early: timelocked." });
    r.wait(TIMEOUT);
    await r.send({ from: 'stranger', to: c, body: confirm(), note: "An hour later the stranger's Confirm goes through: anyone may confirm." });
    await r.get(c, 'type_and_version');
    await r.get(c, 'pending', [], 'The request was not cleared: V2 inherits it.');
    await r.send({ from: 'stranger', to: c, body: confirm(), note: "V2's Confirm is owner-only: 132." });
    await r.send({ from: 'owner', to: c, body: confirm(), note: 'The owner replays the stale request; V2 clears it.' });
    await r.get(c, 'pending');
    await r.send({ from: 'stranger', to: c, body: bump(2) });
    await r.get(c, 'count');
    r.write(`${dir}/testdata/delayed-open.json`);
}

await owned();
await open();
