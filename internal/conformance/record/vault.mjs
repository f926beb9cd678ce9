// Records the vault family's vectors (examples/contracts/vault):
// testdata/vault.json, the normal flow, and testdata/vault-brick.json, the
// upgrade to VaultV2Bad that bricks the vault.
//
// Run it from a scratch folder outside the repository (lib.mjs has the
// setup), giving the repository's root:
//
//   cd /work/scratch/sandbox   # npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node <repo>/internal/conformance/record/vault.mjs <repo>

import { Recorder, code, initData, core, arg, repoRoot } from './lib.mjs';

const { beginCell, toNano } = core;
const root = repoRoot();
const dir = 'examples/contracts/vault';
const v1 = code(root, `${dir}/build/VaultV1_VaultV1.pkg`);
const v1debug = code(root, `${dir}/build/VaultV1Debug_VaultV1.pkg`);
const v2 = code(root, `${dir}/build/VaultV2_VaultV2.pkg`);
const v2bad = code(root, `${dir}/build/VaultV2Bad_VaultV2Bad.pkg`);

const op = { deposit: 0x56410001, withdraw: 0x56410003, sweep: 0x56410004, query: 0x56410005, upgrade: 10 };
const deposit = (q, amount) => beginCell().storeUint(op.deposit, 32).storeUint(q, 64).storeCoins(amount).endCell();
const withdraw = (q, amount) => beginCell().storeUint(op.withdraw, 32).storeUint(q, 64).storeCoins(amount).endCell();
const sweep = (q, amount) => beginCell().storeUint(op.sweep, 32).storeUint(q, 64).storeCoins(amount).endCell();
const query = (q) => beginCell().storeUint(op.query, 32).storeUint(q, 64).endCell();
const upgrade = (c) => beginCell().storeUint(op.upgrade, 32).storeRef(c).endCell();

/** VaultV1's StateInit: init(owner: Address, name: String). */
const vaultInit = (c, owner, name) => ({
    code: c,
    data: initData((b) => b.storeAddress(owner).storeStringRefTail(name)),
});

