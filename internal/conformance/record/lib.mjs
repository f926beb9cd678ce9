// Shared by the recording scripts beside this file: plays a message sequence
// in @ton/sandbox and writes what happened as a conformance vector (the
// format of package internal/conformance, replayed by Go tests that need no
// node). The scripts are never run by tests.
//
// Run them from a scratch folder OUTSIDE the repository that has the
// sandbox installed, giving the repository's root as the only argument:
//
//   mkdir -p /work/scratch/sandbox && cd /work/scratch/sandbox
//   npm init -y && npm install @ton/sandbox@0.41.0 @ton/core @ton/crypto
//   node /path/to/tonsim/internal/conformance/record/vault.mjs /path/to/tonsim
//
// The packages come from the scratch folder (the working directory), the
// compiled contracts from the repository's build/ folders (run `npm run
// build` there first), and the vector is written into the family's testdata/.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const sandbox = require('@ton/sandbox');
export const core = require('@ton/core');
const { Blockchain, SmartContract, GetMethodError } = sandbox;
const { beginCell, storeStateInit, Cell, Address } = core;

/** The unix time every vector starts at: 2025-01-01T00:00:00Z. */
export const NOW = 1735689600;

/** The value every send carries unless told otherwise: 0.05 TON. */
export const VALUE = 50000000n;

// SmartContract keeps only the account as the queue leaves it; remember the
// code and data right after each transaction, so a vector can record them
// per transaction (recordStorage gives the data alone).
const runCommon = SmartContract.prototype.runCommon;
SmartContract.prototype.runCommon = async function (run, callStack) {
    const tx = await runCommon.call(this, run, callStack);
    const state = this.account.account?.storage.state;
    const active = state?.type === 'active';
    tx.codeAfter = active ? (state.state.code ?? null) : null;
    tx.dataAfter = active ? (state.state.data ?? null) : null;
    return tx;
};

/** The repository root, the script's only argument. */
export function repoRoot() {
    const root = process.argv[2];
    if (!root || !fs.existsSync(path.join(root, 'tact.config.json'))) {
        throw new Error('usage: node <script>.mjs <tonsim repository root>');
    }
    return path.resolve(root);
}

/** The code cell of a compiled Tact package, by its path in the repository. */
export function code(root, rel) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
    return Cell.fromBase64(pkg.code);
}

/** A Tact contract's data before its init() ran: the lazy-deployment bit 0, then the init arguments. */
export function initData(store) {
    const b = beginCell().storeBit(0);
    store(b);
    return b.endCell();
}

/** The hex BOC of a cell, as vectors write cells. */
export const boc = (c) => c.toBoc().toString('hex');

const raw = (a) => a.toRawString();

function version(name) {
    const pkg = path.join(process.cwd(), 'node_modules', ...name.split('/'), 'package.json');
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
}

/** Records one vector: wallets, sends, getters and waits, in order. */
export class Recorder {
    static async create(root, what, walletNames) {
        const r = new Recorder();
        r.root = root;
        r.what = what;
        r.bc = await Blockchain.create();
        r.bc.now = NOW;
        // The VM log is what carries a debug build's dump() output; keep it
        // off the console and add that output to the step's note.
        r.bc.verbosity = { print: false, blockchainLogs: false, vmLogs: 'vm_logs', debugLogs: true };
        r.now = NOW;
        // The vector's config is "sandbox-0.41": the bytes of tonsim's
        // config profile of that name. Refuse to record with anything else.
        const embedded = Cell.fromBoc(fs.readFileSync(path.join(root, 'actor', 'configs', 'sandbox-0.41.boc')))[0];
        if (!embedded.hash().equals(r.bc.config.hash())) {
            throw new Error("the sandbox's default config is not actor/configs/sandbox-0.41.boc");
        }
        r.wallets = {};
        r.addresses = {};
        for (const name of walletNames) {
            r.wallets[name] = await r.bc.treasury(name);
            r.addresses[name] = r.wallets[name].address;
        }
        r.walletSet = new Set(Object.values(r.addresses).map(raw));
        r.steps = [];
        return r;
    }

    /** The address a StateInit deploys to. */
    address(init) {
        return core.contractAddress(0, init);
    }

    /**
     * Sends a message from a wallet: { from, to, value, bounce, body, init, note }.
     * Returns the recorded transactions (the wallets' left out).
     */
    async send({ from, to, value = VALUE, bounce = true, body, init, note }) {
        const dest = to ?? this.address(init);
        const send = { from, to: raw(dest), value: value.toString(), bounce };
        if (body) send.body = boc(body);
        if (init) send.state_init = boc(beginCell().store(storeStateInit(init)).endCell());
        const res = await this.wallets[from].send({ to: dest, value, bounce, body, init });
        const contracts = res.transactions.filter((tx) => !this.walletSet.has(raw(new Address(0, bigintBytes(tx.address)))));
        const transactions = contracts.map(transaction);
        const debug = contracts.map((tx) => tx.debugLogs).filter((logs) => logs);
        const step = {};
        if (debug.length > 0) note = `${note ?? ''} The sandbox's debug output: ${JSON.stringify(debug.join('\n'))}`.trim();
        if (note) step.note = note;
        step.send = send;
        step.transactions = transactions;
        this.steps.push(step);
        return transactions;
    }

