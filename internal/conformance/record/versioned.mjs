// Records examples/contracts/versioned/testdata/versioned.json: the
// versioned family, whose storage starts with its layout's version, so
// each version's init runs every migration the storage has not had.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/versioned.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/versioned';
const pkg = (name) => code(root, `${dir}/build/${name}_${name}.pkg`);
const [v1, v2, v3] = ['VersionedV1', 'VersionedV2', 'VersionedV3'].map(pkg);

const bump = (q) => beginCell().storeUint(0x56450001, 32).storeUint(q, 64).endCell();
const upgrade = (c) => beginCell().storeUint(10, 32).storeRef(c).endCell();

const r = await Recorder.create(
    root,
    "The versioned family (examples/contracts/versioned): two VersionedV1 counters (layout 1) deployed by owner and by stranger, bumped; the first upgraded v1 → v3 directly, whose init reads layout 1 and runs both migrations; the second v1 → v2 → v3, one migration each; both end in layout 3 with the same fields; last, an upgrade of the first back to VersionedV2, whose init refuses layout 3 by name.",
    ['owner', 'stranger'],
);
const deploy = async (who) => {
    const init = { code: v1, data: initData((b) => b.storeAddress(r.addresses[who])) };
    await r.send({ from: who, init, note: `Deploy VersionedV1 owned by ${who}: layout 1.` });
    return r.address(init);
};
const getters = async (c, note) => {
    await r.get(c, 'type_and_version', [], note);
    await r.get(c, 'layoutVersion');
    await r.get(c, 'count');
};
const a = await deploy('owner');
const b = await deploy('stranger');
for (const [c, who] of [[a, 'owner'], [b, 'stranger']]) {
    await r.send({ from: who, to: c, body: bump(1) });
    await r.send({ from: who, to: c, body: bump(2) });
}
await getters(a);
await r.send({ from: 'owner', to: a, body: upgrade(v3), note: 'v1 → v3 directly.' });
await getters(a, "VersionedV3's init read layout 1 and ran both migrations.");
await r.get(a, 'step');
await r.send({ from: 'owner', to: a, body: bump(3), note: 'The first message stores layout 3.' });
await r.get(a, 'lastBumper');
await r.send({ from: 'stranger', to: b, body: upgrade(v2), note: 'v1 → v2.' });
await getters(b);
await r.send({ from: 'stranger', to: b, body: bump(3) });
await r.send({ from: 'stranger', to: b, body: upgrade(v3), note: 'v2 → v3: only the second migration.' });
await getters(b);
await r.send({ from: 'stranger', to: b, body: bump(4) });
await r.get(b, 'lastBumper');
await r.send({ from: 'owner', to: a, body: upgrade(v2), note: 'Back to v2: the code changes, then its init refuses layout 3.' });
await r.get(a, 'count', [], 'Storage is in a newer layout: every getter and message fails.');
await r.send({ from: 'owner', to: a, body: bump(5) });
r.write(`${dir}/testdata/versioned.json`);
