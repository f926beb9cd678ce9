// Records examples/contracts/diamond/testdata/diamond.json: the diamond
// family, whose facets are Tact contracts kept as code cells in the
// diamond's data and run by RUNVM on their own storage units.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/diamond.mjs <repo>

import { Recorder, code, initData, core, arg, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/diamond';
const pkg = (name) => code(root, `${dir}/build/${name}_${name}.pkg`);
const [diamondCode, counterV1, counterV2, notes] = ['Diamond', 'CounterFacetV1', 'CounterFacetV2', 'NotesFacet'].map(pkg);

const op = { setFacet: 0x00d1a001, increment: 0x01000001, reset: 0x01000002, note: 0x02000001 };
const setFacet = (q, selector, c) => beginCell().storeUint(op.setFacet, 32).storeUint(q, 64).storeUint(selector, 8).storeMaybeRef(c).endCell();
const increment = (q, by) => beginCell().storeUint(op.increment, 32).storeUint(q, 64).storeUint(by, 32).endCell();
const reset = (q) => beginCell().storeUint(op.reset, 32).storeUint(q, 64).endCell();
const note = (q, text) => beginCell().storeUint(op.note, 32).storeUint(q, 64).storeStringRefTail(text).endCell();

/** The get method ids of the facets' getters: crc16(name) | 0x10000. */
const COUNT = 90108;
const NOTES = 0x10000 | crc16('notes');

function crc16(s) {
    let crc = 0;
    for (const b of Buffer.from(s)) {
        crc ^= b << 8;
        for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    return crc;
}

const r = await Recorder.create(
    root,
    "The diamond family (examples/contracts/diamond): the Diamond deployed by owner; a message before any facet (refused); a stranger's SetFacet (132); SetFacet 0x01 = CounterFacetV1 and Increments, which the diamond runs with RUNVM on the counter unit; SetFacet 0x02 = NotesFacet and a Note on its own unit; a Reset, which version 1 of the counter does not know (exit 130 from the facet fails the diamond's transaction); SetFacet 0x01 = CounterFacetV2, which reads the same unit, and a Reset and an Increment on it; the facets' getters run through the diamond's read; last, the counter facet removed, and its unit kept.",
    ['owner', 'stranger'],
);
const init = { code: diamondCode, data: initData((b) => b.storeAddress(r.addresses.owner)) };
const d = r.address(init);
const count = (note) => r.get(d, 'read', [arg.int(1), arg.int(COUNT)], note);

await r.send({ from: 'owner', init, note: 'Deploy the Diamond with an empty body; no facet yet.' });
await r.get(d, 'type_and_version');
await r.send({ from: 'stranger', to: d, body: increment(1, 1), note: 'No facet for selector 0x01 yet: refused.' });
await r.send({ from: 'stranger', to: d, body: setFacet(2, 1, counterV1), note: "A stranger's SetFacet: 132." });
await r.send({ from: 'owner', to: d, body: setFacet(3, 1, counterV1), note: 'The counter facet, version 1, under selector 0x01.' });
await r.get(d, 'facet', [arg.int(1)]);
await r.get(d, 'unit', [arg.int(1)], 'No unit before the facet first runs.');
await r.send({ from: 'stranger', to: d, body: increment(4, 5), note: "The facet's code runs in a child VM on its unit." });
await r.send({ from: 'stranger', to: d, body: increment(5, 2) });
await r.get(d, 'unit', [arg.int(1)]);
await count('The facet getter, run through the diamond.');
await r.send({ from: 'owner', to: d, body: setFacet(6, 2, notes), note: 'A second facet, the notes, under selector 0x02.' });
await r.send({ from: 'stranger', to: d, body: note(7, 'hello'), note: 'The notes facet has its own unit.' });
await r.get(d, 'read', [arg.int(2), arg.int(NOTES)]);
await r.get(d, 'unit', [arg.int(2)]);
await r.send({ from: 'stranger', to: d, body: reset(8), note: 'Version 1 of the counter has no Reset: the facet exits 130, so does the diamond.' });
await r.send({ from: 'owner', to: d, body: setFacet(9, 1, counterV2), note: 'Replace the counter facet with version 2: the diamond keeps its code and the unit.' });
await count('Version 2 reads the unit version 1 wrote.');
await r.send({ from: 'stranger', to: d, body: reset(10) });
await r.send({ from: 'stranger', to: d, body: increment(11, 3) });
await count();
await r.send({ from: 'owner', to: d, body: setFacet(12, 1, null), note: 'Remove the counter facet; its unit stays.' });
await r.send({ from: 'stranger', to: d, body: increment(13, 1), note: 'No facet for 0x01 any more.' });
await r.get(d, 'unit', [arg.int(1)]);
await r.get(d, 'read', [arg.int(1), arg.int(COUNT)], 'Reading a removed facet is refused.');
r.write(`${dir}/testdata/diamond.json`);
