/**
 * The pipeline's acceptance stages seen as a T-RC-1 broker (model/broker.ts BrokerLike), so the
 * T-RC-1 claims of properties/t-rc-1.prop.ts can search it exactly as they search the model
 * (test/pipeline.test.ts). No rate limit here: the claims are about acceptance (draft §5).
 */
import { DEFAULT_READING, type BrokerFactory, type Decision, type BrokerPacketKind } from '../../model/broker.js';
import { AdmissionPipeline } from './admission.js';
import { brokerReason, DECISION_NAMES, type AdmissionDecision } from './admission-decision.js';

function decision(kind: BrokerPacketKind, v: AdmissionDecision): Decision {
  if (v === 0) return { accepted: true, kind, detail: 'pipeline: accepted' };
  const reason = brokerReason(v);
  if (reason === undefined) throw new Error(`pipeline decision ${DECISION_NAMES[v]} has no broker reason`);
  return { accepted: false, kind, reason, detail: `pipeline: ${reason}` };
}

/** A BrokerFactory running the pipeline's parse, HMAC and acceptance stages; only DEFAULT_READING is implemented. */
export const pipelineBroker: BrokerFactory = (config) => {
  const r = config.reading;
  if (
    r.bfdSeqKey !== DEFAULT_READING.bfdSeqKey ||
    r.snapshotSeq !== DEFAULT_READING.snapshotSeq ||
    r.seqMemory !== DEFAULT_READING.seqMemory
  ) {
    throw new Error('the pipeline implements the default reading of draft §5 only');
  }
  const p = new AdmissionPipeline({
    oem: config.oem,
    keys: config.keys,
    sessions: config.sessions,
    policy: null,
    tickMs: 50,
  });
  return {
    advance: () => undefined, // the replay ring needs no sweep at a boundary (src/pipeline/replay-state.ts)
    receiveSnapshot: (bytes, now) => decision('snapshot', p.acceptSnapshot(bytes, now)),
    receivePush: (bytes, now) => decision('push', p.acceptPush(bytes, now)),
  };
};

/**
 * The T-RC-1 claims the model satisfies under the default reading (neither refuted nor of another reading): the
 * pipeline must too.
 */
export const PIPELINE_RC_CLAIMS = [
  'T-RC-1.A.no-double-accept',
  'T-RC-1.A.seq-kept',
  'T-RC-1.A.reference',
  'T-RC-1.A.no-false-reject',
  'T-RC-1.A.seq-per-session',
  'T-RC-1.A.overlap',
  'T-RC-1.A.iff',
  'T-RC-1.A.reasons',
  'T-RC-1.B.cross-epoch-rejected',
  'T-RC-1.B.replay-reasons',
  'T-RC-1.B.forge-reasons',
] as const;
