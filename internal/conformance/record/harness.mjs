// Records internal/conformance/testdata/harness.json, the vector the
// harness's own tests replay and tamper with: the example counter V1
// deployed and stepped, messages to an address with no account (the
// compute phase skipped for no_state, bounced and not), a getter that does
// not exist, and a day's wait before the last step.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/harness.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell, Address } = core;
const root = repoRoot();
const v1 = code(root, 'counter/build/CounterV1_CounterV1.pkg');
const step = (queryId) => beginCell().storeUint(1, 32).storeUint(queryId, 64).endCell();

const r = await Recorder.create(
    root,
    'The harness fixture: the example counter V1 (init id 1, owner owner, value 0) deployed and stepped by owner; a bounceable and a non-bounceable message to an address with no account (compute skipped: no_state; the first bounces, the second leaves an uninit account holding its value); a getter the counter lacks (exit 11); a day later, one more Step (the counter sends back all it gets, so there is no balance to take storage fees from).',
    ['owner'],
);
const owner = r.addresses.owner;
const init = { code: v1, data: initData((b) => b.storeInt(1, 257).storeAddress(owner).storeInt(0, 257)) };
const counter = r.address(init);
const nobody = Address.parseRaw('0:' + '11'.repeat(32));

await r.send({ from: 'owner', init });
await r.send({ from: 'owner', to: counter, body: step(1) });
await r.get(counter, 'value');
await r.get(counter, 'type_and_version');
await r.send({ from: 'owner', to: nobody, body: step(2), note: 'No account there: compute skipped, the message bounces.' });
await r.send({ from: 'owner', to: nobody, bounce: false, note: 'Non-bounceable: the value stays in an uninit account.' });
await r.get(counter, 'missing');
r.wait(86400);
await r.send({ from: 'owner', to: counter, body: step(3), note: 'A day later.' });
await r.get(counter, 'value');
r.write('internal/conformance/testdata/harness.json');