    /** Runs a getter: args are TupleItems. */
    async get(on, method, args = [], note) {
        const step = {};
        if (note) step.note = note;
        step.get = { on: raw(on), method };
        if (args.length > 0) step.get.args = args.map(stackValue);
        try {
            const res = await this.bc.runGetMethod(on, method, args);
            step.exit_code = res.exitCode;
            step.gas_used = Number(res.gasUsed);
            step.result = res.stack.map(stackValue);
        } catch (e) {
            if (!(e instanceof GetMethodError)) {
                // The sandbox runs no getter on an account without code
                // (uninit or frozen).
                if (!String(e.message).includes('non-active contract')) throw e;
                step.no_code = true;
                this.steps.push(step);
                return step;
            }
            step.exit_code = e.exitCode;
            step.gas_used = Number(e.gasUsed);
        }
        this.steps.push(step);
        return step;
    }

    /** Records an account's status and balance. */
    async account(on, note) {
        const c = await this.bc.getContract(on);
        const step = {};
        if (note) step.note = note;
        const state = c.accountState?.type ?? 'uninit';
        step.account = { on: raw(on), status: state === 'uninit' && c.balance === 0n ? 'nonexist' : state, balance: c.balance.toString() };
        this.steps.push(step);
    }

    /** Moves the clock forward. */
    wait(seconds, note) {
        this.now += seconds;
        this.bc.now = this.now;
        const step = { wait: seconds };
        if (note) step.note = note;
        this.steps.push(step);
    }

    /** Writes the vector to a path relative to the repository root. */
    write(rel) {
        const vector = {
            what: this.what,
            recorded_with: `@ton/sandbox ${version('@ton/sandbox')}, @ton/core ${version('@ton/core')}`,
            config: 'sandbox-0.41',
            now: NOW,
            wallets: Object.fromEntries(Object.entries(this.addresses).map(([n, a]) => [n, raw(a)])),
            steps: this.steps,
        };
        const file = path.join(this.root, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(vector, null, 1) + '\n');
        console.log(`wrote ${rel}: ${this.steps.length} steps`);
    }
}

function bigintBytes(n) {
    return Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
}

/** One transaction as a vector records it. */
function transaction(tx) {
    const d = tx.description;
    if (d.type !== 'generic') {
        throw new Error(`unexpected ${d.type} transaction`);
    }
    const info = tx.inMessage.info;
    const cp = d.computePhase;
    const ap = d.actionPhase;
    const rec = {
        on: raw(new Address(0, bigintBytes(tx.address))),
        from: info.type === 'internal' ? raw(info.src) : null,
    };
    if (cp.type === 'skipped') {
        rec.compute_skipped = cp.reason.replace('-', '_');
    } else {
        rec.exit_code = cp.exitCode;
    }
    Object.assign(rec, {
        action_code: ap?.resultCode ?? 0,
        success: cp.type === 'vm' && cp.success && (ap?.success ?? false),
        aborted: d.aborted,
        bounced: info.type === 'internal' ? info.bounced : false,
        deployed: tx.oldStatus !== 'active' && tx.endStatus === 'active',
        gas_used: cp.type === 'vm' ? Number(cp.gasUsed) : 0,
        total_fees: tx.totalFees.coins.toString(),
        skipped_actions: ap?.skippedActions ?? 0,
        out_messages: tx.outMessagesCount,
        data_hash: tx.dataAfter ? tx.dataAfter.hash().toString('hex') : null,
        code_hash: tx.codeAfter ? tx.codeAfter.hash().toString('hex') : null,
        end_status: tx.endStatus,
        storage_collected: (d.storagePhase?.storageFeesCollected ?? 0n).toString(),
        storage_due: (d.storagePhase?.storageFeesDue ?? 0n).toString(),
        events: tx.outMessages
            .keys()
            .sort((a, b) => a - b)
            .map((k) => tx.outMessages.get(k))
            .filter((m) => m.info.type === 'external-out')
            .map((m) => boc(m.body)),
    });
    return rec;
}

/** A TupleItem as a vector writes a stack value. */
function stackValue(item) {
    switch (item.type) {
        case 'int':
            return { type: 'int', value: item.value.toString() };
        case 'nan':
            return { type: 'nan' };
        case 'null':
            return { type: 'null' };
        case 'cell':
        case 'slice':
        case 'builder':
            return { type: item.type, boc: boc(item.cell) };
        case 'tuple':
            return { type: 'tuple', items: item.items.map(stackValue) };
    }
    throw new Error(`unknown stack item ${item.type}`);
}

/** Getter arguments. */
export const arg = {
    int: (v) => ({ type: 'int', value: BigInt(v) }),
    address: (a) => ({ type: 'slice', cell: beginCell().storeAddress(a).endCell() }),
};
