/**
 * The conformance-vectors API. Importing this module registers every theorem's verifier and
 * exporter (one module per vectors file); the CLI imports only this module.
 */
import './t-jcost-1.js';
import './t-vdos-1.js';
import './t-rc-1.js';
import './t-hkdf-ps.js';
import './t-comp-split.js';
import './c2sp-public.js';
import './capabilities.js';

export * from './format.js';
export {
  JOINT_COST_TYPE,
  JOINT_COST_VERIFIER,
  jointCostVerifier,
  jointCostExporter,
  buildJointCostVectors,
  outputsOf,
} from './t-jcost-1.js';
