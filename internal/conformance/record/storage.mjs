// Records counter/testdata/storage.json: what time does to an account that
// keeps no balance. The example counter V1 hands back every nanoton it
// gets, so storage fees it cannot pay become a due payment, and once the
// due passes the config's freeze limit the account freezes: its compute
// phase is skipped, messages bounce and getters cannot run.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/storage.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell } = core;
const root = repoRoot();
const v1 = code(root, 'counter/build/CounterV1_CounterV1.pkg');
const step = (queryId) => beginCell().storeUint(1, 32).storeUint(queryId, 64).endCell();

const r = await Recorder.create(
    root,
    'Storage fees over time: the example counter V1 (which returns every nanoton it gets) deployed by owner with id 1 and value 5, then a Step after ten years (the storage fee it cannot pay becomes due) and one after sixty more (the due passes the freeze limit: the account freezes, the compute phase is skipped, the message bounces), a getter on the frozen account, and one more Step. Every send carries 0.05 TON and bounces.',
    ['owner'],
);
const owner = r.addresses.owner;
const init = { code: v1, data: initData((b) => b.storeInt(1, 257).storeAddress(owner).storeInt(5, 257)) };
const counter = r.address(init);

await r.send({ from: 'owner', init, note: 'Deploy the counter: its cashback leaves it no balance.' });
await r.get(counter, 'value');
await r.account(counter, 'Active, holding nothing.');
r.wait(315360000, 'Ten years pass.');
await r.send({ from: 'owner', to: counter, body: step(1), note: 'A Step after ten years: the storage fee it cannot pay is due.' });
await r.account(counter, 'Still active, owing.');
r.wait(1892160000, 'Sixty more years pass.');
await r.send({ from: 'owner', to: counter, body: step(2), note: 'The due passes the freeze limit: frozen, the Step bounces.' });
await r.account(counter, 'Frozen.');
await r.get(counter, 'value', [], 'A frozen account has no code to run a getter with.');
await r.send({ from: 'owner', to: counter, body: step(3), note: 'A Step to the frozen account bounces too.' });
r.write('counter/testdata/storage.json');
