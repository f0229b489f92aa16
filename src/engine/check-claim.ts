/**
 * The claim engine's one check (issue 17, "One claim engine"): a claim at a seed and a budget is
 * searched when it should hold, and its stored counterexample is replayed when it is pinned as
 * refuted. Every use goes through here: the vitest bridge, the validator, the audit and
 * `perfsec search`; each prints what it needs from the typed status.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Claim } from './claim.js';
import { COUNTEREXAMPLE_DIR, loadCounterexample, type CounterexampleRecord } from './counterexamples.js';
import { replay, type ReplayOutcome } from './replay.js';
import { search, type SearchOutcome } from './search.js';

/** The four things a check of a claim can find. */
export type ClaimStatus = ClaimCheck['status'];

/** A claim's pinned refutation: its counterexample id, file, record and replay (null when not read). */
export interface Pin {
  /** The counterexample id the claim names (`refutedBy`). */
  readonly id: string;
  /** Where the record is (or should be) stored. */
  readonly file: string;
  /** The file exists (false: the pin is lost because nothing is stored). */
  readonly stored: boolean;
  /** The record, when it could be read. */
  readonly record: CounterexampleRecord | null;
  /** Its replay, when the record could be read. */
  readonly replay: ReplayOutcome | null;
}

interface Common {
  readonly claimId: string;
  /** One line for people: what was found, replayable (seed and path, or the replay's summary). */
  readonly detail: string;
  /** The search run (null for a pinned claim, unless `searchPinned` asked for it). */
  readonly search: SearchOutcome | null;
}

/** What checking a claim found. */
export type ClaimCheck =
  /** Searched, no counterexample. */
  | (Common & { readonly status: 'holds'; readonly search: SearchOutcome })
  /** Pinned as refuted, and its stored counterexample reproduces. */
  | (Common & { readonly status: 'refuted-as-pinned'; readonly pin: Pin & { readonly replay: ReplayOutcome } })
  /** A claim expected to hold: the search found a counterexample (shrunk), at this seed and path. */
  | (Common & {
      readonly status: 'new-counterexample';
      readonly search: SearchOutcome;
      readonly seed: number;
      readonly path: string | null;
      readonly value: readonly unknown[] | null;
    })
  /** Pinned as refuted, but the stored counterexample is missing, unreadable or no longer reproduces. */
  | (Common & { readonly status: 'pin-lost'; readonly reason: string; readonly pin: Pin });

/** How to check a claim. */
export interface CheckOptions {
  readonly seed: number;
  readonly numRuns: number;
  /** Where pinned counterexamples are stored (default spec/counterexamples/). */
  readonly counterexampleDir?: string;
  /** Search a pinned claim too (`perfsec search` does, to store a pin that is not stored yet). */
  readonly searchPinned?: boolean;
}

/** Checks CLAIM: replays its pinned counterexample when it names one, else searches it. */
export function checkClaim(claim: Claim, o: CheckOptions): ClaimCheck {
  const searched = !claim.refutedBy || o.searchPinned ? search(claim, { seed: o.seed, numRuns: o.numRuns }) : null;
  if (claim.refutedBy) return checkPin(claim, claim.refutedBy, o.counterexampleDir ?? COUNTEREXAMPLE_DIR, searched);
  const s = searched!;
  const runs = `${s.runsExecuted} runs at seed ${s.seed}`;
  if (!s.failed) return { status: 'holds', claimId: claim.id, search: s, detail: `${claim.id} holds over ${runs}` };
  return {
    status: 'new-counterexample',
    claimId: claim.id,
    search: s,
    seed: s.seed,
    path: s.path,
    value: s.counterexample,
    detail: `${claim.id} refuted at seed ${s.seed} path ${s.path}`,
  };
}

/** Replays the counterexample ID that pins CLAIM as refuted. */
function checkPin(claim: Claim, id: string, dir: string, searched: SearchOutcome | null): ClaimCheck {
  const file = path.join(dir, `${id}.json`);
  const lost = (reason: string, pin: Pin): ClaimCheck => ({
    status: 'pin-lost',
    claimId: claim.id,
    search: searched,
    reason,
    pin,
    detail: reason,
  });
  const unread = { id, file, record: null, replay: null };
  if (!existsSync(file)) return lost(`counterexample ${id} is not stored`, { ...unread, stored: false });
  let record: CounterexampleRecord;
  try {
    record = loadCounterexample(file);
  } catch (e) {
    // a record that cannot be read (schema, replay budget) pins nothing
    return lost(`counterexample ${id}: ${e instanceof Error ? e.message : String(e)}`, { ...unread, stored: true });
  }
  const r = replay(claim, record);
  if (!r.reproduced) return lost(r.summary, { id, file, stored: true, record, replay: r });
  const pin = { id, file, stored: true, record, replay: r };
  return { status: 'refuted-as-pinned', claimId: claim.id, search: searched, pin, detail: r.summary };
}
