/**
 * The conformance-vectors API. Importing this module registers every theorem's verifier and
 * exporter (one module per vectors file); the CLI imports only this module.
 */
import './t-jcost-1.js';

export * from './format.js';
export { JOINT_COST_TYPE, JOINT_COST_VERIFIER, jointCostVerifier, jointCostExporter, buildJointCostVectors, outputsOf } from './t-jcost-1.js';
