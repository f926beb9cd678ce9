// Records examples/contracts/units/testdata/units.json: the units family,
// whose storage is a map of storage units, upgraded by SetCode with no
// migration in either direction.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/units.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const dir = 'examples/contracts/units';
const pkg = (name) => code(root, `${dir}/build/${name}_${name}.pkg`);
const [v1, v2] = ['UnitsV1', 'UnitsV2'].map(pkg);

const setCode = (c) => beginCell().storeUint(0x554e0001, 32).storeRef(c).endCell();
const bump = (q) => beginCell().storeUint(0x554e0002, 32).storeUint(q, 64).endCell();
const setLimit = (q, max) => beginCell().storeUint(0x554e0003, 32).storeUint(q, 64).storeUint(max, 64).endCell();

const r = await Recorder.create(
    root,
    "The units family (examples/contracts/units): UnitsV1 deployed by owner and bumped (the counter unit); SetCode to UnitsV2 with the data untouched; a Bump on V2 fills the counter unit's reserved ref with its extension (the last bumper) and SetLimit adds the limit unit; SetCode back to UnitsV1, which bumps the counter and carries both; SetCode to UnitsV2 again, which finds the extension and the limit as it left them, and refuses the Bump past the limit.",
    ['owner', 'stranger'],
);
const init = { code: v1, data: initData((b) => b.storeAddress(r.addresses.owner)) };
const u = r.address(init);
const getters = async (note) => {
    await r.get(u, 'type_and_version', [], note);
    await r.get(u, 'value');
    await r.get(u, 'bumps');
};
await r.send({ from: 'owner', init, note: 'Deploy UnitsV1: no unit stored yet.' });
await r.send({ from: 'stranger', to: u, body: bump(1) });
await r.send({ from: 'stranger', to: u, body: bump(2) });
await getters();
await r.send({ from: 'stranger', to: u, body: setCode(v2), note: "A stranger's SetCode: 132." });
await r.send({ from: 'owner', to: u, body: setCode(v2), note: 'SetCode: the code changes, the data does not.' });
await getters('V2 reads V1\'s units as they are.');
await r.get(u, 'limit');
await r.get(u, 'lastBumper');
await r.send({ from: 'stranger', to: u, body: bump(3), note: "V2 fills the counter unit's reserved ref." });
await r.send({ from: 'owner', to: u, body: setLimit(4, 5), note: 'A new unit, under its own key.' });
await getters();
await r.get(u, 'lastBumper');
await r.send({ from: 'owner', to: u, body: setCode(v1), note: 'Back to V1, again with no migration.' });
await r.send({ from: 'owner', to: u, body: bump(5), note: 'V1 counts and carries the extension and the limit unit.' });
await getters();
await r.send({ from: 'owner', to: u, body: setCode(v2), note: 'V2 once more.' });
await r.get(u, 'lastBumper', [], 'The extension V1 carried: the last bumper V2 saw.');
await r.get(u, 'limit');
await r.send({ from: 'stranger', to: u, body: bump(6) });
await r.send({ from: 'stranger', to: u, body: bump(7), note: 'The limit V2 set before the rollback holds: refused.' });
await getters();
r.write(`${dir}/testdata/units.json`);