async function normal() {
    const r = await Recorder.create(
        root,
        "The example vault (examples/contracts/vault): VaultV1 deployed by owner with name \"Example vault\"; deposits from owner and, an hour later, stranger (each emits a Deposited event and sends the rest of the value back); stranger's Query answered by a Reply with the same opcode; a withdrawal, a withdrawal beyond the balance (refused, bounced); the owner's Sweep of 1000 TON, which the vault cannot pay, skipped by the action phase (skipped_actions 1, no message out) in a successful transaction; a stranger's Upgrade refused with 132; the owner's Upgrade to VaultV2, whose init(stateToBeMigrated) reads VaultV1's storage split over two cells; getters on the migrated storage; a withdrawal on V2 (a Withdrawn event) and a deposit. Last, VaultV1Debug (VaultV1 built with Tact's debug option, its Deposit dumps the new balance) deployed beside it and deposited to.",
        ['owner', 'stranger'],
    );
    const { owner, stranger } = r.addresses;
    const init = vaultInit(v1, owner, 'Example vault');
    const vault = r.address(init);
    const getters = async (note) => {
        await r.get(vault, 'stats', [], note);
        await r.get(vault, 'balanceOf', [arg.address(owner)]);
        await r.get(vault, 'balanceOf', [arg.address(stranger)]);
        await r.get(vault, 'lastDepositor');
        await r.get(vault, 'history');
    };

    await r.send({ from: 'owner', init, note: 'Deploy VaultV1 with an empty body; the value comes back.' });
    await r.get(vault, 'type_and_version');
    await r.get(vault, 'isUpgradable');
    await r.get(vault, 'owner');
    await r.get(vault, 'name');
    await getters('No deposit yet: lastDepositor and history are null.');
    await r.send({ from: 'owner', to: vault, value: toNano('1.1'), body: deposit(1, toNano('1')), note: 'Deposit 1 TON: a Deposited event and the rest back.' });
    r.wait(3600, 'An hour later: the next transaction pays storage fees.');
    await r.send({ from: 'stranger', to: vault, value: toNano('2.1'), body: deposit(2, toNano('2')) });
    await getters();
    await r.send({ from: 'stranger', to: vault, body: query(3), note: 'Query: the vault answers with a Reply, the same opcode.' });
    await r.send({ from: 'stranger', to: vault, body: withdraw(4, toNano('0.5')) });
    await r.send({ from: 'stranger', to: vault, body: withdraw(5, toNano('10')), note: 'More than the balance: refused and bounced.' });
    await r.send({ from: 'owner', to: vault, body: sweep(6, toNano('1000')), note: 'A sweep the vault cannot pay: the action is skipped, the transaction succeeds.' });
    await r.get(vault, 'stats');
    await r.send({ from: 'stranger', to: vault, body: upgrade(v2), note: "A stranger's Upgrade: 132 (access denied)." });
    await r.send({ from: 'owner', to: vault, body: upgrade(v2), note: "The owner's Upgrade to VaultV2: the code changes, the data becomes the lazy-migration envelope." });
    await r.get(vault, 'type_and_version', [], 'Getters run V2, whose init migrates the envelope in memory.');
    await r.get(vault, 'migratedAt');
    await r.get(vault, 'name');
    await getters();
    r.wait(60);
    await r.send({ from: 'stranger', to: vault, body: withdraw(7, toNano('0.5')), note: 'The first V2 message migrates for good; V2 withdrawals emit Withdrawn.' });
    await r.get(vault, 'migratedAt');
    await r.send({ from: 'owner', to: vault, value: toNano('0.3'), body: deposit(8, toNano('0.25')) });
    await getters();

    const debugInit = vaultInit(v1debug, owner, 'Debug vault');
    const debugVault = r.address(debugInit);
    await r.send({ from: 'owner', init: debugInit, note: 'VaultV1Debug: the same source built with debug: true.' });
    await r.send({ from: 'owner', to: debugVault, value: toNano('1.1'), body: deposit(9, toNano('1')), note: 'Its Deposit runs dump(balance), which costs gas.' });
    await r.get(debugVault, 'balanceOf', [arg.address(owner)]);
    await r.get(debugVault, 'type_and_version');
    r.write(`${dir}/testdata/vault.json`);
}

async function brick() {
    const r = await Recorder.create(
        root,
        "The example vault bricked (examples/contracts/vault): VaultV1 deployed by owner and deposited to; the owner's Upgrade to VaultV2Bad succeeds, but VaultV2Bad's init(stateToBeMigrated) reads VaultV1's storage as one flat cell, takes the continuation cell for the name and runs out of bits reading lastDepositor: every getter, every message and the owner's Upgrade back to VaultV1 fail with exit 9 (cell underflow).",
        ['owner', 'stranger'],
    );
    const { owner } = r.addresses;
    const init = vaultInit(v1, owner, 'Example vault');
    const vault = r.address(init);
    await r.send({ from: 'owner', init });
    await r.send({ from: 'owner', to: vault, value: toNano('1.1'), body: deposit(1, toNano('1')) });
    await r.get(vault, 'stats');
    await r.send({ from: 'owner', to: vault, body: upgrade(v2bad), note: 'The Upgrade itself succeeds: VaultV1 runs it.' });
    await r.get(vault, 'type_and_version', [], 'From here every getter fails with 9.');
    await r.get(vault, 'stats');
    await r.send({ from: 'stranger', to: vault, value: toNano('1.1'), body: deposit(2, toNano('1')), note: 'Every message fails with 9 and bounces.' });
    await r.send({ from: 'owner', to: vault, body: upgrade(v1), note: "The owner's Upgrade back to VaultV1 as well: bricked." });
    await r.get(vault, 'balanceOf', [arg.address(owner)]);
    r.write(`${dir}/testdata/vault-brick.json`);
}

await normal();
await brick();
