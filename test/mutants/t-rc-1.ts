/**
 * Deliberately broken T-RC-1 brokers (draft §5). Each is a plausible implementation slip; the
 * adversary search must catch every one (test/t-rc-1-mutants.test.ts).
 */
import type { Mutant } from './caught.js';
import {
  Broker,
  type BfdSession,
  type BrokerFactory,
  type DraftReason,
  type Predicates,
  type RejectReason,
} from '../../model/broker.js';

/** A broken broker, named after its slip, with the claims that must catch it. */
export type RcMutant = Mutant<BrokerFactory>;

/** Drops predicate (a): BFD seq never checked. */
class DropA extends Broker {
  protected override predicateA(): boolean {
    return true;
  }
}

/** Resets last_bfd_seq at the epoch boundary (draft §5 says KEEP it). */
class ResetSeqAtBoundary extends Broker {
  protected override epochBoundary(epoch: number): void {
    super.epochBoundary(epoch);
    this.lastBfdSeq.clear();
  }
}

/** Drops predicate (b): CWT counter never checked. */
class DropB extends Broker {
  protected override predicateB(): boolean {
    return true;
  }
}

/** Drops predicate (c): expiry never checked. */
class DropC extends Broker {
  protected override predicateC(): boolean {
    return true;
  }
}

/** Keeps the CWT counter per vantage across epochs (forgets CWT §9.1's reset). */
class CounterNotReset extends Broker {
  protected override predicateB(counter: number, vantage: string): boolean {
    const last = [...this.lastCwtCounter]
      .filter(([k]) => k.startsWith(`${vantage}|`))
      .reduce((m, [, c]) => Math.max(m, c), -1);
    return counter > last;
  }
}

/** Keeps last_bfd_seq per vantage whatever the configured reading. */
class SeqPerVantage extends Broker {
  protected override seqKey(s: BfdSession): string {
    return `v:${s.vantage}`;
  }
}

/** Skips HMAC verification. */
class NoAuth extends Broker {
  protected override authentic(): boolean {
    return true;
  }
}

/** Skips the OEM binding and epoch window (keys exist for every epoch). */
class NoEpochBinding extends Broker {
  protected override bound(): boolean {
    return true;
  }
}

/** Logs an HMAC failure as epoch-mismatch (squeezing it into the draft's five). */
class AuthAsEpochMismatch extends Broker {
  protected override authFailure(): RejectReason {
    return 'epoch-mismatch';
  }
}

/** Logs `stale` before a replay reason when both apply. */
class StaleFirst extends Broker {
  protected override reasonFor(p: Predicates): DraftReason | null {
    return p.c === false ? 'stale' : super.reasonFor(p);
  }
}

const of =
  (C: typeof Broker): BrokerFactory =>
  (config) =>
    new C(config);
/** Forgets last_bfd_seq after twice the Detection Time of silence (RFC 5880 §6.8.1) whatever the configured reading. */
const forgetsSeq: BrokerFactory = (config) =>
  new Broker({ ...config, reading: { ...config.reading, seqMemory: 'rfc5880' } });

/** The mutants, and the claims that must catch each. */
export const RC_MUTANTS: readonly RcMutant[] = [
  {
    name: 'drop-a: predicate (a) dropped (BFD seq never checked)',
    subject: of(DropA),
    caughtBy: [
      'T-RC-1.A.no-double-accept',
      'T-RC-1.A.reference',
      'T-RC-1.A.iff',
      'T-RC-1.B.cross-epoch-rejected',
      'T-RC-1.B.replay-reasons',
      'T-RC-1.B.carried-replay-by-a',
    ],
  },
  {
    name: 'reset-seq: last_bfd_seq reset at the epoch boundary',
    subject: of(ResetSeqAtBoundary),
    caughtBy: [
      'T-RC-1.A.no-double-accept',
      'T-RC-1.A.reference',
      'T-RC-1.B.cross-epoch-rejected',
      'T-RC-1.B.replay-reasons',
      'T-RC-1.B.carried-replay-by-a',
    ],
  },
  {
    name: 'drop-b: predicate (b) dropped (CWT counter never checked)',
    subject: of(DropB),
    caughtBy: ['T-RC-1.A.no-double-accept', 'T-RC-1.A.reference', 'T-RC-1.A.iff'],
  },
  {
    name: 'drop-c: predicate (c) dropped (expiry never checked)',
    subject: of(DropC),
    caughtBy: ['T-RC-1.A.reference', 'T-RC-1.A.iff'],
  },
  {
    name: 'counter-not-reset: CWT counter kept per vantage across epochs',
    subject: of(CounterNotReset),
    caughtBy: ['T-RC-1.A.no-false-reject', 'T-RC-1.A.overlap', 'T-RC-1.A.reference', 'T-RC-1.A.iff'],
  },
  {
    name: 'seq-per-vantage: last_bfd_seq kept per vantage (two sessions share it)',
    subject: of(SeqPerVantage),
    caughtBy: ['T-RC-1.A.seq-per-session', 'T-RC-1.A.no-false-reject', 'T-RC-1.A.reference'],
  },
  {
    name: 'forgets-seq: last_bfd_seq forgotten after twice the Detection Time of silence',
    subject: forgetsSeq,
    caughtBy: ['T-RC-1.A.seq-kept', 'T-RC-1.A.no-double-accept', 'T-RC-1.A.reference'],
  },
  {
    name: 'no-auth: HMAC never verified',
    subject: of(NoAuth),
    caughtBy: ['T-RC-1.A.reference', 'T-RC-1.A.iff', 'T-RC-1.B.cross-epoch-rejected', 'T-RC-1.B.forge-reasons'],
  },
  {
    name: 'no-epoch-binding: OEM binding and overlap window ignored',
    subject: of(NoEpochBinding),
    caughtBy: ['T-RC-1.A.reference', 'T-RC-1.A.iff', 'T-RC-1.A.reasons'],
  },
  {
    name: 'auth-as-epoch-mismatch: an HMAC failure logged as epoch-mismatch',
    subject: of(AuthAsEpochMismatch),
    caughtBy: ['T-RC-1.A.reasons', 'T-RC-1.B.forge-reasons'],
  },
  {
    name: 'stale-first: stale logged before the replay reason',
    subject: of(StaleFirst),
    caughtBy: ['T-RC-1.A.reasons'],
  },
];
