/**
 * Per-operation CPU cost constants (draft §1.3). Every model function takes them as an argument,
 * so the draft's pinned values and constants measured on a real machine are interchangeable.
 */

/** Median cost of one operation, in microseconds of CPU (draft §1.3 symbol list). */
export interface CostConstants {
  /** Decode one CWT snapshot (JSON). */
  readonly c_json: number;
  /** Parse one Coherence-BFD control packet (binary). */
  readonly c_bfd_parse: number;
  /** Verify one HMAC-SHA256 tag. */
  readonly c_hmac: number;
  /** Verify one Ed25519 cosignature. */
  readonly c_ed25519: number;
  /** One per-packet rate-limit lookup on the NIC fast path (draft §4.1). */
  readonly c_xdp: number;
}

/** Names of the constants, in the draft's §1.3 order. */
export const CONSTANT_NAMES = ['c_json', 'c_bfd_parse', 'c_hmac', 'c_ed25519', 'c_xdp'] as const;

/** A constants file: the values plus where they come from (schemas/constants-v1.schema.json). */
export interface ConstantsFile {
  readonly schema: 'perfsec-constants-v1';
  /** Where the values come from: a draft section, or a calibration run. */
  readonly source: string;
  readonly constants_us: CostConstants;
  readonly notes?: string;
}
