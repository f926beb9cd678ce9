// Records examples/contracts/vault/testdata/vault-recount.json: the upgrade
// to VaultV2Recount, whose init(stateToBeMigrated) walks every balance of
// the map to recount the total, so its migration's gas grows with the
// number of depositors.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/vault-recount.mjs <repo>

import { Recorder, code, initData, core, repoRoot } from './lib.mjs';

const { beginCell, toNano } = core;
const root = repoRoot();
const dir = 'examples/contracts/vault';
const v1 = code(root, `${dir}/build/VaultV1_VaultV1.pkg`);
const v2 = code(root, `${dir}/build/VaultV2Recount_VaultV2Recount.pkg`);

const deposit = (q, amount) => beginCell().storeUint(0x56410001, 32).storeUint(q, 64).storeCoins(amount).endCell();
const upgrade = (c) => beginCell().storeUint(10, 32).storeRef(c).endCell();
const depositors = ['owner', 'alice', 'bob', 'carol', 'dave'];

const r = await Recorder.create(
    root,
    "The recounting vault (examples/contracts/vault/vault_v2recount.tact): VaultV1 deployed by owner; a deposit from each of five wallets (1 to 5 TON); the owner's Upgrade to VaultV2Recount; getters run its init, which walks the five balances to recount the total; the next message (a deposit) migrates the storage for good, at a gas that grows with the depositors.",
    depositors,
);
const { owner } = r.addresses;
const init = { code: v1, data: initData((b) => b.storeAddress(owner).storeStringRefTail('Recount vault')) };
const vault = r.address(init);

await r.send({ from: 'owner', init, note: 'Deploy VaultV1 with an empty body.' });
for (const [i, who] of depositors.entries()) {
    await r.send({ from: who, to: vault, value: toNano(`${i + 1}.1`), body: deposit(i + 1, toNano(`${i + 1}`)) });
}
await r.get(vault, 'stats');
await r.send({ from: 'owner', to: vault, body: upgrade(v2), note: "The owner's Upgrade to VaultV2Recount: the data becomes the lazy-migration envelope." });
await r.get(vault, 'type_and_version', [], 'Getters run the recount in memory.');
await r.get(vault, 'stats');
await r.send({ from: 'alice', to: vault, value: toNano('1.1'), body: deposit(6, toNano('1')), note: 'The migration: init walks the five balances, then the deposit.' });
await r.get(vault, 'stats');
r.write(`${dir}/testdata/vault-recount.json`);
